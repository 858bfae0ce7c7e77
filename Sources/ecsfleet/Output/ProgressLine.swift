import FleetCore
import FleetViewModel
import Foundation
import Synchronization

/// `Stopping 37: 30 done, 3 failed, 4 in flight, 00:41` on stderr, redrawn in place while an operation runs.
final class ProgressLine: Sendable {
    let enabled: Bool
    let total: Int
    let verb: String
    let started = Date()
    private let outcomes = Mutex<[String: Outcome]>([:])

    init(enabled: Bool, total: Int, action: PowerAction) {
        self.enabled = enabled; self.total = total; verb = action == .stop ? "Stopping" : "Starting"
    }

    func update(_ changed: [InstanceResult]) {
        guard enabled else { return }
        let line = outcomes.withLock { map -> String in
            for r in changed { map[r.instanceId] = r.outcome }
            let failed = map.values.filter { [.failed, .timeout, .dryRunFailed].contains($0) }.count
            let done = map.values.filter { $0.isFinal }.count - failed
            let elapsed = Int(Date().timeIntervalSince(started))
            return String(format: "\r%@ %d: %d done, %d failed, %d in flight, %02d:%02d\u{1B}[K", verb, total, done, failed,
                          total - done - failed, elapsed / 60, elapsed % 60)
        }
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
