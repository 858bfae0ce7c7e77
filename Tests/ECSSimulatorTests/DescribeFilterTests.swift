import ECSAPI
import ECSSimulator
import Foundation
import Testing

/// A region with distinct names, zones, VPCs, charge types and tags.
func filterFleet() -> [Instance] {
    [
        makeInstance("i-web1") {
            $0.instanceName = "prod-web-01"
            $0.zoneId = "cn-hangzhou-h"
            $0.tags = [.init(key: "env", value: "prod"), .init(key: "app", value: "web")]
        },
        makeInstance("i-web2", .stopped) {
            $0.instanceName = "prod-web-02"
            $0.zoneId = "cn-hangzhou-i"
            $0.tags = [.init(key: "env", value: "prod"), .init(key: "app", value: "web")]
        },
        makeInstance("i-db1") {
            $0.instanceName = "Prod-DB-01"
            $0.zoneId = "cn-hangzhou-i"
            $0.vpcAttributes = .init(vpcId: "vpc-data")
            $0.tags = [.init(key: "env", value: "staging")]
        },
        makeInstance("i-cjk1") {
            $0.instanceName = "订单服务-01"
            $0.instanceChargeType = "PrePaid"
            $0.tags = [.init(key: "team", value: "支付")]
        },
        makeInstance("i-space1", .stopped) {
            $0.instanceName = "my web box"
            $0.vpcAttributes = nil
            $0.instanceNetworkType = "classic"
        },
        makeInstance("i-sh1", region: "cn-shanghai") {
            $0.instanceName = "prod-web-01"
            $0.tags = [.init(key: "env", value: "prod")]
        },
    ]
}

