/// The `--regions R1,R2,...` option of `ecs-sim`: region IDs separated by commas.
public enum RegionList {
    /// The region IDs in `text`, in order, each once. Spaces around an ID and empty entries (a trailing comma)
    /// are ignored, but the list must name at least one region: `--regions ,` is a mistake, and quietly falling
    /// back to the default regions would serve a fleet the operator did not ask for.
    public static func parse(_ text: String) throws(ConfigurationError) -> [String] {
        var seen = Set<String>()
        let list = text.split(separator: ",").map { String($0).trimmingSpaces }.filter {
            !$0.isEmpty && seen.insert($0).inserted
        }
        guard !list.isEmpty else {
            throw ConfigurationError(
                "--regions names no region: give region IDs separated by commas, such as cn-hangzhou,cn-shanghai")
        }
        if let bad = list.first(where: { !$0.unicodeScalars.allSatisfy(isRegionCharacter) }) {
            throw ConfigurationError(
                "--regions: '\(bad)' is not a region ID (letters, digits and '-', such as cn-hangzhou)")
        }
        return list
    }

    /// ASCII letters, digits and `-`: what region IDs are made of, and all that may go into a host name built from one.
    static func isRegionCharacter(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "-"
    }
}
