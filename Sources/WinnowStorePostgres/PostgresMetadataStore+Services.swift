import Foundation
import PostgresNIO
public import WinnowCore
public import WinnowStore

/// Models and services are stored as JSON records beside the columns queries need.
extension PostgresMetadataStore: ServiceStore {
    // MARK: Models

    public func registerModel(_ model: RegisteredModel, replace: Bool) async throws {
        let spec = try PostgresRecords.encode(model.spec)
        let time = model.registeredAt.timeIntervalSinceReferenceDate
        try await transaction("register model '\(model.name)'") { session in
            if replace {
                try await session.execute("""
                    INSERT INTO model (name, spec, registered_at) VALUES (\(model.name), \(spec), \(time))
                    ON CONFLICT (name) DO UPDATE SET spec = EXCLUDED.spec, registered_at = EXCLUDED.registered_at
                    """)
            } else if try await session.count("""
                INSERT INTO model (name, spec, registered_at) VALUES (\(model.name), \(spec), \(time))
                ON CONFLICT (name) DO NOTHING RETURNING 1
                """) == 0 {
                throw StoreError(.duplicate, "a model named '\(model.name)' is registered already")
            }
        }
    }

    public func model(named name: String) async throws -> RegisteredModel? {
        try await read("read model '\(name)'") { session in
            try await session.rows("SELECT spec, registered_at FROM model WHERE name = \(name)").first.map(Self.model(from:))
        }
    }

    public func listModels() async throws -> [RegisteredModel] {
        try await read("list models") { session in
            try await session.rows("SELECT spec, registered_at FROM model ORDER BY name").map(Self.model(from:))
        }
    }

    public func deleteModel(named name: String) async throws {
        try await transaction("delete model '\(name)'") { session in
            if let user = try await session.scalar(String.self, "SELECT name FROM service WHERE model_name = \(name) ORDER BY name LIMIT 1") {
                throw StoreError(.invalid, "model '\(name)' is used by service '\(user)'; delete the service first")
            }
            if try await session.count("DELETE FROM model WHERE name = \(name) RETURNING 1") == 0 {
                throw StoreError(.notFound, "model '\(name)' is not registered")
            }
        }
    }

    private static func model(from row: PostgresRow) throws -> RegisteredModel {
        let (spec, registered) = try row.decode((String, Double).self)
        return RegisteredModel(spec: try PostgresRecords.decode(ModelSpec.self, spec, what: "model spec"),
                               registeredAt: Date(timeIntervalSinceReferenceDate: registered))
    }

    // MARK: Services

    public func createService(_ service: BatchService) async throws {
        let record = try PostgresRecords.encode(service)
        try await transaction("create service '\(service.name)'") { session in
            if try await session.exists("SELECT 1 FROM service WHERE name = \(service.name)") {
                throw StoreError(.duplicate, "a service named '\(service.name)' exists already")
            }
            // FOR SHARE keeps the model from being deleted before this commits.
            let modelExists = try await session.exists("SELECT 1 FROM model WHERE name = \(service.modelName) FOR SHARE")
            guard service.modelName.isEmpty || modelExists else {
                throw StoreError(.notFound, "model '\(service.modelName)' is not registered")
            }
            try await session.execute("""
                INSERT INTO service (id, name, model_name, status, record, updated_at)
                VALUES (\(service.id), \(service.name), \(service.modelName), \(service.status.rawValue), \(record), \(Date().timeIntervalSinceReferenceDate))
                """)
        }
    }

    public func service(named name: String) async throws -> BatchService? {
        try await read("read service '\(name)'") { session in
            try await session.scalar(String.self, "SELECT record FROM service WHERE name = \(name)")
        }.map { try PostgresRecords.decode(BatchService.self, $0, what: "service") }
    }

    public func service(id: String) async throws -> BatchService? {
        try await read("read service '\(id)'") { session in
            try await session.scalar(String.self, "SELECT record FROM service WHERE id = \(id)")
        }.map { try PostgresRecords.decode(BatchService.self, $0, what: "service") }
    }

    public func listServices() async throws -> [BatchService] {
        try await read("list services") { session in
            try await session.rows("SELECT record FROM service ORDER BY name").map { try $0.decode(String.self) }
        }.map { try PostgresRecords.decode(BatchService.self, $0, what: "service") }
    }

    public func updateService(_ service: BatchService) async throws {
        let record = try PostgresRecords.encode(service)
        try await transaction("update service '\(service.name)'") { session in
            if try await session.count("""
                UPDATE service SET status = \(service.status.rawValue), record = \(record), updated_at = \(Date().timeIntervalSinceReferenceDate)
                WHERE id = \(service.id) RETURNING 1
                """) == 0 {
                throw StoreError(.notFound, "service '\(service.name)' does not exist")
            }
        }
    }

