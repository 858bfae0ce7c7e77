/// A mouse action (only reported after the backend enables the mouse).
public struct MouseEvent: Hashable, Sendable {
    /// What happened.
    public enum Kind: Hashable, Sendable {
        /// Left button click.
        case click
        /// Wheel turned up (scroll back).
        case wheelUp
        /// Wheel turned down (scroll forward).
        case wheelDown
    }

    /// What happened.
    public var kind: Kind
    /// Column, from 0.
    public var x: Int
    /// Row, from 0.
    public var y: Int

    /// Creates a mouse event.
    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
