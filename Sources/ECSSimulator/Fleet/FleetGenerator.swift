import ECSAPI
import Foundation

/// Builds a realistic synthetic fleet for `--generate N`: several regions and zones, mostly running instances
/// with some stopped and a few stuck in transitions, pay-as-you-go, subscription and spot, local-disk and
/// classic-network instances (not eligible for economical mode), security and financial locks, tags, IPs,
/// CJK and very long names. The same seed gives the same fleet.
public enum FleetGenerator {
    public static let defaultRegions = ["cn-hangzhou", "cn-shanghai", "cn-beijing"]

    static let idPrefixes: [String: String] = [
        "cn-hangzhou": "bp", "cn-shanghai": "uf", "cn-beijing": "2z", "cn-shenzhen": "wz", "cn-qingdao": "m5",
        "cn-zhangjiakou": "8v", "cn-hongkong": "j6", "ap-southeast-1": "t4", "us-west-1": "rj", "eu-central-1": "gw",
        "ap-northeast-1": "6w",
    ]

    static let families: [(family: String, sizes: [(String, Int, Int)], localDisks: Bool)] = [
        ("ecs.g7", [("large", 2, 8192), ("xlarge", 4, 16384), ("2xlarge", 8, 32768)], false),
        ("ecs.c7", [("large", 2, 4096), ("xlarge", 4, 8192), ("4xlarge", 16, 32768)], false),
        ("ecs.r7", [("large", 2, 16384), ("2xlarge", 8, 65536)], false),
        ("ecs.g8i", [("xlarge", 4, 16384), ("4xlarge", 16, 65536)], false),
        ("ecs.t6", [("c1m2.large", 2, 4096)], false),
        ("ecs.i3", [("2xlarge", 8, 65536)], true),
        ("ecs.d1ne", [("4xlarge", 16, 65536)], true),
    ]

    static let apps = ["web", "api", "worker", "db", "cache", "search", "gateway", "batch", "etl", "ml-train"]
    static let cjkNames = ["生产-网关", "测试数据库", "订单服务", "支付回调", "日志采集", "推荐引擎", "数据仓库", "风控模型", "用户中心"]
    static let teams = ["payments", "search", "platform", "data", "growth", "infra"]

    /// `count` instances spread over `regions`, reproducible from `seed`. `now` anchors creation and expiry times.
    public static func generate(count: Int, regions: [String] = defaultRegions, seed: UInt64, now: Date) -> [Instance] {
        var rng = SeededRandom(seed: seed)
        let regions = regions.isEmpty ? defaultRegions : regions
        var used = Set<String>()
        return (0..<count).map { n in
            let region = regions[n % regions.count]
            return make(n, region: region, rng: &rng, used: &used, now: now)
        }
    }

    static func pick<T>(_ items: [T], _ rng: inout SeededRandom) -> T { items[Int(rng.next() % UInt64(items.count))] }

