import ArgumentParser

/// `--output table|json|csv|ids`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, ids
}
