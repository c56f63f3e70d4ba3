public import WinnowCore

/// The JSON report of a mining run (`winnow mine --report`): totals, counts by reason, the coefficient
/// histogram, the notes on where statistics came from, every selected sample with each reason's measured
/// value, reference and suggestion (in pick order), the failures and the problems. Keys are sorted, so
/// the same run gives the same bytes.
public enum MiningReport {
    /// The report of `run` made under `configuration`.
    public static func json(_ run: MiningRun, configuration: MiningConfiguration) -> JSONValue {
        let result = run.result
        var hardByReason: [Int: Int] = [:]
        var selectedByReason: [Int: Int] = [:]
        var histogram = [Int](repeating: 0, count: 10)
        var failures: [JSONValue] = []
        for sample in result.samples {
            if let failure = sample.failure {
                failures.append(.object(["index": .number(Double(sample.index)), "source": .string(sample.source), "message": .string(failure)]))
            }
            guard let info = sample.info else { continue }
            let coefficient = info.coefficient ?? 0
            histogram[min(9, max(0, Int(coefficient * 10)))] += 1
            guard info.isHard else { continue }
            for reason in info.reasons {
                hardByReason[reason, default: 0] += 1
                if sample.isSelected { selectedByReason[reason, default: 0] += 1 }
            }
        }
        let selected = result.selectedSamples.enumerated().map { rank, sample in selectedJSON(sample, rank: rank + 1) }
        return .object([
            "summary": .object([
                "entries": .number(Double(run.entries)),
                "scored": .number(Double(result.scoredCount)),
                "failures": .number(Double(run.failures)),
                "hard": .number(Double(result.hardCount)),
                "selected": .number(Double(result.selection.count)),
                "problems": .number(Double(run.problemCount)),
            ]),
            "hard_by_reason": reasonCounts(hardByReason),
            "selected_by_reason": reasonCounts(selectedByReason),
            "coefficient_histogram": .array(histogram.enumerated().map { bin, count in
                .object(["from": .number(Double(bin) / 10), "to": .number(Double(bin + 1) / 10), "count": .number(Double(count))])
            }),
            "notes": .array(run.notes.map(JSONValue.string)),
            "configuration": .string(configuration.explain()),
            "selected": .array(selected),
            "failures": .array(failures),
            "problems": .array(run.problems.map(JSONValue.string)),
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
