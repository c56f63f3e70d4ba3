public import WinnowCore

/// How the SQL stores keep a ``ServiceItem/Outcome`` in two columns: a code (1 succeeded, 0 failed,
/// `NULL` pending) and a detail (the result path or the failure message).
public enum StoredOutcome {
    /// The two column values of `outcome`.
    public static func columns(_ outcome: ServiceItem.Outcome?) -> (code: Int?, detail: String?) {
        switch outcome {
        case .succeeded(let path)?: (1, path)
        case .failed(let message)?: (0, message)
        case nil: (nil, nil)
        }
    }

    /// The outcome the two column values stand for.
    public static func outcome(code: Int?, detail: String?) -> ServiceItem.Outcome? {
        switch code {
        case 1?: .succeeded(resultPath: detail ?? "")
        case 0?: .failed(message: detail ?? "")
        default: nil
        }
    }
}
