import Foundation
import Hummingbird
import WinnowCore
import WinnowEngine
import WinnowObjects
import WinnowStore

/// `/v1/datasets`: create, list, show with statistics, delete, export to and import from server-side paths.
struct DatasetsController {
    let environment: ServerEnvironment

    func register(on api: RouterGroup<WinnowRequestContext>) {
        api.post("datasets", use: create)
        api.get("datasets", use: list)
        api.get("datasets/{name}", use: show)
        api.delete("datasets/{name}", use: delete)
        api.post("datasets/{name}/export", use: export)
        api.post("datasets/{name}/import", use: importManifest)
    }

    @Sendable func create(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        var request = request
        let body = try await request.decodeBody(CreateDatasetBody.self, limit: environment.configuration.maximumBodySize)
        let dataset = try await Self.create(body, in: environment)
        return try JSONResponse.make(DatasetDTO(dataset, statistics: DatasetStatistics()), status: .created)
    }

    static func create(_ body: CreateDatasetBody, in environment: ServerEnvironment) async throws -> Dataset {
        do {
            try Dataset.validateName(body.name)
        } catch {
            throw APIError.invalid("name", error.message)
        }
        let type = try ServerEnvironment.labelingType(body.labelingType, field: "labeling_type")
        if try await environment.stores.metadata.dataset(named: body.name) != nil {
            throw APIError(.conflict, "a dataset named '\(body.name)' exists already")
        }
        return try await environment.stores.metadata.createDataset(Dataset(name: body.name, labelingType: type, description: body.description ?? ""))
    }

    @Sendable func list(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        try JSONResponse.make(ListDTO(try await environment.stores.metadata.listDatasets().map { DatasetDTO($0) }))
    }

    @Sendable func show(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let dataset = try await environment.dataset(try context.parameters.path("name"))
        return try JSONResponse.make(DatasetDTO(dataset, statistics: try await environment.stores.metadata.statistics(datasetID: dataset.id)))
    }

    @Sendable func delete(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let dataset = try await environment.dataset(try context.parameters.path("name"))
        let force = try QueryParameters(request).bool("force") ?? false
        try await environment.collection.deleteDataset(dataset, force: force)
        return JSONResponse.noContent()
    }

    /// Writes the dataset as a manifest (and VOC files) at a path on the server.
    @Sendable func export(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        var request = request
        let dataset = try await environment.dataset(try context.parameters.path("name"))
        let body = try await request.decodeBody(ExportBody.self, limit: environment.configuration.maximumBodySize)
        guard body.path.hasPrefix("/") else { throw APIError.invalid("path", "must be an absolute path on the server, got '\(body.path)'") }
        guard body.path.hasSuffix(".manifest") else { throw APIError.invalid("path", "must end in .manifest, got '\(body.path)'") }
        var state: SampleState?
        if let text = body.state {
            guard let parsed = SampleState(parsing: text) else {
                throw APIError.invalid("state", "'\(text)' is not a state; use unlabeled, labeled or to_be_confirmed")
            }
            state = parsed
        }
        let report = try await DatasetExporter(store: environment.stores.metadata).export(
            dataset, to: body.path, options: .init(state: state, hardOnly: body.hardOnly ?? false, clearHard: body.clearHard ?? false))
        return try JSONResponse.make(ExportDTO(
            path: ResourceLocationPath.absolute(body.path), samples: report.samples, annotationFiles: report.annotationFiles,
            annotationFolder: report.annotationFolder))
    }

    /// Imports a manifest on the server, all or nothing; its folder becomes a registered image folder.
    @Sendable func importManifest(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        var request = request
        let dataset = try await environment.dataset(try context.parameters.path("name"))
        let body = try await request.decodeBody(ImportBody.self, limit: environment.configuration.maximumBodySize)
        guard body.manifest.hasPrefix("/") else { throw APIError.invalid("manifest", "must be an absolute path on the server, got '\(body.manifest)'") }
        let report = try await DatasetImporter(store: environment.stores.metadata, reader: environment.stores.reader)
            .importManifest(at: body.manifest, into: dataset, options: .init(skipInvalid: body.skipInvalid ?? false))
        try await environment.roots.recordImportRoot((ResourceLocationPath.absolute(body.manifest) as NSString).deletingLastPathComponent)
        return try JSONResponse.make(ImportDTO(
            lines: report.lines, inserted: report.outcome.inserted, replaced: report.outcome.replaced, skipped: report.outcome.skipped,
            invalidLines: report.invalidLines))
    }
}
