import Foundation
import Hummingbird
import WinnowCore
import WinnowReport
import WinnowEngine

/// The Data Collection tab's form actions: sync, filtering on and off, retry.
struct CollectionPages {
    let environment: ServerEnvironment

    func register(on router: Router<WinnowRequestContext>) {
        router.post("services/{name}/sync", use: sync)
        router.post("services/{name}/filter", use: enableFilter)
        router.post("services/{name}/filter/disable", use: disableFilter)
        router.post("tasks/{id}/retry", use: retry)
    }

    var limit: Int { environment.configuration.maximumBodySize }

    static func tab(_ name: String) -> String { "/services/\(HTML.urlComponent(name))?tab=collection" }

    @Sendable func sync(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let form = try await ConsoleForm.read(request, context: context, limit: limit)
        let name = try context.parameters.path("name")
        let (dataset, newDataset) = CollectionSection.target(form)
        let task = try await CollectionController.sync(
            name, SyncBody(labelingType: form.value("labeling_type") ?? "", dataset: dataset, newDataset: newDataset), in: environment)
        return Redirect.to(Self.tab(name), notice: "Sync task queued: the inputs go to dataset \(task.datasetName).")
    }

    @Sendable func enableFilter(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let form = try await ConsoleForm.read(request, context: context, limit: limit)
        let name = try context.parameters.path("name")
        let (service, restartNeeded) = try await environment.enableFilter(name, try CollectionSection.filterBody(form))
        var notice = "Hard-example filtering is on: hard examples go to \(service.hardExamples?.datasetName ?? "the dataset")."
        if restartNeeded && service.status == .finished { notice += " The service has finished: restart it to run the filtering." }
        return Redirect.to(Self.tab(name), notice: notice)
    }

    @Sendable func disableFilter(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        _ = try await ConsoleForm.read(request, context: context, limit: limit)
        let service = try await environment.collection.disableFilter(serviceName: try context.parameters.path("name"))
        return Redirect.to(Self.tab(service.name), notice: "Hard-example filtering is off.")
    }

    @Sendable func retry(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        _ = try await ConsoleForm.read(request, context: context, limit: limit)
        let task = try await environment.retry(try context.parameters.path("id"))
        return Redirect.to(Self.tab(task.serviceName), notice: "Task queued again.")
    }
}
