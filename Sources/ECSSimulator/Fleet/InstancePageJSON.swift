import ECSAPI

/// A `DescribeInstances` answer ready to be written as JSON: the paging fields and each instance's cached JSON
/// object. Its bytes are exactly those of `DescribeInstancesResponse.json.jsonBytes()` for the same answer
/// (the tests compare them), so clients cannot tell which path wrote a page.
///
/// The fleet actor only gathers the cached objects; the copying into one body happens outside it, so pages are
/// assembled on every core at once.
struct InstancePageJSON: Sendable {
    var requestId: String
    var totalCount: Int
    var pageNumber: Int?
    var pageSize: Int?
    var nextToken: String?
    /// Each instance's compact JSON object, in page order.
    var instances: [[UInt8]]

    /// The response body.
    func bytes() -> [UInt8] {
        // The paging fields go through the shared writer, in `DescribeInstancesResponse.json`'s order, so their
        // escaping and number formatting are the same; only the instance list is spliced in.
        var head = JSONObjectBuilder()
        head.add("RequestId", requestId)
        head.add("TotalCount", totalCount)
        head.add("PageNumber", pageNumber)
        head.add("PageSize", pageSize)
        head.add("NextToken", nextToken)
        var out = head.value.jsonBytes()
        out.removeLast() // the object's closing brace: the list comes before it
        out.reserveCapacity(out.count + instances.reduce(64) { $0 + $1.count + 1 })
        out.append(contentsOf: #","Instances":{"Instance":["#.utf8)
        for (n, instance) in instances.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: instance)
        }
        out.append(contentsOf: "]}}".utf8)
        return out
    }
}
