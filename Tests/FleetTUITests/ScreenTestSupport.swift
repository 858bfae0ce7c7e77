import ECSAPI
import FleetTUI
import FleetViewModel
import Foundation
import TerminalUI
import Testing

@testable import FleetCore

/// A terminal size the screen tests render at.
struct ScreenSize: Sendable, CustomTestStringConvertible {
    var width: Int
    var height: Int
    init(_ width: Int, _ height: Int) {
        self.width = width
        self.height = height
    }
    var testDescription: String { "\(width)x\(height)" }

    static let small = ScreenSize(80, 24)
    static let large = ScreenSize(200, 60)
    static let both = [small, large]
}

/// Helpers for the screen tests, in one namespace.
enum UI {
    static let t0 = Date(timeIntervalSince1970: 1_760_000_000)
    /// Frames are rendered a little after the actions, so banners (5 s to 12 s) have gone unless asked for.
    static let later = t0.addingTimeInterval(30)
    static let hangzhou = "cn-hangzhou"
    static let shanghai = "cn-shanghai"
    static let theme = Theme.default

    static let cjkName = "生产-网关-01"
    static let evilName = "\u{1B}[31mred\u{7}"

    /// `i-bp01`...: running, pay-as-you-go VPC instances; `env=prod` on even numbers, `env=dev` on odd ones.
    static func instance(
        _ n: Int, _ status: InstanceStatus = .running, region: String = hangzhou, name: String? = nil,
        _ configure: (inout Instance) -> Void = { _ in }
    ) -> Instance {
        var i = Instance(instanceId: id(n))
        i.regionId = region
        i.zoneId = region + (n % 2 == 0 ? "-h" : "-i")
        i.status = status
        i.instanceName = name ?? String(format: "web-%02d", n)
        i.instanceType = n % 3 == 0 ? "ecs.c7.large" : "ecs.g7.large"
        i.instanceChargeType = "PostPaid"
        i.cpu = 2
        i.memory = 8192
        i.vpcAttributes = .init(vpcId: "vpc-main", vSwitchId: "vsw-1", privateIpAddresses: ["172.16.0.\(n)"])
        i.tags = [.init(key: "env", value: n % 2 == 0 ? "prod" : "dev"), .init(key: "app", value: "web")]
        configure(&i)
        return i
    }

    static func id(_ n: Int) -> String { String(format: "i-bp%02d", n) }

    /// The hand-made fleet: 1...10 in Hangzhou (3, 6 stopped; 9 named in CJK; 10 named with escape sequences),
    /// 11...14 in Shanghai (13 stopped).
    static func fleet() -> [Instance] {
        var list: [Instance] = []
        for n in 1...10 {
            let name: String? = n == 9 ? cjkName : n == 10 ? evilName : nil
            list.append(instance(n, n == 3 || n == 6 ? .stopped : .running, name: name))
        }
        for n in 11...14 { list.append(instance(n, n == 13 ? .stopped : .running, region: shanghai)) }
        return list
    }

    /// The fleet's names as the screen may show them (sanitised).
    static var fleetNames: [String] { fleet().map { Sanitizer.clean($0.instanceName) } }

    /// A session over both regions with `fleet()` loaded.
    static func state(
        _ instances: [Instance] = fleet(), readOnly: Bool = false, sandbox: Bool = false,
        regions: [String] = [hangzhou, shanghai], safety: PowerSafety = .allowAll
    ) -> FleetState {
        FleetState(
            profile: "prod-admin", regions: .only(regions), instances: instances, readOnly: readOnly, sandbox: sandbox,
            safety: safety, autoRefreshInterval: nil, operationIdPrefix: "t-")
    }

    @discardableResult
    static func reduce(_ s: inout FleetState, _ actions: FleetAction..., now: Date = t0) -> [FleetEffect] {
        actions.flatMap { FleetReducer.reduce(&s, $0, now: now) }
    }

    @discardableResult
    static func reduce(_ s: inout FleetState, all actions: [FleetAction], now: Date = t0) -> [FleetEffect] {
        actions.flatMap { FleetReducer.reduce(&s, $0, now: now) }
    }

    /// Types a filter as the operator would (`/`, each character, then Enter).
    static func filter(_ s: inout FleetState, _ text: String, apply: Bool = true) {
        reduce(&s, .beginFilter)
        var typed = ""
        for c in text {
            typed.append(c)
            reduce(&s, .editFilter(typed))
        }
        if apply { reduce(&s, .applyFilter) }
    }

    /// Moves the cursor to instance `n` and marks it.
    static func mark(_ s: inout FleetState, _ ns: Int...) {
        for n in ns { reduce(&s, .moveTo(instanceId: id(n)), .toggleMark) }
    }

    /// Renders a frame; every frame is checked for control characters.
    static func render(
        _ s: FleetState, _ size: ScreenSize, ascii: Bool = false, theme: Theme = theme, now: Date = later,
        keymap: Keymap = Keymap(), sourceLocation: SourceLocation = #_sourceLocation
    ) -> Grid {
        let frame = FleetView(keymap: keymap).render(
            s, theme: theme, width: size.width, height: size.height,
            options: .init(ascii: ascii, tick: 0, listOffset: 0, now: now))
        #expect(frame.grid.width == size.width && frame.grid.height == size.height, sourceLocation: sourceLocation)
        expectNoControlCharacters(frame.grid, sourceLocation: sourceLocation)
        return frame.grid
    }

