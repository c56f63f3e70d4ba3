import ArgumentParser
import Foundation
import WinnowCore
import WinnowEngine
import WinnowObjects
import WinnowStore

/// `winnow model …`
struct ModelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Register the models batch services run (see docs/model-contract.md).",
        subcommands: [ModelRegisterCommand.self, ModelListCommand.self, ModelShowCommand.self, ModelDeleteCommand.self]
    )
}

/// `winnow model register SPEC`
struct ModelRegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "register", abstract: "Register a model from its spec file (JSON or YAML).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The spec file.", valueName: "spec"))
    var spec: String

    @Flag(name: .customLong("replace"), help: "Replace a registered model of the same name.")
    var replace = false

    func run() async throws {
        try await reportingFailures {
            let path = ResourceLocationPath.absolute(spec)
            let bytes = try LocalFiles.read(path, maximumSize: 1 << 20)
            let text = String(decoding: bytes, as: UTF8.self)
            let value: JSONValue
            do throws(CodecError) {
                value = path.lowercased().hasSuffix(".json") ? try JSONParser.parse(bytes) : try FlatYAML.parse(text)
            } catch {
                throw CLIError(error.located(file: spec).description)
            }
            let modelSpec: ModelSpec
            do throws(WinnowCore.ValidationError) {
                modelSpec = try ModelSpec(from: value, directory: (path as NSString).deletingLastPathComponent)
            } catch {
                throw CLIError("\(spec): \(error.field): \(error.message)")
            }
            let environment = try WinnowEnvironment.open(global)
            try await environment.services.registerModel(RegisteredModel(spec: modelSpec), replace: replace)
            Console.out("registered: model \(modelSpec.name) \(modelSpec.version) (\(modelSpec.type.rawValue))")
        }
    }
}

/// `winnow model list`
struct ModelListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the registered models.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await reportingFailures {
            let models = try await WinnowEnvironment.open(global).services.listModels()
            if output.json { return try Console.json(models.map(\.spec)) }
            guard !models.isEmpty else { return Console.out("no models (register one with: winnow model register SPEC)") }
            var table = TextTable("NAME", "VERSION", "TYPE", "ENDPOINT")
            for model in models {
                table.add(model.name, model.spec.version, model.spec.type.rawValue, ModelShowCommand.endpoint(model.spec))
            }
            Console.out(table.rendered)
        }
    }
}

/// `winnow model show NAME`
struct ModelShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a registered model.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The model's name.")
    var name: String

    static func endpoint(_ spec: ModelSpec) -> String {
        switch spec.endpoint {
        case .url(let url): url
        case .command(let arguments): "command: " + arguments.joined(separator: " ")
        }
    }

    func run() async throws {
        try await reportingFailures {
            guard let model = try await WinnowEnvironment.open(global).services.model(named: name) else {
                throw CLIError("no model named '\(name)' (winnow model list shows the models)")
            }
            if output.json { return try Console.json(model.spec) }
            let spec = model.spec
            Console.out("""
                name:         \(spec.name)
                version:      \(spec.version)
                type:         \(spec.type.rawValue)
                endpoint:     \(Self.endpoint(spec))
                request:      POST \(spec.requestPath), image in field '\(spec.fieldName)'
                health:       GET \(spec.healthPath)
                concurrency:  \(spec.maxConcurrentRequests) requests, \(spec.timeoutSeconds) s each
                folder:       \(spec.directory ?? "-")
                """)
        }
    }
}

/// `winnow model delete NAME`
struct ModelDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a registered model no service uses.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The model's name.")
    var name: String

    func run() async throws {
        try await reportingFailures {
            try await WinnowEnvironment.open(global).services.deleteModel(named: name)
            Console.out("deleted: model \(name)")
        }
    }
}
