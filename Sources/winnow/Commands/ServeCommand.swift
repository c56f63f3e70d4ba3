import ArgumentParser
import Foundation
import Hummingbird
import WinnowServer

/// `winnow serve [--host 127.0.0.1] [--port 8080] [--token T]`
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the REST API (/v1, /openapi.json) and the web console, with the engine in the same process.",
        discussion: """
            Listens on 127.0.0.1 unless --host says otherwise. With --token (or $WINNOW_TOKEN) every API call needs
            Authorization: Bearer TOKEN and the console asks for the token once. Services deployed or started from the
            API or console run in this process; on start, services left running by a process that died and unfinished
            collection tasks are resumed. With --coordinator-only nothing runs here: services and filtering tasks become
            work units that winnow worker processes sharing the database take (docs/scale.md); by default this process
            also works on units of runs handed to workers. Ctrl-C (SIGINT) or SIGTERM stops it gracefully: running services are
            stopped cleanly and resume with start.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("host"), help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .customLong("port"), help: "The port to listen on.")
    var port = 8080

    @Option(name: .customLong("token"), help: "Access token for the API and console (default: $WINNOW_TOKEN; none: no authentication).")
    var token: String?

    @Option(name: .customLong("root"), help: ArgumentHelp("A further folder images may be served from (repeatable).", valueName: "folder"))
    var roots: [String] = []

    @Option(name: .customLong("max-body"), help: "The largest request body accepted, in bytes.")
    var maximumBodySize = 1 << 20

    @Flag(name: .customLong("coordinator-only"), help: "Run no work here: services and filtering tasks become work units for winnow worker processes.")
    var coordinatorOnly = false

    @Option(name: .customLong("embedded-workers"), help: "Work units of runs handed to workers that this process runs itself at once (0: none).")
    var embeddedWorkers = 1

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, got \(port)") }
        guard maximumBodySize >= 1024 else { throw ValidationError("--max-body must be at least 1024") }
        guard (0...256).contains(embeddedWorkers) else { throw ValidationError("--embedded-workers must be from 0 to 256, got \(embeddedWorkers)") }
    }

    func run() async throws {
        try await reportingFailures {
            let environment = try WinnowEnvironment.open(global)
            let token = token ?? ProcessInfo.processInfo.environment["WINNOW_TOKEN"]
            var configuration = ServerConfiguration(
                host: host, port: port, token: token, maximumBodySize: maximumBodySize, extraRoots: roots,
                stores: ServerStores(
                    metadata: environment.store, services: environment.services, tasks: environment.tasks, objects: environment.objects,
                    reader: environment.reader, units: environment.units, outputStores: WinnowEnvironment.outputStores))
            configuration.coordinatorOnly = coordinatorOnly
            configuration.embeddedWorkers = embeddedWorkers
            if host != "127.0.0.1" && host != "localhost" && host != "::1" && configuration.token == nil {
                Console.error("warning: listening on \(host) without --token: anyone who can reach it can use the API and console")
            }
            if coordinatorOnly { Console.error("winnow: coordinator only: runs are handed to winnow worker processes sharing this database") }
            Console.error("winnow: serving http://\(host):\(port)/ (API under /v1, OpenAPI at /openapi.json)\(configuration.token == nil ? "" : ", token required")")
            let app = buildApplication(configuration: configuration)
            try await app.runService()
        }
    }
}
