import Foundation
import Hummingbird
import InterfaceText
import MaturityKit
import MaturityStore

extension WebApp {
  /// Filling in: the authority details page, one page per dimension, and the save endpoint the
  /// pages' script calls as answers change.
  func addFillRoutes(to router: Router<WebContext>) {
    router.get("/assessments/:id") { _, context in
      let loaded = try await loadAssessment(context)
      let next = zip(loaded.questionnaire.dimensions, loaded.progress()).first { $1.answered < $1.total }?.0
      return Hummingbird.Response.redirect(
        to: next.map { "/assessments/\(loaded.id)/dimensions/\($0.id)" }
          ?? "/assessments/\(loaded.id)/results", type: .normal)
    }

    router.get("/assessments/:id/details") { request, context in
      let loaded = try await loadAssessment(context)
      return detailsPage(
        record: loaded.record, fields: nil, errors: [], request: request, context: context, assessment: loaded
      )
    }

    router.post("/assessments/:id/details") { request, context in
      var request = request
      let loaded = try await loadAssessment(context)
      let fields = try await PostedForm.fields(&request)
      var record = loaded.record
      let errors = AuthorityForm.apply(fields, to: &record, texts: context.texts)
      if loaded.record.networkID != nil { record.authorityID = loaded.record.authorityID }
      guard errors.isEmpty else {
        return detailsPage(
          record: loaded.record, fields: fields, errors: errors, request: request, context: context,
          assessment: loaded,
          status: .unprocessableContent)
      }
      try await store.update(record)
      let first = loaded.questionnaire.dimensions.first?.id ?? ""
      return Hummingbird.Response.redirect(to: "/assessments/\(loaded.id)/dimensions/\(first)", type: .normal)
    }

    router.get("/assessments/:id/dimensions/:dimension") { request, context in
      let loaded = try await loadAssessment(context)
      return try await dimensionPage(
        loaded, context.parameters.require("dimension"), errors: [:], request: request, context: context)
    }

    router.post("/assessments/:id/dimensions/:dimension") { request, context in
      var request = request
      let loaded = try await loadAssessment(context)
      let dimensionID = try context.parameters.require("dimension")
      guard let index = loaded.questionnaire.dimensions.firstIndex(where: { $0.id == dimensionID }) else {
        throw WebError.notFound
      }
      let fields = try await PostedForm.fields(&request)
      let questions = loaded.questionnaire.dimensions[index].questions
      let present = Set(fields.all("present"))
      var saved: [WrittenAnswer] = []
      var cleared: [String] = []
      var errors: [String: (value: String, message: String)] = [:]
      for question in questions where present.contains(question.id) {
        switch QuestionForm.read(fields, question, texts: context.texts) {
        case .answer(let answer): saved.append(answer)
        case .cleared: cleared.append(question.id)
        case .invalid(let value, let message): errors[question.id] = (value, message)
        }
      }
      try await store.save(saved, clearing: cleared, to: loaded.id, by: context.visitor?.account.email)
      ServerMetrics.answersSaved(saved.count + cleared.count)
      let updated = try await loadAssessment(loaded.id)
      guard errors.isEmpty else {
        return try await dimensionPage(
          updated, dimensionID, errors: errors, request: request, context: context,
          status: .unprocessableContent)
      }
      // Follow-up questions the answers just made relevant are shown before moving on.
      let before = Relevance.relevantQuestions(loaded.response, loaded.questionnaire)
      let after = Relevance.relevantQuestions(updated.response, updated.questionnaire)
      let appeared = questions.filter { !(before[$0.id] ?? true) && (after[$0.id] ?? true) }
      let here = "/assessments/\(loaded.id)/dimensions/\(dimensionID)"
      let go = fields["go"] ?? "next"
      // A language chosen on the page: the answers are saved first, then the page comes back in it.
      if go.hasPrefix("language:"), let language = Language(String(go.dropFirst("language:".count))) {
        var response = Hummingbird.Response.redirect(to: here, type: .normal)
        response.setCookie(Self.languageCookie(language))
        return response
      }
      let dimensions = loaded.questionnaire.dimensions
      let next =
        go == "stay" || !appeared.isEmpty
        ? here + (appeared.isEmpty ? "" : "?appeared=\(appeared.count)#question-\(appeared[0].id)")
        : index + 1 < dimensions.count
          ? "/assessments/\(loaded.id)/dimensions/\(dimensions[index + 1].id)"
          : "/assessments/\(loaded.id)/results"
      return Hummingbird.Response.redirect(to: next, type: .normal)
    }

    router.post("/assessments/:id/answers/:question") { request, context in
      var request = request
      let loaded = try await loadAssessment(context)
      let questionID = try context.parameters.require("question")
      guard let question = loaded.questionnaire.question(questionID) else { throw WebError.notFound }
      let fields = try await PostedForm.fields(&request)
      var error: String?
      switch QuestionForm.read(fields, question, texts: context.texts) {
      case .answer(let answer):
        try await store.save([answer], to: loaded.id, by: context.visitor?.account.email)
        ServerMetrics.answersSaved(1)
      case .cleared:
        try await store.save([], clearing: [questionID], to: loaded.id, by: context.visitor?.account.email)
        ServerMetrics.answersSaved(1)
      case .invalid(_, let message): error = message
      }
      let updated = try await loadAssessment(loaded.id)
      let relevant = Relevance.relevantQuestions(updated.response, updated.questionnaire)
      let body: JSONValue = .object([
        ("saved", .bool(error == nil)), ("error", .string(error)),
        (
          "relevant", .object(updated.questionnaire.questions.map { ($0.id, .bool(relevant[$0.id] ?? true)) })
        ),
        (
          "progress",
          .object(
            updated.progress().map {
              ($0.id, .object([("answered", .integer($0.answered)), ("total", .integer($0.total))]))
            })
        ),
      ])
      return Hummingbird.Response(
        status: error == nil ? .ok : .unprocessableContent,
        headers: [.contentType: "application/json; charset=utf-8"],
        body: .init(byteBuffer: ByteBuffer(string: body.text)))
    }
  }

