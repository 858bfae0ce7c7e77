import Foundation

/// How to obtain credentials, as a value: what a profile, the environment or the credentials file describes.
/// The client turns a recipe into calls (STS, the metadata service, a command); nothing here does I/O.
public indirect enum CredentialRecipe: Sendable, Equatable {
    /// A key (and maybe an STS token) used as it is.
    case fixed(Credentials)
    /// STS `AssumeRole` signed with the credentials `source` yields.
    case assumeRole(source: CredentialRecipe, role: RoleRequest, sts: STSLocation)
    /// STS `AssumeRoleWithOIDC` with the token read from a file at each renewal (the file is rotated by its owner).
    case oidc(OIDCRequest, sts: STSLocation)
    /// The instance RAM role from the metadata service; `nil` asks the service for the role's name.
    case instanceRole(name: String?)
    /// `GET` of a URL that answers like the metadata service.
    case uri(String)
    /// A command whose standard output is the credentials as JSON.
    case external(command: String)
    /// STS credentials the `aliyun` CLI cached after a `CloudSSO` or `OAuth` sign-in, usable until `expiration`.
    case cached(Credentials, expiration: Date, mode: String)
}

/// The parameters of an `AssumeRole` call.
public struct RoleRequest: Sendable, Equatable {
    public var roleArn: String
    public var sessionName: String
    /// How long the credentials live (900 at least).
    public var durationSeconds: Int
    public var policy: String?
    public var externalId: String?

    public init(
        roleArn: String, sessionName: String, durationSeconds: Int = 3600, policy: String? = nil,
        externalId: String? = nil
    ) {
        self.roleArn = roleArn
        self.sessionName = sessionName
        self.durationSeconds = durationSeconds
        self.policy = policy
        self.externalId = externalId
    }
}

/// The parameters of an `AssumeRoleWithOIDC` call; the token itself is read from `tokenFile` when the call is made.
public struct OIDCRequest: Sendable, Equatable {
    public var roleArn: String
    public var providerArn: String
    public var tokenFile: String
    public var sessionName: String
    public var durationSeconds: Int
    public var policy: String?

    public init(
        roleArn: String, providerArn: String, tokenFile: String, sessionName: String, durationSeconds: Int = 3600,
        policy: String? = nil
    ) {
        self.roleArn = roleArn
        self.providerArn = providerArn
        self.tokenFile = tokenFile
        self.sessionName = sessionName
        self.durationSeconds = durationSeconds
        self.policy = policy
    }
}

/// Which STS endpoint a profile asks for: `sts.aliyuncs.com`, or `sts.<region>.aliyuncs.com`, with the prefix
/// `sts-vpc` inside a VPC.
public struct STSLocation: Sendable, Equatable {
    /// `nil`: the central endpoint.
    public var region: String?
    public var vpc: Bool

    public init(region: String? = nil, vpc: Bool = false) {
        self.region = region
        self.vpc = vpc
    }

    /// The host name of the endpoint.
    public var host: String {
        let prefix = vpc ? "sts-vpc" : "sts"
        guard let region, !region.isEmpty else { return "\(prefix).aliyuncs.com" }
        return "\(prefix).\(region).aliyuncs.com"
    }

    /// The location the environment names (`ALIBABA_CLOUD_STS_REGION`, `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED=true`),
    /// used where the profile names none.
    public static func from(environment: [String: String], region: String? = nil, vpc: Bool? = nil) -> STSLocation {
        let envRegion = environment["ALIBABA_CLOUD_STS_REGION"].flatMap { $0.isEmpty ? nil : $0 }
        let envVPC = environment["ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED"]?.lowercased() == "true"
        return STSLocation(region: region.flatMap { $0.isEmpty ? nil : $0 } ?? envRegion, vpc: vpc ?? envVPC)
    }
}
