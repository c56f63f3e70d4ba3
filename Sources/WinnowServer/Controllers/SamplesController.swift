import Foundation
import Hummingbird
import WinnowCore
import WinnowEngine
import WinnowStore

/// Samples: list a dataset's with filters, show one, confirm (with corrections), mark and unmark hard,
/// confirm in batch, and serve their images.
struct SamplesController {
    let environment: ServerEnvironment

    func register(on api: RouterGroup<WinnowRequestContext>) {
        api.get("datasets/{name}/samples", use: list)
        api.post("datasets/{name}/samples/confirm", use: batchConfirm)
        api.get("samples/{id}", use: show)
        api.post("samples/{id}/confirm", use: confirm)
        api.put("samples/{id}/hard", use: markHard)
        api.delete("samples/{id}/hard", use: unmarkHard)
        api.get("samples/{id}/image", use: image)
        api.get("samples/{id}/thumbnail", use: thumbnail)
    }

    @Sendable func list(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let dataset = try await environment.dataset(try context.parameters.path("name"))
        let listing = try SampleListing(datasetID: dataset.id, parameters: QueryParameters(request))
        let page = try await listing.page(in: environment.stores.metadata)
        return try JSONResponse.make(SamplePageDTO(
            samples: page.samples.map(SampleDTO.init), total: page.total, limit: listing.limit, offset: listing.offset, nextCursor: page.nextCursor))
    }

    @Sendable func show(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        try JSONResponse.make(SampleDetailDTO(try await environment.sample(try context.parameters.path("id"))))
    }

    @Sendable func confirm(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        var request = request
        let id = try context.parameters.path("id")
        let body = try await request.decodeBody(ConfirmBody.self, limit: environment.configuration.maximumBodySize)
        let samples = try await environment.review.confirm(ids: [id], correction: try Self.correction(body))
        return try JSONResponse.make(ReviewDTO(updated: samples.count, samples: samples.map(SampleDTO.init)))
    }

    /// The one correction a body asks for.
    static func correction(_ body: ConfirmBody) throws -> SampleReview.Correction {
        let given = [body.label != nil, body.voc != nil, body.boxes != nil, body.keep != nil].filter { $0 }.count
        guard given <= 1 else { throw APIError.invalid("body", "give at most one of label, voc, boxes and keep") }
        if let label = body.label { return .label(label) }
        if let voc = body.voc {
            do {
                return .annotation(try VOCCodec.decode(Array(voc.utf8), file: "voc"))
            } catch {
                throw APIError.invalid("voc", error.description)
            }
        }
        if let boxes = body.boxes {
            for (index, box) in boxes.enumerated() where !(box.xmin < box.xmax && box.ymin < box.ymax) {
                throw APIError.invalid("boxes[\(index)]", "needs xmin < xmax and ymin < ymax")
            }
            return .objects(boxes.map {
                Label(type: .objectDetection, name: $0.name, shape: .bndbox(xmin: $0.xmin, ymin: $0.ymin, xmax: $0.xmax, ymax: $0.ymax))
            })
        }
        if let keep = body.keep { return .keep(keep) }
        return .asIs
    }

    @Sendable func batchConfirm(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        var request = request
        let dataset = try await environment.dataset(try context.parameters.path("name"))
        let body = try await request.decodeBody(BatchConfirmBody.self, limit: environment.configuration.maximumBodySize)
        guard !body.ids.isEmpty else { throw APIError.invalid("ids", "give at least one sample id") }
        guard body.ids.count <= 1000 else { throw APIError.invalid("ids", "at most 1000 samples at once, got \(body.ids.count)") }
        for id in body.ids {
            guard let sample = try await environment.stores.metadata.sample(id: id) else { throw APIError(.notFound, "no sample '\(id)'; nothing was changed") }
            guard sample.datasetID == dataset.id else { throw APIError.invalid("ids", "sample \(id) is not in dataset \(dataset.name); nothing was changed") }
        }
        let samples = try await environment.review.confirm(ids: body.ids, correction: body.label.map { .label($0) } ?? .asIs)
        return try JSONResponse.make(ReviewDTO(updated: samples.count, samples: samples.map(SampleDTO.init)))
    }

    @Sendable func markHard(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let samples = try await environment.review.setHard(true, ids: [try context.parameters.path("id")])
        return try JSONResponse.make(SampleDetailDTO(samples[0]))
    }

    @Sendable func unmarkHard(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let samples = try await environment.review.setHard(false, ids: [try context.parameters.path("id")])
        return try JSONResponse.make(SampleDetailDTO(samples[0]))
    }

    /// The sample's image, read from its source, only from a registered folder.
    @Sendable func image(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let sample = try await environment.sample(try context.parameters.path("id"))
        return try await Self.imageResponse(sample, in: environment)
    }

    /// A small JPEG of the sample's image with its boxes drawn (see ``ThumbnailResponse``).
    @Sendable func thumbnail(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        try await ThumbnailResponse.make(request, sample: try await environment.sample(try context.parameters.path("id")), environment: environment)
    }

    static func imageResponse(_ sample: Sample, in environment: ServerEnvironment) async throws -> Response {
        let path = try await environment.roots.resolve(source: sample.source)
        let file = try ImageFile.read(path)
        return Response(
            status: .ok,
            headers: [.contentType: file.mediaType, .cacheControl: "private, max-age=300", .xContentTypeOptions: "nosniff"],
            body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}
