import ECSAPI
import FleetCore
import Foundation

/// Every instance loaded in the session, across regions, with the indexes that keep filtering and sorting fast
/// at 100,000 instances: search text in one buffer, field values as small numbers, sort keys, the sorted order
/// and the visible rows. Rows are numbered in order of arrival; a removed row keeps its number until the table
/// is compacted. Changes are collected and applied to the sorted and visible lists by `sync`, which touches only
/// the changed rows unless the filter or the sort itself changed.
struct InstanceTable: Sendable {
    // Rows.
    private(set) var ids: [String] = []
    /// Each row's instance; a removed row keeps a bare placeholder (see `alive`).
    private(set) var instances: [Instance] = []
    /// Whether each row is loaded (false once removed).
    private(set) var alive: [Bool] = []
    private(set) var lastOperations: [LastOperation?] = []
    /// The generation of the load that last saw each row.
    private(set) var seenIn: [Int] = []
    /// When each row's data was last read from ECS (seconds since the reference date; NaN: not by this session).
    private(set) var readAt: [Double] = []
    private(set) var rowOf: [String: Int32] = [:]
    private(set) var count = 0
    /// What a preflight verdict reads of each row, recorded when it is stored, as its kind (an index into
    /// `preflightKinds`) and its subscription's end (seconds since the reference date; infinity for none). The
    /// stop dialog judges each kind once instead of reading 100,000 instances scattered over 50 MB.
    private(set) var preflightKind: [Int32] = []
    private(set) var expiry: [Double] = []
    /// The distinct kinds of row for a verdict: a fleet has a few hundred at most.
    private(set) var preflightKinds = Interner<PreflightKind>()

    // Indexes.
    var search = SearchBuffer()
    var codes = FieldCodes()
    var sortCodes = SortCodes()

    // Derived lists, brought up to date by `sync`.
    var sort = InstanceSort()
    /// Rows in ID order (removed ones included); covers the first `idOrdered` rows.
    var idOrder: [Int32] = []
    var idOrdered = 0
    /// Whether each row is in `sorted`.
    var listed: [Bool] = []
    /// Live rows in sort order.
    var sorted: [Int32] = []
    var query = InstanceQuery()
    var regions: Set<String>?
    var matched: [Bool] = []
    /// Rows shown, in order.
    var visible: [Int32] = []
    /// Each row's place in `visible`, or -1.
    var visiblePlace: [Int32] = []
    /// The visible rows counted by status code (`codes.status`), kept with `visible`.
    var visibleStatusTally: [Int] = []

    // Marks, by row: marking every one of 100,000 rows is a flag each, not a hashed ID string each.
    /// Whether each row is marked (a removed row keeps its mark: the operator marked that instance).
    var marked: [Bool] = []
    /// How many rows are marked, and how many of those are visible (kept with `visible`).
    var markedRows = 0
    var visibleMarkedRows = 0
    /// Marked IDs with no row: marked before they were loaded, or removed and then compacted away.
    var strayMarks: Set<String> = []

    // Pending work.
    var changed: [Int32] = []
    var isChanged: [Bool] = []
    var needsFullSort = true
    /// Whether every sort key must be recomputed (not just the direction reversed).
    var needsFullKeys = true
    var needsFullFilter = true

    init() {}

    /// The row of `id`, if it is loaded.
    func row(_ id: String) -> Int32? {
        guard let r = rowOf[id], alive[Int(r)] else { return nil }
        return r
    }

    func instance(_ id: String) -> Instance? { row(id).map { instances[Int($0)] } }

    /// The name of `id` (empty when it is not loaded), read in place.
    func name(of id: String) -> String { row(id).map { instances[Int($0)].instanceName } ?? "" }

    func lastOperation(_ id: String) -> LastOperation? { row(id).flatMap { lastOperations[Int($0)] } }

    /// The IDs of `region`'s instances, in the order they arrived.
    func ids(in region: String) -> [String] {
        instances.indices.compactMap { alive[$0] && instances[$0].regionId == region ? ids[$0] : nil }
    }

    /// Shown instances by status, counted when the visible list is rebuilt (never per frame).
    var visibleStatusCounts: [InstanceStatus: Int] {
        var out: [InstanceStatus: Int] = [:]
        for (code, n) in visibleStatusTally.enumerated() where n > 0 {
            out[InstanceStatus(rawValue: codes.status.values[code]), default: 0] += n
        }
        return out
    }

    /// The number of instances of each region.
    var countsByRegion: [String: Int] {
        var out: [String: Int] = [:]
        for i in instances.indices where alive[i] { out[instances[i].regionId, default: 0] += 1 }
        return out
    }

    // MARK: Changes

    /// Adds or replaces instances of `region` seen by load `generation`, read from ECS at `readAt` (`nil`: not
    /// read by this session). Returns the IDs whose data changed.
    @discardableResult
    mutating func upsert(_ list: [Instance], region: String, generation: Int, readAt time: Date? = nil) -> [String] {
        var touched: [String] = []
        let stamp = time?.timeIntervalSinceReferenceDate ?? .nan
        for var instance in list {
            if instance.regionId.isEmpty { instance.regionId = region }
            if let r = rowOf[instance.instanceId] {
                let i = Int(r)
                seenIn[i] = max(seenIn[i], generation)
                readAt[i] = stamp
                if alive[i] && instances[i] == instance { continue }
                if !alive[i] {
                    alive[i] = true
                    count += 1
                }
                store(instance, row: r)
            } else {
                let r = Int32(ids.count)
                ids.append(instance.instanceId)
                instances.append(instance)
                alive.append(true)
                lastOperations.append(nil)
                seenIn.append(generation)
                readAt.append(stamp)
                listed.append(false)
                matched.append(false)
                visiblePlace.append(-1)
                isChanged.append(false)
                marked.append(false)
                rowOf[instance.instanceId] = r
                if !strayMarks.isEmpty, strayMarks.remove(instance.instanceId) != nil { setMark(row: r, true) }
                count += 1
                store(instance, row: r)
            }
            touched.append(instance.instanceId)
        }
        return touched
    }

