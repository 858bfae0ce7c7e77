import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import Testing

@Suite struct ViewModelFilterTests {
    /// Six instances with distinct fields to filter on.
    static func fleet() -> FleetState {
        VM.state(6) { n, i in
            switch n {
            case 1:
                i.tags = [.init(key: "env", value: "prod")]
                i.publicIpAddresses = ["47.96.1.1"]
            case 2:
                i.tags = [.init(key: "env", value: "Dev")]
                i.status = .stopped
            case 3:
                i.tags = [.init(key: "team", value: "core")]
                i.instanceName = "DB-Primary"
            case 4:
                i.status = .stopping
                i.eipAddress = .init(ipAddress: "8.8.4.4")
            case 5:
                i.regionId = VM.shanghai
                i.zoneId = "cn-shanghai-b"
            default:
                i.instanceType = "ecs.r7.2xlarge"
                i.instanceName = "batch worker"
            }
        }
    }

    static func visible(_ text: String, regions: RegionSelection = .all) -> [String] {
        var s = fleet()
        s.regionsShown = regions
        VM.reduce(&s, [.editFilter(text), .applyFilter])
        return Array(s.visible)
    }

    @Test(arguments: [
        ("status:Running", [1, 3, 5, 6]),
        ("status:running", [1, 3, 5, 6]),
        ("STATUS:stopped", [2]),
        ("!status:Running", [2, 4]),
        ("status:stop", [2, 4]), // the start of a state's name: Stopped and Stopping
        ("status:Stoppi", [4]),
        ("status:run|stopped", [1, 2, 3, 5, 6]),
        ("tag:env=prod", [1]),
        ("tag:env=dev", [2]),
        ("tag:env", [1, 2]),
        ("!tag:env", [3, 4, 5, 6]),
        ("tag:team=core", [3]),
        ("zone:cn-hangzhou-h", [2, 4, 6]),
        ("zone:shanghai", [5]),
        ("type:c7", [3]),
        ("type:ecs.r7", [6]),
        ("!type:g7", [3, 6]),
        ("region:cn-shanghai", [5]),
        ("!region:shanghai", [1, 2, 3, 4, 6]),
        ("status:Running tag:env", [1]),
        ("status:Running !zone:zhou-h", [1, 3, 5]),
        ("status:", [1, 2, 3, 4, 5, 6]),
        ("status:Nonsense", []),
    ])
    func tokens(_ text: String, _ expected: [Int]) {
        #expect(Self.visible(text) == VM.ids(expected), "\(text)")
    }

    @Test(arguments: [
        ("i-a03", [3]),
        ("I-A0", [1, 2, 3, 4, 5, 6]),
        ("db-prim", [3]),
        ("WEB-0", [1, 2, 4, 5]),
        ("172.16.0.4", [4]),
        ("47.96", [1]),
        ("8.8.4", [4]),
        ("2xlarge", [6]),
        ("hangzhou-i", [1, 3]),
        ("!hangzhou", [5]),
        ("web -02", [2]),
        ("web !-02", [1, 4, 5]),
        ("\"h w\"", [6]),
        ("batch worker", [6]),
        ("vpc-main", []),
    ])
    func freeText(_ text: String, _ expected: [Int]) {
        #expect(Self.visible(text) == VM.ids(expected), "\(text)")
    }

