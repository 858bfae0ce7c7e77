/// The `:` command line: the line typed, and the completions Tab found for the word before the cursor.
public struct CommandLineState: Sendable, Equatable, ExpressibleByStringLiteral {
    /// The text (without the `:`) and the cursor.
    public var line: TypedLine
    /// What Tab offered, shown above the line until the next edit.
    public var completion: CommandCompletion?

    /// A command line with this text and cursor.
    public init(_ line: TypedLine = TypedLine(), completion: CommandCompletion? = nil) {
        self.line = line
        self.completion = completion
    }

    /// A command line with this text, the cursor at its end.
    public init(stringLiteral value: String) { self.init(TypedLine(value)) }

    /// The text typed.
    public var text: String { line.text }
}
