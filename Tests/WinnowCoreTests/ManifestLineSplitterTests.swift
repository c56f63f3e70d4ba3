import Testing
import WinnowCore

@Suite struct ManifestLineSplitterTests {
    /// Feeds `input` in chunks of the given sizes (cycled), draining after each, then finishes.
    static func split(_ input: [UInt8], chunkSizes: [Int] = [65_536], maximumLineLength: Int = 1 << 24) throws -> [ManifestRawLine] {
        var splitter = ManifestLineSplitter(maximumLineLength: maximumLineLength)
        var lines: [ManifestRawLine] = []
        var offset = 0
        var chunk = 0
        while offset < input.count {
            let end = min(input.count, offset + max(1, chunkSizes[chunk % chunkSizes.count]))
            splitter.append(input[offset..<end])
            offset = end
            chunk += 1
            while let line = try splitter.nextLine() { lines.append(line) }
        }
        splitter.finish()
        while let line = try splitter.nextLine() { lines.append(line) }
        return lines
    }

    /// The obvious reference: split on `\n`, drop a trailing `\r`, skip blank lines, number from 1.
    static func naiveSplit(_ input: [UInt8]) -> [ManifestRawLine] {
        var bytes = input[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var lines: [ManifestRawLine] = []
        for (index, piece) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            var line = Array(piece)
            if line.last == 0x0D { line.removeLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            lines.append(ManifestRawLine(number: index + 1, bytes: line))
        }
        return lines
    }

    static func text(_ lines: [ManifestRawLine]) -> [String] {
        lines.map { "\($0.number):" + String(decoding: $0.bytes, as: UTF8.self) }
    }

    @Test func splitsLinesAndCountsBlankOnes() throws {
        let input = Array("{\"a\":1}\n\n   \n\t\r\n{\"b\":2}\n".utf8)
        #expect(Self.text(try Self.split(input)) == ["1:{\"a\":1}", "5:{\"b\":2}"])
    }

    @Test func handlesCRLF() throws {
        let input = Array("one\r\ntwo\r\n\r\nthree\r\n".utf8)
        #expect(Self.text(try Self.split(input, chunkSizes: [1])) == ["1:one", "2:two", "4:three"])
        #expect(Self.text(try Self.split(Array("a\rb\n".utf8))) == ["1:a\rb"])
    }

    @Test func finalLineWithoutNewlineNeedsFinish() throws {
        var splitter = ManifestLineSplitter()
        splitter.append(Array("first\nlast".utf8))
        #expect(try splitter.nextLine() == ManifestRawLine(number: 1, bytes: Array("first".utf8)))
        #expect(try splitter.nextLine() == nil)
        splitter.finish()
        #expect(try splitter.nextLine() == ManifestRawLine(number: 2, bytes: Array("last".utf8)))
        #expect(try splitter.nextLine() == nil)
        #expect(Self.text(try Self.split(Array("x\r".utf8))) == ["1:x"])
        #expect(try Self.split([]).isEmpty)
        #expect(try Self.split(Array("\n\n  ".utf8)).isEmpty)
    }

    @Test func stripsAByteOrderMarkOnlyAtTheStart() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let input = bom + Array("{}\n".utf8) + bom + Array("{}\n".utf8)
        for sizes in [[1], [2], [65_536]] {
            let lines = try Self.split(input, chunkSizes: sizes)
            #expect(lines == [ManifestRawLine(number: 1, bytes: Array("{}".utf8)), ManifestRawLine(number: 2, bytes: bom + Array("{}".utf8))])
        }
        #expect(try Self.split(bom).isEmpty)
        #expect(try Self.split([0xEF, 0xBB]) == [ManifestRawLine(number: 1, bytes: [0xEF, 0xBB])])
    }

    @Test func randomChunkBoundariesMatchANaiveSplit() throws {
        var generator = SeededGenerator(seed: 1234)
        let pieces: [[UInt8]] = [Array("{\"source\":\"a\"}".utf8), Array("x".utf8), Array(" ".utf8), [0x0D], [0x0A], [0x0A], [0x0A],
                                 Array("\r\n".utf8), Array("é日".utf8), [0x09], Array(repeating: UInt8(ascii: "z"), count: 200)]
        for round in 0..<300 {
            var input: [UInt8] = Bool.random(using: &generator) ? [0xEF, 0xBB, 0xBF] : []
            for _ in 0..<Int.random(in: 0...60, using: &generator) { input += pieces.randomElement(using: &generator) ?? [] }
            let sizes = (0..<8).map { _ in Int.random(in: 1...40, using: &generator) }
            #expect(try Self.split(input, chunkSizes: sizes) == Self.naiveSplit(input), "round \(round)")
        }
    }

