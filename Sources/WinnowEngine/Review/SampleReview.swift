public import Foundation
public import WinnowCore
public import WinnowStore

/// Reviewing samples: confirming them (as they are or corrected) and setting or clearing their hard
/// flag. The CLI's `samples confirm|mark-hard|unmark-hard` and the server's review routes both use it.
public struct SampleReview: Sendable {
    public let store: any MetadataStore

    public init(store: any MetadataStore) {
        self.store = store
    }

    /// How a confirmation corrects a sample's labels.
    public enum Correction: Sendable, Hashable {
        /// Confirm the current labels (the model's pre-annotation) as they are.
        case asIs
        /// Classification: the correct class replaces every label.
        case label(String)
        /// Detection: the boxes of a PASCAL VOC annotation replace every label.
        case annotation(VOCAnnotation)
        /// Detection: these boxes (class name and shape) replace every label.
        case objects([Label])
        /// Detection: keep only the current labels at these indices, delete the others.
        case keep([Int])
    }

    /// The samples with these ids, failing on the first unknown one (nothing is changed then).
    public func load(_ ids: [String]) async throws -> [Sample] {
        var samples: [Sample] = []
        for id in ids {
            guard let sample = try await store.sample(id: id) else {
                throw EngineError(.notFound, "no sample '\(id)'; nothing was changed")
            }
            samples.append(sample)
        }
        return samples
    }

    /// Confirms samples: their labels (corrected when asked) become a person's, and they become
    /// labeled. All or nothing.
    ///
    /// - Throws: ``EngineError`` `.notFound` for an unknown id, `.invalidInput` for a correction that
    ///   does not fit a sample (a class for a detection sample, no label to confirm, an index out of range).
    @discardableResult
    public func confirm(ids: [String], correction: Correction = .asIs, now: Date = Date()) async throws -> [Sample] {
        guard !ids.isEmpty else { throw EngineError(.invalidInput, "give at least one sample id") }
        var samples = try await load(ids)
        for index in samples.indices {
            samples[index] = try Self.confirmed(samples[index], correction: correction, now: now)
        }
        try await store.updateSamples(samples)
        return samples
    }

    /// `sample` confirmed with `correction`.
    static func confirmed(_ sample: Sample, correction: Correction, now: Date) throws -> Sample {
        var sample = sample
        let isDetection = sample.labels.contains { $0.type == .objectDetection || $0.shape != nil }
        switch correction {
        case .asIs:
            guard !sample.labels.isEmpty else {
                throw EngineError(.invalidInput, "sample \(sample.id) has no label to confirm; give the correct label or boxes")
            }
            sample.labels = sample.labels.map { var label = $0; label.annotatedBy = "human"; return label }
        case .label(let name):
            guard !isDetection else {
                throw EngineError(.invalidInput, "sample \(sample.id) has boxes; correct detection samples with boxes, not a class")
            }
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw EngineError(.invalidInput, "label: the class name is empty") }
            sample.labels = [Label(type: .imageClassification, name: trimmed, annotatedBy: "human")]
        case .annotation(let voc):
            sample.labels = voc.objects.map {
                ManifestSampleMapping.label(from: $0, annotation: ManifestAnnotation(type: .objectDetection, annotatedBy: "human"))
            }
            sample.imageSize = voc.size
        case .objects(let labels):
            if let unnamed = labels.firstIndex(where: { $0.name.isEmpty }) {
                throw EngineError(.invalidInput, "boxes[\(unnamed)].name: the class name is empty")
            }
            sample.labels = labels.map { var label = $0; label.type = .objectDetection; label.annotatedBy = "human"; return label }
        case .keep(let indices):
            if let bad = indices.first(where: { !sample.labels.indices.contains($0) }) {
                throw EngineError(.invalidInput, "keep: sample \(sample.id) has \(sample.labels.count) labels, no index \(bad)")
            }
            let kept = Set(indices)
            sample.labels = sample.labels.indices.filter(kept.contains).map {
                var label = sample.labels[$0]
                label.annotatedBy = "human"
                return label
            }
        }
        sample.state = .labeled
        sample.updatedAt = now
        return sample
    }

    /// Sets or clears the hard flag of samples; their reasons stay on record. All or nothing.
    @discardableResult
    public func setHard(_ hard: Bool, ids: [String], now: Date = Date()) async throws -> [Sample] {
        guard !ids.isEmpty else { throw EngineError(.invalidInput, "give at least one sample id") }
        var samples = try await load(ids)
        for index in samples.indices {
            var info = samples[index].hardExample ?? HardExampleInfo(isHard: hard)
            info.isHard = hard
            samples[index].hardExample = info
            samples[index].updatedAt = now
        }
        try await store.updateSamples(samples)
        return samples
    }
}
