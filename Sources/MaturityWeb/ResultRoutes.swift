import Foundation
import Hummingbird
import InterfaceText
import MaturityKit
import MaturityStore

/// What the results pages show of an assessment: its scores, its peers, its previous assessment.
struct Results {
  var loaded: LoadedAssessment
  var assessment: Assessment
  /// Why the comparison asked for could not be made (too small a group, a bad peer file).
  var comparisonProblem: String?
  /// How the comparison differs from the one asked for (the own band widened to every band).
  var comparisonNote: String?
  var target: GapTarget?
  /// Person-days per horizon for the plan; nil derives them from the digital staff.
  var capacity: Double?
  /// On the network server: the assessment against the network's fixed groups.
  var network: NetworkAggregates?

  var scorecard: Scorecard { assessment.scorecard }
  var comparison: Comparison? { assessment.comparison }
  var report: GapReport { assessment.report(target: target) }
  var plan: Plan { assessment.plan(Planner(target: target, capacity: capacity)) }
}

extension WebApp {
  /// The results: the gap report with a peer comparison, the plan, the history, and downloads.
  func addResultRoutes(to router: Router<WebContext>) {
    router.get("/assessments/:id/results") { request, context in
      let results = try await results(try loadAssessment(context), request: request, texts: context.texts)
      return try await resultsPage(
        "results", results, parts: GapReportRenderer.htmlParts(results.report, texts: context.texts),
        request: request, context: context)
    }

    router.get("/assessments/:id/plan") { request, context in
      let results = try await results(try loadAssessment(context), request: request, texts: context.texts)
      return try await resultsPage(
        "plan", results, parts: PlanRenderer.htmlParts(results.plan, texts: context.texts), request: request,
        context: context)
    }

    router.get("/assessments/:id/history") { request, context in
      let loaded = try await loadAssessment(context)
      let texts = context.texts
      var previous: Scorecard?
      let rows = try await store.assessments(ofAuthority: loaded.record.authorityID).asyncMap {
        record -> [String: Any] in
        let other = try await loadAssessment(record.id!)
        let card = Assessment(other.response, on: other.questionnaire).scorecard
        defer { previous = card }
        func change(_ now: Double?, _ before: Double?) -> String {
          guard let now, let before else { return "" }
          return (now >= before ? "+" : "−") + ScoreDisplay.decimal(abs(now - before), texts)
        }
        return [
          "id": "\(record.id!)", "date": record.date.map { ScoreDisplay.date($0, texts) } ?? "—",
          "current": record.id == loaded.id, "overall": ScoreDisplay.score(card.overall.score, texts),
          "overallChange": change(card.overall.score, previous?.overall.score),
          "level": ScoreDisplay.level(card.overall.level, texts.language),
          "dimensions": card.dimensions.enumerated().map { index, dimension in
            [
              "score": ScoreDisplay.score(dimension.score, texts),
              "change": change(dimension.score, previous?.dimensions[safe: index]?.score),
            ]
          },
        ]
      }
      return page(
        "history", title: texts("web.history"),
        [
          "rows": rows,
          "dimensionNames": loaded.questionnaire.dimensions.map { $0.name.text(texts.language) },
          "authority": loaded.record.authorityName, "assessmentID": "\(loaded.id)",
          "encodedAuthorityID": Self.pathComponent(loaded.record.authorityID),
        ], request: request, context: context, assessment: loaded, current: "history")
    }

    router.get("/assessments/:id/download/:file") { request, context in
      let loaded = try await loadAssessment(context)
      let texts = context.texts
      guard let file = Download(rawValue: try context.parameters.require("file")) else {
        throw WebError.notFound
      }
      let base = FileNames.safe(
        loaded.record.authorityID + (loaded.record.date.map { "-\($0)" } ?? ""), ascii: true)
      let results = await file.needsResults ? try results(loaded, request: request, texts: texts) : nil
      return download(
        file.bytes(loaded, results, texts: texts), name: base + file.suffix, type: file.contentType)
    }
  }

  /// Scores `loaded`, compares it with the peers the query asks for, and finds its previous
  /// assessment (the latest earlier one of the same authority).
  func results(_ loaded: LoadedAssessment, request: Request, texts: TextCatalogue) async throws -> Results {
    let query = await comparisonQuery(request)
    var results = Results(
      loaded: loaded, assessment: Assessment(loaded.response, on: loaded.questionnaire),
      comparisonProblem: nil, comparisonNote: nil, target: try query.target(loaded.questionnaire),
      capacity: try query.capacity())
    let authority = loaded.response.authority
    let earlier = try await store.assessments(ofAuthority: loaded.record.authorityID).filter {
      $0.id != loaded.id && $0.questionnaireID == loaded.record.questionnaireID
        && ($0.date ?? "", $0.id!) < (loaded.record.date ?? "", loaded.id)
    }
    if let last = earlier.last {
      let before = try await loadAssessment(last.id!)
      results.assessment.setPrevious(before.response, scoredOn: before.questionnaire)
    }
    if let settings = network, loaded.record.networkID != nil {
      let others = try await networkPeers.peers(
        for: loaded.record, questionnaire: loaded.questionnaire, store: store)
      results.network = NetworkAggregates(
        results.scorecard, authority: authority, others: others,
        bands: PopulationBands(bounds: loaded.questionnaire.populationBands),
        minimumGroup: settings.minimumGroup)
    }
    if let reference = query.peers {
      do {
        let peerSet = try await peers.peers(reference, questionnaire: loaded.questionnaire)
        let bands = PopulationBands(bounds: loaded.questionnaire.populationBands)
        let filter = try query.filter(bands)
        func compare(_ filter: PeerFilter) throws {
          let group = PeerGroup(from: peerSet, filter: filter, bands: bands, authority: authority)
          try results.assessment.compare(with: group.scores, minimumGroup: query.minimumGroup)
        }
        do {
          try compare(filter)
        } catch ComparisonError.groupTooSmall(let found, let minimum, _)
          where filter.band == .auto && authority.population != nil
        {
          // The own band is too small a group to show: every band, and the page says so.
          var wider = filter
          wider.band = nil
          try compare(wider)
          results.comparisonNote = texts(
            "web.bandWidened",
            [
              "band": bands.labels[bands.index(of: authority.population!)], "found": "\(found)",
              "minimum": "\(minimum)",
            ])
        }
      } catch let error as any UserFacingError {
        results.comparisonProblem = error.report(texts)
      }
    }
    return results
  }

