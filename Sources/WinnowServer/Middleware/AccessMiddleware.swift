import Foundation
import HTTPTypes
import Hummingbird

/// Who may do what: with an access token, API calls need `Authorization: Bearer TOKEN` and console
/// pages a logged-in session (else a redirect to `/login`). Every console request gets a session
/// (cookie `winnow_session`, HttpOnly, SameSite=Strict) whose CSRF token its forms carry.
struct AccessMiddleware: RouterMiddleware {
    typealias Context = WinnowRequestContext

    static let cookieName = "winnow_session"

    let token: String?
    let sessions: SessionStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if Self.isAPI(path) {
            if let token, await !readsWithConsoleSession(request) { try Self.checkBearer(request, token: token) }
            return try await next(request, context)
        }
        if path.hasPrefix("/assets/") { return try await next(request, context) }

        var context = context
        var session: ConsoleSession?
        if let id = request.cookies[Self.cookieName]?.value { session = await sessions.session(id: id) }
        if session == nil {
            let created = await sessions.create(authenticated: token == nil)
            session = created
            context.newSessionID = created.id
        }
        context.session = session
        var response: Response
        if token != nil, session?.authenticated != true, path != "/login" {
            let next = request.uri.query.map { path + "?" + $0 } ?? path
            response = Response(status: .seeOther, headers: [.location: "/login?next=" + Self.percentEncode(next)])
        } else {
            response = try await next(request, context)
        }
        if let id = context.newSessionID { response.setCookie(Self.cookie(id)) }
        return response
    }

    /// A logged-in console session may read the API (GET and HEAD only: changes need the token, so a
    /// forged cross-site request cannot make one).
    private func readsWithConsoleSession(_ request: Request) async -> Bool {
        guard request.method == .get || request.method == .head, let id = request.cookies[Self.cookieName]?.value else { return false }
        return await sessions.session(id: id)?.loggedIn == true
    }

    /// `/v1/…` and `/openapi.json` are the API; everything else is the console.
    static func isAPI(_ path: String) -> Bool {
        path == "/v1" || path.hasPrefix("/v1/") || path == "/openapi.json"
    }

    static func checkBearer(_ request: Request, token: String) throws {
        guard let header = request.headers[.authorization] else {
            throw APIError(.unauthorized, "this server needs an access token: send Authorization: Bearer TOKEN")
        }
        let prefix = "bearer "
        guard header.count > prefix.count, header.prefix(prefix.count).lowercased() == prefix,
              constantTimeEquals(String(header.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces), token)
        else {
            throw APIError(.unauthorized, "the access token is wrong")
        }
    }

    static func cookie(_ id: String) -> Cookie {
        Cookie(name: cookieName, value: id, path: "/", httpOnly: true, sameSite: .strict)
    }

    static func percentEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/"
    }
}
