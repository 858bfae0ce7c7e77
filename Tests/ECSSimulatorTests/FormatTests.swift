import ECSAPI
import ECSSimulator
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Whether `bytes` are a well-formed XML document, and its root element's name.
func xmlRoot(_ bytes: [UInt8]) -> String? {
    final class Root: NSObject, XMLParserDelegate {
        var name: String?
        func parser(
            _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if name == nil { name = element }
        }
    }
    let parser = XMLParser(data: Data(bytes))
    let delegate = Root()
    parser.delegate = delegate
    return parser.parse() ? delegate.name : nil
}

@Suite("Response formats and error bodies")
struct FormatTests {
    @Test("V1 Format=XML answers XML with the vendor's shape", arguments: ["XML", "xml", "Xml"])
    func xmlStop(_ format: String) async {
        let sim = Sim([makeInstance("i-a"), makeInstance("i-b")])
        let reply = await sim.callV1("StopInstances", [("RegionId", home)] + idParams(["i-a", "i-b"]), format: format)
        #expect(reply.status == 200)
        #expect(reply.header("content-type") == "text/xml;charset=utf-8")
        #expect(!reply.isJSON)
        #expect(xmlRoot(reply.response.body) == "StopInstancesResponse")
        let text = reply.text
        #expect(text.hasPrefix("<?xml"))
        #expect(text.contains("<InstanceResponses><InstanceResponse>"))
        #expect(text.components(separatedBy: "<InstanceResponse>").count == 3)
        #expect(text.contains("<Code>200</Code>"))
        #expect(text.contains("<InstanceId>i-a</InstanceId>"))
        #expect(text.contains("<RequestId>\(reply.header("x-acs-request-id") ?? "?")</RequestId>"))
    }

    @Test("XML errors come under <Error>")
    func xmlError() async {
        let sim = Sim([makeInstance("i-a", .stopped)])
        let reply = await sim.callV1("StopInstances", [("RegionId", home), ("InstanceId.1", "i-a")], format: "XML")
        #expect(reply.status == 403)
        #expect(reply.header("content-type") == "text/xml;charset=utf-8")
        #expect(xmlRoot(reply.response.body) == "Error")
        #expect(reply.text.contains("<Code>IncorrectInstanceStatus</Code>"))
        #expect(reply.text.contains("<RequestId>\(reply.header("x-acs-request-id") ?? "?")</RequestId>"))
        // An authentication failure of an XML request is XML too.
        let bad = await sim.send(
            sim.v1("DescribeInstances", [("RegionId", home)], credentials: wrongSecret, format: "XML"))
        #expect(bad.header("content-type") == "text/xml;charset=utf-8")
        #expect(xmlRoot(bad.response.body) == "Error")
        #expect(bad.text.contains("<Code>SignatureDoesNotMatch</Code>"))
    }

    @Test("DescribeInstances XML nests the list wrappers and replaces XML-invalid characters with U+FFFD")
    func xmlDescribe() async {
        let sim = Sim([
            makeInstance("i-a") {
                $0.instanceName = "bad\u{1}name<&>\u{FFFE}"
                $0.description = "tab\tok"
                $0.tags = [.init(key: "env", value: "prod")]
            }
        ])
        let reply = await sim.callV1("DescribeInstances", [("RegionId", home)], format: "XML")
        #expect(reply.status == 200)
        #expect(xmlRoot(reply.response.body) == "DescribeInstancesResponse", "well-formed XML")
        let text = reply.text
        #expect(text.contains("<Instances><Instance>"))
        #expect(text.contains("<Tags><Tag><TagKey>env</TagKey><TagValue>prod</TagValue></Tag></Tags>"))
        #expect(text.contains("<InstanceName>bad\u{FFFD}name&lt;&amp;&gt;\u{FFFD}</InstanceName>"))
        #expect(!text.contains("\u{1}"))
        #expect(text.contains("tab\tok"))
    }

    @Test("JSON answers escape control characters and keep every other character")
    func jsonEscapes() async {
        let name = "ctl\u{1}\u{1F}\"quote\\back\nnew 订单 😀 \u{7F}"
        let sim = Sim([makeInstance("i-a") { $0.instanceName = name }])
        let reply = await sim.describe()
        #expect(reply.isJSON)
        #expect(reply.instances.first?["InstanceName"]?.stringValue == name)
        #expect(!reply.response.body.contains(0x01))
    }

    @Test("V3 answers JSON even if the query says Format=XML")
    func v3IsJSON() async {
        let sim = Sim([makeInstance("i-a")])
        let reply = await sim.call("DescribeInstances", [("RegionId", home), ("Format", "XML")])
        #expect(reply.status == 200)
        #expect(reply.isJSON)
        #expect(reply.header("content-type") == "application/json;charset=utf-8")
    }

    @Test("Error bodies have RequestId, HostId, Code and Message; x-acs-request-id equals RequestId")
    func errorBody() async throws {
        let sim = Sim([makeInstance("i-a", .stopped)])
        var ids = Set<String>()
        for reply in [
            await sim.stop(["i-a"]),
            await sim.send(sim.v3("DescribeInstances", [("RegionId", home)], credentials: wrongSecret)),
            await sim.describe([("Status", "Gone")]), await sim.stop(["i-a"], [("DryRun", "true")]),
        ] {
            let body = reply.json
            let requestId = try #require(body["RequestId"]?.stringValue)
            #expect(!requestId.isEmpty)
            #expect(reply.header("x-acs-request-id") == requestId)
            #expect(body["HostId"]?.stringValue == endpointHost, "HostId is the host the request named")
            #expect(body["Code"]?.stringValue?.isEmpty == false)
            #expect(body["Message"]?.stringValue?.isEmpty == false)
            #expect(reply.header("content-type") == "application/json;charset=utf-8")
            ids.insert(requestId)
        }
        #expect(ids.count == 4, "every answer has its own RequestId")
    }

