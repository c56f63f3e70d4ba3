import Testing
import WinnowCore

/// The byte-level path parser must give exactly what the general `String` code gives.
@Suite struct ResourceLocationFastPathTests {
    /// The general algorithm, as it was before the byte-level fast path: split on "/", drop empty
    /// and "." components, ".." removes the last one.
    static func referenceNormalise(_ path: String) -> String {
        var parts: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(component)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    @Test(arguments: [
        ("/a//b/./c/../d/", "/data", "/a/b/d"),
        ("../../../../x.png", "/data/m", "/x.png"),
        ("./a/./b/..", "/data", "/data/a"),
        ("a.png", "/", "/a.png"),
        ("..", "/", "/"),
        ("/", nil, "/"),
        ("...//..a/.b", "/d", "/d/.../..a/.b"),
        ("  ./a.png\t", "/d", "/d/a.png"),
        ("./é/ü.png", "/d", "/d/é/ü.png"),
        ("x.png", "/dé/../f", "/f/x.png"),
    ] as [(String, String?, String)])
    func resolvesLikeTheGeneralParser(text: String, base: String?, expected: String) throws {
        #expect(try ResourceLocation(parsing: text, relativeTo: base) == .file(expected))
    }

    @Test func randomASCIIPathsMatchTheReference() throws {
        var generator = SeededGenerator(seed: 42)
        let alphabet: [Character] = ["a", "b", ".", ".", "/", "/", "-", "_", "%"]
        for _ in 0..<5000 {
            let length = Int(generator.next() % 14) + 1
            var text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            if generator.next() % 2 == 0 { text = "/" + text }
            let base = "/base/./x//y"
            let location = try ResourceLocation(parsing: text, relativeTo: base)
            let expected = text.hasPrefix("/") ? Self.referenceNormalise(text) : Self.referenceNormalise(base + "/" + text)
            #expect(location == .file(expected), "\(text)")
            #expect(ResourceLocation.normalise(text) == Self.referenceNormalise(text), "\(text)")
        }
    }

    @Test func schemesAndBadTextStillTakeTheGeneralPath() throws {
        #expect(try ResourceLocation(parsing: "s3://b/k", relativeTo: "/d") == .object(scheme: "s3", bucket: "b", key: "k"))
        #expect(try ResourceLocation(parsing: "file:///a/../b", relativeTo: nil) == .file("/b"))
        #expect(throws: ValidationError.self) { try ResourceLocation(parsing: "a\u{0}b", relativeTo: "/d") }
        #expect(throws: ValidationError.self) { try ResourceLocation(parsing: "rel.png", relativeTo: nil) }
        #expect(throws: ValidationError.self) { try ResourceLocation(parsing: "   ", relativeTo: "/d") }
    }
}
