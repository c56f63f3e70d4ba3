public import Hummingbird
import Logging
import Foundation
import NIOCore
import WinnowCore
import WinnowEngine

/// Builds the Winnow server: the REST API under `/v1`, its OpenAPI document at `/openapi.json`, the
/// web console, and the engine that runs services and collection tasks in the background (a service
/// of the application's service group, so it starts and stops with it).
///
/// Tests call this with in-memory stores and drive it with `app.test(.router)`; `winnow serve` calls it
/// with SQLite and runs it with `runService()`, which shuts down gracefully on SIGINT and SIGTERM.
///
/// - Parameter configuration: address, access token, limits and the stores.
public func buildApplication(configuration: ServerConfiguration) -> some ApplicationProtocol {
    var logger = Logger(label: "winnow")
    logger.logLevel = .info
    let environment = ServerEnvironment(configuration: configuration, logger: logger)
    let router = buildRouter(environment)
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "winnow"),
        logger: logger)
    if configuration.runsEngine { app.addServices(environment.executor) }
    if configuration.runsEngine, !configuration.coordinatorOnly, configuration.embeddedWorkers > 0, let units = configuration.stores.units {
        // Units of runs handed to workers (by --workers or another server's --coordinator-only) run here too.
        let stores = configuration.stores
        var runs = DistributedRuns(store: stores.metadata, services: stores.services, tasks: stores.tasks, units: units, reader: stores.reader)
        runs.outputStores = stores.outputStores
        let workerLogger = logger
        app.addServices(DistributedWorker(
            runs: runs, settings: .init(name: "serve@\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)",
                                        concurrency: configuration.embeddedWorkers),
            log: { workerLogger.info("\($0)") }))
    }
    return app
}

/// Every route, behind the error, body-limit and access middleware.
func buildRouter(_ environment: ServerEnvironment) -> Router<WinnowRequestContext> {
    let router = Router(context: WinnowRequestContext.self)
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: BodyLimitMiddleware(limit: environment.configuration.maximumBodySize))
    router.add(middleware: AccessMiddleware(token: environment.configuration.token, sessions: environment.sessions))

    let api = router.group("v1")
    ModelsController(environment: environment).register(on: api)
    ServicesController(environment: environment).register(on: api)
    CollectionController(environment: environment).register(on: api)
    DatasetsController(environment: environment).register(on: api)
    SamplesController(environment: environment).register(on: api)
    DatasetCharts(environment: environment).register(on: api)

    let document = JSONWriter.serialize(OpenAPIDocument.json())
    router.get("openapi.json") { _, _ in
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: document)))
    }
    ConsoleRoutes(environment: environment).register(on: router)
    return router
}
