import Foundation
import HTTPTypes
import Hummingbird
import WinnowReport

/// `/login` and `/logout`: with an access token, the console asks for it once and keeps a session.
struct LoginPages {
    let environment: ServerEnvironment

    func register(on router: Router<WinnowRequestContext>) {
        router.get("login", use: form)
        router.post("login", use: login)
        router.post("logout", use: logout)
    }

    @Sendable func form(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let next = Self.safeNext(QueryParameters(request).string("next"))
        return Self.page(session: context.session, next: next, error: nil).response()
    }

    static func page(session: ConsoleSession?, next: String, error: String?) -> HTML {
        let message: HTML = error.map { "<p class=\"error\">\($0)</p>" } ?? ""
        return Layout.page("Log in", section: .none, session: nil, body: """
            <section class="card narrow"><h1>Log in</h1>
            <p class="muted">This server needs its access token (<code>winnow serve --token</code> or <code>WINNOW_TOKEN</code>).</p>\(message)
            <form method="post" action="/login" class="form">\(Layout.csrfField(session))<input type="hidden" name="next" value="\(next)">
            <label>Access token <input type="password" name="token" autocomplete="current-password" autofocus required></label>
            <button class="primary">Log in</button></form></section>
            """)
    }

    @Sendable func login(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let form = try await ConsoleForm.read(request, context: context, limit: environment.configuration.maximumBodySize)
        let next = Self.safeNext(form.value("next"))
        guard let token = environment.configuration.token else { return Redirect.to(next) }
        guard let given = form.value("token"), constantTimeEquals(given, token) else {
            return Self.page(session: context.session, next: next, error: "That token is wrong.").response(status: .unauthorized)
        }
        // A new session id on login, so a session id known before cannot be used after it.
        if let old = context.session { await environment.sessions.remove(id: old.id) }
        let session = await environment.sessions.create(authenticated: true, loggedIn: true)
        var response = Redirect.to(next)
        response.setCookie(AccessMiddleware.cookie(session.id))
        return response
    }

    @Sendable func logout(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        _ = try await ConsoleForm.read(request, context: context, limit: environment.configuration.maximumBodySize)
        if let session = context.session { await environment.sessions.remove(id: session.id) }
        var response = Redirect.to(environment.configuration.token == nil ? "/services" : "/login")
        response.setCookie(Cookie(name: AccessMiddleware.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    /// Only a local path (`/…`, not `//host`) is followed after login.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next != "/login" else { return "/services" }
        return next
    }
}
