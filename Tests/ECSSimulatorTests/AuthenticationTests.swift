import ECSAPI
import ECSSimulator
import Foundation
import Testing

let wrongSecret = Credentials(accessKeyId: "sandbox", accessKeySecret: "not-the-secret")
let unknownKey = Credentials(accessKeyId: "LTAI-unknown-key", accessKeySecret: "sandbox-secret")

@Suite("Authentication")
struct AuthenticationTests {
    let sim = Sim([makeInstance("i-a"), makeInstance("i-b") { $0.instanceName = "my web" }])
    let describe = [("RegionId", home)]

    @Test("V3 and V1 signed requests are accepted")
    func valid() async {
        let v3 = await sim.send(sim.v3("DescribeInstances", describe))
        #expect(v3.status == 200)
        #expect(v3.instances.count == 2)
        let v1 = await sim.send(sim.v1("DescribeInstances", describe))
        #expect(v1.status == 200)
        #expect(v1.instances.count == 2)
        let v1Lower = await sim.send(sim.v1("DescribeInstances", describe, format: "json"))
        #expect(v1Lower.status == 200)
        #expect(v1Lower.isJSON)
        // The older SDK sends an empty SignatureType= and signs it too.
        let withType = await sim.send(sim.v1("DescribeInstances", describe + [("SignatureType", "")]))
        #expect(withType.status == 200)
        // GET works as well as POST.
        #expect(await sim.send(sim.v3("DescribeInstances", describe, method: "GET")).status == 200)
    }

    @Test("An unknown access key is InvalidAccessKeyId.NotFound (404)")
    func unknownAccessKey() async {
        for request in [
            sim.v3("DescribeInstances", describe, credentials: unknownKey),
            sim.v1("DescribeInstances", describe, credentials: unknownKey),
        ] {
            let reply = await sim.send(request)
            #expect(reply.code == "InvalidAccessKeyId.NotFound")
            #expect(reply.status == 404)
        }
    }

    @Test("A wrong secret is SignatureDoesNotMatch (400)")
    func wrongSecretV3() async {
        let reply = await sim.send(sim.v3("DescribeInstances", describe, credentials: wrongSecret))
        #expect(reply.code == "SignatureDoesNotMatch")
        #expect(reply.status == 400)
    }

