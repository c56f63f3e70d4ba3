import Foundation
import Testing

/// Whether `python3` can run the example model servers.
enum PythonRuntime {
    static let available = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") }
}

/// Batch services end to end through the CLI, against the real instant model server
/// (examples/models/instant, Python standard library only).
@Suite(.enabled(if: PythonRuntime.available, "skipped: python3 is not on PATH"))
struct BatchServiceTests {
    static let instantServer = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/models/instant/server.py").path

    /// Registers an instant model started with `environment` (e.g. `FAIL_ON=c03`).
    func registerInstant(_ winnow: WinnowProcess, in directory: TemporaryDirectory, name: String = "instant", environment: String = "", type: String = "image_classification") throws {
        try directory.write("\(name).yaml", """
            name: \(name)
            type: \(type)
            command: "\(environment) INSTANT_TYPE=\(type) exec python3 \(Self.instantServer)"
            max_concurrent_requests: 4
            timeout_seconds: 10
            startup_timeout_seconds: 30
            """)
        let registered = try winnow.run("model", "register", "\(name).yaml")
        #expect(registered.status == 0, "\(registered.stderr)")
    }

    func manifestLines(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }

    @Test func deployRunsEveryInputAndWritesTheModelArtsLayout() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        #expect(try winnow.run("sample-data", "files").status == 0)
        try directory.write("files/images/classification/notes.txt", "not an image, and not listed")
        try registerInstant(winnow, in: directory, environment: "FAIL_ON=c03")
        let deployed = try winnow.run("service", "deploy", "--name", "svc", "--model", "instant", "--input", "files/images", "--output", "out", "--manifest-lines", "10")
        #expect(deployed.status == 0, "\(deployed.stderr)")
        #expect(deployed.stdout.contains("over 32 inputs"))
        #expect(deployed.stderr.contains("finished 32/32 done, 1 failed"))

