import Foundation

/// The regular files under a folder, depth-first, each folder's entries in byte-wise name order, listed
/// lazily one folder at a time (memory grows with the depth and the widest folder, not with the tree).
///
/// Hidden entries (names starting with `.`) are skipped; symbolic links to files are followed, links to
/// folders are not. A path that names a file, or nothing at all, lists just that path (so reading it
/// reports the problem). Nothing is filtered by extension: formats are told from the bytes when decoding.
public struct ImageFolder: Sequence, Sendable {
    /// The folder (or file) listed.
    public let root: String

    /// A listing of `root`.
    public init(path root: String) {
        self.root = root
    }

    /// An iterator over the file paths.
    public func makeIterator() -> Iterator { Iterator(root: root) }

    /// Walks the tree with a stack of partly listed folders.
    public struct Iterator: IteratorProtocol {
        private var stack: [(folder: String, names: [String], next: Int)] = []
        private var pendingFile: String?

        init(root: String) {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue {
                stack.append((root, Self.sortedNames(root), 0))
            } else {
                pendingFile = root
            }
        }

        /// The next file path, or `nil` at the end.
        public mutating func next() -> String? {
            if let file = pendingFile {
                pendingFile = nil
                return file
            }
            while let top = stack.last {
                guard top.next < top.names.count else {
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let path = top.folder.hasSuffix("/") ? top.folder + top.names[top.next] : top.folder + "/" + top.names[top.next]
                guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                      let type = attributes[.type] as? FileAttributeType else { continue }
                switch type {
                case .typeDirectory:
                    stack.append((path, Self.sortedNames(path), 0))
                case .typeRegular:
                    return path
                case .typeSymbolicLink:
                    var isDirectory: ObjCBool = false
                    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue { return path }
                default:
                    continue
                }
            }
            return nil
        }

        private static func sortedNames(_ folder: String) -> [String] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
    }
}
