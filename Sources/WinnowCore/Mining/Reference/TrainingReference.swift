/// Builds ``ReferenceStatistics`` from a stream of items: add each training image (or, as a fallback,
/// each batch record), then ``finalize()``.
///
/// Memory is bounded: every feature keeps a seeded uniform sample of at most
/// ``ReferenceConfiguration/maximumValuesPerFeature`` values and the embeddings at most
/// ``EmbeddingConfiguration/maximumReferenceEmbeddings`` vectors; class centroids and confidence means are
/// running sums over everything. The same items in the same order with the same seed give the same
/// statistics.
public struct TrainingReference: Sendable {
    /// Where the items come from; details name it.
    public let origin: ReferenceOrigin
    private let configuration: MiningConfiguration
    private var itemCount = 0
    private var labels: Set<String> = []
    private var imageValues: [ImageFeatureKind: ReservoirSample<Double>] = [:]
    private var boxValues: [BoxFeatureKind: ReservoirSample<Double>] = [:]
    private var confidence: [String: ConfidenceSums] = [:]
    private var embeddings: ReservoirSample<StoredEmbedding>
    private var centroidSums: [String: CentroidSum] = [:]
    private var dimension: Int?
    private var skippedEmbeddings = 0

    private struct ConfidenceSums: Sendable {
        var count = 0
        var selfConfidence = 0.0
        var margin = 0.0
        var entropyConfidence = 0.0
    }

    private struct CentroidSum: Sendable {
        var sum: [Double]
        var count: Int
    }

    private struct StoredEmbedding: Sendable {
        var vector: [Double]
        var label: String?
        var owner: Int
    }

    /// An empty reference.
    /// - Parameters:
    ///   - configuration: the mining configuration (reference and embedding limits, seed, outlier k).
    ///   - origin: ``ReferenceOrigin/training`` for a training manifest.
    public init(configuration: MiningConfiguration = MiningConfiguration(), origin: ReferenceOrigin = .training) {
        self.configuration = configuration
        self.origin = origin
        embeddings = ReservoirSample(capacity: configuration.embeddings.maximumReferenceEmbeddings, seed: configuration.seed ^ 0xE4BE_DD16)
    }

    /// Adds one reference image.
    public mutating func add(_ item: ReferenceItem) {
        itemCount += 1
        let imageLabel = item.imageLabel
        labels.formUnion(item.classLabels)
        labels.formUnion(item.boxes.map(\.label))
        if let features = item.imageFeatures { addImageFeatures(features) }
        let size = item.imageSize ?? item.imageFeatures?.size
        if !item.boxes.isEmpty || (item.classLabels.isEmpty && size != nil) {
            addBoxes(BoxMeasurements(boxes: item.boxes.map(\.box), imageSize: size, pixels: item.boxPixels))
        }
        if let prediction = item.prediction, let given = imageLabel {
            let measured = ClassificationConfidence(scores: prediction.scores, classCount: configuration.classification.classCount)
            let probability = ClassificationConfidence.score(of: given, in: prediction.scores) ?? 0
            let margin = measured.topLabel == given ? measured.margin : probability - measured.top
            addConfidence(label: given, selfConfidence: probability, margin: margin, entropyConfidence: measured.entropyConfidence)
        }
        if let embedding = item.embedding { addEmbedding(embedding, label: imageLabel, owner: -1) }
    }

    /// Adds one scored batch sample, for the batch-as-reference fallback: its prediction stands in for
    /// the label. Failures are skipped.
    /// - Parameters:
    ///   - record: the phase-1 record.
    ///   - includingEmbedding: whether its embedding joins the reference (skip it when the training set
    ///     provides embeddings, to save the k-NN work).
    public mutating func add(record: SampleScores, includingEmbedding: Bool = true) {
        guard record.failure == nil else { return }
        itemCount += 1
        if let label = record.label { labels.insert(label) }
        if let features = record.imageFeatures { addImageFeatures(features) }
        if let boxes = record.boxes { addBoxes(boxes) }
        if record.noTarget == nil, let label = record.label, let measured = record.classification {
            addConfidence(label: label, selfConfidence: measured.top, margin: measured.margin, entropyConfidence: measured.entropyConfidence)
        }
        if includingEmbedding, let embedding = record.embedding { addEmbedding(embedding, label: record.label, owner: record.index) }
    }

    private mutating func addImageFeatures(_ features: ImageFeatures) {
        for kind in ImageFeatureKind.allCases {
            let value = kind.value(in: features)
            guard value.isFinite else { continue }
            let empty = reservoir(salt: UInt64(kind.rawValue))
            imageValues[kind, default: empty].add(kind.scale.transform(value))
        }
    }

