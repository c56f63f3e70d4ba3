import Foundation
public import WinnowCore
import WinnowObjects

extension HardExampleMining {
    /// Phase 1 on one shard of `source`, written as JSON lines of phase-1 records to `path` (atomically).
    public func writePartial(_ source: some MiningEntrySource, hasTraining: Bool, shard: MiningOptions.Shard, to path: String) async throws -> ScoringSummary {
        let builtin = try await usesBuiltinEmbeddings(source, hasTraining: hasTraining)
        var bytes: [UInt8] = []
        let summary = try await score(source, builtinEmbeddings: builtin, shard: shard) { record in
            bytes += Array(record.jsonLine().utf8)
            bytes.append(0x0A)
        }
        try LocalFiles.writeAtomically(bytes, to: path)
        return summary
    }

    /// Phase 2 from the phase-1 record files of every shard (any order): the same decisions and selection
    /// as a single run over the whole batch.
    /// - Throws: ``EngineError`` naming the file and line of a record that cannot be read.
    public func run(partials: [String], source: some MiningEntrySource, training: TrainingSet?) async throws -> MiningRun {
        var records: [(name: String, bytes: [UInt8])] = []
        for path in partials {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw EngineError(.invalidInput, "cannot read the phase-1 records \(path)")
            }
            records.append((path, [UInt8](data)))
        }
        return try await run(phase1Records: records, source: source, training: training)
    }

    /// Phase 2 from phase-1 records held in memory (JSON lines, one buffer per shard, named for errors):
    /// what ``run(partials:source:training:)`` does with files, for records kept elsewhere (work units).
    public func run(phase1Records partials: [(name: String, bytes: [UInt8])], source: some MiningEntrySource, training: TrainingSet?) async throws -> MiningRun {
        let builtin = try await usesBuiltinEmbeddings(source, hasTraining: training != nil)
        let (reference, notes) = await reference(from: training, builtinEmbeddings: builtin)
        var phase2 = MiningPhase2(configuration: options.configuration, training: reference)
        var entries = 0
        var failures = 0
        for (path, data) in partials {
            for (number, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
                let record: SampleScores
                do {
                    record = try SampleScores(jsonLine: line)
                } catch {
                    throw EngineError(.invalidInput, "\(path) holds an invalid phase-1 record", problems: [CodecError(file: path, line: number + 1, field: error.field, message: error.message)])
                }
                entries += 1
                if record.failure != nil { failures += 1 }
                phase2.add(record)
            }
        }
        let result = phase2.finish()
        var sizes: [Int: ImageSize] = [:]
        if options.type == .objectDetection {
            sizes = try await measureSizes(of: Set(result.selection), in: source)
        }
        return MiningRun(
            result: result, entries: entries, failures: failures, problems: [], problemCount: 0,
            notes: notes + ["phase 2 from \(partials.count) phase-1 record file(s)"] + result.referenceSummary,
            imageSizes: sizes, builtinEmbeddings: builtin)
    }

    /// The image sizes of the entries at `indices` (for VOC files), decoding their headers' images.
    func measureSizes(of indices: Set<Int>, in source: some MiningEntrySource) async throws -> [Int: ImageSize] {
        var sizes: [Int: ImageSize] = [:]
        try await source.forEachChunk(chunkSize: 512) { chunk in
            for entry in chunk where indices.contains(entry.index) {
                guard let path = entry.imagePath, let measured = try? measurer.measure(path: path, needs: PixelMeasurer.Needs()) else { continue }
                sizes[entry.index] = measured.size
            }
        }
        return sizes
    }
}
