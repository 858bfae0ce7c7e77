/// The vendor's public regions, with their local names, so `DescribeRegions` answers like the real service.
public enum RegionCatalog {
    public struct Region: Sendable {
        public let id: String
        public let chinese: String
        public let english: String
    }

    public static let regions: [Region] = [
        .init(id: "cn-qingdao", chinese: "华北1（青岛）", english: "China (Qingdao)"),
        .init(id: "cn-beijing", chinese: "华北2（北京）", english: "China (Beijing)"),
        .init(id: "cn-zhangjiakou", chinese: "华北3（张家口）", english: "China (Zhangjiakou)"),
        .init(id: "cn-huhehaote", chinese: "华北5（呼和浩特）", english: "China (Hohhot)"),
        .init(id: "cn-wulanchabu", chinese: "华北6（乌兰察布）", english: "China (Ulanqab)"),
        .init(id: "cn-hangzhou", chinese: "华东1（杭州）", english: "China (Hangzhou)"),
        .init(id: "cn-shanghai", chinese: "华东2（上海）", english: "China (Shanghai)"),
        .init(id: "cn-nanjing", chinese: "华东5（南京-本地地域）", english: "China (Nanjing - Local Region)"),
        .init(id: "cn-fuzhou", chinese: "华东6（福州-本地地域）", english: "China (Fuzhou - Local Region)"),
        .init(id: "cn-shenzhen", chinese: "华南1（深圳）", english: "China (Shenzhen)"),
        .init(id: "cn-heyuan", chinese: "华南2（河源）", english: "China (Heyuan)"),
        .init(id: "cn-guangzhou", chinese: "华南3（广州）", english: "China (Guangzhou)"),
        .init(id: "cn-chengdu", chinese: "西南1（成都）", english: "China (Chengdu)"),
        .init(id: "cn-hongkong", chinese: "中国香港", english: "China (Hong Kong)"),
        .init(id: "ap-northeast-1", chinese: "日本（东京）", english: "Japan (Tokyo)"),
        .init(id: "ap-northeast-2", chinese: "韩国（首尔）", english: "South Korea (Seoul)"),
        .init(id: "ap-southeast-1", chinese: "新加坡", english: "Singapore"),
        .init(id: "ap-southeast-3", chinese: "马来西亚（吉隆坡）", english: "Malaysia (Kuala Lumpur)"),
        .init(id: "ap-southeast-5", chinese: "印度尼西亚（雅加达）", english: "Indonesia (Jakarta)"),
        .init(id: "ap-southeast-6", chinese: "菲律宾（马尼拉）", english: "Philippines (Manila)"),
        .init(id: "ap-southeast-7", chinese: "泰国（曼谷）", english: "Thailand (Bangkok)"),
        .init(id: "us-east-1", chinese: "美国（弗吉尼亚）", english: "US (Virginia)"),
        .init(id: "us-west-1", chinese: "美国（硅谷）", english: "US (Silicon Valley)"),
        .init(id: "eu-west-1", chinese: "英国（伦敦）", english: "UK (London)"),
        .init(id: "eu-central-1", chinese: "德国（法兰克福）", english: "Germany (Frankfurt)"),
        .init(id: "me-east-1", chinese: "阿联酋（迪拜）", english: "UAE (Dubai)"),
        .init(id: "me-central-1", chinese: "沙特（利雅得）", english: "SAU (Riyadh - Partner Region)"),
    ]

    static let byId: [String: Region] = Dictionary(uniqueKeysWithValues: regions.map { ($0.id, $0) })

    /// Whether `id` is one of the vendor's public regions.
    public static func isKnown(_ id: String) -> Bool { byId[id] != nil }

    public static func localName(_ id: String, chinese: Bool) -> String {
        guard let r = byId[id] else { return id }
        return chinese ? r.chinese : r.english
    }

    /// The endpoint host: `ecs.aliyuncs.com` for `cn-hangzhou`, `ecs.<region>.aliyuncs.com` elsewhere.
    public static func endpoint(_ id: String) -> String {
        id == "cn-hangzhou" ? "ecs.aliyuncs.com" : "ecs.\(id).aliyuncs.com"
    }
}
