public import WinnowCore

extension HardExampleMining {
    /// The selected samples of `run` as dataset samples awaiting confirmation, in batch order and in
    /// chunks: each with the model's answer as its pre-annotation (`annotated-by` `annotatedBy`), its
    /// verdict, coefficient and reasons, and its image size when measured. The answers are read again
    /// from `source`, so nothing of the batch is held in memory but the verdicts.
    ///
    /// - Parameter stableIDs: give each sample an id derived from its position and source, so the same
    ///   run writes the same manifest byte for byte; otherwise fresh ids.
    public func forEachSelected(
        _ run: MiningRun, in source: some MiningEntrySource, datasetID: String, annotatedBy: String, stableIDs: Bool,
        _ body: ([Sample]) async throws -> Void
    ) async throws {
        let verdicts = Dictionary(run.result.samples.filter(\.isSelected).map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        guard !verdicts.isEmpty else { return }
        try await source.forEachChunk(chunkSize: 512) { chunk in
            var samples: [Sample] = []
            for entry in chunk {
                guard let verdict = verdicts[entry.index], let info = verdict.info else { continue }
                if case .failed = entry.result { continue }
                let prediction = try readAnswer(entry.result)
                let id = stableIDs ? Self.stableID(index: entry.index, source: entry.source) : Identifier.make()
                samples.append(Sample(
                    id: id, datasetID: datasetID, source: entry.source, state: .toBeConfirmed,
                    labels: Self.preAnnotation(prediction, annotatedBy: annotatedBy), usage: .inference,
                    imageSize: run.imageSizes[entry.index], hardExample: info))
            }
            if !samples.isEmpty { try await body(samples) }
        }
    }

    /// The `top` selected samples of `run` with the highest coefficient (ties by batch order), hardest
    /// first, as ``forEachSelected(_:in:datasetID:annotatedBy:stableIDs:_:)`` makes them, each with its
    /// image's local path when it has one. Only these few answers are read again from `source`.
    public func hardest(
        _ run: MiningRun, in source: some MiningEntrySource, top: Int, annotatedBy: String
    ) async throws -> [(sample: Sample, imagePath: String?)] {
        let ranked = run.result.samples.filter(\.isSelected).sorted {
            let (a, b) = ($0.info?.coefficient ?? 0, $1.info?.coefficient ?? 0)
            return a != b ? a > b : $0.index < $1.index
        }.prefix(max(0, top))
        let rank = Dictionary(ranked.enumerated().map { ($1.index, $0) }, uniquingKeysWith: { first, _ in first })
        guard !rank.isEmpty else { return [] }
        var found: [(rank: Int, sample: Sample, imagePath: String?)] = []
        try await source.forEachChunk(chunkSize: 512) { chunk in
            for entry in chunk {
                guard let position = rank[entry.index], let info = ranked[ranked.startIndex + position].info,
                      case .answerFile(let path) = entry.result
                else { continue }
                let prediction = try readAnswer(path)
                let sample = Sample(
                    id: Self.stableID(index: entry.index, source: entry.source), datasetID: "", source: entry.source, state: .toBeConfirmed,
                    labels: Self.preAnnotation(prediction, annotatedBy: annotatedBy), usage: .inference,
                    imageSize: run.imageSizes[entry.index], hardExample: info)
                found.append((position, sample, entry.imagePath))
            }
        }
        return found.sorted { $0.rank < $1.rank }.map { ($0.sample, $0.imagePath) }
    }

    /// The model's prediction as labels awaiting confirmation.
    public static func preAnnotation(_ prediction: Prediction, annotatedBy: String) -> [Label] {
        switch prediction.content {
        case .classification(let c):
            let confidence = c.scores.first { $0.label == c.predictedLabel }?.score
            return [Label(type: .imageClassification, name: c.predictedLabel, confidence: confidence, annotatedBy: annotatedBy)]
        case .detection(let d):
            return d.objects.map { Label(type: .objectDetection, name: $0.label, shape: $0.shape, confidence: $0.score, annotatedBy: annotatedBy) }
        }
    }

    /// A 32-hex-digit id from a sample's position and source (FNV-1a, twice with different offsets).
    static func stableID(index: Int, source: String) -> String {
        func fnv(_ offset: UInt64) -> UInt64 {
            var hash = offset
            for byte in "\(index):\(source)".utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01B3
            }
            return hash
        }
        let high = String(fnv(0xCBF2_9CE4_8422_2325), radix: 16)
        let low = String(fnv(0x8422_2325_CBF2_9CE4), radix: 16)
        return String(repeating: "0", count: 16 - high.count) + high + String(repeating: "0", count: 16 - low.count) + low
    }
}
