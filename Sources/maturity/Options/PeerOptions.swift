import ArgumentParser
import CSV
import Foundation
import InterfaceText
import MaturityKit

/// `--peers` files, how to read them, and the filters that choose a peer group.
struct PeerOptions: ParsableArguments {
  @Option(
    name: .customLong("peers"), help: "A peer benchmark CSV (scores or answers shape); repeat for several.")
  var files: [String] = []

  @Option(help: "Only peers of this country (ISO code, e.g. ES).")
  var country: String?

  @Option(help: "Only peers of this type: municipality, region or other.")
  var type: String?

  @Option(help: "Only peers of this population band: auto (the authority's own) or a label such as 5k-20k.")
  var band: String?

  @Option(help: "Population band lower bounds, e.g. 5000,20000,50000 (default: the questionnaire's).")
  var bands: String?

  @Option(help: "Only assessments of this year (default: each authority's newest).")
  var year: Int?

  @Option(
    name: .customLong("where"),
    help: "Only peers whose column ATTRIBUTE has VALUE (ATTRIBUTE=VALUE); repeatable.")
  var conditions: [String] = []

  @Option(
    help: ArgumentHelp(
      "Keep the N peers nearest by context: population (twice the size counts 1), type, country and the --similar-on columns (1 each when different); never by scores.",
      valueName: "N"))
  var similar: Int?

  @Option(
    name: .customLong("similar-on"),
    help: ArgumentHelp(
      "An attribute column that --similar also compares (1 when the value differs); the authority's value is COLUMN=VALUE, else its own row in the peer files; repeatable.",
      valueName: "COLUMN[=VALUE]"))
  var similarOn: [String] = []

  @Option(
    name: .customLong("min-group"), help: "The smallest peer group shown (k), to protect peers' privacy.")
  var minGroup: Int = 5

  @Flag(
    name: .customLong("skip-invalid"),
    help: "Read the valid rows of peer files with bad rows (each one still reported).")
  var skipInvalid = false

  @Option(help: "Delimiter of the peer files (detected when absent).")
  var delimiter: String?

  @OptionGroup var encoding: EncodingOption

  func validate() throws {
    do {
      try filterInput.check()
    } catch {
      throw ValidationError(error.message(TextCatalogue(language: .english)))
    }
    if minGroup < 1 { throw ValidationError("--min-group must be at least 1.") }
    if let bands, parsedBands(bands) == nil {
      throw ValidationError("--bands takes rising numbers separated by commas.")
    }
    if let delimiter, CSVDelimiter(argument: delimiter) == nil {
      throw ValidationError("Unknown delimiter '\(delimiter)'.")
    }
  }

