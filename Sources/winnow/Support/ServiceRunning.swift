import AsyncHTTPClient
import Dispatch
import Foundation
import NIOCore
import NIOPosix
import WinnowCore
import WinnowEngine

/// Runs a batch service in this process with a progress line, stopping it cleanly on Ctrl-C.
enum ServiceRunning {
    static func run(_ service: BatchService, in environment: WinnowEnvironment, quiet: Bool) async throws -> BatchService {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(8, service.instances))
        configuration.timeout = .init(connect: .seconds(5))
        let client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
        let manager = environment.serviceManager
        // Ctrl-C and SIGTERM stop the service cleanly: the runner stores what is done and stops its model server.
        let interrupts = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            signal(number, SIG_IGN)
            source.setEventHandler {
                Console.error("\nstopping service \(service.name) (the inputs done so far are kept; winnow service start resumes)")
                Task { _ = try? await manager.stop(service.name) }
            }
            source.resume()
            return (number, source)
        }
        defer {
            for (number, source) in interrupts {
                source.cancel()
                signal(number, SIG_DFL)
            }
        }
        let started = Date()
        let meter = ProgressMeter(quiet: quiet, started: started)
        var runner = BatchServiceRunner(services: environment.services, reader: environment.reader, httpClient: client)
        runner.outputStores = WinnowEnvironment.outputStores
        let result: BatchService
        do {
            result = try await runner.run(serviceID: service.id) { meter.show($0) }
        } catch {
            try? await client.shutdown()
            throw error
        }
        try? await client.shutdown()
        meter.finish(result)
        if let task = try await environment.collection.filterAfterFinish(result) {
            CollectTaskView.report(task)
        }
        return result
    }
}

/// Prints `service NAME: running 120/719, 3 failed, 45.1 files/s` at most once a second.
final class ProgressMeter: @unchecked Sendable {
    private let quiet: Bool
    private let started: Date
    private let lock = NSLock()
    private var lastPrint = Date.distantPast
    private var firstDone: Int?

    init(quiet: Bool, started: Date) {
        self.quiet = quiet
        self.started = started
    }

    func show(_ service: BatchService) {
        guard !quiet else { return }
        let now = Date()
        let line: String? = lock.withLock {
            if firstDone == nil { firstDone = service.progress.done }
            guard now.timeIntervalSince(lastPrint) >= 1 else { return nil }
            lastPrint = now
            return Self.line(service, elapsed: now.timeIntervalSince(started), since: firstDone ?? 0)
        }
        if let line { Console.error(line) }
    }

    func finish(_ service: BatchService) {
        guard !quiet else { return }
        Console.error(Self.line(service, elapsed: Date().timeIntervalSince(started), since: lock.withLock { firstDone } ?? 0))
    }

    static func line(_ service: BatchService, elapsed: TimeInterval, since: Int) -> String {
        let progress = service.progress
        let rate = elapsed > 0 ? Double(progress.done - since) / elapsed : 0
        return "service \(service.name): \(service.status.rawValue) \(progress.done)/\(progress.total) done, \(progress.failed) failed, "
            + String(format: "%.1f files/s", rate)
    }
}
