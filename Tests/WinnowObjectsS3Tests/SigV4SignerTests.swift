import Foundation
import Testing
import WinnowObjectsS3

/// Signature Version 4 against AWS's published values: the SigV4 test suite (`get-vanilla` and
/// friends, service `service`) and the S3 documentation's header-signing examples.
@Suite struct SigV4SignerTests {
    static let suiteSigner = SigV4Signer(
        credentials: S3Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1", service: "service"
    )
    static let suiteDate = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z
    static let s3Signer = SigV4Signer(
        credentials: S3Credentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1"
    )
    static let s3Date = Date(timeIntervalSince1970: 1_369_353_600)  // 2013-05-24T00:00:00Z

    struct Vector: Sendable, CustomStringConvertible {
        var name: String
        var method = "GET"
        var path = "/"
        var query: [(name: String, value: String)] = []
        var signature: String
        var description: String { name }
    }

    static let unreserved = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

    static let suite: [Vector] = [
        Vector(name: "get-vanilla", signature: "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        Vector(
            name: "get-vanilla-query-order-key-case", query: [("Param2", "value2"), ("Param1", "value1")],
            signature: "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"
        ),
        Vector(
            name: "get-vanilla-query-unreserved", query: [(unreserved, unreserved)],
            signature: "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"
        ),
        Vector(
            name: "get-utf8", path: S3URIEncoding.encode("/ሴ", keepSlash: true),
            signature: "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"
        ),
        Vector(
            name: "get-vanilla-utf8-query", query: [("ሴ", "bar")],
            signature: "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"
        ),
        Vector(name: "post-vanilla", method: "POST", signature: "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
    ]

    @Test("AWS SigV4 test suite", arguments: suite)
    func testSuite(_ vector: Vector) {
        let signed = Self.suiteSigner.sign(
            SigV4Signer.Request(method: vector.method, host: "example.amazonaws.com", path: vector.path, query: vector.query),
            at: Self.suiteDate
        )
        #expect(signed.signature == vector.signature)
        #expect(
            signed.authorization
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=\(vector.signature)"
        )
    }

    @Test("get-vanilla's canonical request and string to sign")
    func canonicalForms() {
        let signed = Self.suiteSigner.sign(
            SigV4Signer.Request(method: "GET", host: "example.amazonaws.com", path: "/", query: [("Param2", "value2"), ("Param1", "value1")]),
            at: Self.suiteDate
        )
        #expect(
            signed.canonicalRequest
                == "GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
                + SigV4Signer.emptyPayloadHash
        )
        #expect(
            signed.stringToSign
                == "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0"
        )
        #expect(signed.headers.map(\.name) == ["x-amz-date", "authorization"])
    }

    @Test("S3 docs: GET object with a range")
    func s3GetObject() {
        let signed = Self.s3Signer.sign(
            SigV4Signer.Request(
                method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/test.txt",
                headers: [("Range", "bytes=0-9"), ("x-amz-content-sha256", SigV4Signer.emptyPayloadHash)]
            ),
            at: Self.s3Date
        )
        #expect(
            signed.authorization
                == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
        )
    }

    @Test("S3 docs: PUT object with a signed payload and a key needing encoding")
    func s3PutObject() {
        let body = Array("Welcome to Amazon S3.".utf8)
        let hash = SigV4Signer.payloadHash(body)
        #expect(hash == "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
        let signed = Self.s3Signer.sign(
            SigV4Signer.Request(
                method: "PUT", host: "examplebucket.s3.amazonaws.com", path: "/" + S3URIEncoding.encode("test$file.text", keepSlash: true),
                headers: [
                    ("Date", "Fri, 24 May 2013 00:00:00 GMT"), ("x-amz-storage-class", "REDUCED_REDUNDANCY"),
                    ("x-amz-content-sha256", hash),
                ],
                payloadHash: hash
            ),
            at: Self.s3Date
        )
        #expect(signed.signature == "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")
        #expect(signed.authorization.contains("SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,"))
    }

    @Test("S3 docs: GET bucket lifecycle and list objects (query without a value, unsorted query)")
    func s3QueryExamples() {
        let headers = [(name: "x-amz-content-sha256", value: SigV4Signer.emptyPayloadHash)]
        let lifecycle = Self.s3Signer.sign(
            SigV4Signer.Request(method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/", query: [("lifecycle", "")], headers: headers),
            at: Self.s3Date
        )
        #expect(lifecycle.signature == "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543")
        let list = Self.s3Signer.sign(
            SigV4Signer.Request(
                method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/", query: [("prefix", "J"), ("max-keys", "2")],
                headers: headers
            ),
            at: Self.s3Date
        )
        #expect(list.signature == "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7")
    }

    @Test("a session token is sent and signed")
    func sessionToken() {
        var signer = Self.s3Signer
        signer.credentials.sessionToken = "FQoGZXIvYXdzEXAMPLE"
        let signed = signer.sign(SigV4Signer.Request(method: "GET", host: "b.s3.amazonaws.com", path: "/"), at: Self.s3Date)
        #expect(signed.headers.contains { $0.name == "x-amz-security-token" && $0.value == "FQoGZXIvYXdzEXAMPLE" })
        #expect(signed.authorization.contains("SignedHeaders=host;x-amz-date;x-amz-security-token,"))
        #expect(!String(describing: signer.credentials).contains("wJalr"))
    }

    @Test("URI encoding: unreserved kept, everything else as upper-case %XY, '/' only in paths")
    func encoding() {
        #expect(S3URIEncoding.encode("a b/ü.png", keepSlash: true) == "a%20b/%C3%BC.png")
        #expect(S3URIEncoding.encode("a/b") == "a%2Fb")
        #expect(S3URIEncoding.encode("x+y=z*~") == "x%2By%3Dz%2A~")
        #expect(S3URIEncoding.canonicalQuery([("uploads", ""), ("a", "x y")]) == "a=x%20y&uploads=")
    }

    @Test("header values are trimmed and inner spaces collapsed")
    func headerTrimming() {
        let signed = Self.suiteSigner.sign(
            SigV4Signer.Request(method: "GET", host: "example.amazonaws.com", path: "/", headers: [("My-Header1", "  a   b   c  ")]),
            at: Self.suiteDate
        )
        #expect(signed.canonicalRequest.contains("\nmy-header1:a b c\n"))
    }
}
