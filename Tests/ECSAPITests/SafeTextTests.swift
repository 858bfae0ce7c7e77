import ECSAPI
import Testing

/// Messages that quote untrusted text: nothing in them can act on a terminal.
@Suite("SafeText")
struct SafeTextTests {
    @Test("Control, C1 and bidi characters become visible escapes; the rest is kept")
    func escapes() {
        #expect(SafeText.escaped("cn-\u{1B}[2Jhangzhou") == "cn-\\u{1B}[2Jhangzhou")
        #expect(SafeText.escaped("a\u{07}b\u{7F}c\u{9B}31m") == "a\\u{7}b\\u{7F}c\\u{9B}31m")
        #expect(SafeText.escaped("x\u{202E}gnp.exe\u{2066}\u{2069}") == "x\\u{202E}gnp.exe\\u{2066}\\u{2069}")
        #expect(
            SafeText.escaped("\u{200E}\u{200F}\u{061C}\u{2028}\u{2029}")
                == "\\u{200E}\\u{200F}\\u{61C}\\u{2028}\\u{2029}")
        #expect(SafeText.escaped("生产-网关 i-bp1 ok é 😀") == "生产-网关 i-bp1 ok é 😀")
        #expect(SafeText.escaped("") == "")
    }

    @Test("Newlines are escaped (one message, one line) unless the program wrote them")
    func newlines() {
        #expect(SafeText.escaped("a\nb\r\tc") == "a\\u{A}b\\u{D}\\u{9}c")
        #expect(SafeText.escaped("line one\nline \u{1B}two", keepingNewlines: true) == "line one\nline \\u{1B}two")
    }

    @Test("Every C0, C1 and DEL scalar is unsafe; printable ASCII and U+00A0 are not")
    func classification() {
        for v in UInt32(0)...0x9F {
            let s = Unicode.Scalar(v)!
            #expect(SafeText.isUnsafe(s) == (v < 0x20 || v >= 0x7F), "U+\(String(v, radix: 16))")
        }
        #expect(!SafeText.isUnsafe("\u{A0}"))
        for v in UInt32(0x202A)...0x202E { #expect(SafeText.isUnsafe(Unicode.Scalar(v)!)) }
        for v in UInt32(0x2066)...0x2069 { #expect(SafeText.isUnsafe(Unicode.Scalar(v)!)) }
    }
}
