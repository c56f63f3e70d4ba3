public import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Calls a model's HTTP inference server as the model contract says: `POST` multipart/form-data with
/// the image in one field, JSON back.
public final class HTTPModelClient: ModelClient {
    private let client: HTTPClient
    private let endpoint: String
    private let fieldName: String
    private let timeout: TimeAmount
    /// The largest answer accepted (64 MiB).
    private static let maximumAnswer = 64 << 20

    /// A client for the server at `baseURL` (`http://127.0.0.1:8501`), posting to `requestPath`.
    public init(client: HTTPClient, baseURL: String, requestPath: String, fieldName: String, timeoutSeconds: Double) {
        self.client = client
        endpoint = Self.join(baseURL, requestPath)
        self.fieldName = fieldName
        timeout = .milliseconds(Int64(timeoutSeconds * 1000))
    }

    static func join(_ base: String, _ path: String) -> String {
        (base.hasSuffix("/") ? String(base.dropLast()) : base) + (path.hasPrefix("/") ? path : "/" + path)
    }

    public func predict(image: [UInt8], fileName: String) async throws(ModelCallError) -> [UInt8] {
        let boundary = "winnow-" + UUID().uuidString
        var body = ByteBuffer()
        let needsCleaning = fileName.utf8.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }
        let safeName = !needsCleaning ? fileName
            : fileName.replacingOccurrences(of: "\"", with: "_").replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: "")
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(fieldName)\"; filename=\"\(safeName)\"\r\n")
        body.writeString("Content-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(image)
        body.writeString("\r\n--\(boundary)--\r\n")
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "multipart/form-data; boundary=\(boundary)")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(body)
        let response: HTTPClientResponse
        let bytes: ByteBuffer
        do {
            response = try await client.execute(request, timeout: timeout)
            bytes = try await response.body.collect(upTo: Self.maximumAnswer)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            throw ModelCallError(.unavailable, "the model did not answer within \(timeout.nanoseconds / 1_000_000) ms")
        } catch {
            throw ModelCallError(.unavailable, "cannot reach the model at \(endpoint): \(error)")
        }
        let answer = Array(buffer: bytes)
        switch response.status.code {
        case 200..<300:
            return answer
        case 400..<500:
            throw ModelCallError(.rejected, "the model refused the file (HTTP \(response.status.code)): \(Self.excerpt(answer))")
        default:
            throw ModelCallError(.unavailable, "the model failed (HTTP \(response.status.code)): \(Self.excerpt(answer))")
        }
    }

    /// The first 300 characters of an answer, on one line.
    static func excerpt(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(300), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
        return text.isEmpty ? "(empty answer)" : text
    }

    /// Whether `GET baseURL + path` answers 2xx within `timeoutSeconds`.
    public static func isHealthy(client: HTTPClient, baseURL: String, path: String, timeoutSeconds: Double = 2) async -> Bool {
        var request = HTTPClientRequest(url: join(baseURL, path))
        request.method = .GET
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(timeoutSeconds * 1000)))
            _ = try await response.body.collect(upTo: 1 << 20)
            return (200..<300).contains(response.status.code)
        } catch {
            return false
        }
    }
}
