import Testing
import WinnowCore
import WinnowObjects
@testable import WinnowObjectsS3

/// Configuration from the environment and `s3://` URIs: no server needed.
@Suite struct S3ConfigurationTests {
    @Test("the AWS variables configure endpoint, region, credentials and addressing")
    func environment() throws {
        let configuration = try S3Configuration.fromEnvironment([
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_SESSION_TOKEN": "token",
            "AWS_DEFAULT_REGION": "eu-west-1", "AWS_ENDPOINT_URL": "http://127.0.0.1:9000/",
            "WINNOW_S3_MULTIPART_THRESHOLD": "1048576",
        ])
        #expect(configuration.endpointDescription == "http://127.0.0.1:9000")
        #expect(configuration.region == "eu-west-1")
        #expect(configuration.credentials == S3Credentials(accessKeyID: "AKID", secretAccessKey: "secret", sessionToken: "token"))
        #expect(configuration.addressingStyle == .path)
        #expect(configuration.multipartThreshold == 1 << 20)

        let aws = try S3Configuration.fromEnvironment([
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_REGION": "us-west-2", "AWS_DEFAULT_REGION": "eu-west-1",
        ])
        #expect(aws.endpointDescription == "https://s3.us-west-2.amazonaws.com")
        #expect(aws.addressingStyle == .virtualHosted)
        #expect(aws.multipartThreshold == 16 << 20)

        let specific = try S3Configuration.fromEnvironment([
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_ENDPOINT_URL": "http://a:1",
            "AWS_ENDPOINT_URL_S3": "https://obs.cn-north-4.myhuaweicloud.com", "WINNOW_S3_ADDRESSING_STYLE": "path",
        ])
        #expect(specific.endpointDescription == "https://obs.cn-north-4.myhuaweicloud.com")
        #expect(specific.region == "us-east-1")
        #expect(specific.addressingStyle == .path)
    }

    @Test("missing or wrong variables are named")
    func environmentErrors() {
        let cases: [([String: String], String)] = [
            (["AWS_ACCESS_KEY_ID": "AKID"], "AWS_SECRET_ACCESS_KEY"),
            (["AWS_ACCESS_KEY_ID": "A", "AWS_SECRET_ACCESS_KEY": "s", "AWS_ENDPOINT_URL_S3": "ftp://x"], "AWS_ENDPOINT_URL_S3"),
            (["AWS_ACCESS_KEY_ID": "A", "AWS_SECRET_ACCESS_KEY": "s", "WINNOW_S3_ADDRESSING_STYLE": "dns"], "WINNOW_S3_ADDRESSING_STYLE"),
            (["AWS_ACCESS_KEY_ID": "A", "AWS_SECRET_ACCESS_KEY": "s", "WINNOW_S3_PART_SIZE": "big"], "WINNOW_S3_PART_SIZE"),
        ]
        for (environment, variable) in cases {
            #expect {
                _ = try S3Configuration.fromEnvironment(environment)
            } throws: { error in
                (error as? ObjectStoreError)?.message.contains(variable) == true
            }
        }
    }

    @Test("s3:// and obs:// URIs give a bucket and a safe prefix")
    func uris() throws {
        #expect(try S3URI("s3://bucket") == S3URI(scheme: "s3", bucket: "bucket", prefix: ""))
        #expect(try S3URI("OBS://bucket/a/b") == S3URI(scheme: "obs", bucket: "bucket", prefix: "a/b/"))
        #expect(try S3URI("s3://bucket/a/").prefix == "a/")
        for bad in ["s3://", "s3:///key", "s3://bu cket/x", "s3://bucket/../x", "s3://bucket/a//b", "https://bucket/x"] {
            #expect(throws: ObjectStoreError.self, "\(bad)") { _ = try S3URI(bad) }
        }
    }

    @Test("a reader without credentials still reads local files and names the variables for objects")
    func readerWithoutCredentials() async throws {
        let reader = S3ResourceReader(environment: [:])
        #expect(try await reader.bytes(of: .inline("hi"), maximumSize: 10) == Array("hi".utf8))
        let error = try await #require(throws: ObjectStoreError.self) {
            _ = try await reader.bytes(of: .object(scheme: "s3", bucket: "b", key: "m.manifest"), maximumSize: 10)
        }
        #expect(error.message.contains("s3://b/m.manifest"))
        #expect(error.message.contains("AWS_ACCESS_KEY_ID"))
    }

    @Test("path-style and virtual-hosted-style requests put the bucket in the path or the host")
    func addressing() throws {
        let credentials = S3Credentials(accessKeyID: "AKID", secretAccessKey: "secret")
        let aws = try S3ObjectStore(uri: "s3://photos/batch 1/", configuration: .aws(region: "eu-west-1", credentials: credentials))
        #expect(aws.configuration.addressingStyle == .virtualHosted)
        let key = aws.objectName(try ObjectKey("a b/ü.jpg"))
        #expect(key == "batch 1/a b/ü.jpg")
        #expect(aws.target(object: key) == ("photos.s3.eu-west-1.amazonaws.com", "/batch%201/a%20b/%C3%BC.jpg"))
        #expect(aws.target(object: nil) == ("photos.s3.eu-west-1.amazonaws.com", "/"))

        let local = try S3ObjectStore(
            uri: "obs://photos", configuration: try S3Configuration(endpoint: "http://127.0.0.1:9000", region: "us-east-1", credentials: credentials)
        )
        #expect(local.configuration.addressingStyle == .path)
        #expect(local.target(object: "x/y.png") == ("127.0.0.1:9000", "/photos/x/y.png"))
        #expect(local.target(object: nil) == ("127.0.0.1:9000", "/photos"))
        #expect(
            local.url(host: "127.0.0.1:9000", path: "/photos", query: [("prefix", "a b/"), ("list-type", "2")])
                == "http://127.0.0.1:9000/photos?list-type=2&prefix=a%20b%2F"
        )
        // Default ports are left out of the Host header, as clients send it.
        let https = try S3Configuration(endpoint: "https://minio.example:443", region: "us-east-1", credentials: credentials)
        #expect(https.port == nil)
        #expect(https.endpointDescription == "https://minio.example")
    }
}
