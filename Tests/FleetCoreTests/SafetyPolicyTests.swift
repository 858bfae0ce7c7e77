import FleetCore
import Foundation
import Testing

@Suite struct SafetyPolicyTests {
    func policy(_ env: [String: String], file: String? = nil) throws -> SafetyPolicy {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("policy-\(UUID().uuidString).json")
            .path
        if let file { _ = FileManager.default.createFile(atPath: path, contents: Data(file.utf8)) }
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try SafetyPolicy.load(path: path, environment: env)
    }

    @Test func noFileMeansAllow() throws {
        #expect(try policy([:]).decide("ecs:StopInstances").action == .allow)
    }

    @Test func firstMatchWinsCaseInsensitively() throws {
        let p = try policy(
            [:],
            file:
                #"{"enabled": true, "rules": [{"pattern": "ECS:stop*", "action": "forbid"}, {"pattern": "*", "action": "deny"}]}"#
        )
        let d = p.decide("ecs:StopInstances")
        #expect(d.action == .confirm)
        #expect(d.explanation.contains("ECS:stop*"))
        #expect(p.decide("ecs:StartInstances").action == .deny)
    }

    @Test func disabledFileAllows() throws {
        let p = try policy([:], file: #"{"enabled": false, "rules": [{"pattern": "*", "action": "deny"}]}"#)
        #expect(p.decide("ecs:StopInstances").action == .allow)
    }

    @Test func environmentOverridesFile() throws {
        let file = #"{"enabled": true, "rules": [{"pattern": "ecs:Stop*", "action": "allow"}]}"#
        let p = try policy(["ALIBABA_CLOUD_SAFETY_POLICY_RULES": "ecs:Stop*=deny,*:Delete*=confirm"], file: file)
        #expect(p.decide("ecs:StopInstances").action == .deny)
        #expect(p.decide("rds:DeleteDBInstance").action == .confirm)
        let off = try policy([
            "ALIBABA_CLOUD_SAFETY_POLICY_ENABLED": "false", "ALIBABA_CLOUD_SAFETY_POLICY_RULES": "*=deny",
        ])
        #expect(off.decide("ecs:StopInstances").action == .allow)
    }

    @Test func badInputIsAnError() {
        #expect(throws: SafetyPolicyError.self) { try policy([:], file: "{not json") }
        #expect(throws: SafetyPolicyError.self) {
            try policy(["ALIBABA_CLOUD_SAFETY_POLICY_RULES": "ecs:Stop*=explode"])
        }
    }
}
