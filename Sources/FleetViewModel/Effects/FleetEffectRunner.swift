import ECSAPI
import FleetCore
import Foundation

/// Performs the reducer's effects against ECS, the journal and the clock, and sends what happened back as
/// actions. Loading reads numbered `DescribeInstances` pages concurrently, as `ecsfleet list` does (the first 100
/// reported at once, the rest in batches as they arrive, in any order);
/// stops and starts go through the one `OperationEngine`, with its updates sent as `operationUpdated`.
/// Screen effects (`quit`, `setTheme`, `setMouse`, `copy`, `notify`) are the app loop's; the runner ignores them.
public actor FleetEffectRunner {
    /// Where `DescribeInstances`, `DescribeRegions` and permission checks go (the new account's after `:profile`).
    public private(set) var service: any ECSService
    /// The journal the journal view reads; `nil` when the session has none.
    public nonisolated let journal: Journal?
    /// Time for scheduled refreshes.
    public nonisolated let clock: any EngineClock
    /// Runs stops, starts and their dry runs.
    public private(set) var engine: OperationEngine
    /// Signs in with another profile for `:profile`; `nil` where the session cannot switch.
    public nonisolated let switcher: (any AccountSwitching)?
    /// After the first page, pages are sent on in batches of at least this many instances (fewer actions to
    /// reduce on large fleets); the last page always goes at once.
    public var batchSize: Int
    /// Pages of one region's listing asked at once (`--max-concurrency`): the client's adaptive limit decides how
    /// many really are in flight, as for `ecsfleet list`.
    public nonisolated let maxConcurrentPages: Int
    /// Where results go (the app's inbox).
    let send: @Sendable (FleetAction) -> Void
    private var loads: [String: Task<Void, Never>] = [:]
    private var refreshTimer: Task<Void, Never>?
    private var running: [Int: Task<Void, Never>] = [:]
    private var nextTask = 0
    /// The `:profile` sign-in in progress (it cancels the rest when it moves to the new account, not itself).
    private var switching: Task<Void, Never>?

    /// A runner over `service`, `journal` and `clock`, running operations through `engine`.
    public init(
        service: any ECSService, journal: Journal?, clock: any EngineClock, engine: OperationEngine,
        switcher: (any AccountSwitching)? = nil, batchSize: Int = 1000, maxConcurrentPages: Int = 32,
        send: @escaping @Sendable (FleetAction) -> Void
    ) {
        self.maxConcurrentPages = maxConcurrentPages
        self.service = service
        self.switcher = switcher
        self.journal = journal
        self.clock = clock
        self.engine = engine
        self.batchSize = batchSize
        self.send = send
    }

    /// A runner using the engine's own service, journal and clock.
    public init(
        engine: OperationEngine, switcher: (any AccountSwitching)? = nil, batchSize: Int = 1000,
        maxConcurrentPages: Int = 32, send: @escaping @Sendable (FleetAction) -> Void
    ) {
        self.init(
            service: engine.service, journal: engine.journal, clock: engine.clock, engine: engine, switcher: switcher,
            batchSize: batchSize, maxConcurrentPages: maxConcurrentPages, send: send)
    }

    /// Starts `effect` in the background and returns at once. A load replaces a running load of the same region.
    public func perform(_ effect: FleetEffect) {
        switch effect {
        case .loadInstances(let region, _):
            loads[region]?.cancel()
            loads[region] = Task { await self.run(effect) }
        case .cancelLoading(let regions):
            for r in regions {
                loads[r]?.cancel()
                loads[r] = nil
            }
        case .scheduleRefresh:
            refreshTimer?.cancel()
            refreshTimer = Task { await self.run(effect) }
        case .quit, .setTheme, .setMouse, .copy, .notify:
            break
        case .switchProfile:
            switching = Task { await self.run(effect) }
        default:
            let n = nextTask
            nextTask += 1
            running[n] = Task {
                await self.run(effect)
                self.finished(n)
            }
        }
    }

    private func finished(_ n: Int) { running[n] = nil }

    /// Performs `effect` and returns when its work is done (for tests and scripts).
    public func run(_ effect: FleetEffect) async {
        switch effect {
        case .loadRegionList: await loadRegionList()
        case .loadInstances(let region, let generation): await load(region, generation: generation)
        case .cancelLoading(let regions):
            for r in regions {
                loads[r]?.cancel()
                loads[r] = nil
            }
        case .checkPermission(let region, let generation): await checkPermission(region, generation: generation)
        case .execute(let plan):
            let send = self.send
            let report = await engine.run(plan, wait: true) { changed in
                send(.operationUpdated(operationId: plan.id, results: changed))
            }
            send(.operationFinished(report))
        case .preview(let plan):
            var dry = plan
            dry.options.dryRun = true
            send(.previewFinished(await engine.run(dry, wait: false)))
        case .refreshInstances(let region, let ids):
            // A failed read is not reported: its IDs are asked again one interval later, and meanwhile the
            // header's "refreshed ... ago" says how old the data on screen is.
            guard let found = try? await service.instances(region: region, instanceIds: ids), !Task.isCancelled else {
                return
            }
            send(.instancesRefreshed(region: region, asked: ids, instances: found))
        case .loadJournal: loadJournal()
        case .scheduleRefresh(let at):
            let wait = at.timeIntervalSince(clock.now())
            if wait > 0 { do { try await clock.sleep(for: .milliseconds(Int64(wait * 1000))) } catch { return } }
            guard !Task.isCancelled else { return }
            send(.tick(clock.now()))
        case .export(let path, let contents, let rows, let overwrite):
            send(Self.writeExport(contents, to: path, rows: rows, overwrite: overwrite))
        case .switchProfile(let profile): await switchProfile(profile)
        case .resume(let entry): await resume(entry)
        case .readUndoTargets(let entry, let later): await readUndoTargets(entry, later: later)
        case .quit, .setTheme, .setMouse, .copy, .notify: break
        }
    }

    /// Cancels everything running.
    public func cancelAll() {
        for t in loads.values { t.cancel() }
        for t in running.values { t.cancel() }
        refreshTimer?.cancel()
        switching?.cancel()
        loads = [:]
        running = [:]
        refreshTimer = nil
        switching = nil
    }

    /// Waits until every effect started with `perform` (except a scheduled refresh) has finished.
    public func waitForAll() async {
        while true {
            let tasks = Array(loads.values) + Array(running.values) + (switching.map { [$0] } ?? [])
            guard !tasks.isEmpty else { return }
            for t in tasks { await t.value }
            let done = Set(tasks)
            loads = loads.filter { !done.contains($0.value) }
            running = running.filter { !done.contains($0.value) }
            if let s = switching, done.contains(s) { switching = nil }
        }
    }

    // MARK: Work

    private func load(_ region: String, generation: Int) async {
        var loaded = 0
        var pending: [Instance] = []
        var first = true
        let send = self.send
        let batchSize = self.batchSize
        do {
            try await service.eachInstancePage(region: region, parallel: maxConcurrentPages) { page, total, last in
                guard !Task.isCancelled else { return }
                loaded += page.count
                pending += page
                if first || last || pending.count >= batchSize {
                    send(
                        .instancesLoaded(
                            InstancePage(
                                region: region, generation: generation, instances: pending, loaded: loaded,
                                total: max(total, loaded), isLast: last)))
                    pending = []
                    first = false
                }
            }
        } catch {
            guard !Task.isCancelled else { return }
            send(.loadFailed(region: region, generation: generation, message: error.description))
        }
    }

    private func checkPermission(_ region: String, generation: Int) async {
        var request = DescribeInstancesRequest(regionId: region)
        request.dryRun = true
        let answer: RegionLoad.Permission
        do {
            _ = try await service.send(request)
            answer = .granted
        } catch {
            guard !Task.isCancelled else { return }
            switch error {
            case .dryRunPassed: answer = .granted
            case .api(let e) where Self.isPermissionDenial(e): answer = .denied("\(e.code): \(e.message)")
            default: answer = .unknown(error.description)
            }
        }
        send(.permissionChecked(region: region, generation: generation, answer))
    }

    /// Whether an API error says the account may not make the call (RAM `Forbidden...`, `NoPermission`, HTTP 403
    /// on an authorization code), as opposed to any other failure.
    static func isPermissionDenial(_ e: APIError) -> Bool {
        let code = e.code.lowercased()
        return code.hasPrefix("forbidden") || code.contains("nopermission") || code.contains("notauthorized")
            || code.contains("unauthorized") || (e.httpStatus == 403 && code.contains("ram"))
    }

    private func loadRegionList() async {
        // A list asked before `:profile` moved to another account is not that account's.
        do {
            let answer = try await service.send(DescribeRegionsRequest())
            guard !Task.isCancelled else { return }
            send(.regionsLoaded(answer.regions.map(\.regionId)))
        } catch {
            guard !Task.isCancelled else { return }
            send(.regionListFailed(error.description))
        }
    }

    /// `:profile NAME`: signs in, checks the new credentials with `DescribeRegions` (whose answer is also the
    /// account's region list; a permission denial proves the key as well), and only then moves over: the
    /// old account's loads and reads are cancelled so none of their answers reaches the new list.
    private func switchProfile(_ profile: String) async {
        guard let switcher else {
            return send(.profileSwitchFailed(profile: profile, message: "this session cannot change accounts."))
        }
        var account: SignedInAccount
        do { account = try await switcher.signIn(profile: profile) } catch {
            return send(.profileSwitchFailed(profile: profile, message: error.description))
        }
        do {
            let answer = try await account.engine.service.send(DescribeRegionsRequest())
            account.summary.regions = answer.regions.map(\.regionId)
        } catch {
            guard case .api(let e) = error, Self.isPermissionDenial(e) else {
                await switcher.settle(switched: false)
                return send(.profileSwitchFailed(profile: profile, message: error.description))
            }
        }
        if let journal {
            account.summary.interrupted = OperationHistory.interruptedBanner(
                journalPath: journal.path, profile: account.summary.profile)
        }
        guard !Task.isCancelled else { return await switcher.settle(switched: false) }
        for t in loads.values { t.cancel() }
        for t in running.values { t.cancel() }
        refreshTimer?.cancel()
        loads = [:]
        running = [:]
        refreshTimer = nil
        engine = account.engine
        service = account.engine.service
        send(.profileSwitched(account.summary))
        await switcher.settle(switched: true)
    }

    private func loadJournal() {
        guard let journal else { return send(.journalFailed("No journal is open in this session.")) }
        do {
            send(.journalLoaded(OperationHistory(records: try Journal.read(path: journal.path)).entries))
        } catch {
            send(.journalFailed(error.description))
        }
    }
}

extension FleetEffectRunner {
    /// Writes an export; a file already at `path` is kept unless `overwrite` (the operator typed `:export!`).
    public static func writeExport(_ contents: String, to path: String, rows: Int, overwrite: Bool) -> FleetAction {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (overwrite ? O_TRUNC : O_EXCL)
        let fd = open(path, flags, 0o644)
        guard fd >= 0 else {
            // The file's name alone: the banner is one line, and the operator just typed the path.
            let name = (path as NSString).lastPathComponent
            let why = errno == EEXIST ? "it exists (:export! replaces it)" : String(cString: strerror(errno))
            return .exportFinished(path: path, rows: rows, error: "Not exported to \(name): \(why).")
        }
        defer { close(fd) }
        let bytes = Array(contents.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .exportFinished(
                    path: path, rows: rows, error: "Export to \(path) failed: \(String(cString: strerror(errno))).")
            }
            offset += n
        }
        return .exportFinished(path: path, rows: rows, error: nil)
    }
}
