import Foundation
public import WinnowCore
import WinnowImaging
public import WinnowObjects

/// Hard-example mining of one batch, end to end: reads the model's answers, measures what the enabled
/// rules need from the pixels (and from the model on augmented copies), scores every sample with
/// WinnowCore's phase 1, and decides and selects with phase 2 against the training set's statistics (or
/// the batch's own). `winnow mine` and the data-collection filter task both run it.
public struct HardExampleMining: Sendable {
    /// The options.
    public let options: MiningOptions
    /// The model asked about augmented copies (reasons 19–29), if any.
    public let prober: AugmentationProber?
    /// Phase 1 under the options' configuration.
    public let phase1: MiningPhase1
    /// Called as work advances.
    public var progress: @Sendable (MiningProgress) -> Void = { _ in }
    /// Reads batch and training images that are not local files (`s3://`, `obs://`), for the pixel-based
    /// reasons; without one, those reasons are skipped for such images, and each is named in the
    /// problems (training images: in the notes).
    public var imageReader: (any ResourceReader)?
    let measurer = PixelMeasurer()

    /// Mining under `options`; `prober` runs reasons 19–29.
    /// - Throws: ``EngineError`` naming the configuration field at fault.
    public init(options: MiningOptions, prober: AugmentationProber? = nil) throws {
        do {
            try options.configuration.validate()
        } catch {
            throw EngineError(.invalidInput, "mining configuration: \(error.field): \(error.message)")
        }
        guard options.type.supportsHardExamples else {
            throw EngineError(.invalidInput, "hard-example mining supports image_classification and object_detection, not \(options.type.rawValue)")
        }
        self.options = options
        self.prober = prober
        phase1 = MiningPhase1(configuration: options.configuration)
    }

    // MARK: Whole run

    /// Phase 1 over `source` (all of it: a shard option is ignored here) and phase 2 against `training`.
    public func run(_ source: some MiningEntrySource, training: TrainingSet?) async throws -> MiningRun {
        let builtin = try await usesBuiltinEmbeddings(source, hasTraining: training != nil)
        var notes: [String] = []
        let (reference, referenceNotes) = await reference(from: training, builtinEmbeddings: builtin)
        notes += referenceNotes
        var phase2 = MiningPhase2(configuration: options.configuration, training: reference)
        let scored = try await score(source, builtinEmbeddings: builtin, shard: nil) { phase2.add($0) }
        notes += scored.notes
        let result = phase2.finish()
        notes += result.referenceSummary
        return MiningRun(
            result: result, entries: scored.entries, failures: scored.failures, problems: scored.problems.items,
            problemCount: scored.problems.count, notes: notes, imageSizes: scored.imageSizes, builtinEmbeddings: builtin)
    }

    // MARK: Embeddings

    /// Whether the run uses the built-in descriptor rather than the model's embeddings.
    public func usesBuiltinEmbeddings(_ source: some MiningEntrySource, hasTraining: Bool) async throws -> Bool {
        switch options.embeddingSource {
        case .builtin: return true
        case .model: return false
        case .automatic:
            if hasTraining { return true }
            var firstAnswer: MiningEntry.Result?
            do {
                try await source.forEachChunk(chunkSize: 64) { chunk in
                    for entry in chunk {
                        if case .failed = entry.result { continue }
                        firstAnswer = entry.result
                        throw FirstAnswerFound()
                    }
                }
            } catch is FirstAnswerFound {}
            guard let answer = firstAnswer, let prediction = try? readAnswer(answer) else { return true }
            return prediction.embedding?.isEmpty ?? true
        }
    }

    private struct FirstAnswerFound: Error {}

    var needsEmbeddings: Bool {
        phase1.requirements.contains(.embedding) || options.configuration.selection.diversity
    }

    func pixelNeeds(builtinEmbeddings: Bool) -> PixelMeasurer.Needs {
        PixelMeasurer.Needs(
            features: phase1.requirements.contains(.imageFeatures),
            boxPixels: phase1.requirements.contains(.boxPixels) && options.type == .objectDetection,
            embedding: builtinEmbeddings && needsEmbeddings)
    }

    // MARK: Reference

