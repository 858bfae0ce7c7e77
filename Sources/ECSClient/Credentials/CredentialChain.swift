import ECSAPI

/// Runs the default chain's steps (found by `AccountResolver`): the first that yields credentials wins.
public enum CredentialChain {
    /// The credentials in use, from where, and the first ones already fetched (so that a step that cannot work
    /// fails now, before any command starts).
    public struct Resolved: Sendable {
        /// Gives the credentials for each call, renewed when due.
        public var provider: any CredentialProvider
        /// Where they come from, for the header and `--verbose`.
        public var source: CredentialSource
        /// The credentials fetched to prove the step works.
        public var first: Credentials
    }

    /// - Throws: the failing step's error naming it, or, when nothing yielded, one line per step saying why.
    public static func resolve(_ steps: [CredentialStep], fetcher: CredentialFetcher) async throws(CredentialError)
        -> Resolved
    {
        var tried: [String: String] = [:]
        for step in steps {
            switch step.outcome {
            case .skipped:
                continue
            case .use(let source, let recipe):
                let provider = fetcher.provider(recipe, source: source)
                return Resolved(provider: provider, source: source, first: try await provider.credentials())
            case .instanceRoleProbe(let name):
                do throws(InstanceMetadata.Failure) {
                    let (role, first) = try await fetcher.metadata.roleCredentials(name: name)
                    let named = CredentialSource("instance role \(role)")
                    return Resolved(
                        provider: fetcher.provider(.instanceRole(name: role), source: named, initial: first),
                        source: named,
                        first: first.credentials)
                } catch {
                    switch error {
                    case .absent(let why): tried[step.name] = why
                    case .failed(let why): throw CredentialError("instance role\(name.map { " " + $0 } ?? ""): \(why)")
                    }
                }
            }
        }
        throw CredentialError(AccountResolver.explain(steps, tried: tried))
    }
}
