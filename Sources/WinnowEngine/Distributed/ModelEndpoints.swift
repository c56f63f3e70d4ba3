public import AsyncHTTPClient
import Foundation
import WinnowCore

/// The model servers a worker talks to: a model with a `url` is shared by every worker; one with a
/// `command` is started once per worker process, on first use, and stopped with ``stopAll()``.
public actor ModelEndpoints {
    private let client: HTTPClient
    private var started: [String: ModelServerProcess] = [:]

    public init(client: HTTPClient) {
        self.client = client
    }

    /// The base URL of `spec`'s server, and the process when this worker started it.
    func endpoint(for spec: ModelSpec) async throws -> (baseURL: String, server: ModelServerProcess?) {
        switch spec.endpoint {
        case .url(let url):
            return (url, nil)
        case .command(let arguments):
            if let server = started[spec.name] {
                _ = try await server.restartIfDead()
                return (server.baseURL, server)
            }
            let process = ModelServerProcess(spec: spec, arguments: arguments, client: client)
            try await process.start()
            started[spec.name] = process
            return (process.baseURL, process)
        }
    }

    /// Stops the model servers this worker started.
    public func stopAll() {
        for server in started.values { server.stop() }
        started.removeAll()
    }
}
