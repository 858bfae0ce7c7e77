/// A key press as the terminal reported it.
public struct KeyEvent: Hashable, Sendable, CustomStringConvertible {
    /// The key.
    public var key: Key
    /// True when Alt (Meta) was held, as far as the terminal can tell.
    public var alt: Bool

    /// Creates a key event.
    public init(_ key: Key, alt: Bool = false) {
        self.key = key
        self.alt = alt
    }

    /// A printable character key.
    public static func char(_ c: Character) -> KeyEvent { KeyEvent(.character(c)) }

    /// The character for a printable key, else nil.
    public var character: Character? {
        if case .character(let c) = key { return c }
        return nil
    }

    /// `Alt-x` or the key's description.
    public var description: String { (alt ? "Alt-" : "") + key.description }
}
