import Foundation
import Testing

@testable import ECSAPI

@Suite struct JSONTests {
    @Test func parsesAndWritesRoundTrip() throws {
        let text = #"{"a":[1,2.5,-3e2,true,false,null],"b":{"c":"x\"y\\z\n\u00e9\ud83d\ude00"},"d":""}"#
        let value = try JSONValue(parsing: text)
        #expect(value["a"]?.arrayValue?.count == 6)
        #expect(value["b"]?["c"]?.stringValue == "x\"y\\z\né😀")
        let again = try JSONValue(parsing: value.jsonBytes())
        #expect(again == value)
        #expect(value.jsonText().hasPrefix(#"{"a":[1,2.5,-3e2,true,false,null]"#))
    }

    @Test func keepsMemberOrder() throws {
        let value = try JSONValue(parsing: #"{"z":1,"a":2,"m":3}"#)
        #expect(value.objectValue?.map(\.0) == ["z", "a", "m"])
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "tru", "\"\\x\"", "01x", "\"\u{01}\"", "[1] 2", "\"\\ud800\"", "-", "1.", "1e",
    ])
    func rejectsInvalid(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: text) }
    }

    @Test func rejectsInvalidUTF8AndDeepNesting() {
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: [0x22, 0xFF, 0xFE, 0x22]) }
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: deep) }
    }

    @Test func escapesControlCharacters() {
        let text = JSONValue.string("a\u{1B}[31m\u{7F}").jsonText()
        #expect(text == #""a\u001b[31m\u007f""#)
    }

    @Test func codableBridgeWorks() throws {
        let data = try JSONEncoder().encode(JSONValue.object([("k", .array([.int(1), .string("v")]))]))
        let back = try JSONDecoder().decode(JSONValue.self, from: data)
        #expect(back["k"]?.arrayValue?.first?.intValue == 1)
    }

    @Test func xmlNestsListWrappersAndEscapes() {
        let body = JSONValue.object([
            ("RequestId", .string("R1")),
            (
                "InstanceResponses",
                .object([
                    (
                        "InstanceResponse",
                        .array([
                            .object([
                                ("InstanceId", .string("i-a")), ("Code", .string("200")),
                                ("PreviousStatus", .string("")),
                            ]),
                            .object([
                                ("InstanceId", .string("i-<b>&\u{01}")),
                                ("Code", .string("InvalidInstanceId.NotFound")),
                            ]),
                        ])
                    )
                ])
            ),
        ])
        let xml = String(decoding: XMLWriter.document(root: "StopInstancesResponse", body), as: UTF8.self)
        #expect(
            xml.contains(
                "<StopInstancesResponse><RequestId>R1</RequestId><InstanceResponses><InstanceResponse><InstanceId>i-a</InstanceId>"
            ))
        #expect(xml.contains("<PreviousStatus/>"))
        #expect(xml.contains("<InstanceId>i-&lt;b&gt;&amp;\u{FFFD}</InstanceId>"))
        #expect(xml.hasSuffix("</InstanceResponses></StopInstancesResponse>"))
    }
}

