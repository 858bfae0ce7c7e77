import ECSAPI
import FleetCore
import Foundation

/// Everything the fleet screen shows, as one value. The reducer changes it; the UI draws it.
///
/// The cursor is an instance ID, never a row number, and the marks belong to instances (the table keeps them with
/// its rows and carries them when it renumbers), so refreshes, filters and sorts never move either to another
/// instance. The visible list (filter and sort applied) is cached and recomputed only when the
/// filter, the sort, the regions shown or the instances change, touching only changed instances where it can.
public struct FleetState: Sendable, Equatable {
    /// The credentials profile in use.
    public var profile: String
    /// Where the credentials came from (`profile ops (RamRoleArn → acs:ram::…:role/fleet-ops)`), for the header;
    /// empty to show `profile`.
    public var credentialSource: String
    /// The regions the list shows.
    public var regionsShown: RegionSelection
    /// Regions known to exist (from `DescribeRegions`, or named by the operator).
    public var knownRegions: [String]
    /// Whether `knownRegions` is `DescribeRegions`' answer (then a region not in it does not exist).
    public var regionListLoaded: Bool
    /// Loading progress per region.
    public var loads: [String: RegionLoad]
    var table: InstanceTable
    /// The instance under the cursor.
    public var cursor: String?
    /// While on, moving the cursor marks every instance it passes.
    public var rangeMarking: Bool
    /// The filter bar.
    public var filter: FilterState
    /// The list's sort column and direction.
    public var sort: InstanceSort
    /// The dialog over the list, if any.
    public var dialog: FleetDialog
    /// Operations started in this session, oldest first.
    public var operations: [OperationRun]
    /// The results view, when shown.
    public var resultsView: ResultsViewState?
    /// Messages shown until they expire, oldest first.
    public var banners: [Banner]
    /// Read-only mode: stop and start are disabled.
    public var readOnly: Bool
    /// Read-only since the session started (`--readonly`, a promise made at launch): `:readonly off` is refused.
    public var readOnlyFixed: Bool
    /// Whether the session runs against the embedded simulator.
    public var sandbox: Bool
    /// Live updates paused: no automatic refresh.
    public var paused: Bool
    /// Seconds between automatic refreshes; `nil` for none.
    public var autoRefreshInterval: TimeInterval?
    /// When a region load last finished.
    public var lastRefresh: Date?
    /// The list rows on screen, as the UI last reported them.
    public var viewport: ListViewport
    /// Which instances live updates read when.
    public var refreshes: RefreshScheduler
    /// The safety policy's decisions for stop and start.
    public var safety: PowerSafety
    /// With a prefix (tests, benchmarks), operation IDs are it and a counter; without, `OperationID`s whose
    /// random part comes from `operationIdSource`, so the reducer stays a function of its state.
    public var operationIdPrefix: String?
    /// The random part of operation IDs, seeded at launch.
    public var operationIdSource: SeededRandom
    /// How many operation IDs were handed out.
    public var operationCounter: Int

    /// The instance whose details are open: the one target of a stop or start asked for from there.
    public var detailsTarget: [String]? {
        if case .details(let id, _) = dialog { return [id] }
        return nil
    }

    /// The columns the list shows (`:columns`, `columns` in the config file).
    public var columns = ColumnChoice.standard

    /// The columns `<` and `>` walk: those the list may show, in its order.
    public var sortableColumns: [SortColumn] { columns.columns(multiRegion: shownRegions.count > 1) }

    /// Whether `DescribeRegions` was asked and has not answered yet (`:region all` waits for it).
    public var regionListLoading = false

    /// The count prefix being typed (`10` of `10j`), until a movement uses it or another key drops it.
    public var pendingCount: Int?

    /// Seconds an operation must have run for its end to ring the bell and send a desktop notification; `nil`
    /// for never (`--quiet`, `notify = false`).
    public var notifyAfter: TimeInterval? = 10

    /// The endpoint every call goes to when `--endpoint` overrides the vendor's, for the header; `nil` otherwise.
    public var endpoint: String?
    /// The profiles of the aliyun CLI's config file, read at launch: what `:profile` lists and Tab completes.
    public var profiles: [String] = []
    /// The themes `:theme` takes (built-in, then the user's), read at launch, for Tab.
    public var themes: [String] = []
    /// The profile being signed in with after `:profile NAME`, until the runner answers.
    public var switchingTo: String?

    /// A session's starting state; `instances` are taken as already loaded.
    public init(
        profile: String, regions: RegionSelection, knownRegions: [String] = [], instances: [Instance] = [],
        readOnly: Bool = false, sandbox: Bool = false, safety: PowerSafety = .allowAll,
        autoRefreshInterval: TimeInterval? = 60, operationIdPrefix: String? = nil,
        operationIdSeed: UInt64 = .random(in: .min ... .max),
        credentialSource: String = ""
    ) {
        self.profile = profile
        self.credentialSource = credentialSource
        regionsShown = regions
        var known = knownRegions
        for r in regions.regions(known: []) where !known.contains(r) { known.append(r) }
        self.knownRegions = known
        regionListLoaded = false
        loads = [:]
        table = InstanceTable()
        cursor = nil
        rangeMarking = false
        filter = FilterState()
        sort = InstanceSort()
        dialog = .none
        operations = []
        resultsView = nil
        banners = []
        self.readOnly = readOnly
        readOnlyFixed = readOnly
        self.sandbox = sandbox
        paused = false
        self.autoRefreshInterval = autoRefreshInterval
        lastRefresh = nil
        viewport = ListViewport()
        refreshes = RefreshScheduler()
        self.safety = safety
        self.operationIdPrefix = operationIdPrefix
        operationCounter = 0
        // With a prefix the source is unused: a fixed seed keeps states made alike equal.
        operationIdSource = SeededRandom(seed: operationIdPrefix == nil ? operationIdSeed : 0)
        for (region, list) in Dictionary(grouping: instances, by: \.regionId) {
            table.upsert(list, region: region, generation: 0)
        }
        syncVisible()
    }

