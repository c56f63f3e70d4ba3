import Foundation
import Testing
import WinnowCore

/// A task's status machine when a run begins.
@Suite struct CollectionTaskRunTests {
    private func task(_ status: CollectionTaskStatus, startedAt: Date? = nil, failure: String? = nil) -> CollectionTask {
        CollectionTask(
            kind: .filter, serviceID: "svc", serviceName: "svc", datasetID: "ds", datasetName: "ds", status: status,
            failureReason: failure, startedAt: startedAt)
    }

    @Test func aQueuedTaskBeginsRunningAndIsStampedOnce() throws {
        let first = Date(timeIntervalSinceReferenceDate: 1_000)
        var queued = task(.queued)
        try queued.beginRun(at: first)
        #expect(queued.status == .running)
        #expect(queued.startedAt == first)
        // A retried task keeps the first run's start and loses the old failure.
        var retried = task(.queued, startedAt: first, failure: "model server died")
        try retried.beginRun(at: first.addingTimeInterval(60))
        #expect(retried.startedAt == first)
        #expect(retried.failureReason == nil)
    }

    @Test func aFinishedTaskCannotBeginARun() {
        var done = task(.completed)
        #expect(throws: StatusTransitionError.self) { try done.beginRun() }
        #expect(done.status == .completed)
        #expect(done.startedAt == nil)
    }
}
