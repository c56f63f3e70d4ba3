import Testing
import WinnowCore

@Suite struct EmbeddingRulesTests {
    /// A 10 × 5 grid with spacing 0.1 near the origin.
    private let grid: [[Double]] = (0..<50).map { [0.1 * Double($0 % 10), 0.1 * Double($0 / 10)] }

    private func configuration(_ reasons: [Int]) -> MiningConfiguration {
        var configuration = MiningConfiguration.only(reasons)
        configuration.embeddings.normalize = false
        return configuration
    }

    private func sample(_ index: Int, _ embedding: [Double], label: String = "a", source: String? = nil) -> MiningSample {
        MiningSample(
            index: index, source: source ?? "s\(index).png", outcome: .prediction(MiningFixtures.classification([(label, 0.99), ("z", 0.01)])),
            embedding: embedding)
    }

    @Test func farPointIsAnOutlierAgainstTheTrainingCluster() throws {
        let configuration = configuration([30])
        var reference = TrainingReference(configuration: configuration)
        for point in grid { reference.add(ReferenceItem(classLabels: ["a"], embedding: point)) }
        let training = reference.finalize()
        let statistics = try #require(training.embeddings)
        #expect(statistics.neighbourCount == 5)
        #expect(statistics.sample.count == 50)
        #expect(abs(statistics.medianNearestDistance - 0.1) < 1e-9)

        let result = MiningFixtures.mine([sample(0, [0.45, 0.2]), sample(1, [10, 10])], configuration: configuration, training: training)
        #expect(result.sample(0)?.info?.isHard == false)
        let far = try #require(result.sample(1)?.info)
        #expect(far.reasons == [30])
        #expect(far.details.first?.reference?.contains("nearest training embeddings; training p99: ") == true, "\(far.details.first?.reference ?? "")")
        #expect((far.details.first?.measured ?? 0) > 13)
    }

    @Test func farPointIsAnOutlierOfItsOwnBatch() throws {
        let samples = grid.enumerated().map { sample($0.offset, $0.element) } + [sample(50, [10, 10])]
        let result = MiningFixtures.mine(samples, configuration: configuration([30]))
        #expect(result.hardCount == 1)
        let far = try #require(result.sample(50)?.info)
        #expect(far.reasons == [30])
        #expect(far.details.first?.reference?.contains("batch p99") == true)
    }

    @Test func neighboursOfAnotherClassFireReasonTwo() throws {
        let configuration = configuration([2])
        var reference = TrainingReference(configuration: configuration)
        for point in grid {
            reference.add(ReferenceItem(classLabels: ["a"], embedding: point))
            reference.add(ReferenceItem(classLabels: ["b"], embedding: [point[0] + 5, point[1] + 5]))
        }
        let training = reference.finalize()
        let result = MiningFixtures.mine(
            [sample(0, [0.3, 0.2], label: "a"), sample(1, [5.3, 5.2], label: "a")], configuration: configuration, training: training)
        #expect(result.sample(0)?.info?.isHard == false)
        let info = try #require(result.sample(1)?.info)
        #expect(info.reasons == [2])
        let detail = try #require(info.details.first)
        #expect(detail.score == 1)
        #expect(detail.reference?.hasPrefix("10 of the 10 nearest training neighbours are labelled 'b'; 0 agree") == true, "\(detail.reference ?? "")")
    }

