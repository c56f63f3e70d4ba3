/// How two detection answers for the same image differ (an augmented copy mapped back to the original
/// frame, or a neighbouring frame): boxes matched greedily by IoU regardless of class, then counted.
///
/// Only boxes at or above the score floor take part. An unmatched box counts as lost (original) or new
/// (other) only when its score is at least `minimumUnmatchedScore`; weaker unmatched boxes flicker around
/// the floor and are ignored.
public struct DetectionComparison: Sendable, Hashable {
    /// Matched pairs.
    public var matched: Int
    /// Matched pairs whose classes differ.
    public var relabelled: Int
    /// Original boxes without a match.
    public var lost: Int
    /// Other boxes without a match.
    public var added: Int

    /// The differences: relabelled + lost + new.
    public var inconsistentCount: Int { relabelled + lost + added }

    /// The share of inconsistent boxes, `(relabelled + lost + new) / (matched + lost + new)`, in [0, 1];
    /// 0 when neither answer has a counted box.
    public var inconsistency: Double {
        let total = matched + lost + added
        return total > 0 ? Double(inconsistentCount) / Double(total) : 0
    }

    /// A comparison with the given counts.
    public init(matched: Int, relabelled: Int, lost: Int, added: Int) {
        self.matched = matched
        self.relabelled = relabelled
        self.lost = lost
        self.added = added
    }

    /// Compares `original` with `other`.
    /// - Parameters:
    ///   - original: the original answer's objects.
    ///   - other: the other answer's objects, in the original frame.
    ///   - scoreFloor: boxes below it are ignored on both sides.
    ///   - iouThreshold: the least IoU of a match (default 0.5).
    ///   - minimumUnmatchedScore: the least score of an unmatched box that counts as lost or new.
    public init(original: [DetectedObject], other: [DetectedObject], scoreFloor: Double, iouThreshold: Double = 0.5, minimumUnmatchedScore: Double) {
        let first = original.filter { $0.score >= scoreFloor }
        let second = other.filter { $0.score >= scoreFloor }
        let matches = BoxMatching.greedyMatches(first.map(\.boundingBox), second.map(\.boundingBox), threshold: iouThreshold)
        var matchedFirst = [Bool](repeating: false, count: first.count)
        var matchedSecond = [Bool](repeating: false, count: second.count)
        var relabelled = 0
        for match in matches {
            matchedFirst[match.first] = true
            matchedSecond[match.second] = true
            if first[match.first].label != second[match.second].label { relabelled += 1 }
        }
        matched = matches.count
        self.relabelled = relabelled
        lost = first.indices.filter { !matchedFirst[$0] && first[$0].score >= minimumUnmatchedScore }.count
        added = second.indices.filter { !matchedSecond[$0] && second[$0].score >= minimumUnmatchedScore }.count
    }
}