    @Test func decodingInPlaceHandsOutTheSameLinesAsCopying() throws {
        var generator = SeededGenerator(seed: 99)
        let pieces: [[UInt8]] = [Array("{\"a\":1}".utf8), Array(" ".utf8), [0x0D], [0x0A], [0x0A], Array("\r\n".utf8), Array("日".utf8)]
        for round in 0..<200 {
            var input: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &generator) { input += pieces.randomElement(using: &generator) ?? [] }
            var copying = ManifestLineSplitter(), inPlace = ManifestLineSplitter()
            var copied: [ManifestRawLine] = [], decoded: [ManifestRawLine] = []
            var offset = 0
            while offset <= input.count {
                let end = min(input.count, offset + Int.random(in: 1...9, using: &generator))
                copying.append(input[offset..<end])
                inPlace.append(input[offset..<end])
                if end == input.count {
                    copying.finish()
                    inPlace.finish()
                }
                while let line = try copying.nextLine() { copied.append(line) }
                while let line = try inPlace.nextLine(decoding: { bytes, number in ManifestRawLine(number: number, bytes: Array(bytes)) }) {
                    #expect(line.number == line.result.number)
                    decoded.append(line.result)
                }
                offset = end == input.count ? input.count + 1 : end
            }
            #expect(decoded == copied, "round \(round)")
        }
    }

    @Test func feedsRawBufferPointers() throws {
        var splitter = ManifestLineSplitter()
        Array("a\nb\n".utf8).withUnsafeBytes { splitter.append($0) }
        #expect(try splitter.nextLine()?.bytes == [UInt8(ascii: "a")])
        #expect(try splitter.nextLine()?.number == 2)
    }

    @Test func rejectsAnOverlongLineAndGoesOn() throws {
        var splitter = ManifestLineSplitter(maximumLineLength: 10)
        splitter.append(Array("0123456789\r\n0123456789A\nok\n".utf8))
        #expect(try splitter.nextLine()?.bytes.count == 10)
        let error = #expect(throws: CodecError.self) { try splitter.nextLine() }
        #expect(error?.line == 2)
        #expect(error?.message == "line 2 is longer than the maximum of 10 bytes")
        #expect(try splitter.nextLine() == ManifestRawLine(number: 3, bytes: Array("ok".utf8)))
    }

    @Test func failsBeforeBufferingAWholeOverlongLine() throws {
        var splitter = ManifestLineSplitter(maximumLineLength: 100)
        splitter.append(Array("short\n".utf8))
        #expect(try splitter.nextLine()?.number == 1)
        var fed = 0
        var failure: CodecError?
        while failure == nil && fed < 1_000_000 {
            splitter.append([UInt8(ascii: "x")])
            fed += 1
            do throws(CodecError) {
                _ = try splitter.nextLine()
            } catch {
                failure = error
            }
        }
        #expect(fed == 102)
        #expect(failure?.line == 2)
        // The rest of the long line is skipped without complaint; the next line keeps its number.
        for _ in 0..<10_000 { splitter.append([UInt8(ascii: "x")]) }
        #expect(try splitter.nextLine() == nil)
        splitter.append(Array("\n{}\n".utf8))
        #expect(try splitter.nextLine() == ManifestRawLine(number: 3, bytes: Array("{}".utf8)))
    }

    @Test func acceptsALineOfExactlyTheMaximumEndingInCRLF() throws {
        let line = Array(repeating: UInt8(ascii: "a"), count: 10)
        let lines = try Self.split(line + Array("\r\n".utf8) + line, chunkSizes: [1], maximumLineLength: 10)
        #expect(lines.map(\.number) == [1, 2])
        let error = #expect(throws: CodecError.self) {
            try Self.split(line + [UInt8(ascii: "b")], chunkSizes: [1], maximumLineLength: 10)
        }
        #expect(error?.message == "line 1 is longer than the maximum of 10 bytes")
    }

    @Test func manyLinesInSmallChunks() throws {
        var input: [UInt8] = []
        for index in 1...20_000 { input += Array("{\"source\":\"s3://b/\(index).jpg\"}\n".utf8) }
        let lines = try Self.split(input, chunkSizes: [4096, 7, 65_536])
        #expect(lines.count == 20_000)
        #expect(lines.last?.number == 20_000)
        #expect(lines[41] == ManifestRawLine(number: 42, bytes: Array("{\"source\":\"s3://b/42.jpg\"}".utf8)))
    }
}
