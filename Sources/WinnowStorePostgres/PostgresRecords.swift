import Foundation
import WinnowStore

/// JSON records for models, services and collection tasks: sorted keys, the same text as SQLite keeps.
enum PostgresRecords {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String, what: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError(.backend, "corrupt stored \(what): \(error)")
        }
    }
}