    /// The app's layout of a screen this size.
    static func layout(_ size: ScreenSize) -> ScreenLayout { ScreenLayout(width: size.width, height: size.height) }

    /// Presses `key` as the app would on a screen of `size`: the keymap maps it, the reducer applies it.
    /// Returns whether the key did something.
    @discardableResult
    static func press(_ key: Key, _ s: inout FleetState, _ size: ScreenSize, keymap: Keymap = Keymap()) -> Bool {
        guard let action = keymap.action(for: KeyEvent(key), state: s, layout: layout(size)) else { return false }
        reduce(&s, action)
        return true
    }

    /// Every screenful of the open overlay, from where it is to its end, paging down with `PgDn` until the
    /// state stops changing (at most 50 pages).
    static func pages(
        _ s: FleetState, _ size: ScreenSize, ascii: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
    ) -> [Grid] {
        var s = s
        var grids = [render(s, size, ascii: ascii, sourceLocation: sourceLocation)]
        for _ in 0..<50 {
            let before = s
            press(.pageDown, &s, size)
            if s == before { break }
            grids.append(render(s, size, ascii: ascii, sourceLocation: sourceLocation))
        }
        return grids
    }

    /// The hint bar (the last line).
    static func hintBar(_ grid: Grid) -> String { grid.lines[grid.height - 1] }

    /// No cell holds a C0/C1 control character or a bidi override (nothing that a terminal would act on).
    static func expectNoControlCharacters(_ grid: Grid, sourceLocation: SourceLocation = #_sourceLocation) {
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let bad = grid[x, y].text.unicodeScalars.filter { s in
                    s.value < 0x20 || (0x7F...0x9F).contains(s.value) || (0x202A...0x202E).contains(s.value)
                        || (0x2066...0x2069).contains(s.value)
                }
                #expect(
                    bad.isEmpty, "control character U+\(String(bad.first?.value ?? 0, radix: 16)) at \(x),\(y)",
                    sourceLocation: sourceLocation)
            }
        }
    }

    /// Characters outside ASCII that are not part of an instance name: `[(x, y, text)]`.
    static func nonASCII(_ grid: Grid, allowing names: [String] = fleetNames) -> [(x: Int, y: Int, text: String)] {
        let allowed = Set(names.flatMap { $0.unicodeScalars.filter { !$0.isASCII } })
        var out: [(x: Int, y: Int, text: String)] = []
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if cell.text.unicodeScalars.contains(where: { !$0.isASCII && !allowed.contains($0) }) {
                    out.append((x, y, cell.text))
                }
            }
        }
        return out
    }

    /// Where `text` starts on screen (column of its first cell, row), searching rows top to bottom.
    static func find(_ text: String, in grid: Grid, from row: Int = 0) -> (x: Int, y: Int)? {
        let needle = text.map(String.init)
        guard !needle.isEmpty else { return nil }
        for y in max(0, row)..<grid.height {
            let cells = (0..<grid.width).compactMap { x -> (x: Int, text: String)? in
                grid[x, y].isContinuation ? nil : (x, grid[x, y].text)
            }
            guard cells.count >= needle.count else { continue }
            for i in 0...(cells.count - needle.count) where cells[i].text == needle[0] {
                if (1..<needle.count).allSatisfy({ cells[i + $0].text == needle[$0] }) { return (cells[i].x, y) }
            }
        }
        return nil
    }

    /// The row holding `text`.
    static func row(_ text: String, in grid: Grid) -> Int? { find(text, in: grid)?.y }

    /// The line holding `text` (searching from `row`), or "" (for messages).
    static func line(_ text: String, in grid: Grid, from row: Int = 0) -> String {
        find(text, in: grid, from: row).map { grid.lines[$0.y] } ?? ""
    }

    /// The stop dialog's line for instance `n` (the list behind the dialog may show the same ID higher up).
    static func dialogLine(_ n: Int, in grid: Grid) -> String {
        guard let top = row(" targets: ", in: grid) else { return "" }
        return line(id(n) + "    ", in: grid, from: top)
    }

    /// `text` cut as a column `columns` wide cuts it: the text that must show at least.
    static func cut(_ text: String, _ columns: Int) -> String { String(text.prefix(columns)) }

    /// The style of the first cell of `text`.
    static func style(of text: String, in grid: Grid, from row: Int = 0) -> Style? {
        find(text, in: grid, from: row).map { grid.style(at: $0.x, y: $0.y) }
    }

    /// Whether the screen shows `text` somewhere.
    static func shows(_ text: String, _ grid: Grid) -> Bool { find(text, in: grid) != nil }

    /// The whole screen, for failure messages.
    static func dump(_ grid: Grid) -> String { "\n" + grid.lines.joined(separator: "\n") }

    /// A row's style in role `role` over the ordinary row style.
    static func rowStyle(_ role: ThemeRole, theme: Theme = theme) -> Style { theme[.row].patched(with: theme[role]) }
}

/// Failure messages show a grid as the screen a person would see, not as a list of cells.
extension Grid: CustomTestStringConvertible {
    public var testDescription: String { "\n" + lines.joined(separator: "\n") }
}
