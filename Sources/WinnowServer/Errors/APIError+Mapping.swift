import Foundation
import Hummingbird
import WinnowCore
import WinnowEngine
import WinnowObjects
import WinnowStore

extension APIError {
    /// The API's view of any error a route threw: engine, store and object-store errors keep their
    /// meaning; anything unknown is an internal error.
    init(mapping error: any Error) {
        switch error {
        case let error as APIError:
            self = error
        case let error as EngineError:
            let message = ([error.message] + error.problems.prefix(10).map(\.description)).joined(separator: "\n")
            switch error.code {
            case .notFound: self.init(.notFound, message)
            case .invalidInput: self.init(.invalidParameter, message, field: error.problems.first?.field)
            case .conflict: self.init(.conflict, message)
            }
        case let error as StoreError:
            switch error.code {
            case .notFound: self.init(.notFound, error.message)
            case .duplicate: self.init(.conflict, error.message)
            case .invalid: self.init(.invalidParameter, error.message)
            case .backend: self.init(.internalError, "the metadata store failed: \(error.message)")
            }
        case let error as ObjectStoreError:
            switch error.code {
            case .notFound: self.init(.notFound, error.message)
            case .invalidKey, .unsupported: self.init(.invalidParameter, error.message)
            case .tooLarge: self.init(.tooLarge, error.message)
            case .io, .denied: self.init(.internalError, error.message)
            }
        case let error as ValidationError:
            self = .invalid(error.field, error.message)
        case let error as CodecError:
            self.init(.invalidParameter, error.description, field: error.field)
        case let error as DecodingError:
            self = Self.decoding(error)
        case let error as HTTPError:
            self = Self.http(error)
        default:
            self.init(.internalError, "internal error: \(error)")
        }
    }

    private static func http(_ error: HTTPError) -> APIError {
        let message = error.body ?? ""
        switch error.status {
        case .notFound: return APIError(.notFound, message.isEmpty ? "no such resource" : message)
        case .contentTooLarge: return APIError(.tooLarge, message.isEmpty ? "the request body is too large" : message)
        case .methodNotAllowed: return APIError(.methodNotAllowed, message.isEmpty ? "method not allowed here" : message)
        case .unauthorized: return APIError(.unauthorized, message.isEmpty ? "authentication required" : message)
        case .forbidden: return APIError(.forbidden, message.isEmpty ? "forbidden" : message)
        case .conflict: return APIError(.conflict, message)
        default:
            if error.status.code >= 400 && error.status.code < 500 {
                return APIError(.invalidParameter, message.isEmpty ? "bad request (\(error.status.code))" : message)
            }
            return APIError(.internalError, message.isEmpty ? "internal error (\(error.status.code))" : message)
        }
    }

    /// A JSON body that does not fit: the message names the field by its snake_case path.
    private static func decoding(_ error: DecodingError) -> APIError {
        func path(_ keys: [any CodingKey]) -> String {
            var text = ""
            for key in keys {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + snake(key.stringValue)
                }
            }
            return text
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return .invalid(field, "is missing")
        case .typeMismatch(let type, let context):
            return .invalid(path(context.codingPath).isEmpty ? "body" : path(context.codingPath), "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return .invalid(path(context.codingPath).isEmpty ? "body" : path(context.codingPath), "expected \(describe(type)), got null")
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            if field.isEmpty { return .invalid("body", "is not valid JSON") }
            return .invalid(field, context.debugDescription)
        @unknown default:
            return .invalid("body", "cannot be read")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "\(type)".contains("Array") ? "a list" : "an object"
        }
    }

    /// `trainingManifest` → `training_manifest`.
    static func snake(_ key: String) -> String {
        var result = ""
        for character in key {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