    @Test("Answers parse as the client's wire models")
    func wireModels() async throws {
        let sim = Sim([makeInstance("i-a"), makeInstance("i-b", .stopped), makeInstance("i-c")])
        let stop = try InstanceResponsesResponse(json: await sim.stop(["i-a"]).json)
        #expect(stop.instanceResponses.map(\.succeeded) == [true])
        let error = try #require(APIError(json: await sim.stop(["i-b"]).json, httpStatus: 403))
        #expect(error.code == "IncorrectInstanceStatus")
        let dry = try #require(APIError(json: await sim.stop(["i-c"], [("DryRun", "true")]).json, httpStatus: 400))
        #expect(error.isDryRunPassed == false)
        #expect(dry.isDryRunPassed)
    }
}

@Suite("Robustness")
struct RobustnessTests {
    /// Unsigned or oddly encoded requests that must get a 4xx JSON error, never a crash or a 5xx.
    static let rawQueries: [String] = [
        "%%%&&==", "%zz", "Action=%", "Action=%4", "RegionId=%ff%fe", "%c3%28=x", "a=%ed%a0%80", "&&&&", "=", "==&=",
        "Action=DescribeInstances&Signature=", "Signature=abc", "InstanceId.1=" + String(repeating: "x", count: 60_000),
        String(repeating: "a=b&", count: 5000),
    ]

    @Test("Garbage queries get a 4xx JSON error", arguments: rawQueries.indices)
    func garbage(_ index: Int) async {
        let sim = Sim([makeInstance("i-a")])
        let reply = await sim.send(
            IncomingRequest(
                method: "POST", path: "/", rawQuery: Self.rawQueries[index],
                headers: [(name: "host", value: endpointHost)], body: []))
        #expect((400..<500).contains(reply.status))
        #expect(reply.isJSON)
        #expect(reply.code?.isEmpty == false)
    }

    @Test(
        "Invalid percent escapes and invalid UTF-8 are InvalidParameter, even in a signed request",
        arguments: [
            "RegionId=%zz", "RegionId=%ff", "RegionId=cn-hangzhou&InstanceName=%c3",
        ])
    func badEncoding(_ raw: String) async {
        let sim = Sim([makeInstance("i-a")])
        let request = sim.v3("DescribeInstances", [("RegionId", home)], rawQuery: raw)
        let reply = await sim.send(request)
        #expect(reply.code == "InvalidParameter")
        #expect(reply.status == 400)
        #expect(reply.isJSON)
    }

    @Test("A request with 1,000 parameters is answered")
    func thousandParameters() async {
        let sim = Sim([makeInstance("i-a")])
        let extra = (1...998).map { ("Extra\($0)", "value \($0)") }
        let v3 = await sim.send(sim.v3("DescribeInstances", [("RegionId", home), ("InstanceName", "i-a")] + extra))
        #expect(v3.status == 200)
        #expect(v3.instanceIds == ["i-a"])
        let v1 = await sim.send(sim.v1("DescribeInstances", [("RegionId", home)] + extra))
        #expect(v1.status == 200)
        let manyIds = await sim.call(
            "StopInstances", [("RegionId", home)] + (1...1000).map { ("InstanceId.\($0)", "i-x\($0)") })
        #expect(manyIds.code == "InvalidParameter")
        #expect(manyIds.status == 400)
    }

    @Test("Every 4xx answer has a JSON body with a Code")
    func every4xxIsJSON() async {
        let sim = Sim([makeInstance("i-a"), makeInstance("i-s", .stopped), makeInstance("i-p", .pending)])
        let replies: [Reply] = [
            await sim.stop(["i-s"]), await sim.stop(["i-p"]), await sim.stop(["i-none1"]), await sim.stop(["bad id"]),
            await sim.stop([]), await sim.stop(["i-a"], [("DryRun", "true")]), await sim.describe([("Status", "x")]),
            await sim.describe([("PageSize", "0")]), await sim.describe(region: "xx-none-1"),
            await sim.call("RebootInstance", [("InstanceId", "i-a")]),
            await sim.call("StopInstance", [("InstanceId", "i-a"), ("Hibernate", "true")]),
            await sim.send(sim.v3("DescribeInstances", [], credentials: wrongSecret)),
            await sim.send(sim.v3("DescribeInstances", [], credentials: unknownKey)),
            await sim.send(sim.v3("DescribeInstances", [("RegionId", home)], method: "PUT")),
            await sim.send(IncomingRequest(method: "POST", path: "/other", rawQuery: "", headers: [], body: [])),
        ]
        for reply in replies {
            #expect((400..<500).contains(reply.status), "\(reply.text)")
            #expect(reply.isJSON, "\(reply.text)")
            #expect(reply.code?.isEmpty == false)
            #expect(reply.header("x-acs-request-id") == reply.json["RequestId"]?.stringValue)
        }
    }

    @Test("A path other than / is InvalidAction.NotFound; a method other than GET/POST is refused")
    func pathAndMethod() async {
        let sim = Sim([makeInstance("i-a")])
        var wrongPath = sim.v3("DescribeInstances", [("RegionId", home)])
        wrongPath.path = "/api"
        let r1 = await sim.send(wrongPath)
        #expect(r1.code == "InvalidAction.NotFound")
        #expect(r1.status == 404)
        let r2 = await sim.send(sim.v3("DescribeInstances", [("RegionId", home)], method: "DELETE"))
        #expect(r2.status == 405)
        let r3 = await sim.send(sim.v3("DescribeInstances", [("RegionId", home)], method: "GET"))
        #expect(r3.status == 200)
    }
}
