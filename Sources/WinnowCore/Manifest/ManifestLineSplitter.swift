/// Splits a JSON Lines byte stream into lines, in memory bounded by the longest line plus one chunk,
/// so a caller can read a million-line manifest 64 KiB at a time.
///
/// Feed bytes with ``append(_:)-(UnsafeRawBufferPointer)``, then call ``nextLine()`` until it returns
/// `nil`; repeat; after the last chunk call ``finish()`` and drain again:
///
/// ```swift
/// var splitter = ManifestLineSplitter()
/// while let chunk = try file.read(upToCount: 65_536), !chunk.isEmpty {
///     splitter.append(chunk)
///     while let raw = try splitter.nextLine() { handle(try ManifestCodec.decodeLine(raw)) }
/// }
/// splitter.finish()
/// while let raw = try splitter.nextLine() { handle(try ManifestCodec.decodeLine(raw)) }
/// ```
///
/// - Lines end with `\n` or `\r\n`; the last line may lack a line break.
/// - A UTF-8 byte order mark at the very start is dropped.
/// - Blank and whitespace-only lines are skipped but counted, so line numbers match the file.
/// - A line longer than `maximumLineLength` bytes (not counting its line break) throws a
///   ``CodecError`` naming the line and the limit, as soon as the limit is passed, without buffering
///   the rest of the line. The rest of that line is then discarded and splitting goes on with the
///   next one, so a caller may report the error and continue.
public struct ManifestLineSplitter: Sendable {
    /// The longest line accepted, in bytes, not counting the line break.
    public let maximumLineLength: Int

    private var buffer: [UInt8] = []
    /// The first byte not yet handed out.
    private var start = 0
    /// Bytes before this offset (from `start`) are known to hold no line feed.
    private var searched = 0
    /// The number the next line will have.
    private var nextNumber = 1
    private var finished = false
    private var byteOrderMarkChecked = false
    /// Whether the rest of an over-long line, already reported, is being skipped.
    private var discarding = false

    /// Creates a splitter that rejects lines longer than `maximumLineLength` bytes (16 MiB by default).
    public init(maximumLineLength: Int = 16 * 1024 * 1024) {
        self.maximumLineLength = max(0, maximumLineLength)
    }

    /// Adds the next chunk of input.
    public mutating func append(_ chunk: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: chunk)
    }

    /// Adds the next chunk of input (`[UInt8]`, `Data`, `ArraySlice<UInt8>`, …).
    public mutating func append(_ chunk: some Sequence<UInt8>) {
        compact()
        buffer.append(contentsOf: chunk)
    }

    /// Marks the end of input: the bytes after the last line break now form the last line.
    public mutating func finish() {
        finished = true
    }

    /// The next non-blank line, or `nil` when more input is needed (or, after ``finish()``, when the
    /// input is exhausted).
    /// - Throws: ``CodecError`` when a line is longer than ``maximumLineLength``.
    public mutating func nextLine() throws(CodecError) -> ManifestRawLine? {
        guard let line = try nextLineRange() else { return nil }
        return ManifestRawLine(number: line.number, bytes: Array(buffer[line.bytes]))
    }

    /// Like ``nextLine()``, but hands the line's bytes (without the line break) and its number to
    /// `body` in place, without copying them out, and returns what `body` made of them.
    /// - Throws: ``CodecError`` when a line is longer than ``maximumLineLength``.
    public mutating func nextLine<T>(
        decoding body: (UnsafeBufferPointer<UInt8>, Int) -> T
    ) throws(CodecError) -> (number: Int, result: T)? {
        guard let line = try nextLineRange() else { return nil }
        let result = buffer.withUnsafeBufferPointer { all in body(UnsafeBufferPointer(rebasing: all[line.bytes]), line.number) }
        return (line.number, result)
    }

    // MARK: Internals

    /// The number and byte range of the next non-blank line; see ``nextLine()``.
    private mutating func nextLineRange() throws(CodecError) -> (number: Int, bytes: Range<Int>)? {
        if !byteOrderMarkChecked && !checkByteOrderMark() { return nil }
        while true {
            if let lineFeed = findLineFeed() {
                let lineStart = start
                start = lineFeed + 1
                searched = start
                let number = nextNumber
                nextNumber += 1
                if discarding {
                    discarding = false
                    continue
                }
                if let range = try lineRange(number: number, from: lineStart, to: lineFeed) { return (number, range) }
                continue
            }
            searched = buffer.count
            let pending = buffer.count - start
            if finished {
                guard pending > 0 || discarding else { return nil }
                let lineStart = start
                start = buffer.count
                searched = start
                let number = nextNumber
                nextNumber += 1
                if discarding {
                    discarding = false
                    return nil
                }
                guard let range = try lineRange(number: number, from: lineStart, to: buffer.count) else { return nil }
                return (number, range)
            }
            if discarding {
                start = buffer.count
                searched = start
                return nil
            }
            // One byte of slack: the line may still end with "\r\n".
            if pending > maximumLineLength + 1 {
                discarding = true
                start = buffer.count
                searched = start
                throw tooLong(nextNumber)
            }
            return nil
        }
    }

    /// The line `from..<end` (its line feed excluded), without a trailing `\r`; `nil` if blank.
    private func lineRange(number: Int, from lineStart: Int, to end: Int) throws(CodecError) -> Range<Int>? {
        var lineEnd = end
        if lineEnd > lineStart && buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        if lineEnd - lineStart > maximumLineLength { throw tooLong(number) }
        let isBlank = buffer.withUnsafeBufferPointer { bytes in
            bytes[lineStart..<lineEnd].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        }
        return isBlank ? nil : lineStart..<lineEnd
    }

    /// The offset of the next line feed at or after `start`, searching only bytes not searched before.
    private func findLineFeed() -> Int? {
        let from = max(start, searched)
        guard from < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { bytes -> Int? in
            var index = from
            while index < bytes.count {
                if bytes[index] == 0x0A { return index }
                index += 1
            }
            return nil
        }
    }

    /// Drops a UTF-8 byte order mark at the start of input. Returns `false` while the first bytes
    /// could still be one and more input may come.
    private mutating func checkByteOrderMark() -> Bool {
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let available = buffer.count - start
        for index in 0..<min(available, 3) where buffer[start + index] != mark[index] {
            byteOrderMarkChecked = true
            return true
        }
        if available >= 3 {
            start += 3
            searched = max(searched, start)
            byteOrderMarkChecked = true
            return true
        }
        if finished {
            byteOrderMarkChecked = true
            return true
        }
        return false
    }

    /// Moves the bytes not yet handed out to the front once they are no more than those already
    /// handed out, so the cost of copying stays proportional to the input (amortised O(1) a byte).
    private mutating func compact() {
        guard start > 0 else { return }
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else if start >= buffer.count - start {
            buffer.removeSubrange(0..<start)
        } else {
            return
        }
        searched = max(0, searched - start)
        start = 0
    }

    private func tooLong(_ number: Int) -> CodecError {
        CodecError(line: number, message: "line \(number) is longer than the maximum of \(maximumLineLength) bytes")
    }
}
