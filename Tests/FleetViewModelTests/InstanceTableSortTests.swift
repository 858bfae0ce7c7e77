import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import Testing

/// The list's order against a reference written from the sorting rules, on a fleet made to catch shortcuts:
/// names equal but for case, CJK and empty names, names longer than 24 bytes sharing a prefix, IPv4 and other
/// addresses, EIPs, classic instances, unknown states. Checked after a full sort and after refreshes that
/// change, add and remove instances (which the list places without sorting again).
@Suite struct InstanceTableSortTests {
    static let longPrefix = "prod-payments-gateway-backend-"

    static func fleet(_ count: Int, seed: UInt64, generation: Int = 0) -> [Instance] {
        var rng = seed
        func next(_ n: Int) -> Int {
            rng = rng &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((rng >> 33) % UInt64(n))
        }
        let names = [
            "web", "Web", "WEB-01", "db", "生产-网关", "", "Ärger", longPrefix + "a", longPrefix + "B", longPrefix + "b",
            "web\u{0}", "cache-\(generation)",
        ]
        let statuses: [InstanceStatus] = [
            .running, .stopped, .stopping, .starting, .pending, InstanceStatus(rawValue: "Rebooting"),
            InstanceStatus(rawValue: "busy"),
        ]
        let addresses = [
            "10.0.0.9", "10.0.0.10", "9.255.0.1", "172.16.0.1", "fe80::1", "FE80::2", "", "300.1.1.1", "10.0.0",
        ]
        return (0..<count).map { n in
            VM.instance(n + 1) { i in
                i.instanceId = String(
                    format: "i-%03d%@", next(1000), n % 7 == 0 ? "-long-identifier-beyond-24-bytes" : "")
                i.instanceName = names[next(names.count)]
                i.status = statuses[next(statuses.count)]
                i.instanceType = ["ecs.g7.large", "ECS.g7.large", "ecs.c7.xlarge"][next(3)]
                i.zoneId = ["cn-hangzhou-h", "cn-hangzhou-i", "ap-southeast-1a"][next(3)]
                i.instanceChargeType = ["PostPaid", "PrePaid", "postpaid"][next(3)]
                switch next(4) {
                case 0: i.vpcAttributes = .init(vpcId: "v", privateIpAddresses: [addresses[next(addresses.count)]])
                case 1:
                    i.vpcAttributes = nil
                    i.innerIpAddresses = [addresses[next(addresses.count)]]
                case 2: i.vpcAttributes = nil
                default: i.vpcAttributes = .init(vpcId: "v", privateIpAddresses: [])
                }
                if next(3) == 0 { i.publicIpAddresses = [addresses[next(addresses.count)]] }
                if next(4) == 0 {
                    i.eipAddress = .init(allocationId: "e", ipAddress: addresses[next(addresses.count)], bandwidth: 1)
                }
                let locks = ["", "security", "Financial", "recycling", "Refunded"]
                let lock = locks[next(locks.count)]
                i.operationLocks = lock.isEmpty ? [] : [.init(lockReason: lock)]
                let tags = [[], [("env", "prod")], [("env", "Dev"), ("app", "web")], [("App", "web")]]
                i.tags = tags[next(tags.count)].map { .init(key: $0.0, value: $0.1) }
            }
        }
    }

    // MARK: The reference

