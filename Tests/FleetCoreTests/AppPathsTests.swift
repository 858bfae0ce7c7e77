import FleetCore
import Foundation
import Testing

@Suite struct AppPathsTests {
    @Test func xdgDirectoriesWinOverHome() {
        let paths = AppPaths(environment: ["HOME": "/home/op", "XDG_CONFIG_HOME": "/cfg", "XDG_STATE_HOME": "/state"])
        #expect(paths.configFile == "/cfg/ecsfleet/config.toml")
        #expect(paths.themeDirectory == "/cfg/ecsfleet/themes")
        #expect(paths.journal == "/state/ecsfleet/journal.jsonl")
        #expect(paths.screenLog == "/state/ecsfleet/ecsfleet.log")
        #expect(paths.aliyunConfig == "/home/op/.aliyun/config.json")
        #expect(paths.safetyPolicy == "/home/op/.aliyun/safety-policy.json")
    }

    @Test func withoutXDGTheDefaultsUnderHome() {
        let paths = AppPaths(environment: ["HOME": "/home/op"])
        #expect(paths.configDirectory == "/home/op/.config/ecsfleet")
        #expect(paths.stateDirectory == "/home/op/.local/state/ecsfleet")
    }

    /// The XDG specification: a relative path in an XDG variable is invalid and is ignored.
    @Test func relativeXDGValuesAreIgnored() {
        let paths = AppPaths(environment: ["HOME": "/home/op", "XDG_CONFIG_HOME": "cfg", "XDG_STATE_HOME": ""])
        #expect(paths.configDirectory == "/home/op/.config/ecsfleet")
        #expect(paths.stateDirectory == "/home/op/.local/state/ecsfleet")
    }

    @Test func anEmptyHomeFallsBackToTheAccountsHome() {
        #expect(AppPaths(environment: ["HOME": ""]).home == NSHomeDirectory())
        #expect(AppPaths(environment: [:]).home == NSHomeDirectory())
    }
}
