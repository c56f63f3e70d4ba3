import Foundation
import Hummingbird
import NIOCore
import WinnowCore
import WinnowEngine
import WinnowReport
import WinnowStore

/// `GET /v1/tasks/{id}/report.html[?top=N]`: a filter task's hard-example report, the same
/// self-contained page `winnow report --task ID` writes. Images are read only from registered roots; an
/// image outside them, missing or unreadable is named in its card instead.
enum TaskReport {
    /// The most examples a request may ask for.
    static let maximumTop = 500

    static func response(_ request: Request, taskID: String, environment: ServerEnvironment) async throws -> Response {
        let top = try QueryParameters(request).int("top", in: 0...maximumTop) ?? 50
        let task = try await environment.task(taskID)
        guard task.kind == .filter else {
            throw APIError(.conflict, "task \(task.id) is a sync task; reports are made for hard-example filtering tasks")
        }
        let page = await html(task, top: top, environment: environment)
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store", .xContentTypeOptions: "nosniff",
                // The page needs its inline styles and data: images, and nothing else.
                .contentSecurityPolicy: "default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'none'",
            ],
            body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    static func html(_ task: CollectionTask, top: Int, environment: ServerEnvironment) async -> String {
        let metadata = environment.stores.metadata
        let byReason = (try? await metadata.statistics(datasetID: task.datasetID).byReason) ?? [:]
        let (samples, isTaskOwn) = (try? await TaskReportExamples.load(task, top: top, store: metadata)) ?? ([], false)
        var examples: [ReportExample] = []
        for (rank, sample) in samples.enumerated() {
            do {
                let path = try await environment.roots.resolve(source: sample.source)
                examples.append(ReportExample(rank: rank + 1, sample: sample, imagePath: path))
            } catch {
                let message = (error as? APIError)?.message ?? "\(error)"
                examples.append(ReportExample(rank: rank + 1, sample: sample, imagePath: nil, imageProblem: message))
            }
        }
        var report = HardExampleReport.task(task, hardByReason: byReason)
        report.facts.append(("Examples", TaskReportExamples.description(isTaskOwn: isTaskOwn)))
        return await report.html(examples)
    }
}
