import Foundation
import Testing

@testable import ECSAPI

/// `credentials.ini` sections, the answers that hand out temporary credentials, and the STS request shapes.
@Suite("Credentials file and answers")
struct CredentialsFileTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let ini = """
        # comment
        [default]
        type = access_key
        access_key_id = LTAIini
        access_key_secret = ini-secret

        [ops]
        type = ram_role_arn
        access_key_id = LTAIini
        access_key_secret = ini-secret
        role_arn = acs:ram::1:role/fleet-ops
        role_session_name = night
        ; another comment
        [ci]
        type = oidc_role_arn
        role_arn = acs:ram::1:role/ci
        oidc_provider_arn = acs:ram::1:oidc-provider/gh
        oidc_token_file_path = /tmp/token

        [box]
        type = ecs_ram_role
        role_name = fleet-instance

        [bad]
        type = bearer
        [half]
        type = ram_role_arn
        access_key_id = LTAIini
        """

    func recipe(_ section: String) throws(AccountError) -> (CredentialRecipe, CredentialSource) {
        try CredentialsFile.parse(Self.ini, path: "/h/.alibabacloud/credentials.ini").recipe(
            section: section, environment: [:], now: Self.now)
    }

    @Test("Each type")
    func types() throws {
        #expect(try recipe("default").0 == .fixed(Credentials(accessKeyId: "LTAIini", accessKeySecret: "ini-secret")))
        guard case .assumeRole(.fixed(let key), let role, _) = try recipe("ops").0 else {
            Issue.record("not a role")
            return
        }
        #expect(
            key.accessKeyId == "LTAIini" && role.roleArn == "acs:ram::1:role/fleet-ops" && role.sessionName == "night")
        #expect(try recipe("ops").1.description == "credentials file [ops] (ram_role_arn → acs:ram::…:role/fleet-ops)")
        guard case .oidc(let o, _) = try recipe("ci").0 else {
            Issue.record("not OIDC")
            return
        }
        #expect(o.tokenFile == "/tmp/token" && o.sessionName == "ecsfleet-1800000000")
        #expect(try recipe("box").0 == .instanceRole(name: "fleet-instance"))
    }

    @Test("Unknown type, missing field, missing section, a stray line")
    func mistakes() {
        #expect(throws: AccountError.self) { try recipe("bad") }
        do {
            _ = try recipe("half")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("[half]") && error.description.contains("access_key_secret"))
        }
        do {
            _ = try recipe("nope")
            Issue.record("expected an error")
        } catch { #expect(error.description.contains("[nope]")) }
        #expect(throws: AccountError.self) { try CredentialsFile.parse("key = value\n", path: "/x.ini") }
    }

    @Test("STS answer, metadata answer, External output")
    func answers() throws {
        let sts = try JSONValue(
            parsing:
                #"{"RequestId":"r","Credentials":{"AccessKeyId":"STS.a","AccessKeySecret":"s","SecurityToken":"t","Expiration":"2027-01-15T08:00:00Z"}}"#
        )
        let c = try TemporaryCredentials(stsAnswer: sts)
        #expect(c.credentials == Credentials(accessKeyId: "STS.a", accessKeySecret: "s", securityToken: "t"))
        #expect(c.expiration == ECSTime.parse("2027-01-15T08:00:00Z"))
        let md = try JSONValue(
            parsing:
                #"{"Code":"Success","AccessKeyId":"STS.m","AccessKeySecret":"s","SecurityToken":"t","Expiration":"2027-01-15T08:00:00Z"}"#
        )
        #expect(try TemporaryCredentials(metadataAnswer: md, what: "x").credentials.accessKeyId == "STS.m")
        let failed = try JSONValue(parsing: #"{"Code":"Failed","Message":"secret-ish"}"#)
        #expect(throws: AccountError("x has Code 'Failed', not Success")) {
            try TemporaryCredentials(metadataAnswer: failed, what: "x")
        }
        let ak = try JSONValue(parsing: #"{"mode":"AK","access_key_id":"LTAIe","access_key_secret":"s"}"#)
        #expect(try TemporaryCredentials(externalAnswer: ak, what: "out").expiration == nil)
        let stsMode = try JSONValue(
            parsing:
                #"{"mode":"StsToken","access_key_id":"STS.e","access_key_secret":"s","sts_token":"t","expiration":"2027-01-15T08:00:00Z"}"#
        )
        #expect(try TemporaryCredentials(externalAnswer: stsMode, what: "out").credentials.securityToken == "t")
        let noToken = try JSONValue(parsing: #"{"mode":"StsToken","access_key_id":"STS.e","access_key_secret":"s"}"#)
        #expect(throws: AccountError("out has no sts_token")) {
            try TemporaryCredentials(externalAnswer: noToken, what: "out")
        }
    }

    @Test("AssumeRole and AssumeRoleWithOIDC requests; the token only in the body")
    func requests() {
        let role = RoleRequest(roleArn: "acs:ram::1:role/r", sessionName: "s", durationSeconds: 900, externalId: "e")
        let p = STSRequest.assumeRole(role)
        #expect(p.map(\.0) == ["Action", "Version", "RoleArn", "RoleSessionName", "DurationSeconds", "ExternalId"])
        #expect(p[1].1 == "2015-04-01")
        let (query, form) = STSRequest.assumeRoleWithOIDC(
            OIDCRequest(roleArn: "r", providerArn: "p", tokenFile: "/t", sessionName: "s"),
            token: "jwt", now: Self.now)
        #expect(query.contains { $0 == ("Action", "AssumeRoleWithOIDC") })
        #expect(!query.contains { $0.1 == "jwt" })
        #expect(form.contains { $0 == ("OIDCToken", "jwt") })
    }
}
