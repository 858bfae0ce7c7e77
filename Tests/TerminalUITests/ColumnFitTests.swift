import TerminalUI
import Testing

/// `ColumnFit` is the one column-priority algorithm: the screen's tables (`Table.columnLayout`) and the command
/// line's (`TableWriter`) both describe their columns to it. These tests use it the way each caller does.
@Suite struct ColumnFitTests {
    typealias Column = ColumnFit.Column

    static func fit(_ columns: [Column], _ width: Int, gap: Int = 1) -> [Int: Int] {
        Dictionary(uniqueKeysWithValues: ColumnFit.fit(columns, width: width, gap: gap).map { ($0.index, $0.width) })
    }

    // MARK: The screen's use: fixed and flexible columns filling the width

    @Test func dropsTheLowestPriorityFirstAndTheRightMostAmongEquals() {
        let columns = [
            Column(minimum: 10, natural: 10, maximum: 10, weight: 0, priority: 9),
            Column(minimum: 10, natural: 10, maximum: 10, weight: 0, priority: 1),
            Column(minimum: 10, natural: 10, maximum: 10, weight: 0, priority: 1),
        ]
        #expect(Self.fit(columns, 32) == [0: 10, 1: 10, 2: 10])
        #expect(Self.fit(columns, 31) == [0: 10, 1: 10])
        #expect(Self.fit(columns, 20) == [0: 10])
        #expect(Self.fit(columns, 4) == [0: 4], "the last column is kept, narrowed to the room")
    }

    @Test func spareRoomGoesByWeightUpToTheMaximum() {
        let columns = [
            Column(minimum: 4, natural: nil, maximum: nil, weight: 1, priority: 0),
            Column(minimum: 4, natural: nil, maximum: 6, weight: 3, priority: 0),
        ]
        // 21 - 8 - 1 = 12 spare: 3 and 9, the second capped at 6 hands the rest back to the first.
        #expect(Self.fit(columns, 21) == [0: 14, 1: 6])
    }

    @Test func cutTextIsCompletedMostImportantFirstOnlyWhenItFitsWhole() {
        let columns = [
            Column(minimum: 5, natural: 12, maximum: nil, weight: 0, priority: 1),
            Column(minimum: 5, natural: 9, maximum: nil, weight: 0, priority: 2),
        ]
        // 5 spare: the second (more important) needs 4 and gets it; the first needs 7 and stays cut.
        #expect(Self.fit(columns, 16) == [0: 5, 1: 9])
        #expect(Self.fit(columns, 22) == [0: 12, 1: 9])
    }

    @Test func narrowTextGivesRoomBack() {
        let columns = [
            Column(minimum: 10, natural: 3, maximum: nil, weight: 0, priority: 0),
            Column(minimum: 4, natural: nil, maximum: nil, weight: 1, priority: 0),
        ]
        #expect(Self.fit(columns, 20) == [0: 3, 1: 16])
    }

    // MARK: The command line's use: whole columns, one flexible MESSAGE that shrinks before anything drops

    /// As `TableWriter` describes a column: shown whole or not at all, unless flexible.
    static func cli(_ natural: Int, floor: Int = 4, priority: Int, flexible: Bool = false) -> Column {
        Column(
            minimum: flexible ? min(natural, floor) : natural, natural: natural, maximum: natural,
            weight: flexible ? 1 : 0, priority: priority)
    }

    @Test func theFlexibleColumnShrinksBeforeAnyColumnIsDropped() {
        // ID 22, OUTCOME 8, CODE 20, MESSAGE 60 (floor 10), two spaces between.
        let columns = [
            Self.cli(22, priority: 100), Self.cli(8, priority: 100), Self.cli(20, priority: 80),
            Self.cli(60, floor: 10, priority: 70, flexible: true),
        ]
        #expect(Self.fit(columns, 200, gap: 2) == [0: 22, 1: 8, 2: 20, 3: 60], "room for all: natural widths")
        #expect(Self.fit(columns, 80, gap: 2) == [0: 22, 1: 8, 2: 20, 3: 24], "MESSAGE takes what is left")
        #expect(Self.fit(columns, 66, gap: 2) == [0: 22, 1: 8, 2: 20, 3: 10], "down to its floor")
        #expect(Self.fit(columns, 65, gap: 2) == [0: 22, 1: 8, 2: 20], "then MESSAGE, the least important, goes")
        #expect(Self.fit(columns, 40, gap: 2) == [0: 22, 1: 8], "then CODE")
    }

    @Test func nothingGrowsPastItsText() {
        let columns = [Self.cli(5, priority: 1), Self.cli(7, floor: 10, priority: 1, flexible: true)]
        #expect(Self.fit(columns, 100, gap: 2) == [0: 5, 1: 7])
    }
}