  private func parsedBands(_ text: String) -> [Double]? {
    let values = text.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard !values.isEmpty, zip(values, values.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
    return values
  }

  /// The bands to use: `--bands`, else the questionnaire's.
  func populationBands(_ questionnaire: Questionnaire) -> PopulationBands {
    PopulationBands(bounds: bands.flatMap(parsedBands) ?? questionnaire.populationBands)
  }

  /// The filters as written, checked by the rules the web app's queries share.
  var filterInput: PeerFilterInput {
    PeerFilterInput(
      country: country, type: type, band: band, year: year.map(String.init), conditions: conditions,
      similar: similar.map(String.init), similarOn: similarOn)
  }

  /// The filter, with a band label resolved against `bands`.
  func filter(_ bands: PopulationBands) throws -> PeerFilter {
    do {
      return try filterInput.filter(bands)
    } catch {
      throw ValidationError(error.message(TextCatalogue(language: .english)))
    }
  }

  var readOptions: PeerReadOptions {
    PeerReadOptions(
      skipInvalid: skipInvalid,
      csv: CSVReadOptions(
        delimiter: delimiter.flatMap(CSVDelimiter.init(argument:)),
        encoding: encoding.value))
  }

  /// The edition a comparison is made on, and these options with the peer files to read for it.
  ///
  /// The edition is the latest of the response's and the peer files' (as their `version` column
  /// names it) that the response can be carried over to; the peer files are then
  /// ``carriedOver(_:to:_:)`` to it.
  func aligned(with questionnaire: Questionnaire, _ texts: TextCatalogue) throws -> (
    edition: Questionnaire, peers: PeerOptions
  ) {
    let locator = QuestionnaireLocator()
    var edition = questionnaire
    for (file, found) in try zip(files, editions(files, of: questionnaire)) {
      guard let found, found.version != edition.version,
        try migration(locator, questionnaire.id, from: edition.version, to: found.version) != nil
      else { continue }
      edition = try locator.load(id: questionnaire.id, version: found.version, for: file)
    }
    var aligned = self
    aligned.files = try carriedOver(files, to: edition, texts)
    return (edition, aligned)
  }

  /// `paths`, each peer answers file of an earlier edition of `questionnaire` replaced by the
  /// same answers carried over to it (in a scratch folder, saying so on standard error); a peer
  /// file of another edition that cannot be carried over (scores cannot be) is refused.
  func carriedOver(_ paths: [String], to questionnaire: Questionnaire, _ texts: TextCatalogue) throws
    -> [String]
  {
    let locator = QuestionnaireLocator()
    var carried = paths
    for (index, (file, found)) in try zip(paths, editions(paths, of: questionnaire)).enumerated() {
      guard let found, found.version != questionnaire.version else { continue }
      guard found.holdsAnswers,
        let migration = try migration(
          locator, questionnaire.id, from: found.version, to: questionnaire.version)
      else {
        throw EditionError.peersOfEarlierEdition(
          file: file, found: found.version, expected: questionnaire.version)
      }
      carried[index] = try ScratchFolder.shared.path(
        for: "\(index)-" + URL(fileURLWithPath: file).lastPathComponent)
      try PeerAnswersMigration.carry(
        file, through: migration,
        source: try locator.load(id: questionnaire.id, version: found.version, for: file),
        options: readOptions.csv, to: carried[index])
      Diagnostics.warn(
        texts("peers.carried", ["file": file, "from": found.version, "to": questionnaire.version]))
    }
    return carried
  }

  /// The edition each of `paths` names, when it names one of `questionnaire`.
  private func editions(_ paths: [String], of questionnaire: Questionnaire) throws -> [PeerFileEdition?] {
    try paths.map { file in
      try PeerFileEdition.of(file, options: readOptions.csv).flatMap {
        ($0.questionnaire ?? questionnaire.id) == questionnaire.id ? $0 : nil
      }
    }
  }

  /// The migration from one edition to another, nil when none leads there.
  private func migration(_ locator: QuestionnaireLocator, _ id: String, from: String, to: String) throws
    -> ResponseMigration?
  {
    do {
      return try locator.migration(of: id, from: from, to: to)
    } catch EditionError.noMigration {
      return nil
    }
  }

  /// Reads the peer files; problems and left-out counts go to standard error.
  func read(
    _ paths: [String], _ questionnaire: Questionnaire, _ texts: TextCatalogue, keepingNames: Bool = false
  ) throws -> PeerSet {
    var options = readOptions
    options.keepsNames = keepingNames
    let (peers, warnings) = try PeerSetReader.read(
      try carriedOver(paths, to: questionnaire, texts), questionnaire: questionnaire, options: options)
    report(warnings, peers.sources, texts)
    return peers
  }

  /// Problems and left-out counts, to standard error.
  private func report(_ warnings: [Problem], _ sources: [PeerSource], _ texts: TextCatalogue) {
    Diagnostics.report(warnings, texts)
    for source in sources where source.rowsLeftOut > 0 {
      Diagnostics.warn(
        texts(
          "peers.leftOut",
          ["file": source.fileName, "rows": "\(source.rowsLeftOut)", "total": "\(source.rows)"]))
    }
  }

  /// The peer group of a whole set (no compared authority), read from `paths`.
  func group(_ paths: [String], _ questionnaire: Questionnaire, _ texts: TextCatalogue) throws -> PeerGroup {
    try group(of: read(paths, questionnaire, texts), questionnaire)
  }

  /// The peer group of `peers` chosen by the filters.
  func group(of peers: PeerSet, _ questionnaire: Questionnaire) throws -> PeerGroup {
    let bands = populationBands(questionnaire)
    return PeerGroup(from: peers, filter: try filter(bands), bands: bands)
  }

  /// `assessment` compared with its peers in `peers` chosen by the filters (k applied).
  func compare(_ assessment: inout Assessment, with peers: PeerSet) throws {
    let bands = populationBands(assessment.questionnaire)
    let group = PeerGroup(
      from: peers, filter: try filter(bands), bands: bands, authority: assessment.response.authority)
    try assessment.compare(with: group.scores, minimumGroup: minGroup)
  }

  /// `assessment` compared with its peers in the `--peers` files (k applied), reading only the
  /// peer group from them (through the tables `cache` keeps); `carried` says the response was
  /// carried over to the peers' edition. Problems and left-out counts go to standard error.
  @discardableResult
  func compare(
    _ assessment: inout Assessment, carried: EditionCarried?, _ texts: TextCatalogue, cache: PeerCacheOption
  ) throws -> Comparison {
    let questionnaire = assessment.questionnaire
    let bands = populationBands(questionnaire)
    var options = readOptions
    options.cacheDirectory = cache.directory
    let (group, warnings) = try PeerGroupReader.read(
      files, questionnaire: questionnaire, options: options, filter: try filter(bands), bands: bands,
      authority: assessment.response.authority)
    report(warnings, group.sources, texts)
    return try assessment.compare(with: group, minimumGroup: minGroup, carriedFrom: carried)
  }
}

/// `--no-cache`, for the commands that compare one authority through kept peer tables.
struct PeerCacheOption: ParsableArguments {
  @Flag(
    name: .customLong("no-cache"),
    help: "Parse the peer files even when unchanged since the last comparison, and keep nothing of them.")
  var disabled = false

