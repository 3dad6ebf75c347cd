import Testing

@testable import MaturityWeb

@Suite struct FormFieldsTests {
  @Test func decodesRepeatedNamesPlusAndPercentEscapes() {
    let fields = FormFields(urlEncoded: "q.a=1&q.multi=x&q.multi=y+z&c.a=caf%C3%A9%20%26+co&empty=&flag")
    #expect(fields["q.a"] == "1")
    #expect(fields.all("q.multi") == ["x", "y z"])
    #expect(fields["c.a"] == "café & co")
    #expect(fields["empty"] == "")
    #expect(fields.trimmed("empty") == nil)
    #expect(fields["flag"] == "")
    #expect(fields["missing"] == nil)
  }

  @Test func keepsMalformedEscapesAsWritten() {
    #expect(FormFields(urlEncoded: "a=%ZZ%&b=%E2%82")["a"] == "%ZZ%")
    #expect(FormFields(urlEncoded: "a=%ZZ%&b=%E2%82")["b"] == "%E2%82")
  }
}
