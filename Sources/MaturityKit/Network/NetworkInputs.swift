import CSV
import Foundation
import InterfaceText

/// The inputs of a network report: peer CSV files, and response files (or folders of them)
/// scored here.
public enum NetworkInputs {
  /// Peer files (CSV with an `authority_id` column) apart from responses (everything else, folders expanded).
  public static func split(_ inputs: [String]) throws -> (peerFiles: [String], responses: [String]) {
    var peerFiles: [String] = []
    var responses: [String] = []
    for path in try ResponseFiles.expand(inputs) {
      if ResponseLoader.isCSV(path), try isPeerFile(path) {
        peerFiles.append(path)
      } else {
        responses.append(path)
      }
    }
    return (peerFiles, responses)
  }

  static func isPeerFile(_ path: String) throws -> Bool {
    var found = false
    do {
      try CSVReader(path: path).forEach { record in
        found = (try? CSVHeader(record, file: path))?["authority_id"] != nil
        throw PeerSetReader.StopReading()
      }
    } catch is PeerSetReader.StopReading {}
    return found
  }

  /// Each response checked against its edition of `questionnaire` (carried over to it when
  /// earlier), scored, as a peer row (year from its date).
  public static func scoreResponses(
    _ paths: [String], questionnaire: Questionnaire, locator: QuestionnaireLocator = QuestionnaireLocator()
  ) throws -> [(peer: PeerAuthority, scores: [Double], card: Scorecard)] {
    try paths.map { path in
      let response = try locator.response(
        in: ResponseFile(path: path), on: questionnaire, texts: TextCatalogue(language: .english)
      )
      .response
      let card = Assessment(response, on: questionnaire).scorecard
      let authority = response.authority
      let peer = PeerAuthority(
        id: authority.id, name: authority.name, country: authority.country, population: authority.population,
        type: authority.type, year: card.year ?? 0)
      return (peer, (card.dimensions.map(\.score) + [card.overall.score]).map { $0 ?? .nan }, card)
    }
  }
}
