import ECSAPI
import Foundation

/// Runs a plan: sends each call (journaled before and after), turns answers into per-instance results, and
/// tracks accepted instances until they reach their final state. The TUI and the scripting commands both run
/// stops and starts through this one engine.
public struct OperationEngine: Sendable {
    public var service: any ECSService
    public var journal: Journal?
    public var clock: any EngineClock
    /// The profile named in journal records.
    public var profile: String
    /// Real calls in flight at once across the plan. Few: each is journaled before it goes, so an interruption
    /// leaves few calls whose fate `journal --resume` has to re-read.
    public var maxConcurrentCalls = 4
    /// Dry-run calls in flight at once (a `SuccessFirst` dry run checks each instance with its own call); the
    /// client's adaptive limit decides how many really go.
    public var maxConcurrentDryRuns = 4
    /// How long tracking waits for the final state before calling it `timeout`.
    public var trackingTimeout: Duration = .seconds(600)
    /// Tracking polls fast at first and backs off to `pollMax`.
    public var pollInitial: Duration = .seconds(1)
    public var pollMax: Duration = .seconds(10)

    public init(service: any ECSService, journal: Journal?, clock: any EngineClock = WallClock(), profile: String) {
        self.service = service
        self.journal = journal
        self.clock = clock
        self.profile = profile
    }

    /// The outcome of a whole operation.
    public struct Report: Sendable {
        public var operation: String
        public var results: [InstanceResult]
        /// Things the operator should know (for example how a `SuccessFirst` dry run was checked).
        public var notes: [String]

        /// The report of operation `operation` (a resumed one's is made outside the engine).
        public init(operation: String, results: [InstanceResult], notes: [String] = []) {
            self.operation = operation
            self.results = results
            self.notes = notes
        }
    }

    /// Runs `plan`. With `wait`, accepted instances are tracked until `Stopped` (or `Running`) or the timeout.
    public func run(
        _ plan: OperationPlan, wait: Bool, onUpdate: @escaping @Sendable ([InstanceResult]) -> Void = { _ in }
    ) async -> Report {
        let initial = plan.targets.map(\.initialResult)
        let board = ResultBoard(initial, onUpdate: onUpdate)
        var notes: [String] = []
        // The plan's options, as the calls spell them: a SuccessFirst dry run sends AllTogether calls, so the
        // calls alone would not say what was asked.
        var asked = Parameters()
        if plan.options.forceStop { asked.set("ForceStop", true) }
        asked.set("StoppedMode", plan.options.stoppedMode?.rawValue)
        asked.set("BatchOptimization", plan.options.batch.rawValue)
        if plan.options.dryRun { asked.set("DryRun", true) }
        let undo = plan.undoes.map { "; undo of \($0)" } ?? ""
        record(
            plan, .begin, parameters: asked, results: initial,
            note: "\(plan.action.rawValue) of \(plan.targets.count) instances, \(plan.batches.count) calls\(undo)",
            undoes: plan.undoes ?? "")
        if plan.options.dryRun && plan.options.batch == .successFirst {
            notes.append(
                "A SuccessFirst dry run answers DRYRUN.SUCCESS whatever the outcome, so each instance was checked with its own dry run."
            )
        }
        await forEachConcurrently(plan.batches, limit: plan.options.dryRun ? maxConcurrentDryRuns : maxConcurrentCalls)
        { batch in
            if plan.options.dryRun {
                await self.dryRun(batch, plan: plan, board: board)
            } else {
                await self.execute(batch, plan: plan, board: board, resend: true)
            }
        }
        if wait && !plan.options.dryRun { await track(plan, board: board) }
        let final = await board.all
        // Cancelled (the screen quit, Ctrl-C): instances may still be on their way, so no `end` is written and
        // the operation stays interrupted in the journal, for `ecsfleet journal --resume` to finish.
        if Task.isCancelled, !plan.options.dryRun, final.contains(where: { !$0.outcome.isFinal }) {
            let open = final.filter { !$0.outcome.isFinal }.count
            record(
                plan, .outcome,
                note: "interrupted with \(open) instances not final; ecsfleet journal --resume finishes it")
            notes.append(
                "Interrupted: \(open) instances were not final; ecsfleet journal --resume finishes the operation.")
            return Report(operation: plan.id, results: final, notes: notes)
        }
        record(plan, .end, results: final, note: Self.summary(final))
        return Report(operation: plan.id, results: final, notes: notes)
    }

