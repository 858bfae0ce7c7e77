import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import Testing

/// `:columns`, `<`/`>` over the columns shown, and sorting by the columns that could not be sorted before
/// (LOCK, TAGS, ECO).
@Suite struct ViewModelColumnsTests {
    static func run(_ s: inout FleetState, _ line: String) {
        VM.reduce(&s, [.openCommandLine, .editCommandLine(line), .executeCommandLine])
    }

    /// 1: security lock, 2: no lock, 3: financial lock, 4: another lock; tags differ, 5 has none.
    static func locked() -> FleetState {
        VM.state(5) { n, i in
            switch n {
            case 1: i.operationLocks = [.init(lockReason: "security")]
            case 3: i.operationLocks = [.init(lockReason: "financial")]
            case 4: i.operationLocks = [.init(lockReason: "Recycling")]
            default: break
            }
            i.tags = n == 5 ? [] : [.init(key: "env", value: ["prod", "dev", "test", "Audit"][n - 1])]
        }
    }

    @Test func lockAndTagsSortAndInvert() {
        var s = Self.locked()
        Self.run(&s, "sort lock")
        #expect(s.sort == InstanceSort(column: .lock))
        #expect(Array(s.visible) == VM.ids([1, 3, 4, 2, 5]), "security, financial, other, then unlocked by ID")
        VM.reduce(&s, .invertSort)
        #expect(Array(s.visible) == VM.ids([5, 2, 4, 3, 1]))
        Self.run(&s, "sort tags")
        #expect(s.sort == InstanceSort(column: .tags))
        #expect(Array(s.visible) == VM.ids([4, 2, 1, 3, 5]), "env=audit, dev, prod, test; untagged last")
        Self.run(&s, "sort eco desc")
        #expect(s.sort == InstanceSort(column: .eco, ascending: false))
    }

    @Test func aRefreshKeepsTheLockOrder() {
        var s = Self.locked()
        Self.run(&s, "sort lock")
        var list = (1...5).map { s.instance(VM.id($0))! }
        list[1].operationLocks = [.init(lockReason: "security")] // i-a02 gets a security lock
        list[0].operationLocks = [] // i-a01 loses its own
        VM.load(&s, list)
        #expect(Array(s.visible) == VM.ids([2, 3, 4, 1, 5]))
    }

    @Test func columnsCommandChoosesAddsRemovesAndResets() {
        var s = VM.state(3)
        #expect(s.columns == .standard)
        Self.run(&s, "columns")
        #expect(s.banners.last?.text == "Names: id name status region op type zone ip eip charge eco lock tags")
        Self.run(&s, "columns name,status ip zone")
        #expect(s.columns == ColumnChoice(listed: [.name, .status, .privateIp, .zone]))
        #expect(s.banners.last?.text == "Columns: name status ip zone.")
        Self.run(&s, "columns +tags -zone")
        #expect(s.columns.listed == [.name, .status, .privateIp, .tags])
        Self.run(&s, "columns default")
        #expect(s.columns == .standard)
        Self.run(&s, "columns +tags -lock")
        #expect(s.columns == ColumnChoice(added: [.tags], removed: [.lock]))
        #expect(!s.sortableColumns.contains(.lock))
        #expect(s.banners.last?.text == "Columns: standard +tags -lock.")
    }

    @Test func columnsCommandRefusesNonsense() {
        var s = VM.state(3)
        Self.run(&s, "columns name,colour")
        #expect(s.columns == .standard)
        #expect(s.banners.last?.text.hasPrefix("No column 'colour'; names: id name status") == true)
        Self.run(&s, "columns name +tags")
        #expect(s.banners.last?.text == ":columns takes names (name,status,ip), or +NAME and -NAME, not both")
        Self.run(&s, "columns id")
        Self.run(&s, "columns -id")
        #expect(s.columns.listed == [.id], "never no column at all")
        #expect(s.banners.last?.level == .error)
    }

    @Test func sortKeysWalkTheChosenColumnsInTheirOrder() {
        var s = VM.state(3)
        Self.run(&s, "columns zone,ip,name")
        var walked: [SortColumn] = []
        for _ in 0..<4 {
            VM.reduce(&s, .sortByNextColumn)
            walked.append(s.sort.column)
        }
        #expect(walked == [.zone, .privateIp, .name, .zone], "from ID (not shown) to the first shown")
        VM.reduce(&s, .sortByPreviousColumn)
        #expect(s.sort.column == .name)
    }
}
