public import AsyncHTTPClient
public import WinnowCore
public import WinnowStore

/// A registered model ready to answer: its URL, or the server its `command` started (stopped by
/// ``close()``).
public final class ModelConnection: Sendable {
    /// Sends images to the model.
    public let client: HTTPModelClient
    /// The model's spec.
    public let spec: ModelSpec
    private let server: ModelServerProcess?

    private init(client: HTTPModelClient, spec: ModelSpec, server: ModelServerProcess?) {
        self.client = client
        self.spec = spec
        self.server = server
    }

    /// Connects to `model`, starting its server when it has a `command` (waiting for its health path).
    /// - Throws: ``EngineError`` with the tail of the server's stderr when it does not start.
    public static func open(_ model: RegisteredModel, httpClient: HTTPClient) async throws -> ModelConnection {
        let spec = model.spec
        switch spec.endpoint {
        case .url(let url):
            let client = HTTPModelClient(
                client: httpClient, baseURL: url, requestPath: spec.requestPath, fieldName: spec.fieldName, timeoutSeconds: spec.timeoutSeconds)
            return ModelConnection(client: client, spec: spec, server: nil)
        case .command(let arguments):
            let process = ModelServerProcess(spec: spec, arguments: arguments, client: httpClient)
            do {
                try await process.start()
            } catch {
                throw EngineError(.invalidInput, "model \(spec.name) did not start: \(error)")
            }
            let client = HTTPModelClient(
                client: httpClient, baseURL: process.baseURL, requestPath: spec.requestPath, fieldName: spec.fieldName,
                timeoutSeconds: spec.timeoutSeconds)
            return ModelConnection(client: client, spec: spec, server: process)
        }
    }

    /// Stops the model server this connection started, if any.
    public func close() {
        server?.stop()
    }
}
