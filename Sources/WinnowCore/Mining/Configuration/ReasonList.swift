internal import Foundation

/// A list of reason codes as people write it: `0,1,5-10,30`.
public enum ReasonList {
    /// The sorted, distinct reason codes of `text`.
    /// - Throws: ``ValidationError`` (field `reasons`) naming the part that is not a code 0–30 or a range
    ///   like `5-10`, or saying the list is empty.
    public static func parse(_ text: String) throws(ValidationError) -> [Int] {
        var reasons = Set<Int>()
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(bounds.count), let low = Int(bounds[0]), let high = Int(bounds[bounds.count - 1]), low <= high,
                  (0...30).contains(low), (0...30).contains(high)
            else {
                throw ValidationError(field: "reasons", message: "'\(part)' is not a reason code 0–30 or a range like 5-10")
            }
            reasons.formUnion(low...high)
        }
        guard !reasons.isEmpty else { throw ValidationError(field: "reasons", message: "give at least one reason code 0–30") }
        return reasons.sorted()
    }
}
