import Foundation
import WinnowCore

/// A mining shard's result as stored in its work unit: a JSON header line (entries, problems) followed
/// by the shard's phase-1 records as JSON lines.
struct MiningShardResult: Codable, Sendable {
    /// What a unit whose task is no longer running returns.
    static let skipped = "{\"entries\":0,\"problem_count\":0,\"problems\":[],\"skipped\":true}\n"

    var entries: Int
    var problems: [String]
    var problemCount: Int

    enum CodingKeys: String, CodingKey {
        case entries
        case problems
        case problemCount = "problem_count"
    }

    /// The header, a newline, then `records`.
    func encoded(records: [UInt8]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let header = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: header, as: UTF8.self) + "\n" + String(decoding: records, as: UTF8.self)
    }

    /// The header and the record lines of a stored result.
    /// - Throws: ``EngineError`` naming the shard when the header cannot be read.
    static func decode(_ text: String, name: String) throws -> (MiningShardResult, [UInt8]) {
        let bytes = Array(text.utf8)
        let newline = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
        do {
            let header = try JSONDecoder().decode(MiningShardResult.self, from: Data(bytes[..<newline]))
            return (header, newline < bytes.endIndex ? Array(bytes[(newline + 1)...]) : [])
        } catch {
            throw EngineError(.invalidInput, "\(name): the stored result does not start with a shard header: \(error)")
        }
    }
}
