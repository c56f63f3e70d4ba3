import Testing
import WinnowCore

@Suite struct ResourceLocationTests {
    @Test(arguments: [
        ("s3://bucket/a/b.jpg", ResourceLocation.object(scheme: "s3", bucket: "bucket", key: "a/b.jpg")),
        ("S3://bucket/x.jpg", .object(scheme: "s3", bucket: "bucket", key: "x.jpg")),
        ("obs://bkt/k", .object(scheme: "obs", bucket: "bkt", key: "k")),
        ("s3a://bkt/k", .object(scheme: "s3a", bucket: "bkt", key: "k")),
        ("https://host/x.jpg?sig=1", .web("https://host/x.jpg?sig=1")),
        ("/abs/../abs2/./x.png", .file("/abs2/x.png")),
        ("file:///abs/x.png", .file("/abs/x.png")),
        ("../batch-input/b0001.png", .file("/data/batch-input/b0001.png")),
        ("./voc/a.xml", .file("/data/manifests/voc/a.xml")),
        ("content://hello", .inline("hello")),
    ])
    func parses(text: String, expected: ResourceLocation) throws {
        #expect(try ResourceLocation(parsing: text, relativeTo: "/data/manifests") == expected)
    }

    @Test func rejectsWhatCannotBeResolved() {
        #expect(throws: ValidationError.self) { try ResourceLocation(parsing: "", relativeTo: "/x") }
        #expect(throws: ValidationError.self) { try ResourceLocation(parsing: "ftp://a/b", relativeTo: "/x") }
        #expect(throws: ValidationError.self) { try ResourceLocation(parsing: "s3:///key", relativeTo: "/x") }
        #expect(throws: ValidationError.self) { try ResourceLocation(parsing: "a.jpg", relativeTo: nil) }
    }

    @Test func relativePathsInAnObjectManifestResolveAgainstItsPrefix() throws {
        #expect(try ResourceLocation(parsing: "./img/a.jpg", relativeTo: "s3://b/train") == .object(scheme: "s3", bucket: "b", key: "train/img/a.jpg"))
        #expect(try ResourceLocation(parsing: "../in/x.png", relativeTo: "obs://b/sets/train") == .object(scheme: "obs", bucket: "b", key: "sets/in/x.png"))
        #expect(try ResourceLocation(parsing: "a.jpg", relativeTo: "s3://b/") == .object(scheme: "s3", bucket: "b", key: "a.jpg"))
        #expect(throws: ValidationError.self) { try ResourceLocation(parsing: "../../a.jpg", relativeTo: "s3://b/train") }
        // Absolute paths and URIs are not affected by an object base.
        #expect(try ResourceLocation(parsing: "/data/a.jpg", relativeTo: "s3://b/train") == .file("/data/a.jpg"))
    }

    @Test func fileNameAndRelativePath() throws {
        #expect(try ResourceLocation(parsing: "https://h/p/img.jpg?x=1", relativeTo: nil).fileName == "img.jpg")
        #expect(ResourceLocation.relativePath("/out/ann/a.xml", from: "/out") == "ann/a.xml")
        #expect(ResourceLocation.relativePath("/elsewhere/a.xml", from: "/out") == "/elsewhere/a.xml")
    }
}
