import ArgumentParser

/// `winnow service …`
struct ServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "service",
        abstract: "Run a model as a batch service over a folder or manifest, writing the ModelArts output layout.",
        subcommands: [
            ServiceDeployCommand.self, ServiceListCommand.self, ServiceShowCommand.self, ServiceStartCommand.self,
            ServiceStopCommand.self, ServiceRestartCommand.self, ServiceDeleteCommand.self, ServiceImportOutputCommand.self,
        ]
    )
}
