import Foundation
import Testing

/// Data collection end to end through the CLI on the instant model server.
@Suite(.enabled(if: PythonRuntime.available, "skipped: python3 is not on PATH"))
struct DataCollectionTests {
    func prepare(_ winnow: WinnowProcess, _ directory: TemporaryDirectory) throws {
        #expect(try winnow.run("sample-data", "files").status == 0)
        try directory.write("instant.yaml", """
            name: instant
            type: image_classification
            command: "exec python3 \(BatchServiceTests.instantServer)"
            """)
        #expect(try winnow.run("model", "register", "instant.yaml").status == 0)
    }

    func statistics(_ winnow: WinnowProcess, _ dataset: String) throws -> [String: Any] {
        let shown = try winnow.run("dataset", "show", dataset, "--json")
        return (try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])?["statistics"] as? [String: Any] ?? [:]
    }

    @Test func filteringRunsWhenTheServiceFinishesAndRestartIsNeededAfterward() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        try prepare(winnow, directory)

        let deployed = try winnow.run("service", "deploy", "--name", "s", "--model", "instant", "--input", "files/images/classification",
                                      "--output", "out", "--hard-examples", "--training-manifest", "files/classification.manifest",
                                      "--new-hard-dataset", "hard", "--quiet")
        #expect(deployed.status == 0, "\(deployed.stderr)")
        #expect(deployed.stdout.contains("Dataset import complete"))
        let stats = try statistics(winnow, "hard")
        let hard = stats["hard"] as? Int ?? 0
        #expect(hard > 0)
        #expect((stats["by_state"] as? [String: Int])?["to_be_confirmed"] == hard)

        // Enabling filtering on a finished service runs nothing and says to restart it.
        let enabled = try winnow.run("collect", "filter", "enable", "--service", "s", "--training-manifest", "files/classification.manifest",
                                     "--new-hard-dataset", "hard2")
        #expect(enabled.status == 0)
        #expect(enabled.stdout.contains("winnow service restart s"))
        #expect(try statistics(winnow, "hard2")["total"] as? Int == 0)
        let restarted = try winnow.run("service", "restart", "s", "--quiet")
        #expect(restarted.status == 0, "\(restarted.stderr)")
        #expect(try statistics(winnow, "hard2")["total"] as? Int == hard)

        let tasks = try winnow.run("collect", "tasks", "--service", "s", "--json")
        let list = try JSONSerialization.jsonObject(with: Data(tasks.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(list.count == 2)
        #expect(list.allSatisfy { $0["status"] as? String == "completed" })

        // Review: confirm one with a corrected label, unmark another.
        let samples = try winnow.run("samples", "list", "--dataset", "hard", "--json")
        let ids = (try JSONSerialization.jsonObject(with: Data(samples.stdout.utf8)) as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        let first = try #require(ids.first)
        #expect(try winnow.run("samples", "confirm", first, "--label", "light").status == 0)
        let shown = try winnow.run("samples", "show", first)
        #expect(shown.stdout.contains("state:     labeled"))
        #expect(shown.stdout.contains("label:     light"))
        #expect(shown.stdout.range(of: #"reason \d+ \([a-z_]+\)"#, options: .regularExpression) != nil, "\(shown.stdout)")
        let exported = try winnow.run("dataset", "export", "hard", "--out", "export/hard.manifest", "--state", "labeled", "--clear-hard")
        #expect(exported.stdout.contains("exported 1 sample"))
        let line = try String(contentsOfFile: directory.path("export/hard.manifest"), encoding: .utf8)
        #expect(line.contains("\"name\":\"light\""))
        #expect(!line.contains("hard"))
    }

    @Test func theHardExampleDatasetMustMatchTheModelType() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        try prepare(winnow, directory)
        #expect(try winnow.run("dataset", "create", "boxes", "--type", "object_detection").status == 0)
        let refused = try winnow.run("service", "deploy", "--name", "s", "--model", "instant", "--input", "files/images",
                                     "--output", "out", "--hard-examples", "--hard-dataset", "boxes")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("object_detection") && refused.stderr.contains("image_classification"), "\(refused.stderr)")
        #expect(try winnow.run("service", "list").stdout.contains("no services"))
        let sync = try winnow.run("collect", "sync", "--service", "nope", "--labeling-type", "image_classification", "--new-dataset", "x")
        #expect(sync.status == 1)
        #expect(sync.stderr.contains("no service named 'nope'"))
    }
}