    // MARK: Reading

    /// The IDs shown, filter and sort applied, in order.
    public var visible: VisibleInstances { VisibleInstances(ids: table.ids, rows: table.visible) }

    /// A loaded instance.
    public func instance(_ id: String) -> Instance? { table.instance(id) }

    /// The latest operation result of a loaded instance in this session.
    public func lastOperation(_ id: String) -> LastOperation? { table.lastOperation(id) }

    /// The number of loaded instances, all regions.
    public var instanceCount: Int { table.count }

    /// The loaded instances of `region`, in the order they arrived.
    public func instanceIds(in region: String) -> [String] { table.ids(in: region) }

    /// The number of loaded instances per region.
    public var instanceCountsByRegion: [String: Int] { table.countsByRegion }

    /// The shown instances counted by status (for the header), without copying any instance.
    public var visibleStatusCounts: [InstanceStatus: Int] { table.visibleStatusCounts }

    /// The place of `id` in the visible list.
    public func visiblePosition(of id: String) -> Int? { table.visiblePosition(of: id) }

    /// The cursor's place in the visible list.
    public var cursorPosition: Int? { cursor.flatMap(visiblePosition(of:)) }

    /// The regions shown, resolved.
    public var shownRegions: [String] { regionsShown.regions(known: knownRegions) }

    /// The IDs in the rows on screen, in order.
    public var onScreenIds: [String] {
        let v = visible
        let first = min(viewport.first, v.count)
        return Array(v[first..<min(v.count, first + viewport.rows)])
    }

    /// When the data on screen was read from ECS: that of its row read longest ago, or when a listing last ended
    /// if no row on screen was read in this session.
    public var refreshedAt: Date? {
        onScreenIds.compactMap { table.lastRead($0) }.min() ?? lastRefresh
    }

    /// Whether any region is loading.
    public var isLoading: Bool { loads.values.contains(where: \.isLoading) }

    /// Operations not finished yet.
    public var inFlightOperations: [OperationRun] { operations.filter { !$0.isFinished } }

    /// The operation with this ID.
    public func operation(_ id: String) -> OperationRun? { operations.last { $0.id == id } }

    /// The rows of the results view: the operation's results, failures only when asked.
    public var resultRows: [InstanceResult] {
        guard let view = resultsView, let run = operation(view.operationId) else { return [] }
        return view.failuresOnly ? run.failures : run.results
    }

    /// Why read-only mode refuses a change, and how it ends: `fixed` when it came with `--readonly`.
    public static func readOnlyReason(fixed: Bool) -> String {
        fixed ? "read-only mode (started with --readonly)" : "read-only mode (:readonly off to allow changes)"
    }

    /// Why stopping is not possible at all in this session (read-only, safety policy), or `nil`.
    public func disabledReason(_ action: PowerAction) -> String? {
        if readOnly { return Self.readOnlyReason(fixed: readOnlyFixed) }
        if safety[action].action == .deny { return "denied by the aliyun safety policy: \(safety[action].explanation)" }
        return nil
    }

    // MARK: Keeping the visible list

    /// Where the cursor was: its place and the IDs around it, to find the nearest neighbour if it disappears.
    struct CursorContext {
        var position: Int?
        var before: [String]
        var after: [String]
    }

    func cursorContext() -> CursorContext {
        guard let p = cursorPosition else { return CursorContext(position: nil, before: [], after: []) }
        let v = visible
        let reach = 64
        return CursorContext(
            position: p, before: (max(0, p - reach)..<p).reversed().map { v[$0] },
            after: ((p + 1)..<min(v.count, p + 1 + reach)).map { v[$0] })
    }

    /// Recomputes the visible list if its inputs changed and keeps the cursor on its instance, or on the nearest
    /// visible neighbour when its instance is gone or hidden.
    mutating func syncVisible(from context: CursorContext? = nil) {
        let context = context ?? cursorContext()
        table.sync(query: filter.query, regions: regionsShown.allowed, sort: sort)
        if let c = cursor, visiblePosition(of: c) != nil { return }
        let v = visible
        guard !v.isEmpty else {
            cursor = nil
            return
        }
        for k in 0..<max(context.before.count, context.after.count) {
            if k < context.after.count, visiblePosition(of: context.after[k]) != nil {
                cursor = context.after[k]
                return
            }
            if k < context.before.count, visiblePosition(of: context.before[k]) != nil {
                cursor = context.before[k]
                return
            }
        }
        cursor = v[min(context.position ?? 0, v.count - 1)]
    }

    // MARK: Banners and IDs

    /// Shows a banner for its level's lifetime. It replaces what was shown: an older message coming back
    /// once a newer one expires would speak of something already past.
    public mutating func post(_ level: Banner.Level, _ text: String, topic: String? = nil, now: Date) {
        banners = [
            Banner(level: level, text: text, expires: now.addingTimeInterval(Banner.lifetime(level)), topic: topic)
        ]
    }

    /// Removes the banners about `topic`: their cause is gone.
    mutating func clearBanners(topic: String) {
        banners.removeAll { $0.topic == topic }
    }

    /// A new operation ID, made at `now`: the same form as the commands' (`OperationID`).
    mutating func nextOperationId(_ kind: String, now: Date) -> String {
        operationCounter += 1
        guard let operationIdPrefix else { return OperationID.make(now: now, using: &operationIdSource) }
        return "\(operationIdPrefix)\(kind)-\(operationCounter)"
    }
}
