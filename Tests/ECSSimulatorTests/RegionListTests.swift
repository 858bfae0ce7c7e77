import ECSSimulator
import Testing

/// `ecs-sim --regions R1,R2,...`.
@Suite("RegionList (--regions)")
struct RegionListTests {
    @Test("Region IDs separated by commas, spaces and a trailing comma ignored, each once")
    func parses() throws {
        #expect(try RegionList.parse("cn-hangzhou") == ["cn-hangzhou"])
        #expect(try RegionList.parse(" cn-hangzhou , ap-southeast-1,") == ["cn-hangzhou", "ap-southeast-1"])
        #expect(try RegionList.parse("cn-beijing,cn-beijing") == ["cn-beijing"])
    }

    @Test(
        "A list that names no region is an error saying so, not the default regions",
        arguments: [",", "", " , ,", ",,,"])
    func empty(_ text: String) {
        let error = #expect(throws: ConfigurationError.self) { try RegionList.parse(text) }
        #expect(error?.description.contains("names no region") == true, "\(error?.description ?? "")")
    }

    @Test("An entry that is not a region ID is named", arguments: ["cn hangzhou", "cn-\u{1B}[2J", "中国", "cn_hangzhou"])
    func badEntry(_ text: String) {
        let error = #expect(throws: ConfigurationError.self) { try RegionList.parse("cn-shanghai," + text) }
        #expect(error?.description.contains("is not a region ID") == true, "\(error?.description ?? "")")
    }
}
