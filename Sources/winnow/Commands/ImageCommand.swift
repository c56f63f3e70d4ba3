import ArgumentParser

/// `winnow image …`
struct ImageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "image",
        abstract: "Measure, embed and augment image files (the pixel side of the mining rules).",
        subcommands: [ImageFeaturesCommand.self, ImageEmbedCommand.self, ImageAugmentCommand.self]
    )
}
