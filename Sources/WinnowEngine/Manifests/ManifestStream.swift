public import WinnowCore
public import WinnowObjects

/// Reads a manifest line by line in constant memory, wherever it is stored.
public struct ManifestStream: Sendable {
    /// One decoded line: its 1-based number and the line or the problem with it.
    public typealias NumberedLine = (number: Int, result: Result<ManifestLine, CodecError>)

    public let reader: any ResourceReader
    /// The longest line accepted (16 MiB by default).
    public var maximumLineLength: Int

    public init(reader: any ResourceReader, maximumLineLength: Int = 16 * 1024 * 1024) {
        self.reader = reader
        self.maximumLineLength = maximumLineLength
    }

    /// Calls `body` for every non-blank line with its 1-based number and the decoded line or the
    /// problem with it. A problem with the file itself (unreadable, a line over the limit) is thrown.
    ///
    /// - Parameter file: how to name the file in errors.
    public func forEachLine(
        of location: ResourceLocation, file: String,
        _ body: (Int, Result<ManifestLine, CodecError>) async throws -> Void
    ) async throws {
        try await forEachBatch(of: location, file: file) { batch in
            for line in batch { try await body(line.number, line.result) }
        }
    }

    /// Calls `body` with the lines of each chunk read (a few hundred to a few thousand, in file
    /// order), so callers with cheap per-line work pay one async call per chunk instead of one per
    /// line. Memory stays bounded by the chunk size plus the longest line.
    ///
    /// - Parameter file: how to name the file in errors.
    public func forEachBatch(
        of location: ResourceLocation, file: String,
        _ body: ([NumberedLine]) async throws -> Void
    ) async throws {
        var splitter = ManifestLineSplitter(maximumLineLength: maximumLineLength)
        let chunks = try await reader.chunks(of: location, chunkSize: 256 * 1024)
        var finished = false
        var iterator = chunks.makeAsyncIterator()
        var batch: [NumberedLine] = []
        while !finished {
            if let chunk = try await iterator.next() {
                splitter.append(chunk)
            } else {
                splitter.finish()
                finished = true
            }
            batch.removeAll(keepingCapacity: true)
            do throws(CodecError) {
                while let line = try splitter.nextLine(decoding: { bytes, number in
                    do throws(CodecError) {
                        return Result<ManifestLine, CodecError>.success(try ManifestCodec.decodeLine(bytes, line: number, file: file))
                    } catch {
                        return .failure(error.located(file: file, line: number))
                    }
                }) {
                    batch.append(line)
                }
            } catch {
                // A line over the limit: hand out the lines before it, then stop.
                if !batch.isEmpty { try await body(batch) }
                throw error.located(file: file)
            }
            if !batch.isEmpty { try await body(batch) }
        }
    }
}
