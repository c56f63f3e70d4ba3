import Foundation

/// A console session: who is logged in (when a token is set) and the CSRF token its forms carry.
struct ConsoleSession: Sendable, Hashable {
    var id: String
    /// The per-session token every console form posts back (field `csrf`).
    var csrfToken: String
    /// Whether the session logged in with the access token (always true when there is none).
    var authenticated: Bool
    /// Whether the session logged in with the token (and so can log out).
    var loggedIn: Bool
    var createdAt: Date
}

/// Console sessions, held in memory: a restart logs everyone out.
actor SessionStore {
    private var sessions: [String: ConsoleSession] = [:]
    /// Sessions kept at most; the oldest go first.
    private let capacity: Int

    init(capacity: Int = 10_000) {
        self.capacity = capacity
    }

    func session(id: String) -> ConsoleSession? { sessions[id] }

    /// A new session with fresh random id and CSRF token.
    func create(authenticated: Bool, loggedIn: Bool = false) -> ConsoleSession {
        if sessions.count >= capacity, let oldest = sessions.values.min(by: { $0.createdAt < $1.createdAt }) {
            sessions[oldest.id] = nil
        }
        let session = ConsoleSession(id: Self.randomToken(), csrfToken: Self.randomToken(), authenticated: authenticated, loggedIn: loggedIn, createdAt: Date())
        sessions[session.id] = session
        return session
    }

    func remove(id: String) {
        sessions[id] = nil
    }

    /// 32 random bytes as 64 hex digits.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let digits = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }
}

/// Compares secrets in time that does not depend on where they differ.
func constantTimeEquals(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    var difference = UInt8(x.count == y.count ? 0 : 1)
    for index in 0..<max(x.count, y.count) {
        difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0)
    }
    return difference == 0
}