    @Test func parsing() {
        typealias Q = InstanceQuery
        #expect(Q(parsing: "status:Running").tokens == [.init(.field(.status, ["running"]))])
        #expect(
            Q(parsing: "!tag:Env=Prod web").tokens == [
                .init(.tag([.init(key: "env", value: "prod")]), negated: true), .init(.text("web")),
            ])
        #expect(Q(parsing: "tag:env").tokens == [.init(.tag([.init(key: "env", value: nil)]))])
        #expect(
            Q(parsing: "tag:\"cost center\"=ops").tokens == [.init(.tag([.init(key: "cost center", value: "ops")]))])
        #expect(Q(parsing: "foo:bar zone: !").tokens == [.init(.text("foo:bar"))])
        #expect(Q(parsing: "  ").isEmpty)
        #expect(Q(parsing: "status:Runing").unknownStatuses == ["runing"])
        #expect(Q(parsing: "status:stop").unknownStatuses.isEmpty)
    }

    @Test func theRegionsShownFilterToo() {
        #expect(Self.visible("", regions: .only([VM.shanghai])) == [VM.id(5)])
        #expect(Self.visible("web", regions: .only([VM.hangzhou])) == VM.ids([1, 2, 4]))
    }

    @Test func typingFiltersLiveAndCancelGoesBack() {
        var s = Self.fleet()
        VM.reduce(&s, [.beginFilter, .editFilter("web-0"), .applyFilter])
        let applied = s
        #expect(s.filter == FilterState(text: "web-0", applied: "web-0", isEditing: false))

        VM.reduce(&s, [.beginFilter, .editFilter("web-04")])
        #expect(s.filter == FilterState(text: "web-04", applied: "web-0", isEditing: true))
        #expect(Array(s.visible) == [VM.id(4)])
        #expect(s.cursor == VM.id(4))

        VM.reduce(&s, .cancelFilter)
        var expected = applied
        expected.cursor = VM.id(4)
        #expect(s == expected)

        VM.reduce(&s, .clearFilter)
        #expect(s.filter == FilterState())
        #expect(s.visible.count == 5) // i-a05 is in Shanghai, not shown
        #expect(s.cursor == VM.id(4))
    }

    @Test func hiddenMarksAreCounted() {
        var s = Self.fleet()
        VM.reduce(&s, [.toggleMarkAndMoveDown, .toggleMarkAndMoveDown, .toggleMarkAndMoveDown])
        VM.reduce(&s, [.editFilter("status:Running"), .applyFilter])
        #expect(s.markedIds == Set(VM.ids(1...3)))
        #expect(s.hiddenMarkCount == 1)
        VM.reduce(&s, [.editFilter("status:Running !tag:env"), .applyFilter])
        #expect(s.hiddenMarkCount == 2)
    }

    @Test func aMisspelledStateIsPointedOut() {
        var s = Self.fleet()
        VM.reduce(&s, [.editFilter("status:Runing"), .applyFilter])
        #expect(
            s.banners.map(\.text) == [
                "No state is called runing; states are Pending, Starting, Running, Stopping, Stopped."
            ])
        #expect(s.visible.isEmpty)
    }

    @Test func theCursorMovesToTheNearestVisibleNeighbourWhenFilteredOut() {
        var s = Self.fleet()
        VM.reduce(&s, [.moveTo(instanceId: VM.id(2)), .editFilter("!status:Stopped"), .applyFilter])
        #expect(s.cursor == VM.id(3))
        VM.reduce(&s, [.moveToBottom, .editFilter("!type:r7"), .applyFilter])
        #expect(s.cursor == VM.id(4)) // the last one: the neighbour above
    }

    /// The indexed filter agrees with the reference rules on a varied fleet, for many queries.
    @Test func theIndexAgreesWithTheReferenceRules() {
        let statuses: [InstanceStatus] = [.running, .stopped, .stopping, .pending, .starting]
        let list = (1...300).map { n in
            VM.instance(n, statuses[n % 5], region: n % 4 == 0 ? VM.shanghai : VM.hangzhou) { i in
                i.instanceId = "i-x\(String(n * 7919, radix: 36))"
                i.instanceName = ["web", "API", "db", "cache-服务"][n % 4] + "-\(n % 17)"
                i.instanceType = ["ecs.g7.large", "ecs.c7.xlarge", "ecs.r7.2xlarge"][n % 3]
                i.tags =
                    n % 5 == 0
                    ? []
                    : [.init(key: "env", value: n % 2 == 0 ? "prod" : "dev"), .init(key: "team", value: "t\(n % 3)")]
                if n % 6 == 0 { i.publicIpAddresses = ["47.1.\(n % 9).\(n % 250)"] }
            }
        }
        var s = FleetState(profile: "p", regions: .all, instances: list, operationIdPrefix: "t-")
        let queries = [
            "", "web", "api", "服务", "-1", "!web", "status:running", "!status:stopped web", "tag:env=prod", "tag:team",
            "!tag:env=dev", "zone:-h", "type:c7 !tag:team=t1", "region:shanghai", "47.1", "172.16.0.1", "x1 !x2",
            "db tag:env status:stopping", "cache zone:shanghai", "\"api-1\"", "zzz", "!i-x",
            // typed a key at a time: later keys only re-check the rows still shown
            "a", "ap", "api", "api-", "api-1", "api-1 tag:env", "api-1 tag:env status:running", "api-1 tag:env", "api-",
            "c", "ca", "cache-服", "cache-服务 !zone:h",
        ]
        for q in queries {
            VM.reduce(&s, .editFilter(q))
            let query = InstanceQuery(parsing: q)
            let expected = list.filter(query.matches).map(\.instanceId).sorted()
            #expect(Array(s.visible) == expected, "\(q)")
        }
    }
}