@Suite("DescribeInstances filters")
struct DescribeFilterTests {
    @Test(
        "Each filter selects exactly its instances (in load order)",
        arguments: [
            ("InstanceIds", [("InstanceIds", #"["i-db1","i-web1"]"#)], ["i-web1", "i-db1"]),
            (
                "InstanceIds with spaces and an unknown ID", [("InstanceIds", #"[ "i-cjk1" , "i-none1", "i-sh1" ]"#)],
                ["i-cjk1"]
            ),
            ("InstanceIds []", [("InstanceIds", "[]")], []),
            ("Status Running", [("Status", "Running")], ["i-web1", "i-db1", "i-cjk1"]),
            ("Status Stopped", [("Status", "Stopped")], ["i-web2", "i-space1"]),
            ("Status Pending (none)", [("Status", "Pending")], []),
            ("InstanceName exact", [("InstanceName", "prod-web-01")], ["i-web1"]),
            ("InstanceName is case-sensitive", [("InstanceName", "prod-db-01")], []),
            ("InstanceName exact, no substring", [("InstanceName", "prod-web")], []),
            ("InstanceName prefix*", [("InstanceName", "prod-*")], ["i-web1", "i-web2"]),
            ("InstanceName *suffix", [("InstanceName", "*-01")], ["i-web1", "i-db1", "i-cjk1"]),
            ("InstanceName a*b*c", [("InstanceName", "p*web*2")], ["i-web2"]),
            ("InstanceName *", [("InstanceName", "*")], ["i-web1", "i-web2", "i-db1", "i-cjk1", "i-space1"]),
            ("InstanceName **", [("InstanceName", "**")], ["i-web1", "i-web2", "i-db1", "i-cjk1", "i-space1"]),
            ("InstanceName CJK", [("InstanceName", "订单*")], ["i-cjk1"]),
            ("InstanceName with a space", [("InstanceName", "my web box")], ["i-space1"]),
            ("ZoneId", [("ZoneId", "cn-hangzhou-i")], ["i-web2", "i-db1"]),
            ("VpcId", [("VpcId", "vpc-data")], ["i-db1"]),
            ("VpcId main", [("VpcId", "vpc-main")], ["i-web1", "i-web2", "i-cjk1"]),
            ("InstanceChargeType PrePaid", [("InstanceChargeType", "PrePaid")], ["i-cjk1"]),
            (
                "InstanceChargeType PostPaid", [("InstanceChargeType", "PostPaid")],
                ["i-web1", "i-web2", "i-db1", "i-space1"]
            ),
            ("Tag key and value", [("Tag.1.Key", "env"), ("Tag.1.Value", "prod")], ["i-web1", "i-web2"]),
            ("Tag key only", [("Tag.1.Key", "env")], ["i-web1", "i-web2", "i-db1"]),
            ("Tag key, empty value", [("Tag.1.Key", "env"), ("Tag.1.Value", "")], ["i-web1", "i-web2", "i-db1"]),
            ("Tag CJK value", [("Tag.1.Key", "team"), ("Tag.1.Value", "支付")], ["i-cjk1"]),
            (
                "Two tags are ANDed", [("Tag.1.Key", "env"), ("Tag.1.Value", "prod"), ("Tag.2.Key", "app")],
                ["i-web1", "i-web2"]
            ),
            ("Tag value mismatch", [("Tag.1.Key", "env"), ("Tag.1.Value", "dev")], []),
            (
                "Filters combine", [("Status", "Running"), ("InstanceName", "*-01"), ("ZoneId", "cn-hangzhou-i")],
                ["i-db1"]
            ),
        ] as [(String, [(String, String)], [String])])
    func filter(_ name: String, _ params: [(String, String)], _ expected: [String]) async {
        let sim = Sim(filterFleet())
        let reply = await sim.describe(params + [("MaxResults", "100")])
        #expect(reply.status == 200, "\(name): \(reply.text)")
        #expect(reply.instanceIds == expected, "\(name)")
        #expect(reply.totalCount == expected.count, "\(name)")
        let legacy = await sim.describe(params + [("PageSize", "100")])
        #expect(legacy.instanceIds == expected, "\(name) (PageNumber style)")
        #expect(legacy.totalCount == expected.count)
    }

    @Test(
        "Bad filter values",
        arguments: [
            ("InstanceIds not JSON", [("InstanceIds", "[i-web1")], "InvalidParameter", 400),
            ("InstanceIds not an array", [("InstanceIds", #"{"a":1}"#)], "InvalidParameter", 400),
            ("InstanceIds plain text", [("InstanceIds", "i-web1")], "InvalidParameter", 400),
            ("InstanceIds non-string entry", [("InstanceIds", #"["i-web1", 2]"#)], "InvalidParameter", 400),
            ("InstanceIds null entry", [("InstanceIds", #"[null]"#)], "InvalidParameter", 400),
            (
                "101 InstanceIds",
                [("InstanceIds", "[" + (1...101).map { "\"i-x\($0)\"" }.joined(separator: ",") + "]")],
                "InvalidParameter", 400
            ),
            ("Status unknown", [("Status", "Deleted")], "InvalidStatus.NotFound", 404),
            ("Status wrong case", [("Status", "running")], "InvalidStatus.NotFound", 404),
            ("Tag index 0", [("Tag.0.Key", "env")], "InvalidParameter", 400),
            ("Tag index 21", [("Tag.21.Key", "env")], "InvalidParameter", 400),
            ("Tag empty key", [("Tag.1.Key", ""), ("Tag.1.Value", "x")], "InvalidParameter", 400),
            ("DryRun not a boolean", [("DryRun", "maybe")], "InvalidParameter", 400),
        ] as [(String, [(String, String)], String, Int)])
    func badFilter(_ name: String, _ params: [(String, String)], _ code: String, _ http: Int) async {
        let sim = Sim(filterFleet())
        let reply = await sim.describe(params)
        #expect(reply.code == code, "\(name)")
        #expect(reply.status == http, "\(name)")
    }

    @Test("100 InstanceIds are allowed")
    func hundredIds() async {
        let sim = Sim(filterFleet())
        let ids = ["i-web1"] + (2...100).map { "i-x\($0)" }
        let reply = await sim.describe([("InstanceIds", JSONValue.array(ids.map(JSONValue.string)).jsonText())])
        #expect(reply.status == 200)
        #expect(reply.instanceIds == ["i-web1"])
    }

    @Test("A missing RegionId is MissingParameter")
    func missingRegion() async {
        let sim = Sim(filterFleet())
        let reply = await sim.call("DescribeInstances", [])
        #expect(reply.code == "MissingParameter")
        #expect(reply.status == 400)
    }

    @Test("Instances carry the documented fields and wrappers")
    func instanceShape() async throws {
        let sim = Sim(filterFleet())
        let reply = await sim.describe([("InstanceIds", #"["i-web1"]"#)])
        let i = try #require(reply.instances.first)
        for field in [
            "InstanceId", "InstanceName", "Status", "StoppedMode", "InstanceType", "RegionId", "ZoneId",
            "InstanceChargeType", "InstanceNetworkType", "LocalStorageAmount", "ExpiredTime", "OperationLocks",
            "VpcAttributes", "PublicIpAddress", "EipAddress", "Tags", "HibernationOptions",
        ] {
            #expect(i[field] != nil, "\(field)")
        }
        #expect(i["Tags"]?["Tag"]?.arrayValue?.first?["TagKey"]?.stringValue == "env")
        #expect(i["VpcAttributes"]?["PrivateIpAddress"]?["IpAddress"]?.arrayValue == [.string("172.16.0.10")])
        #expect(i["OperationLocks"]?["LockReason"]?.arrayValue == [])
        // The answer parses as the client's wire model.
        let decoded = try DescribeInstancesResponse(json: reply.json)
        #expect(decoded.instances.first?.tags == [.init(key: "env", value: "prod"), .init(key: "app", value: "web")])
    }

    @Test("DescribeRegions lists the fleet's regions, the public ones and the extra ones, with endpoints")
    func describeRegions() async {
        let sim = Sim(filterFleet() + [makeInstance("i-private1", region: "cn-private-9")]) {
            $0.extraRegions = ["xx-lab-1"]
        }
        let zh = await sim.call("DescribeRegions")
        #expect(zh.status == 200)
        let regions = zh.json["Regions"]?.unwrappedList("Region") ?? []
        let byId = Dictionary(regions.map { ($0["RegionId"]?.stringValue ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        for id in ["cn-hangzhou", "cn-shanghai", "cn-private-9", "xx-lab-1", "eu-central-1", "us-west-1"] {
            #expect(byId[id] != nil, "\(id)")
        }
        #expect(byId["cn-hangzhou"]?["RegionEndpoint"]?.stringValue == "ecs.aliyuncs.com")
        #expect(byId["cn-shanghai"]?["RegionEndpoint"]?.stringValue == "ecs.cn-shanghai.aliyuncs.com")
        #expect(byId["cn-hangzhou"]?["LocalName"]?.stringValue == "华东1（杭州）")
        let en = await sim.call("DescribeRegions", [("AcceptLanguage", "en-US")])
        let enRegions = en.json["Regions"]?.unwrappedList("Region") ?? []
        #expect(
            enRegions.first { $0["RegionId"]?.stringValue == "cn-hangzhou" }?["LocalName"]?.stringValue
                == "China (Hangzhou)")
        // The extra and private regions are real regions for the other calls too.
        #expect(await sim.describe(region: "xx-lab-1").status == 200)
        #expect(await sim.describe(region: "cn-private-9").instanceIds == ["i-private1"])
    }
}
