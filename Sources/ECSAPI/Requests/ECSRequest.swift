/// The OpenAPI version every ECS call names.
public let ecsAPIVersion = "2014-05-26"

/// One ECS API call: its action name, its parameters, and the shape of its answer.
public protocol ECSRequest: Sendable {
    associatedtype Response: JSONConvertible
    /// The `Action`, such as `StopInstances`.
    static var action: String { get }
    /// The region the call is about; `nil` for calls such as `StopInstance` that name none.
    var regionId: String? { get }
    /// The API parameters (without the signature's own).
    var parameters: Parameters { get }
}

/// The actions ECS defines that the product and the simulator speak.
public enum ECSAction {
    public static let describeRegions = "DescribeRegions"
    public static let describeInstances = "DescribeInstances"
    public static let describeInstanceStatus = "DescribeInstanceStatus"
    public static let stopInstances = "StopInstances"
    public static let stopInstance = "StopInstance"
    public static let startInstances = "StartInstances"
    public static let startInstance = "StartInstance"
    /// One instance's attributes (the read SDK waiters poll); only the simulator speaks it so far.
    public static let describeInstanceAttribute = "DescribeInstanceAttribute"

    public static let all = [
        describeRegions, describeInstances, describeInstanceStatus, stopInstances,
        stopInstance, startInstances, startInstance, describeInstanceAttribute,
    ]

    /// Whether the action only reads (and so is always safe to retry).
    public static func isReadOnly(_ action: String) -> Bool { action.hasPrefix("Describe") }
}
