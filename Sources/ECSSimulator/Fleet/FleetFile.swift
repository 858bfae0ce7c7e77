import ECSAPI
import Foundation

/// Reads fleet files: a `DescribeInstances` response body, `{"Instances":{"Instance":[...]}}`, as dumped from
/// a real account. A bare array of instances is accepted too.
public enum FleetFile {
    /// Loads and validates the instances; the error names the file and the problem in one line.
    public static func load(path: String) throws(ConfigurationError) -> [Instance] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError("fleet file \(path): cannot be read")
        }
        return try parse(Array(data), name: path)
    }

    static func parse(_ bytes: [UInt8], name: String) throws(ConfigurationError) -> [Instance] {
        let json: JSONValue
        do { json = try JSONValue(parsing: bytes) } catch { throw ConfigurationError("fleet file \(name): \(error)") }
        let items: [JSONValue]
        if case .array(let a) = json {
            items = a
        } else if let wrapper = json["Instances"] {
            items = wrapper.unwrappedList("Instance")
        } else {
            throw ConfigurationError("fleet file \(name): expected {\"Instances\":{\"Instance\":[...]}}")
        }
        var seen = Set<String>()
        var out: [Instance] = []
        for (n, item) in items.enumerated() {
            let instance: Instance
            do { instance = try Instance(json: item) } catch {
                throw ConfigurationError("fleet file \(name): instance \(n + 1): \(error)")
            }
            guard !instance.regionId.isEmpty else {
                throw ConfigurationError("fleet file \(name): instance \(instance.instanceId) has no RegionId")
            }
            guard instance.status.isKnown else {
                throw ConfigurationError(
                    "fleet file \(name): instance \(instance.instanceId) has unknown Status '\(instance.status)'")
            }
            guard seen.insert(instance.instanceId).inserted else {
                throw ConfigurationError("fleet file \(name): instance \(instance.instanceId) appears twice")
            }
            out.append(instance)
        }
        return out
    }
}

/// The `--state` file: every instance with its transition, written atomically (temporary file, then rename)
/// so a restart keeps stopped instances stopped.
struct StateStore: Sendable {
    let path: String

    func save(_ records: [SimulatedInstance]) throws {
        let items: [JSONValue] = records.map { sim in
            var o = JSONObjectBuilder()
            o.add("Instance", sim.instance.json)
            if let t = sim.transition {
                o.add("TransitionEndsAt", t.endsAt.timeIntervalSince1970.description)
                o.add("TransitionTo", t.to.rawValue)
            }
            return o.value
        }
        let bytes = JSONValue.object([("Version", .int(1)), ("Instances", .array(items))]).jsonBytes()
        let tmp = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: tmp, contents: Data(bytes)) else {
            throw ConfigurationError("state file \(path): cannot write \(tmp)")
        }
        guard rename(tmp, path) == 0 else {
            unlink(tmp)
            throw ConfigurationError("state file \(path): cannot replace it (errno \(errno))")
        }
    }

    /// The saved instances with their transitions; empty when the file does not exist yet.
    static func load(path: String) throws(ConfigurationError) -> [(Instance, Date?, InstanceStatus?)] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path),
            let json = try? JSONValue(parsing: Array(data)), let items = json["Instances"]?.arrayValue
        else {
            throw ConfigurationError(
                "state file \(path): not a state file this simulator wrote; move it away or pick another path")
        }
        var out: [(Instance, Date?, InstanceStatus?)] = []
        for item in items {
            guard let raw = item["Instance"], let instance = try? Instance(json: raw) else {
                throw ConfigurationError("state file \(path): an entry is not an instance")
            }
            let endsAt = item["TransitionEndsAt"]?.stringValue.flatMap(Double.init).map {
                Date(timeIntervalSince1970: $0)
            }
            out.append((instance, endsAt, item["TransitionTo"]?.stringValue.map(InstanceStatus.init(rawValue:))))
        }
        return out
    }
}
