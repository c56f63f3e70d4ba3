import Testing
import WinnowCore

@Suite struct HardReasonTests {
    @Test func catalogueHasThirtyOneReasonsNumberedByIndex() {
        #expect(HardReason.catalogue.count == 31)
        for (index, reason) in HardReason.catalogue.enumerated() {
            #expect(reason.id == index)
            #expect(!reason.alias.isEmpty && !reason.description.isEmpty && !reason.suggestion.isEmpty)
        }
        #expect(Set(HardReason.catalogue.map(\.alias)).count == 31)
    }

    @Test func groupsFollowModelArtsNumbering() {
        #expect(HardReason.withID(0)?.group == .prediction)
        #expect(HardReason.withID(1)?.group == .prediction)
        #expect((5...10).allSatisfy { HardReason.withID($0)?.group == .imageFeatureDrift })
        #expect((11...18).allSatisfy { HardReason.withID($0)?.group == .boxFeatureDrift })
        #expect((19...29).allSatisfy { HardReason.withID($0)?.group == .augmentationConsistency })
        #expect(HardReason.withID(30)?.group == .anomaly)
        #expect(HardReason.withID(31) == nil)
    }

    @Test func boxReasonsApplyToDetectionOnly() throws {
        let boxCount = try #require(HardReason.withID(11))
        #expect(boxCount.applies(to: .objectDetection))
        #expect(!boxCount.applies(to: .imageClassification))
        #expect(!HardReason.catalogue[1].applies(to: .textClassification))
    }

    @Test func parsesAndFormatsReasonLists() throws {
        #expect(try HardReason.parseList("3-20-21-19") == [3, 19, 20, 21])
        #expect(try HardReason.parseList(" ") == [])
        #expect(HardReason.formatList([3, 19, 20]) == "3-19-20")
        #expect(throws: ValidationError.self) { try HardReason.parseList("3-31") }
        #expect(throws: ValidationError.self) { try HardReason.parseList("3--4") }
        #expect(throws: ValidationError.self) { try HardReason.parseList("a") }
    }
}
