import Foundation
import HTTPTypes
import Hummingbird
import WinnowReport
import Logging
import NIOCore

/// The one place errors become responses: JSON `{"error_code", "error_msg"}` for the API, an HTML
/// page for the console. Internal errors are logged; their details stay in the log.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = WinnowRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var apiError = APIError(mapping: error)
            if apiError.code == .internalError {
                context.logger.error("\(request.method) \(request.uri.path): \(error)")
                apiError.message = "internal error; the server log has the details"
            }
            if AccessMiddleware.isAPI(request.uri.path) || request.uri.path.hasPrefix("/assets/") {
                return Self.json(apiError)
            }
            var response = ErrorPage.response(apiError, session: context.session)
            if let id = context.newSessionID { response.setCookie(AccessMiddleware.cookie(id)) }
            return response
        }
    }

    static func json(_ error: APIError) -> Response {
        let body = ErrorBody(errorCode: error.code.rawValue, errorMsg: error.message, field: error.field)
        let data = (try? JSONCoding.encoder().encode(body)) ?? Data(#"{"error_code":"WINNOW.INTERNAL_ERROR","error_msg":"internal error"}"#.utf8)
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if error.code == .unauthorized { headers[.wwwAuthenticate] = #"Bearer realm="winnow""# }
        return Response(status: error.code.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
