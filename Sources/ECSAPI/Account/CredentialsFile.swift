import Foundation

/// `~/.alibabacloud/credentials.ini` (or `ALIBABA_CLOUD_CREDENTIALS_FILE`): sections of `key = value` lines, each
/// with a `type` of `access_key`, `ram_role_arn`, `oidc_role_arn` or `ecs_ram_role`.
public struct CredentialsFile: Sendable {
    /// Where the file is, for messages.
    public var path: String
    /// Sections by name, each a map of its keys.
    public var sections: [String: [String: String]]

    /// Parses the text. `#` and `;` start comments; a line that is neither a section, a key nor a comment is an
    /// error naming its line.
    public static func parse(_ text: String, path: String) throws(AccountError) -> CredentialsFile {
        var sections: [String: [String: String]] = [:]
        var current: String?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else {
                    throw AccountError("\(path): line \(index + 1): a section header must end with ']'.")
                }
                let name = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                current = name
                if sections[name] == nil { sections[name] = [:] }
                continue
            }
            guard let eq = line.firstIndex(of: "="), let section = current else {
                throw AccountError("\(path): line \(index + 1) is not `key = value` inside a [section].")
            }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            sections[section]?[key] = value
        }
        return CredentialsFile(path: path, sections: sections)
    }

    /// How the section `name` obtains credentials, and how to name it on screen.
    public func recipe(section name: String, environment: [String: String], now: Date) throws(AccountError) -> (
        CredentialRecipe, CredentialSource
    ) {
        guard let s = sections[name] else {
            let names = sections.keys.sorted().joined(separator: ", ")
            throw AccountError(
                "\(path) has no section [\(name)] (sections: \(names.isEmpty ? "none" : names)); set ALIBABA_CLOUD_PROFILE to one of them."
            )
        }
        let type = s["type"] ?? ""
        func field(_ key: String) throws(AccountError) -> String {
            guard let v = s[key], !v.isEmpty else {
                throw AccountError("\(path): section [\(name)] (type \(type)) has no \(key).")
            }
            return v
        }
        let sessionName = s["role_session_name"].flatMap { $0.isEmpty ? nil : $0 } ?? CLIConfigFile.sessionName(now)
        let policy = s["policy"].flatMap { $0.isEmpty ? nil : $0 }
        let label = "credentials file [\(name)] (\(type)"
        switch type {
        case "access_key":
            return (
                .fixed(
                    Credentials(
                        accessKeyId: try field("access_key_id"), accessKeySecret: try field("access_key_secret"))),
                CredentialSource(label + ")")
            )
        case "ram_role_arn":
            let key = Credentials(
                accessKeyId: try field("access_key_id"), accessKeySecret: try field("access_key_secret"))
            let role = RoleRequest(roleArn: try field("role_arn"), sessionName: sessionName, policy: policy)
            return (
                .assumeRole(source: .fixed(key), role: role, sts: .from(environment: environment)),
                CredentialSource(label + " → " + CredentialSource.shortRole(role.roleArn) + ")")
            )
        case "oidc_role_arn":
            let request = OIDCRequest(
                roleArn: try field("role_arn"), providerArn: try field("oidc_provider_arn"),
                tokenFile: try field("oidc_token_file_path"), sessionName: sessionName, policy: policy)
            return (
                .oidc(request, sts: .from(environment: environment)),
                CredentialSource(label + " → " + CredentialSource.shortRole(request.roleArn) + ")")
            )
        case "ecs_ram_role":
            let role = s["role_name"].flatMap { $0.isEmpty ? nil : $0 }
            return (
                .instanceRole(name: role), CredentialSource(label + (role.map { " → instance role \($0)" } ?? "") + ")")
            )
        default:
            throw AccountError(
                "\(path): section [\(name)] has type '\(type)'; use access_key, ram_role_arn, oidc_role_arn or ecs_ram_role."
            )
        }
    }
}
