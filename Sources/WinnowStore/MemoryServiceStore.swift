import Foundation
public import WinnowCore

/// Models, services and items held in memory: the reference behaviour and the store tests use.
public actor MemoryServiceStore: ServiceStore {
    private var models: [String: RegisteredModel] = [:]
    private var services: [String: BatchService] = [:]
    private var items: [String: [ServiceItem]] = [:]

    public init() {}

    public func registerModel(_ model: RegisteredModel, replace: Bool) throws {
        if models[model.name] != nil, !replace { throw StoreError(.duplicate, "a model named '\(model.name)' is registered already") }
        models[model.name] = model
    }

    public func model(named name: String) -> RegisteredModel? { models[name] }

    public func listModels() -> [RegisteredModel] { models.values.sorted { $0.name < $1.name } }

    public func deleteModel(named name: String) throws {
        guard models[name] != nil else { throw StoreError(.notFound, "model '\(name)' is not registered") }
        if let user = services.values.first(where: { $0.modelName == name }) {
            throw StoreError(.invalid, "model '\(name)' is used by service '\(user.name)'; delete the service first")
        }
        models[name] = nil
    }

    public func createService(_ service: BatchService) throws {
        if services.values.contains(where: { $0.name == service.name }) {
            throw StoreError(.duplicate, "a service named '\(service.name)' exists already")
        }
        services[service.id] = service
        items[service.id] = []
    }

    public func service(named name: String) -> BatchService? { services.values.first { $0.name == name } }

    public func service(id: String) -> BatchService? { services[id] }

    public func listServices() -> [BatchService] { services.values.sorted { $0.name < $1.name } }

    public func updateService(_ service: BatchService) throws {
        guard services[service.id] != nil else { throw StoreError(.notFound, "service '\(service.name)' does not exist") }
        services[service.id] = service
    }

    public func updateService(_ service: BatchService, ifStatus expected: ServiceStatus) throws -> Bool {
        guard let stored = services[service.id] else { throw StoreError(.notFound, "service '\(service.name)' does not exist") }
        guard stored.status == expected else { return false }
        services[service.id] = service
        return true
    }

    public func deleteService(id: String) throws {
        guard services.removeValue(forKey: id) != nil else { throw StoreError(.notFound, "service '\(id)' does not exist") }
        items[id] = nil
    }

    public func appendItems(_ newItems: [ServiceItem], serviceID: String) throws {
        guard var list = items[serviceID] else { throw StoreError(.notFound, "service '\(serviceID)' does not exist") }
        for item in newItems {
            guard item.sequence == (list.last?.sequence ?? -1) + 1 else {
                throw StoreError(.invalid, "item \(item.sequence) does not follow item \(list.last?.sequence ?? -1)")
            }
            list.append(item)
        }
        items[serviceID] = list
    }

    public func items(serviceID: String, after sequence: Int, limit: Int, pendingOnly: Bool) -> [ServiceItem] {
        let list = items[serviceID] ?? []
        let start = max(0, sequence + 1)
        guard start < list.count else { return [] }
        return Array(list[start...].lazy.filter { !pendingOnly || $0.outcome == nil }.prefix(limit))
    }

    public func recordOutcomes(_ updates: [ServiceItem], serviceID: String) throws {
        guard var list = items[serviceID] else { throw StoreError(.notFound, "service '\(serviceID)' does not exist") }
        for update in updates {
            guard list.indices.contains(update.sequence) else { throw StoreError(.notFound, "service item \(update.sequence) does not exist") }
            list[update.sequence].outcome = update.outcome
        }
        items[serviceID] = list
    }

    public func resetOutcomes(serviceID: String) throws {
        guard var list = items[serviceID] else { throw StoreError(.notFound, "service '\(serviceID)' does not exist") }
        for index in list.indices { list[index].outcome = nil }
        items[serviceID] = list
    }

    public func itemCounts(serviceID: String) -> (total: Int, succeeded: Int, failed: Int) {
        let list = items[serviceID] ?? []
        var succeeded = 0
        var failed = 0
        for item in list {
            switch item.outcome {
            case .succeeded?: succeeded += 1
            case .failed?: failed += 1
            case nil: break
            }
        }
        return (list.count, succeeded, failed)
    }
}
