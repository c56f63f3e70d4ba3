/// Phase 2 of mining: the reference statistics plus every phase-1 record (added one by one, from any
/// number of shards, in any order) in; decisions, coefficients, explanations and the selection out.
///
/// Without training statistics — or where they lack something a rule needs (image features, box pixels,
/// embeddings, model answers on training images) — the batch is its own reference, and every detail says
/// so. Records are processed in index order (then source), so the output depends only on the set of
/// records, the references and the configuration (seed included).
public struct MiningPhase2: Sendable {
    /// The configuration.
    public let configuration: MiningConfiguration
    /// The training statistics, if any.
    public let training: ReferenceStatistics?
    /// The records added so far.
    public private(set) var records: [SampleScores] = []

    /// A phase 2 under `configuration`, judging against `training` when given.
    public init(configuration: MiningConfiguration = MiningConfiguration(), training: ReferenceStatistics? = nil) {
        self.configuration = configuration
        self.training = training
    }

    /// Adds one phase-1 record.
    public mutating func add(_ record: SampleScores) {
        records.append(record)
    }

    /// Adds phase-1 records.
    public mutating func add(contentsOf more: some Sequence<SampleScores>) {
        records.append(contentsOf: more)
    }

    /// The batch's own statistics, built from the records (embeddings only when the training set has
    /// none).
    public func batchReference(_ ordered: [SampleScores]) -> ReferenceStatistics {
        var builder = TrainingReference(configuration: configuration, origin: .batch)
        let embeddings = training?.embeddings == nil
        for record in ordered { builder.add(record: record, includingEmbedding: embeddings) }
        return builder.finalize()
    }

    /// Decides every record and fills the budget.
    public func finish() -> MiningResult {
        let ordered = records.sorted { $0.index != $1.index ? $0.index < $1.index : $0.source < $1.source }
        let context = MiningContext(configuration: configuration, training: training, batch: batchReference(ordered))
        let judge = MiningJudge(context: context)
        let search = NeighbourSearch(configuration: configuration, context: context)
        let prepared = search.preparedEmbeddings(ordered)
        let neighbours = search.evidence(ordered, prepared: prepared)

        var findings = ReasonFindings()
        var decisions: [MiningJudge.Decision?] = []
        decisions.reserveCapacity(ordered.count)
        for position in ordered.indices {
            guard ordered[position].isScored else {
                decisions.append(nil)
                continue
            }
            decisions.append(judge.judge(MiningEvidence(record: ordered[position], neighbours: neighbours[position]), findings: &findings))
        }

        let selection = select(ordered, decisions: decisions, prepared: prepared, context: context)
        let selected = Set(selection)
        var samples: [MinedSample] = []
        samples.reserveCapacity(ordered.count)
        for position in ordered.indices {
            let record = ordered[position]
            // Explanations (text with numbers) only for hard samples: the others carry no reason to explain.
            var info: HardExampleInfo?
            if let decision = decisions[position] {
                info = decision.isHard
                    ? judge.explain(MiningEvidence(record: record, neighbours: neighbours[position]))
                    : HardExampleInfo(isHard: false, coefficient: decision.coefficient)
            }
            samples.append(MinedSample(index: record.index, source: record.source, info: info, failure: record.failure, isSelected: selected.contains(record.index)))
        }
        return MiningResult(
            samples: samples, selection: selection, scoredCount: decisions.compactMap { $0 }.count,
            hardCount: decisions.filter { $0?.isHard == true }.count, referenceSummary: summary(context),
            featureDistributions: FeatureDistribution.collect(ordered, training: training, configuration: configuration))
    }

    private func select(_ ordered: [SampleScores], decisions: [MiningJudge.Decision?], prepared: [[Double]?], context: MiningContext) -> [Int] {
        let settings = configuration.selection
        var candidates: [DiverseSelection.Candidate] = []
        for position in ordered.indices {
            guard let decision = decisions[position], decision.isHard || settings.includesNonHard else { continue }
            candidates.append(DiverseSelection.Candidate(
                index: ordered[position].index, coefficient: decision.coefficient, informativeness: decision.informativeness, embedding: prepared[position]))
        }
        let scored = decisions.compactMap { $0 }.count
        guard let budget = settings.budget(scoredCount: scored) else {
            return DiverseSelection.select(candidates, budget: candidates.count, radius: nil, ranking: settings.ranking)
        }
        var radius: Double?
        if settings.diversity, let (statistics, _) = context.embeddings {
            radius = settings.radiusFactor * statistics.medianNearestDistance
        }
        return DiverseSelection.select(candidates, budget: budget, radius: radius, poolMultiplier: settings.poolMultiplier, ranking: settings.ranking)
    }

    private func summary(_ context: MiningContext) -> [String] {
        var lines: [String] = []
        if let training = context.training {
            lines.append("training reference: \(training.itemCount) item(s), \(training.classLabels.count) class(es)")
        } else {
            lines.append("no training reference: every statistic comes from the batch")
        }
        if configuration.isAnyEnabled(5...10) {
            let origins = Set(ImageFeatureKind.allCases.compactMap { context.distribution($0)?.1.rawValue })
            lines.append("image features: \(origins.isEmpty ? "no reference" : origins.sorted().joined(separator: " and "))")
        }
        if configuration.isAnyEnabled(11...18) {
            let origins = Set(BoxFeatureKind.allCases.compactMap { context.distribution($0)?.1.rawValue })
            lines.append("box features: \(origins.isEmpty ? "no reference" : origins.sorted().joined(separator: " and "))")
        }
        if let (statistics, origin) = context.embeddings {
            lines.append("embeddings: \(origin.rawValue), \(statistics.sample.count) reference vector(s) of length \(statistics.dimension)")
        } else if configuration.isAnyEnabled(2...4) || configuration.isEnabled(30) {
            lines.append("embeddings: none, reasons 2, 3, 4 and 30 were not evaluated")
        }
        return lines
    }
}