    /// The training set's statistics, measuring up to ``MiningOptions/referenceImageLimit`` of its images
    /// (a seeded uniform choice) when the rules need pixels; `nil` without a training set.
    public func reference(from training: TrainingSet?, builtinEmbeddings: Bool) async -> (ReferenceStatistics?, [String]) {
        guard let training else { return (nil, ["no training manifest: every \"compared with the training set\" rule compares with the batch"]) }
        var builder = TrainingReference(configuration: options.configuration, origin: .training)
        let needs = pixelNeeds(builtinEmbeddings: builtinEmbeddings)
        var notes: [String] = []
        var measurements: [Int: PixelMeasurer.Measurement] = [:]
        if !needs.isEmpty {
            let chosen = Self.choose(training.items.count, limit: options.referenceImageLimit, seed: options.configuration.seed)
            var unreadable = MiningProblems()
            var done = 0
            let measurer = measurer
            let items = training.items
            // A chunk at a time, so that images fetched from object storage are held 256 at most.
            for start in stride(from: 0, to: chosen.count, by: 256) {
                let chunk = Array(chosen[start..<min(chosen.count, start + 256)])
                var remote: [Int: RemoteImages.Image] = [:]
                if let imageReader {
                    remote = await RemoteImages(reader: imageReader).fetch(chunk.compactMap { position in
                        guard items[position].imagePath == nil, let location = items[position].imageLocation else { return nil }
                        return (position, location)
                    })
                }
                try? await OrderedConcurrentMap(concurrency: options.concurrency).run(chunk.map { ($0, remote[$0]) }) {
                    position, image -> Result<PixelMeasurer.Measurement, PixelMeasurementError> in
                    let item = items[position]
                    let boxes = item.reference.boxes.map(\.box)
                    let name = item.imageLocation?.description ?? "training image \(position + 1)"
                    switch (item.imagePath, image) {
                    case (let path?, _):
                        return Result { () throws(PixelMeasurementError) in try measurer.measure(path: path, boxes: boxes, needs: needs) }
                    case (nil, .bytes(let bytes)?):
                        return Result { () throws(PixelMeasurementError) in try measurer.measure(bytes: bytes, name: name, boxes: boxes, needs: needs) }
                    case (nil, .unreadable(let message)?):
                        return .failure(PixelMeasurementError(path: name, message: message))
                    case (nil, nil):
                        return .failure(PixelMeasurementError(path: name, message: "is not a local file and there is no object-storage reader"))
                    }
                } body: { input, outcome in
                    switch outcome {
                    case .success(let measurement): measurements[input.0] = measurement
                    case .failure(let error): unreadable.append(error.description)
                    }
                    done += 1
                    if done % 256 == 0 || done == chosen.count { progress(MiningProgress(stage: "reference", done: done, total: chosen.count)) }
                }
            }
            notes.append("training images measured: \(measurements.count) of \(training.items.count)"
                + (chosen.count < training.items.count ? " (a seeded sample of \(chosen.count))" : ""))
            if unreadable.count > 0 {
                notes.append("\(unreadable.count) training image(s) could not be measured, e.g. \(unreadable.items[0])")
            }
        }
        for (position, item) in training.items.enumerated() {
            var reference = item.reference
            if let measurement = measurements[position] {
                reference.imageSize = reference.imageSize ?? measurement.size
                reference.imageFeatures = measurement.features
                reference.boxPixels = measurement.boxPixels
                reference.embedding = measurement.embedding
            }
            builder.add(reference)
        }
        return (builder.finalize(), notes)
    }

    /// `limit` positions out of `count`, chosen uniformly with `seed`, in increasing order (all when
    /// `count ≤ limit`).
    static func choose(_ count: Int, limit: Int, seed: UInt64) -> [Int] {
        guard count > limit else { return Array(0..<count) }
        var generator = SplitMix64(seed: seed ^ 0x7EF_E2E1)
        var positions = Array(0..<count)
        for i in 0..<limit {
            let j = i + Int(generator.next() % UInt64(count - i))
            positions.swapAt(i, j)
        }
        return positions[0..<limit].sorted()
    }

    // MARK: Phase 1

    /// What phase 1 saw besides the records.
    public struct ScoringSummary: Sendable {
        /// Entries read (of this shard).
        public var entries = 0
        /// Entries without a usable answer.
        public var failures = 0
        /// Problems that did not stop the run.
        public var problems = MiningProblems()
        /// Image sizes measured (detection).
        public var imageSizes: [Int: ImageSize] = [:]
        /// Notes for the report.
        public var notes: [String] = []
    }

    /// Phase 1 over `source` (or its `shard`), calling `record` for every phase-1 record in batch order.
    public func score(
        _ source: some MiningEntrySource, builtinEmbeddings: Bool, shard: MiningOptions.Shard?,
        record: (SampleScores) async throws -> Void
    ) async throws -> ScoringSummary {
        var summary = ScoringSummary()
        let needs = pixelNeeds(builtinEmbeddings: builtinEmbeddings)
        let decodes = !needs.isEmpty || options.type == .objectDetection
        let this = self
        try await source.forEachChunk(chunkSize: 256) { chunk in
            let mine = shard.map { shard in chunk.filter { shard.contains($0.index) } } ?? chunk
            var prepared: [PreparedSample] = []
            prepared.reserveCapacity(mine.count)
            var remote: [Int: RemoteImages.Image] = [:]
            if decodes, let imageReader { remote = await RemoteImages(reader: imageReader).fetch(mine) }
            try await OrderedConcurrentMap(concurrency: options.concurrency).run(mine.map { ($0, remote[$0.index]) }) { entry, image in
                this.prepare(entry, needs: needs, decodes: decodes, builtinEmbeddings: builtinEmbeddings, remote: image)
            } body: { _, sample in
                prepared.append(sample)
            }
            if let prober { await probe(&prepared, with: prober) }
            for item in prepared {
                summary.entries += 1
                if item.sample.prediction == nil { summary.failures += 1 }
                for problem in item.problems { summary.problems.append(problem) }
                if options.type == .objectDetection, let size = item.sample.imageSize { summary.imageSizes[item.sample.index] = size }
                try await record(phase1.score(item.sample))
            }
            progress(MiningProgress(stage: "batch", done: summary.entries, total: nil))
        }
        summary.notes.append("embeddings: " + (needsEmbeddings ? (builtinEmbeddings ? "built-in image descriptor (\(ImageEmbedder.dimension) values)" : "the model's") : "not needed"))
        if prober == nil, options.configuration.isAnyEnabled(19...29) {
            summary.notes.append("augmentations: no model given, reasons 19–29 were not evaluated")
        } else if let prober {
            summary.notes.append("augmentations: " + prober.kinds.map { "\($0.rawValue) (\($0.reasonID))" }.joined(separator: ", "))
        }
        return summary
    }

