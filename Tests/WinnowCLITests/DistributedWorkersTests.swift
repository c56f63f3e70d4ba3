import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import WinnowObjects
import WinnowObjectsS3

/// Whether `WINNOW_TEST_S3_*` name an S3 server.
enum S3TestServer {
    static var available: Bool {
        ["ENDPOINT", "BUCKET", "ACCESS_KEY_ID", "SECRET_ACCESS_KEY"].allSatisfy { !(ProcessInfo.processInfo.environment["WINNOW_TEST_S3_" + $0] ?? "").isEmpty }
    }
}

/// Three `winnow worker` processes on PostgreSQL, the inputs and outputs in S3 (SeaweedFS), one of them killed with
/// SIGKILL in the middle of the run: the run and its filtering complete once, and their output equals a
/// single-process run's. Skipped without PostgreSQL, S3 or python3.
@Suite(.enabled(
    if: PostgresCLITests.testURL != nil && S3TestServer.available && PythonRuntime.available,
    "skipped: needs WINNOW_TEST_POSTGRES_URL, WINNOW_TEST_S3_* and python3 (scripts/test starts the servers)"))
struct DistributedWorkersTests {
    /// The instant model server on a free port, answering after `delay` ms, shared by every process.
    final class ModelServer {
        let process = Process()
        let port: Int

        init(delayMilliseconds: Int) throws {
            port = Int.random(in: 20_000..<40_000)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", BatchServiceTests.instantServer]
            var environment = ProcessInfo.processInfo.environment
            environment["PORT"] = "\(port)"
            environment["INSTANT_DELAY_MS"] = "\(delayMilliseconds)"
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                if Self.accepts(port: port) { return }
                Thread.sleep(forTimeInterval: 0.1)
            }
            throw CocoaError(.fileReadUnknown)
        }

        deinit {
            // SIGKILL, not SIGTERM: a child started from a test thread can inherit a signal mask that blocks
            // SIGTERM (service-lifecycle blocks it on the threads it watches signals from), and then never exits.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        /// Whether something listens on 127.0.0.1:`port`.
        static func accepts(port: Int) -> Bool {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            return withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
        }
    }

    /// A process whose standard error is collected as it runs.
    final class Running: @unchecked Sendable {
        let process: Process
        private let lock = NSLock()
        private var text = ""

        init(_ process: Process) throws {
            self.process = process
            let pipe = Pipe()
            process.standardError = pipe
            process.standardOutput = FileHandle.nullDevice
            pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                self?.lock.withLock { self?.text += String(decoding: data, as: UTF8.self) }
            }
            try process.run()
        }

