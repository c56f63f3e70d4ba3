import Foundation
import Hummingbird
import NIOCore
import WinnowCore
import WinnowReport
import WinnowStore

/// A dataset's charts, gathered with cheap store queries and drawn on the server as SVG: hard examples
/// by reason, the hard coefficient histogram, and image and box feature distributions of the batch
/// against the training set (as the latest filter task into the dataset recorded them; for a task run
/// before they were recorded, the flagged samples' values against the training band). `GET /v1/datasets/{name}/charts/{chart}` serves each as `image/svg+xml`;
/// the console draws the first two inline and loads the third as an image.
struct DatasetCharts {
    let environment: ServerEnvironment

    /// The charts by name.
    enum Kind: String, CaseIterable, Sendable {
        case reasons, coefficients, features
    }

    /// Samples per drift reason the feature chart reads (the hardest first).
    static let samplesPerReason = 400
    static let bins = 10

    func register(on api: RouterGroup<WinnowRequestContext>) {
        api.get("datasets/{name}/charts/{chart}", use: chart)
    }

    @Sendable func chart(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let name = try context.parameters.path("chart")
        guard let kind = Kind(rawValue: name.hasSuffix(".svg") ? String(name.dropLast(4)) : name) else {
            throw APIError.invalid("chart", "'\(name)' is not a chart; use \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let dataset = try await environment.dataset(try context.parameters.path("name"))
        let svg = Charts.standalone(try await html(kind, dataset: dataset))
        return Response(
            status: .ok,
            headers: [.contentType: "image/svg+xml; charset=utf-8", .cacheControl: "private, no-cache", .xContentTypeOptions: "nosniff"],
            body: .init(byteBuffer: ByteBuffer(string: svg)))
    }

    /// The chart as inline SVG markup.
    func html(_ kind: Kind, dataset: Dataset) async throws -> HTML {
        switch kind {
        case .reasons:
            return Charts.reasons(try await environment.stores.metadata.statistics(datasetID: dataset.id).byReason)
        case .coefficients:
            return Charts.histogram(counts: try await coefficientCounts(datasetID: dataset.id))
        case .features:
            if let summary = try await latestSummary(datasetID: dataset.id) {
                return Charts.distributions(summary.featureDistributions)
            }
            return Charts.featureDrift(try await featureDrifts(datasetID: dataset.id))
        }
    }

    /// The mining summary of the newest completed filter task that wrote into the dataset, if it
    /// recorded one.
    func latestSummary(datasetID: String) async throws -> MiningSummary? {
        try await environment.stores.tasks.listTasks(datasetID: datasetID)
            .first { $0.kind == .filter && $0.status == .completed }?.mining
    }

    /// Hard samples per coefficient bin over [0, 1], one indexed range count per bin (no sample is read).
    func coefficientCounts(datasetID: String) async throws -> [Int] {
        var counts: [Int] = []
        for bin in 0..<Self.bins {
            let low = Double(bin) / Double(Self.bins)
            let high = bin == Self.bins - 1 ? 1.0 : (Double(bin + 1) / Double(Self.bins)).nextDown
            counts.append(try await environment.stores.metadata.countSamples(
                SampleQuery(datasetID: datasetID, hard: true, coefficient: low...high)))
        }
        return counts
    }

    /// The drift details of the hardest samples flagged for each feature reason present.
    func featureDrifts(datasetID: String) async throws -> [FeatureDrift] {
        let statistics = try await environment.stores.metadata.statistics(datasetID: datasetID)
        var samples: [Sample] = []
        for reason in FeatureDrift.reasons where (statistics.byReason[reason] ?? 0) > 0 {
            samples += try await environment.stores.metadata.listSamples(SampleQuery(
                datasetID: datasetID, hard: true, reason: reason, sort: .coefficient, descending: true, limit: Self.samplesPerReason))
        }
        // A sample flagged for several reasons counts once per reason.
        var seen: Set<String> = []
        return FeatureDrift.collect(samples.filter { seen.insert($0.id).inserted })
    }
}
