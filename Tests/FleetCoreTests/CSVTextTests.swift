import FleetCore
import Testing

@Suite struct CSVTextTests {
    @Test func quotesCommasAndQuotesAndEndsLinesWithCRLF() {
        var csv = CSVText(header: ["InstanceId", "InstanceName"])
        csv.add(["i-1", "web, \"blue\""])
        #expect(csv.text == "InstanceId,InstanceName\r\ni-1,\"web, \"\"blue\"\"\"\r\n")
    }

    @Test func controlCharactersAndFormulasAreDefused() {
        var csv = CSVText(header: ["a", "b", "c"])
        csv.add(["line\none\u{1B}[31m", "=HYPERLINK(\"x\")", "@cmd"])
        #expect(csv.text.hasSuffix("line one [31m,\"'=HYPERLINK(\"\"x\"\")\",'@cmd\r\n"))
    }
}
