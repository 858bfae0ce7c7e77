import Foundation

/// The `aliyun` CLI's `config.json`: its profiles with every field as the CLI wrote it.
public struct CLIConfigFile: Sendable {
    /// Where the file is, for messages.
    public var path: String
    /// The profile the CLI uses when none is named.
    public var current: String?
    public var profiles: [Profile]

    /// One profile: its name, mode and fields (`access_key_id`, `ram_role_arn`, ...).
    public struct Profile: Sendable {
        public var name: String
        /// `AK` when the profile names none, as the CLI reads it.
        public var mode: String
        var fields: [String: JSONValue]

        /// A field as text (a number's literal text; `nil` when missing or empty).
        public func string(_ key: String) -> String? {
            switch fields[key] {
            case .string(let s)?: return s.isEmpty ? nil : s
            case .number(let n)?: return n
            case .bool(let b)?: return b ? "true" : "false"
            default: return nil
            }
        }

        /// The profile's `region_id`, if set.
        public var regionId: String? { string("region_id") }
    }

    /// The profile called `name`, if any.
    public func profile(named name: String) -> Profile? { profiles.first { $0.name == name } }

    /// Reads the file. A file that cannot be read or is not the CLI's JSON is an error naming the file.
    public static func load(path: String) throws(AccountError) -> CLIConfigFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AccountError("\(path) cannot be read; check its permissions.")
        }
        return try parse(Array(data), path: path)
    }

    /// Parses the file's bytes; `path` is only for messages.
    public static func parse(_ bytes: [UInt8], path: String) throws(AccountError) -> CLIConfigFile {
        let json: JSONValue
        do { json = try JSONValue(parsing: bytes) } catch {
            throw AccountError("\(path) is not valid JSON (\(error)); fix it or run `aliyun configure` again.")
        }
        guard case .object = json else {
            throw AccountError("\(path) is not an aliyun CLI configuration (expected a JSON object).")
        }
        let profiles = (json["profiles"]?.arrayValue ?? []).compactMap { p -> Profile? in
            guard let name = p["name"]?.stringValue, let members = p.objectValue else { return nil }
            let mode = p["mode"]?.stringValue ?? ""
            return Profile(
                name: name, mode: mode.isEmpty ? "AK" : mode, fields: Dictionary(members) { first, _ in first })
        }
        return CLIConfigFile(
            path: path, current: json["current"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }, profiles: profiles)
    }
}
