import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import WinnowObjects

/// An answer from the storage: status, headers and the body read so far.
struct S3Response: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]
}

extension S3ObjectStore {
    /// The largest error or listing document read.
    static let maximumDocument = 16 << 20

    /// The `Host` header and the encoded path for `object` (a full key) or, when `nil`, the bucket:
    /// `host:port` and `/bucket/key` in path style, `bucket.host:port` and `/key` virtual-hosted.
    func target(object: String?) -> (host: String, path: String) {
        let hostPort = configuration.host + (configuration.port.map { ":\($0)" } ?? "")
        let encodedKey = object.map { "/" + S3URIEncoding.encode($0, keepSlash: true) } ?? ""
        switch configuration.addressingStyle {
        case .path:
            return (hostPort, "/" + S3URIEncoding.encode(bucket) + encodedKey)
        case .virtualHosted:
            return (bucket + "." + hostPort, encodedKey.isEmpty ? "/" : encodedKey)
        }
    }

    /// The request URL: the query encoded exactly as it is signed.
    func url(host: String, path: String, query: [(name: String, value: String)]) -> String {
        "\(configuration.scheme)://\(host)\(path)" + (query.isEmpty ? "" : "?" + S3URIEncoding.canonicalQuery(query))
    }

    /// Sends one signed request for `object` (a full key in the bucket) or, when `nil`, for the bucket.
    ///
    /// - Parameters:
    ///   - accepting: error statuses returned to the caller instead of thrown (404 for HEAD/DELETE).
    ///   - maximumSize: the largest successful body read; a larger one throws `.tooLarge`.
    /// - Throws: ``ObjectStoreError``: S3's error mapped, `.io` when the storage cannot be reached.
    func send(
        _ method: HTTPMethod, object: String?, query: [(name: String, value: String)] = [], body: [UInt8]? = nil,
        operation: String, resource: String, headers extra: [(name: String, value: String)] = [],
        accepting: Set<Int> = [], maximumSize: Int = S3ObjectStore.maximumDocument
    ) async throws -> S3Response {
        let (host, path) = target(object: object)
        let payloadHash: String
        if let body, configuration.signsPayload || method != .PUT {
            payloadHash = SigV4Signer.payloadHash(body)
        } else if body != nil {
            payloadHash = SigV4Signer.unsignedPayload
        } else {
            payloadHash = SigV4Signer.emptyPayloadHash
        }
        let signed = extra + [(name: "x-amz-content-sha256", value: payloadHash)]
        let signature = signer.sign(
            SigV4Signer.Request(method: method.rawValue, host: host, path: path, query: query, headers: signed, payloadHash: payloadHash),
            at: Date()
        )
        var request = HTTPClientRequest(url: url(host: host, path: path, query: query))
        request.method = method
        request.headers.add(name: "host", value: host)
        for header in signed + signature.headers { request.headers.add(name: header.name, value: header.value) }
        if let body {
            request.body = .bytes(ByteBuffer(bytes: body))
        }

        let timeout = TimeAmount.milliseconds(Int64(configuration.requestTimeout * 1000))
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: timeout)
        } catch {
            throw ObjectStoreError(.io, "\(resource): cannot reach the storage at \(configuration.endpointDescription) for \(operation): \(error)")
        }
        let status = Int(response.status.code)
        let succeeded = (200..<300).contains(status)
        let limit = succeeded ? maximumSize : 64 << 10
        if succeeded, method != .HEAD, let length = response.headers.first(name: "content-length").flatMap(Int.init), length > maximumSize {
            throw ObjectStoreError(.tooLarge, "\(resource) has \(length) bytes, more than the \(maximumSize) allowed")
        }
        var bytes: [UInt8] = []
        do {
            for try await chunk in response.body {
                guard bytes.count + chunk.readableBytes <= limit else {
                    if succeeded {
                        throw ObjectStoreError(.tooLarge, "\(resource) has more than the \(maximumSize) bytes allowed")
                    }
                    break
                }
                bytes += chunk.readableBytesView
            }
        } catch let error as ObjectStoreError {
            throw error
        } catch {
            throw ObjectStoreError(.io, "\(resource): \(operation) was cut off while reading the answer: \(error)")
        }
        if !succeeded && !accepting.contains(status) {
            throw S3ErrorResponse(status: status, body: bytes).objectStoreError(
                operation: operation, resource: resource, bucket: bucket, status: status, configuration: configuration
            )
        }
        return S3Response(status: status, headers: response.headers, body: bytes)
    }
}
