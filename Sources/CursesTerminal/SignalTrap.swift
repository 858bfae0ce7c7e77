import Synchronization
import TerminalUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Process-wide signal handling for the curses session. Signal handlers cannot capture context, so the state
/// they touch lives in globals that are fully set up before any handler is installed.
///
/// - SIGINT, SIGTERM and SIGHUP set a bit in `pendingSignals`; the event loop turns it into `.signal` events.
///   Installing them before `newterm` keeps ncurses from installing its own (which would `endwin` and `_exit`).
/// - SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT and SIGFPE run `crashHandler`, which only calls
///   async-signal-safe functions: `tcsetattr` with the termios saved before curses started, `write` of
///   pre-built reset bytes, `sigaction` to put back the previous disposition (the default, or the Swift
///   runtime's backtracer), and `raise`.
enum SignalTrap {
    /// Signals reported as events.
    static let reported: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// Signals that mean the process is crashing.
    static let fatal: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    /// Bit for a reported signal in `pendingSignals`.
    static func bit(for signal: Int32) -> Int32 {
        switch signal {
        case SIGINT: return 1
        case SIGTERM: return 2
        default: return 4
        }
    }

    /// Installs the handlers, saving the dispositions they replace, and unblocks the reported signals for the
    /// calling thread. `terminalFD` is where the reset bytes go on a crash; `saveTermiosFrom` is the descriptor
    /// whose settings to restore (nil: none). Returns the thread's previous signal mask for `uninstall`.
    @discardableResult
    static func install(terminalFD: Int32, saveTermiosFrom inputFD: Int32?) -> sigset_t {
        // Touch every global first so no lazy initialisation can happen inside a handler.
        _ = pendingSignals.load(ordering: .relaxed)
        _ = crashFD.load(ordering: .relaxed)
        _ = crashHasTermios.load(ordering: .relaxed)
        _ = savedTermios
        _ = savedActions
        _ = resetBytes.utf8CodeUnitCount
        if let inputFD, tcgetattr(inputFD, savedTermios) == 0 {
            crashHasTermios.store(inputFD, ordering: .sequentiallyConsistent)
        } else {
            crashHasTermios.store(-1, ordering: .sequentiallyConsistent)
        }
        crashFD.store(terminalFD, ordering: .sequentiallyConsistent)
        for signal in reported { setHandler(recordHandler, for: signal, restart: false) }
        for signal in fatal { setHandler(crashHandler, for: signal, restart: true) }
        var unblock = sigset_t()
        var previous = sigset_t()
        sigemptyset(&unblock)
        for signal in reported { sigaddset(&unblock, signal) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, &previous)
        return previous
    }

    /// Puts back the dispositions `install` replaced and, if given, the calling thread's signal mask.
    static func uninstall(restoring mask: sigset_t? = nil) {
        for signal in reported + fatal { _ = sigaction(signal, savedActions + Int(signal), nil) }
        if var mask { pthread_sigmask(SIG_SETMASK, &mask, nil) }
        crashFD.store(-1, ordering: .sequentiallyConsistent)
        crashHasTermios.store(-1, ordering: .sequentiallyConsistent)
    }

    /// Takes one pending reported signal (interrupt first), clearing it.
    static func takePending() -> TerminalSignal? {
        var current = pendingSignals.load(ordering: .relaxed)
        while current != 0 {
            let lowest = current & -current
            let (exchanged, original) = pendingSignals.compareExchange(
                expected: current, desired: current & ~lowest, ordering: .relaxed)
            if exchanged {
                switch lowest {
                case 1: return .interrupt
                case 2: return .terminate
                default: return .hangup
                }
            }
            current = original
        }
        return nil
    }

    private static func setHandler(_ handler: @convention(c) (Int32) -> Void, for signal: Int32, restart: Bool) {
        var action = sigaction()
        #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = handler
        #else
            action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        // No SA_RESTART for the reported signals, so a blocking read returns and the loop sees them promptly.
        action.sa_flags = restart ? Int32(SA_RESTART) : 0
        _ = sigaction(signal, &action, savedActions + Int(signal))
    }
}

/// Reported signals not yet turned into events, one bit each (see `SignalTrap.bit(for:)`).
let pendingSignals = Atomic<Int32>(0)
/// Where the crash handler writes the reset bytes; -1 when no session is active.
let crashFD = Atomic<Int32>(-1)
/// The descriptor `savedTermios` belongs to; -1 when none was saved.
let crashHasTermios = Atomic<Int32>(-1)
/// Terminal settings from before curses started. Allocated once and never freed; written only by
/// `SignalTrap.install` on the main actor before the handlers that read it are installed, so no data race.
nonisolated(unsafe) let savedTermios = UnsafeMutablePointer<termios>.allocate(capacity: 1)
/// The dispositions `install` replaced, indexed by signal number. Same lifetime and discipline as `savedTermios`.
nonisolated(unsafe) let savedActions: UnsafeMutablePointer<sigaction> = {
    let p = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    p.initialize(repeating: sigaction(), count: 65)
    return p
}()
/// Leaves the alternate screen, shows the cursor, resets attributes and turns mouse reporting off.
let resetBytes: StaticString =
    "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m\r\n"

/// Records a reported signal. Only an atomic read-modify-write: async-signal-safe.
private func recordHandler(_ signal: Int32) {
    pendingSignals.bitwiseOr(SignalTrap.bit(for: signal), ordering: .relaxed)
}

/// Restores the terminal and lets the crash proceed. Only async-signal-safe calls.
private func crashHandler(_ signal: Int32) {
    let termiosFD = crashHasTermios.load(ordering: .relaxed)
    if termiosFD >= 0 { _ = tcsetattr(termiosFD, TCSANOW, savedTermios) }
    let fd = crashFD.load(ordering: .relaxed)
    if fd >= 0 { _ = write(fd, resetBytes.utf8Start, resetBytes.utf8CodeUnitCount) }
    // Back to the previous disposition (default, or the Swift runtime's backtracer), then deliver again.
    _ = sigaction(signal, savedActions + Int(signal), nil)
    _ = raise(signal)
}
