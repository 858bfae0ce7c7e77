import Testing

@testable import ECSAPI

/// The direct page reader and the direct writer must agree, byte for byte and error for error, with the tree
/// (`JSONValue` + `init(json:)` / `json`), which stays the reference.
@Suite struct InstancePageTests {
    /// Reads `text` both ways: the direct reader must accept it by itself (no silent fallback) and agree.
    static func expectSameAsTree(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bytes = Array(text.utf8)
        let tree = try DescribeInstancesResponse(json: JSONValue(parsing: bytes))
        let direct = try JSONReader.withReader(bytes, DescribeInstancesResponse.readPage)
        #expect(direct == tree, sourceLocation: sourceLocation)
        #expect(try DescribeInstancesResponse(jsonBytes: bytes) == tree, sourceLocation: sourceLocation)
    }

    static let full = #"""
        {"RequestId":"R-1","TotalCount":250,"PageNumber":2,"PageSize":100,"NextToken":"",
         "Instances":{"Instance":[
          {"InstanceId":"i-bp1","InstanceName":"订单服务-01","Description":"tab\there \"quoted\" \\ \u00e9 \ud83d\ude00",
           "HostName":"h","Status":"Running","StoppedMode":"KeepCharging","InstanceType":"ecs.g7.large",
           "InstanceTypeFamily":"ecs.g7","Cpu":2,"Memory":"4096","OSName":"Ubuntu 22.04 64位","OSType":"linux",
           "RegionId":"cn-hangzhou","ZoneId":"cn-hangzhou-h","InstanceChargeType":"PrePaid","SpotStrategy":"NoSpot",
           "InstanceNetworkType":"classic","LocalStorageAmount":1.0,"LocalStorageCapacity":2e2,"CreationTime":"2017-12-10T04:04Z",
           "StartTime":"2017-12-10T04:05Z","ExpiredTime":"2099-12-31T15:59Z","DeletionProtection":"true",
           "OperationLocks":{"LockReason":[{"LockReason":"security","LockMsg":"m"},{"LockMsg":"no reason"},"junk",
                                           {"LockReason":"financial","LockReason":"ignored"}]},
           "VpcAttributes":{"VpcId":"vpc-1","VSwitchId":"vsw-1","PrivateIpAddress":{"IpAddress":["172.16.0.1",7,null,true]},
                            "PrivateIpAddress":{"IpAddress":["ignored"]},"NatIpAddress":""},
           "PublicIpAddress":{"IpAddress":"47.1.1.1"},"InnerIpAddress":["10.0.0.1"],
           "EipAddress":{"AllocationId":"eip-1","IpAddress":"47.1.1.2","Bandwidth":"5","Extra":{}},
           "Tags":{"Tag":{"TagKey":"env","TagValue":"prod"}},"SecurityGroupIds":{"SecurityGroupId":["sg-1","sg-2"]},
           "HibernationOptions":{"Configured":"TRUE"},
           "GPUAmount":0,"NetworkInterfaces":{"NetworkInterface":[{"Type":"Primary","Ips":[1,2.5,"x",{"deep":[[]]}]}]},
           "Weird\u004bey":null,"InstanceName":"second name wins","InstanceId":"i-ignored-second-id"},
          {"InstanceId":42,"Status":"Stopped","VpcAttributes":{"VpcId":""},"EipAddress":{"Bandwidth":9},
           "OperationLocks":[{"LockReason":"recycling"}],"Tags":{"Tag":[{"TagValue":"no key"},{"TagKey":"k"}]},
           "HibernationOptions":[],"PublicIpAddress":null,"SecurityGroupIds":{}},
          {"Instance\u0049d":"i-escaped-key","VpcAttributes":"not an object","EipAddress":[],"OperationLocks":"",
           "Tags":{"Tag":[],"Tag":[{"TagKey":"ignored"}]}}
         ]},
         "Instances":{"Instance":[]},"RequestId":"ignored","Unknown":[1,{"a":"b"}]}
        """#

    @Test func readsEveryShapeLikeTheTree() throws {
        try Self.expectSameAsTree(Self.full)
        let page = try DescribeInstancesResponse(jsonBytes: Array(Self.full.utf8))
        #expect(page.requestId == "R-1" && page.totalCount == 250 && page.pageNumber == 2 && page.nextToken == nil)
        #expect(page.instances.map(\.instanceId) == ["i-bp1", "42", "i-escaped-key"])
        let first = page.instances[0]
        #expect(first.instanceName == "second name wins" && first.memory == 4096 && first.localStorageCapacity == 200)
        #expect(first.operationLocks == [.init(lockReason: "security", lockMsg: "m"), .init(lockReason: "financial")])
        #expect(first.vpcAttributes?.privateIpAddresses == ["172.16.0.1", "7", "true"])
        #expect(first.publicIpAddresses == [] && first.innerIpAddresses == ["10.0.0.1"])
        #expect(first.eipAddress?.bandwidth == 5 && first.tags == [.init(key: "env", value: "prod")])
        #expect(first.hibernationConfigured && first.deletionProtection)
        #expect(first.otherFields.keys.sorted() == ["GPUAmount", "NetworkInterfaces", "WeirdKey"])
        #expect(first.otherFields["WeirdKey"] == .null)
        #expect(page.instances[1].tags == [.init(key: "k", value: "")] && page.instances[1].vpcAttributes == nil)
    }

    @Test(arguments: [
        #"{"Instances":{"Instance":[]},"TotalCount":0}"#,
        #"{"Instances":[{"InstanceId":"i-bare"}]}"#,
        #"{"Instances":{"Instance":{"InstanceId":"i-single"}},"NextToken":"t-2","TotalCount":"7"}"#,
        #"{"Instances":"","RequestId":5}"#,
        #"{"Instances":{},"NextToken":null}"#,
        #"{"Instances":{"Other":[1],"Instance":[{"InstanceId":"i-after-other"}],"Instance":"x"}}"#,
        #"{}"#,
        " \n{ \"Instances\" : { \"Instance\" : [ { \"InstanceId\" : \"i-spaced\" } ] } } \t",
    ])
    func readsPageShapesLikeTheTree(_ text: String) throws {
        try Self.expectSameAsTree(text)
    }

    /// Documents the direct reader turns down: the fallback gives exactly the tree's answer or error.
    @Test(arguments: [
        #"{"Instances":{"Instance":[{"InstanceName":"no id"}]}}"#,
        #"{"Instances":{"Instance":[{"InstanceId":""}]}}"#,
        #"{"Instances":{"Instance":[{"InstanceId":null,"InstanceId":"i-late"}]}}"#,
        #"{"Instances":{"Instance":["not an object"]}}"#,
        #"{"Instances":{"Instance":[{"InstanceId":"i-a"}]}"#,
        #"{"Instances":{"Instance":[{"InstanceId":"i-a"}]}} trailing"#,
        #"[{"InstanceId":"i-a"}]"#,
        #""just a string""#,
    ])
    func fallsBackToTheTreesAnswer(_ text: String) {
        let bytes = Array(text.utf8)
        let tree: Result<DescribeInstancesResponse, WireFormatError> = Result { () throws(WireFormatError) in
            try DescribeInstancesResponse(parsingTree: bytes)
        }
        let direct: Result<DescribeInstancesResponse, WireFormatError> = Result { () throws(WireFormatError) in
            try DescribeInstancesResponse(jsonBytes: bytes)
        }
        #expect(direct == tree)
    }

    @Test func invalidUTF8IsRejected() {
        var bytes = Array(#"{"Instances":{"Instance":[{"InstanceId":"i-a","InstanceName":"XX"}]}}"#.utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "X"))!
        bytes[at] = 0xC3
        bytes[at + 1] = 0x28
        #expect(throws: WireFormatError.self) { try DescribeInstancesResponse(jsonBytes: bytes) }
    }
}

extension Result where Failure == WireFormatError {
    init(_ body: () throws(WireFormatError) -> Success) {
        do { self = .success(try body()) } catch { self = .failure(error) }
    }
}