    /// `(number, text)` of `instance` in `column`, straight from the rules.
    static func reference(_ column: SortColumn, _ i: Instance) -> (UInt64, [UInt8]) {
        func lower(_ s: String) -> [UInt8] { Array(s.lowercased().utf8) }
        func address(_ ip: String?) -> (UInt64, [UInt8]) {
            guard let ip, !ip.isEmpty else { return (.max, []) }
            let parts = ip.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 4, let octets = Optional(parts.compactMap { UInt64($0) }), octets.count == 4,
                octets.allSatisfy({ $0 <= 255 }),
                parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) })
            {
                return (octets.reduce(0) { $0 << 8 | $1 }, [])
            }
            return (1 << 33, lower(ip))
        }
        switch column {
        case .id: return (0, [])
        case .name: return i.instanceName.isEmpty ? (.max, []) : (0, lower(i.instanceName))
        case .status:
            if let k = InstanceStatus.all.firstIndex(of: i.status) { return (UInt64(k), []) }
            return (5, lower(i.status.rawValue))
        case .type: return (0, lower(i.instanceType))
        case .zone: return (0, lower(i.zoneId))
        case .privateIp: return address(i.privateIp)
        case .publicIp: return address(i.publicIp)
        case .charge: return (0, lower(i.instanceChargeType))
        case .region: return (0, lower(i.regionId))
        case .lastOperation: return (.max, [])
        case .eco: return (i.isEconomicalModeEligible ? 1 : 0, [])
        case .lock:
            if i.operationLocks.contains(where: { $0.lockReason.lowercased() == "security" }) { return (0, []) }
            let financial = ["financial", "dedicatedhostfinancial", "refunded"]
            if i.operationLocks.contains(where: { financial.contains($0.lockReason.lowercased()) }) { return (1, []) }
            return i.operationLocks.first.map { (2, lower($0.lockReason)) } ?? (.max, [])
        case .tags:
            return i.tags.isEmpty
                ? (.max, []) : (0, lower(i.tags.map { "\($0.key)=\($0.value)" }.joined(separator: ",")))
        }
    }

    static func expected(_ s: FleetState, _ sort: InstanceSort) -> [String] {
        let list = s.visible.compactMap { s.instance($0) }
        let ascending = list.sorted { a, b in
            let ka = reference(sort.column, a)
            let kb = reference(sort.column, b)
            if ka.0 != kb.0 { return ka.0 < kb.0 }
            if ka.1 != kb.1 { return ka.1.lexicographicallyPrecedes(kb.1) }
            return a.instanceId.utf8.lexicographicallyPrecedes(b.instanceId.utf8)
        }.map(\.instanceId)
        return sort.ascending ? ascending : ascending.reversed()
    }

    @Test(arguments: SortColumn.allCases)
    func everyColumnSortsAsTheRulesSay(_ column: SortColumn) {
        var s = FleetState(
            profile: "t", regions: .only([VM.hangzhou]), instances: Self.fleet(400, seed: 7), operationIdPrefix: "t-")
        s.sort = InstanceSort(column: column)
        VM.reduce(&s, .tick(VM.t0))
        #expect(Array(s.visible) == Self.expected(s, s.sort), "\(column) ascending")
        VM.reduce(&s, .invertSort)
        #expect(Array(s.visible) == Self.expected(s, s.sort), "\(column) descending")
    }

    @Test(arguments: [SortColumn.name, .status, .privateIp, .publicIp, .charge, .id, .lock, .tags])
    func refreshesKeepTheOrderAndTheCursor(_ column: SortColumn) throws {
        var s = FleetState(
            profile: "t", regions: .only([VM.hangzhou]), instances: Self.fleet(300, seed: 11), operationIdPrefix: "t-")
        s.sort = InstanceSort(column: column, ascending: column != .status)
        VM.reduce(&s, [.tick(VM.t0), .moveDown, .moveDown, .toggleMark])
        let cursor = try #require(s.cursor)
        for round in 1...4 {
            // Keep most instances (some changed), drop some, add new ones: the list re-places only those.
            var list = (0..<s.instanceCount).compactMap {
                s.visible.indices.contains($0) ? s.instance(s.visible[$0]) : nil
            }
            let changes = Self.fleet(list.count, seed: UInt64(100 + round), generation: round)
            for k in stride(from: round, to: list.count, by: 5) where list[k].instanceId != cursor {
                var changed = changes[k]
                changed.instanceId = list[k].instanceId
                list[k] = changed
            }
            list.removeAll {
                $0.instanceId != cursor && $0.instanceId.hasSuffix("-beyond-24-bytes") && round.isMultiple(of: 2)
            }
            list += Self.fleet(20, seed: UInt64(200 + round), generation: round).map { i in
                var i = i
                i.instanceId = "i-new-\(round)-" + i.instanceId
                return i
            }
            VM.load(&s, list)
            #expect(Array(s.visible) == Self.expected(s, s.sort), "\(column) after refresh \(round)")
            #expect(s.cursor == cursor, "the cursor stays on its instance")
            #expect(s.markedIds == [cursor], "marks are kept")
        }
        // A fresh sort from the same data gives the same order.
        var fresh = FleetState(
            profile: "t", regions: .only([VM.hangzhou]), instances: s.visible.compactMap { s.instance($0) },
            operationIdPrefix: "t-")
        fresh.sort = s.sort
        VM.reduce(&fresh, .tick(VM.t0))
        #expect(Array(fresh.visible) == Array(s.visible))
    }

    @Test func headerCountsFollowFiltersAndChanges() {
        var s = VM.state(6) { n, i in i.status = n <= 2 ? .stopped : .running }
        #expect(s.visibleStatusCounts == [.stopped: 2, .running: 4])
        VM.reduce(&s, [.beginFilter, .editFilter("web-0"), .editFilter("web-01")])
        #expect(s.visibleStatusCounts == [.stopped: 1])
        VM.reduce(&s, .clearFilter)
        var list = (1...6).map { s.instance(VM.id($0))! }
        list[3].status = .stopping
        VM.load(&s, list)
        #expect(s.visibleStatusCounts == [.stopped: 2, .stopping: 1, .running: 3])
    }

    @Test func narrowingAFilterMatchesFilteringAfresh() {
        let instances = Self.fleet(300, seed: 5)
        var typed = FleetState(
            profile: "t", regions: .only([VM.hangzhou]), instances: instances, operationIdPrefix: "t-")
        var text = ""
        for c in "web-0" {
            text.append(c)
            VM.reduce(&typed, .editFilter(text))
            var fresh = FleetState(
                profile: "t", regions: .only([VM.hangzhou]), instances: instances, operationIdPrefix: "t-")
            VM.reduce(&fresh, .editFilter(text))
            #expect(Array(typed.visible) == Array(fresh.visible), "after typing \(text)")
            #expect(typed.visibleStatusCounts == fresh.visibleStatusCounts)
        }
    }
}
