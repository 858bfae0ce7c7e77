import ECSAPI
import Foundation
import Testing

@testable import ECSSimulator

let opsRole = "acs:ram::1234567890123456:role/fleet-ops"
let stsVersion = "2015-04-01"

extension Sim {
    /// A V1-signed STS call with the account's key (or `credentials`).
    func sts(
        _ action: String, _ params: [(String, String)] = [], credentials: Credentials? = nil, format: String = "JSON"
    ) async -> Reply {
        await send(v1(action, params, credentials: credentials, version: stsVersion, format: format))
    }

    /// An unsigned request, as `AssumeRoleWithOIDC` is sent.
    func unsigned(_ params: [(String, String)]) async -> Reply {
        await send(
            IncomingRequest(
                method: "GET", path: "/", rawQuery: encodeQuery(params), headers: [(name: "host", value: endpointHost)],
                body: []))
    }

    func metadata(_ method: String, _ path: String, _ headers: [(String, String)] = []) async -> Reply {
        await send(
            IncomingRequest(
                method: method, path: path, rawQuery: "", headers: headers.map { (name: $0.0, value: $0.1) }, body: []))
    }

    /// Assumes `role` and returns the temporary credentials.
    func assume(_ role: String = opsRole, _ extra: [(String, String)] = []) async -> Credentials? {
        let reply = await sts("AssumeRole", [("RoleArn", role), ("RoleSessionName", "tests")] + extra)
        return Self.credentials(reply.json["Credentials"])
    }

    static func credentials(_ json: JSONValue?) -> Credentials? {
        guard let id = json?["AccessKeyId"]?.stringValue, let secret = json?["AccessKeySecret"]?.stringValue,
            let token = json?["SecurityToken"]?.stringValue
        else { return nil }
        return Credentials(accessKeyId: id, accessKeySecret: secret, securityToken: token)
    }

    func statusCall(with credentials: Credentials) async -> Reply {
        await send(v3("DescribeInstanceStatus", [("RegionId", home)], credentials: credentials))
    }
}

@Suite("STS: AssumeRole, AssumeRoleWithOIDC, GetCallerIdentity")
struct STSTests {
    func sim(_ configure: (inout SimulatorConfiguration) -> Void = { _ in }) -> Sim {
        Sim([makeInstance("i-run1")], configure: configure)
    }

