/// How to reach a model: a registered model's spec file (`winnow model register SPEC`), JSON or YAML.
///
/// See `docs/model-contract.md` for the contract the server must follow.
public struct ModelSpec: Sendable, Hashable, Codable {
    /// Where the inference server is.
    public enum Endpoint: Sendable, Hashable, Codable {
        /// A server already running at this URL (`http://127.0.0.1:8501`).
        case url(String)
        /// Arguments of a command that starts the server; Winnow passes the port in `PORT`.
        case command([String])
    }

    public var name: String
    public var version: String
    public var type: LabelingType
    public var endpoint: Endpoint
    /// `request_path`, default `/`.
    public var requestPath: String
    /// `field_name`: the multipart field holding the image, default `images`.
    public var fieldName: String
    /// `health_path`, default `/health`.
    public var healthPath: String
    /// `max_concurrent_requests`, default 4.
    public var maxConcurrentRequests: Int
    /// `timeout_seconds` per request, default 60.
    public var timeoutSeconds: Double
    /// `startup_timeout_seconds` for a `command` server, default 120.
    public var startupTimeoutSeconds: Double
    /// The folder the spec file was in: the working directory of `command`.
    public var directory: String?

    public init(
        name: String, version: String = "1", type: LabelingType, endpoint: Endpoint, requestPath: String = "/",
        fieldName: String = "images", healthPath: String = "/health", maxConcurrentRequests: Int = 4,
        timeoutSeconds: Double = 60, startupTimeoutSeconds: Double = 120, directory: String? = nil
    ) {
        self.name = name
        self.version = version
        self.type = type
        self.endpoint = endpoint
        self.requestPath = requestPath
        self.fieldName = fieldName
        self.healthPath = healthPath
        self.maxConcurrentRequests = maxConcurrentRequests
        self.timeoutSeconds = timeoutSeconds
        self.startupTimeoutSeconds = startupTimeoutSeconds
        self.directory = directory
    }

    /// The keys a spec file may hold.
    public static let keys: Set<String> = [
        "name", "version", "type", "url", "command", "request_path", "field_name", "health_path",
        "max_concurrent_requests", "timeout_seconds", "startup_timeout_seconds", "description",
    ]

    /// Reads a spec from its parsed JSON or YAML object.
    ///
    /// - Throws: ``ValidationError`` naming the key that is missing, unknown or of the wrong type.
    public init(from value: JSONValue, directory: String?) throws(ValidationError) {
        guard let object = value.objectValue else { throw ValidationError(field: "spec", message: "expected an object of keys") }
        if let unknown = object.keys.sorted().first(where: { !Self.keys.contains($0) }) {
            throw ValidationError(field: unknown, message: "unknown key; a spec has \(Self.keys.sorted().joined(separator: ", "))")
        }
        func text(_ key: String) throws(ValidationError) -> String? {
            guard let value = object[key], value != .null else { return nil }
            if let string = value.stringValue { return string }
            if let number = value.numberValue { return number == number.rounded() ? String(Int(number)) : String(number) }
            throw ValidationError(field: key, message: "expected a string, got \(value.typeName)")
        }
        func number(_ key: String, default fallback: Double, minimum: Double) throws(ValidationError) -> Double {
            guard let value = object[key], value != .null else { return fallback }
            guard let number = value.numberValue ?? value.stringValue.flatMap(Double.init), number.isFinite else {
                throw ValidationError(field: key, message: "expected a number, got \(value.typeName)")
            }
            guard number >= minimum else { throw ValidationError(field: key, message: "must be at least \(minimum), got \(number)") }
            return number
        }
        guard let name = try text("name"), !name.isEmpty else { throw ValidationError(field: "name", message: "is missing") }
        guard let typeText = try text("type") else { throw ValidationError(field: "type", message: "is missing; use image_classification or object_detection") }
        guard let type = LabelingType(parsing: typeText), type.supportsHardExamples else {
            throw ValidationError(field: "type", message: "'\(typeText)' is not a model type; use image_classification or object_detection")
        }
        let endpoint: Endpoint
        switch (try text("url"), object["command"]) {
        case (let url?, nil):
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw ValidationError(field: "url", message: "'\(url)' is not an http:// or https:// URL")
            }
            endpoint = .url(url)
        case (nil, let command?):
            if let line = command.stringValue, !line.isEmpty {
                endpoint = .command(["/bin/sh", "-c", line])
            } else if let items = command.arrayValue, !items.isEmpty, items.allSatisfy({ $0.stringValue != nil }) {
                endpoint = .command(items.compactMap(\.stringValue))
            } else {
                throw ValidationError(field: "command", message: "expected a string or a non-empty list of strings")
            }
        case (nil, nil):
            throw ValidationError(field: "url", message: "a spec needs either url (a running server) or command (one Winnow starts)")
        case (.some, .some):
            throw ValidationError(field: "command", message: "give either url or command, not both")
        }
        func path(_ key: String, default fallback: String) throws(ValidationError) -> String {
            let value = try text(key) ?? fallback
            guard value.hasPrefix("/") else { throw ValidationError(field: key, message: "must start with '/', got '\(value)'") }
            return value
        }
        self.init(
            name: name, version: try text("version") ?? "1", type: type, endpoint: endpoint,
            requestPath: try path("request_path", default: "/"), fieldName: try text("field_name") ?? "images",
            healthPath: try path("health_path", default: "/health"),
            maxConcurrentRequests: Int(try number("max_concurrent_requests", default: 4, minimum: 1)),
            timeoutSeconds: try number("timeout_seconds", default: 60, minimum: 0.1),
            startupTimeoutSeconds: try number("startup_timeout_seconds", default: 120, minimum: 1), directory: directory)
    }
}
