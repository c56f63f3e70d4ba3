import Foundation
import Testing
import WinnowCore

@Suite struct MiningConfigurationTests {
    @Test func partialFilesKeepEveryOtherDefault() throws {
        let json = #"{"lowConfidence":{"margin":{"fixed":0.3}},"selection":{"maximumCount":5},"enabledReasons":[0,1,7]}"#
        let configuration = try JSONDecoder().decode(MiningConfiguration.self, from: Data(json.utf8))
        #expect(configuration.lowConfidence.margin == AdaptiveThreshold(fixed: 0.3))
        #expect(configuration.lowConfidence.selfConfidence == LowConfidenceConfiguration().selfConfidence)
        #expect(configuration.selection.maximumCount == 5)
        #expect(configuration.enabledReasons == [0, 1, 7])
        #expect(configuration.detection == DetectionSettings())
        #expect(configuration.coefficient.weights == CoefficientConfiguration.defaultWeights)
        try configuration.validate()
    }

    @Test func encodingAndDecodingRoundTrips() throws {
        var configuration = MiningConfiguration()
        configuration.classification.classCount = 10
        configuration.temporal.maximumTimeGap = 2
        configuration.selection.maximumFraction = 0.1
        let data = try JSONEncoder().encode(configuration)
        #expect(try JSONDecoder().decode(MiningConfiguration.self, from: data) == configuration)
    }

    @Test func validationNamesTheField() {
        var configuration = MiningConfiguration()
        configuration.coefficient.weights = Array(repeating: 1, count: 30)
        #expect(throws: ValidationError(field: "coefficient.weights", message: "needs 31 weights, one per reason 0–30; got 30")) { try configuration.validate() }
        configuration = MiningConfiguration(imageDrift: RobustRange(lowerPercentile: 99, upperPercentile: 1))
        let drift = #expect(throws: ValidationError.self) { try configuration.validate() }
        #expect(drift?.field == "imageDrift")
        configuration = MiningConfiguration(enabledReasons: [31])
        let reasons = #expect(throws: ValidationError.self) { try configuration.validate() }
        #expect(reasons?.field == "enabledReasons")
        #expect(throws: Never.self) { try MiningConfiguration().validate() }
    }

    @Test func explainPrintsTheEffectiveThresholds() {
        var configuration = MiningConfiguration.only([0, 1])
        configuration.selection.maximumCount = 100
        configuration.selection.ranking = .coefficient
        configuration.selection.diversity = true
        let text = configuration.explain()
        #expect(text.contains("enabled reasons: 0-1"))
        #expect(text.contains("margin p1 − p2: fires below 0.2 for every class"))
        #expect(text.contains("top score p1: fires below 0.8 × the predicted class's reference mean (0.5 when the class has < 10 reference samples)"))
        #expect(text.contains("detection IBT: fires when ≥ 0.5 of the boxes score ≤ 0.5"))
        #expect(text.contains("30 outlier (disabled)"))
        #expect(text.contains("selection: at most 100 of the hard samples, ranked by coefficient, coefficient-weighted k-center greedy"))
        configuration.selection.ranking = .informativeness
        configuration.selection.diversity = false
        let informative = configuration.explain()
        #expect(informative.contains("selection: at most 100 of the hard samples, ranked by informativeness (reason 1's score: 1 − margin"))
        #expect(informative.hasSuffix("no diversity"))
        #expect(MiningConfiguration().explain().contains("selection: every hard sample, ranked by \(SelectionConfiguration.defaultRanking.rawValue)"))
    }

    @Test func rankingDecodesWithADefaultAndRejectsUnknownValuesByName() throws {
        let absent = try JSONDecoder().decode(MiningConfiguration.self, from: Data(#"{"selection": {"maximumCount": 5}}"#.utf8))
        #expect(absent.selection.ranking == SelectionConfiguration.defaultRanking)
        let given = try JSONDecoder().decode(MiningConfiguration.self, from: Data(#"{"selection": {"ranking": "informativeness"}}"#.utf8))
        #expect(given.selection.ranking == .informativeness)
        #expect(given.selection.diversity == SelectionConfiguration.defaultDiversity)
        let error = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(MiningConfiguration.self, from: Data(#"{"selection": {"ranking": "margin"}}"#.utf8))
        }
        guard case .dataCorrupted(let context)? = error else {
            Issue.record("expected dataCorrupted, got \(String(describing: error))")
            return
        }
        #expect(context.codingPath.map(\.stringValue) == ["selection", "ranking"])
        #expect(context.debugDescription == #"unknown ranking "margin"; expected coefficient or informativeness"#)
        var configuration = MiningConfiguration()
        configuration.selection.ranking = .informativeness
        #expect(try JSONDecoder().decode(MiningConfiguration.self, from: JSONEncoder().encode(configuration)) == configuration)
    }

    @Test func requirementsFollowTheEnabledReasons() {
        #expect(MiningRules.requirements(.only([0, 1])) == [.prediction, .trainingStatistics])
        #expect(!MiningRules.requirements(.only([0, 1])).needsPixels)
        #expect(MiningRules.requirements(.only([7])).contains(.imageFeatures))
        #expect(MiningRules.requirements(.only([11])) == [.prediction, .imageSize, .trainingStatistics])
        #expect(MiningRules.requirements(.only([16])).contains(.boxPixels))
        #expect(MiningRules.requirements(.only([20])).contains(.augmentations))
        #expect(MiningRules.requirements(.only([4])).contains(.neighbours))
        #expect(MiningRules.standard(.only([5, 30])).map(\.reasons) == [5...10, 30...30])
    }
}