    @Test("AssumeRole (V1 and V3) answers the vendor's shape; Expiration is DurationSeconds away, in ISO-8601 seconds")
    func assumeRole() async throws {
        let sim = sim()
        let v1 = await sim.sts(
            "AssumeRole", [("RoleArn", opsRole), ("RoleSessionName", "alice"), ("DurationSeconds", "900")])
        #expect(v1.status == 200)
        #expect(v1.json["RequestId"]?.stringValue == v1.header("x-acs-request-id"))
        #expect(v1.json["AssumedRoleUser"]?["Arn"] == .string("acs:ram::1234567890123456:role/fleet-ops/alice"))
        #expect(v1.json["AssumedRoleUser"]?["AssumedRoleId"]?.stringValue?.hasSuffix(":alice") == true)
        let c = try #require(v1.json["Credentials"])
        #expect(c["AccessKeyId"]?.stringValue?.hasPrefix("STS.") == true)
        #expect(c["Expiration"] == .string(ECSTime.formatSeconds(sim.clock.now().addingTimeInterval(900))))
        #expect(ECSTime.formatSeconds(sim.clock.now()).hasSuffix("Z"))
        let v3 = await sim.send(
            sim.v3("AssumeRole", [("RoleArn", opsRole), ("RoleSessionName", "bob")], version: stsVersion))
        #expect(v3.status == 200)
        #expect(
            v3.json["Credentials"]?["Expiration"]
                == .string(ECSTime.formatSeconds(sim.clock.now().addingTimeInterval(3600))))
    }

    @Test("The assumed key signs ECS calls until it expires; a wrong token is the mismatch error")
    func assumedKeyWorks() async throws {
        let sim = sim { $0.credentialTTL = 10 }
        let key = try #require(await sim.assume())
        #expect(await sim.statusCall(with: key).status == 200)
        var wrong = key
        wrong.securityToken = "CAISnot-this-one"
        #expect(await sim.statusCall(with: wrong).code == "InvalidSecurityToken.MismatchWithAccessKey")
        var none = key
        none.securityToken = nil
        #expect(await sim.statusCall(with: none).code == "InvalidSecurityToken.MismatchWithAccessKey")
        sim.clock.advance(by: 9)
        #expect(await sim.statusCall(with: key).status == 200)
        sim.clock.advance(by: 1)
        let expired = await sim.statusCall(with: key)
        #expect(expired.code == "InvalidSecurityToken.Expired")
        #expect(expired.status == 400)
    }

    @Test("--credential-ttl overrides DurationSeconds")
    func ttlOverrides() async {
        let sim = sim { $0.credentialTTL = 10 }
        let reply = await sim.sts(
            "AssumeRole", [("RoleArn", opsRole), ("RoleSessionName", "alice"), ("DurationSeconds", "3600")])
        #expect(
            reply.json["Credentials"]?["Expiration"]
                == .string(ECSTime.formatSeconds(sim.clock.now().addingTimeInterval(10))))
    }

    @Test("--access-key-sts-only: the account's key gets Forbidden.RAM on ECS, STS still works, the assumed key works")
    func stsOnly() async throws {
        let sim = sim { $0.accessKeySTSOnly = true }
        let refused = await sim.call("DescribeInstanceStatus", [("RegionId", home)])
        #expect(refused.code == "Forbidden.RAM")
        #expect(refused.status == 403)
        let key = try #require(await sim.assume())
        #expect(await sim.statusCall(with: key).status == 200)
    }

    @Test(
        "AssumeRole errors in the vendor's style",
        arguments: [
            ([("RoleSessionName", "s1")], "MissingRoleArn", 400),
            ([("RoleArn", opsRole)], "MissingRoleSessionName", 400),
            ([("RoleArn", "arn:fleet-ops"), ("RoleSessionName", "s1")], "InvalidParameter.RoleArn", 400),
            ([("RoleArn", opsRole), ("RoleSessionName", "a")], "InvalidParameter.RoleSessionName", 400),
            (
                [("RoleArn", opsRole), ("RoleSessionName", "s1"), ("DurationSeconds", "899")],
                "InvalidParameter.DurationSeconds", 400
            ),
            (
                [("RoleArn", opsRole), ("RoleSessionName", "s1"), ("Policy", "not json")],
                "InvalidParameter.PolicyGrammar", 400
            ),
            (
                [("RoleArn", "acs:ram::1234567890123456:role/other"), ("RoleSessionName", "s1")], "EntityNotExist.Role",
                404
            ),
            ([("RoleArn", "acs:ram::999:role/fleet-ops"), ("RoleSessionName", "s1")], "NoPermission", 403),
        ])
    func errors(_ params: [(String, String)], _ code: String, _ http: Int) async {
        let sim = sim { $0.roles = [RoleArn(opsRole)!] }
        let reply = await sim.sts("AssumeRole", params)
        #expect(reply.code == code)
        #expect(reply.status == http)
        #expect(reply.json["Recommend"]?.stringValue?.hasSuffix("product=Sts") == true)
    }

    @Test("Declared roles compare without case; without --role any well-formed role is accepted")
    func roles() async {
        let declared = sim { $0.roles = [RoleArn(opsRole)!] }
        #expect(await declared.assume("acs:ram::1234567890123456:role/Fleet-Ops") != nil)
        #expect(await sim().assume("acs:ram::42:role/anything") != nil)
    }

    @Test("AssumeRole needs a key the account accepts")
    func assumeRoleSigned() async {
        let sim = sim()
        let reply = await sim.sts(
            "AssumeRole", [("RoleArn", opsRole), ("RoleSessionName", "s1")],
            credentials: Credentials(accessKeyId: "nobody", accessKeySecret: "x"))
        #expect(reply.code == "InvalidAccessKeyId.NotFound")
        let unsigned = await sim.unsigned([
            ("Action", "AssumeRole"), ("Version", stsVersion), ("RoleArn", opsRole), ("RoleSessionName", "s1"),
        ])
        #expect(unsigned.status == 400)
        #expect(unsigned.json["Credentials"] == nil)
    }

    @Test("AssumeRoleWithOIDC: unsigned; any non-empty token; declared providers only")
    func oidc() async throws {
        let provider = "acs:ram::1234567890123456:oidc-provider/ci"
        let sim = sim { $0.oidcProviders = [provider] }
        func oidc(_ extra: [(String, String)]) async -> Reply {
            await sim.unsigned(
                [
                    ("Action", "AssumeRoleWithOIDC"), ("Version", stsVersion), ("Format", "JSON"), ("RoleArn", opsRole),
                    ("RoleSessionName", "ci-job"),
                ] + extra)
        }
        let ok = await oidc([("OIDCProviderArn", provider), ("OIDCToken", "eyJ.token.sig")])
        #expect(ok.status == 200)
        let key = try #require(Sim.credentials(ok.json["Credentials"]))
        #expect(await sim.statusCall(with: key).status == 200)
        #expect(
            await oidc([("OIDCProviderArn", provider), ("OIDCToken", "")]).code
                == "AuthenticationFail.OIDCToken.Invalid")
        #expect(await oidc([("OIDCProviderArn", provider)]).code == "MissingOIDCToken")
        #expect(await oidc([("OIDCToken", "t")]).code == "MissingOIDCProviderArn")
        let v3Style = await sim.send(
            IncomingRequest(
                method: "POST", path: "/",
                rawQuery: encodeQuery([
                    ("RoleArn", opsRole), ("OIDCProviderArn", provider), ("OIDCToken", "t"),
                    ("RoleSessionName", "ci-job"),
                ]),
                headers: [
                    (name: "host", value: endpointHost), (name: "x-acs-action", value: "AssumeRoleWithOIDC"),
                    (name: "x-acs-version", value: stsVersion),
                ], body: []))
        #expect(v3Style.status == 200, "an anonymous V3-style call names itself in headers")
        let unknown = await oidc([
            ("OIDCProviderArn", "acs:ram::1234567890123456:oidc-provider/other"), ("OIDCToken", "t"),
        ])
        #expect(unknown.code == "AuthenticationFail.NoPermission")
        #expect(unknown.status == 401)
    }

    @Test("GetCallerIdentity names the account's RAM user or the assumed role")
    func callerIdentity() async throws {
        let sim = sim()
        let me = await sim.sts("GetCallerIdentity")
        #expect(me.json["IdentityType"] == .string("RAMUser"))
        #expect(me.json["AccountId"] == .string("1234567890123456"))
        let key = try #require(await sim.assume())
        let assumed = await sim.sts("GetCallerIdentity", credentials: key)
        #expect(assumed.json["IdentityType"] == .string("AssumedRoleUser"))
        #expect(assumed.json["Arn"] == .string("acs:ram::1234567890123456:assumed-role/fleet-ops/tests"))
        #expect(assumed.json["RoleId"]?.stringValue?.count == 19)
    }

    @Test("Format=XML answers STS in XML; an unknown STS action is InvalidAction.NotFound")
    func xmlAndUnknown() async {
        let sim = sim()
        let xml = await sim.sts("AssumeRole", [("RoleArn", opsRole), ("RoleSessionName", "s1")], format: "XML")
        #expect(xml.text.contains("<AssumeRoleResponse>"))
        #expect(xml.text.contains("<AccessKeyId>STS."))
        #expect(await sim.sts("GetFederationToken").code == "InvalidAction.NotFound")
    }
}

