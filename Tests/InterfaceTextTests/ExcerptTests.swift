import Testing

@testable import InterfaceText

@Suite("Excerpts of values in messages")
struct ExcerptTests {
  @Test("a short value is quoted as it is")
  func short() {
    #expect(Excerpt.of("adoptd") == "adoptd")
    #expect(Excerpt.of(String(repeating: "x", count: 60)) == String(repeating: "x", count: 60))
  }

  @Test("a long value keeps its first 60 characters, then … and its length in characters")
  func long() {
    let value = String(repeating: "x", count: 3_000_000)
    #expect(Excerpt.of(value) == String(repeating: "x", count: 60) + "… (3000000)")
  }

  @Test("multi-byte characters are never cut in half")
  func multiByte() {
    let value = String(repeating: "é", count: 59) + "👩🏽‍💻" + "ñ"
    #expect(Excerpt.of(value) == String(repeating: "é", count: 59) + "👩🏽‍💻… (61)")
    #expect(Excerpt.of(String(repeating: "é", count: 60)) == String(repeating: "é", count: 60))
  }

  @Test("line breaks, tabs and other control characters are escaped")
  func escaped() {
    #expect(Excerpt.of("a\nb\r\nc\td\u{1B}e\u{2028}") == "a\\nb\\r\\nc\\td\\u{1B}e\\u{2028}")
    #expect(
      Excerpt.of(String(repeating: "\n", count: 100)) == String(repeating: "\\n", count: 60) + "… (100)")
  }

  @Test("lists, paths and reasons keep up to 1,000 characters; every other argument 60")
  func arguments() {
    let long = String(repeating: "o", count: 2_000)
    let excerpts = Excerpt.arguments(["options": long, "value": long])
    #expect(excerpts["options"] == String(repeating: "o", count: 1_000) + "… (2000)")
    #expect(excerpts["value"] == String(repeating: "o", count: 60) + "… (2000)")
  }
}
