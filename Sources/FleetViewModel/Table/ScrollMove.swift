import FleetCore

/// A scroll the operator asked for: by lines (`j`/`k`), by pages (`PgDn`/`PgUp`), or to either end (`g`/`G`).
public enum ScrollMove: Sendable, Equatable {
    /// Down by this many lines (negative: up).
    case lines(Int)
    /// Down by this many screenfuls (negative: up).
    case pages(Int)
    /// To the first line.
    case top
    /// To the last screenful.
    case bottom
}
