import ECSAPI

extension SimulatedFleet {
    /// Renders every instance's JSON now, spread over every core, so the first listing of a region costs what
    /// the later ones do (rendering is most of a page's cost the first time an instance is shown). Meant for
    /// startup; an instance that changed while this ran keeps rendering lazily.
    func prerender() async {
        let instances = table.records.map(\.instance)
        let chunk = 1024
        let rendered = await withTaskGroup(of: (Int, [[UInt8]]).self) { group in
            for start in stride(from: 0, to: instances.count, by: chunk) {
                let part = Array(instances[start..<min(start + chunk, instances.count)])
                group.addTask { (start, part.map { $0.json.jsonBytes() }) }
            }
            var all = [[UInt8]](repeating: [], count: instances.count)
            for await (start, part) in group {
                for (k, bytes) in part.enumerated() { all[start + k] = bytes }
            }
            return all
        }
        for p in rendered.indices where p < table.records.count && table.records[p].instance == instances[p] {
            table.adopt(rendered[p], at: p)
        }
    }
}
