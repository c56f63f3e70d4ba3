import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import WinnowCore

extension Request {
    /// The body as a JSON object of type `T`: at most `limit` bytes (413 beyond), valid JSON, no key
    /// `T` does not know, every value of the right type — each failure names the field.
    mutating func decodeBody<T: RequestBody>(_ type: T.Type, limit: Int) async throws -> T {
        let bytes = try await bodyBytes(limit: limit)
        guard !bytes.isEmpty else { throw APIError.invalid("body", "is empty; send a JSON object") }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw APIError.invalid("body", "is not valid JSON: \(error.message)")
        }
        guard let object = value.objectValue else { throw APIError.invalid("body", "expected a JSON object, got \(value.typeName)") }
        if let unknown = object.keys.sorted().first(where: { !T.fields.contains($0) }) {
            throw APIError.invalid(unknown, "unknown field; this request takes \(T.fields.sorted().joined(separator: ", "))")
        }
        return try JSONCoding.decoder().decode(T.self, from: Data(bytes))
    }

    /// The raw body, at most `limit` bytes (413 `WINNOW.TOO_LARGE` beyond).
    mutating func bodyBytes(limit: Int) async throws -> [UInt8] {
        do {
            let buffer = try await collectBody(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError(.tooLarge, "the request body is larger than the \(limit) bytes this server accepts")
        }
    }
}

/// Query parameters, read with errors naming the parameter.
struct QueryParameters {
    let values: [String: String]

    init(_ request: Request) {
        var values: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { values[String(key)] = String(value) }
        self.values = values
    }

    func string(_ name: String) -> String? {
        values[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    func int(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.invalid(name, "expected a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
        }
        return value
    }

    func double(_ name: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let text = string(name) else { return nil }
        guard let value = Double(text), range.contains(value) else {
            throw APIError.invalid(name, "expected a number from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
        }
        return value
    }

    func bool(_ name: String) throws -> Bool? {
        guard let text = string(name)?.lowercased() else { return nil }
        switch text {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: throw APIError.invalid(name, "expected true or false, got '\(text)'")
        }
    }
}

/// JSON responses with the API's encoding.
enum JSONResponse {
    static func make<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try JSONCoding.encoder().encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func noContent() -> Response { Response(status: .noContent) }
}

extension Parameters {
    /// A path parameter the route guarantees.
    func path(_ name: String) throws -> String {
        guard let value = get(name), !value.isEmpty else { throw APIError.invalid(name, "is missing from the path") }
        return value
    }
}
