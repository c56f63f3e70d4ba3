/// Where Winnow keeps files it owns: batch outputs, thumbnails, exported manifests. A local folder
/// is the default; S3-compatible storage serves scale-out. All pass `ObjectStoreConformance`.
public protocol ObjectStore: Sendable {
    /// Stores `bytes` at `key`, replacing what was there. Readers never see a partial object.
    func put(_ key: ObjectKey, _ bytes: [UInt8]) async throws
    /// The object's bytes. Throws `.notFound`, or `.tooLarge` past `maximumSize`.
    func get(_ key: ObjectKey, maximumSize: Int) async throws -> [UInt8]
    /// Whether an object exists at `key`.
    func exists(_ key: ObjectKey) async throws -> Bool
    /// Removes the object; removing a missing object is not an error.
    func delete(_ key: ObjectKey) async throws
    /// Keys starting with `prefix`, in byte order.
    func list(prefix: String) async throws -> [ObjectKey]
    /// Keys starting with `prefix`, in byte order, as they arrive: a paging backend (S3) yields each
    /// page before asking for the next. The default implementation calls ``list(prefix:)``.
    func keys(prefix: String) -> AsyncThrowingStream<ObjectKey, any Error>
}

extension ObjectStore {
    /// The object's bytes, up to 1 GiB.
    public func get(_ key: ObjectKey) async throws -> [UInt8] {
        try await get(key, maximumSize: 1 << 30)
    }

    public func keys(prefix: String) -> AsyncThrowingStream<ObjectKey, any Error> {
        let cursor = ListedKeys(store: self, prefix: prefix)
        return AsyncThrowingStream(unfolding: { try await cursor.next() })
    }
}

/// The default ``ObjectStore/keys(prefix:)``: lists once, then hands the keys out one by one.
private actor ListedKeys {
    let store: any ObjectStore
    let prefix: String
    var keys: [ObjectKey]?
    var index = 0

    init(store: any ObjectStore, prefix: String) {
        self.store = store
        self.prefix = prefix
    }

    func next() async throws -> ObjectKey? {
        if keys == nil { keys = try await store.list(prefix: prefix) }
        guard let keys, index < keys.count else { return nil }
        defer { index += 1 }
        return keys[index]
    }
}
