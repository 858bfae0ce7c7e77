import FleetCore
import FleetViewModel
import Foundation

/// Opening the journal for a command, with a reason an operator can act on when it cannot be written (the
/// underlying error may be Foundation's "NSCocoaErrorDomain error 512", which says nothing).
enum JournalAccess {
    /// The journal at `path`, open for appending. `consequence` ends the message ("Nothing was sent.").
    static func open(path: String, consequence: String) throws(CommandError) -> Journal {
        do { return try Journal(path: path) } catch {
            throw .usage(
                "The journal \(path) cannot be written: \(reason(path: path, error: error)). Set XDG_STATE_HOME to a writable directory (the journal is $XDG_STATE_HOME/ecsfleet/journal.jsonl). \(consequence)"
            )
        }
    }

    /// What stands in the way: a directory where the file should be, a file where a directory should be, or a
    /// directory that cannot be written to. As root every directory is writable, so only the first two show there.
    static func reason(path: String, error: JournalError) -> String {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return "it is a directory" }
            if access(path, W_OK) != 0 { return "permission denied" }
            return plain(error)
        }
        var dir = (path as NSString).deletingLastPathComponent
        while dir.count > 1, !files.fileExists(atPath: dir) { dir = (dir as NSString).deletingLastPathComponent }
        if files.fileExists(atPath: dir, isDirectory: &isDirectory), !isDirectory.boolValue {
            return "\(dir) is a file, not a directory"
        }
        if access(dir, W_OK) != 0 { return "\(dir) is not writable (permission denied)" }
        return plain(error)
    }

    /// The journal's own words, unless they are Foundation's opaque error domain text.
    static func plain(_ error: JournalError) -> String {
        let text = error.description
        return text.contains("NSCocoaErrorDomain") || text.contains("Error Domain")
            ? "it cannot be created there" : text
    }
}