        var stderr: String { lock.withLock { text } }
    }

    /// A run's objects below `output/` in `store`, with the run id replaced by `RUN` in names and contents.
    func outputFiles(_ store: S3ObjectStore, _ output: String) async throws -> [String: String] {
        let keys = try await store.list(prefix: output + "/").map(\.description)
        let manifest = try #require(keys.first { $0.hasSuffix(".manifest") }, "no manifest among \(keys)")
        let name = manifest.split(separator: "/").last.map(String.init) ?? ""
        let runID = String(name.dropFirst("infer-result-".count).dropLast(".manifest".count))
        var files: [String: String] = [:]
        for key in keys {
            let content = String(decoding: try await store.get(try ObjectKey(key)), as: UTF8.self)
            files[String(key.dropFirst(output.count + 1)).replacingOccurrences(of: runID, with: "RUN")] = content.replacingOccurrences(of: runID, with: "RUN")
        }
        return files
    }

    /// An exported manifest's lines as canonical JSON, by source, without what differs between any two
    /// imports: the sample ids (random, and the export's order) and the labels' creation times.
    func exportedSamples(_ path: String) throws -> [(source: String, line: String)] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            object["id"] = nil
            if let annotations = object["annotation"] as? [[String: Any]] {
                object["annotation"] = annotations.map { annotation in
                    var annotation = annotation
                    annotation["creation-time"] = nil
                    return annotation
                }
            }
            let canonical = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return (object["source"] as? String ?? "", String(decoding: canonical, as: UTF8.self))
        }.sorted { $0.source < $1.source }
    }

    func json(_ result: WinnowProcess.Result) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    @Test(.timeLimit(.minutes(3)))
    func threeWorkersOneKilledGiveTheSingleProcessOutput() async throws {
        let bucket = S3CommandTests.test["WINNOW_TEST_S3_BUCKET"] ?? ""
        let prefix = "winnow-workers-tests/\(UUID().uuidString.lowercased())"
        let directory = try TemporaryDirectory()
        var winnow = WinnowProcess(in: directory)
        winnow.environment = S3CommandTests.awsEnvironment()
        #expect(try winnow.run("sample-data", "files").status == 0)

        // The inputs: the sample images, twice over, in S3.
        let store = try S3ObjectStore(uri: "s3://\(bucket)/\(prefix)/", configuration: try S3Configuration.fromEnvironment(S3CommandTests.awsEnvironment()))
        let images = try FileManager.default.contentsOfDirectory(atPath: directory.path("files/images/classification")).filter { $0.hasSuffix(".bmp") }.sorted()
        for name in images {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory.path("files/images/classification/\(name)"))))
            try await store.put(try ObjectKey("input/a/\(name)"), bytes)
            try await store.put(try ObjectKey("input/b/\(name)"), bytes)
        }
        let inputs = images.count * 2
        let server = try ModelServer(delayMilliseconds: 400)
        try directory.write("instant.yaml", """
            name: instant
            type: image_classification
            url: http://127.0.0.1:\(server.port)
            max_concurrent_requests: 2
            """)
        let deployArguments = [
            "service", "deploy", "--name", "s", "--model", "instant", "--input", "s3://\(bucket)/\(prefix)/input", "--instances", "2",
            "--hard-examples", "--training-manifest", "files/classification.manifest", "--new-hard-dataset", "hard", "--quiet",
        ]

        // The reference: one process.
        var single = winnow
        single.environment["WINNOW_DATABASE_URL"] = PostgresCLITests.freshURL()
        #expect(try single.run("model", "register", "instant.yaml").status == 0)
        let reference = try single.run(deployArguments + ["--output", "s3://\(bucket)/\(prefix)/out-single"])
        #expect(reference.status == 0, "\(reference.stderr)")
        #expect(try single.run("dataset", "export", "hard", "--out", "single.manifest").status == 0)

        // Three workers; the run handed to them in units of 2 inputs and 3 mining shards.
        var distributed = winnow
        distributed.environment["WINNOW_DATABASE_URL"] = PostgresCLITests.freshURL()
        #expect(try distributed.run("model", "register", "instant.yaml").status == 0)
        let queued = try distributed.run(deployArguments + ["--output", "s3://\(bucket)/\(prefix)/out-workers", "--workers", "--unit-size", "2", "--mining-shards", "3"])
        #expect(queued.status == 0, "\(queued.stderr)")
        #expect(queued.stdout.contains("in \(inputs / 2) work unit(s)"), "\(queued.stdout)")
        let workers = try (1...3).map { number in
            try Running(distributed.start(["worker", "--id", "w\(number)", "--lease", "5", "--poll", "0.2", "--mining-concurrency", "1"]))
        }
        defer { for worker in workers where worker.process.isRunning { worker.process.terminate() } }

        // Kill the second worker while it holds a unit.
        let victim = workers[1]
        let deadline = Date().addingTimeInterval(60)
        while !victim.stderr.contains("claimed service/"), Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(victim.stderr.contains("claimed service/"), "the victim never claimed a unit: \(victim.stderr)")
        kill(victim.process.processIdentifier, SIGKILL)
        victim.process.waitUntilExit()

        // The run and its filtering end, with the units of the killed worker taken over.
        var task: [String: Any]?
        while Date() < deadline {
            let tasks = json(try distributed.run("collect", "tasks", "--service", "s", "--json")) as? [[String: Any]] ?? []
            if let found = tasks.first, let status = found["status"] as? String, status == "completed" || status == "failed" {
                task = found
                break
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        let finished = try #require(task, "the filtering task did not end in time; workers said: \(workers.map(\.stderr))")
        #expect(finished["status"] as? String == "completed", "\(finished)")
        let tasks = json(try distributed.run("collect", "tasks", "--service", "s", "--json")) as? [[String: Any]] ?? []
        #expect(tasks.count == 1, "one filtering task: \(tasks)")
        let log = workers.map(\.stderr).joined()
        #expect(log.contains("taken over"), "a unit of the killed worker was taken over: \(log)")
        // Every unit completed once: no completion was refused as duplicate.
        #expect(!log.contains("already_completed") && !log.contains("lease_lost"), "\(log)")

        // Equal output: result files and manifests (the run id aside), and the hard examples.
        let singleFiles = try await outputFiles(store, "out-single")
        let workerFiles = try await outputFiles(store, "out-workers")
        #expect(singleFiles.count == inputs + 1)
        #expect(singleFiles.keys.sorted() == workerFiles.keys.sorted())
        for (name, content) in singleFiles { #expect(workerFiles[name] == content, "\(name) differs") }
        #expect(try distributed.run("dataset", "export", "hard", "--out", "workers.manifest").status == 0)
        let expected = try exportedSamples(directory.path("single.manifest"))
        let actual = try exportedSamples(directory.path("workers.manifest"))
        #expect(!expected.isEmpty)
        #expect(expected.map(\.line) == actual.map(\.line))
        #expect(Set(actual.map(\.source)).count == actual.count, "no duplicate samples")

        for worker in workers where worker.process.isRunning { worker.process.interrupt() }
        for worker in workers { worker.process.waitUntilExit() }
        #expect(workers[0].stderr.contains("stopped after"), "\(workers[0].stderr)")
    }
}
