import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WinnowCore
import WinnowObjects
import WinnowStore
@testable import WinnowServer

/// A server on fresh in-memory stores, with a temporary folder for images and outputs.
struct TestServer {
    let metadata = MemoryMetadataStore()
    let services = MemoryServiceStore()
    let tasks = MemoryCollectionTaskStore()
    let objects = MemoryObjectStore()
    let directory: URL
    var token: String?
    var maximumBodySize = 64 << 10
    var runsEngine = true
    /// Folders images may be served from besides the registered ones.
    var extraRoots: [String] = []

    init(token: String? = nil) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.token = token
    }

    var stores: ServerStores {
        ServerStores(metadata: metadata, services: services, tasks: tasks, objects: objects, reader: StandardResourceReader())
    }

    var configuration: ServerConfiguration {
        ServerConfiguration(
            port: 0, token: token, maximumBodySize: maximumBodySize, extraRoots: extraRoots, runsEngine: runsEngine, stores: stores)
    }

    func app() -> some ApplicationProtocol { buildApplication(configuration: configuration) }

    func test<Value>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await app().test(.router, body)
    }

    func path(_ relative: String) -> String { directory.appendingPathComponent(relative).path }

    /// Writes a file (folders created).
    @discardableResult
    func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String { try write(relative, Array(text.utf8)) }

    /// A 1×1 PNG, made distinct by trailing bytes.
    static func png(_ tag: String) -> [UInt8] {
        Array(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==") ?? Data()) + Array(tag.utf8)
    }

    /// A 24-bit BMP of `width` × `height` filled with one colour.
    static func bmp(width: Int, height: Int, color: (UInt8, UInt8, UInt8) = (255, 255, 255)) -> [UInt8] {
        let rowBytes = (width * 3 + 3) / 4 * 4
        func le32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        func le16(_ value: Int) -> [UInt8] { (0..<2).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        var bytes: [UInt8] = Array("BM".utf8) + le32(54 + rowBytes * height) + le32(0) + le32(54)
        bytes += le32(40) + le32(width) + le32(height) + le16(1) + le16(24) + le32(0) + le32(rowBytes * height) + le32(2835) + le32(2835) + le32(0) + le32(0)
        for _ in 0..<height {
            var row: [UInt8] = []
            for _ in 0..<width { row += [color.2, color.1, color.0] }
            bytes += row + Array(repeating: 0, count: rowBytes - width * 3)
        }
        return bytes
    }

    /// A finished classification service imported from output: three inputs, `b.png` unsure.
    func importedService(name: String = "svc") throws -> (input: String, output: String) {
        for name in ["a", "b", "c"] { try write("in/\(name).png", Self.png(name)) }
        try write("out/infer-result-run1/a.png_result.txt", #"{"predicted_label": "cat", "scores": [["cat", "0.98"], ["dog", "0.01"]]}"#)
        try write("out/infer-result-run1/b.png_result.txt", #"{"predicted_label": "dog", "scores": [["dog", "0.51"], ["cat", "0.47"]]}"#)
        try write("out/infer-result-run1/c.png_result.txt", #"{"predicted_label": "cat", "scores": [["cat", "0.97"], ["dog", "0.02"]]}"#)
        let lines = ["a", "b", "c"].map {
            #"{"source":"\#(path("in/\($0).png"))","inference-loc":"infer-result-run1/\#($0).png_result.txt","result":"SUCCESSFUL"}"#
        }
        try write("out/infer-result-run1.manifest", lines.joined(separator: "\n") + "\n")
        return (path("in"), path("out"))
    }

    /// A dataset with samples put straight into the store.
    func seed(_ dataset: Dataset, _ samples: [Sample]) async throws {
        _ = try await metadata.createDataset(dataset)
        let importID = try await metadata.beginImport(datasetID: dataset.id)
        try await metadata.stageSamples(samples, importID: importID)
        _ = try await metadata.commitImport(importID, policy: .replaceExisting)
    }
}

/// JSON helpers for requests and responses.
enum JSON {
    static func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    static let headers: HTTPFields = [.contentType: "application/json"]

    static func object(_ response: TestResponse) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
        return try #require(value as? [String: Any], "not a JSON object: \(String(buffer: response.body))")
    }

    /// Checks an error response: status, `error_code`, and that `error_msg` says something.
    static func expectError(_ response: TestResponse, _ status: HTTPResponse.Status, _ code: String, field: String? = nil,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(response.status == status, "\(String(buffer: response.body))", sourceLocation: sourceLocation)
        let object = try Self.object(response)
        #expect(object["error_code"] as? String == code, sourceLocation: sourceLocation)
        #expect((object["error_msg"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
        if let field { #expect(object["field"] as? String == field, "\(object)", sourceLocation: sourceLocation) }
        #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, sourceLocation: sourceLocation)
    }
}

/// Waits until `condition` holds, polling every 50 ms for up to `seconds`.
func eventually(seconds: Double = 10, _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(50))
    }
    return try await condition()
}
