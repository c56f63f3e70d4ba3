import Foundation
import NIOSSL
import PostgresNIO
public import WinnowStore

/// Where and how ``PostgresMetadataStore`` connects, read from a database URL.
///
/// ```
/// postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME&sslmode=disable|prefer|require|verify-full&pool_max=N]
/// postgresql://…                         (the same)
/// postgres://USER@/DATABASE?host=/var/run/postgresql   (a Unix socket folder)
/// ```
/// User and password may be percent-encoded. The port defaults to 5432, the database to the user's
/// name, `sslmode` to `prefer` (TLS when the server offers it), `pool_max` to 10 connections.
/// `schema` keeps Winnow's tables in that schema (created when missing) instead of `public`.
public struct PostgresStoreConfiguration: Sendable {
    /// How to use TLS.
    public enum TLSMode: String, Sendable, CaseIterable {
        case disable
        case prefer
        /// TLS without verifying the server's certificate (libpq's `require`).
        case require
        /// TLS verifying the certificate and host name (libpq's `verify-full`).
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    /// A Unix socket path; when set, `host` and `port` are ignored.
    public var unixSocketPath: String?
    public var username: String
    public var password: String?
    public var database: String
    /// The schema Winnow's tables live in, or `nil` for the server's default search path (`public`).
    public var schema: String?
    public var tls: TLSMode
    /// The most connections the pool opens.
    public var maximumConnections: Int

    public init(
        host: String, port: Int = 5432, unixSocketPath: String? = nil, username: String, password: String? = nil,
        database: String, schema: String? = nil, tls: TLSMode = .prefer, maximumConnections: Int = 10
    ) {
        self.host = host
        self.port = port
        self.unixSocketPath = unixSocketPath
        self.username = username
        self.password = password
        self.database = database
        self.schema = schema
        self.tls = tls
        self.maximumConnections = maximumConnections
    }

    /// Reads a `postgres://` or `postgresql://` URL.
    ///
    /// - Throws: ``StoreError`` `.invalid` naming the URL (password hidden) and what is wrong with it.
    public init(url text: String) throws(StoreError) {
        let shown = Self.redacted(text)
        func bad(_ problem: String) -> StoreError {
            StoreError(.invalid, "database URL '\(shown)': \(problem) (expected postgres://USER:PASSWORD@HOST:PORT/DATABASE)")
        }
        guard let components = URLComponents(string: text) else { throw bad("not a URL") }
        guard let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw bad("the scheme must be postgres:// or postgresql://, not '\(components.scheme ?? "")'")
        }
        guard let user = components.user, !user.isEmpty else { throw bad("no user name before '@'") }
        var database = components.path
        if database.hasPrefix("/") { database.removeFirst() }
        database = database.removingPercentEncoding ?? database
        if database.contains("/") { throw bad("the database name '\(database)' contains '/'") }
        self.init(host: components.host ?? "", username: user, password: components.password,
                  database: database.isEmpty ? user : database)
        if let port = components.port {
            guard (1...65535).contains(port) else { throw bad("port \(port) is out of range") }
            self.port = port
        }
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "schema":
                guard Self.isValidSchemaName(value) else {
                    throw bad("schema '\(value)' must be 1–63 lower-case letters, digits or '_', not starting with a digit")
                }
                schema = value
            case "sslmode":
                guard let mode = TLSMode(rawValue: value) else {
                    throw bad("sslmode '\(value)' is not one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                tls = mode
            case "pool_max":
                guard let count = Int(value), count >= 1 else { throw bad("pool_max '\(value)' is not a positive number") }
                maximumConnections = count
            case "host":
                guard value.hasPrefix("/") else { throw bad("the host parameter '\(value)' must be a socket folder (an absolute path)") }
                unixSocketPath = value.hasSuffix(".s.PGSQL.\(port)") ? value : value + "/.s.PGSQL.\(port)"
            default:
                throw bad("unknown parameter '\(item.name)' (known: schema, sslmode, pool_max, host)")
            }
        }
        if unixSocketPath == nil && host.isEmpty { throw bad("no host after '@'") }
    }

    /// Whether `name` can be a schema name without quoting surprises: `[a-z_][a-z0-9_]{0,62}`.
    public static func isValidSchemaName(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 63, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return name.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "_") }
    }

    /// The URL with its password replaced by `***`, for messages and logs.
    public static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }

    /// Where this connects, for messages: `user@host:port/database` (no password).
    public var endpointDescription: String {
        let place = unixSocketPath ?? "\(host):\(port)"
        return "\(username)@\(place)/\(database)" + (schema.map { " (schema \($0))" } ?? "")
    }

    private var startupParameters: [(String, String)] {
        schema.map { [("search_path", $0)] } ?? []
    }

    private var tlsConfiguration: TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if tls != .verifyFull { configuration.certificateVerification = .none }
        return configuration
    }

    /// The pool's configuration.
    var clientConfiguration: PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let unixSocketPath {
            configuration = .init(unixSocketPath: unixSocketPath, username: username, password: password, database: database)
        } else {
            let tls: PostgresClient.Configuration.TLS = switch self.tls {
            case .disable: .disable
            case .prefer: .prefer(tlsConfiguration)
            case .require, .verifyFull: .require(tlsConfiguration)
            }
            configuration = .init(host: host, port: port, username: username, password: password, database: database, tls: tls)
        }
        configuration.options.maximumConnections = maximumConnections
        configuration.options.additionalStartupParameters = startupParameters
        return configuration
    }

    /// A single connection's configuration (migrations run on one before the pool is used).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if let unixSocketPath {
            configuration = .init(unixSocketPath: unixSocketPath, username: username, password: password, database: database)
        } else {
            let tls: PostgresConnection.Configuration.TLS = switch self.tls {
            case .disable: .disable
            case .prefer: try .prefer(.init(configuration: tlsConfiguration))
            case .require, .verifyFull: try .require(.init(configuration: tlsConfiguration))
            }
            configuration = .init(host: host, port: port, username: username, password: password, database: database, tls: tls)
        }
        configuration.options.additionalStartupParameters = startupParameters
        return configuration
    }
}
