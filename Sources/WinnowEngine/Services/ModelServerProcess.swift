public import AsyncHTTPClient
import Foundation
public import WinnowCore

/// Starts a model server from its spec's `command`, waits until it is healthy, restarts it if it
/// dies, and stops it. The port is passed in `PORT`; the last lines of its standard error are kept
/// for error messages.
public final class ModelServerProcess: @unchecked Sendable {
    private let spec: ModelSpec
    private let arguments: [String]
    private let client: HTTPClient
    private let lock = NSLock()
    private var process: Process?
    private var stderrTail: [String] = []
    private var partialLine = ""
    private(set) public var port: Int = 0
    /// How many times the server was restarted after dying.
    private(set) public var restarts = 0

    /// The URL of the running server.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    public init(spec: ModelSpec, arguments: [String], client: HTTPClient) {
        self.spec = spec
        self.arguments = arguments
        self.client = client
    }

    /// Starts the server and waits until its health path answers.
    ///
    /// - Throws: ``EngineError`` with the tail of its standard error when it exits or does not become
    ///   healthy within the spec's startup timeout.
    public func start() async throws {
        port = try Self.freePort()
        try launch()
        let deadline = Date().addingTimeInterval(spec.startupTimeoutSeconds)
        while Date() < deadline {
            if await HTTPModelClient.isHealthy(client: client, baseURL: baseURL, path: spec.healthPath) { return }
            if !isRunning {
                throw EngineError(.conflict, "model server '\(spec.name)' exited with status \(exitStatus ?? -1) before becoming healthy" + tailSuffix())
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        stop()
        throw EngineError(.conflict, "model server '\(spec.name)' did not answer \(spec.healthPath) within \(Int(spec.startupTimeoutSeconds)) s" + tailSuffix())
    }

    /// Restarts the server when it has died; returns whether it had to.
    public func restartIfDead() async throws -> Bool {
        guard !isRunning else { return false }
        lock.withLock { restarts += 1 }
        try await start()
        return true
    }

    /// Stops the server: SIGTERM, then SIGKILL after two seconds.
    public func stop() {
        guard let process = lock.withLock({ self.process }) else { return }
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(2)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
    }

    public var isRunning: Bool { lock.withLock { process?.isRunning ?? false } }

    /// The server's process id (0 before it starts).
    public var processIdentifier: Int32 { lock.withLock { process?.processIdentifier ?? 0 } }

    private var exitStatus: Int32? { lock.withLock { process.flatMap { $0.isRunning ? nil : $0.terminationStatus } } }

    /// The last lines the server wrote to standard error.
    public var standardErrorTail: [String] { lock.withLock { stderrTail } }

    private func tailSuffix() -> String {
        let tail = standardErrorTail
        return tail.isEmpty ? "" : "; its last words:\n" + tail.joined(separator: "\n")
    }

    private func launch() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0].hasPrefix("/") ? arguments[0] : "/usr/bin/env")
        process.arguments = arguments[0].hasPrefix("/") ? Array(arguments.dropFirst()) : arguments
        if let directory = spec.directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var environment = ProcessInfo.processInfo.environment
        environment["PORT"] = String(port)
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard !data.isEmpty else {
                handle.readabilityHandler = nil
                return
            }
            self?.collect(String(decoding: data, as: UTF8.self))
        }
        do {
            // The child starts with the calling thread's signal mask, and the threads that run services
            // block nearly every signal: the server then never saw SIGTERM and was killed after the grace
            // period. It is spawned with nothing blocked (this thread's mask comes back at once).
            var none = sigset_t()
            var previous = sigset_t()
            sigemptyset(&none)
            pthread_sigmask(SIG_SETMASK, &none, &previous)
            defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
            try process.run()
        } catch {
            throw EngineError(.conflict, "cannot start model server '\(spec.name)' (\(arguments.joined(separator: " "))): \(error.localizedDescription)")
        }
        lock.withLock { self.process = process }
    }

    private func collect(_ text: String) {
        lock.withLock {
            let combined = partialLine + text
            var lines = combined.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            partialLine = lines.removeLast()
            stderrTail.append(contentsOf: lines.filter { !$0.isEmpty })
            if stderrTail.count > 20 { stderrTail.removeFirst(stderrTail.count - 20) }
        }
    }

    /// A TCP port nobody listens on now, from the kernel.
    static func freePort() throws -> Int {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw EngineError(.conflict, "cannot open a socket to find a free port") }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw EngineError(.conflict, "cannot bind a socket to find a free port") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