        let shown = try winnow.run("service", "show", "svc", "--json")
        let service = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        let runID = try #require(service["run_id"] as? String)
        #expect(service["status"] as? String == "finished")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path("out")).sorted()
        #expect(names == ["infer-result-\(runID)", "infer-result-\(runID)_1.manifest", "infer-result-\(runID)_2.manifest",
                          "infer-result-\(runID)_3.manifest", "infer-result-\(runID)_4.manifest"])
        var lines: [[String: Any]] = []
        for part in 1...4 { lines += try manifestLines(directory.path("out/infer-result-\(runID)_\(part).manifest")) }
        #expect(lines.count == 32)
        let sources = lines.compactMap { $0["source"] as? String }
        #expect(sources == sources.sorted())  // folder order: classification/ before detection/, names sorted
        #expect(Set(sources).count == 32)
        let failed = lines.filter { $0["result"] as? String == "FAILED" }
        #expect(failed.count == 1)
        #expect((failed.first?["source"] as? String)?.hasSuffix("c03.bmp") == true)
        #expect((failed.first?["error_message"] as? String)?.contains("HTTP 400") == true)
        for line in lines where line["result"] as? String == "SUCCESSFUL" {
            let location = try #require(line["inference-loc"] as? String)
            let answer = try Data(contentsOf: URL(fileURLWithPath: directory.path("out/" + location)))
            let object = try JSONSerialization.jsonObject(with: answer) as? [String: Any]
            #expect(object?["predicted_label"] is String)
        }
    }

    @Test func badDeploymentsAreRefusedAndNothingIsStored() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        #expect(try winnow.run("sample-data", "files").status == 0)
        try registerInstant(winnow, in: directory)
        try directory.write("busy/existing.txt", "x")
        try FileManager.default.createDirectory(atPath: directory.path("empty"), withIntermediateDirectories: true)

        let notEmpty = try winnow.run("service", "deploy", "--name", "a", "--model", "instant", "--input", "files/images", "--output", "busy")
        #expect(notEmpty.status == 1)
        #expect(notEmpty.stderr.contains("is not empty"))
        let emptyInput = try winnow.run("service", "deploy", "--name", "a", "--model", "instant", "--input", "empty", "--output", "out")
        #expect(emptyInput.status == 1)
        #expect(emptyInput.stderr.contains("holds no images"))
        let missingInput = try winnow.run("service", "deploy", "--name", "a", "--model", "instant", "--input", "nowhere", "--output", "out")
        #expect(missingInput.stderr.contains("does not exist"))
        let unknownModel = try winnow.run("service", "deploy", "--name", "a", "--model", "nope", "--input", "files/images", "--output", "out")
        #expect(unknownModel.stderr.contains("model 'nope' is not registered"))
        #expect(try winnow.run("service", "list").stdout.contains("no services"))
    }

    @Test func aModelServerThatDoesNotStartFailsTheServiceWithItsLastWords() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        #expect(try winnow.run("sample-data", "files").status == 0)
        try directory.write("broken.json", #"{"name": "broken", "type": "image_classification", "command": "echo 'model weights not found' >&2; exit 3", "startup_timeout_seconds": 10}"#)
        #expect(try winnow.run("model", "register", "broken.json").status == 0)
        let result = try winnow.run("service", "deploy", "--name", "b", "--model", "broken", "--input", "files/images", "--output", "out")
        #expect(result.status == 1)
        #expect(result.stderr.contains("model weights not found"), "\(result.stderr)")
        let shown = try winnow.run("service", "show", "b")
        #expect(shown.stdout.contains("status:       failed"))
    }

    @Test func retriesServerErrorsAndStopsAndResumesWithoutAskingTwice() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        let bmp = try Data(contentsOf: URL(fileURLWithPath: { () -> String in
            _ = try? winnow.run("sample-data", "files")
            return directory.path("files/images/classification/c00.bmp")
        }()))
        let count = 600
        for index in 0..<count {
            let name = String(format: "pool/img%04d.bmp", index)
            try FileManager.default.createDirectory(atPath: directory.path("pool"), withIntermediateDirectories: true)
            try bmp.write(to: URL(fileURLWithPath: directory.path(name)))
        }
        // Every file named img0007 fails twice with 503 before it is answered: retried, not a FAILED line.
        try registerInstant(winnow, in: directory, environment: "INSTANT_DELAY_MS=10 FAIL_ON=img0007 INSTANT_FAIL_STATUS=503 INSTANT_FAIL_TIMES=2")
        let process = winnow.start(["service", "deploy", "--name", "r", "--model", "instant", "--input", "pool", "--output", "out", "--instances", "2"])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it without warning once a part of the work is recorded.
        var recorded = 0
        for _ in 0..<200 {
            Thread.sleep(forTimeInterval: 0.1)
            let shown = try winnow.run("service", "show", "r", "--json")
            let progress = (try? JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])?["progress"] as? [String: Any]
            recorded = (progress?["succeeded"] as? Int ?? 0) + (progress?["failed"] as? Int ?? 0)
            if recorded >= 100 { break }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(recorded >= 100 && recorded < count, "recorded \(recorded) before the kill")

        let resumed = try winnow.run("service", "start", "r")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let shown = try winnow.run("service", "show", "r", "--json")
        let service = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        let progress = try #require(service["progress"] as? [String: Any])
        #expect(progress["succeeded"] as? Int == count)
        // Recorded calls: once per file plus the two retries, plus at most what was in flight or not yet
        // flushed at the kill (the killed run's unflushed calls are lost from the count, so no lower bound).
        let invocations = progress["invocations"] as? Int ?? 0
        #expect(invocations > count - 500 && invocations <= count + 2 + 2 + 500, "\(invocations) invocations")
        let runID = try #require(service["run_id"] as? String)
        let lines = try manifestLines(directory.path("out/infer-result-\(runID).manifest"))
        #expect(lines.count == count)
        #expect(Set(lines.compactMap { $0["source"] as? String }).count == count)
        #expect(lines.allSatisfy { $0["result"] as? String == "SUCCESSFUL" })
        let resultFiles = try FileManager.default.contentsOfDirectory(atPath: directory.path("out/infer-result-\(runID)"))
        #expect(resultFiles.count == count)
    }
}
