import Testing

@testable import MaturityKit

/// The peer filter rules that the command line and the web app share.
@Suite("Peer filters as written")
struct PeerFilterInputTests {
  let bands = PopulationBands(bounds: [5_000, 20_000])

  @Test("every part is read, trimmed and normalised")
  func parts() throws {
    let filter = try PeerFilterInput(
      country: " es ", type: "Region", band: "5k-20k", year: "2025", conditions: ["Network = Eurocities"],
      similar: "10", similarOn: ["coastal", "network=Eurocities"]
    ).filter(bands)
    #expect(
      filter
        == PeerFilter(
          country: "ES", type: .region, band: .index(1), year: 2025, attributes: [("network", "Eurocities")],
          similar: 10, similarOn: [("coastal", nil), ("network", "Eurocities")]))
    #expect(try PeerFilterInput(band: "auto").filter(bands).band == .auto)
    #expect(try PeerFilterInput(country: "", type: " ").filter(bands) == PeerFilter())
  }

  @Test(
    "what cannot be used is refused with the part it is in",
    arguments: [
      (PeerFilterInput(country: "Spain"), PeerFilterError.invalid(.country, "Spain")),
      (PeerFilterInput(type: "city"), .invalid(.type, "city")),
      (PeerFilterInput(year: "abc"), .invalid(.year, "abc")),
      (PeerFilterInput(conditions: ["novalue"]), .invalid(.where, "novalue")),
      (PeerFilterInput(similar: "0"), .invalid(.similar, "0")),
      (PeerFilterInput(similar: "99999999999999999999"), .invalid(.similar, "99999999999999999999")),
      (PeerFilterInput(similarOn: ["network"]), .similarOnWithoutSimilar),
      (PeerFilterInput(similar: "3", similarOn: ["=x"]), .invalid(.similarOn, "=x")),
      (PeerFilterInput(band: "huge"), .unknownBand("huge", bands: ["auto", "<5k", "5k–20k", ">20k"])),
    ])
  func refused(input: PeerFilterInput, error: PeerFilterError) {
    #expect(throws: error) { try input.filter(bands) }
  }
}
