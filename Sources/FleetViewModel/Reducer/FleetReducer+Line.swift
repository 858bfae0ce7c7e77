extension FleetReducer {
    /// An editing key on the line that has the keyboard: the filter line while it is open, else the command line.
    static func editLine(_ s: inout FleetState, _ edit: LineEdit) {
        if case .commandLine(let command) = s.dialog {
            s.dialog = .commandLine(CommandLineState(command.line.applying(edit)))
        } else if s.filter.isEditing, s.dialog == .none {
            s.filter.line.apply(edit)
        }
    }

    /// Tab on the command line. The first Tab completes the word before the cursor as far as the candidates
    /// agree (a single candidate in full, with a space after it) and, when several remain, shows them; each
    /// further Tab puts the next one in the line (Shift-Tab the previous one). Any other key ends the cycle.
    static func completeCommandLine(_ s: inout FleetState, backward: Bool) -> [FleetEffect] {
        guard case .commandLine(var command) = s.dialog else { return [] }
        if var cycle = command.completion, cycle.candidates.count > 1 {
            let n = cycle.candidates.count
            cycle.selected = cycle.selected.map { (backward ? $0 + n - 1 : $0 + 1) % n } ?? (backward ? n - 1 : 0)
            command.line = replacingWord(command.line, from: cycle.wordStart, with: cycle.candidates[cycle.selected!])
            command.completion = cycle
            s.dialog = .commandLine(command)
            return []
        }
        guard let found = CommandCompletion.of(command.line, in: s) else {
            command.completion = nil
            s.dialog = .commandLine(command)
            return []
        }
        var effects: [FleetEffect] = []
        if found.kind == "regions", !s.regionListLoaded, !s.sandbox {
            // Only the regions named so far are known: ask the account for its list, for the next Tab.
            effects.append(.loadRegionList)
        }
        switch found.candidates.count {
        case 0:
            command.completion = found
        case 1:
            command.line = replacingWord(command.line, from: found.wordStart, with: found.candidates[0] + " ")
            command.completion = nil
        default:
            let prefix = found.commonPrefix
            if prefix.count > found.typed.count {
                command.line = replacingWord(command.line, from: found.wordStart, with: prefix)
            }
            command.completion = found
        }
        s.dialog = .commandLine(command)
        return effects
    }

    /// `line` with the text from `start` to the cursor replaced by `word`, the cursor after it.
    private static func replacingWord(_ line: TypedLine, from start: Int, with word: String) -> TypedLine {
        TypedLine(String(line.text.prefix(start)) + word + String(line.afterCursor), cursor: start + word.count)
    }
}
