import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WinnowCore
import WinnowStore
@testable import WinnowServer

/// Access tokens, sessions and CSRF, request size limits, and serving images only from registered folders.
@Suite struct SecurityTests {
    @Test func apiCallsNeedTheBearerToken() async throws {
        let server = try TestServer(token: "s3cret")
        try await server.test { client in
            try await client.execute(uri: "/v1/datasets", method: .get) { response throws in
                try JSON.expectError(response, .unauthorized, "WINNOW.UNAUTHORIZED")
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            }
            try await client.execute(uri: "/v1/datasets", method: .get, headers: [.authorization: "Bearer wrong"]) { response throws in
                try JSON.expectError(response, .unauthorized, "WINNOW.UNAUTHORIZED")
            }
            try await client.execute(uri: "/v1/datasets", method: .get, headers: [.authorization: "Basic czNjcmV0"]) { response throws in
                try JSON.expectError(response, .unauthorized, "WINNOW.UNAUTHORIZED")
            }
            try await client.execute(uri: "/openapi.json", method: .get) { response in #expect(response.status == .unauthorized) }
            try await client.execute(uri: "/v1/datasets", method: .get, headers: [.authorization: "Bearer s3cret"]) { response throws in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func consoleLogsInWithTheTokenIntoAnHttpOnlySession() async throws {
        let server = try TestServer(token: "s3cret")
        try await server.test { client in
            let (cookie, csrf) = try await client.execute(uri: "/services", method: .get) { response throws in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login?next=/services")
                return (try Self.sessionCookie(response), "")
            }
            let token = try await client.execute(uri: "/login", method: .get, headers: [.cookie: cookie]) { response throws in
                #expect(response.status == .ok)
                return try Self.csrf(String(buffer: response.body))
            }
            #expect(csrf.isEmpty && !token.isEmpty)
            try await client.execute(uri: "/login", method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "csrf=\(token)&token=nope&next=/datasets")) { response throws in
                #expect(response.status == .unauthorized)
            }
            let session = try await client.execute(uri: "/login", method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                                   body: ByteBuffer(string: "csrf=\(token)&token=s3cret&next=/datasets")) { response throws in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/datasets")
                let header = try #require(response.headers[.setCookie])
                #expect(header.contains("HttpOnly"))
                #expect(header.contains("SameSite=Strict"))
                return try Self.sessionCookie(response)
            }
            #expect(session != cookie)
            try await client.execute(uri: "/datasets", method: .get, headers: [.cookie: session]) { response in #expect(response.status == .ok) }
            // The old, pre-login session id is worth nothing.
            try await client.execute(uri: "/datasets", method: .get, headers: [.cookie: cookie]) { response in #expect(response.status == .seeOther) }
        }
    }

    @Test func consoleFormsNeedTheSessionsCSRFToken() async throws {
        let server = try TestServer()
        try await server.test { client in
            let (cookie, token) = try await client.execute(uri: "/datasets", method: .get) { response throws in
                (try Self.sessionCookie(response), try Self.csrf(String(buffer: response.body)))
            }
            let form: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            for body in ["name=a&labeling_type=image_classification", "csrf=forged&name=a&labeling_type=image_classification"] {
                try await client.execute(uri: "/datasets", method: .post, headers: form, body: ByteBuffer(string: body)) { response throws in
                    #expect(response.status == .forbidden)
                    #expect(String(buffer: response.body).contains("WINNOW.FORBIDDEN"))
                }
            }
            try await client.execute(uri: "/datasets", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "csrf=\(token)&name=a&labeling_type=image_classification")) { response throws in
                #expect(response.status == .forbidden)
            }
            #expect(try await server.metadata.listDatasets().isEmpty)
            try await client.execute(uri: "/datasets", method: .post, headers: form,
                                     body: ByteBuffer(string: "csrf=\(token)&name=a&labeling_type=image_classification")) { response throws in
                #expect(response.status == .seeOther)
            }
            #expect(try await server.metadata.dataset(named: "a") != nil)
        }
    }

    @Test func bodiesOverTheLimitGet413() async throws {
        let server = try TestServer()
        try await server.test { client in
            let large = ByteBuffer(string: #"{"name": "x", "labeling_type": "image_classification", "description": ""# + String(repeating: "a", count: 80 << 10) + #""}"#)
            try await client.execute(uri: "/v1/datasets", method: .post, body: large) { response throws in
                try JSON.expectError(response, .contentTooLarge, "WINNOW.TOO_LARGE")
            }
            try await client.execute(uri: "/datasets", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: large) { response throws in
                #expect(response.status == .contentTooLarge)
            }
        }
    }

    @Test func imagesAreServedOnlyFromRegisteredFolders() async throws {
        var server = try TestServer()
        server.runsEngine = false
        let (input, output) = try server.importedService()
        try server.write("secret.png", TestServer.png("secret"))
        try server.write("in/%2e%2e/secret.png", TestServer.png("literal"))
        try FileManager.default.createSymbolicLink(atPath: server.path("in/link.png"), withDestinationPath: server.path("secret.png"))
        try FileManager.default.createSymbolicLink(atPath: server.path("in/dir-link"), withDestinationPath: server.directory.path)
        let sources: [(String, String, HTTPResponse.Status)] = [
            ("ok", input + "/a.png", .ok),
            ("dotdot", input + "/../secret.png", .forbidden),
            ("encoded", input + "/%2e%2e/secret.png", .ok),
            ("encoded-missing", input + "/%2e%2e/%2e%2e/secret.png", .notFound),
            ("absolute", "/etc/passwd", .forbidden),
            ("symlink", input + "/link.png", .forbidden),
            ("dirlink", input + "/dir-link/secret.png", .forbidden),
            ("missing", input + "/none.png", .notFound),
            ("remote", "s3://bucket/a.png", .notFound),
        ]
        try await server.seed(Dataset(id: "d", name: "d", labelingType: .imageClassification),
                              sources.map { Sample(id: $0.0, datasetID: "d", source: $0.1) })
        try await server.test { client in
            try await client.execute(uri: "/v1/services/import-output", method: .post,
                                     body: JSON.body(#"{"name": "svc", "type": "image_classification", "input": "\#(input)", "output": "\#(output)"}"#)) { response throws in
                #expect(response.status == .created)
            }
            for (id, source, status) in sources {
                for route in ["/v1/samples/\(id)/image", "/v1/samples/\(id)/thumbnail", "/samples/\(id)/image"] {
                    try await client.execute(uri: route, method: .get) { response throws in
                        #expect(response.status == status, "\(route) for \(source): \(String(buffer: response.body))")
                        if status == .ok {
                            #expect(response.headers[.contentType] == (route.hasSuffix("/thumbnail") ? "image/jpeg" : "image/png"))
                        } else if route.hasPrefix("/v1") {
                            let code = try JSON.object(response)["error_code"] as? String
                            #expect(code == (status == .forbidden ? "WINNOW.FORBIDDEN" : "WINNOW.NOT_FOUND"))
                        }
                    }
                }
            }
            for uri in ["/assets/..%2f..%2fetc%2fpasswd", "/assets/../../etc/passwd", "/v1/samples/..%2f..%2fetc%2fpasswd/image", "/samples/%2e%2e/image"] {
                try await client.execute(uri: uri, method: .get) { response throws in
                    #expect(response.status == .notFound, "\(uri)")
                }
            }
        }
    }

    @Test func importedManifestFoldersBecomeRegistered() async throws {
        var server = try TestServer()
        server.runsEngine = false
        try server.write("imports/images/x.png", TestServer.png("x"))
        let manifest = try server.write("imports/set.manifest", #"{"source": "./images/x.png"}"# + "\n")
        try await server.test { client in
            try await client.execute(uri: "/v1/datasets", method: .post, body: JSON.body(#"{"name": "set", "labeling_type": "image_classification"}"#)) { _ in }
            try await client.execute(uri: "/v1/datasets/set/import", method: .post, body: JSON.body(#"{"manifest": "\#(manifest)"}"#)) { response throws in
                #expect(try JSON.object(response)["inserted"] as? Int == 1)
            }
            let id = try await client.execute(uri: "/v1/datasets/set/samples", method: .get) { response throws in
                try JSON.object(response)["samples"].flatMap { $0 as? [[String: Any]] }?.first?["id"] as? String
            }
            try await client.execute(uri: "/v1/samples/\(try #require(id))/image", method: .get) { response throws in
                #expect(response.status == .ok)
            }
        }
    }

    static func sessionCookie(_ response: TestResponse) throws -> String {
        let header = try #require(response.headers[.setCookie])
        return try #require(header.split(separator: ";").first.map(String.init))
    }

    static func csrf(_ page: String) throws -> String {
        let marker = #"name="csrf" value=""#
        let start = try #require(page.range(of: marker)).upperBound
        return String(page[start...].prefix { $0 != "\"" })
    }
}
