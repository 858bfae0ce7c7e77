import FleetCore
import FleetTUI
import FleetViewModel
import TerminalUI
import Testing

/// One colour per outcome, used by the results table, details, journal and the list's last-operation column.
@Suite struct OutcomeRoleTests {
    @Test func failuresAreDangerAndNothingElseIs() {
        for outcome in Outcome.allCases {
            #expect((outcome.role == .danger) == OperationRun.isFailure(outcome), "\(outcome)")
        }
    }

    @Test func finishedWorkIsSuccessSkippedIsDimAndInFlightIsWarning() {
        #expect([Outcome.stopped, .started, .dryRunPassed].allSatisfy { $0.role == .success })
        #expect(Outcome.skipped.role == .dim)
        #expect([Outcome.queued, .sending, .accepted].allSatisfy { $0.role == .warning })
    }
}
