public import WinnowObjects

/// The behaviour every ``ObjectStore`` must show, as named checks run against a fresh, empty store.
public enum ObjectStoreConformance {
    public struct Check: Sendable, CustomStringConvertible {
        public let name: String
        public let run: @Sendable (any ObjectStore) async throws -> Void
        public var description: String { name }
    }

    public static let checks: [Check] = [
        Check(name: "put, get, exists and delete") { store in
            let key = try ObjectKey("a/b/c.txt")
            try checkEqual(try await store.exists(key), false, "exists before put")
            try await store.put(key, Array("hello".utf8))
            try checkEqual(try await store.get(key), Array("hello".utf8), "get")
            try checkEqual(try await store.exists(key), true, "exists after put")
            try await store.put(key, [0, 255, 10])
            try checkEqual(try await store.get(key), [0, 255, 10], "get after overwrite")
            try await store.delete(key)
            try checkEqual(try await store.exists(key), false, "exists after delete")
            try await store.delete(key)
        },
        Check(name: "a missing object and an oversize read are refused") { store in
            try await checkThrows("get missing", matching: { ($0 as? ObjectStoreError)?.code == .notFound }) {
                _ = try await store.get(try ObjectKey("missing.bin"))
            }
            let key = try ObjectKey("big.bin")
            try await store.put(key, [UInt8](repeating: 7, count: 100))
            try await checkThrows("get past maximumSize", matching: { ($0 as? ObjectStoreError)?.code == .tooLarge }) {
                _ = try await store.get(key, maximumSize: 99)
            }
            try checkEqual(try await store.get(key, maximumSize: 100).count, 100, "get at maximumSize")
        },
        Check(name: "list returns keys under a prefix in byte order") { store in
            for name in ["x/2.txt", "x/1.txt", "x/sub/3.txt", "y/4.txt", "x1.txt"] {
                try await store.put(try ObjectKey(name), [1])
            }
            try checkEqual(try await store.list(prefix: "x/").map(\.rawValue), ["x/1.txt", "x/2.txt", "x/sub/3.txt"], "list x/")
            try checkEqual(try await store.list(prefix: "").count, 5, "list all")
            try checkEqual(try await store.list(prefix: "nothing/").count, 0, "list empty prefix")
            try await checkThrows("list with a traversal prefix", matching: { ($0 as? ObjectStoreError)?.code == .invalidKey }) {
                _ = try await store.list(prefix: "../")
            }
        },
        Check(name: "keys that would leave the store are refused") { _ in
            for bad in ["", "../etc/passwd", "a/../../b", "/abs", "a//b", "a/./b", "a\\b", "nul\u{0}x"] {
                try await checkThrows("key '\(bad)'", matching: { ($0 as? ObjectStoreError)?.code == .invalidKey }) {
                    _ = try ObjectKey(bad)
                }
            }
        },
    ]
}
