import ArgumentParser

/// `winnow dataset …`
struct DatasetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dataset",
        abstract: "Create, list, show, delete, import and export datasets.",
        subcommands: [
            DatasetCreateCommand.self, DatasetListCommand.self, DatasetShowCommand.self, DatasetDeleteCommand.self,
            DatasetImportCommand.self, DatasetExportCommand.self,
        ]
    )
}