    @Test func sampleFarFromItsPredictedClassFiresReasonThree() throws {
        let configuration = configuration([3])
        var reference = TrainingReference(configuration: configuration)
        for point in grid { reference.add(ReferenceItem(classLabels: ["a"], embedding: point)) }
        for point in grid { reference.add(ReferenceItem(classLabels: ["b"], embedding: [point[0] + 3, point[1]])) }
        let training = reference.finalize()
        let centroid = try #require(training.embeddings?.centroids["a"])
        #expect(abs(centroid[0] - 0.45) < 1e-9 && abs(centroid[1] - 0.2) < 1e-9)
        let result = MiningFixtures.mine([sample(0, [0.5, 0.25]), sample(1, [3.4, 0.2])], configuration: configuration, training: training)
        #expect(result.sample(0)?.info?.isHard == false)
        let far = try #require(result.sample(1)?.info)
        #expect(far.reasons == [3])
        #expect(abs((far.details.first?.measured ?? 0) - 2.95) < 1e-9)
        #expect(far.details.first?.reference?.contains("distance to the training centroid of 'a'") == true)
    }

    @Test func consecutiveSimilarFramesThatDisagreeFireReasonFour() throws {
        var configuration = configuration([4])
        configuration.temporal.maximumDistance = 0.05
        // Frames in natural order frame1 … frame5 (given shuffled); frame3 says "b". frame10 is far away.
        let samples = [
            sample(0, [0.0, 0.0], label: "a", source: "frame3.png").with(label: "b"),
            sample(1, [0.01, 0.0], label: "a", source: "frame1.png"),
            sample(2, [0.0, 0.01], label: "a", source: "frame10.png").with(embedding: [9, 9]),
            sample(3, [0.02, 0.0], label: "a", source: "frame2.png"),
            sample(4, [0.0, 0.02], label: "a", source: "frame4.png"),
            sample(5, [0.01, 0.01], label: "a", source: "frame5.png"),
        ]
        let result = MiningFixtures.mine(samples, configuration: configuration)
        let middle = try #require(result.sample(0)?.info)
        #expect(middle.reasons == [4])
        #expect(middle.details.first?.score == 1)
        #expect(middle.details.first?.reference?.contains("2 of 2 similar neighbour(s) in natural file order") == true, "\(middle.details.first?.reference ?? "")")
        #expect(result.sample(3)?.info?.reasons == [4])
        #expect(result.sample(4)?.info?.reasons == [4])
        #expect(result.sample(3)?.info?.details.first?.score == 0.5)
        #expect(result.sample(1)?.info?.isHard == false)
        #expect(result.sample(5)?.info?.isHard == false)
        #expect(result.sample(2)?.info?.isHard == false)
    }

    @Test func captureTimeOrdersWhenEverySampleHasOne() throws {
        var configuration = configuration([4])
        configuration.temporal.maximumDistance = 0.05
        // By name x1b would sit between x1 and x2; by time it comes last.
        var samples = [sample(0, [0, 0], source: "x1.png"), sample(1, [0, 0], source: "x2.png"), sample(2, [0, 0], label: "b", source: "x1b.png")]
        for (index, time) in [10.0, 20, 30].enumerated() { samples[index].captureTime = time }
        let result = MiningFixtures.mine(samples, configuration: configuration)
        #expect(result.sample(0)?.info?.isHard == false)
        #expect(result.sample(2)?.info?.reasons == [4])
        #expect(result.sample(2)?.info?.details.first?.reference?.contains("capture time") == true)
    }

    @Test func missingOrMismatchedEmbeddingsAreSkipped() {
        let samples = grid.enumerated().map { sample($0.offset, $0.element) } + [sample(50, [1, 2, 3]), sample(51, [])]
        let result = MiningFixtures.mine(samples, configuration: configuration([2, 3, 4, 30]))
        #expect(result.sample(50)?.info?.isHard == false)
        #expect(result.sample(51)?.info?.isHard == false)
    }
}

extension MiningSample {
    /// The sample with its prediction's label replaced.
    fileprivate func with(label: String) -> MiningSample {
        var copy = self
        copy.outcome = .prediction(MiningFixtures.classification([(label, 0.99), ("z", 0.01)]))
        return copy
    }

    /// The sample with another embedding.
    fileprivate func with(embedding: [Double]) -> MiningSample {
        var copy = self
        copy.embedding = embedding
        return copy
    }
}
