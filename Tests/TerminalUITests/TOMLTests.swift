import TerminalUI
import Testing

@Suite struct TOMLTests {
    @Test func readsSectionsInFileOrderWithTheirLines() throws {
        let text = """
            # a comment
            description = "A \\"quoted\\" word\\tand \\u00e9" # trailing comment
            extends = 'default'

            [status.running]
            fg = "green"   # colour
            bold = true
            count = -1_000
            "quoted.key" = false

            [ header ]
            bg = 208
            """
        let tables = try TOML.parse(text)
        #expect(tables.map(\.name) == ["", "status.running", "header"])
        #expect(tables[0].entries.map(\.value) == [.string("A \"quoted\" word\tand é"), .string("default")])
        #expect(tables[1].line == 5)
        #expect(tables[1].entries.map(\.key) == ["fg", "bold", "count", "quoted.key"])
        #expect(tables[1].entries.map(\.value) == [.string("green"), .boolean(true), .integer(-1000), .boolean(false)])
        #expect(tables[1].entries.map(\.line) == [6, 7, 8, 9])
        #expect(tables[2].entries == [TOMLEntry(key: "bg", value: .integer(208), line: 12)])
    }

    @Test func arraysAndTheirLines() throws {
        let tables = try TOML.parse(
            "[keys]\nstop = \"X\"\nmark = [\"space\", \"x\"]\nquit = [\n  \"q\",\n  \",\",\n]\n")
        #expect(
            tables[1].entries == [
                TOMLEntry(key: "stop", value: .string("X"), line: 2),
                TOMLEntry(key: "mark", value: .array([.string("space"), .string("x")]), line: 3),
                TOMLEntry(key: "quit", value: .array([.string("q"), .string(",")]), line: 4),
            ])
    }

    @Test func emptyHeadersAreSectionsButDottedPrefixesAreNot() throws {
        let tables = try TOML.parse("[row]\n\n[dialog.border]\nfg = 1\n[dialog]\n[a]\nb.c = 2\nd = { e = 3 }\n")
        #expect(tables.map(\.name) == ["", "row", "dialog.border", "dialog", "a", "a.b", "a.d"])
        #expect(tables.first { $0.name == "a.b" }?.entries == [TOMLEntry(key: "c", value: .integer(2), line: 7)])
        #expect(tables.first { $0.name == "a.d" }?.entries == [TOMLEntry(key: "e", value: .integer(3), line: 8)])
    }

    @Test func windowsLineEndingsAndEmptyInput() throws {
        #expect(try TOML.parse("").map(\.name) == [""])
        let tables = try TOML.parse("[a]\r\nb = 1\r\nc = 2\r\n")
        #expect(tables[1].entries.map(\.value) == [.integer(1), .integer(2)])
        #expect(tables[1].entries.map(\.line) == [2, 3])
    }

    @Test func multiLineStringsDoNotHideOrInventKeys() throws {
        let tables = try TOML.parse("a = \"\"\"\nb = 1\n\"\"\"\nc = 2\n")
        #expect(
            tables[0].entries == [
                TOMLEntry(key: "a", value: .string("b = 1\n"), line: 1),
                TOMLEntry(key: "c", value: .integer(2), line: 4),
            ])
    }

    @Test(arguments: [
        ("[a]\nb = 1\n[a]", 3),
        ("[a]\nb = 1\nb = 2", 3),
        ("x = \"open", 1),
        ("\n\nfg = green", 3),
        ("fg", 1),
        ("fg =", 1),
        ("fg = 1 2", 1),
        ("[a", 1),
        ("a = \"\\q\"", 1),
        ("= 1", 1),
    ])
    func syntaxErrorsNameTheLine(text: String, line: Int) {
        do {
            _ = try TOML.parse(text)
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(!error.message.isEmpty)
            #expect(error.description.hasPrefix("line \(line): "))
        }
    }

    @Test(arguments: [
        ("\n[a]\nx = 1.5", 3, "'x' is a floating-point number"),
        ("when = 2024-01-01", 1, "'when' is a date"),
        ("[[a]]\nb = 1", 1, "'a' is an array of tables"),
        ("\nk = [1, 2.5]", 2, "'k' is a floating-point number"),
    ])
    func unsupportedValuesNameTheLine(text: String, line: Int, message: String) {
        do {
            _ = try TOML.parse(text)
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.message.hasPrefix(message), "got: \(error.message)")
        }
    }
}
