/// Injected faults, written `throttle=P,error500=P,error503=P,drop=P,droplate=P,latency=MIN-MAX` where each
/// P is a probability from 0 to 1 and latency is in milliseconds. `drop` closes the connection before the
/// call is applied; `droplate` applies the call and then closes the connection without an answer, the case
/// that tests a client's "never re-send a stop blindly" rule.
public struct FaultSpec: Sendable, Equatable {
    public var throttle = 0.0
    public var error500 = 0.0
    public var error503 = 0.0
    public var drop = 0.0
    public var dropLate = 0.0
    /// Milliseconds added before answering.
    public var latency = DelayRange(min: 0, max: 0)

    public init() {}

    /// Whether any fault is enabled.
    public var isActive: Bool {
        throttle > 0 || error500 > 0 || error503 > 0 || drop > 0 || dropLate > 0 || latency.max > 0
    }

    /// Parses the spec; the error names the part that is wrong.
    public init(parsing text: String) throws(ConfigurationError) {
        for part in text.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
            guard kv.count == 2 else { throw ConfigurationError("--faults: '\(part)' is not key=value") }
            if kv[0] == "latency" {
                guard let range = DelayRange(parsing: kv[1]) else {
                    throw ConfigurationError("--faults: latency must be MIN-MAX milliseconds, got '\(kv[1])'")
                }
                latency = range
                continue
            }
            guard let p = Double(kv[1]), p >= 0, p <= 1 else {
                throw ConfigurationError("--faults: \(kv[0]) must be a probability from 0 to 1, got '\(kv[1])'")
            }
            switch kv[0] {
            case "throttle": throttle = p
            case "error500": error500 = p
            case "error503": error503 = p
            case "drop": drop = p
            case "droplate": dropLate = p
            default:
                throw ConfigurationError(
                    "--faults: unknown fault '\(kv[0])' (known: throttle, error500, error503, drop, droplate, latency)")
            }
        }
    }
}

/// A configuration the simulator cannot run with; the text says what to change.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