@Suite struct QueryAlternativesTests {
    typealias Q = InstanceQuery

    @Test func alternativesInsideFieldAndTagTokens() {
        #expect(Q(parsing: "status:Running|Starting").tokens == [.init(.field(.status, ["running", "starting"]))])
        #expect(
            Q(parsing: "tag:env=dev|test").tokens == [
                .init(.tag([.init(key: "env", value: "dev"), .init(key: "env", value: "test")]))
            ])
        #expect(
            Q(parsing: "tag:env|owner=ops").tokens == [
                .init(.tag([.init(key: "env", value: nil), .init(key: "owner", value: "ops")]))
            ])
        // Being typed: an empty alternative is left out.
        #expect(Q(parsing: "status:running|").tokens == [.init(.field(.status, ["running"]))])
    }

    @Test func matchingTakesAnyAlternativeAndAnyCase() {
        let dev = VM.instance(1) { $0.tags = [.init(key: "Env", value: "Dev")] }
        let test = VM.instance(2, .stopped) { $0.tags = [.init(key: "env", value: "test")] }
        let prod = VM.instance(3) {
            $0.tags = [.init(key: "env", value: "prod")]
            $0.instanceName = "db-1"
        }
        let q = Q(parsing: "tag:env=dev|test")
        #expect([dev, test, prod].filter(q.matches).map(\.instanceId) == [dev.instanceId, test.instanceId])
        #expect(
            [dev, test, prod].filter(Q(parsing: "status:RUNNING|stopping").matches).map(\.instanceId) == [
                dev.instanceId, prod.instanceId,
            ])
        #expect(
            [dev, test, prod].filter(Q(parsing: "!name:db- status:running").matches).map(\.instanceId) == [
                dev.instanceId
            ])
        #expect(Q(parsing: "status:running|runing").unknownStatuses == ["runing"])
    }

    @Test(arguments: [
        ("tag:env=dev|prod", [1, 2]),
        ("status:stopped|stopping", [2, 4]),
        ("tag:env|team !status:stopped", [1, 3]),
        ("name:db-|batch", [3, 6]),
        ("!name:web-", [3, 6]),
        ("region:shanghai|nowhere type:g7|r7", [5]),
    ])
    func theListFiltersByAlternatives(_ text: String, _ expected: [Int]) {
        #expect(ViewModelFilterTests.visible(text) == VM.ids(expected), "\(text)")
        let fleet = ViewModelFilterTests.fleet()
        let reference = VM.ids(1...6).compactMap(fleet.instance).filter(Q(parsing: text).matches).map(\.instanceId)
        #expect(Set(reference) == Set(VM.ids(expected)), "\(text)")
    }
}
