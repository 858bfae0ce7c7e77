/// A wire model that converts to and from the ECS JSON tree.
public protocol JSONConvertible: Codable, Sendable {
    /// Reads the model from the API's JSON, ignoring (or keeping) unknown members.
    init(json: JSONValue) throws(WireFormatError)
    /// The API's JSON for this model.
    var json: JSONValue { get }
    /// Reads the model from a JSON document. The default parses the tree, then `init(json:)`; a model may read
    /// the bytes directly instead, as long as it accepts and rejects exactly what the default does.
    init(jsonBytes: some Collection<UInt8>) throws(WireFormatError)
}

extension JSONConvertible {
    public init(from decoder: any Decoder) throws {
        try self.init(json: JSONValue(from: decoder))
    }
    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }

    /// Parses the model from a JSON document.
    public init(jsonBytes: some Collection<UInt8>) throws(WireFormatError) {
        try self.init(parsingTree: jsonBytes)
    }

    /// The reference reading: the whole tree, then `init(json:)`. Direct readers fall back to it, so their
    /// answers and errors are this one's.
    init(parsingTree jsonBytes: some Collection<UInt8>) throws(WireFormatError) {
        let value: JSONValue
        do { value = try JSONValue(parsing: jsonBytes) } catch { throw WireFormatError("\(error)") }
        try self.init(json: value)
    }
}

/// A document that parsed as JSON but does not have the shape the API promises.
public struct WireFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
