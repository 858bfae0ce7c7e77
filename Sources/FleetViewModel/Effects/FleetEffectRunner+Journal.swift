import ECSAPI
import FleetCore
import Foundation

extension FleetEffectRunner {
    /// Finishes an interrupted operation as `ecsfleet journal --resume` does (`JournalResume`: status re-read,
    /// nothing re-sent, outcomes and the end journaled), reporting as a running operation does. Cancelled (the
    /// screen quit), it reports nothing and the journal keeps the operation unfinished.
    func resume(_ entry: OperationHistory.Entry) async {
        guard let journal else {
            return send(.resumeFailed(operationId: entry.operation, message: "No journal is open in this session."))
        }
        var resumer = JournalResume(service: service, journal: journal, clock: clock, timeout: engine.trackingTimeout)
        resumer.pollInitial = engine.pollInitial
        resumer.pollMax = engine.pollMax
        let send = self.send
        do {
            let finished = try await resumer.resume(entry) { changed in
                send(.operationUpdated(operationId: entry.operation, results: changed))
            }
            guard !Task.isCancelled else { return }
            send(
                .operationFinished(
                    OperationEngine.Report(
                        operation: entry.operation, results: finished,
                        notes: ["Resumed after an interruption: the status was re-read, nothing was sent again."])))
        } catch {
            guard !Task.isCancelled else { return }
            send(.resumeFailed(operationId: entry.operation, message: error.description))
        }
    }

    /// Reads the instances of an operation to undo, by ID in the regions the journal recorded (at once, as
    /// `journal --undo` does), for `undoTargetsRead`.
    func readUndoTargets(_ entry: OperationHistory.Entry, later: [OperationHistory.Entry]) async {
        let wanted = entry.results.filter { !$0.regionId.isEmpty }.map {
            RegionLocator.Wanted($0.instanceId, regionId: $0.regionId)
        }
        do {
            let located = try await RegionLocator(service: service).locate(wanted, regions: [])
            guard !Task.isCancelled else { return }
            send(.undoTargetsRead(entry, later: later, found: located.compactMap(\.instance), failure: nil))
        } catch {
            guard !Task.isCancelled else { return }
            send(
                .undoTargetsRead(
                    entry, later: later, found: [], failure: "reading its instances failed: \(error.description)."))
        }
    }
}
