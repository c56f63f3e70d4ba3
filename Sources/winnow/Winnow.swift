import ArgumentParser

@main
struct Winnow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "winnow", abstract: "Hard-example mining for batch inference.")
}
