import Foundation
import HTTPTypes
import Hummingbird
import WinnowReport

/// A posted console form (`application/x-www-form-urlencoded`), its CSRF token checked.
struct ConsoleForm: Sendable {
    private var fields: [(String, String)]

    /// Parses `a=1&b=x+y&ids=1&ids=2`.
    init(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        fields = text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// Reads the form of a console POST and checks its `csrf` field against the session's token.
    ///
    /// - Throws: `WINNOW.FORBIDDEN` when the token is missing or does not match.
    static func read(_ request: Request, context: WinnowRequestContext, limit: Int) async throws -> ConsoleForm {
        var request = request
        let form = ConsoleForm(try await request.bodyBytes(limit: limit))
        guard let session = context.session, let token = form.value("csrf"), constantTimeEquals(token, session.csrfToken) else {
            throw APIError(.forbidden, "the form's security token is missing or stale; reload the page and submit it again")
        }
        return form
    }

    /// The first value of a field, trimmed; `nil` when absent or empty.
    func value(_ name: String) -> String? {
        fields.first { $0.0 == name }.map { $0.1.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Every value of a repeated field (checkboxes).
    func values(_ name: String) -> [String] {
        fields.filter { $0.0 == name }.map(\.1)
    }

    /// A checkbox: present means on.
    func isOn(_ name: String) -> Bool {
        value(name).map { $0 != "off" && $0 != "false" } ?? false
    }

    func int(_ name: String) throws -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text) else { throw APIError.invalid(name, "expected a whole number, got '\(text)'") }
        return number
    }

    func double(_ name: String) throws -> Double? {
        guard let text = value(name) else { return nil }
        guard let number = Double(text) else { throw APIError.invalid(name, "expected a number, got '\(text)'") }
        return number
    }
}

/// Redirects after a console action (POST → 303 → GET).
enum Redirect {
    static func to(_ path: String, notice: String? = nil) -> Response {
        var location = path
        if let notice {
            location += (path.contains("?") ? "&" : "?") + "notice=" + HTML.urlComponent(notice)
        }
        return Response(status: .seeOther, headers: [.location: location])
    }
}
