import ArgumentParser
import WinnowEngine

/// `winnow sample-data DIR`
struct SampleDataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample-data",
        abstract: "Write a small sample data set: images, a classification and a detection manifest, VOC files.",
        discussion: "Also writes broken/broken.manifest with typical mistakes, to see what validate reports."
    )

    @Argument(help: ArgumentHelp("The folder to write into.", valueName: "folder"))
    var directory: String

    func run() async throws {
        try await reportingFailures {
            let output = try DemoDataGenerator.write(to: directory)
            Console.out("wrote \(output.images) images and")
            Console.out("  \(output.classificationManifest)")
            Console.out("  \(output.detectionManifest)")
            Console.out("  \(output.brokenManifest)")
        }
    }
}