    public func updateService(_ service: BatchService, ifStatus expected: ServiceStatus) async throws -> Bool {
        let record = try PostgresRecords.encode(service)
        return try await transaction("update service '\(service.name)'") { session in
            // One statement: the row lock makes the status test and the write atomic across processes.
            if try await session.count("""
                UPDATE service SET status = \(service.status.rawValue), record = \(record), updated_at = \(Date().timeIntervalSinceReferenceDate)
                WHERE id = \(service.id) AND status = \(expected.rawValue) RETURNING 1
                """) > 0 {
                return true
            }
            guard try await session.exists("SELECT 1 FROM service WHERE id = \(service.id)") else {
                throw StoreError(.notFound, "service '\(service.name)' does not exist")
            }
            return false
        }
    }

    public func deleteService(id: String) async throws {
        try await transaction("delete service '\(id)'") { session in
            if try await session.count("DELETE FROM service WHERE id = \(id) RETURNING 1") == 0 {
                throw StoreError(.notFound, "service '\(id)' does not exist")
            }
        }
    }

    // MARK: Items

    public func appendItems(_ items: [ServiceItem], serviceID: String) async throws {
        try await transaction("append items to service '\(serviceID)'") { session in
            // Locking the service row makes concurrent appends take turns.
            guard try await session.exists("SELECT 1 FROM service WHERE id = \(serviceID) FOR UPDATE") else {
                throw StoreError(.notFound, "service '\(serviceID)' does not exist")
            }
            var last = try await session.scalar(Int?.self, "SELECT MAX(sequence) FROM service_item WHERE service_id = \(serviceID)").flatMap { $0 } ?? -1
            for item in items {
                guard item.sequence == last + 1 else { throw StoreError(.invalid, "item \(item.sequence) does not follow item \(last)") }
                last = item.sequence
            }
            var start = 0
            while start < items.count {
                let chunk = items[start..<min(start + 10_000, items.count)]
                start += chunk.count
                var statement = PostgresStatementBuilder("INSERT INTO service_item (service_id, sequence, source, outcome, detail) VALUES ")
                let values = chunk.map { item in
                    let (outcome, detail) = StoredOutcome.columns(item.outcome)
                    return "(\(statement.bind(serviceID)),\(statement.bind(item.sequence)),\(statement.bind(item.source)),"
                        + "\(statement.bind(outcome)),\(statement.bind(detail)))"
                }
                statement.sql += values.joined(separator: ",")
                try await session.execute(statement.query)
            }
        }
    }

    public func items(serviceID: String, after sequence: Int, limit: Int, pendingOnly: Bool) async throws -> [ServiceItem] {
        try await read("read items of service '\(serviceID)'") { session in
            let rows = try await session.rows("""
                SELECT sequence, source, outcome, detail FROM service_item
                WHERE service_id = \(serviceID) AND sequence > \(sequence) AND (outcome IS NULL OR NOT \(pendingOnly))
                ORDER BY sequence LIMIT \(max(0, limit))
                """)
            return try rows.map { row in
                let (sequence, source, outcome, detail) = try row.decode((Int, String, Int?, String?).self)
                return ServiceItem(sequence: sequence, source: source, outcome: StoredOutcome.outcome(code: outcome, detail: detail))
            }
        }
    }

    public func recordOutcomes(_ items: [ServiceItem], serviceID: String) async throws {
        guard !items.isEmpty else { return }
        // One statement for the batch: NULL outcomes travel as -1 because arrays carry no optionals here.
        let sequences = items.map(\.sequence)
        let columns = items.map { StoredOutcome.columns($0.outcome) }
        let outcomes = columns.map { $0.code ?? -1 }
        let details = columns.map { $0.detail ?? "" }
        try await transaction("record outcomes of service '\(serviceID)'") { session in
            var updated = Set<Int>()
            for row in try await session.rows("""
                UPDATE service_item AS i
                SET outcome = NULLIF(u.outcome, -1), detail = CASE WHEN u.outcome = -1 THEN NULL ELSE u.detail END
                FROM UNNEST(\(sequences)::BIGINT[], \(outcomes)::BIGINT[], \(details)::TEXT[]) AS u(sequence, outcome, detail)
                WHERE i.service_id = \(serviceID) AND i.sequence = u.sequence
                RETURNING i.sequence
                """) {
                updated.insert(try row.decode(Int.self))
            }
            if let missing = sequences.first(where: { !updated.contains($0) }) {
                throw StoreError(.notFound, "service item \(missing) does not exist")
            }
        }
    }

    public func resetOutcomes(serviceID: String) async throws {
        try await transaction("reset outcomes of service '\(serviceID)'") { session in
            try await session.execute("UPDATE service_item SET outcome = NULL, detail = NULL WHERE service_id = \(serviceID)")
        }
    }

    public func itemCounts(serviceID: String) async throws -> (total: Int, succeeded: Int, failed: Int) {
        let counts = try await read("count items of service '\(serviceID)'") { session in
            try await session.rows("""
                SELECT COUNT(*), COUNT(*) FILTER (WHERE outcome = 1), COUNT(*) FILTER (WHERE outcome = 0)
                FROM service_item WHERE service_id = \(serviceID)
                """).first.map { try $0.decode((Int, Int, Int).self) } ?? (0, 0, 0)
        }
        return (counts.0, counts.1, counts.2)
    }
}
