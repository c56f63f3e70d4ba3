public import WinnowCore
public import WinnowObjects

/// Reads a manifest line by line in constant memory, wherever it is stored.
public struct ManifestStream: Sendable {
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
        var splitter = ManifestLineSplitter(maximumLineLength: maximumLineLength)
        let chunks = try await reader.chunks(of: location, chunkSize: 256 * 1024)
        var finished = false
        var iterator = chunks.makeAsyncIterator()
        while !finished {
            if let chunk = try await iterator.next() {
                splitter.append(chunk)
            } else {
                splitter.finish()
                finished = true
            }
            while true {
                let raw: ManifestRawLine?
                do {
                    raw = try splitter.nextLine()
                } catch {
                    throw error.located(file: file)
                }
                guard let raw else { break }
                let result: Result<ManifestLine, CodecError>
                do {
                    result = .success(try ManifestCodec.decodeLine(raw.bytes, line: raw.number, file: file))
                } catch {
                    result = .failure(error.located(file: file, line: raw.number))
                }
                try await body(raw.number, result)
            }
        }
    }
}
