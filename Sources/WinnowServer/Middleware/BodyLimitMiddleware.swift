import HTTPTypes
import Hummingbird

/// Refuses a request whose declared body is larger than the limit (413 `WINNOW.TOO_LARGE`) before
/// reading it; routes read bodies with the same limit, so a body without a length is cut off too.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = WinnowRequestContext

    let limit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let text = request.headers[.contentLength], let length = Int(text), length > limit {
            throw APIError(.tooLarge, "the request body has \(length) bytes; this server accepts at most \(limit)")
        }
        return try await next(request, context)
    }
}
