import ECSAPI
import Foundation

/// One line of the journal.
public struct JournalRecord: Sendable, Equatable {
    public enum Event: String, Sendable {
        /// The plan: targets and preflight verdicts, before anything is sent.
        case begin
        /// A call is about to be sent (written before sending).
        case send
        /// A call's answer (or its lack).
        case answer
        /// Instances reached a final outcome.
        case outcome
        /// The operation ended.
        case end
    }

    public var time: Date
    public var operation: String
    public var event: Event
    public var profile: String
    public var region: String
    /// The API action (`StopInstances`) or the engine's (`stop`, `start`).
    public var action: String
    /// The call's parameters; never credentials or signatures.
    public var parameters: [(String, String)]
    public var requestId: String
    public var results: [InstanceResult]
    public var note: String
    /// On an operation's `begin`: the operation it reverses (`journal --undo`); empty otherwise.
    public var undoes: String

    public init(
        time: Date, operation: String, event: Event, profile: String, region: String = "", action: String,
        parameters: [(String, String)] = [], requestId: String = "", results: [InstanceResult] = [], note: String = "",
        undoes: String = ""
    ) {
        self.time = time
        self.operation = operation
        self.event = event
        self.profile = profile
        self.region = region
        self.action = action
        self.parameters = parameters.filter { !Self.secretNames.contains($0.0) }
        self.requestId = requestId
        self.results = results
        self.note = note
        self.undoes = undoes
    }

    /// Parameters that must never be written.
    static let secretNames: Set<String> = [
        "AccessKeyId", "AccessKeySecret", "SecurityToken", "Signature", "SignatureNonce",
    ]

    public static func == (l: JournalRecord, r: JournalRecord) -> Bool {
        l.json == r.json
    }

    public var json: JSONValue {
        var o = JSONObjectBuilder()
        o.add("Time", SignatureV3.formatTimestamp(time))
        o.add("Operation", operation)
        o.add("Event", event.rawValue)
        o.add("Profile", profile)
        if !region.isEmpty { o.add("RegionId", region) }
        o.add("Action", action)
        if !parameters.isEmpty { o.add("Parameters", JSONValue.object(parameters.map { ($0.0, .string($0.1)) })) }
        if !requestId.isEmpty { o.add("RequestId", requestId) }
        if !results.isEmpty { o.add("Results", JSONValue.array(results.map(\.json))) }
        if !note.isEmpty { o.add("Note", note) }
        if !undoes.isEmpty { o.add("Undoes", undoes) }
        return o.value
    }

    public init?(json: JSONValue) {
        guard let op = json["Operation"]?.stringValue,
            let ev = json["Event"]?.stringValue.flatMap(Event.init(rawValue:))
        else { return nil }
        self.init(
            time: json["Time"]?.stringValue.flatMap(ECSTime.parse) ?? Date(timeIntervalSince1970: 0), operation: op,
            event: ev,
            profile: json["Profile"]?.stringValue ?? "", region: json["RegionId"]?.stringValue ?? "",
            action: json["Action"]?.stringValue ?? "",
            parameters: (json["Parameters"]?.objectValue ?? []).map { ($0.0, $0.1.stringValue ?? "") },
            requestId: json["RequestId"]?.stringValue ?? "",
            results: (json["Results"]?.arrayValue ?? []).compactMap(InstanceResult.init(json:)),
            note: json["Note"]?.stringValue ?? "", undoes: json["Undoes"]?.stringValue ?? "")
    }
}
