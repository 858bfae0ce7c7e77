import Testing
import TerminalUI

@Suite struct TOMLTests {
    @Test func parsesTheSubset() throws {
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

    @Test func windowsLineEndingsAndEmptyInput() throws {
        #expect(try TOML.parse("").map(\.name) == [""])
        let tables = try TOML.parse("[a]\r\nb = 1\r\n")
        #expect(tables[1].entries.first?.value == .integer(1))
    }

    @Test(arguments: [
        ("[a]\nb = 1\n[a]", 3, "table [a] is defined twice"),
        ("[a]\nb = 1\nb = 2", 3, "key 'b' is set twice in [a]"),
        ("x = \"open", 1, "unterminated string"),
        ("\n\nfg = green", 3, "'green' is not a string, integer or boolean (strings need quotes)"),
        ("fg", 1, "expected '=' after key 'fg'"),
        ("fg =", 1, "a value is missing after '='"),
        ("fg = 1 2", 1, "unexpected text after the value: '2'"),
        ("[a", 1, "expected ']' to close the table header"),
        ("[[a]]", 1, "arrays of tables ([[...]]) are not supported"),
        ("a = [1, 2]", 1, "arrays are not supported"),
        ("a = {b = 1}", 1, "inline tables are not supported"),
        ("a = 1.5", 1, "'1.5' is not a string, integer or boolean"),
        ("a = \"\\q\"", 1, "unknown escape '\\q'"),
        ("a = \"\"\"x\"\"\"", 1, "multi-line strings are not supported"),
        ("= 1", 1, "unexpected character '=' where a key was expected"),
    ])
    func errorsNameTheLine(text: String, line: Int, message: String) {
        do {
            _ = try TOML.parse(text)
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.line == line)
            #expect(error.message.hasPrefix(message), "got: \(error.message)")
            #expect(error.description.hasPrefix("line \(line): "))
        }
    }
}
