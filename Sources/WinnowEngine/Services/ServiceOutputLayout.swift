import Foundation
public import WinnowCore

/// Where a batch service writes, exactly as ModelArts lays it out:
/// `OUTPUT/infer-result-{run}.manifest` (or `…_1.manifest`, `…_2.manifest` past the line limit) and one
/// `NAME_result.txt` per input under `OUTPUT/infer-result-{run}/`.
public struct ServiceOutputLayout: Sendable {
    public let service: BatchService

    public init(_ service: BatchService) {
        self.service = service
    }

    /// The folder of result files, relative to the output folder.
    public var resultFolder: String { "infer-result-\(service.runID)" }

    /// The result file of `source`, relative to the output folder: the input's path below the input
    /// folder (or below the manifest's folder; else its path without scheme and bucket) + `_result.txt`.
    public func resultPath(for source: String) -> String {
        let base = service.input.path
        let directory = {
            if case .manifest = service.input { return (base as NSString).deletingLastPathComponent }
            return base
        }()
        var relative: String
        if source.hasPrefix(directory + "/") {
            relative = String(source.dropFirst(directory.count + 1))
        } else if let location = try? ResourceLocation(parsing: source, relativeTo: "/"), case .object(_, _, let key) = location {
            relative = key
        } else {
            relative = source.split(separator: "/").joined(separator: "/")
        }
        if relative.isEmpty { relative = "input" }
        return resultFolder + "/" + relative + "_result.txt"
    }

    /// The manifest names for `lines` output lines.
    public func manifestNames(lines: Int) -> [String] {
        let limit = max(1, service.manifestLineLimit)
        guard lines > limit else { return ["infer-result-\(service.runID).manifest"] }
        let parts = (lines + limit - 1) / limit
        return (1...parts).map { "infer-result-\(service.runID)_\($0).manifest" }
    }
}
