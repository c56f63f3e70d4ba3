import Foundation
import Synchronization
import Testing
@testable import WinnowImaging

@Suite struct FolderTests {
    /// A fresh temporary folder, removed afterwards.
    final class TemporaryFolder {
        let path: String
        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-imaging-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        func write(_ relative: String, _ bytes: [UInt8]) throws {
            let url = URL(fileURLWithPath: path + "/" + relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    @Test func listingIsDepthFirstInByteOrderAndSkipsHiddenEntries() throws {
        let folder = try TemporaryFolder()
        for name in ["b.png", "a/z.jpg", "a/b/c.bmp", "B.txt", ".hidden.jpg", ".git/x", "c", "a/a.jpg"] { try folder.write(name, [1]) }
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/link-to-a", withDestinationPath: folder.path + "/a")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/link-to-c", withDestinationPath: folder.path + "/c")
        let listed = ImageFolder(path: folder.path).map { String($0.dropFirst(folder.path.count + 1)) }
        #expect(listed == ["B.txt", "a/a.jpg", "a/b/c.bmp", "a/z.jpg", "b.png", "c", "link-to-c"])
        #expect(Array(ImageFolder(path: folder.path + "/b.png")) == [folder.path + "/b.png"])
        #expect(Array(ImageFolder(path: folder.path + "/missing")) == [folder.path + "/missing"], "a missing path is listed, to fail when read")
    }

    @Test(arguments: [1, 2, 4])
    func resultsArriveInInputOrderWithBoundedWork(concurrency: Int) async throws {
        let map = OrderedConcurrentMap(concurrency: concurrency)
        let state = Mutex((running: 0, maxRunning: 0, started: 0, delivered: 0, maxOutstanding: 0))
        var received: [Int] = []
        try await map.run(0..<200) { value in
            state.withLock {
                $0.running += 1
                $0.started += 1
                $0.maxRunning = max($0.maxRunning, $0.running)
                $0.maxOutstanding = max($0.maxOutstanding, $0.started - $0.delivered)
            }
            // Uneven work so results finish out of order.
            var spin = 0
            for step in 0..<((value * 7919) % 13 * 2000) { spin &+= step }
            state.withLock { $0.running -= 1 }
            return value * 2 + (spin == -1 ? 1 : 0)
        } body: { input, output in
            #expect(output == input * 2)
            received.append(input)
            state.withLock { $0.delivered += 1 }
        }
        #expect(received == Array(0..<200))
        let final = state.withLock { $0 }
        #expect(final.maxRunning <= concurrency)
        #expect(final.maxOutstanding <= map.window)
    }

    @Test func aFolderWithBadFilesStillYieldsEveryGoodImage() async throws {
        let folder = try TemporaryFolder()
        let good = try PNGEncoder().encode(SyntheticImages.noise(width: 16, height: 16, seed: 1))
        try folder.write("1-good.png", good)
        try folder.write("2-text.jpg", Array("not an image".utf8))
        try folder.write("3-empty.png", [])
        try folder.write("4-truncated.png", Array(good.prefix(good.count / 2)))
        try folder.write("5-good.jpg", try JPEGEncoder().encode(SyntheticImages.noise(width: 16, height: 16, seed: 2)))
        let decoder = ImageDecoder()
        var outcomes: [String] = []
        try await OrderedConcurrentMap(concurrency: 2).run(ImageFolder(path: folder.path)) { file in
            Result { () throws(ImageError) in try decoder.decodeFile(atPath: file).format }
        } body: { file, result in
            let name = String(file.split(separator: "/").last ?? "")
            switch result {
            case .success(let format): outcomes.append("\(name) \(format.rawValue)")
            case .failure(let error):
                #expect(error.file == file)
                outcomes.append("\(name) \(error.code.rawValue)")
            }
        }
        #expect(outcomes == ["1-good.png png", "2-text.jpg unknown_format", "3-empty.png empty", "4-truncated.png truncated", "5-good.jpg jpeg"])
    }
}