  /// The authority details page: a new assessment's (`record` nil) or an existing one's.
  func detailsPage(
    record: AssessmentRecord?, fields: FormFields?, errors: [AuthorityForm.FieldError], request: Request,
    context: WebContext, assessment: LoadedAssessment? = nil, status: HTTPResponse.Status = .ok
  ) -> Hummingbird.Response {
    let texts = context.texts
    var pageContext = AuthorityForm.context(record, posted: fields, errors: errors, texts: texts)
    pageContext["action"] = assessment.map { "/assessments/\($0.id)/details" } ?? "/assessments"
    pageContext["isNew"] = assessment == nil
    // A network's assessment stays its authority's: the id is shown, not edited.
    pageContext["authorityFixed"] = record?.networkID != nil
    pageContext["questionnaires"] = shelf.all.map { questionnaire -> [String: Any] in
      [
        "value": "\(questionnaire.id)@\(questionnaire.version)",
        "label": "\(questionnaire.title.text(texts.language)) (\(questionnaire.version))",
      ]
    }
    return page(
      "details", title: texts(assessment == nil ? "web.newAssessment" : "web.details"), pageContext,
      request: request,
      context: context, assessment: assessment, current: "details", status: status)
  }

  /// The page of one dimension's questions.
  func dimensionPage(
    _ loaded: LoadedAssessment, _ dimensionID: String, errors: [String: (value: String, message: String)],
    request: Request,
    context: WebContext, status: HTTPResponse.Status = .ok
  ) async throws -> Hummingbird.Response {
    let texts = context.texts
    let dimensions = loaded.questionnaire.dimensions
    // The coordinator's comments, shown to the authority beside the answers they are about.
    let reviews = loaded.record.networkID == nil ? [:] : try await store.notes(.review, of: loaded.id)
    guard let index = dimensions.firstIndex(where: { $0.id == dimensionID }) else { throw WebError.notFound }
    let dimension = dimensions[index]
    let relevant = Relevance.relevantQuestions(loaded.response, loaded.questionnaire)
    let stored = Dictionary(loaded.answers.map { ($0.questionID, $0) }, uniquingKeysWith: { _, last in last })
    let conditions = ConditionWords(
      questionnaire: loaded.questionnaire, texts: texts, dimensionID: dimension.id)
    let questions = dimension.questions.enumerated().map { number, question in
      var context = QuestionForm.context(
        question, number: number + 1, answer: stored[question.id], relevant: relevant[question.id] ?? true,
        error: errors[question.id], condition: conditions.sentence(question.relevant), texts: texts)
      if let review = reviews[question.id] { context["review"] = review.text }
      return context
    }
    let name = dimension.name.text(texts.language)
    let appeared = FormFields(urlEncoded: request.uri.query ?? "")["appeared"].flatMap(Int.init) ?? 0
    return page(
      "dimension", title: name,
      [
        "dimensionName": name, "assessmentID": "\(loaded.id)", "dimensionID": dimension.id,
        "questions": questions,
        "step": texts("web.step", ["step": "\(index + 1)", "steps": "\(dimensions.count)"]),
        "isLast": index + 1 == dimensions.count, "hasErrors": !errors.isEmpty,
        "errorCount": texts("web.errorCount", ["count": "\(errors.count)"]),
        "hasAppeared": appeared > 0, "appeared": texts("web.followUpsAppeared", ["count": "\(appeared)"]),
        "saveFormID": "answers",
      ], request: request, context: context, assessment: loaded, current: "dimension:\(dimension.id)",
      status: status)
  }
}
