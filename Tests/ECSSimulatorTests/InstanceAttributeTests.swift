import ECSAPI
import ECSSimulator
import Foundation
import Testing

@Suite("DescribeInstanceAttribute")
struct InstanceAttributeTests {
    static let topLevel = [
        "RequestId", "InstanceId", "InstanceName", "Description", "HostName", "RegionId", "ZoneId", "Status",
        "StoppedMode", "InstanceType", "Cpu", "Memory", "ImageId", "InstanceNetworkType", "InstanceChargeType",
        "InternetChargeType", "InternetMaxBandwidthIn", "InternetMaxBandwidthOut", "IoOptimized", "CreationTime",
        "ExpiredTime", "CreditSpecification", "SerialNumber", "ClusterId", "VlanId", "VpcAttributes",
        "PublicIpAddress", "InnerIpAddress", "EipAddress", "SecurityGroupIds", "OperationLocks",
        "DedicatedHostAttribute",
    ]

    func fleet() -> [Instance] {
        [
            makeInstance("i-run1") {
                $0.cpu = 2
                $0.memory = 8192
                $0.hostName = "web-01"
                $0.description = "front"
                $0.publicIpAddresses = ["47.1.2.3"]
                $0.securityGroupIds = ["sg-a", "sg-b"]
                $0.creationTime = "2026-01-02T03:04Z"
                $0.otherFields["ImageId"] = .string("m-image1")
                $0.otherFields["InternetMaxBandwidthOut"] = .int(5)
            },
            makeInstance("i-stop1", .stopped) { $0.operationLocks = [.init(lockReason: "security", lockMsg: "why")] },
            makeInstance("i-sh1", region: "cn-shanghai"),
        ]
    }

    @Test("A flat object in the vendor's shape, with the fleet's values and the vendor's empty ones")
    func shape() async {
        let sim = Sim(fleet())
        let reply = await sim.call("DescribeInstanceAttribute", [("InstanceId", "i-run1")])
        #expect(reply.status == 200)
        let body = reply.json
        #expect(body.objectValue?.map(\.0).sorted() == Self.topLevel.sorted())
        #expect(body["RequestId"]?.stringValue == reply.header("x-acs-request-id"))
        #expect(body["InstanceId"] == .string("i-run1"))
        #expect(body["Status"] == .string("Running"))
        #expect(body["StoppedMode"] == .string("KeepCharging"))
        #expect(body["Cpu"] == .int(2))
        #expect(body["Memory"] == .int(8192))
        #expect(body["HostName"] == .string("web-01"))
        #expect(body["RegionId"] == .string(home))
        #expect(body["ImageId"] == .string("m-image1"), "kept from the fleet file")
        #expect(body["InternetMaxBandwidthOut"] == .int(5))
        #expect(body["InternetMaxBandwidthIn"] == .int(0), "the vendor's empty value")
        #expect(body["SerialNumber"] == .string(""))
        #expect(body["PublicIpAddress"]?["IpAddress"] == .array([.string("47.1.2.3")]))
        #expect(body["InnerIpAddress"]?["IpAddress"] == .array([]))
        #expect(body["SecurityGroupIds"]?["SecurityGroupId"] == .array([.string("sg-a"), .string("sg-b")]))
        #expect(body["VpcAttributes"]?["PrivateIpAddress"]?["IpAddress"] == .array([.string("172.16.0.10")]))
        #expect(body["VpcAttributes"]?["VpcId"] == .string("vpc-main"))
        #expect(body["EipAddress"]?["IpAddress"] == .string(""))
        #expect(body["OperationLocks"]?["LockReason"] == .array([]))
        #expect(body["DedicatedHostAttribute"]?["DedicatedHostId"] == .string(""))
        #expect(body["Instances"] == nil, "not wrapped like DescribeInstances")
    }

    @Test("Lock entries carry only LockReason")
    func locks() async {
        let reply = await Sim(fleet()).call("DescribeInstanceAttribute", [("InstanceId", "i-stop1")])
        #expect(reply.json["OperationLocks"]?["LockReason"] == .array([.object([("LockReason", .string("security"))])]))
        #expect(reply.json["Status"] == .string("Stopped"))
    }

    @Test("Status follows the lifecycle: Running, Stopping, then Stopped once the stop delay has passed")
    func lifecycle() async {
        let sim = Sim(fleet())
        func status() async -> JSONValue? {
            await sim.call("DescribeInstanceAttribute", [("InstanceId", "i-run1")]).json["Status"]
        }
        #expect(await status() == .string("Running"))
        #expect(await sim.call("StopInstance", [("InstanceId", "i-run1")]).status == 200)
        #expect(await status() == .string("Stopping"))
        sim.clock.advance(by: 3.9)
        #expect(await status() == .string("Stopping"))
        sim.clock.advance(by: 0.2)
        #expect(await status() == .string("Stopped"))
    }

    @Test(
        "Errors as StopInstance gives them",
        arguments: [
            ([] as [(String, String)], "MissingParameter", 400),
            ([("InstanceId", "")], "MissingParameter", 400),
            ([("InstanceId", "i-nothere1")], "InvalidInstanceId.NotFound", 404),
            ([("InstanceId", "bad_id")], "Abs.InvalidInstanceIds.MalFormed", 403),
            ([("InstanceId", "i-sh1"), ("RegionId", home)], "InvalidInstanceId.NotFound", 404),
            ([("InstanceId", "i-run1"), ("RegionId", "xx-nowhere-9")], "InvalidRegionId.NotFound", 404),
        ])
    func errors(_ params: [(String, String)], _ code: String, _ http: Int) async {
        let sim = Sim(fleet())
        for reply in [
            await sim.call("DescribeInstanceAttribute", params), await sim.callV1("DescribeInstanceAttribute", params),
        ] {
            #expect(reply.code == code)
            #expect(reply.status == http)
        }
        let stop = await sim.call("StopInstance", params)
        #expect(stop.code == code, "StopInstance answers the same")
    }

    @Test("The older SDK's RegionId is accepted when it is the instance's")
    func regionMatches() async {
        let reply = await Sim(fleet()).callV1(
            "DescribeInstanceAttribute", [("InstanceId", "i-sh1"), ("RegionId", "cn-shanghai")])
        #expect(reply.status == 200)
        #expect(reply.json["RegionId"] == .string("cn-shanghai"))
    }

    @Test("V1 Format=XML: root DescribeInstanceAttributeResponse, list wrappers as nested elements")
    func xml() async {
        let reply = await Sim(fleet()).callV1("DescribeInstanceAttribute", [("InstanceId", "i-run1")], format: "XML")
        #expect(reply.status == 200)
        #expect(reply.header("content-type") == "text/xml;charset=utf-8")
        #expect(reply.text.contains("<DescribeInstanceAttributeResponse>"))
        #expect(
            reply.text.contains(
                "<SecurityGroupIds><SecurityGroupId>sg-a</SecurityGroupId><SecurityGroupId>sg-b</SecurityGroupId></SecurityGroupIds>"
            ))
        #expect(reply.text.contains("<Status>Running</Status>"))
    }
}
