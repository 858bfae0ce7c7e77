import ArgumentParser
import ECSAPI
import FleetCore
import Foundation
import TerminalUI

/// Values the shell completes that only this machine knows: the profiles of the aliyun CLI's config file and the
/// themes (built-in and the user's own). Run by the completion script when Tab is pressed, so they never fail:
/// an unreadable file completes nothing.
enum Completions {
    /// The names of the profiles in `~/.aliyun/config.json`.
    static func profiles() -> [String] {
        let paths = AppPaths(environment: ProcessInfo.processInfo.environment)
        return ((try? CLIConfigFile.load(path: paths.aliyunConfig))?.profiles ?? []).map(\.name)
    }

    /// The built-in themes, then the user's `themes/NAME.toml` files by name.
    static func themes() -> [String] {
        let paths = AppPaths(environment: ProcessInfo.processInfo.environment)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: paths.themeDirectory)) ?? []
        let own = files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
        return Theme.builtinNames + own.filter { !Theme.builtinNames.contains($0) }
    }
}
