import ArgumentParser
import Foundation
import InterfaceText
import MaturityKit

/// `maturity plan`: a prioritised capacity-building plan, for one authority or a cohort.
struct PlanCommand: ParsableCommand, LocalizedCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract:
      "Turn gaps into a prioritised, sequenced capacity-building plan (or a cohort's shared actions).",
    discussion: """
      Actions come from the questionnaire. They are chosen where a priority is below its target \
      (--target: the peers' median, P75 or P90 with --peers, a level, or by default the next \
      level without peers), ranked by points gained per person-day, ordered so prerequisites \
      and level foundations come first, and placed in horizons (--horizons, months) within \
      --capacity person-days per horizon. "Don't know" answers get a "find out" step first. \
      With --cohort, every argument is a response or a folder of them, and the output ranks \
      the actions the members share. See docs/plans.md.

      Example:
        maturity plan Examples/responses/small-municipality.response.yaml \\
          --capacity 20
        maturity plan --cohort Examples/responses --format csv \\
          --output Reports/cohort.csv
      """
  )

  @Argument(help: "The response (or, with --cohort, responses and folders of them).")
  var responses: [String]

  @Option(help: "The questionnaire (a path or an id), instead of the one the response names.")
  var questionnaire: String?

  @OptionGroup var peerOptions: PeerOptions
  @OptionGroup var cache: PeerCacheOption

  @OptionGroup var target: TargetOption

  @Option(help: "Person-days available per horizon.")
  var capacity: Double?

  @Option(help: "Horizon ends in months, e.g. 6,18,36.")
  var horizons: String = "6,18,36"

  @Option(help: "An earlier response of the same authority: actions done since are reported as achieved.")
  var previous: String?

  @Flag(help: "Plan for many members: the actions they share.")
  var cohort = false

  @Flag(help: "With --cohort: count members instead of naming them.")
  var anonymous = false

  @Option(help: "markdown, html, csv or json.")
  var format = OutputFormat<Plan>(.markdown)

  @Option(
    name: .shortAndLong,
    help:
      "The file to write (default: Reports/<authority-id>-<date>-plan.<ext>, or standard output for a cohort)."
  )
  var output: String?

  @OptionGroup var language: LanguageOption

  var texts: TextCatalogue { language.texts }

  func validate() throws {
    if !cohort && responses.count != 1 {
      throw ValidationError("Give one response (or use --cohort for several).")
    }
    if let capacity, capacity <= 0 {
      throw ValidationError("--capacity must be a positive number of person-days.")
    }
    if parsedHorizons == nil { throw ValidationError("--horizons takes rising month numbers, e.g. 6,18,36.") }
  }

  var parsedHorizons: [Int]? {
    let values = horizons.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard !values.isEmpty, values.first! > 0, zip(values, values.dropFirst()).allSatisfy({ $0 < $1 }) else {
      return nil
    }
    return values
  }

  func run() throws {
    if cohort { return try runCohort() }
    let (questionnaire, response, peers, carried) = try ResponseInput(
      response: responses[0], questionnaire: self.questionnaire
    ).load(texts, csv: peerOptions.encoding.readOptions, comparedWith: peerOptions)
    var assessment = Assessment(response, on: questionnaire)
    if !peers.files.isEmpty { try peers.compare(&assessment, carried: carried, texts, cache: cache) }
    let plan = try plan(of: assessment)
    let path =
      output
      ?? ReportPaths.defaultPath(
        authority: response.authority.id, date: response.date.map { "\($0)-plan" } ?? "plan",
        extension: format.value.fileExtension)
    let sink = try OutputSink(path: path)
    try sink.write(plan.rendered(as: format.value, texts: texts))
    try sink.finish()
    if path != "-" { Diagnostics.warn(texts("plan.written", ["file": path])) }
  }

  /// The plan of `assessment`, with what was done since `--previous`.
  private func plan(of assessment: Assessment) throws -> Plan {
    var assessment = assessment
    let questionnaire = assessment.questionnaire
    if let previous {
      let earlier = try ResponseInput(response: previous, questionnaire: self.questionnaire).load(
        texts, csv: peerOptions.encoding.readOptions, on: questionnaire)
      assessment.setPrevious(earlier.response, migration: earlier.migrated)
    }
    return assessment.plan(
      Planner(target: try target.resolved(questionnaire), capacity: capacity, horizons: parsedHorizons!))
  }

  private func runCohort() throws {
    let paths = try ResponseFiles.expand(responses)
    var newest: [String: (date: String, plan: Plan)] = [:]
    var order: [String] = []
    var questionnaire: Questionnaire?
    var peers: PeerSet?
    let locator = QuestionnaireLocator()
    for path in paths {
      // Every member on one edition: the given questionnaire, else the current edition of the
      // first response's; a response of an earlier edition is carried over to it.
      let file = try ResponseFile(path: path, csv: peerOptions.encoding.readOptions)
      if questionnaire == nil {
        let edition = try file.currentEdition(locator, reference: self.questionnaire)
        questionnaire = edition
        if !peerOptions.files.isEmpty { peers = try peerOptions.read(peerOptions.files, edition, texts) }
      }
      guard let questionnaire else { continue }
      let loaded = try locator.response(in: file, on: questionnaire, texts: texts)
      Diagnostics.report(loaded.warnings, texts)
      // Each member once: its newest response.
      let id = loaded.response.authority.id
      let date = loaded.response.date ?? ""
      if let kept = newest[id], kept.date >= date { continue }
      if newest[id] == nil { order.append(id) }
      var assessment = Assessment(loaded.response, on: questionnaire)
      if let peers { try peerOptions.compare(&assessment, with: peers) }
      newest[id] = (date, try plan(of: assessment))
    }
    let plans = order.compactMap { newest[$0]?.plan }
    let cohort = CohortPlan(plans: plans, anonymous: anonymous)
    let sink = try OutputSink(path: output)
    try sink.write(cohort.rendered(as: format.value, texts: texts))
    try sink.finish()
  }
}
