public import WinnowCore
import WinnowStore

extension CollectionManager {
    /// Deletes `dataset` and its samples, unless a batch service's hard-example filtering writes into
    /// it: that is refused, naming the services, and with `force` their filtering is switched off
    /// first (a later run would otherwise fail on a dataset that no longer exists). Returns the names
    /// of the services switched off.
    @discardableResult
    public func deleteDataset(_ dataset: Dataset, force: Bool) async throws -> [String] {
        let targeting = try await services.listServices().filter {
            $0.hardExamples?.enabled == true && $0.hardExamples?.datasetID == dataset.id
        }
        if !targeting.isEmpty, !force {
            let names = targeting.map(\.name).sorted()
            throw EngineError(.conflict, """
                dataset \(dataset.name) receives the hard examples of service\(names.count == 1 ? "" : "s") \(names.joined(separator: ", ")); \
                switch filtering off first (winnow collect filter disable --service \(names[0])), or delete with force, which switches it off; nothing was deleted
                """)
        }
        var switchedOff: [String] = []
        for service in targeting {
            _ = try await disableFilter(serviceName: service.name)
            switchedOff.append(service.name)
        }
        try await store.deleteDataset(id: dataset.id)
        return switchedOff.sorted()
    }
}
