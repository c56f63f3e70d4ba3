import Foundation
import WinnowCore

extension ServerEnvironment {
    /// The mining configuration of a filter body: its `configuration` (or the defaults), then `reasons`,
    /// `max`, `max_fraction`, `ranking`, `diversity` and `seed` over it, checked whole; `nil` when the body sets
    /// none of them (the engine's defaults apply).
    ///
    /// - Throws: 400 `WINNOW.INVALID_PARAMETER` naming the field: `max`, `reasons`, or
    ///   `configuration.low_confidence.margin`… (with `prefix`, e.g. `hard_examples.`).
    static func miningConfiguration(_ body: FilterBody, prefix: String = "") throws -> MiningConfiguration? {
        guard body.hasMiningOptions else { return nil }
        var configuration = body.configuration ?? MiningConfiguration()
        do throws(ValidationError) {
            try configuration.validate()
        } catch {
            throw APIError.invalid(prefix + "configuration." + snakeCase(error.field), error.message)
        }
        switch body.reasons {
        case .text(let text)?:
            do throws(ValidationError) {
                configuration.enabledReasons = try ReasonList.parse(text)
            } catch {
                throw APIError.invalid(prefix + "reasons", error.message)
            }
        case .codes(let codes)?:
            guard !codes.isEmpty else { throw APIError.invalid(prefix + "reasons", "give at least one reason code 0–30") }
            if let bad = codes.first(where: { !(0...30).contains($0) }) {
                throw APIError.invalid(prefix + "reasons", "\(bad) is not a reason code 0–30")
            }
            configuration.enabledReasons = Array(Set(codes)).sorted()
        case nil:
            break
        }
        if let max = body.max {
            guard max >= 1 else { throw APIError.invalid(prefix + "max", "must be at least 1, got \(max)") }
            configuration.selection.maximumCount = max
        }
        if let fraction = body.maxFraction {
            guard fraction > 0, fraction <= 1 else { throw APIError.invalid(prefix + "max_fraction", "must be more than 0 and at most 1, got \(fraction)") }
            configuration.selection.maximumFraction = fraction
        }
        if let ranking = body.ranking { configuration.selection.ranking = ranking }
        if let diversity = body.diversity { configuration.selection.diversity = diversity }
        if let seed = body.seed { configuration.seed = seed }
        return configuration
    }

    /// `lowConfidence.selfConfidence` → `low_confidence.self_confidence`.
    static func snakeCase(_ field: String) -> String {
        var result = ""
        for character in field {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
