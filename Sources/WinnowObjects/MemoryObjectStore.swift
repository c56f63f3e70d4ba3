/// An object store held in memory, for tests.
public actor MemoryObjectStore: ObjectStore {
    private var objects: [ObjectKey: [UInt8]] = [:]

    public init() {}

    public func put(_ key: ObjectKey, _ bytes: [UInt8]) { objects[key] = bytes }

    public func get(_ key: ObjectKey, maximumSize: Int) throws -> [UInt8] {
        guard let bytes = objects[key] else { throw ObjectStoreError(.notFound, "no object '\(key)'") }
        guard bytes.count <= maximumSize else {
            throw ObjectStoreError(.tooLarge, "object '\(key)' has \(bytes.count) bytes, more than the \(maximumSize) allowed")
        }
        return bytes
    }

    public func exists(_ key: ObjectKey) -> Bool { objects[key] != nil }

    public func delete(_ key: ObjectKey) { objects[key] = nil }

    public func list(prefix: String) throws -> [ObjectKey] {
        try ObjectKey.checkPrefix(prefix)
        return objects.keys.filter { $0.rawValue.hasPrefix(prefix) }.sorted()
    }
}
