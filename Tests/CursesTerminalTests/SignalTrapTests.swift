import TerminalUI
import Testing

@testable import CursesTerminal

#if canImport(Glibc)
    import Glibc
#endif

@MainActor @Suite(.serialized) struct SignalTrapTests {
    /// The handler only records: a real SIGHUP does not kill the process while installed, and becomes an event.
    @Test func reportedSignalsAreRecordedAndDispositionsRestored() throws {
        var before = sigaction()
        sigaction(SIGHUP, nil, &before)
        // The test runner's thread blocks SIGHUP; install unblocks the reported signals for the calling thread.
        let mask = SignalTrap.install(terminalFD: -1, saveTermiosFrom: nil)
        raise(SIGHUP)
        #expect(SignalTrap.takePending() == .hangup)
        #expect(SignalTrap.takePending() == nil)
        SignalTrap.uninstall(restoring: mask)
        var after = sigaction()
        sigaction(SIGHUP, nil, &after)
        #expect(
            unsafeBitCast(after.__sigaction_handler.sa_handler, to: Int.self)
                == unsafeBitCast(before.__sigaction_handler.sa_handler, to: Int.self))
    }

    /// A crash while curses is active writes the reset bytes to the terminal and still dies of the signal.
    @Test func crashGuardRestoresTheTerminalAndReRaises() async throws {
        let path: String = "/tmp/ecsfleet-crash-guard-\(getpid()).out"
        defer { unlink(path) }
        await #expect(processExitsWith: .signal(SIGABRT)) { [path = path as String] in
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            _ = SignalTrap.install(terminalFD: fd, saveTermiosFrom: nil)
            abort()
        }
        let file = try #require(fopen(path, "r"))
        defer { fclose(file) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = fread(&buffer, 1, buffer.count, file)
        let written = String(decoding: buffer[0..<count], as: UTF8.self)
        #expect(written.contains("\u{1B}[?1049l") && written.contains("\u{1B}[?25h") && written.contains("\u{1B}[0m"))
        #expect(written.contains("\u{1B}[?1000l"))
    }
}
