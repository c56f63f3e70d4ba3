public import WinnowCore

extension SampleQuery {
    /// Whether `sample` passes the query's filters (the in-memory store's definition, which every
    /// backend's SQL must agree with).
    public func matches(_ sample: Sample) -> Bool {
        guard sample.datasetID == datasetID else { return false }
        if let state, sample.state != state { return false }
        if let hard, sample.isHard != hard { return false }
        if let reason, !(sample.hardExample?.reasons.contains(reason) ?? false) { return false }
        if let coefficient {
            guard let value = sample.hardExample?.coefficient, coefficient.contains(value) else { return false }
        }
        if let label, !sample.labels.contains(where: { $0.name == label }) { return false }
        if let afterID, sample.id <= afterID { return false }
        return true
    }

    /// Whether `a` comes before `b` in the query's order (ties broken by id).
    public func orders(_ a: Sample, before b: Sample) -> Bool {
        func byID() -> Bool { descending ? a.id > b.id : a.id < b.id }
        switch sort {
        case .id:
            return byID()
        case .source:
            if a.source != b.source { return descending ? a.source > b.source : a.source < b.source }
        case .createdAt:
            if a.createdAt != b.createdAt { return descending ? a.createdAt > b.createdAt : a.createdAt < b.createdAt }
        case .coefficient:
            // Samples without a coefficient come last in either direction.
            switch (a.hardExample?.coefficient, b.hardExample?.coefficient) {
            case let (x?, y?) where x != y: return descending ? x > y : x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: break
            }
        }
        return byID()
    }
}