@Suite("Metadata service and credentials URI")
struct MetadataServiceTests {
    func sim(_ configure: (inout SimulatorConfiguration) -> Void = { $0.instanceRole = "fleet-instance" }) -> Sim {
        Sim([makeInstance("i-run1")], configure: configure)
    }

    static let credentialsPath = "/latest/meta-data/ram/security-credentials/"

    @Test("Without --instance-role every metadata path is 404")
    func absent() async {
        let sim = sim { _ in }
        #expect(await sim.metadata("GET", Self.credentialsPath).status == 404)
        #expect(
            await sim.metadata("PUT", "/latest/api/token", [("x-aliyun-ecs-metadata-token-ttl-seconds", "60")]).status
                == 404)
        #expect(await sim.metadata("GET", "/credentials-uri/fleet-instance").status == 404)
    }

    @Test("Role name, then the role's credentials, which sign ECS calls")
    func credentials() async throws {
        let sim = sim()
        let name = await sim.metadata("GET", Self.credentialsPath)
        #expect(name.status == 200)
        #expect(name.text == "fleet-instance")
        let reply = await sim.metadata("GET", Self.credentialsPath + "fleet-instance")
        #expect(reply.json["Code"] == .string("Success"))
        #expect(reply.json["Expiration"] == .string(ECSTime.formatSeconds(sim.clock.now().addingTimeInterval(3600))))
        #expect(reply.json["LastUpdated"] == .string(ECSTime.formatSeconds(sim.clock.now())))
        let key = try #require(Sim.credentials(reply.json))
        #expect(await sim.statusCall(with: key).status == 200)
        #expect(await sim.metadata("GET", Self.credentialsPath + "other").status == 404)
        let uri = await sim.metadata("GET", "/credentials-uri/fleet-instance")
        #expect(uri.json["AccessKeyId"] == reply.json["AccessKeyId"])
        #expect(await sim.metadata("GET", "/credentials-uri/other").status == 404)
    }

    @Test("The same key until half its lifetime has passed, then a new one")
    func rotation() async {
        let sim = sim {
            $0.instanceRole = "fleet-instance"
            $0.credentialTTL = 100
        }
        let first = await sim.metadata("GET", Self.credentialsPath + "fleet-instance").json["AccessKeyId"]
        sim.clock.advance(by: 49)
        #expect(await sim.metadata("GET", Self.credentialsPath + "fleet-instance").json["AccessKeyId"] == first)
        sim.clock.advance(by: 2)
        #expect(await sim.metadata("GET", Self.credentialsPath + "fleet-instance").json["AccessKeyId"] != first)
    }

    @Test("Tokens: PUT issues one; a bad one is 401; --imds-v2-only refuses requests without one (403)")
    func tokens() async {
        let sim = sim {
            $0.instanceRole = "fleet-instance"
            $0.imdsV2Only = true
        }
        #expect(await sim.metadata("GET", Self.credentialsPath).status == 403)
        #expect(await sim.metadata("PUT", "/latest/api/token").status == 400)
        #expect(
            await sim.metadata("PUT", "/latest/api/token", [("x-aliyun-ecs-metadata-token-ttl-seconds", "21601")])
                .status == 400)
        let token = await sim.metadata("PUT", "/latest/api/token", [("x-aliyun-ecs-metadata-token-ttl-seconds", "60")])
        #expect(token.status == 200)
        #expect(
            await sim.metadata("GET", Self.credentialsPath, [("x-aliyun-ecs-metadata-token", token.text)]).text
                == "fleet-instance")
        #expect(
            await sim.metadata("GET", Self.credentialsPath, [("x-aliyun-ecs-metadata-token", "forged")]).status == 401)
        sim.clock.advance(by: 61)
        #expect(
            await sim.metadata("GET", Self.credentialsPath, [("x-aliyun-ecs-metadata-token", token.text)]).status == 401
        )
    }
}
