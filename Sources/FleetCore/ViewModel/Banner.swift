import Foundation

/// A message across the screen that goes away by itself.
public struct Banner: Sendable, Equatable {
    public enum Level: Sendable, Equatable { case info, warning, error }

    public var level: Level
    public var text: String
    /// After this time the banner is gone (removed on the next tick).
    public var expires: Date

    public init(level: Level, text: String, expires: Date) { self.level = level; self.text = text; self.expires = expires }

    /// How long a banner of each level stays, in seconds.
    public static func lifetime(_ level: Level) -> TimeInterval {
        switch level {
        case .info: return 5
        case .warning: return 8
        case .error: return 12
        }
    }
}
