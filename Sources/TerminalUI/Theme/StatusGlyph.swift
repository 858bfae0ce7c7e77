/// How an instance state is shown: a glyph, a word and a theme role, so colour is never the only signal.
///
/// UTF-8: ● Running, ↑ Starting, ↓ Stopping, ○ Stopped, ◌ Pending: the two transitions point where they go, so
/// they cannot be told apart only by which half of a circle is filled.
/// ASCII: `*` Running, `^` Starting, `v` Stopping, `o` Stopped, `.` Pending.
public enum StatusGlyph: String, CaseIterable, Hashable, Sendable {
    /// Running.
    case running
    /// Starting.
    case starting
    /// Stopping.
    case stopping
    /// Stopped.
    case stopped
    /// Pending (being created).
    case pending

    /// Matches a state name case-insensitively ("Running", "STOPPED"); nil for anything else.
    public init?(status: String) {
        self.init(rawValue: status.lowercased())
    }

    /// The glyph: Unicode unless `ascii`.
    public func glyph(ascii: Bool = false) -> String {
        switch self {
        case .running: return ascii ? "*" : "●"
        case .starting: return ascii ? "^" : "↑"
        case .stopping: return ascii ? "v" : "↓"
        case .stopped: return ascii ? "o" : "○"
        case .pending: return ascii ? "." : "◌" // not `…`, which reads as text cut short
        }
    }

    /// The word, capitalised as the API spells it ("Running").
    public var label: String {
        switch self {
        case .running: return "Running"
        case .starting: return "Starting"
        case .stopping: return "Stopping"
        case .stopped: return "Stopped"
        case .pending: return "Pending"
        }
    }

    /// Glyph and word, e.g. "● Running".
    public func text(ascii: Bool = false) -> String { glyph(ascii: ascii) + " " + label }

    /// The theme role for this state (`status.running`, ...).
    public var role: ThemeRole { ThemeRole("status." + rawValue) }

    /// True for states that are still changing (Starting, Stopping, Pending).
    public var isTransitional: Bool { self == .starting || self == .stopping || self == .pending }
}