    struct PreparedSample: Sendable {
        var sample: MiningSample
        var imagePath: String?
        var problems: [String] = []
    }

    func prepare(
        _ entry: MiningEntry, needs: PixelMeasurer.Needs, decodes: Bool, builtinEmbeddings: Bool, remote: RemoteImages.Image? = nil
    ) -> PreparedSample {
        if case .failed(let message) = entry.result {
            return PreparedSample(sample: MiningSample(index: entry.index, source: entry.source, outcome: .failure(message)))
        }
        let prediction: Prediction
        do {
            prediction = try readAnswer(entry.result)
        } catch {
            let message = "unusable answer: \(error)"
            return PreparedSample(sample: MiningSample(index: entry.index, source: entry.source, outcome: .failure(message)), problems: ["\(entry.source): \(message)"])
        }
        var sample = MiningSample(index: entry.index, source: entry.source, outcome: .prediction(prediction))
        if builtinEmbeddings { sample.embedding = nil }
        var prepared = PreparedSample(sample: sample, imagePath: entry.imagePath)
        guard decodes else { return prepared }
        var boxes: [BoundingBox] = []
        if case .detection(let detection) = prediction.content {
            boxes = detection.objects.map { BoundingBox(xmin: $0.xmin, ymin: $0.ymin, xmax: $0.xmax, ymax: $0.ymax) }
        }
        do {
            let measurement: PixelMeasurer.Measurement
            switch (entry.imagePath, remote) {
            case (let path?, _):
                measurement = try measurer.measure(path: path, boxes: boxes, needs: needs)
            case (nil, .bytes(let bytes)?):
                measurement = try measurer.measure(bytes: bytes, name: entry.source, boxes: boxes, needs: needs)
            case (nil, .unreadable(let message)?):
                prepared.problems.append("\(entry.source): \(message); its pixel-based reasons were skipped")
                return prepared
            case (nil, nil):
                prepared.problems.append("\(entry.source): not a local file and no object-storage reader; the pixel-based reasons were skipped")
                return prepared
            }
            prepared.sample.imageSize = measurement.size
            prepared.sample.imageFeatures = measurement.features
            prepared.sample.boxPixels = measurement.boxPixels
            if builtinEmbeddings { prepared.sample.embedding = measurement.embedding }
        } catch {
            prepared.problems.append("image unreadable, its pixel-based reasons were skipped: \(error.description)")
        }
        return prepared
    }

    func probe(_ prepared: inout [PreparedSample], with prober: AugmentationProber) async {
        let concurrency = max(1, options.concurrency * 2)
        await withTaskGroup(of: (Int, [AugmentationKind: Prediction], [String]).self) { group in
            var next = 0
            func start() {
                while next < prepared.count {
                    let position = next
                    next += 1
                    guard prepared[position].sample.prediction != nil, let path = prepared[position].imagePath else { continue }
                    let index = prepared[position].sample.index
                    group.addTask {
                        let (answers, problems) = await prober.probe(path: path, index: index)
                        return (position, answers, problems)
                    }
                    return
                }
            }
            for _ in 0..<concurrency { start() }
            for await (position, answers, problems) in group {
                prepared[position].sample.augmentedPredictions = answers
                prepared[position].problems += problems
                start()
            }
        }
    }

    /// The model's answer an entry points to (`nil` for a failed entry).
    public func readAnswer(_ result: MiningEntry.Result) throws -> Prediction {
        switch result {
        case .answerFile(let path): return try readAnswer(path)
        case .answerBytes(let bytes, let name): return try PredictionCodec.decode(bytes, type: options.type, file: name)
        case .failed(let message): throw EngineError(.invalidInput, "no answer: \(message)")
        }
    }

    /// The model's answer in the file at `path`.
    public func readAnswer(_ path: String) throws -> Prediction {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EngineError(.invalidInput, "cannot read the answer file \(path)")
        }
        return try PredictionCodec.decode([UInt8](data), type: options.type, file: path)
    }
}
