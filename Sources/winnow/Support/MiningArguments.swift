import ArgumentParser
import Foundation
import WinnowCore

/// The mining options shared by `winnow mine`, `service deploy --hard-examples` and `collect filter
/// enable`: which reasons run, the budget and its ranking, the seed, and a configuration file for every
/// threshold.
struct MiningArguments: ParsableArguments {
    @Option(name: .customLong("reasons"), help: ArgumentHelp(
        "Reason codes to run, e.g. 0,1,5-10,30 (default: all 0–30; 19–29 need --augment and a model).", valueName: "list"))
    var reasons: String?

    @Option(name: .customLong("max"), help: "Select at most this many hard examples (by --rank, with diversity).")
    var maximumCount: Int?

    @Option(name: .customLong("max-fraction"), help: ArgumentHelp("Select at most this fraction of the scored samples (0–1).", valueName: "f"))
    var maximumFraction: Double?

    @Option(name: .customLong("rank"), help: ArgumentHelp(
        "What fills a budget first: coefficient (the most and strongest reasons) or informativeness (closest to the decision boundary: reason 1's score, for accuracy per label). Default: \(SelectionConfiguration.defaultRanking.rawValue).",
        valueName: "ranking"))
    var ranking: SelectionConfiguration.Ranking?

    @Flag(name: .customLong("diversity"), inversion: .prefixedNo, help: ArgumentHelp(
        "Fill a budget with diversity, skipping near-duplicates in embedding space, or by the ranking alone. Default: \(SelectionConfiguration.defaultDiversity ? "--diversity" : "--no-diversity")."))
    var diversity: Bool?

    @Option(name: .customLong("seed"), help: "Seed of every random choice; the same inputs and seed give the same output.")
    var seed: UInt64?

    @Option(name: .customLong("mining-config"), help: ArgumentHelp(
        "A JSON file of thresholds (any subset of the keys `winnow mine --explain` prints); the options above override it.", valueName: "file"))
    var configurationFile: String?

    /// The effective configuration: defaults, then the file, then the options.
    func configuration() throws -> MiningConfiguration {
        var configuration = MiningConfiguration()
        if let configurationFile {
            guard let data = FileManager.default.contents(atPath: configurationFile) else {
                throw CLIError("cannot read the mining configuration \(configurationFile)")
            }
            do {
                configuration = try JSONDecoder().decode(MiningConfiguration.self, from: data)
            } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context), let DecodingError.dataCorrupted(context) {
                let path = context.codingPath.map(\.stringValue).joined(separator: ".")
                throw CLIError("\(configurationFile): \(path.isEmpty ? "" : path + ": ")\(context.debugDescription)")
            } catch {
                throw CLIError("\(configurationFile): \(error)")
            }
        }
        if let reasons { configuration.enabledReasons = try Self.parseReasons(reasons) }
        if let maximumCount { configuration.selection.maximumCount = maximumCount }
        if let maximumFraction { configuration.selection.maximumFraction = maximumFraction }
        if let ranking { configuration.selection.ranking = ranking }
        if let diversity { configuration.selection.diversity = diversity }
        if let seed { configuration.seed = seed }
        do {
            try configuration.validate()
        } catch {
            throw CLIError("mining configuration: \(error.field): \(error.message)")
        }
        return configuration
    }

    /// `0,1,5-10,30` as sorted reason codes.
    static func parseReasons(_ text: String) throws -> [Int] {
        do throws(WinnowCore.ValidationError) {
            return try ReasonList.parse(text)
        } catch {
            throw CLIError("--reasons: \(error.message)")
        }
    }
}
