import FleetCore
import Foundation
import Synchronization

/// `Stopping 37: 30 done, 3 failed, 4 in flight, 00:41` on stderr, redrawn in place while an operation runs:
/// on every change and once a second, so the clock never looks frozen while instances take their time.
final class ProgressLine: Sendable {
    let enabled: Bool
    let total: Int
    let verb: String
    let started = Date()
    private let outcomes = Mutex<[String: Outcome]>([:])
    private let ticker = Mutex<Task<Void, Never>?>(nil)

    init(enabled: Bool, total: Int, action: PowerAction) {
        self.enabled = enabled
        self.total = total
        verb = action == .stop ? "Stopping" : "Starting"
        guard enabled else { return }
        // The task holds the line weakly: a line nobody finished must not keep itself alive.
        let task = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                guard let self, !Task.isCancelled else { return }
                self.redraw()
            }
        }
        ticker.withLock { $0 = task }
    }

    deinit { ticker.withLock { $0?.cancel() } }

    func update(_ changed: [InstanceResult]) {
        guard enabled else { return }
        outcomes.withLock { map in
            for r in changed { map[r.instanceId] = r.outcome }
        }
        redraw()
    }

    func finish() {
        guard enabled else { return }
        ticker.withLock {
            $0?.cancel()
            $0 = nil
        }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    private func redraw() {
        let line = outcomes.withLock { map in
            Self.text(verb: verb, total: total, outcomes: Array(map.values), elapsed: Date().timeIntervalSince(started))
        }
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// The line for `outcomes` after `elapsed` seconds, starting with a carriage return and ending with an erase
    /// to the end of the line.
    static func text(verb: String, total: Int, outcomes: [Outcome], elapsed: TimeInterval) -> String {
        let failed = outcomes.filter { [.failed, .timeout, .dryRunFailed].contains($0) }.count
        let done = outcomes.filter { $0.isFinal }.count - failed
        let seconds = max(0, Int(elapsed))
        return String(
            format: "\r%@ %d: %d done, %d failed, %d in flight, %02d:%02d\u{1B}[K", verb, total, done, failed,
            total - done - failed, seconds / 60, seconds % 60)
    }
}
