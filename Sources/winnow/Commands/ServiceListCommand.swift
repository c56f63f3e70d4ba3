import ArgumentParser
import Foundation
import WinnowCore
import WinnowEngine
import WinnowStore

/// `winnow service list`
struct ServiceListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the batch services.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await reportingFailures {
            let services = try await WinnowEnvironment.open(global).services.listServices()
            if output.json { return try Console.json(services) }
            guard !services.isEmpty else { return Console.out("no services (deploy one with: winnow service deploy …)") }
            var table = TextTable("NAME", "MODEL", "TYPE", "STATUS", "PROGRESS", "FAILED", "OUTPUT")
            for service in services {
                table.add(service.name, service.modelName.isEmpty ? "(imported)" : service.modelName, service.modelType.rawValue,
                          service.status.rawValue, "\(service.progress.done)/\(service.progress.total)", "\(service.progress.failed)", service.output)
            }
            Console.out(table.rendered)
        }
    }
}

/// `winnow service show NAME`
struct ServiceShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a batch service: status, progress, times.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The service's name.")
    var name: String

    func run() async throws {
        try await reportingFailures {
            let environment = try WinnowEnvironment.open(global)
            let service = try await environment.serviceManager.service(named: name)
            if output.json { return try Console.json(service) }
            let p = service.progress
            func time(_ date: Date?) -> String { date.map { $0.formatted(.iso8601) } ?? "-" }
            Console.out("""
                name:         \(service.name)
                id:           \(service.id)
                model:        \(service.modelName.isEmpty ? "(imported output)" : service.modelName) (\(service.modelType.rawValue))
                status:       \(service.status.rawValue)\(service.error.map { ": " + $0 } ?? "")
                input:        \(service.input.path)
                output:       \(service.output) (run \(service.runID))
                progress:     \(p.done)/\(p.total) done, \(p.succeeded) succeeded, \(p.failed) failed
                invocations:  \(p.invocations), \(p.failedInvocations) failed
                instances:    \(service.instances), timeout \(service.timeoutSeconds) s
                created:      \(time(service.createdAt))
                started:      \(time(service.startedAt))
                finished:     \(time(service.finishedAt))
                """)
        }
    }
}
