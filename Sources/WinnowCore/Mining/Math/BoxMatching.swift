/// Greedy one-to-one matching of two box lists by intersection over union, as detection evaluation does:
/// all pairs with IoU ≥ the threshold, best first, each box used at most once.
public enum BoxMatching {
    /// A matched pair: positions in the first and the second list, and their IoU.
    public struct Match: Sendable, Hashable {
        /// Position in the first list.
        public var first: Int
        /// Position in the second list.
        public var second: Int
        /// Their intersection over union.
        public var intersectionOverUnion: Double
    }

    /// The greedy matches between `first` and `second`, in decreasing IoU (ties by position), each with
    /// IoU ≥ `threshold` (default 0.5).
    public static func greedyMatches(_ first: [BoundingBox], _ second: [BoundingBox], threshold: Double = 0.5) -> [Match] {
        guard !first.isEmpty, !second.isEmpty else { return [] }
        var candidates: [Match] = []
        for i in first.indices {
            for j in second.indices {
                let iou = first[i].intersectionOverUnion(second[j])
                if iou >= threshold, iou > 0 { candidates.append(Match(first: i, second: j, intersectionOverUnion: iou)) }
            }
        }
        candidates.sort {
            if $0.intersectionOverUnion != $1.intersectionOverUnion { return $0.intersectionOverUnion > $1.intersectionOverUnion }
            if $0.first != $1.first { return $0.first < $1.first }
            return $0.second < $1.second
        }
        var usedFirst = [Bool](repeating: false, count: first.count)
        var usedSecond = [Bool](repeating: false, count: second.count)
        var matches: [Match] = []
        for candidate in candidates where !usedFirst[candidate.first] && !usedSecond[candidate.second] {
            usedFirst[candidate.first] = true
            usedSecond[candidate.second] = true
            matches.append(candidate)
        }
        return matches
    }
}

extension DetectedObject {
    /// The object's box.
    public var boundingBox: BoundingBox {
        BoundingBox(xmin: xmin, ymin: ymin, xmax: xmax, ymax: ymax)
    }
}
