import FleetCore
import Foundation

/// A message across the screen that goes away by itself.
public struct Banner: Sendable, Equatable {
    /// How serious the message is (the UI picks its colour).
    public enum Level: Sendable, Equatable { case info, warning, error }

    /// Its seriousness.
    public var level: Level
    /// The message, in plain words.
    public var text: String
    /// After this time the banner is gone (removed on the next tick).
    public var expires: Date
    /// What the banner is about (`filter`, `theme`, `region:cn-hangzhou`), so that it goes when its cause does:
    /// a good filter clears the warning about a bad one. `nil` for a one-off message.
    public var topic: String?

    /// A banner shown until `expires`.
    public init(level: Level, text: String, expires: Date, topic: String? = nil) {
        self.level = level
        self.text = text
        self.expires = expires
        self.topic = topic
    }

    /// How long a banner of each level stays, in seconds.
    public static func lifetime(_ level: Level) -> TimeInterval {
        switch level {
        case .info: return 5
        case .warning: return 8
        case .error: return 12
        }
    }
}
