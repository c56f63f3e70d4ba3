import Foundation
import GRDB
public import WinnowCore
public import WinnowStore

/// Models and services are stored as JSON records beside the columns queries need.
extension SQLiteMetadataStore: ServiceStore {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    private static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ text: String, what: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError(.backend, "corrupt stored \(what): \(error)")
        }
    }

    // MARK: Models

    public func registerModel(_ model: RegisteredModel, replace: Bool) async throws {
        let spec = try Self.encode(model.spec)
        try await write { db in
            if !replace, try Bool.fetchOne(db, sql: "SELECT 1 FROM model WHERE name = ?", arguments: [model.name]) != nil {
                throw StoreError(.duplicate, "a model named '\(model.name)' is registered already")
            }
            try db.execute(sql: "INSERT OR REPLACE INTO model (name, spec, registered_at) VALUES (?, ?, ?)",
                           arguments: [model.name, spec, model.registeredAt.timeIntervalSinceReferenceDate])
        }
    }

    public func model(named name: String) async throws -> RegisteredModel? {
        try await read { db in try Row.fetchOne(db, sql: "SELECT * FROM model WHERE name = ?", arguments: [name]).map(Self.model(from:)) }
    }

    public func listModels() async throws -> [RegisteredModel] {
        try await read { db in try Row.fetchAll(db, sql: "SELECT * FROM model ORDER BY name").map(Self.model(from:)) }
    }

    public func deleteModel(named name: String) async throws {
        try await write { db in
            if let user = try String.fetchOne(db, sql: "SELECT name FROM service WHERE model_name = ? LIMIT 1", arguments: [name]) {
                throw StoreError(.invalid, "model '\(name)' is used by service '\(user)'; delete the service first")
            }
            try db.execute(sql: "DELETE FROM model WHERE name = ?", arguments: [name])
            if db.changesCount == 0 { throw StoreError(.notFound, "model '\(name)' is not registered") }
        }
    }

    private static func model(from row: Row) throws -> RegisteredModel {
        RegisteredModel(spec: try decode(ModelSpec.self, row["spec"], what: "model spec"),
                        registeredAt: Date(timeIntervalSinceReferenceDate: row["registered_at"]))
    }

    // MARK: Services

    public func createService(_ service: BatchService) async throws {
        let record = try Self.encode(service)
        try await write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM service WHERE name = ?", arguments: [service.name]) != nil {
                throw StoreError(.duplicate, "a service named '\(service.name)' exists already")
            }
            let modelExists = try Bool.fetchOne(db, sql: "SELECT 1 FROM model WHERE name = ?", arguments: [service.modelName]) != nil
            guard service.modelName.isEmpty || modelExists else {
                throw StoreError(.notFound, "model '\(service.modelName)' is not registered")
            }
            try db.execute(sql: "INSERT INTO service (id, name, model_name, status, record, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [service.id, service.name, service.modelName, service.status.rawValue, record, Date().timeIntervalSinceReferenceDate])
        }
    }

    public func service(named name: String) async throws -> BatchService? {
        try await read { db in try String.fetchOne(db, sql: "SELECT record FROM service WHERE name = ?", arguments: [name]) }
            .map { try Self.decode(BatchService.self, $0, what: "service") }
    }

    public func service(id: String) async throws -> BatchService? {
        try await read { db in try String.fetchOne(db, sql: "SELECT record FROM service WHERE id = ?", arguments: [id]) }
            .map { try Self.decode(BatchService.self, $0, what: "service") }
    }

    public func listServices() async throws -> [BatchService] {
        try await read { db in try String.fetchAll(db, sql: "SELECT record FROM service ORDER BY name") }
            .map { try Self.decode(BatchService.self, $0, what: "service") }
    }

    public func updateService(_ service: BatchService) async throws {
        let record = try Self.encode(service)
        try await write { db in
            try db.execute(sql: "UPDATE service SET status = ?, record = ?, updated_at = ? WHERE id = ?",
                           arguments: [service.status.rawValue, record, Date().timeIntervalSinceReferenceDate, service.id])
            if db.changesCount == 0 { throw StoreError(.notFound, "service '\(service.name)' does not exist") }
        }
    }

    public func updateService(_ service: BatchService, ifStatus expected: ServiceStatus) async throws -> Bool {
        let record = try Self.encode(service)
        return try await write { db in
            try db.execute(sql: "UPDATE service SET status = ?, record = ?, updated_at = ? WHERE id = ? AND status = ?",
                           arguments: [service.status.rawValue, record, Date().timeIntervalSinceReferenceDate, service.id, expected.rawValue])
            if db.changesCount > 0 { return true }
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM service WHERE id = ?", arguments: [service.id]) != nil else {
                throw StoreError(.notFound, "service '\(service.name)' does not exist")
            }
            return false
        }
    }

    public func deleteService(id: String) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM service WHERE id = ?", arguments: [id])
            if db.changesCount == 0 { throw StoreError(.notFound, "service '\(id)' does not exist") }
        }
    }

    // MARK: Items

    public func appendItems(_ items: [ServiceItem], serviceID: String) async throws {
        try await write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM service WHERE id = ?", arguments: [serviceID]) != nil else {
                throw StoreError(.notFound, "service '\(serviceID)' does not exist")
            }
            var last = try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM service_item WHERE service_id = ?", arguments: [serviceID]) ?? -1
            let statement = try db.cachedStatement(sql: "INSERT INTO service_item (service_id, sequence, source, outcome, detail) VALUES (?, ?, ?, ?, ?)")
            for item in items {
                guard item.sequence == last + 1 else { throw StoreError(.invalid, "item \(item.sequence) does not follow item \(last)") }
                let (outcome, detail) = StoredOutcome.columns(item.outcome)
                try statement.execute(arguments: [serviceID, item.sequence, item.source, outcome, detail])
                last = item.sequence
            }
        }
    }

    public func items(serviceID: String, after sequence: Int, limit: Int, pendingOnly: Bool) async throws -> [ServiceItem] {
        let sql = "SELECT sequence, source, outcome, detail FROM service_item WHERE service_id = ? AND sequence > ?"
            + (pendingOnly ? " AND outcome IS NULL" : "") + " ORDER BY sequence LIMIT ?"
        return try await read { db in
            try Row.fetchAll(db, sql: sql, arguments: [serviceID, sequence, limit]).map { row in
                ServiceItem(sequence: row["sequence"], source: row["source"], outcome: StoredOutcome.outcome(code: row["outcome"], detail: row["detail"]))
            }
        }
    }

    public func recordOutcomes(_ items: [ServiceItem], serviceID: String) async throws {
        try await write { db in
            let statement = try db.cachedStatement(sql: "UPDATE service_item SET outcome = ?, detail = ? WHERE service_id = ? AND sequence = ?")
            for item in items {
                let (outcome, detail) = StoredOutcome.columns(item.outcome)
                try statement.execute(arguments: [outcome, detail, serviceID, item.sequence])
                if db.changesCount == 0 { throw StoreError(.notFound, "service item \(item.sequence) does not exist") }
            }
        }
    }

    public func resetOutcomes(serviceID: String) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE service_item SET outcome = NULL, detail = NULL WHERE service_id = ?", arguments: [serviceID])
        }
    }

    public func itemCounts(serviceID: String) async throws -> (total: Int, succeeded: Int, failed: Int) {
        let counts: [Int] = try await read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS total, COALESCE(SUM(outcome = 1), 0) AS succeeded, COALESCE(SUM(outcome = 0), 0) AS failed
                FROM service_item WHERE service_id = ?
                """, arguments: [serviceID])
            return [row?["total"] ?? 0, row?["succeeded"] ?? 0, row?["failed"] ?? 0]
        }
        return (counts[0], counts[1], counts[2])
    }
}
