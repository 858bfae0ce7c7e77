import FleetCore
import Foundation

/// How the loading of one region's instances stands: progress (`loaded N / total`), the outcome, and whether
/// the account may list instances there at all.
public struct RegionLoad: Sendable, Equatable {
    /// Where the load is.
    public enum Phase: Sendable, Equatable {
        /// Pages are arriving.
        case loading
        /// Every page arrived.
        case done
        /// The load stopped on an error; the text says why.
        case failed(String)
        /// The operator cancelled it.
        case cancelled
    }

    /// What a `DescribeInstances` dry run said about the account's right to list instances here. It is asked
    /// when a region comes back empty or fails, to tell "no instances" from "no permission".
    public enum Permission: Sendable, Equatable {
        case notChecked
        case checking
        case granted
        case denied(String)
        /// The check itself failed (no answer, for example); the text says why.
        case unknown(String)
    }

    /// The region ID.
    public var region: String
    /// Increases with each load of the region; pages from an older load are ignored.
    public var generation: Int
    /// Instances received so far.
    public var loaded: Int
    /// The region's instance count, once the first page has said it.
    public var total: Int?
    /// Loading, done, failed or cancelled.
    public var phase: Phase
    /// The permission check's answer, when one was needed.
    public var permission: Permission
    /// When this load started.
    public var startedAt: Date
    /// When it ended (done, failed or cancelled).
    public var finishedAt: Date?

    /// A load of `region` just started: nothing received yet.
    public init(region: String, generation: Int, startedAt: Date) {
        self.region = region
        self.generation = generation
        self.startedAt = startedAt
        loaded = 0
        total = nil
        phase = .loading
        permission = .notChecked
        finishedAt = nil
    }

    /// Whether pages are still arriving (and so the load can be cancelled).
    public var isLoading: Bool { phase == .loading }
    /// Whether the operator can cancel it now.
    public var isCancellable: Bool { isLoading }

    /// `loaded 300 / 1200`, `1200 instances`, `no instances`, `no permission: ...`, `failed: ...`.
    public var summary: String {
        if case .denied(let why) = permission { return "no permission: \(why)" }
        switch phase {
        case .loading: return "loaded \(loaded) / \(total.map(String.init) ?? "?")"
        case .done:
            return loaded == 0
                ? (permission == .checking ? "no instances (checking permission)" : "no instances")
                : "\(loaded) instance\(loaded == 1 ? "" : "s")"
        case .failed(let why): return "failed: \(why)"
        case .cancelled: return "cancelled at \(loaded) / \(total.map(String.init) ?? "?")"
        }
    }
}
