extension MiningConfiguration {
    /// The effective configuration as readable lines: every threshold, its value and what it does, for
    /// `winnow mine --explain` and logs.
    public func explain() -> String {
        let n = MiningText.number
        var lines: [String] = []
        func line(_ text: String) { lines.append(text) }
        func section(_ title: String, reasons: ClosedRange<Int>) {
            let state = isAnyEnabled(reasons) ? "" : " (disabled)"
            line("")
            line("\(title)\(state)")
        }
        func adaptive(_ name: String, _ threshold: AdaptiveThreshold) -> String {
            guard threshold.isEnabled else { return "  \(name): off" }
            if let factor = threshold.classFactor {
                return "  \(name): fires below \(n(factor)) × the predicted class's reference mean (\(n(threshold.fixed)) when the class has < \(reference.minimumClassCount) reference samples)"
            }
            return "  \(name): fires below \(n(threshold.fixed)) for every class"
        }
        func range(_ r: RobustRange) -> String {
            let side = switch r.side {
            case .both: "outside"
            case .upper: "above"
            case .lower: "below"
            }
            return "\(side) reference \(r.bandName), |modified z| ≥ \(n(r.minimumModifiedZ)) and ≥ \(n(r.minimumRelativeDeviation * 100)) % of the median beyond the band"
        }
        let reasons = enabledReasons.sorted()
        line("Hard-example mining configuration")
        line("enabled reasons: \(reasons.isEmpty ? "none" : HardReason.formatList(reasons)); seed \(seed)")
        line("classification: class count \(classification.classCount.map(String.init) ?? "unknown (unlisted mass counts as one class)"); background labels \(classification.backgroundLabels.isEmpty ? "none" : classification.backgroundLabels.joined(separator: ", "))")
        line("detection: boxes below \(n(detection.scoreFloor)) are ignored; boxes match at IoU ≥ \(n(detection.iouThreshold)); unmatched boxes count from score \(n(detection.minimumUnmatchedScore))")
        section("0 no target", reasons: 0...0)
        line("  classification: no usable score, predicted label not among the scores, or a background label; detection: no box ≥ \(n(detection.scoreFloor))")
        section("1 low confidence", reasons: 1...1)
        let low = lowConfidence
        line(adaptive("margin p1 − p2", low.margin))
        line(adaptive("top score p1", low.selfConfidence))
        line(adaptive("1 − normalised entropy", low.entropyConfidence))
        line("  detection IBT: \(low.imageBoxThresholdEnabled ? "fires when ≥ \(n(1 - low.imageThreshold)) of the boxes score ≤ \(n(low.lowScoreBoxThreshold))" : "off")")
        line("  detection mean score: \(low.meanScoreEnabled ? "fires below \(n(low.meanScoreThreshold))" : "off")")
        line("  detection CSF band: \(low.uncertainBandEnabled ? "fires when a box scores in [\(n(low.uncertainBandLower)), \(n(low.uncertainBandUpper))]" : "off")")
        section("2 cluster disagreement", reasons: 2...2)
        line("  fires when ≥ \(n(clusterDisagreement.minimumAgreement)) of the \(clusterDisagreement.neighbourCount) nearest reference neighbours carry one other label")
        section("3 far from the predicted class", reasons: 3...3)
        line("  distance to the class centroid \(range(farFromClass)) of the class's own distances")
        section("4 consecutive similar images disagree", reasons: 4...4)
        let radius = temporal.maximumDistance.map { "distance ≤ \(n($0))" } ?? "distance ≤ \(n(temporal.similarityFactor)) × the reference median nearest-neighbour distance"
        line("  \(temporal.window) neighbour(s) each side by capture time or natural file order; similar when \(radius)\(temporal.maximumTimeGap.map { " and ≤ \(n($0)) s apart" } ?? "")")
        section("5–10 image feature drift", reasons: 5...10)
        line("  fires \(range(imageDrift)); area, aspect ratio on a log scale, sharpness on log(1 + x)")
        section("11–18 box feature drift", reasons: 11...18)
        line("  fires \(range(boxDrift)); per-box features on the most extreme box")
        section("19–29 augmentation consistency", reasons: 19...29)
        line("  classification: another top label, or the label's probability drops by > \(n(augmentation.probabilityDrop)); detection: ≥ \(augmentation.minimumInconsistentBoxes) lost, new or relabelled box(es)")
        section("30 outlier", reasons: 30...30)
        line("  mean distance to the \(outlier.neighbourCount) nearest reference embeddings \(range(outlier.range))")
        line("")
        line("embeddings: \(embeddings.normalize ? "unit-normalised" : "raw"); at most \(embeddings.maximumReferenceEmbeddings) reference vectors")
        line("reference: at most \(reference.maximumValuesPerFeature) values per feature; distributions need ≥ \(reference.minimumCount) values, classes ≥ \(reference.minimumClassCount) samples; without a training set the batch is its own reference")
        let weights = (0...30).map { "\($0):\(n(coefficient.weight(of: $0)))" }.joined(separator: " ")
        line("coefficient: \(coefficient.combination == .noisyOr ? "1 − Π(1 − w·s)" : "1 − exp(−Σ w·s)") over \(coefficient.basis == .allScores ? "every evaluated reason" : "the fired reasons"); weights \(weights)")
        var budget: [String] = []
        if let count = selection.maximumCount { budget.append("at most \(count)") }
        if let fraction = selection.maximumFraction { budget.append("at most \(n(fraction * 100)) % of the scored samples") }
        let ranking = switch selection.ranking {
        case .coefficient: "ranked by coefficient"
        case .informativeness: "ranked by informativeness (reason 1's score: 1 − margin, detection its low-confidence score; the coefficient without it and on ties)"
        }
        if budget.isEmpty {
            line("selection: every hard sample, \(ranking)")
        } else {
            let weighted = selection.ranking == .coefficient ? "coefficient" : "informativeness"
            let diversity = selection.diversity
                ? "\(weighted)-weighted k-center greedy over the top \(n(selection.poolMultiplier)) × budget, radius \(n(selection.radiusFactor)) × median nearest-neighbour distance"
                : "no diversity"
            line("selection: \(budget.joined(separator: " and ")) of the \(selection.includesNonHard ? "scored" : "hard") samples, \(ranking), \(diversity)")
        }
        return lines.joined(separator: "\n")
    }
}
