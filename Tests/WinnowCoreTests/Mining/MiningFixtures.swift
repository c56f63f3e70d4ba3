import WinnowCore

/// Small builders for mining tests.
enum MiningFixtures {
    /// A classification prediction with the given `(label, score)` pairs; the predicted label is the
    /// first pair's unless given.
    static func classification(_ scores: [(String, Double)], predicted: String? = nil, embedding: [Double]? = nil) -> Prediction {
        let list = scores.map { ClassScore(label: $0.0, score: $0.1) }
        return Prediction(content: .classification(ClassificationPrediction(predictedLabel: predicted ?? scores.first?.0 ?? "", scores: list)), embedding: embedding)
    }

    /// A detection prediction.
    static func detection(_ objects: [DetectedObject]) -> Prediction {
        Prediction(content: .detection(DetectionPrediction(objects: objects)))
    }

    /// A detected object.
    static func box(_ label: String, _ xmin: Double, _ ymin: Double, _ xmax: Double, _ ymax: Double, score: Double) -> DetectedObject {
        DetectedObject(label: label, xmin: xmin, ymin: ymin, xmax: xmax, ymax: ymax, score: score)
    }

    /// Runs both phases over `samples`.
    static func mine(_ samples: [MiningSample], configuration: MiningConfiguration, training: ReferenceStatistics? = nil) -> MiningResult {
        let phase1 = MiningPhase1(configuration: configuration)
        var phase2 = MiningPhase2(configuration: configuration, training: training)
        for sample in samples { phase2.add(phase1.score(sample)) }
        return phase2.finish()
    }

    /// Image features with a given brightness (other features fixed).
    static func features(brightness: Double, width: Int = 640, height: Int = 480) -> ImageFeatures {
        ImageFeatures(width: width, height: height, brightness: brightness, saturation: 0.4, colorfulness: 30, sharpness: 200)
    }
}

extension MiningResult {
    /// The sample with `index`.
    func sample(_ index: Int) -> MinedSample? {
        samples.first { $0.index == index }
    }
}