    /// `3 stopped, 1 failed`: counts by outcome.
    public static func summary(_ results: [InstanceResult]) -> String {
        var counts: [Outcome: Int] = [:]
        for r in results { counts[r.outcome, default: 0] += 1 }
        return Outcome.allCases.compactMap { o in counts[o].map { "\($0) \(o.rawValue)" } }.joined(separator: ", ")
    }

    // MARK: Sending

    func request(
        _ batch: OperationPlan.Batch, plan: OperationPlan, ids: [String]? = nil, dryRun: Bool,
        batchMode: BatchOptimization? = nil
    )
        -> (parameters: Parameters, send: @Sendable () async throws(ECSCallError) -> InstanceResponsesResponse)
    {
        let ids = ids ?? batch.instanceIds
        let mode = batchMode ?? plan.options.batch
        let service = self.service
        switch plan.action {
        case .stop:
            let r = StopInstancesRequest(
                regionId: batch.regionId, instanceIds: ids, forceStop: plan.options.forceStop ? true : nil,
                stoppedMode: plan.options.stoppedMode, batchOptimization: mode, dryRun: dryRun ? true : nil)
            return (r.parameters, { () async throws(ECSCallError) in try await service.send(r) })
        case .start:
            let r = StartInstancesRequest(
                regionId: batch.regionId, instanceIds: ids, batchOptimization: mode, dryRun: dryRun ? true : nil)
            return (r.parameters, { () async throws(ECSCallError) in try await service.send(r) })
        }
    }

    /// Sends one real call. After no answer that may have been applied, re-reads status instead of re-sending:
    /// instances already on their way are accepted, and only those still untouched are sent once more.
    func execute(_ batch: OperationPlan.Batch, plan: OperationPlan, board: ResultBoard, resend: Bool) async {
        // Cancelled before this call went out: its instances stay queued (not sent), as the journal will say.
        guard !Task.isCancelled else { return }
        let call = request(batch, plan: plan, dryRun: false)
        let sending = await batch.instanceIds.asyncMap { id in
            var r = await board.result(id)!
            r.outcome = .sending
            return r
        }
        await board.update(sending)
        guard
            record(
                plan, .send, region: batch.regionId, action: plan.action.apiAction, parameters: call.parameters,
                results: sending)
        else {
            await fail(
                batch.instanceIds, board: board, code: "JournalUnavailable",
                message: "not sent: the journal could not be written, so the call would not be recorded")
            return
        }
        do {
            let answer = try await call.send()
            var changed: [InstanceResult] = []
            for r in answer.instanceResponses {
                guard var result = await board.result(r.instanceId) else { continue }
                result.outcome = r.succeeded ? .accepted : .failed
                result.code = r.code
                result.message = r.message
                if !r.previousStatus.isEmpty { result.previousStatus = r.previousStatus }
                if !r.currentStatus.isEmpty { result.currentStatus = r.currentStatus }
                changed.append(result)
            }
            await board.update(changed)
            record(
                plan, .answer, region: batch.regionId, action: plan.action.apiAction, requestId: answer.requestId,
                results: changed)
        } catch let error {
            // Cancelled while the call was out: it may have been applied. The results stay `sending`, so the
            // journal shows the operation unfinished and `journal --resume` re-reads these instances.
            if Task.isCancelled {
                record(
                    plan, .answer, region: batch.regionId, action: plan.action.apiAction,
                    note: "interrupted before the answer arrived (\(error.message)); the status is re-read on resume")
                return
            }
            if case .noAnswer(_, let applied, _) = error, applied {
                record(
                    plan, .answer, region: batch.regionId, action: plan.action.apiAction,
                    note: "no answer (\(error.message)); re-reading status before any re-send")
                await recover(batch, plan: plan, board: board, resend: resend, error: error)
                return
            }
            let failed = await fail(batch.instanceIds, board: board, code: error.code, message: error.message)
            record(
                plan, .answer, region: batch.regionId, action: plan.action.apiAction,
                requestId: error.apiError?.requestId ?? "", results: failed)
        }
    }

