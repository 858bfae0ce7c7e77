import ECSAPI

/// A range of seconds written `MIN-MAX` (or one number), such as `2-6` or `0.2-0.4`.
public struct DelayRange: Sendable, Equatable, CustomStringConvertible {
    public var min: Double
    public var max: Double

    public init(min: Double, max: Double) {
        self.min = min
        self.max = max
    }

    /// Parses `MIN-MAX` or `N`; `nil` unless 0 <= MIN <= MAX and both are finite.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
            let lo = Double(parts[0]), let hi = Double(parts.count == 2 ? parts[1] : parts[0]),
            lo.isFinite, hi.isFinite, lo >= 0, lo <= hi
        else { return nil }
        self.init(min: lo, max: hi)
    }

    public var description: String { "\(min)-\(max)" }

    /// A draw from the range.
    public func draw(using rng: inout SeededRandom) -> Double {
        max > min ? Double.random(in: min...max, using: &rng) : min
    }
}
