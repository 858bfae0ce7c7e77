import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import Testing

@Suite struct ViewModelSortTests {
    static func fleet() -> FleetState {
        VM.state(5) { n, i in
            i.instanceName = ["delta", "Alpha", "charlie", "bravo", ""][n - 1]
            i.status = [.stopped, .running, .pending, .running, .stopping][n - 1]
            i.vpcAttributes = .init(
                vpcId: "v",
                privateIpAddresses: [["10.0.0.10", "10.0.0.9", "9.255.0.1", "10.0.1.0", "10.0.0.100"][n - 1]])
            i.publicIpAddresses = n == 2 ? ["47.1.1.1"] : []
            i.instanceChargeType = n % 2 == 0 ? "PrePaid" : "PostPaid"
        }
    }

    @Test func nextAndPreviousColumnsWalkTheColumnsAndWrap() {
        var s = Self.fleet()
        var columns: [SortColumn] = []
        for _ in SortColumn.allCases {
            VM.reduce(&s, .sortByNextColumn)
            columns.append(s.sort.column)
        }
        #expect(
            columns == [
                .name, .status, .lastOperation, .type, .zone, .privateIp, .publicIp, .charge, .eco, .lock, .tags, .id,
                .name,
            ],
            "the order the list shows them, every column (REGION only shows with several regions)")
        VM.reduce(&s, [.sortByPreviousColumn, .sortByPreviousColumn, .sortByPreviousColumn])
        #expect(s.sort == InstanceSort(column: .lock, ascending: true))
    }

    @Test(arguments: [
        (SortColumn.id, [1, 2, 3, 4, 5]),
        (.name, [2, 4, 3, 1, 5]),
        (.status, [3, 2, 4, 5, 1]),
        (.privateIp, [3, 2, 1, 5, 4]),
        (.publicIp, [2, 1, 3, 4, 5]),
        (.charge, [1, 3, 5, 2, 4]),
        (.type, [3, 1, 2, 4, 5]),
    ])
    func ordersByColumnThenId(_ column: SortColumn, _ expected: [Int]) {
        var s = Self.fleet()
        s.sort = InstanceSort(column: column)
        VM.reduce(&s, .tick(VM.t0))
        #expect(Array(s.visible) == VM.ids(expected), "\(column)")
        VM.reduce(&s, .invertSort)
        #expect(Array(s.visible) == VM.ids(expected.reversed()), "\(column) descending")
    }

    @Test func theCursorStaysOnItsInstance() {
        var s = Self.fleet()
        VM.reduce(&s, [.moveTo(instanceId: VM.id(3)), .toggleMark])
        var expected = s
        VM.reduce(&s, .sortByNextColumn)
        expected.sort = InstanceSort(column: .name)
        VM.reduce(&expected, .tick(VM.t0))
        #expect(s == expected)
        #expect(s.cursor == VM.id(3))
        #expect(s.cursorPosition == 2)
        #expect(s.markedIds == [VM.id(3)])
        VM.reduce(&s, .invertSort)
        #expect(s.cursorPosition == 2)
        #expect(s.sort.title == "Name ▼")
    }

    @Test func aRefreshReordersChangedInstances() {
        var s = Self.fleet()
        s.sort = InstanceSort(column: .status)
        VM.reduce(&s, .moveTo(instanceId: VM.id(1)))
        var list = (1...5).map { s.instance(VM.id($0))! }
        list[0].status = .running // i-a01: Stopped → Running
        list[2].status = .stopped // i-a03: Pending → Stopped
        VM.load(&s, list)
        #expect(Array(s.visible) == VM.ids([1, 2, 4, 5, 3]))
        #expect(s.cursor == VM.id(1))
    }

    @Test func lastOperationSortsByWhenItHappened() {
        var s = Self.fleet()
        s.sort = InstanceSort(column: .lastOperation)
        VM.reduce(&s, [.moveTo(instanceId: VM.id(4)), .openStopDialog, .pressButton(.confirm), .typeCharacter("y")])
        VM.reduce(&s, [.moveTo(instanceId: VM.id(2)), .openStopDialog, .pressButton(.confirm), .typeCharacter("y")])
        let first = s.operations[0].id
        let second = s.operations[1].id
        VM.reduce(
            &s,
            .operationUpdated(
                operationId: second,
                results: [InstanceResult(instanceId: VM.id(2), regionId: VM.hangzhou, outcome: .accepted)]),
            now: VM.t0.addingTimeInterval(5))
        VM.reduce(
            &s,
            .operationUpdated(
                operationId: first,
                results: [InstanceResult(instanceId: VM.id(4), regionId: VM.hangzhou, outcome: .accepted)]),
            now: VM.t0.addingTimeInterval(9))
        #expect(Array(s.visible) == VM.ids([2, 4, 1, 3, 5]))
    }
}
