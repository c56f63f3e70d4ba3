public import WinnowCore
public import WinnowObjects

/// The images of batch entries that are not local files (`s3://`, `obs://`), fetched through a reader a
/// few at a time, so that the pixel-based reasons (5–18, and the built-in embedding) run on
/// object-storage inputs too.
struct RemoteImages: Sendable {
    /// An entry's fetched image, or why there is none.
    enum Image: Sendable {
        case bytes([UInt8])
        case unreadable(String)
    }

    let reader: any ResourceReader
    /// The largest image fetched.
    static let maximumSize = 256 << 20
    /// Requests in flight.
    static let concurrency = 16

    /// The images of the entries that have an answer and no local path, by entry index.
    func fetch(_ entries: [MiningEntry]) async -> [Int: Image] {
        await fetch(entries.compactMap { entry -> (Int, ResourceLocation)? in
            guard entry.imagePath == nil else { return nil }
            if case .failed = entry.result { return nil }
            guard let location = try? ResourceLocation(parsing: entry.source, relativeTo: nil), location.filePath == nil else { return nil }
            return (entry.index, location)
        })
    }

    /// The images at `wanted` locations, by the key given with each.
    func fetch(_ wanted: [(key: Int, location: ResourceLocation)]) async -> [Int: Image] {
        var images: [Int: Image] = [:]
        await withTaskGroup(of: (Int, Image).self) { group in
            var next = 0
            func add() {
                guard next < wanted.count else { return }
                let (index, location) = wanted[next]
                next += 1
                group.addTask {
                    do {
                        return (index, .bytes(try await reader.bytes(of: location, maximumSize: Self.maximumSize)))
                    } catch {
                        return (index, .unreadable("cannot read the image: \(error)"))
                    }
                }
            }
            for _ in 0..<Self.concurrency { add() }
            for await (index, image) in group {
                images[index] = image
                add()
            }
        }
        return images
    }
}
