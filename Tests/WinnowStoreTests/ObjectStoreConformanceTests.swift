import Foundation
import Testing
import WinnowObjects
import WinnowTesting

/// Runs the object-store conformance suite against the stores that need no server.
@Suite struct ObjectStoreConformanceTests {
    @Test("in-memory object store", arguments: ObjectStoreConformance.checks)
    func memory(_ check: ObjectStoreConformance.Check) async throws {
        try await check.run(MemoryObjectStore())
    }

    @Test("local-folder object store", arguments: ObjectStoreConformance.checks)
    func localFolder(_ check: ObjectStoreConformance.Check) async throws {
        let directory = try TemporaryDirectory()
        try await check.run(try LocalFolderObjectStore(root: directory.path("objects")))
    }

    @Test func localFolderWritesLeaveNoTemporaryFiles() async throws {
        let directory = try TemporaryDirectory()
        let store = try LocalFolderObjectStore(root: directory.path("objects"))
        try await store.put(try ObjectKey("a/b.txt"), Array("x".utf8))
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path("objects/a"))
        #expect(names == ["b.txt"])
    }
}
