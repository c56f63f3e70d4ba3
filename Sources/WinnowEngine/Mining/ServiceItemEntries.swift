public import WinnowCore
public import WinnowObjects
public import WinnowStore

/// The entries of a finished batch service, from its stored items: result paths are relative to the
/// service's output folder (or its `s3://` prefix, whose answers are fetched through `reader`, a chunk
/// at a time). Items without an outcome (never run) are left out.
public struct ServiceItemEntries: MiningEntrySource {
    let services: any ServiceStore
    let service: BatchService
    let reader: (any ResourceReader)?

    /// The entries of `service`; `reader` fetches answers from an object-storage output.
    public init(services: any ServiceStore, service: BatchService, reader: (any ResourceReader)? = nil) {
        self.services = services
        self.service = service
        self.reader = reader
    }

    public func forEachChunk(chunkSize: Int, _ body: ([MiningEntry]) async throws -> Void) async throws {
        let objectOutput = service.output.contains("://")
        var after = -1
        while true {
            let page = try await services.items(serviceID: service.id, after: after, limit: chunkSize, pendingOnly: false)
            guard let last = page.last else { break }
            after = last.sequence
            var entries: [MiningEntry] = page.compactMap { item in
                let image = (try? ResourceLocation(parsing: item.source, relativeTo: service.output))?.filePath
                switch item.outcome {
                case .succeeded(let resultPath)?:
                    if objectOutput {
                        return MiningEntry(index: item.sequence, source: item.source, imagePath: image, result: .answerFile(service.output + "/" + resultPath))
                    }
                    let path = resultPath.hasPrefix("/") ? resultPath : service.output + "/" + resultPath
                    return MiningEntry(index: item.sequence, source: item.source, imagePath: image, result: .answerFile(ResourceLocation.normalise(path)))
                case .failed(let message)?:
                    return MiningEntry(index: item.sequence, source: item.source, imagePath: image, result: .failed(message))
                case nil:
                    return nil
                }
            }
            if objectOutput { entries = try await fetchAnswers(entries) }
            if !entries.isEmpty { try await body(entries) }
        }
    }

    /// The entries with their answers fetched from object storage, 16 at a time; an answer that cannot
    /// be fetched makes its entry a failure naming the object.
    private func fetchAnswers(_ entries: [MiningEntry]) async throws -> [MiningEntry] {
        guard let reader else { throw EngineError(.invalidInput, "service \(service.name): its output \(service.output) needs an object-storage reader") }
        var fetched = entries
        try await withThrowingTaskGroup(of: (Int, MiningEntry.Result).self) { group in
            var next = 0
            func add() {
                while next < entries.count {
                    let position = next
                    next += 1
                    guard case .answerFile(let uri) = entries[position].result else { continue }
                    group.addTask {
                        do {
                            let location = try ResourceLocation(parsing: uri, relativeTo: nil, field: "result")
                            return (position, .answerBytes(try await reader.bytes(of: location, maximumSize: 64 << 20), name: uri))
                        } catch {
                            return (position, .failed("cannot read the answer \(uri): \(error)"))
                        }
                    }
                    return
                }
            }
            for _ in 0..<16 { add() }
            while let (position, result) = try await group.next() {
                fetched[position].result = result
                add()
            }
        }
        return fetched
    }
}
