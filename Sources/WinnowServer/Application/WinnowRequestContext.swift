public import Foundation
public import Hummingbird

/// The request context of every route: JSON with snake_case keys and ISO 8601 dates (like the CLI's
/// `--json`), and the console session once the session middleware has found or made one.
public struct WinnowRequestContext: RequestContext {
    /// Hummingbird's per-request storage (logger, path parameters).
    public var coreContext: CoreRequestContextStorage
    /// The console session (cookie `winnow_session`), when the request has one.
    var session: ConsoleSession?
    /// A session created for this request, whose cookie the response must set.
    var newSessionID: String?

    /// A context for a request the application accepted.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Decodes snake_case JSON with ISO 8601 dates.
    public var requestDecoder: JSONDecoder { JSONCoding.decoder() }
    /// Encodes snake_case JSON with ISO 8601 dates and sorted keys.
    public var responseEncoder: JSONEncoder { JSONCoding.encoder() }
}

/// The one JSON configuration of the API.
enum JSONCoding {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
