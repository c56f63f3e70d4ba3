import ArgumentParser
import WinnowCore
import WinnowEngine
import WinnowObjects

/// `winnow validate PATH...`
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check manifests (with every annotation-loc they name) and PASCAL VOC files.",
        discussion: """
            Each problem is printed on its own line as path:line: field: message. Exits 0 when every file
            is valid, 1 otherwise. A folder is checked for the .manifest and .xml files in it.
            """
    )

    @Argument(help: ArgumentHelp("Manifests (.manifest), VOC files (.xml) or folders.", valueName: "path"))
    var paths: [String]

    @Flag(name: .customLong("quiet"), help: "Print only the problems, not the summary.")
    var quiet = false

    func run() async throws {
        let validator = FileValidator(reader: WinnowEnvironment.resourceReader())
        let summary = await validator.validate(paths: paths) { problem in
            Console.out(problem.description)
        }
        if !quiet {
            let verdict = summary.problems == 0 ? "all valid" : "\(summary.problems) problem\(summary.problems == 1 ? "" : "s")"
            Console.error("checked \(summary.files) file\(summary.files == 1 ? "" : "s"), \(summary.manifestLines) manifest lines, \(summary.annotationFiles) annotation files: \(verdict)")
        }
        if summary.problems > 0 { throw ExitCode(1) }
    }
}
