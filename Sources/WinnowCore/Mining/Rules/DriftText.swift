/// The reference part of drift details: `p1–p99: 0.31–0.72 (median 0.5), modified z 5.2`.
enum DriftText {
    static func band(_ measured: DriftMeasurement, range: RobustRange) -> String {
        let n = MiningText.number
        let bounds: String = switch range.side {
        case .both: "\(n(measured.lower))–\(n(measured.upper))"
        case .upper: n(measured.upper)
        case .lower: n(measured.lower)
        }
        return "\(range.bandName): \(bounds) (median \(n(measured.median))), modified z \(n(measured.modifiedZ))"
    }
}
