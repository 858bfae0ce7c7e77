import ECSAPI
import FleetCore
import Foundation
import Testing

@Suite struct OperationIDTests {
    @Test func startsWithTheUTCTimeAndEndsWithFourRandomCharacters() {
        var source = SeededRandom(seed: 7)
        // 2026-12-05 03:17:12 UTC.
        let id = OperationID.make(now: Date(timeIntervalSince1970: 1_796_440_632), using: &source)
        #expect(id.hasPrefix("261205-031712-"))
        #expect(id.count == 18)
        #expect(id.suffix(4).allSatisfy { $0.isLowercase || $0.isNumber })
    }

    @Test func datesAcrossLeapYearsAndCenturies() {
        var source = SeededRandom(seed: 1)
        #expect(OperationID.make(now: Date(timeIntervalSince1970: 0), using: &source).hasPrefix("700101-000000-"))
        #expect(
            OperationID.make(now: Date(timeIntervalSince1970: 951_782_400), using: &source).hasPrefix("000229-000000-"))
        #expect(
            OperationID.make(now: Date(timeIntervalSince1970: 4_102_444_799), using: &source).hasPrefix(
                "991231-235959-"))
    }

    @Test func idsMadeInTheSameSecondDiffer() {
        var source = SeededRandom(seed: 42)
        let now = Date(timeIntervalSince1970: 1_796_440_632)
        let ids = (0..<1000).map { _ in OperationID.make(now: now, using: &source) }
        #expect(Set(ids).count == 1000)
    }

    @Test func theSameSeedGivesTheSameIds() {
        var a = SeededRandom(seed: 3)
        var b = SeededRandom(seed: 3)
        let now = Date(timeIntervalSince1970: 1_796_440_632)
        #expect(OperationID.make(now: now, using: &a) == OperationID.make(now: now, using: &b))
    }

    @Test func plansWithoutAnIdGetOne() {
        let now = Date(timeIntervalSince1970: 1_796_440_632)
        let plan = OperationPlan(action: .stop, options: OperationOptions(), targets: [], now: now)
        #expect(plan.id.hasPrefix("261205-031712-"))
    }
}