    /// Changes one loaded instance (for example its status from an operation's result).
    mutating func update(_ id: String, _ change: (inout Instance) -> Void) {
        guard let r = row(id) else { return }
        var instance = instances[Int(r)]
        let before = instance
        change(&instance)
        if instance != before { store(instance, row: r) }
    }

    /// Sets the last operation of a loaded instance.
    mutating func setLastOperation(_ id: String, _ last: LastOperation) {
        guard let r = row(id) else { return }
        lastOperations[Int(r)] = last
        if sort.column == .lastOperation { markChanged(r) }
    }

    /// Removes the instances of `region` that load `generation` did not see (they no longer exist). Returns their IDs.
    @discardableResult
    mutating func removeUnseen(region: String, generation: Int) -> [String] {
        var gone: [String] = []
        for i in instances.indices where alive[i] && instances[i].regionId == region && seenIn[i] != generation {
            remove(row: i)
            gone.append(ids[i])
        }
        if ids.count > 1024 && count < ids.count / 2 { compact() }
        return gone
    }

    /// Removes the loaded instances among `gone` that are in `region` (a read by ID did not find them). Returns
    /// the IDs removed.
    @discardableResult
    mutating func remove(_ gone: [String], region: String) -> [String] {
        var removed: [String] = []
        for id in gone {
            guard let r = row(id), instances[Int(r)].regionId == region else { continue }
            remove(row: Int(r))
            removed.append(id)
        }
        if ids.count > 1024 && count < ids.count / 2 { compact() }
        return removed
    }

    private mutating func remove(row i: Int) {
        alive[i] = false
        instances[i] = Instance(instanceId: ids[i])
        lastOperations[i] = nil
        readAt[i] = .nan
        search.remove(row: Int32(i))
        count -= 1
        markChanged(Int32(i))
    }

    private mutating func store(_ instance: Instance, row r: Int32) {
        instances[Int(r)] = instance
        var facts = Preflight.Facts(instance)
        let ends = facts.expiresAt?.timeIntervalSinceReferenceDate ?? .infinity
        facts.expiresAt = nil
        let k = preflightKinds.code(PreflightKind(regionId: instance.regionId, facts: facts))
        if Int(r) < preflightKind.count {
            preflightKind[Int(r)] = k
            expiry[Int(r)] = ends
        } else {
            preflightKind.append(k)
            expiry.append(ends)
        }
        search.set(row: r, text: SearchText.bytes(instance))
        codes.set(row: r, instance)
        sortCodes.set(row: r, instance)
        markChanged(r)
    }

    mutating func markChanged(_ r: Int32) {
        if !isChanged[Int(r)] {
            isChanged[Int(r)] = true
            changed.append(r)
        }
    }

    /// Renumbers the live rows after many removals; every index is rebuilt on the next sync.
    private mutating func compact() {
        var fresh = InstanceTable()
        fresh.sort = sort
        fresh.query = query
        fresh.regions = regions
        fresh.strayMarks = strayMarks
        for i in instances.indices {
            guard alive[i] else {
                if marked[i] { fresh.strayMarks.insert(ids[i]) }
                continue
            }
            let instance = instances[i]
            fresh.upsert([instance], region: instance.regionId, generation: seenIn[i])
            let r = fresh.ids.count - 1
            fresh.readAt[r] = readAt[i]
            if let last = lastOperations[i] { fresh.lastOperations[r] = last }
            if marked[i] { fresh.setMark(row: Int32(r), true) }
        }
        fresh.visible = []
        self = fresh
        needsFullSort = true
        needsFullKeys = true
        needsFullFilter = true
    }
}

extension InstanceTable: Equatable {
    /// Two tables are equal when they hold the same instances with the same last operations, mark the same IDs
    /// and show the same rows in the same order, however they were built.
    static func == (l: InstanceTable, r: InstanceTable) -> Bool {
        guard l.count == r.count, l.visible.count == r.visible.count, l.markCount == r.markCount else { return false }
        guard l.strayMarks.allSatisfy(r.isMarked) else { return false }
        for i in l.marked.indices where l.marked[i] { guard r.isMarked(l.ids[i]) else { return false } }
        for i in l.instances.indices {
            guard l.alive[i] else { continue }
            let instance = l.instances[i]
            guard let j = r.row(instance.instanceId), r.instances[Int(j)] == instance,
                r.lastOperations[Int(j)] == l.lastOperations[i]
            else { return false }
        }
        return zip(l.visible, r.visible).allSatisfy { l.ids[Int($0)] == r.ids[Int($1)] }
    }
}

extension InstanceTable: CustomStringConvertible {
    /// `3 instances, visible [i-a, i-b]`: short enough for test failure messages.
    var description: String {
        "\(count) instances, visible [\(visible.prefix(50).map { ids[Int($0)] }.joined(separator: ", "))\(visible.count > 50 ? ", ..." : "")]"
    }
}
