import ECSAPI
import Foundation
import Synchronization

/// Runs an `External` profile's `process_command` with `/bin/sh -c` and reads the credentials it prints.
///
/// Its output holds secrets, so it is never logged or quoted in a message; its standard error is discarded for
/// the same reason. A command that does not finish within the timeout is terminated.
struct ExternalCommand: Sendable {
    let command: String
    var timeout: Duration = .seconds(60)
    /// Larger output is not credentials.
    static let maxOutput = 1 << 20

    func run() async throws(CredentialError) -> TemporaryCredentials {
        let output = try await capture()
        do {
            return try TemporaryCredentials(
                externalAnswer: try JSONValue(parsing: output), what: "the output of process_command")
        } catch let e as AccountError {
            throw CredentialError(e.description)
        } catch {
            throw CredentialError(
                "the output of process_command is not JSON; it must print {\"mode\": \"AK\" or \"StsToken\", \"access_key_id\": ..., ...}"
            )
        }
    }

    /// The command's standard output once it exits with status 0.
    private func capture() async throws(CredentialError) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let outcome = Outcome()
        let result: Result<[UInt8], CredentialError> = await withCheckedContinuation { continuation in
            outcome.continuation.withLock { $0 = continuation }
            process.terminationHandler = { p in
                // The pipe is read to its end on another thread; the exit status decides once it is.
                let status = p.terminationStatus
                DispatchQueue.global().async {
                    let data = pipe.fileHandleForReading.readDataToEndOfFile()
                    if status != 0 {
                        outcome.finish(
                            .failure(
                                CredentialError(
                                    "process_command exited with status \(status); run it yourself to see why (its output is not shown: it holds secrets)"
                                )))
                    } else if data.count > Self.maxOutput {
                        outcome.finish(
                            .failure(
                                CredentialError(
                                    "process_command printed more than \(Self.maxOutput) bytes; that is not credentials"
                                )))
                    } else {
                        outcome.finish(.success(Array(data)))
                    }
                }
            }
            do { try process.run() } catch {
                outcome.finish(
                    .failure(CredentialError("process_command could not be started: \(error.localizedDescription)")))
                return
            }
            let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
                guard
                    outcome.finish(
                        .failure(
                            CredentialError(
                                "process_command did not finish within \(String(format: "%g", seconds)) seconds; it was stopped"
                            )))
                else { return }
                if process.isRunning { process.terminate() }
            }
        }
        return try result.get()
    }

    /// The first result wins; later ones (the timer after an exit, an exit after the timer) are dropped.
    private final class Outcome: Sendable {
        let continuation = Mutex<CheckedContinuation<Result<[UInt8], CredentialError>, Never>?>(nil)

        @discardableResult
        func finish(_ result: Result<[UInt8], CredentialError>) -> Bool {
            guard
                let c = continuation.withLock({ c -> CheckedContinuation<Result<[UInt8], CredentialError>, Never>? in
                    defer { c = nil }
                    return c
                })
            else { return false }
            c.resume(returning: result)
            return true
        }
    }
}
