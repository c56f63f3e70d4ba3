/// Rendered thumbnails kept in memory, least recently used first out, bounded by total bytes. Keys carry
/// the sample's revision (its update time), the size and the file's modification time and length, so a
/// confirmed correction or a replaced file is a new key and an old entry simply ages out.
actor ThumbnailCache {
    /// What identifies one rendering.
    struct Key: Hashable, Sendable {
        var sampleID: String
        var revision: Double
        var size: Int
        var fileModified: Double
        var fileLength: Int

        /// A strong validator for HTTP: the same key always renders the same bytes.
        var etag: String {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in "\(sampleID)|\(revision)|\(size)|\(fileModified)|\(fileLength)".utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            let hex = String(hash, radix: 16)
            return "\"t\(size)-\(String(repeating: "0", count: 16 - hex.count))\(hex)\""
        }
    }

    private struct Entry {
        var bytes: [UInt8]
        var lastUse: UInt64
    }

    let capacityBytes: Int
    private var entries: [Key: Entry] = [:]
    private var totalBytes = 0
    private var clock: UInt64 = 0
    private(set) var hits = 0
    private(set) var misses = 0

    /// A cache holding at most `capacityBytes` of JPEG data (default 32 MiB: about 2,000 grid thumbnails).
    init(capacityBytes: Int = 32 << 20) {
        self.capacityBytes = capacityBytes
    }

    func bytes(for key: Key) -> [UInt8]? {
        clock += 1
        guard var entry = entries[key] else {
            misses += 1
            return nil
        }
        hits += 1
        entry.lastUse = clock
        entries[key] = entry
        return entry.bytes
    }

    func store(_ bytes: [UInt8], for key: Key) {
        guard bytes.count <= capacityBytes / 4 else { return }
        clock += 1
        if let old = entries.updateValue(Entry(bytes: bytes, lastUse: clock), forKey: key) { totalBytes -= old.bytes.count }
        totalBytes += bytes.count
        guard totalBytes > capacityBytes else { return }
        // Evict the least recently used quarter at once, so eviction's sort is paid rarely.
        let victims = entries.sorted { $0.value.lastUse < $1.value.lastUse }
        for (victimKey, entry) in victims where totalBytes > capacityBytes * 3 / 4 {
            entries[victimKey] = nil
            totalBytes -= entry.bytes.count
        }
    }

    /// How many renderings and bytes are held.
    var usage: (count: Int, bytes: Int) { (entries.count, totalBytes) }
}
