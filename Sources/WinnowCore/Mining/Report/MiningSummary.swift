/// What a mining run found, in a few kilobytes: totals, hard and selected counts by reason, the
/// coefficient histogram of every scored sample, the notes on where statistics came from, and the
/// feature distributions of the batch against the training set. The JSON report of `winnow mine` holds
/// it, and a filtering task stores it with its outcome so its report can be drawn later.
public struct MiningSummary: Sendable, Hashable, Codable {
    /// Entries read.
    public var entries: Int
    /// Samples with a prediction.
    public var scored: Int
    /// Entries without a usable answer.
    public var failures: Int
    /// Samples at least one reason fired for.
    public var hard: Int
    /// Samples selected.
    public var selected: Int
    /// Problems that did not stop the run.
    public var problems: Int
    /// Hard samples per reason (a sample counts once for each of its reasons).
    public var hardByReason: [Int: Int]
    /// Selected samples per reason.
    public var selectedByReason: [Int: Int]
    /// Scored samples per coefficient bin: ten equal bins over [0, 1].
    public var coefficientCounts: [Int]
    /// How the run was set up and where its statistics came from.
    public var notes: [String]
    /// The image and box feature distributions, batch against training.
    public var featureDistributions: [FeatureDistribution]
    /// The training manifest, when there was one.
    public var trainingManifest: String?
    /// The model that answered, when known.
    public var model: String?
    /// The sources of the selected samples with the highest coefficients, highest first, at most
    /// ``hardestLimit``: a filtering task's report shows these, not other tasks' samples in its dataset.
    /// `nil` in summaries recorded before it existed.
    public var hardestSelected: [String]?

    /// Coefficient bins of ``coefficientCounts``.
    public static let coefficientBins = 10
    /// The most sources ``hardestSelected`` keeps.
    public static let hardestLimit = 500

    /// The summary of `result` with the run's other figures.
    public init(
        result: MiningResult, entries: Int, failures: Int, problems: Int, notes: [String],
        trainingManifest: String? = nil, model: String? = nil
    ) {
        var hardByReason: [Int: Int] = [:]
        var selectedByReason: [Int: Int] = [:]
        var coefficients = Array(repeating: 0, count: Self.coefficientBins)
        for sample in result.samples {
            guard let info = sample.info else { continue }
            coefficients[Self.coefficientBin(info.coefficient ?? 0)] += 1
            guard info.isHard else { continue }
            for reason in info.reasons {
                hardByReason[reason, default: 0] += 1
                if sample.isSelected { selectedByReason[reason, default: 0] += 1 }
            }
        }
        self.entries = entries
        self.scored = result.scoredCount
        self.failures = failures
        self.hard = result.hardCount
        self.selected = result.selection.count
        self.problems = problems
        self.hardByReason = hardByReason
        self.selectedByReason = selectedByReason
        self.coefficientCounts = coefficients
        self.notes = notes
        self.featureDistributions = result.featureDistributions
        self.trainingManifest = trainingManifest
        self.model = model
        let selected = result.samples.filter(\.isSelected).map { (source: $0.source, index: $0.index, coefficient: $0.info?.coefficient ?? 0) }
        hardestSelected = selected
            .sorted { $0.coefficient != $1.coefficient ? $0.coefficient > $1.coefficient : $0.index < $1.index }
            .prefix(Self.hardestLimit).map(\.source)
    }

    /// The bin of ``coefficientCounts`` a coefficient falls in (a NaN in the first).
    public static func coefficientBin(_ coefficient: Double) -> Int {
        guard coefficient.isFinite else { return 0 }
        return min(coefficientBins - 1, max(0, Int(coefficient * Double(coefficientBins))))
    }
}
