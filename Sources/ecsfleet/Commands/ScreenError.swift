/// The screen could not start; the text says why.
struct ScreenError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
