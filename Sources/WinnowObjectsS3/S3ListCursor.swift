import NIOHTTP1
import WinnowCore
import WinnowObjects

/// Pages through ListObjectsV2 for ``S3ObjectStore/keys(prefix:)``: one page at a time, following
/// continuation tokens, handing keys out one by one.
actor S3ListCursor {
    let store: S3ObjectStore
    let prefix: String
    private var buffer: [ObjectKey] = []
    private var index = 0
    private var token: String?
    private var finished = false
    private var started = false

    init(store: S3ObjectStore, prefix: String) {
        self.store = store
        self.prefix = prefix
    }

    func next() async throws -> ObjectKey? {
        while index >= buffer.count {
            guard !finished else { return nil }
            try await fetchPage()
        }
        defer { index += 1 }
        return buffer[index]
    }

    private func fetchPage() async throws {
        if !started {
            try ObjectKey.checkPrefix(prefix)
            started = true
        }
        let fullPrefix = store.location.prefix + prefix
        var query: [(name: String, value: String)] = [
            (name: "list-type", value: "2"),
            (name: "max-keys", value: String(store.configuration.listPageSize)),
        ]
        if !fullPrefix.isEmpty { query.append((name: "prefix", value: fullPrefix)) }
        if let token { query.append((name: "continuation-token", value: token)) }
        let resource = "\(store.location.scheme)://\(store.bucket)/\(fullPrefix)"
        let response = try await store.send(.GET, object: nil, query: query, operation: "ListObjectsV2", resource: resource)
        let page = try S3ListPage(response.body, resource: resource)
        // Keys Winnow could not address (`a//b`, `../x`) are left out: no ObjectKey can name them.
        buffer = page.keys.compactMap { name in
            guard name.hasPrefix(store.location.prefix) else { return nil }
            return try? ObjectKey(String(name.dropFirst(store.location.prefix.count)))
        }
        index = 0
        if page.isTruncated, let next = page.continuationToken, !next.isEmpty, next != token {
            token = next
        } else {
            finished = true
        }
    }
}

/// One ListObjectsV2 answer (`ListBucketResult`).
struct S3ListPage: Sendable {
    var keys: [String]
    var isTruncated: Bool
    var continuationToken: String?

    init(_ body: [UInt8], resource: String) throws(ObjectStoreError) {
        let root: XMLTreeElement
        do {
            root = try XMLTreeParser.parse(body)
        } catch {
            throw ObjectStoreError(.io, "\(resource): the storage's ListObjectsV2 answer is not XML: \(error)")
        }
        guard root.name == "ListBucketResult" else {
            throw ObjectStoreError(.io, "\(resource): the storage answered ListObjectsV2 with <\(root.name)>, not <ListBucketResult>")
        }
        keys = root.children(named: "Contents").compactMap { $0.firstChild(named: "Key")?.text }
        isTruncated = root.firstChild(named: "IsTruncated")?.text.lowercased() == "true"
        continuationToken = root.firstChild(named: "NextContinuationToken")?.text
    }
}
