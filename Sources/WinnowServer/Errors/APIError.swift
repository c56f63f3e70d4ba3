import Foundation
public import Hummingbird

/// An error as the API answers it: `{"error_code": "WINNOW.…", "error_msg": "…"}` with a stable code
/// and the HTTP status that goes with it; `field` names the request field at fault.
public struct APIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stable codes clients may match on.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case notFound = "WINNOW.NOT_FOUND"
        case invalidParameter = "WINNOW.INVALID_PARAMETER"
        case conflict = "WINNOW.CONFLICT"
        case tooLarge = "WINNOW.TOO_LARGE"
        /// A file the request needs (a sample's image) exists but cannot be decoded.
        case invalidImage = "WINNOW.INVALID_IMAGE"
        case unauthorized = "WINNOW.UNAUTHORIZED"
        case forbidden = "WINNOW.FORBIDDEN"
        case methodNotAllowed = "WINNOW.METHOD_NOT_ALLOWED"
        case internalError = "WINNOW.INTERNAL_ERROR"

        /// The HTTP status of the code.
        public var status: HTTPResponse.Status {
            switch self {
            case .notFound: .notFound
            case .invalidParameter: .badRequest
            case .conflict: .conflict
            case .tooLarge: .contentTooLarge
            case .invalidImage: .unprocessableContent
            case .unauthorized: .unauthorized
            case .forbidden: .forbidden
            case .methodNotAllowed: .methodNotAllowed
            case .internalError: .internalServerError
            }
        }
    }

    /// The stable code.
    public var code: Code
    /// What went wrong, in a sentence.
    public var message: String
    /// The request field at fault (query parameter, body key, path parameter).
    public var field: String?

    /// An error with its code, message and the field at fault.
    public init(_ code: Code, _ message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    /// `WINNOW.CODE: message`.
    public var description: String { "\(code.rawValue): \(message)" }

    /// `field` is missing or wrong: the message names it.
    static func invalid(_ field: String, _ message: String) -> APIError {
        APIError(.invalidParameter, "\(field): \(message)", field: field)
    }

    static func notFound(_ message: String) -> APIError { APIError(.notFound, message) }
}

/// The JSON body of an error.
struct ErrorBody: Codable, Sendable, Hashable {
    var errorCode: String
    var errorMsg: String
    var field: String?
}
