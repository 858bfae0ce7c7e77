import ECSAPI

extension SimulatedFleet {
    /// `DescribeInstanceAttribute`: one instance, settled to now, with the errors `StopInstance` gives for a
    /// malformed or unknown ID (a `RegionId`, which the older SDK adds, must be the instance's).
    func describeInstanceAttribute(_ r: DescribeInstanceAttributeRequest, requestId: String) throws(APIError)
        -> JSONValue
    {
        if let region = r.regionId { try checkRegion(region) }
        guard PowerCheck.isWellFormed(r.instanceId) else { throw PowerCheck.malformed(r.instanceId) }
        settle()
        guard let p = table.position(r.instanceId),
            r.regionId == nil || table.records[p].instance.regionId == r.regionId
        else {
            throw PowerCheck.notFound(r.instanceId)
        }
        return InstanceAttribute.json(table.records[p].instance, requestId: requestId)
    }
}
