// ecsfleet-tui-bench: key press to rendered frame on 100,000 instances.
//
// Run in release: `swift run -c release ecsfleet-tui-bench [--count N] [--samples N] [--json-only]`.
// For each operation a sample is one key press: the key table maps the key to an action, the reducer applies it,
// and `FleetView` renders the whole 200x60 screen. Targets: median < 5 ms, p99 < 16 ms, resident memory < 300 MB.

import ECSAPI
import ECSSimulator
import FleetCore
import FleetViewModel
import FleetTUI
import Foundation
import TerminalUI

// MARK: Options

struct Options {
    var count = 100_000
    var samples = 300
    var jsonOnly = false
    /// Only these operations (`move`, `page`, `mark`, `filter`, `sort`); all when empty.
    var only: Set<String> = []
    var width = 200
    var height = 60

    init(_ arguments: [String]) {
        var i = 0
        func value() -> Int? {
            i += 1
            return i < arguments.count ? Int(arguments[i]) : nil
        }
        while i < arguments.count {
            switch arguments[i] {
            case "--count": count = value() ?? count
            case "--samples": samples = max(200, value() ?? samples)
            case "--json-only": jsonOnly = true
            case "--only":
                i += 1
                if i < arguments.count { only.formUnion(arguments[i].split(separator: ",").map(String.init)) }
            case "-h", "--help":
                print("usage: ecsfleet-tui-bench [--count N] [--samples N (>= 200)] [--only move,page,mark,filter,sort] [--json-only]")
                exit(0)
            default:
                FileHandle.standardError.write(Data("unknown argument \(arguments[i])\n".utf8))
                exit(2)
            }
            i += 1
        }
    }
}

// MARK: Measuring

/// Nanoseconds on a monotonic clock.
@inline(__always) func nanos() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func milliseconds(_ ns: UInt64) -> Double { Double(ns) / 1_000_000 }

/// The resident set size from `/proc/self/status` (`VmRSS`), in MB; nil where there is no such file.
func residentMB() -> Double? {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        let kb = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap { Double($0) }
        return kb.map { $0 / 1024 }
    }
    return nil
}

/// Median and 99th percentile of one operation's samples.
struct Stat {
    var name: String
    var samples: [Double]
    /// The reducer's part (key table included) and the render's part of each sample.
    var reduce: [Double] = []
    var render: [Double] = []
    var sorted: [Double] { samples.sorted() }
    var median: Double {
        let s = sorted
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
    /// Nearest-rank p99.
    var p99: Double {
        let s = sorted
        return s[min(s.count - 1, Int((0.99 * Double(s.count)).rounded(.up)) - 1)]
    }
    var max: Double { samples.max() ?? 0 }
    var meetsTargets: Bool { median < 5 && p99 < 16 }
}

/// The app loop's work for one key, timed: key table, reducer, full-screen render.
struct Session {
    var state: FleetState
    let view = FleetView()
    let keymap = Keymap()
    let theme = Theme.default
    let width: Int, height: Int
    var listOffset = 0
    let now: Date
    /// Defeats dead-code elimination of the rendered frames.
    var checksum = 0
    /// The reducer's and the render's share of each press, in milliseconds.
    var lastReduce = 0.0, lastRender = 0.0

    /// The app's layout at the bench's screen size: pages and the first list row as the app measures them.
    var layout: ScreenLayout { ScreenLayout(width: width, height: height) }
    var pageSize: Int { layout.pageSize }

    /// Renders a frame and keeps its list offset, as the app loop does.
    mutating func render() {
        let frame = view.render(state, theme: theme, width: width, height: height,
                                options: .init(ascii: false, tick: 0, listOffset: listOffset, now: now))
        listOffset = frame.listOffset
        checksum &+= frame.grid[0, layout.listRows.y].text.utf8.count &+ frame.listOffset
    }

