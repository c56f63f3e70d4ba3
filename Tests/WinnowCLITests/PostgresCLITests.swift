import Foundation
import Testing

/// The CLI on PostgreSQL: `WINNOW_DATABASE_URL` (and `--database`) replace the SQLite file.
@Suite struct PostgresCLITests {
    static let testURL: String? = {
        guard let url = ProcessInfo.processInfo.environment["WINNOW_TEST_POSTGRES_URL"], !url.isEmpty else { return nil }
        return url
    }()

    /// The test URL in a schema of its own.
    static func freshURL() -> String {
        let url = testURL ?? ""
        let schema = "cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
    }

    @Test(.enabled(if: testURL != nil, "skipped: WINNOW_TEST_POSTGRES_URL is unset (scripts/postgres-test-server start prints one)"))
    func datasetsLiveInPostgres() throws {
        let directory = try TemporaryDirectory()
        let url = Self.freshURL()
        var winnow = WinnowProcess(in: directory)
        winnow.environment["WINNOW_DATABASE_URL"] = url
        #expect(try winnow.run("sample-data", "files").status == 0)
        let created = try winnow.run("dataset", "create", "pets", "--type", "image_classification")
        #expect(created.status == 0, "\(created.stderr)")
        let imported = try winnow.run("dataset", "import", "files/classification.manifest", "--dataset", "pets", "--json")
        #expect(imported.status == 0, "\(imported.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any]
        #expect(report?["inserted"] as? Int == 24)

        let list = try winnow.run("dataset", "list", "--json")
        #expect(list.status == 0, "\(list.stderr)")
        let datasets = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
        #expect(datasets?.compactMap { $0["name"] as? String } == ["pets"])
        #expect(!FileManager.default.fileExists(atPath: directory.path("data/winnow.sqlite")), "no SQLite file beside PostgreSQL")

        // Another data folder on the same database sees the same datasets; without the URL, SQLite sees none.
        let other = try TemporaryDirectory()
        let elsewhere = WinnowProcess(in: other)
        let viaOption = try elsewhere.run("dataset", "list", "--json", "--database", url)
        #expect((try JSONSerialization.jsonObject(with: Data(viaOption.stdout.utf8)) as? [[String: Any]])?.count == 1, "\(viaOption.stderr)")
        let sqlite = try elsewhere.run("dataset", "list", "--json")
        #expect((try JSONSerialization.jsonObject(with: Data(sqlite.stdout.utf8)) as? [[String: Any]])?.count == 0, "\(sqlite.stderr)")
        #expect(try winnow.run("dataset", "delete", "pets").status == 0)
    }

    @Test func aBadDatabaseURLIsRefusedClearly() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        let result = try winnow.run("dataset", "list", "--database", "mysql://me:pw@db/x")
        #expect(result.status == 1)
        #expect(result.stderr.contains("--database (or WINNOW_DATABASE_URL): database URL 'mysql://me:***@db/x'"), "\(result.stderr)")
        #expect(!result.stderr.contains("pw@"))
    }

    @Test func anUnreachableServerIsNamed() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        let result = try winnow.run("dataset", "list", "--database", "postgres://winnow@127.0.0.1:1/meta?sslmode=disable")
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot connect to PostgreSQL at winnow@127.0.0.1:1/meta"), "\(result.stderr)")
    }
}
