import Foundation
import NIOHTTP1
import WinnowCore
import WinnowObjects

extension S3ObjectStore {
    /// Uploads `bytes` in parts of ``S3Configuration/partSize``: CreateMultipartUpload, UploadPart for
    /// each part, CompleteMultipartUpload. A failure aborts the upload so no parts are left behind, and
    /// readers never see a partial object.
    func putMultipart(_ key: ObjectKey, _ bytes: [UInt8]) async throws {
        let name = objectName(key)
        let resource = resource(key)
        let created = try await send(
            .POST, object: name, query: [(name: "uploads", value: "")], body: [],
            operation: "CreateMultipartUpload", resource: resource,
            headers: [(name: "content-type", value: "application/octet-stream")]
        )
        guard let root = try? XMLTreeParser.parse(created.body),
            let uploadID = root.firstChild(named: "UploadId")?.text, !uploadID.isEmpty
        else {
            throw ObjectStoreError(.io, "\(resource): CreateMultipartUpload answered without an UploadId")
        }
        do {
            let partSize = max(1, configuration.partSize)
            var etags: [String] = []
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + partSize)
                let number = etags.count + 1
                let answer = try await send(
                    .PUT, object: name,
                    query: [(name: "partNumber", value: String(number)), (name: "uploadId", value: uploadID)],
                    body: Array(bytes[offset..<end]), operation: "UploadPart \(number)", resource: resource
                )
                guard let etag = answer.headers.first(name: "etag"), !etag.isEmpty else {
                    throw ObjectStoreError(.io, "\(resource): UploadPart \(number) answered without an ETag")
                }
                etags.append(etag)
                offset = end
            }
            var document = "<CompleteMultipartUpload>"
            for (index, etag) in etags.enumerated() {
                document += "<Part><PartNumber>\(index + 1)</PartNumber><ETag>\(Self.escapeXML(etag))</ETag></Part>"
            }
            document += "</CompleteMultipartUpload>"
            let completed = try await send(
                .POST, object: name, query: [(name: "uploadId", value: uploadID)], body: Array(document.utf8),
                operation: "CompleteMultipartUpload", resource: resource,
                headers: [(name: "content-type", value: "application/xml")]
            )
            // S3 may answer 200 and still report a failure in the body.
            if S3ErrorResponse.isError(completed.body) {
                throw S3ErrorResponse(status: 200, body: completed.body).objectStoreError(
                    operation: "CompleteMultipartUpload", resource: resource, bucket: bucket, status: 500, configuration: configuration
                )
            }
        } catch {
            _ = try? await send(
                .DELETE, object: name, query: [(name: "uploadId", value: uploadID)],
                operation: "AbortMultipartUpload", resource: resource, accepting: [404]
            )
            throw error
        }
    }

    static func escapeXML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
