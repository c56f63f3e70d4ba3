public import WinnowCore
public import WinnowStore

/// The entries of a finished batch service, from its stored items: result paths are relative to the
/// service's output folder. Items without an outcome (never run) are left out.
public struct ServiceItemEntries: MiningEntrySource {
    let services: any ServiceStore
    let service: BatchService

    /// The entries of `service`.
    public init(services: any ServiceStore, service: BatchService) {
        self.services = services
        self.service = service
    }

    public func forEachChunk(chunkSize: Int, _ body: ([MiningEntry]) async throws -> Void) async throws {
        var after = -1
        while true {
            let page = try await services.items(serviceID: service.id, after: after, limit: chunkSize, pendingOnly: false)
            guard let last = page.last else { break }
            after = last.sequence
            let entries: [MiningEntry] = page.compactMap { item in
                let image = (try? ResourceLocation(parsing: item.source, relativeTo: service.output))?.filePath
                switch item.outcome {
                case .succeeded(let resultPath)?:
                    let path = resultPath.hasPrefix("/") ? resultPath : service.output + "/" + resultPath
                    return MiningEntry(index: item.sequence, source: item.source, imagePath: image, result: .answerFile(ResourceLocation.normalise(path)))
                case .failed(let message)?:
                    return MiningEntry(index: item.sequence, source: item.source, imagePath: image, result: .failed(message))
                case nil:
                    return nil
                }
            }
            if !entries.isEmpty { try await body(entries) }
        }
    }
}