    private func recover(
        _ batch: OperationPlan.Batch, plan: OperationPlan, board: ResultBoard, resend: Bool, error: ECSCallError
    ) async {
        guard let statuses = await rereadStatuses(batch) else {
            guard !Task.isCancelled else { return }
            // The stop may have been applied: the status is unknown, not the one from before the call.
            var failed = await fail(
                batch.instanceIds, board: board, code: "NoAnswer",
                message:
                    "no answer, and the status could not be re-read within \(trackingTimeout.components.seconds) s; check the instances before retrying"
            )
            for i in failed.indices { failed[i].currentStatus = "" }
            await board.update(failed)
            record(plan, .outcome, region: batch.regionId, action: plan.action.apiAction, results: failed)
            return
        }
        var moved: [InstanceResult] = []
        var untouched: [String] = []
        for id in batch.instanceIds {
            guard var r = await board.result(id) else { continue }
            let s = statuses[id]
            if s == plan.action.transitionStatus || s == plan.action.targetStatus {
                r.outcome = .accepted
                r.code = "200"
                r.message = "applied (the answer was lost; status re-read)"
                r.currentStatus = s?.rawValue ?? r.currentStatus
                moved.append(r)
            } else {
                untouched.append(id)
            }
        }
        await board.update(moved)
        if !moved.isEmpty {
            record(plan, .outcome, region: batch.regionId, action: plan.action.apiAction, results: moved)
        }
        guard !untouched.isEmpty else { return }
        if resend {
            await execute(
                .init(regionId: batch.regionId, instanceIds: untouched), plan: plan, board: board, resend: false)
        } else {
            let failed = await fail(
                untouched, board: board, code: "NoAnswer", message: "no answer twice; the instance did not change state"
            )
            record(plan, .outcome, region: batch.regionId, action: plan.action.apiAction, results: failed)
        }
    }

    /// Re-reads the batch's statuses after a lost answer, backing off between tries until the tracking timeout:
    /// giving up early would record a guess as the outcome. `nil` when they could not be read (or cancelled).
    private func rereadStatuses(_ batch: OperationPlan.Batch) async -> [String: InstanceStatus]? {
        let deadline = clock.now().addingTimeInterval(Double(trackingTimeout.components.seconds))
        var cadence = PollCadence(first: pollInitial, max: pollMax)
        while !Task.isCancelled {
            if let statuses = try? await service.statuses(region: batch.regionId, instanceIds: batch.instanceIds) {
                return statuses
            }
            guard clock.now() < deadline else { return nil }
            do { try await cadence.wait(on: clock) } catch { return nil }
        }
        return nil
    }

    @discardableResult
    func fail(_ ids: [String], board: ResultBoard, code: String, message: String, outcome: Outcome = .failed) async
        -> [InstanceResult]
    {
        var changed: [InstanceResult] = []
        for id in ids {
            guard var r = await board.result(id) else { continue }
            r.outcome = outcome
            r.code = code
            r.message = message
            changed.append(r)
        }
        await board.update(changed)
        return changed
    }

    /// Writes a journal record; false when it could not be written.
    @discardableResult
    func record(
        _ plan: OperationPlan, _ event: JournalRecord.Event, region: String = "", action: String? = nil,
        parameters: Parameters = Parameters(), requestId: String = "", results: [InstanceResult] = [],
        note: String = "",
        undoes: String = ""
    ) -> Bool {
        guard let journal else { return true }
        let r = JournalRecord(
            time: clock.now(), operation: plan.id, event: event, profile: profile, region: region,
            action: action ?? plan.action.rawValue, parameters: parameters.items.map { ($0.name, $0.value) },
            requestId: requestId, results: results, note: note, undoes: undoes)
        do {
            try journal.append(r)
            return true
        } catch { return false }
    }
}

extension Array where Element: Sendable {
    func asyncMap<T>(_ transform: (Element) async -> T) async -> [T] {
        var out: [T] = []
        for e in self { out.append(await transform(e)) }
        return out
    }
}

/// Runs `body` for each item, at most `limit` at once.
func forEachConcurrently<T: Sendable>(_ items: [T], limit: Int, _ body: @escaping @Sendable (T) async -> Void) async {
    await withTaskGroup(of: Void.self) { group in
        var next = 0
        while next < items.count && next < limit {
            let item = items[next]
            group.addTask { await body(item) }
            next += 1
        }
        while await group.next() != nil {
            if next < items.count {
                let item = items[next]
                group.addTask { await body(item) }
                next += 1
            }
        }
    }
}
