/// Options of the interactive screen.
struct ScreenOptions {
    var theme: String?
    var noColor = false
    var mouse = false
    var readOnly = false
    var refresh = 30
    var allRegions = false
    /// No bell or desktop notification when a long operation ends.
    var quiet = false
}
