/// Why a JSON document could not be read.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Byte offset of the problem.
    public var offset: Int
    public var reason: String
    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}

extension JSONValue {
    /// Parses a complete JSON document (RFC 8259). Strings must be valid UTF-8.
    public init(parsing bytes: some Collection<UInt8>) throws(JSONSyntaxError) {
        self = try JSONReader.withReader(bytes) { (reader: inout JSONReader) throws(JSONSyntaxError) in
            let value = try reader.readValue()
            try reader.expectEnd()
            return value
        }
    }

    /// Parses a complete JSON document from text.
    public init(parsing text: String) throws(JSONSyntaxError) {
        try self.init(parsing: Array(text.utf8))
    }
}
