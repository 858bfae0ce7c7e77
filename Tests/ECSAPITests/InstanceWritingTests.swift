import Testing

@testable import ECSAPI

/// `Instance.writeJSON` and `InstanceJSONArray` write exactly what the tree writer writes.
@Suite struct InstanceWritingTests {
    static var samples: [Instance] {
        var a = Instance(instanceId: "i-plain")
        var b = Instance(instanceId: "i-\"quoted\"\\")
        b.instanceName = "订单服务-01 \u{1B}[31m\u{7F}\t\n\r\u{01}😀"
        b.description = "é"
        b.status = .stopped
        b.cpu = 16
        b.memory = 65536
        b.localStorageAmount = -3
        b.localStorageCapacity = 9
        b.deletionProtection = true
        b.operationLocks = [.init(lockReason: "security", lockMsg: "m\"sg"), .init(lockReason: "financial")]
        b.vpcAttributes = .init(vpcId: "vpc-1", vSwitchId: "vsw-1", privateIpAddresses: ["172.16.0.1", "172.16.0.2"])
        b.publicIpAddresses = ["47.1.1.1"]
        b.innerIpAddresses = ["10.0.0.1", "10.0.0.2"]
        b.eipAddress = .init(allocationId: "eip-1", ipAddress: "47.1.1.2", bandwidth: 100)
        b.tags = [.init(key: "env", value: "prod"), .init(key: "键", value: "")]
        b.securityGroupIds = ["sg-1"]
        b.hibernationConfigured = true
        b.otherFields = [
            "ZLast": .array([.number("1.5e3"), .null, .bool(false), .object([]), .array([])]),
            "GPUAmount": .int(0),
            "Nested": .object([("k", .object([("deep", .array([.string("v\u{0}")]))]))]),
            "A\"key": .string("x"),
        ]
        a.regionId = "cn-hangzhou"
        return [a, b, Instance(instanceId: "i-third")]
    }

    @Test func oneInstanceMatchesTheTreeWriter() {
        for instance in Self.samples {
            for pretty in [false, true] {
                var out: [UInt8] = Array("prefix".utf8)
                instance.writeJSON(into: &out, pretty: pretty)
                let expected = pretty ? Array(instance.json.jsonText(pretty: true).utf8) : instance.json.jsonBytes()
                #expect(out == Array("prefix".utf8) + expected)
            }
        }
    }

    @Test(arguments: [0, 1, 2, 3])
    func arraysMatchTheTreeWriter(_ count: Int) {
        let instances = Array(Self.samples.prefix(count))
        for pretty in [false, true] {
            var array = InstanceJSONArray(pretty: pretty)
            // Pieces of different sizes, and an empty one, as pages arrive.
            array.append(contentsOf: instances.prefix(1))
            array.append(elements: InstanceJSONArray.elements([], pretty: pretty), count: 0)
            array.append(
                elements: InstanceJSONArray.elements(Array(instances.dropFirst()), pretty: pretty),
                count: instances.count - min(1, instances.count))
            #expect(array.count == instances.count)
            let written = array.finish().flatMap { $0 }
            let expected = JSONValue.array(instances.map(\.json)).jsonText(pretty: pretty)
            #expect(String(decoding: written, as: UTF8.self) == expected)
        }
    }

    @Test func writtenJSONReadsBackToTheSameInstances() throws {
        var array = InstanceJSONArray(pretty: true)
        array.append(contentsOf: Self.samples)
        let text = #"{"Instances":{"Instance":"# + String(decoding: array.finish().flatMap { $0 }, as: UTF8.self) + "}}"
        let page = try JSONReader.withReader(Array(text.utf8), DescribeInstancesResponse.readPage)
        #expect(page.instances == Self.samples)
    }
}