  /// The results or plan page: the report's own heading and sections, the comparison form and
  /// the downloads.
  func resultsPage(
    _ template: String, _ results: Results, parts: HTMLParts, request: Request, context: WebContext
  ) async throws -> Hummingbird.Response {
    let texts = context.texts
    let choices = (try? await peers.choices()) ?? []
    let query = ComparisonQuery(query: request.uri.query, choices: choices)
    var pageContext = query.context(
      choices: choices,
      bands: PopulationBands(bounds: results.loaded.questionnaire.populationBands), texts: texts)
    pageContext["reportHeader"] = parts.header
    pageContext["reportSections"] = PhoneFit.scrolling(parts.sections, label: texts("web.scrollsSideways"))
    pageContext["assessmentID"] = "\(results.loaded.id)"
    pageContext["problem"] = results.comparisonProblem ?? ""
    pageContext["hasProblem"] = results.comparisonProblem != nil
    pageContext["comparisonNote"] = results.comparisonNote ?? ""
    pageContext["hasComparisonNote"] = results.comparisonNote != nil
    if let aggregates = results.network {
      pageContext["networkGroups"] = Self.networkGroups(aggregates, texts: texts)
      pageContext["hasNetworkGroups"] = true
    }
    if template == "results" {
      let summary = ResultsSummary(results, texts: texts)
      pageContext["standing"] = summary.standing
      pageContext["next"] = summary.next
    } else {
      let plan = results.plan
      if results.loaded.record.networkID != nil, let visitor = context.visitor {
        let notes = try await store.notes(.plan, of: results.loaded.id)
        let canAnnotate = visitor.may(.annotate, results.loaded.record)
        let steps = plan.steps.filter { canAnnotate || notes[$0.id] != nil }.map { step -> [String: Any] in
          [
            "id": step.id,
            "title": step.action?.title.text(texts.language) ?? step.questionText.text(texts.language),
            "note": notes[step.id]?.text ?? "", "author": notes[step.id]?.author ?? "",
          ]
        }
        pageContext["advisorSteps"] = steps
        pageContext["hasAdvisorSteps"] = !steps.isEmpty
        pageContext["canAnnotate"] = canAnnotate
      }
      if results.capacity == nil, let days = plan.capacity {
        pageContext["capacity"] = ScoreDisplay.decimal(days, texts)
      }
      let capacityNote: String =
        if results.capacity != nil {
          texts("web.capacityGiven")
        } else if let staff = plan.staffFTE {
          texts("web.capacityFromStaff", ["fte": ScoreDisplay.decimal(staff, texts)])
        } else {
          texts("web.capacityUnknown")
        }
      pageContext["capacityNote"] = capacityNote
    }
    return page(
      template, title: texts(template == "plan" ? "web.plan" : "web.results"), pageContext, request: request,
      context: context, assessment: results.loaded, current: template, linkQuery: query.queryString)
  }

  /// The rows of the network section: each fixed group with its median and the gap to it, or
  /// why it is withheld.
  static func networkGroups(_ aggregates: NetworkAggregates, texts: TextCatalogue) -> [[String: Any]] {
    aggregates.entries.map { entry -> [String: Any] in
      let name = texts("web.networkGroup.\(entry.group.rawValue)", ["value": entry.value ?? "—"])
      guard let comparison = entry.comparison, let median = comparison.overall.peers?.median else {
        let reason =
          if entry.group != .network && entry.value == nil {
            texts("web.networkGroupUnknown")
          } else if entry.comparison != nil {
            texts("web.networkGroupNoScores")
          } else {
            texts("web.networkGroupWithheld", ["minimum": "\(aggregates.minimumGroup)"])
          }
        return ["name": name, "withheld": reason]
      }
      return [
        "name": name, "others": "\(comparison.groupSize)", "median": ScoreDisplay.score(median, texts),
        "gap": ScoreDisplay.gap(comparison.overall.gapToMedian, texts),
      ]
    }
  }

  /// The comparison `request` asks for, or the app's default one (see ``ComparisonQuery``).
  func comparisonQuery(_ request: Request) async -> ComparisonQuery {
    ComparisonQuery(query: request.uri.query, choices: (try? await peers.choices()) ?? [])
  }
}

extension Array {
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
