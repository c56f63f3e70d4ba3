public import WinnowCore

/// The JSON report of a mining run (`winnow mine --report`): totals, counts by reason, the coefficient
/// histogram, the notes on where statistics came from, every selected sample with each reason's measured
/// value, reference and suggestion (in pick order), the failures and the problems. Keys are sorted, so
/// the same run gives the same bytes.
public enum MiningReport {
    /// The report of `run` made under `configuration`.
    public static func json(_ run: MiningRun, configuration: MiningConfiguration) -> JSONValue {
        let result = run.result
        let summary = MiningSummary(result: result, entries: run.entries, failures: run.failures, problems: run.problemCount, notes: run.notes)
        var failures: [JSONValue] = []
        for sample in result.samples {
            if let failure = sample.failure {
                failures.append(.object(["index": .number(Double(sample.index)), "source": .string(sample.source), "message": .string(failure)]))
            }
        }
        let selected = result.selectedSamples.enumerated().map { rank, sample in selectedJSON(sample, rank: rank + 1) }
        let bins = MiningSummary.coefficientBins
        return .object([
            "summary": .object([
                "entries": .number(Double(summary.entries)),
                "scored": .number(Double(summary.scored)),
                "failures": .number(Double(summary.failures)),
                "hard": .number(Double(summary.hard)),
                "selected": .number(Double(summary.selected)),
                "problems": .number(Double(summary.problems)),
            ]),
            "hard_by_reason": reasonCounts(summary.hardByReason),
            "selected_by_reason": reasonCounts(summary.selectedByReason),
            "coefficient_histogram": .array(summary.coefficientCounts.enumerated().map { bin, count in
                .object(["from": .number(Double(bin) / Double(bins)), "to": .number(Double(bin + 1) / Double(bins)), "count": .number(Double(count))])
            }),
            "feature_distributions": .array(summary.featureDistributions.map(distributionJSON)),
            "notes": .array(run.notes.map(JSONValue.string)),
            "configuration": .string(configuration.explain()),
            "selected": .array(selected),
            "failures": .array(failures),
            "problems": .array(run.problems.map(JSONValue.string)),
        ])
    }

    /// One feature's histograms: the bin edges on the feature's scale, the batch's counts and the
    /// training reference's (`null` without one).
    static func distributionJSON(_ distribution: FeatureDistribution) -> JSONValue {
        func histogram(_ histogram: FeatureHistogram) -> JSONValue {
            .object([
                "counts": .array(histogram.counts.map { .number(Double($0)) }),
                "skipped": .number(Double(histogram.skipped)),
            ])
        }
        return .object([
            "reason": .number(Double(distribution.reason)),
            "alias": .string(HardReason.withID(distribution.reason)?.alias ?? "reason \(distribution.reason)"),
            "feature": .string(distribution.name),
            "scale": .string(distribution.scale.rawValue),
            "edges": .array(distribution.batch.edges.map(JSONValue.number)),
            "batch": histogram(distribution.batch),
            "training": distribution.training.map(histogram) ?? .null,
        ])
    }

    static func reasonCounts(_ counts: [Int: Int]) -> JSONValue {
        .array(counts.keys.sorted().map { reason in
            .object([
                "reason": .number(Double(reason)),
                "alias": .string(HardReason.withID(reason)?.alias ?? "reason \(reason)"),
                "count": .number(Double(counts[reason] ?? 0)),
            ])
        })
    }

    static func selectedJSON(_ sample: MinedSample, rank: Int) -> JSONValue {
        let info = sample.info
        return .object([
            "rank": .number(Double(rank)),
            "index": .number(Double(sample.index)),
            "source": .string(sample.source),
            "hard": .bool(info?.isHard ?? false),
            "coefficient": info?.coefficient.map(JSONValue.number) ?? .null,
            "reasons": .array((info?.details ?? []).map { detail in
                .object([
                    "reason": .number(Double(detail.reason)),
                    "alias": .string(HardReason.withID(detail.reason)?.alias ?? "reason \(detail.reason)"),
                    "score": detail.score.map(JSONValue.number) ?? .null,
                    "measured": detail.measured.map(JSONValue.number) ?? .null,
                    "reference": detail.reference.map(JSONValue.string) ?? .null,
                    "suggestion": detail.suggestion.map(JSONValue.string) ?? .null,
                ])
            }),
        ])
    }
}
