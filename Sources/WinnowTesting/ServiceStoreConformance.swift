import Foundation
import WinnowCore
public import WinnowStore

/// The behaviour every ``ServiceStore`` must show, as named checks run against a fresh, empty store.
public enum ServiceStoreConformance {
    public struct Check: Sendable, CustomStringConvertible {
        public let name: String
        public let run: @Sendable (any ServiceStore) async throws -> Void
        public var description: String { name }
    }

    static func model(_ name: String) -> RegisteredModel {
        RegisteredModel(
            spec: ModelSpec(name: name, version: "2", type: .objectDetection, endpoint: .command(["python3", "server.py"]),
                            maxConcurrentRequests: 3, timeoutSeconds: 5.5, directory: "/models/\(name)"),
            registeredAt: ConformanceFixtures.epoch)
    }

    static func service(_ name: String, model: String) -> BatchService {
        BatchService(name: name, modelName: model, modelType: .objectDetection, input: .folder("/in/\(name)"), output: "/out/\(name)", instances: 2,
                     progress: .init(succeeded: 1, failed: 2, total: 3, invocations: 4, failedInvocations: 5),
                     createdAt: ConformanceFixtures.epoch, startedAt: ConformanceFixtures.epoch)
    }

    public static let checks: [Check] = [
        Check(name: "models are registered, listed, replaced and deleted") { store in
            try await store.registerModel(model("b"), replace: false)
            try await store.registerModel(model("a"), replace: false)
            try checkEqual(try await store.model(named: "b"), model("b"), "model(named:)")
            try checkEqual(try await store.listModels().map(\.name), ["a", "b"], "listModels")
            try await checkThrows("duplicate model", matching: { ($0 as? StoreError)?.code == .duplicate }) {
                try await store.registerModel(model("a"), replace: false)
            }
            var changed = model("a")
            changed.spec.endpoint = .url("http://127.0.0.1:9")
            try await store.registerModel(changed, replace: true)
            try checkEqual(try await store.model(named: "a"), changed, "replaced model")
            try await store.deleteModel(named: "a")
            try checkEqual(try await store.model(named: "a"), nil, "deleted model")
            try await checkThrows("deleting an unknown model", matching: { ($0 as? StoreError)?.code == .notFound }) {
                try await store.deleteModel(named: "a")
            }
        },
        Check(name: "services are created, found, updated and deleted; their model cannot go first") { store in
            try await store.registerModel(model("m"), replace: false)
            let s = service("svc", model: "m")
            try await store.createService(s)
            try checkEqual(try await store.service(named: "svc"), s, "service(named:)")
            try checkEqual(try await store.service(id: s.id), s, "service(id:)")
            try await checkThrows("duplicate service", matching: { ($0 as? StoreError)?.code == .duplicate }) {
                try await store.createService(service("svc", model: "m"))
            }
            try await checkThrows("deleting a model in use", matching: { ($0 as? StoreError)?.code == .invalid }) {
                try await store.deleteModel(named: "m")
            }
            var updated = s
            updated.status = .running
            updated.progress.succeeded = 10
            updated.error = "x"
            try await store.updateService(updated)
            try checkEqual(try await store.service(id: s.id), updated, "updated service")
            var stopped = updated
            stopped.status = .stopped
            try checkEqual(try await store.updateService(stopped, ifStatus: .deploying), false, "compare-and-set with a stale status")
            try checkEqual(try await store.service(id: s.id), updated, "service after refused compare-and-set")
            try checkEqual(try await store.updateService(stopped, ifStatus: .running), true, "compare-and-set with the current status")
            try checkEqual(try await store.service(id: s.id)?.status, .stopped, "status after compare-and-set")
            try await store.updateService(updated)
            try checkEqual(try await store.listServices().map(\.name), ["svc"], "listServices")
            try await store.deleteService(id: s.id)
            try checkEqual(try await store.service(id: s.id), nil, "deleted service")
            try await store.deleteModel(named: "m")
        },
        Check(name: "items keep their order, pending items page, outcomes are recorded and reset") { store in
            try await store.registerModel(model("m"), replace: false)
            let s = service("items", model: "m")
            try await store.createService(s)
            try await store.appendItems((0..<10).map { ServiceItem(sequence: $0, source: "/in/\($0).jpg") }, serviceID: s.id)
            try await store.appendItems([ServiceItem(sequence: 10, source: "/in/10.jpg")], serviceID: s.id)
            try await checkThrows("item out of order", matching: { ($0 as? StoreError)?.code == .invalid }) {
                try await store.appendItems([ServiceItem(sequence: 12, source: "/in/12.jpg")], serviceID: s.id)
            }
            try await store.recordOutcomes([
                ServiceItem(sequence: 0, source: "/in/0.jpg", outcome: .succeeded(resultPath: "r/0.jpg_result.txt")),
                ServiceItem(sequence: 2, source: "/in/2.jpg", outcome: .failed(message: "cannot identify image file")),
            ], serviceID: s.id)
            let pending = try await store.items(serviceID: s.id, after: -1, limit: 3, pendingOnly: true)
            try checkEqual(pending.map(\.sequence), [1, 3, 4], "first pending page")
            let all = try await store.items(serviceID: s.id, after: -1, limit: 100, pendingOnly: false)
            try checkEqual(all.count, 11, "all items")
            try checkEqual(all[0].outcome, .succeeded(resultPath: "r/0.jpg_result.txt"), "succeeded outcome")
            try checkEqual(all[2].outcome, .failed(message: "cannot identify image file"), "failed outcome")
            try checkEqual(try await store.items(serviceID: s.id, after: 8, limit: 100, pendingOnly: false).map(\.sequence), [9, 10], "page after 8")
            let counts = try await store.itemCounts(serviceID: s.id)
            try checkEqual([counts.total, counts.succeeded, counts.failed], [11, 1, 1], "counts")
            try await store.resetOutcomes(serviceID: s.id)
            try checkEqual(try await store.itemCounts(serviceID: s.id).succeeded, 0, "after reset")
            try await store.deleteService(id: s.id)
            try checkEqual(try await store.items(serviceID: s.id, after: -1, limit: 10, pendingOnly: false).count, 0, "items of deleted service")
        },
    ]
}
