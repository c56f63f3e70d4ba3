import Testing
import WinnowStore
import WinnowStorePostgres

/// Database URLs: what is accepted, and the error a bad one gives. Needs no server.
@Suite struct PostgresConfigurationTests {
    @Test func aFullURLIsRead() throws {
        let configuration = try PostgresStoreConfiguration(
            url: "postgresql://win%40now:s%3Acret@db.example:6543/metadata?schema=winnow_a&sslmode=require&pool_max=4")
        #expect(configuration.username == "win@now")
        #expect(configuration.password == "s:cret")
        #expect(configuration.host == "db.example")
        #expect(configuration.port == 6543)
        #expect(configuration.database == "metadata")
        #expect(configuration.schema == "winnow_a")
        #expect(configuration.tls == .require)
        #expect(configuration.maximumConnections == 4)
    }

    @Test func defaultsFollowLibpq() throws {
        let configuration = try PostgresStoreConfiguration(url: "postgres://winnow@localhost")
        #expect(configuration.port == 5432)
        #expect(configuration.database == "winnow", "the database defaults to the user's name")
        #expect(configuration.schema == nil)
        #expect(configuration.tls == .prefer)
        #expect(configuration.password == nil)
    }

    @Test func aUnixSocketFolderIsAccepted() throws {
        let configuration = try PostgresStoreConfiguration(url: "postgres://winnow@/meta?host=/var/run/postgresql")
        #expect(configuration.unixSocketPath == "/var/run/postgresql/.s.PGSQL.5432")
    }

    @Test(arguments: [
        ("mysql://u@h/db", "scheme must be postgres:// or postgresql://"),
        ("postgres://h:5432/db", "no user name"),
        ("postgres://u@h/db?sslmode=sometimes", "sslmode 'sometimes'"),
        ("postgres://u@h/db?schema=Bad-Name", "schema 'Bad-Name'"),
        ("postgres://u@h/db?pool_max=0", "pool_max '0'"),
        ("postgres://u@h/db?colour=blue", "unknown parameter 'colour'"),
        ("postgres://u@/db", "no host"),
        ("not a url at all", "expected postgres://USER"),
    ])
    func aBadURLSaysWhatIsWrong(url: String, expected: String) throws {
        let error = #expect(throws: StoreError.self) { try PostgresStoreConfiguration(url: url) }
        #expect(error?.code == .invalid)
        #expect(error?.message.contains(expected) == true, "\(error?.message ?? "no error")")
        #expect(error?.message.contains("database URL") == true)
    }

    @Test func thePasswordIsNeverShown() throws {
        let error = #expect(throws: StoreError.self) {
            try PostgresStoreConfiguration(url: "postgres://u:hunter2@h/db?nope=1")
        }
        #expect(error?.message.contains("hunter2") == false)
        #expect(error?.message.contains("***") == true)
    }

    @Test func anUnreachableServerGivesAClearError() async throws {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        let error = await #expect(throws: StoreError.self) {
            _ = try await PostgresMetadataStore.connect(url: "postgres://winnow:secret@127.0.0.1:1/winnow?sslmode=disable")
        }
        #expect(error?.code == .backend)
        #expect(error?.message.contains("cannot connect to PostgreSQL at winnow@127.0.0.1:1/winnow") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("secret") == false)
    }
}