    static func make(_ n: Int, region: String, rng: inout SeededRandom, used: inout Set<String>, now: Date) -> Instance
    {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        var id: String
        repeat {
            id = "i-" + (idPrefixes[region] ?? "xx") + String((0..<18).map { _ in pick(alphabet, &rng) })
        } while !used.insert(id).inserted
        var i = Instance(instanceId: id)
        i.regionId = region
        i.zoneId = "\(region)-\(pick(["a", "b", "g", "h", "i", "j", "k"], &rng))"
        let roll = Double.random(in: 0..<1, using: &rng)
        i.status =
            roll < 0.70
            ? .running : roll < 0.93 ? .stopped : roll < 0.96 ? .stopping : roll < 0.985 ? .starting : .pending
        let family = pick(families, &rng)
        let size = pick(family.sizes, &rng)
        i.instanceTypeFamily = family.family
        i.instanceType = "\(family.family).\(size.0)"
        i.cpu = size.1
        i.memory = size.2
        if family.localDisks {
            i.localStorageAmount = 2
            i.localStorageCapacity = 2 * 5961
        }
        let app = pick(apps, &rng)
        let env = pick(["prod", "prod", "staging", "dev"], &rng)
        i.tags = [
            .init(key: "env", value: env), .init(key: "app", value: app), .init(key: "team", value: pick(teams, &rng)),
        ]
        let nameRoll = Double.random(in: 0..<1, using: &rng)
        if nameRoll < 0.15 {
            i.instanceName = "\(pick(cjkNames, &rng))-\(String(format: "%02d", n % 100))"
        } else if nameRoll < 0.17 {
            i.instanceName = "\(env)-\(app)-" + String(repeating: "very-long-name-", count: 8) + "\(n)"
        } else {
            i.instanceName = "\(env)-\(app)-\(String(format: "%03d", n % 1000))"
        }
        i.hostName = "iZ\(id.dropFirst(2).prefix(12))Z"
        i.description = n % 7 == 0 ? "Managed by ecs-sim" : ""
        if Double.random(in: 0..<1, using: &rng) < 0.3 {
            i.osName = "Alibaba Cloud Linux 3.2104 LTS 64位"
            i.osType = "linux"
        } else if Double.random(in: 0..<1, using: &rng) < 0.85 {
            i.osName = "Ubuntu 22.04 64位"
            i.osType = "linux"
        } else {
            i.osName = "Windows Server 2022 数据中心版 64位中文版"
            i.osType = "windows"
        }
        // Image, key pair and release time follow from what is already drawn, so seeded fleets stay as they were.
        i.imageId =
            i.osType == "windows"
            ? "win2022_21H2_x64_dtc_zh-cn_40G_alibase_20240515.vhd"
            : i.osName.hasPrefix("Ubuntu")
                ? "ubuntu_22_04_x64_20G_alibase_20240530.vhd" : "aliyun_3_x64_20G_alibase_20240528.vhd"
        if i.osType == "linux" && n % 3 != 0 { i.keyPairName = "\(env)-ops-key" }
        let created = now.addingTimeInterval(-Double(86_400 * (1 + Int(rng.next() % 900))))
        i.creationTime = ECSTime.formatMinutes(created)
        i.startTime = ECSTime.formatMinutes(created.addingTimeInterval(120))
        let charge = Double.random(in: 0..<1, using: &rng)
        if charge < 0.22 {
            i.instanceChargeType = "PrePaid"
            let expired = Double.random(in: 0..<1, using: &rng) < 0.05
            i.expiredTime = ECSTime.formatMinutes(
                now.addingTimeInterval(Double(86_400 * (expired ? -3 : 30 + Int(rng.next() % 300)))))
        } else {
            i.instanceChargeType = "PostPaid"
            i.expiredTime = "2099-12-31T15:59Z"
            if charge > 0.9 { i.spotStrategy = pick(["SpotAsPriceGo", "SpotWithPriceLimit"], &rng) }
            if env == "dev" && n % 4 == 0 {
                i.autoReleaseTime = ECSTime.formatMinutes(now.addingTimeInterval(Double(86_400 * (1 + n % 20))))
            }
        }
        let octets = (rng.next() % 250, rng.next() % 250)
        if Double.random(in: 0..<1, using: &rng) < 0.03 {
            i.instanceNetworkType = "classic"
            i.innerIpAddresses = ["10.\(octets.0).\(octets.1).\(2 + n % 250)"]
            i.publicIpAddresses = ["121.\(octets.1).\(octets.0).\(2 + n % 250)"]
        } else {
            let vpc = "vpc-\(region.suffix(4))\(pick(["prod01", "stage01", "dev01"], &rng))"
            i.vpcAttributes = .init(
                vpcId: vpc, vSwitchId: "vsw-\(id.suffix(10))", privateIpAddresses: ["172.16.\(octets.0).\(2 + n % 250)"]
            )
            let pub = Double.random(in: 0..<1, using: &rng)
            if pub < 0.15 {
                i.eipAddress = .init(
                    allocationId: "eip-\(id.suffix(12))", ipAddress: "47.\(octets.0).\(octets.1).\(2 + n % 250)",
                    bandwidth: 5)
            } else if pub < 0.45 {
                i.publicIpAddresses = ["39.\(octets.1).\(octets.0).\(2 + n % 250)"]
            }
        }
        i.securityGroupIds = ["sg-\(id.suffix(12))"]
        let lock = Double.random(in: 0..<1, using: &rng)
        if lock < 0.01 {
            i.operationLocks = [.init(lockReason: "security", lockMsg: "The instance is locked for security reasons.")]
        } else if lock < 0.02 {
            i.operationLocks = [.init(lockReason: "financial")]
        }
        i.deletionProtection = env == "prod" && Double.random(in: 0..<1, using: &rng) < 0.5
        i.hibernationConfigured = Double.random(in: 0..<1, using: &rng) < 0.05
        switch i.status {
        case .stopped:
            i.stoppedMode =
                i.isEconomicalModeEligible ? pick(["KeepCharging", "StopCharging"], &rng) : "Not-applicable"
        default:
            i.stoppedMode = i.isEconomicalModeEligible ? "KeepCharging" : "Not-applicable"
        }
        return i
    }
}
