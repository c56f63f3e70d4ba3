/// Decides one sample against the references: runs every enabled rule, combines the scores into the
/// coefficient, and explains the fired reasons. ``judge(_:findings:)`` does not allocate for
/// prediction-only rules, so reasons 0 and 1 can be judged at millions of samples per second.
public struct MiningJudge: Sendable {
    /// The compact verdict on one sample.
    public struct Decision: Sendable, Hashable {
        /// Bit `r` set for every fired reason `r`.
        public var firedMask: UInt32
        /// The hard coefficient in [0, 1].
        public var coefficient: Double
        /// Reason 1's score (closeness to the decision boundary), fired or not; `nil` when reason 1 did
        /// not evaluate the sample (disabled, no target). Ranks a budget under
        /// ``SelectionConfiguration/Ranking/informativeness``.
        public var informativeness: Double?

        /// Whether any reason fired.
        public var isHard: Bool { firedMask != 0 }

        /// The fired reasons, ascending.
        public var reasons: [Int] {
            (0...30).filter { firedMask & (1 << UInt32($0)) != 0 }
        }
    }

    /// The references.
    public let context: MiningContext
    /// The enabled rules.
    public let rules: [any HardExampleRule]

    /// A judge over `context`, with the standard rules of its configuration.
    public init(context: MiningContext) {
        self.context = context
        rules = MiningRules.standard(context.configuration)
    }

    /// The verdict on `evidence`; `findings` is a reusable buffer and holds the findings afterwards.
    public func judge(_ evidence: MiningEvidence, findings: inout ReasonFindings) -> Decision {
        findings.removeAll()
        for rule in rules { rule.evaluate(evidence, in: context, into: &findings) }
        var informativeness: Double?
        for finding in findings.items where finding.reason == 1 && finding.score.isFinite {
            informativeness = min(1, max(0, finding.score))
        }
        return Decision(
            firedMask: findings.firedMask, coefficient: HardnessCoefficient.combine(findings, configuration: context.configuration.coefficient),
            informativeness: informativeness)
    }

    /// The full explanation of `evidence`: the verdict with one detail per fired reason, ascending.
    /// `nil` for a record without a prediction.
    public func explain(_ evidence: MiningEvidence) -> HardExampleInfo? {
        guard evidence.record.isScored else { return nil }
        var findings = ReasonFindings()
        let decision = judge(evidence, findings: &findings)
        var details: [HardReasonDetail] = []
        for rule in rules {
            for finding in findings.items where finding.fired && rule.reasons.contains(finding.reason) {
                details.append(rule.detail(for: finding, evidence: evidence, in: context))
            }
        }
        details.sort { $0.reason < $1.reason }
        return HardExampleInfo(isHard: decision.isHard, coefficient: decision.coefficient, reasons: decision.reasons, details: details)
    }
}
