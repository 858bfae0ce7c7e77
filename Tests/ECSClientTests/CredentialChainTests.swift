import ECSAPI
import ECSClient
import Foundation
import Testing

/// Each way of obtaining credentials against a fake STS / metadata service / URI, and each failure.
@Suite("Credential chain")
struct CredentialChainTests {
    static let opsKey = Credentials(accessKeyId: "LTAIops", accessKeySecret: "ops-secret")
    static let role = RoleRequest(roleArn: "acs:ram::1234567890123456:role/fleet-ops", sessionName: "s")

    func use(_ recipe: CredentialRecipe, _ source: String = "profile ops (RamRoleArn)") -> [CredentialStep] {
        [CredentialStep(name: "aliyun CLI profile", outcome: .use(CredentialSource(source), recipe))]
    }

    @Test("RamRoleArn: AssumeRole signed V1 with the profile's key, at the STS endpoint")
    func assumeRole() async throws {
        let sts = FakeServices { r throws(TransportError) in
            #expect(r.method == "GET" && r.query("Action") == "AssumeRole" && r.query("Version") == "2015-04-01")
            #expect(
                r.query("AccessKeyId") == "LTAIops" && r.query("SignatureMethod") == "HMAC-SHA1"
                    && r.query("Signature") != nil)
            #expect(r.query("RoleArn") == Self.role.roleArn)
            return stsAnswer("STS.ops")
        }
        let resolved = try await CredentialChain.resolve(
            use(.assumeRole(source: .fixed(Self.opsKey), role: Self.role, sts: STSLocation())),
            fetcher: makeFetcher(sts))
        #expect(
            resolved.first
                == Credentials(
                    accessKeyId: "STS.ops", accessKeySecret: "STS.ops-secret", securityToken: "STS.ops-token"))
        #expect(sts.requests.first?.url.hasPrefix("http://127.0.0.1:9/?") == true)
    }

    @Test("ChainableRamRoleArn: the second AssumeRole is signed with the first's STS credentials")
    func chainable() async throws {
        let sts = FakeServices { r throws(TransportError) in
            r.query("RoleArn") == "acs:ram::1:role/second" ? stsAnswer("STS.second") : stsAnswer("STS.first")
        }
        let inner = CredentialRecipe.assumeRole(source: .fixed(Self.opsKey), role: Self.role, sts: STSLocation())
        let outer = CredentialRecipe.assumeRole(
            source: inner, role: RoleRequest(roleArn: "acs:ram::1:role/second", sessionName: "s"), sts: STSLocation())
        let resolved = try await CredentialChain.resolve(use(outer), fetcher: makeFetcher(sts))
        #expect(resolved.first.accessKeyId == "STS.second")
        let second = try #require(sts.requests.last)
        #expect(second.query("AccessKeyId") == "STS.first" && second.query("SecurityToken") == "STS.first-token")
    }

    @Test("STS refusals name the profile, the code and what to check; never the secret")
    func stsErrors() async {
        for (code, advice) in [
            ("EntityNotExist.Role", "role does not exist"), ("NoPermission", "sts:AssumeRole"),
            ("Throttling.User", "try again"),
        ] {
            let sts = FakeServices { _ throws(TransportError) in
                errorAnswer(code.hasPrefix("Throttling") ? 400 : 404, code)
            }
            let why =
                await credentialFailure {
                    try await CredentialChain.resolve(
                        use(.assumeRole(source: .fixed(Self.opsKey), role: Self.role, sts: STSLocation())),
                        fetcher: makeFetcher(sts))
                } ?? ""
            #expect(
                why.hasPrefix(
                    "profile ops (RamRoleArn): STS AssumeRole of acs:ram::1234567890123456:role/fleet-ops was refused: \(code)"
                ))
            #expect(why.contains(advice))
            #expect(!why.contains("ops-secret"))
        }
        let garbage = FakeServices { _ throws(TransportError) in
            TransportResponse(status: 200, headers: [:], body: Array("<html>".utf8))
        }
        let why = await credentialFailure {
            try await CredentialChain.resolve(
                use(.assumeRole(source: .fixed(Self.opsKey), role: Self.role, sts: STSLocation())),
                fetcher: makeFetcher(garbage))
        }
        #expect(why?.contains("not JSON") == true)
    }

    @Test("OIDC: the token file's content in the form body, unsigned; a missing file is named")
    func oidc() async throws {
        let file = NSTemporaryDirectory() + "oidc-\(UUID().uuidString)"
        try "jwt-token\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let sts = FakeServices { r throws(TransportError) in
            #expect(r.method == "POST" && r.query("Action") == "AssumeRoleWithOIDC" && r.query("Signature") == nil)
            #expect(r.formItems.first { $0.name == "OIDCToken" }?.value == "jwt-token")
            #expect(!r.url.contains("jwt-token"))
            return stsAnswer("STS.oidc")
        }
        let request = OIDCRequest(
            roleArn: "acs:ram::1:role/ci", providerArn: "acs:ram::1:oidc-provider/gh", tokenFile: file, sessionName: "s"
        )
        #expect(
            try await CredentialChain.resolve(
                use(.oidc(request, sts: STSLocation()), "OIDC from the environment"), fetcher: makeFetcher(sts)
            ).first.accessKeyId == "STS.oidc")
        var missing = request
        missing.tokenFile = "/nonexistent/token"
        let why = await credentialFailure {
            try await CredentialChain.resolve(
                use(.oidc(missing, sts: STSLocation()), "OIDC from the environment"), fetcher: makeFetcher(sts))
        }
        #expect(
            why
                == "OIDC from the environment: the OIDC token file /nonexistent/token is missing or cannot be read (oidc_token_file, ALIBABA_CLOUD_OIDC_TOKEN_FILE)"
        )
    }

    /// A metadata service: IMDSv2 token unless `v2` is false (then 403 on the token), role `fleet-instance`.
    func metadata(v2: Bool = true, requireToken: Bool = false) -> FakeServices {
        FakeServices { r throws(TransportError) in
            if r.method == "PUT" {
                #expect(r.path == "/latest/api/token" && r.header("x-aliyun-ecs-metadata-token-ttl-seconds") == "21600")
                return v2
                    ? TransportResponse(status: 200, headers: [:], body: Array("imds-token".utf8))
                    : TransportResponse(status: 403, headers: [:], body: [])
            }
            if requireToken, r.header("x-aliyun-ecs-metadata-token") != "imds-token" {
                return TransportResponse(status: 403, headers: [:], body: [])
            }
            if r.path == "/latest/meta-data/ram/security-credentials/" {
                return TransportResponse(status: 200, headers: [:], body: Array("fleet-instance\n".utf8))
            }
            if r.path == "/latest/meta-data/ram/security-credentials/fleet-instance" {
                return metadataAnswer("STS.box")
            }
            return TransportResponse(status: 404, headers: [:], body: [])
        }
    }

    func chainSteps(uri: String? = nil) -> [CredentialStep] {
        [
            CredentialStep(
                name: "environment",
                outcome: .skipped("ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set")),
            CredentialStep(name: "instance RAM role", outcome: .instanceRoleProbe(name: nil)),
            uri.map {
                CredentialStep(name: "credentials URI", outcome: .use(CredentialSource("credentials URI"), .uri($0)))
            }
                ?? CredentialStep(
                    name: "credentials URI", outcome: .skipped("ALIBABA_CLOUD_CREDENTIALS_URI is not set")),
        ]
    }

    @Test("Instance role: IMDSv2 token, the role's name asked of the service, named on screen")
    func instanceRole() async throws {
        let md = metadata(requireToken: true)
        let resolved = try await CredentialChain.resolve(chainSteps(), fetcher: makeFetcher(md))
        #expect(resolved.first.accessKeyId == "STS.box")
        #expect(resolved.source.description == "instance role fleet-instance")
        #expect(md.requests.dropFirst().allSatisfy { $0.header("x-aliyun-ecs-metadata-token") == "imds-token" })
    }

    @Test("Instance role: plain reads when the service gives no token, unless IMDSv1 is disabled")
    func imdsV1() async throws {
        #expect(
            try await CredentialChain.resolve(chainSteps(), fetcher: makeFetcher(metadata(v2: false))).first.accessKeyId
                == "STS.box")
        let why = await credentialFailure {
            try await CredentialChain.resolve(
                self.chainSteps(), fetcher: makeFetcher(self.metadata(v2: false), imdsV1Disabled: true))
        }
        #expect(why?.contains("ALIBABA_CLOUD_IMDSV1_DISABLED=true") == true)
    }

    @Test("No metadata service: the chain moves on, and the final error has one line per step")
    func absentMetadata() async throws {
        let offECS = FakeServices { r throws(TransportError) in
            if r.url.hasPrefix(metadataTestEndpoint.baseURL) { throw .timedOut }
            return metadataAnswer("STS.uri")
        }
        let viaURI = try await CredentialChain.resolve(
            chainSteps(uri: "http://127.0.0.1:11/creds"), fetcher: makeFetcher(offECS))
        #expect(viaURI.first.accessKeyId == "STS.uri" && viaURI.source.description == "credentials URI")
        let why =
            await credentialFailure {
                try await CredentialChain.resolve(self.chainSteps(), fetcher: makeFetcher(offECS))
            } ?? ""
        #expect(why.contains("  environment: ALIBABA_CLOUD_ACCESS_KEY_ID"))
        #expect(why.contains("  instance RAM role: no metadata service at http://127.0.0.1:10"))
        #expect(why.contains("  credentials URI: ALIBABA_CLOUD_CREDENTIALS_URI is not set"))
        #expect(why.contains("--sandbox"))
    }

    @Test("A URI or metadata answer that is not JSON or not Success is an error naming the step")
    func badAnswers() async {
        let notJSON = FakeServices { _ throws(TransportError) in
            TransportResponse(status: 200, headers: [:], body: Array("nope".utf8))
        }
        let steps = use(.uri("http://127.0.0.1:11/creds"), "credentials URI")
        #expect(
            await credentialFailure { try await CredentialChain.resolve(steps, fetcher: makeFetcher(notJSON)) }
                == "credentials URI: the answer of ALIBABA_CLOUD_CREDENTIALS_URI is not JSON")
        let failed = FakeServices { _ throws(TransportError) in metadataAnswer("x", code: "Failed") }
        #expect(
            await credentialFailure { try await CredentialChain.resolve(steps, fetcher: makeFetcher(failed)) }
                == "credentials URI: the answer of ALIBABA_CLOUD_CREDENTIALS_URI has Code 'Failed', not Success")
        let mdFailed = FakeServices { r throws(TransportError) in
            r.method == "PUT"
                ? TransportResponse(status: 200, headers: [:], body: Array("t".utf8))
                : metadataAnswer("x", code: "Failed")
        }
        let why = await credentialFailure {
            try await CredentialChain.resolve(
                self.use(
                    .instanceRole(name: "fleet-instance"), "profile box (EcsRamRole → instance role fleet-instance)"),
                fetcher: makeFetcher(mdFailed))
        }
        #expect(
            why?.hasPrefix(
                "profile box (EcsRamRole → instance role fleet-instance): the metadata service's answer for role fleet-instance has Code 'Failed'"
            ) == true)
    }
}
