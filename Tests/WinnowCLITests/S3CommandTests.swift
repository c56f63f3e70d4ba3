import Foundation
import Testing
import WinnowObjects
import WinnowObjectsS3

/// The CLI reading from S3 with the AWS_* variables, against the S3 test server (skipped without one).
@Suite(.enabled(
    if: ["ENDPOINT", "BUCKET", "ACCESS_KEY_ID", "SECRET_ACCESS_KEY"].allSatisfy { !(ProcessInfo.processInfo.environment["WINNOW_TEST_S3_" + $0] ?? "").isEmpty },
    "WINNOW_TEST_S3_* are unset: no S3 server (scripts/s3-test-server start; eval \"$(scripts/s3-test-server env)\")"
))
struct S3CommandTests {
    static let test = ProcessInfo.processInfo.environment

    static func awsEnvironment(secret: String? = nil) -> [String: String] {
        [
            "AWS_ACCESS_KEY_ID": test["WINNOW_TEST_S3_ACCESS_KEY_ID"] ?? "",
            "AWS_SECRET_ACCESS_KEY": secret ?? test["WINNOW_TEST_S3_SECRET_ACCESS_KEY"] ?? "",
            "AWS_REGION": test["WINNOW_TEST_S3_REGION"] ?? "us-east-1",
            "AWS_ENDPOINT_URL_S3": test["WINNOW_TEST_S3_ENDPOINT"] ?? "",
        ]
    }

    @Test("winnow validate reads annotation-loc files from S3; a wrong secret is reported naming the bucket")
    func validateWithS3Annotations() async throws {
        let bucket = Self.test["WINNOW_TEST_S3_BUCKET"] ?? ""
        let prefix = "winnow-cli-tests/\(UUID().uuidString.lowercased())/"
        let configuration = try S3Configuration.fromEnvironment(Self.awsEnvironment())
        let store = try S3ObjectStore(uri: "s3://\(bucket)/\(prefix)", configuration: configuration)
        try await store.put(try ObjectKey("ann/x.xml"), Array("""
            <annotation><folder>f</folder><filename>x.jpg</filename><source><database>Unknown</database></source>
            <size><width>100</width><height>80</height><depth>3</depth></size><segmented>0</segmented>
            <object><name>car</name><pose>Unspecified</pose><truncated>0</truncated><difficult>0</difficult>
            <bndbox><xmin>1</xmin><ymin>2</ymin><xmax>30</xmax><ymax>40</ymax></bndbox></object></annotation>
            """.utf8))
        let directory = try TemporaryDirectory()
        try directory.write("train.manifest", """
            {"source":"s3://\(bucket)/\(prefix)x.jpg","annotation":[{"type":"modelarts/object_detection","annotation-loc":"obs://\(bucket)/\(prefix)ann/x.xml","annotated-by":"human"}]}
            """)
        var winnow = WinnowProcess(in: directory)
        winnow.environment = Self.awsEnvironment()
        let valid = try winnow.run("validate", "train.manifest")
        #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")

        winnow.environment = Self.awsEnvironment(secret: "wrong-secret")
        let refused = try winnow.run("validate", "train.manifest")
        #expect(refused.status != 0)
        #expect(refused.stdout.contains("SignatureDoesNotMatch"), "\(refused.stdout)")
        #expect(refused.stdout.contains("bucket '\(bucket)'"), "\(refused.stdout)")
    }
}
