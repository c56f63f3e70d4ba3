import Foundation
import Testing

/// Two `winnow worker` processes sharing one SQLite file and local folders: a run handed to them gives
/// the output of a run in one process. Needs only python3 (the instant model server).
@Suite(.enabled(if: PythonRuntime.available, "skipped: python3 is not on PATH"))
struct SQLiteWorkersTests {
    /// Every file below `folder`, with the run id replaced by `RUN` in names and contents.
    func files(_ folder: String) throws -> [String: String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        let manifest = try #require(names.first { $0.hasSuffix(".manifest") })
        let runID = String(manifest.dropFirst("infer-result-".count).dropLast(".manifest".count))
        var files: [String: String] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder))
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[relative.replacingOccurrences(of: runID, with: "RUN")] =
                try String(contentsOfFile: folder + "/" + relative, encoding: .utf8).replacingOccurrences(of: runID, with: "RUN")
        }
        return files
    }

    @Test(.timeLimit(.minutes(3)))
    func twoWorkersOnSQLiteGiveTheSingleProcessOutput() async throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        #expect(try winnow.run("sample-data", "files").status == 0)
        let server = try DistributedWorkersTests.ModelServer(delayMilliseconds: 0)
        try directory.write("instant.yaml", """
            name: instant
            type: image_classification
            url: http://127.0.0.1:\(server.port)
            """)
        #expect(try winnow.run("model", "register", "instant.yaml").status == 0)
        let deploy = ["service", "deploy", "--model", "instant", "--input", "files/images/classification", "--hard-examples",
                      "--training-manifest", "files/classification.manifest", "--quiet"]
        let single = try winnow.run(deploy + ["--name", "one", "--output", "out-one", "--new-hard-dataset", "hard-one"])
        #expect(single.status == 0, "\(single.stderr)")

        let queued = try winnow.run(deploy + ["--name", "two", "--output", "out-two", "--new-hard-dataset", "hard-two",
                                              "--workers", "--unit-size", "5", "--mining-shards", "2"])
        #expect(queued.status == 0, "\(queued.stderr)")
        // A service handed to workers is not started again here, and is not taken for abandoned.
        let again = try winnow.run("service", "start", "two")
        #expect(again.status == 1 && again.stderr.contains("running"), "\(again.stderr)")

        let workers = try (1...2).map { try DistributedWorkersTests.Running(winnow.start(["worker", "--id", "s\($0)", "--poll", "0.1"])) }
        defer { for worker in workers where worker.process.isRunning { worker.process.terminate() } }
        var status = ""
        let deadline = Date().addingTimeInterval(90)
        while Date() < deadline {
            let tasks = try JSONSerialization.jsonObject(with: Data(try winnow.run("collect", "tasks", "--service", "two", "--json").stdout.utf8)) as? [[String: Any]]
            status = tasks?.first?["status"] as? String ?? ""
            if status == "completed" || status == "failed" { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(status == "completed", "\(workers.map(\.stderr))")

        let one = try files(directory.path("out-one"))
        let two = try files(directory.path("out-two"))
        #expect(one.count > 20)
        #expect(one == two)
        #expect(try winnow.run("dataset", "export", "hard-one", "--out", "one.manifest").status == 0)
        #expect(try winnow.run("dataset", "export", "hard-two", "--out", "two.manifest").status == 0)
        let tests = DistributedWorkersTests()
        let expected = try tests.exportedSamples(directory.path("one.manifest")).map(\.line)
        #expect(!expected.isEmpty)
        #expect(expected == (try tests.exportedSamples(directory.path("two.manifest")).map(\.line)))

        // A restart hands the new run to the same workers and gives the same output under a new run id.
        let restarted = try winnow.run("service", "restart", "two", "--workers", "--unit-size", "7", "--wait", "--quiet")
        #expect(restarted.status == 0, "\(restarted.stderr)")
        #expect(restarted.stdout.contains("queued: service two") && restarted.stdout.contains("finished"), "\(restarted.stdout)")
        #expect(try files(directory.path("out-two")) == one)

        for worker in workers { worker.process.interrupt() }
        for worker in workers { worker.process.waitUntilExit() }
        #expect(workers.allSatisfy { $0.process.terminationStatus == 0 }, "a worker exits 0 after SIGINT")
        #expect(workers.allSatisfy { $0.stderr.contains("stopped after") })
    }
}
