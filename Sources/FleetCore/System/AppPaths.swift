import Foundation

/// Where ecsfleet reads and writes its files, worked out once from the environment: the XDG base directories
/// for its own files (a relative `XDG_*` value is ignored, as the specification says) and `HOME` for the aliyun
/// CLI's. Every path the program uses comes from here.
public struct AppPaths: Sendable, Equatable {
    /// `$HOME`, else the account's home directory.
    public var home: String
    /// `$XDG_CONFIG_HOME/ecsfleet`, else `~/.config/ecsfleet`: `config.toml` and `themes/`.
    public var configDirectory: String
    /// `$XDG_STATE_HOME/ecsfleet`, else `~/.local/state/ecsfleet`: the journal, the log, the sandbox's state.
    public var stateDirectory: String

    /// The paths for `environment` (normally the process's).
    public init(environment: [String: String]) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        func base(_ variable: String, default fallback: String) -> String {
            environment[variable].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + fallback
        }
        self.home = home
        configDirectory = base("XDG_CONFIG_HOME", default: "/.config") + "/ecsfleet"
        stateDirectory = base("XDG_STATE_HOME", default: "/.local/state") + "/ecsfleet"
    }

    /// The screen's settings: theme and key remapping.
    public var configFile: String { configDirectory + "/config.toml" }
    /// The user's own themes, `NAME.toml`.
    public var themeDirectory: String { configDirectory + "/themes" }
    /// The journal of every operation.
    public var journal: String { stateDirectory + "/journal.jsonl" }
    /// Where the screen sends what would otherwise be written to stderr.
    public var screenLog: String { stateDirectory + "/ecsfleet.log" }
    /// The aliyun CLI's profiles.
    public var aliyunConfig: String { home + "/.aliyun/config.json" }
    /// The aliyun CLI's safety policy, which ecsfleet obeys too.
    public var safetyPolicy: String { home + "/.aliyun/safety-policy.json" }
    /// The vendor's shared credentials file (`ALIBABA_CLOUD_CREDENTIALS_FILE` overrides it in the chain).
    public var credentialsFile: String { home + "/.alibabacloud/credentials.ini" }
}
