/// Phase 2's batch-wide measurements: each sample's nearest reference embeddings (reasons 2, 3, 30) and
/// its consecutive similar neighbours (reason 4).
struct NeighbourSearch {
    let configuration: MiningConfiguration
    let context: MiningContext

    /// The prepared embedding of every record (by position), `nil` where there is none or its length
    /// differs from the reference's.
    func preparedEmbeddings(_ records: [SampleScores]) -> [[Double]?] {
        guard let (statistics, _) = context.embeddings else { return records.map { _ in nil } }
        return records.map { record in
            guard record.isScored, let raw = record.embedding else { return nil }
            return statistics.prepared(raw)
        }
    }

    /// The evidence of every record (by position).
    func evidence(_ records: [SampleScores], prepared: [[Double]?]) -> [NeighbourEvidence] {
        var result = [NeighbourEvidence](repeating: NeighbourEvidence(), count: records.count)
        guard let (statistics, origin) = context.embeddings else { return result }
        let voteCount = configuration.isEnabled(2) ? configuration.clusterDisagreement.neighbourCount : 0
        let distanceCount = configuration.isEnabled(30) ? statistics.neighbourCount : 0
        let k = max(voteCount, distanceCount)
        var found: [EmbeddingSet.Neighbour] = []
        for position in records.indices {
            guard let vector = prepared[position] else { continue }
            let record = records[position]
            if k > 0 {
                statistics.sample.nearest(to: vector, k: k, excludedOwner: origin == .batch ? record.index : -2, into: &found)
                if voteCount > 0 { result[position].vote = vote(found.prefix(voteCount), predicted: record.label, labels: statistics.classLabels, sample: statistics.sample) }
                if distanceCount > 0, !found.isEmpty {
                    let nearest = found.prefix(distanceCount)
                    result[position].neighbourDistance = nearest.reduce(0) { $0 + $1.distance } / Double(nearest.count)
                }
            }
            if configuration.isEnabled(3), let label = record.label, let centroid = statistics.centroids[label] {
                result[position].classDistance = EmbeddingSet.distance(vector, centroid)
            }
        }
        if configuration.isEnabled(4) {
            addTemporal(records, prepared: prepared, scale: statistics.medianNearestDistance, into: &result)
        }
        return result
    }

    private func vote(_ neighbours: ArraySlice<EmbeddingSet.Neighbour>, predicted: String?, labels: [String], sample: EmbeddingSet) -> NeighbourVote? {
        var counts: [Int: Int] = [:]
        var voters = 0
        for neighbour in neighbours {
            let classIndex = sample.classIndices[neighbour.position]
            guard labels.indices.contains(classIndex) else { continue }
            counts[classIndex, default: 0] += 1
            voters += 1
        }
        guard voters > 0 else { return nil }
        let predictedIndex = predicted.flatMap { labels.firstIndex(of: $0) }
        let predictedVotes = predictedIndex.flatMap { counts[$0] } ?? 0
        var winner = -1
        var winnerVotes = 0
        for (classIndex, votes) in counts.sorted(by: { $0.key < $1.key }) where votes > winnerVotes {
            winner = classIndex
            winnerVotes = votes
        }
        if let predictedIndex, predictedVotes == winnerVotes { winner = predictedIndex }
        return NeighbourVote(
            winner: labels[winner], winnerShare: Double(winnerVotes) / Double(voters), predictedShare: Double(predictedVotes) / Double(voters),
            voters: voters)
    }

    private func addTemporal(_ records: [SampleScores], prepared: [[Double]?], scale: Double, into result: inout [NeighbourEvidence]) {
        let settings = configuration.temporal
        let radius = settings.maximumDistance ?? settings.similarityFactor * scale
        guard radius.isFinite else { return }
        let scored = records.indices.filter { records[$0].isScored }
        let byTime = !scored.isEmpty && scored.allSatisfy { records[$0].captureTime?.isFinite == true }
        let names = records.map { Array($0.source.utf8) }
        let order = scored.sorted { a, b in
            if byTime, let ta = records[a].captureTime, let tb = records[b].captureTime, ta != tb { return ta < tb }
            let byName = NaturalOrder.compare(names[a], names[b])
            return byName != 0 ? byName < 0 : records[a].index < records[b].index
        }
        let rule = TemporalConsistencyRule(configuration: configuration)
        let window = max(1, settings.window)
        for (rank, position) in order.enumerated() {
            guard let vector = prepared[position] else { continue }
            var similar = 0
            var disagreeing = 0
            var example: (distance: Double, position: Int)?
            for other in max(0, rank - window)...min(order.count - 1, rank + window) where other != rank {
                let neighbour = order[other]
                guard let otherVector = prepared[neighbour] else { continue }
                let distance = EmbeddingSet.distance(vector, otherVector)
                guard distance <= radius else { continue }
                if byTime, let gap = settings.maximumTimeGap, let ta = records[position].captureTime, let tb = records[neighbour].captureTime, abs(ta - tb) > gap {
                    continue
                }
                similar += 1
                guard rule.disagree(records[position], records[neighbour]) else { continue }
                disagreeing += 1
                if let current = example, current.distance <= distance { continue }
                example = (distance, neighbour)
            }
            result[position].temporal = TemporalEvidence(
                ordering: byTime ? .captureTime : .naturalOrder, radius: radius, similar: similar, disagreeing: disagreeing,
                exampleSource: example.map { records[$0.position].source }, exampleLabel: example.flatMap { records[$0.position].label })
        }
    }
}