    private mutating func addBoxes(_ boxes: BoxMeasurements) {
        for kind in BoxFeatureKind.allCases {
            if kind.isPerBox {
                for box in boxes.boxes {
                    guard let value = box.value(kind), value.isFinite else { continue }
                    let empty = reservoir(salt: UInt64(kind.rawValue))
                    boxValues[kind, default: empty].add(kind.scale.transform(value))
                }
            } else if let value = boxes.imageValue(kind), value.isFinite {
                let empty = reservoir(salt: UInt64(kind.rawValue))
                boxValues[kind, default: empty].add(kind.scale.transform(value))
            }
        }
    }

    private mutating func addConfidence(label: String, selfConfidence: Double, margin: Double, entropyConfidence: Double) {
        guard selfConfidence.isFinite, margin.isFinite, entropyConfidence.isFinite else { return }
        var sums = confidence[label, default: ConfidenceSums()]
        sums.count += 1
        sums.selfConfidence += selfConfidence
        sums.margin += margin
        sums.entropyConfidence += entropyConfidence
        confidence[label] = sums
    }

    private mutating func addEmbedding(_ raw: [Double], label: String?, owner: Int) {
        guard !raw.isEmpty else { return }
        if dimension == nil { dimension = raw.count }
        guard raw.count == dimension, let vector = EmbeddingSet.prepared(raw, normalize: configuration.embeddings.normalize) else {
            skippedEmbeddings += 1
            return
        }
        embeddings.add(StoredEmbedding(vector: vector, label: label, owner: owner))
        guard let label else { return }
        if var centroid = centroidSums[label] {
            for i in vector.indices { centroid.sum[i] += vector[i] }
            centroid.count += 1
            centroidSums[label] = centroid
        } else {
            centroidSums[label] = CentroidSum(sum: vector, count: 1)
        }
    }

    private func reservoir(salt: UInt64) -> ReservoirSample<Double> {
        ReservoirSample(capacity: configuration.reference.maximumValuesPerFeature, seed: configuration.seed ^ (salt &* 0x9E37_79B9_7F4A_7C15))
    }

    /// The statistics of everything added so far.
    public func finalize() -> ReferenceStatistics {
        let classConfidence = confidence.mapValues { sums in
            let count = Double(sums.count)
            return ClassConfidenceSummary(
                count: sums.count, meanSelfConfidence: sums.selfConfidence / count, meanMargin: sums.margin / count,
                meanEntropyConfidence: sums.entropyConfidence / count)
        }
        return ReferenceStatistics(
            origin: origin, itemCount: itemCount, classLabels: labels.sorted(),
            imageFeatures: imageValues.mapValues { EmpiricalDistribution($0.elements) },
            boxFeatures: boxValues.mapValues { EmpiricalDistribution($0.elements) },
            classConfidence: classConfidence, embeddings: embeddingStatistics(), skippedEmbeddings: skippedEmbeddings)
    }

    private func embeddingStatistics() -> EmbeddingStatistics? {
        guard let dimension, embeddings.elements.count >= 2 else { return nil }
        let classLabels = Set(embeddings.elements.compactMap(\.label)).union(centroidSums.keys).sorted()
        let classIndex = Dictionary(uniqueKeysWithValues: classLabels.enumerated().map { ($1, $0) })
        var sample = EmbeddingSet(dimension: dimension)
        for stored in embeddings.elements {
            sample.append(stored.vector, classIndex: stored.label.flatMap { classIndex[$0] } ?? -1, owner: stored.owner)
        }
        let centroids = centroidSums.mapValues { centroid in centroid.sum.map { $0 / Double(centroid.count) } }
        var distancesByClass: [String: [Double]] = [:]
        for stored in embeddings.elements {
            guard let label = stored.label, let centroid = centroids[label] else { continue }
            distancesByClass[label, default: []].append(EmbeddingSet.distance(stored.vector, centroid))
        }
        let k = max(1, min(configuration.outlier.neighbourCount, sample.count - 1))
        var neighbourMeans: [Double] = []
        var nearest: [Double] = []
        neighbourMeans.reserveCapacity(sample.count)
        nearest.reserveCapacity(sample.count)
        var found: [EmbeddingSet.Neighbour] = []
        for position in 0..<sample.count {
            let query = embeddings.elements[position].vector
            sample.nearest(to: query, k: k, excludedPosition: position, into: &found)
            guard let first = found.first else { continue }
            nearest.append(first.distance)
            neighbourMeans.append(found.reduce(0) { $0 + $1.distance } / Double(found.count))
        }
        return EmbeddingStatistics(
            sample: sample, classLabels: classLabels, centroids: centroids, classCounts: centroidSums.mapValues(\.count),
            classDistances: distancesByClass.mapValues { EmpiricalDistribution($0) },
            neighbourDistances: EmpiricalDistribution(neighbourMeans), neighbourCount: k,
            medianNearestDistance: EmpiricalDistribution(nearest).median, normalized: configuration.embeddings.normalize)
    }
}
