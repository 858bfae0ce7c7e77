/// A JSON array of instances assembled from pieces (a page at a time), without the tree: byte for byte what
/// `JSONValue.array(instances.map(\.json)).jsonText(pretty:)` gives, as UTF-8.
///
/// `elements(_:pretty:)` renders a piece and may run on any task, so pages can be rendered concurrently and
/// appended in order. The text stays in pieces, so the 17 MB of a 10,000-instance listing is never copied into
/// ever larger arrays.
public struct InstanceJSONArray: Sendable {
    public let pretty: Bool
    public private(set) var count = 0
    private var pieces: [ArraySlice<UInt8>] = [[UInt8(ascii: "[")]]

    public init(pretty: Bool) { self.pretty = pretty }

    /// `instances` as array elements, each after a comma (and, when pretty, a new line and the indentation).
    public static func elements(_ instances: [Instance], pretty: Bool) -> [UInt8] {
        // About what a generated instance takes; a wrong guess only costs a reallocation.
        var w = FieldWriter(indent: pretty ? 2 : nil, capacity: instances.count * (pretty ? 1900 : 1000))
        for index in instances.indices {
            w.sink.append(UInt8(ascii: ","))
            w.newline(1)
            instances[index].write(to: &w, level: 1)
        }
        return w.sink.bytes()
    }

    /// Appends a piece from `elements(_:pretty:)` (same `pretty`) holding `count` instances.
    public mutating func append(elements piece: [UInt8], count: Int) {
        guard count > 0 else { return }
        // The array's first element has no comma before it.
        pieces.append(self.count == 0 ? piece.dropFirst() : piece[...])
        self.count += count
    }

    public mutating func append(contentsOf instances: some Collection<Instance>) {
        append(elements: Self.elements(Array(instances), pretty: pretty), count: instances.count)
    }

    /// The whole array, closed, in pieces to be written one after the other.
    public consuming func finish() -> [ArraySlice<UInt8>] {
        pieces.append(pretty && count > 0 ? [0x0A, UInt8(ascii: "]")] : [UInt8(ascii: "]")])
        return pieces
    }
}
