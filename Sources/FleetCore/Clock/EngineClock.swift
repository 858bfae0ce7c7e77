import Foundation

/// Time for the engine: now, and waiting. Tests use one whose waits return at once and move time on.
public protocol EngineClock: Sendable {
    func now() -> Date
    func sleep(for duration: Duration) async throws
}