@Suite struct WireModelTests {
    static let sample = #"""
        {"InstanceId":"i-bp1","InstanceName":"订单服务-01","Status":"Running","StoppedMode":"KeepCharging","Cpu":2,"Memory":4096,
         "RegionId":"cn-hangzhou","ZoneId":"cn-hangzhou-h","InstanceChargeType":"PostPaid","InstanceNetworkType":"vpc",
         "LocalStorageAmount":0,"ExpiredTime":"2099-12-31T15:59Z","CreationTime":"2017-12-10T04:04Z",
         "OperationLocks":{"LockReason":[{"LockReason":"security","LockMsg":"x"}]},
         "VpcAttributes":{"VpcId":"vpc-1","VSwitchId":"vsw-1","PrivateIpAddress":{"IpAddress":["172.16.0.1"]}},
         "PublicIpAddress":{"IpAddress":[]},"EipAddress":{"AllocationId":"eip-1","IpAddress":"47.1.1.1","Bandwidth":5},
         "Tags":{"Tag":[{"TagKey":"env","TagValue":"prod"}]},"HibernationOptions":{"Configured":true},
         "GPUAmount":0,"NetworkInterfaces":{"NetworkInterface":[{"Type":"Primary"}]}}
        """#

    @Test func readsEveryModelledField() throws {
        let i = try Instance(jsonBytes: Array(Self.sample.utf8))
        #expect(i.instanceName == "订单服务-01" && i.status == .running && i.cpu == 2 && i.memory == 4096)
        #expect(i.hasSecurityLock && !i.hasFinancialLock)
        #expect(i.privateIp == "172.16.0.1" && i.publicIp == "47.1.1.1")
        #expect(i.tag("env") == "prod" && i.hibernationConfigured && i.isEconomicalModeEligible)
    }

    @Test func keepsUnknownFieldsThroughARoundTrip() throws {
        let i = try Instance(jsonBytes: Array(Self.sample.utf8))
        #expect(i.otherFields["GPUAmount"] == .int(0))
        let again = try Instance(json: i.json)
        #expect(again == i)
        #expect(again.json["NetworkInterfaces"]?["NetworkInterface"]?.arrayValue?.count == 1)
    }

    @Test func eligibilityRules() {
        var i = Instance(instanceId: "i-x")
        #expect(i.isEconomicalModeEligible)
        i.instanceNetworkType = "classic"
        #expect(!i.isEconomicalModeEligible)
        for other in ["VPC", "Vpc"] {
            i.instanceNetworkType = other
            #expect(i.isEconomicalModeEligible, "\(other): any case")
        }
        for other in ["vpcx", "vp", "", "v\u{10}c"] {
            i.instanceNetworkType = other
            #expect(!i.isEconomicalModeEligible, "\(other)")
        }
        i.instanceNetworkType = "vpc"
        i.instanceChargeType = "PrePaid"
        #expect(!i.isEconomicalModeEligible)
        i.instanceChargeType = "PostPaid"
        i.localStorageAmount = 1
        #expect(!i.isEconomicalModeEligible)
    }

    @Test func responsesRoundTrip() throws {
        let r = InstanceResponsesResponse(
            requestId: "R",
            instanceResponses: [
                .init(
                    instanceId: "i-a", code: "200", message: "success", previousStatus: "Running",
                    currentStatus: "Stopping")
            ])
        #expect(try InstanceResponsesResponse(json: r.json) == r)
        let d = DescribeInstancesResponse(
            requestId: "R", instances: [Instance(instanceId: "i-a")], nextToken: "t", totalCount: 5, pageNumber: nil,
            pageSize: nil)
        #expect(try DescribeInstancesResponse(json: d.json) == d)
        let s = DescribeInstanceStatusResponse(
            requestId: "R", statuses: [.init(instanceId: "i-a", status: .stopped)], totalCount: 1, pageNumber: 1,
            pageSize: 50)
        #expect(try DescribeInstanceStatusResponse(json: s.json) == s)
    }

    @Test func apiErrorBodies() throws {
        let e = APIError(code: "DRYRUN.SUCCESS", message: "m", httpStatus: 400, requestId: "R", hostId: "h")
        #expect(e.isDryRunPassed)
        #expect(e.json["Recommend"] == nil)
        #expect(APIError(json: e.json, httpStatus: 400) == e)
        #expect(APIError(json: .object([("Message", .string("no code"))]), httpStatus: 500) == nil)
    }

    @Test(arguments: [
        ("2017-12-10T04:04Z", 1_512_878_640.0), ("2017-12-10T04:04:05Z", 1_512_878_645.0),
        ("2017-12-10T04:04:05.123Z", 1_512_878_645.0),
    ])
    func timesInBothForms(_ text: String, _ epoch: Double) {
        #expect(ECSTime.parse(text)?.timeIntervalSince1970 == epoch)
    }

    @Test(arguments: [
        "", "2017-12-10", "2017-13-10T04:04Z", "2017-12-10T04:04", "2017-12-10 04:04Z", "2017-12-10T04:04:05+08:00",
    ])
    func rejectsBadTimes(_ text: String) {
        #expect(ECSTime.parse(text) == nil)
    }

    @Test func formatsBothForms() {
        let d = Date(timeIntervalSince1970: 1_512_878_645)
        #expect(ECSTime.formatSeconds(d) == "2017-12-10T04:04:05Z")
        #expect(ECSTime.formatMinutes(d) == "2017-12-10T04:04Z")
    }
}

@Suite struct ParameterTests {
    @Test func encodesListsJSONArraysTagsAndBooleans() {
        var r = DescribeInstancesRequest(regionId: "cn-hangzhou")
        r.instanceIds = ["i-a", "i-b"]
        r.tags = [.init(key: "env", value: "prod"), .init(key: "team", value: nil)]
        r.dryRun = true
        let p = r.parameters
        #expect(p["InstanceIds"] == #"["i-a","i-b"]"#)
        #expect(
            p["Tag.1.Key"] == "env" && p["Tag.1.Value"] == "prod" && p["Tag.2.Key"] == "team" && p["Tag.2.Value"] == nil
        )
        #expect(p["DryRun"] == "true")
        let stop = StopInstancesRequest(
            regionId: "cn-hangzhou", instanceIds: ["i-a", "i-b"], forceStop: false, stoppedMode: .stopCharging)
        #expect(stop.parameters["InstanceId.2"] == "i-b" && stop.parameters["ForceStop"] == "false")
    }

    @Test func decodesWhatItEncodes() throws {
        let stop = StopInstancesRequest(
            regionId: "r", instanceIds: ["i-a", "i-b"], forceStop: true, stoppedMode: .keepCharging,
            batchOptimization: .successFirst, dryRun: true)
        #expect(try StopInstancesRequest(parameters: stop.parameters) == stop)
        var d = DescribeInstancesRequest(regionId: "r")
        d.instanceIds = []
        d.instanceName = "web-*"
        d.maxResults = 50
        d.tags = [.init(key: "k", value: nil)]
        #expect(try DescribeInstancesRequest(parameters: d.parameters) == d)
    }

    @Test func booleansAreCaseInsensitive() throws {
        let p = Parameters([("RegionId", "r"), ("InstanceId.1", "i-a"), ("DryRun", "True"), ("ForceStop", "FALSE")])
        let r = try StopInstancesRequest(parameters: p)
        #expect(r.dryRun == true && r.forceStop == false)
        #expect(throws: APIError.self) {
            try StopInstancesRequest(
                parameters: Parameters([("RegionId", "r"), ("InstanceId.1", "i-a"), ("DryRun", "yes")]))
        }
    }

    @Test func listIndexRules() throws {
        let gaps = Parameters([("InstanceId.7", "i-c"), ("InstanceId.2", "i-b"), ("InstanceId.1", "i-a")])
        #expect(try gaps.list("InstanceId") == ["i-a", "i-b", "i-c"])
        for bad in ["InstanceId.101", "InstanceId.0", "InstanceId.x", "InstanceId.01"] {
            #expect(throws: APIError.self) { try Parameters([(bad, "i-a")]).list("InstanceId") }
        }
        #expect(throws: APIError.self) { try StopInstancesRequest(parameters: Parameters([("RegionId", "r")])) }
        let many = Parameters((1...101).map { ("InstanceId.\($0)", "i-\($0)") } + [("RegionId", "r")])
        #expect(throws: APIError.self) { try StopInstancesRequest(parameters: many) }
    }

    @Test func enumsAndPageSizesAreValidated() {
        #expect(throws: APIError.self) {
            try StopInstancesRequest(
                parameters: Parameters([("RegionId", "r"), ("InstanceId.1", "i-a"), ("StoppedMode", "Not-applicable")]))
        }
        #expect(throws: APIError.self) {
            try StopInstancesRequest(
                parameters: Parameters([("RegionId", "r"), ("InstanceId.1", "i-a"), ("BatchOptimization", "Some")]))
        }
        #expect(throws: APIError.self) {
            try DescribeInstanceStatusRequest(parameters: Parameters([("RegionId", "r"), ("PageSize", "51")]))
        }
        #expect(throws: APIError.self) {
            try DescribeInstancesRequest(parameters: Parameters([("RegionId", "r"), ("PageSize", "0")]))
        }
        #expect(throws: APIError.self) {
            try DescribeInstancesRequest(parameters: Parameters([("RegionId", "r"), ("InstanceIds", "[1]")]))
        }
    }
}
