import Foundation
import InterfaceText
import MaturityKit

/// The plain sentences a results page opens with: where the authority stands (its score, its
/// level and, with peers, how far it is from the middle of them) and what to do next (the plan's
/// first step), from the same scores, comparison and plan as the rest of the page.
struct ResultsSummary {
  /// Where the authority stands.
  var standing: String
  /// What to do next.
  var next: String

  init(_ results: Results, texts: TextCatalogue) {
    let card = results.scorecard
    let name = results.loaded.record.authorityName
    guard let score = card.overall.score else {
      standing = texts("web.summary.noScore", ["name": name])
      next = texts("web.summary.answerFirst")
      return
    }
    standing = texts(
      "web.summary.score",
      [
        "name": name, "score": ScoreDisplay.score(score, texts),
        "level": ScoreDisplay.level(card.overall.level, texts.language),
      ])
    if let comparison = results.comparison, let median = comparison.overall.peers?.median {
      let difference = score - median
      standing +=
        " "
        + texts(
          difference < 0 ? "web.summary.behindPeers" : "web.summary.aheadOfPeers",
          ["value": ScoreDisplay.decimal(abs(difference), texts), "count": "\(comparison.groupSize)"])
    }
    if let step = results.plan.steps.first {
      next = texts("web.summary.next", ["action": PlanRenderer.title(step, texts)])
    } else {
      next = texts("web.summary.nothingToClose")
    }
  }
}
