extension JSONReader {
    /// Whether a member name is `name`.
    func key(_ key: Key, is name: StaticString) -> Bool {
        switch key {
        case .raw(let range):
            return range.count == name.utf8CodeUnitCount
                && name.withUTF8Buffer { UnsafeBufferPointer(rebasing: bytes[range]).elementsEqual($0) }
        case .decoded(let text):
            return text == name.description
        }
    }

    /// Reads an object member by member: `member` gets each name and must read that member's value. Any other
    /// value is read and ignored, and the answer is false (as `value["Name"]` gives `nil` on a non-object).
    mutating func readObject(_ member: (inout JSONReader, Key) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError)
        -> Bool
    {
        guard peek() == UInt8(ascii: "{") else {
            _ = try readValue()
            return false
        }
        try enterObject()
        while let key = try nextMember() { try member(&self, key) }
        return true
    }

    /// An ECS list as `JSONValue.unwrappedList(element)` reads it: `{"Element": [...]}`, a single
    /// `{"Element": {...}}`, a bare array, or anything else as empty. `item` reads one element (any value) and
    /// returns `nil` to leave it out.
    mutating func readWrappedList<T>(
        _ element: StaticString,
        _ item: (inout JSONReader) throws(JSONSyntaxError) -> T?
    ) throws(JSONSyntaxError) -> [T] {
        var list: [T] = []
        switch peek() {
        case UInt8(ascii: "[")?:
            try readItems(into: &list, item)
        case UInt8(ascii: "{")?:
            var found = false
            try enterObject()
            while let key = try nextMember() {
                guard !found, self.key(key, is: element) else {
                    _ = try readValue()
                    continue
                }
                found = true
                switch peek() {
                case UInt8(ascii: "[")?: try readItems(into: &list, item)
                case UInt8(ascii: "{")?: if let one = try item(&self) { list.append(one) }
                default: _ = try readValue()
                }
            }
        default:
            _ = try readValue()
        }
        return list
    }

    private mutating func readItems<T>(
        into list: inout [T],
        _ item: (inout JSONReader) throws(JSONSyntaxError) -> T?
    ) throws(JSONSyntaxError) {
        try enterArray()
        while try nextElement() {
            if let one = try item(&self) { list.append(one) }
        }
    }

    /// A list of strings in its wrapper, as `Instance.strings(_:_:)` reads it (numbers and booleans as text).
    mutating func readWrappedStrings(_ element: StaticString) throws(JSONSyntaxError) -> [String] {
        try readWrappedList(element) { (r: inout JSONReader) throws(JSONSyntaxError) in try r.readValue().stringValue }
    }
}