  /// Where peer tables are kept; nil with `--no-cache`.
  var directory: String? { disabled ? nil : PeerReadOptions.defaultCacheDirectory() }
}

/// `--target`: what gaps are measured against.
struct TargetOption: ParsableArguments {
  @Option(help: "median, p75, p90, level:ID or level:N (default: p75 with peers, else the next level).")
  var target: String?

  /// The target for `questionnaire`'s levels, or nil for the default.
  func resolved(_ questionnaire: Questionnaire) throws -> GapTarget? {
    guard let target else { return nil }
    guard let parsed = GapTarget(argument: target, levels: questionnaire.levels) else {
      throw ValidationError("Unknown --target '\(target)'. Use median, p75, p90, level:ID or level:N.")
    }
    return parsed
  }
}

/// The peer files of a network-wide command, how to group them, and their questionnaire.
struct PeerFilesInput: ParsableArguments {
  @Argument(help: "Peer benchmark CSV files.")
  var files: [String]

  @Option(help: "Group by band, country, type, none, or an attribute column.")
  var by: String = "band"

  @Option(help: "The questionnaire (a path or an id).")
  var questionnaire: String = "ai-data-readiness"

  func loadQuestionnaire() throws -> Questionnaire {
    try QuestionnaireLocator().load(questionnaire).questionnaire
  }

  /// The peer group of the files as `peerOptions` filter it, and the population bands it is
  /// split by; problems go to standard error.
  func group(_ peerOptions: PeerOptions, _ texts: TextCatalogue) throws -> (
    group: PeerGroup, bands: PopulationBands
  ) {
    let questionnaire = try loadQuestionnaire()
    return (
      try peerOptions.group(files, questionnaire, texts), peerOptions.populationBands(questionnaire)
    )
  }

  /// Says how many authorities had no value to group by (nothing is left out silently).
  func reportUngrouped(_ count: Int, _ texts: TextCatalogue) {
    if count > 0 { Diagnostics.warn(texts("stats.ungrouped", ["count": "\(count)", "by": by])) }
  }
}
