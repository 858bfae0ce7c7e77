import ECSAPI
import Foundation
import Synchronization

/// The append-only record of every operation: JSON Lines at `$XDG_STATE_HOME/ecsfleet/journal.jsonl`
/// (default `~/.local/state/ecsfleet/`; `AppPaths.journal`). One record before each call is sent, one after each answer and
/// each final outcome; every record is written, flushed and `fsync`ed before the engine goes on, so a crash
/// never leaves an operator guessing what was sent.
public final class Journal: Sendable {
    public let path: String
    private let lock = Mutex<Int32>(-1)

    /// Opens (creating folders and the file, mode 0600) for appending.
    public init(path: String) throws(JournalError) {
        self.path = path
        let dir = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw JournalError("cannot create \(dir): \(error.localizedDescription)")
        }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw JournalError(
                "cannot open \(path) for writing (errno \(errno)); check its permissions or set XDG_STATE_HOME")
        }
        // A crash can leave a torn last line; end it so the next record starts on a line of its own.
        var last: UInt8 = 0x0A
        let reader = open(path, O_RDONLY | O_CLOEXEC)
        if reader >= 0 {
            if lseek(reader, -1, SEEK_END) >= 0, systemRead(reader, &last, 1) != 1 { last = 0x0A }
            close(reader)
        }
        if last != 0x0A {
            var newline: UInt8 = 0x0A
            _ = write(fd, &newline, 1)
        }
        lock.withLock { $0 = fd }
    }

    deinit { lock.withLock { if $0 >= 0 { close($0) } } }

    /// Appends one record and makes it durable.
    public func append(_ record: JournalRecord) throws(JournalError) {
        var line = record.json.jsonBytes()
        line.append(0x0A)
        let ok = lock.withLock { fd -> Bool in
            var offset = 0
            while offset < line.count {
                let n = line[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return fsync(fd) == 0
        }
        guard ok else { throw JournalError("cannot write to \(path) (errno \(errno)); the disk may be full") }
    }

    /// Every record in the file, oldest first. Lines that cannot be read (a torn last line after a crash) are skipped.
    public static func read(path: String) throws(JournalError) -> [JournalRecord] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else { throw JournalError("cannot read \(path)") }
        return data.split(separator: 0x0A).compactMap { line in
            (try? JSONValue(parsing: line)).flatMap(JournalRecord.init(json:))
        }
    }
}

/// The journal cannot be written or read; the text says where and why.
public struct JournalError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
