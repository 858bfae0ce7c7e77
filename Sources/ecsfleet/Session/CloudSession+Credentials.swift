import ECSAPI
import ECSClient
import Logging

extension CloudSession {
    /// Where STS and the metadata service are: `--sts-endpoint` / `ECSFLEET_STS_ENDPOINT` (plain http only to this
    /// machine unless `--insecure-http`, as for `--endpoint`) and `ECSFLEET_METADATA_ENDPOINT`; under `--sandbox`,
    /// both are the embedded simulator.
    static func credentialFetcher(
        _ g: GlobalOptions, environment: [String: String], transport: any HTTPTransport,
        sandboxURL: String?, logger: Logger?
    ) throws(CommandError) -> CredentialFetcher {
        let env = { (name: String) -> String? in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        var sts: Endpoint?
        var metadata = CredentialFetcher.metadataHost
        if let sandboxURL {
            do { sts = try Endpoint(parsing: sandboxURL, insecureHTTP: false) } catch {
                throw .usage("--sandbox: \(error)")
            }
            metadata = sts ?? metadata
        } else {
            if let text = g.stsEndpoint ?? env("ECSFLEET_STS_ENDPOINT") {
                let name = g.stsEndpoint == nil ? "ECSFLEET_STS_ENDPOINT" : "--sts-endpoint"
                do { sts = try Endpoint(parsing: text, insecureHTTP: g.insecureHTTP) } catch {
                    throw .usage("\(name): \(error)")
                }
            }
            if let text = env("ECSFLEET_METADATA_ENDPOINT") {
                // The metadata service is plain http by design (the default is http://100.100.100.200).
                do { metadata = try Endpoint(parsing: text, insecureHTTP: true) } catch {
                    throw .usage("ECSFLEET_METADATA_ENDPOINT: \(error)")
                }
            }
        }
        return CredentialFetcher(
            transport: transport, stsEndpoint: sts, metadataEndpoint: metadata,
            imdsV1Disabled: env("ALIBABA_CLOUD_IMDSV1_DISABLED")?.lowercased() == "true", logger: logger)
    }
}
