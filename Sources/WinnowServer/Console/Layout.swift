import HTTPTypes
import Hummingbird
import WinnowReport
import Foundation

/// The frame of every console page: navigation, title, content, local assets only.
enum Layout {
    enum Section: String {
        case services, datasets, models, none
    }

    static func page(_ title: String, section: Section, session: ConsoleSession?, refresh: Bool = false, body: HTML) -> HTML {
        func tab(_ target: Section, _ label: String, _ href: String) -> HTML {
            "<a href=\"\(href)\"\(target == section ? HTML(" class=\"active\"") : "")>\(label)</a>"
        }
        let logout: HTML = session?.loggedIn == true
            ? "<form method=\"post\" action=\"/logout\" class=\"inline\">\(csrfField(session))<button class=\"link\">Log out</button></form>"
            : ""
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · Winnow</title><link rel="stylesheet" href="/assets/winnow.css">
            <script src="/assets/winnow.js" defer></script></head>
            <body\(refresh ? HTML(" data-poll=\"1\"") : "")>
            <header class="top"><a class="brand" href="/services">Winnow</a><nav>\(tab(.services, "Batch services", "/services"))\(tab(.datasets, "Datasets", "/datasets"))\(tab(.models, "Models", "/models"))<a href="/openapi.json">API</a></nav>\(logout)</header>
            <main>\(body)</main>
            </body></html>
            """
    }

    /// The hidden field carrying the session's CSRF token; every console form has it.
    static func csrfField(_ session: ConsoleSession?) -> HTML {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(session?.csrfToken ?? "")\">"
    }

    /// A form that posts to `action` with one button (start, stop, delete, …).
    static func actionButton(_ label: String, action: String, session: ConsoleSession?, style: String = "", confirm: String? = nil) -> HTML {
        let confirmAttribute: HTML = confirm.map { "data-confirm=\"\($0)\"" } ?? ""
        return "<form method=\"post\" action=\"\(action)\" class=\"inline\" \(confirmAttribute)>\(csrfField(session))<button class=\"\(style)\">\(label)</button></form>"
    }

    /// A status as a coloured pill.
    static func statusPill(_ status: String, text: String? = nil) -> HTML {
        "<span class=\"pill status-\(status)\">\(text ?? status)</span>"
    }

    /// A progress bar, 0–100 %.
    static func progressBar(done: Int, total: Int) -> HTML {
        let percent = total > 0 ? Double(done) / Double(total) * 100 : 0
        return """
            <progress max="100" value="\(percent, digits: 1)" data-progress>\(Int(percent))%</progress> <span class="muted small" data-progress-text>\(done)/\(total)</span>
            """
    }

    static func date(_ date: Date?) -> String {
        guard let date else { return "–" }
        return date.formatted(.iso8601).replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC")
    }

    /// A flash message from `?notice=`.
    static func notice(_ text: String?) -> HTML {
        guard let text, !text.isEmpty else { return "" }
        return "<p class=\"notice\">\(text)</p>"
    }
}

/// The page shown when a console request fails.
enum ErrorPage {
    static func response(_ error: APIError, session: ConsoleSession?) -> Response {
        let body: HTML = """
            <h1>\(error.code.status.reasonPhrase)</h1>
            <p class="error">\(error.message)</p>
            <p class="muted small">\(error.code.rawValue)</p>
            <p><a href="/services">Batch services</a> · <a href="/datasets">Datasets</a></p>
            """
        return Layout.page("Error", section: .none, session: session, body: body).response(status: error.code.status)
    }
}
