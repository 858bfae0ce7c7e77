import Foundation
import Logging
import Synchronization

/// Log lines appended to a file, so the interactive screen never shows log output.
struct FileLogHandler: LogHandler {
    let label: String
    let sink: LogFile
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        sink.write("\(SignatureTime.now()) \(event.level) \(label): \(event.message)\n")
    }
}

/// One open log file shared by every logger.
final class LogFile: Sendable {
    private let handle: Mutex<FileHandle?>

    init(path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        let h = FileHandle(forWritingAtPath: path)
        h?.seekToEndOfFile()
        handle = Mutex(h)
    }

    func write(_ text: String) { handle.withLock { $0?.write(Data(text.utf8)) } }
}

enum SignatureTime {
    static func now() -> String {
        ISO8601DateFormatter.string(from: Date(), timeZone: .gmt, formatOptions: [.withInternetDateTime])
    }
}
