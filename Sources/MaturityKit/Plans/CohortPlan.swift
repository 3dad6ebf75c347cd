/// The actions a network's members share, ranked by how many members need each and the total
/// points they would gain, so one programme can serve many members.
public struct CohortPlan: Sendable {
  public struct SharedAction: Sendable {
    public var step: Plan.Step
    /// Members (names, or codes with `anonymous`) whose plan holds the action.
    public var members: [String]
    public var totalImpact: Double
  }

  public let memberCount: Int
  public let actions: [SharedAction]
  public let anonymous: Bool

  public init(plans: [Plan], anonymous: Bool) {
    memberCount = plans.count
    self.anonymous = anonymous
    var byID: [String: SharedAction] = [:]
    var order: [String] = []
    for (index, plan) in plans.enumerated() {
      let member =
        anonymous
        ? "M\(String(index + 1).leftPadded(3).replacingOccurrences(of: " ", with: "0"))" : plan.authority.name
      for step in plan.steps where step.action != nil {
        if byID[step.id] == nil {
          order.append(step.id)
          byID[step.id] = SharedAction(step: step, members: [], totalImpact: 0)
        }
        byID[step.id]!.members.append(member)
        byID[step.id]!.totalImpact += step.impact
      }
    }
    actions = order.compactMap { byID[$0] }.sorted {
      ($0.members.count, $0.totalImpact, $1.step.id) > ($1.members.count, $1.totalImpact, $0.step.id)
    }
  }
}
