import ECSAPI

/// How FleetCore reaches ECS. The product passes the real client; tests may pass anything that answers.
public protocol ECSService: Sendable {
    /// Sends one call; a passed dry run throws `.dryRunPassed`.
    func send<R: ECSRequest>(_ request: R) async throws(ECSCallError) -> R.Response
}