    /// One key press, timed in milliseconds. A key that maps to nothing is a bench bug.
    mutating func press(_ key: Key) -> Double {
        let start = nanos()
        guard let action = keymap.action(for: KeyEvent(key), state: state, layout: layout) else {
            fatalError("\(key.name) does nothing in \(KeyContext.of(state))")
        }
        _ = FleetReducer.reduce(&state, action, now: now)
        let reduced = nanos()
        render()
        let end = nanos()
        lastReduce = milliseconds(reduced - start)
        lastRender = milliseconds(end - reduced)
        return milliseconds(end - start)
    }
}

// MARK: Running

let options = Options(Array(CommandLine.arguments.dropFirst()))
let now = Date(timeIntervalSince1970: 1_760_000_000)
let regions = FleetGenerator.defaultRegions
func log(_ text: String) { if !options.jsonOnly { print(text) } }

log("ecsfleet-tui-bench: \(options.count.formatted()) instances in \(regions.joined(separator: ", ")), screen \(options.width)x\(options.height), \(options.samples) samples per operation")

let rssStart = residentMB()
var t = nanos()
let instances = FleetGenerator.generate(count: options.count, regions: regions, seed: 20_251_122, now: now)
let generateMs = milliseconds(nanos() - t)

t = nanos()
let initial = FleetState(profile: "bench", regions: .only(regions), knownRegions: regions, instances: instances,
                         autoRefreshInterval: nil, operationIdPrefix: "bench-")
let buildMs = milliseconds(nanos() - t)
var session = Session(state: initial, width: options.width, height: options.height, now: now)
t = nanos()
session.render()
let firstFrameMs = milliseconds(nanos() - t)
let rssLoaded = residentMB()
precondition(session.state.visible.count == options.count, "every generated instance should be visible")

var stats: [Stat] = []
let n = options.samples
func runs(_ name: String) -> Bool { options.only.isEmpty || options.only.contains(name) }

// Move down: j from the top.
if runs("move") {
    var s: [Double] = [], r: [Double] = [], d: [Double] = []
    for _ in 0..<n { s.append(session.press(.character("j"))); r.append(session.lastReduce); d.append(session.lastRender) }
    stats.append(Stat(name: "move down (j)", samples: s, reduce: r, render: d))
}

// Page down: PgDn, back to the top (not timed) when the end is near.
if runs("page") {
    var s: [Double] = [], r: [Double] = [], d: [Double] = []
    _ = session.press(.character("g"))
    for _ in 0..<n {
        if let p = session.state.cursorPosition, p + session.pageSize >= session.state.visible.count { _ = session.press(.character("g")) }
        s.append(session.press(.pageDown)); r.append(session.lastReduce); d.append(session.lastRender)
    }
    stats.append(Stat(name: "page down (PgDn)", samples: s, reduce: r, render: d))
}

// Mark: Space marks the instance under the cursor and moves down.
if runs("mark") {
    var s: [Double] = [], r: [Double] = [], d: [Double] = []
    _ = session.press(.character("g"))
    for _ in 0..<n { s.append(session.press(.character(" "))); r.append(session.lastReduce); d.append(session.lastRender) }
    stats.append(Stat(name: "mark (Space)", samples: s, reduce: r, render: d))
    _ = session.press(.character("U"))
}

// Filter: `/prod` typed one key at a time (each key re-filters 100,000 instances and redraws), then Esc clears it
// (not counted). Each of the five keys is a sample.
var perKey: [String: [Double]] = [:]
if runs("filter") {
    var s: [Double] = [], r: [Double] = [], d: [Double] = []
    while s.count < n {
        for c in "/prod" {
            let ms = session.press(.character(c))
            s.append(ms); r.append(session.lastReduce); d.append(session.lastRender)
            perKey[String(c), default: []].append(ms)
        }
        _ = session.press(.escape)
    }
    stats.append(Stat(name: "filter keystroke (/prod)", samples: s, reduce: r, render: d))
}

// Sort: `>` moves to the next sort column (ID, Name, Status, ... Last operation, around again); each re-sorts all.
// The first sort by a column ranks its values (kept for the next time): reported apart as "first".
var perColumn: [String: [Double]] = [:]
if runs("sort") {
    var s: [Double] = [], r: [Double] = [], d: [Double] = []
    for _ in 0..<n {
        let ms = session.press(.character(">"))
        s.append(ms); r.append(session.lastReduce); d.append(session.lastRender)
        perColumn[session.state.sort.column.rawValue, default: []].append(ms)
    }
    stats.append(Stat(name: "sort change (>)", samples: s, reduce: r, render: d))
}

let rssEnd = residentMB()

// MARK: Report

func f(_ x: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", x) }
func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
func lpad(_ s: String, _ w: Int) -> String { s.count >= w ? s : String(repeating: " ", count: w - s.count) + s }

let memoryOK = (rssLoaded ?? 0) < 300
if !options.jsonOnly {
    print("")
    print(pad("setup", 34) + lpad("ms", 10))
    print(pad("generate \(options.count.formatted()) instances", 34) + lpad(f(generateMs, 1), 10))
    print(pad("build the FleetState", 34) + lpad(f(buildMs, 1), 10))
    print(pad("first frame (\(options.width)x\(options.height))", 34) + lpad(f(firstFrameMs, 1), 10))
    print(pad("build + first frame", 34) + lpad(f(buildMs + firstFrameMs, 1), 10))
    print("")
    print(pad("key press -> frame", 28) + lpad("samples", 8) + lpad("median ms", 11) + lpad("p99 ms", 9) + lpad("max ms", 9)
          + lpad("reduce med", 12) + lpad("render med", 12) + "  target (<5 / <16)")
    for s in stats {
        print(pad(s.name, 28) + lpad("\(s.samples.count)", 8) + lpad(f(s.median, 3), 11) + lpad(f(s.p99, 3), 9) + lpad(f(s.max, 3), 9)
              + lpad(f(Stat(name: "", samples: s.reduce).median, 3), 12) + lpad(f(Stat(name: "", samples: s.render).median, 3), 12)
              + "  " + (s.meetsTargets ? "ok" : "MISSED"))
    }
    if !perColumn.isEmpty {
        let columns = SortColumn.allCases.compactMap { c -> String? in
            guard let list = perColumn[c.rawValue], let first = list.first else { return nil }
            return "\(c.rawValue) \(f(Stat(name: c.rawValue, samples: list).median, 2)) (first \(f(first, 1)))"
        }
        print("  sort median by column (ms): " + columns.joined(separator: ", "))
    }
    if !perKey.isEmpty {
        let keys = ["/", "p", "r", "o", "d"].map { k in "\(k) \(f(Stat(name: k, samples: perKey[k] ?? [0]).median, 2))" }
        print("  filter median by key (ms): " + keys.joined(separator: ", "))
    }
    print("")
    let mb = { (x: Double?) in x.map { f($0, 1) + " MB" } ?? "n/a" }
    print("resident memory: at start \(mb(rssStart)), after loading \(mb(rssLoaded)) (target < 300 MB: \(memoryOK ? "ok" : "MISSED")), at the end \(mb(rssEnd))")
    print("")
}

var json: [String] = [
    "\"instances\":\(options.count)", "\"width\":\(options.width)", "\"height\":\(options.height)", "\"samples\":\(n)",
    "\"generate_ms\":\(f(generateMs, 1))", "\"build_state_ms\":\(f(buildMs, 1))", "\"first_frame_ms\":\(f(firstFrameMs, 1))",
    "\"rss_loaded_mb\":\(rssLoaded.map { f($0, 1) } ?? "null")", "\"rss_end_mb\":\(rssEnd.map { f($0, 1) } ?? "null")",
]
let keyNames = ["move down (j)": "move_down", "page down (PgDn)": "page_down", "mark (Space)": "mark",
                "filter keystroke (/prod)": "filter_keystroke", "sort change (>)": "sort_change"]
for s in stats {
    let k = keyNames[s.name] ?? s.name
    json.append("\"\(k)\":{\"median_ms\":\(f(s.median, 3)),\"p99_ms\":\(f(s.p99, 3)),\"max_ms\":\(f(s.max, 3)),"
                + "\"reduce_median_ms\":\(f(Stat(name: "", samples: s.reduce).median, 3)),\"render_median_ms\":\(f(Stat(name: "", samples: s.render).median, 3)),"
                + "\"ok\":\(s.meetsTargets)}")
}
let firstSorts = SortColumn.allCases.compactMap { c in perColumn[c.rawValue]?.first }
if let worst = firstSorts.max() { json.append("\"sort_first_by_column_max_ms\":\(f(worst, 1))") }
json.append("\"memory_ok\":\(memoryOK)")
json.append("\"all_ok\":\(memoryOK && stats.allSatisfy(\.meetsTargets))")
print("{" + json.joined(separator: ",") + "}")
if session.checksum == 42 { print("") }
