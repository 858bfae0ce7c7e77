import ArgumentParser
import ECSAPI
import Foundation
import Logging

/// Parses, runs, and is the only place that exits: 0 success, 1 some instances failed, 2 usage or
/// configuration, 3 refused.
func main() async -> Int32 {
    LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = .info
        return handler
    }
    signal(SIGPIPE, SIG_IGN)
    let arguments = Ecsfleet.normalise(Array(CommandLine.arguments.dropFirst()))
    var command: any ParsableCommand
    do {
        command = try Ecsfleet.parseAsRoot(arguments)
    } catch {
        if let (typed, meant) = Ecsfleet.suggestion(for: arguments) {
            let line =
                "ecsfleet: '\(typed)' is not a command. Did you mean '\(meant)'?\nRun 'ecsfleet --help' for usage.\n"
            FileHandle.standardError.write(Data(SafeText.escaped(line, keepingNewlines: true).utf8))
            return 2
        }
        return report(error)
    }
    do {
        if var asyncCommand = command as? any AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
        return 0
    } catch {
        return report(error)
    }
}

/// Prints why the command ended and returns its status. Every message may quote what the operator typed (a
/// region, a tag, a path, a file's contents) or what the API said, so control characters, escape sequences and
/// bidi controls are written as visible escapes (`\u{1B}`) and never reach the terminal.
func report(_ error: any Error) -> Int32 {
    switch error {
    case let status as CommandStatus:
        return status.code
    case let e as CommandError:
        // One line: a newline inside (from an API message, say) is escaped too.
        FileHandle.standardError.write(Data("ecsfleet: \(SafeText.escaped(e.description))\n".utf8))
        return e.exitStatus
    default:
        let code = Ecsfleet.exitCode(for: error)
        if code == .success {
            print(SafeText.escaped(Ecsfleet.fullMessage(for: error), keepingNewlines: true))
            return 0
        }
        // ArgumentParser's messages span lines (the error, then the usage): those newlines are its own.
        let message = SafeText.escaped(Ecsfleet.message(for: error), keepingNewlines: true)
        FileHandle.standardError.write(Data("ecsfleet: \(message)\nRun 'ecsfleet --help' for usage.\n".utf8))
        return 2
    }
}

exit(await main())