    @Test("The V1 SignatureDoesNotMatch message ends with the server's string to sign")
    func wrongSecretV1() async throws {
        let request = sim.v1(
            "StopInstances", [("RegionId", home), ("InstanceId.1", "i-a"), ("InstanceName", "a b*c")],
            credentials: wrongSecret)
        let reply = await sim.send(request)
        #expect(reply.code == "SignatureDoesNotMatch")
        #expect(reply.status == 400)
        let params = try #require(PercentEncoding.parseQuery(request.rawQuery))
        let stringToSign = SignatureV1.stringToSign(method: "POST", params: params)
        #expect(
            reply.message == "Specified signature is not matched with our calculation. server string to sign is:"
                + stringToSign)
        // The older SDK splits on ':' and takes what follows.
        #expect(reply.message?.split(separator: ":", maxSplits: 1).last.map(String.init) == stringToSign)
        #expect(await sim.status("i-a") == .running)
    }

    static let skews: [(Double, Bool)] = [(-901, false), (901, false), (-840, true), (840, true), (-86_400, false)]

    @Test("Clock skew over 15 minutes is InvalidTimeStamp.Expired; within it is fine", arguments: skews)
    func skew(_ offset: Double, _ accepted: Bool) async {
        let date = sim.clock.now().addingTimeInterval(offset)
        for request in [
            sim.v3("DescribeInstances", describe, date: date), sim.v1("DescribeInstances", describe, date: date),
        ] {
            let reply = await sim.send(request)
            if accepted {
                #expect(reply.status == 200)
            } else {
                #expect(reply.code == "InvalidTimeStamp.Expired")
                #expect(reply.status == 400)
            }
        }
    }

    @Test("A reused nonce is SignatureNonceUsed (400), for V3 and V1")
    func nonceReuse() async {
        let nonce = freshNonce()
        #expect(await sim.send(sim.v3("DescribeInstances", describe, nonce: nonce)).status == 200)
        let again = await sim.send(sim.v3("DescribeInstances", describe, nonce: nonce))
        #expect(again.code == "SignatureNonceUsed")
        #expect(again.status == 400)
        let nonce1 = freshNonce()
        #expect(await sim.send(sim.v1("DescribeInstances", describe, nonce: nonce1)).status == 200)
        let again1 = await sim.send(sim.v1("DescribeInstances", describe, nonce: nonce1))
        #expect(again1.code == "SignatureNonceUsed")
    }

    @Test("A reused nonce does not apply the stop a second time")
    func nonceReuseStop() async {
        let nonce = freshNonce()
        let request = sim.v3("StopInstances", [("RegionId", home), ("InstanceId.1", "i-a")], nonce: nonce)
        #expect(await sim.send(request).status == 200)
        let replay = await sim.send(request)
        #expect(replay.code == "SignatureNonceUsed")
    }

    @Test("A request that fails its signature, key or time check does not use up its nonce")
    func failedSignatureKeepsNonce() async {
        let nonce = freshNonce()
        #expect(
            await sim.send(sim.v3("DescribeInstances", describe, credentials: wrongSecret, nonce: nonce)).code
                == "SignatureDoesNotMatch")
        #expect(
            await sim.send(sim.v3("DescribeInstances", describe, credentials: unknownKey, nonce: nonce)).code
                == "InvalidAccessKeyId.NotFound")
        let old = sim.clock.now().addingTimeInterval(-3600)
        #expect(
            await sim.send(sim.v3("DescribeInstances", describe, date: old, nonce: nonce)).code
                == "InvalidTimeStamp.Expired")
        #expect(await sim.send(sim.v3("DescribeInstances", describe, nonce: nonce)).status == 200)
        let nonce1 = freshNonce()
        #expect(
            await sim.send(sim.v1("DescribeInstances", describe, credentials: wrongSecret, nonce: nonce1)).code
                == "SignatureDoesNotMatch")
        #expect(await sim.send(sim.v1("DescribeInstances", describe, nonce: nonce1)).status == 200)
    }

    @Test("A nonce is forgotten after 15 minutes")
    func nonceForgotten() async {
        let nonce = freshNonce()
        #expect(await sim.send(sim.v3("DescribeInstances", describe, nonce: nonce)).status == 200)
        sim.clock.advance(by: 14 * 60)
        #expect(await sim.send(sim.v3("DescribeInstances", describe, nonce: nonce)).code == "SignatureNonceUsed")
        sim.clock.advance(by: 60 + 1)
        #expect(await sim.send(sim.v3("DescribeInstances", describe, nonce: nonce)).status == 200)
    }

    @Test("Beyond maxRememberedNonces the oldest nonce is forgotten first")
    func nonceCapacity() async {
        let sim = Sim([makeInstance("i-a")]) { $0.maxRememberedNonces = 2 }
        let (n1, n2, n3) = (freshNonce(), freshNonce(), freshNonce())
        for nonce in [n1, n2] {
            #expect(await sim.send(sim.v3("DescribeInstances", describe, nonce: nonce)).status == 200)
        }
        #expect(await sim.send(sim.v3("DescribeInstances", describe, nonce: n2)).code == "SignatureNonceUsed")
        #expect(await sim.send(sim.v3("DescribeInstances", describe, nonce: n3)).status == 200)
        #expect(await sim.send(sim.v3("DescribeInstances", describe, nonce: n3)).code == "SignatureNonceUsed")
        #expect(await sim.send(sim.v3("DescribeInstances", describe, nonce: n1)).status == 200, "n1 was the oldest")
    }

    @Test("The order of checks: incomplete, unknown key, signature, time, nonce")
    func checkOrder() async {
        let nonce = freshNonce()
        #expect(await sim.send(sim.v3("DescribeInstances", describe, nonce: nonce)).status == 200)
        let old = sim.clock.now().addingTimeInterval(-3600)
        // Unknown key beats a wrong signature, which beats a stale time, which beats a used nonce.
        let stranger = Credentials(accessKeyId: "nobody", accessKeySecret: "wrong")
        #expect(
            await sim.send(sim.v3("DescribeInstances", describe, credentials: stranger, date: old, nonce: nonce)).code
                == "InvalidAccessKeyId.NotFound")
        #expect(
            await sim.send(sim.v3("DescribeInstances", describe, credentials: wrongSecret, date: old, nonce: nonce))
                .code == "SignatureDoesNotMatch")
        #expect(
            await sim.send(sim.v3("DescribeInstances", describe, date: old, nonce: nonce)).code
                == "InvalidTimeStamp.Expired")
        // Incomplete beats everything.
        var bare = sim.v3("DescribeInstances", describe, credentials: stranger, nonce: nonce)
        bare.headers.removeAll { $0.name == "x-acs-date" }
        let incomplete = await sim.send(bare)
        #expect(incomplete.code == "MissingParameter" || incomplete.code == "IncompleteSignature")
        #expect(incomplete.status == 400)
    }

    @Test("Missing or garbled Authorization / Signature")
    func missingSignature() async {
        var noAuth = sim.v3("DescribeInstances", describe)
        noAuth.headers.removeAll { $0.name == "authorization" }
        let r1 = await sim.send(noAuth)
        #expect(r1.status == 400)
        #expect(r1.code == "MissingParameter" || r1.code == "IncompleteSignature")

        var noSignature = sim.v1("DescribeInstances", describe)
        noSignature.rawQuery = noSignature.rawQuery.split(separator: "&").filter { !$0.hasPrefix("Signature=") }.joined(
            separator: "&")
        let r2 = await sim.send(noSignature)
        #expect(r2.code == "IncompleteSignature")
        #expect(r2.status == 400)

        for garbled in [
            "ACS3-HMAC-SHA256", "Bearer abc", "ACS3-HMAC-SHA256 Credential=sandbox",
            "HMAC-SHA1 Credential=a,SignedHeaders=host,Signature=x",
            "ACS3-HMAC-SHA256 Credential=sandbox,SignedHeaders=,Signature=ab",
        ] {
            var request = sim.v3("DescribeInstances", describe)
            request.headers = request.headers.map { $0.name == "authorization" ? (name: $0.name, value: garbled) : $0 }
            let reply = await sim.send(request)
            #expect(reply.code == "IncompleteSignature", "\(garbled)")
            #expect(reply.status == 400)
        }
        let nothing = await sim.send(IncomingRequest(method: "POST", path: "/", rawQuery: "", headers: [], body: []))
        #expect(nothing.status == 400)
        #expect(nothing.code == "MissingParameter" || nothing.code == "IncompleteSignature")
    }

    @Test("V3 requires the core headers to be signed, and the body hash to match")
    func v3Requirements() async {
        // A request that leaves x-acs-signature-nonce out of SignedHeaders.
        var request = sim.v3("DescribeInstances", describe)
        let auth = request.headers.first { $0.name == "authorization" }!.value
        let unsigned = auth.replacingOccurrences(of: "x-acs-signature-nonce;", with: "")
        request.headers = request.headers.map { $0.name == "authorization" ? (name: $0.name, value: unsigned) : $0 }
        #expect(await sim.send(request).code == "IncompleteSignature")

        var wrongHash = sim.v3("DescribeInstances", describe)
        wrongHash.body = Array("tampered".utf8)
        #expect(await sim.send(wrongHash).code == "IncompleteSignature")

        var noHash = sim.v3("DescribeInstances", describe)
        noHash.headers.removeAll { $0.name == "x-acs-content-sha256" }
        #expect(await sim.send(noHash).code == "IncompleteSignature")
    }

    @Test("V3 with extra signed headers (accept, user-agent) verifies")
    func extraSignedHeaders() async {
        let request = sim.v3(
            "DescribeInstances", describe,
            headers: [
                "accept": "application/json", "user-agent": "AlibabaCloud (Linux) Python/3.12 TeaDSL/1",
                "x-acs-credentials-provider": "static_ak",
            ])
        #expect(request.headers.contains { $0.name == "user-agent" })
        let reply = await sim.send(request)
        #expect(reply.status == 200)
        // Changing a signed header afterwards breaks the signature.
        var tampered = request
        tampered.headers = tampered.headers.map { $0.name == "user-agent" ? (name: $0.name, value: "curl/8") : $0 }
        #expect(await sim.send(tampered).code == "SignatureDoesNotMatch")
    }

    @Test("'+' in the query decodes to a space and verifies (V3 and V1)")
    func plusInQuery() async {
        let params = [("RegionId", home), ("InstanceName", "my web")]
        let v3 = sim.v3("DescribeInstances", params, rawQuery: "RegionId=\(home)&InstanceName=my+web")
        let reply = await sim.send(v3)
        #expect(reply.status == 200)
        #expect(reply.instanceIds == ["i-b"])
        var v1 = sim.v1("DescribeInstances", params)
        v1.rawQuery = v1.rawQuery.replacingOccurrences(of: "my%20web", with: "my+web")
        #expect(v1.rawQuery.contains("my+web"))
        let reply1 = await sim.send(v1)
        #expect(reply1.status == 200)
        #expect(reply1.instanceIds == ["i-b"])
    }

    @Test("V1 parameters in a form body are merged with the query")
    func v1FormBody() async {
        let request = sim.v1("DescribeInstances", describe)
        let form = IncomingRequest(
            method: "POST", path: "/", rawQuery: "",
            headers: [
                (name: "host", value: endpointHost),
                (name: "content-type", value: "application/x-www-form-urlencoded; charset=utf-8"),
            ], body: Array(request.rawQuery.utf8))
        let reply = await sim.send(form)
        #expect(reply.status == 200)
        #expect(reply.instances.count == 2)
    }

    @Test("An STS token is required when configured: absent or wrong fail, the right one passes")
    func stsToken() async {
        let sts = Credentials(accessKeyId: "STS.sandbox", accessKeySecret: "sts-secret", securityToken: "CAIS-token")
        let sim = Sim([makeInstance("i-a")]) { $0.credentials = sts }
        let noToken = Credentials(accessKeyId: sts.accessKeyId, accessKeySecret: sts.accessKeySecret)
        let badToken = Credentials(
            accessKeyId: sts.accessKeyId, accessKeySecret: sts.accessKeySecret, securityToken: "other")
        for credentials in [noToken, badToken] {
            for request in [
                sim.v3("DescribeInstances", describe, credentials: credentials),
                sim.v1("DescribeInstances", describe, credentials: credentials),
            ] {
                let reply = await sim.send(request)
                #expect(reply.status == 400 || reply.status == 403)
                #expect(reply.code?.hasPrefix("InvalidSecurityToken") == true, "\(reply.text)")
            }
        }
        #expect(await sim.send(sim.v3("DescribeInstances", describe, credentials: sts)).status == 200)
        #expect(await sim.send(sim.v1("DescribeInstances", describe, credentials: sts)).status == 200)
    }

    @Test(
        "Unknown Action or Version is InvalidAction.NotFound (404)",
        arguments: [
            ("RebootInstances", ecsAPIVersion), ("describeinstances", ecsAPIVersion),
            ("DescribeInstances", "2016-01-01"),
            ("DescribeInstances", ""),
        ])
    func unknownAction(_ action: String, _ version: String) async {
        let v3 = await sim.send(sim.v3(action, describe, version: version))
        #expect(v3.code == "InvalidAction.NotFound")
        #expect(v3.status == 404)
        if !version.isEmpty {
            let v1 = await sim.send(sim.v1(action, describe, version: version))
            #expect(v1.code == "InvalidAction.NotFound")
            #expect(v1.status == 404)
        }
    }
}
