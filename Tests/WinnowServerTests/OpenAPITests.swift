import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import WinnowCore
@testable import WinnowServer

/// The OpenAPI document and the router agree on every `/v1` route.
@Suite struct OpenAPITests {
    @Test func everyRouteIsDocumentedAndEveryDocumentedPathIsRouted() async throws {
        let server = try TestServer()
        let router = buildRouter(ServerEnvironment(configuration: server.configuration, logger: Logger(label: "test")))
        let routed = Set(router.routes.filter { $0.path.description.hasPrefix("/v1/") }.map { "\($0.method.rawValue.lowercased()) \($0.path.description)" })
        let document = try #require(OpenAPIDocument.json().objectValue)
        let paths = try #require(document["paths"]?.objectValue)
        let documented = Set(paths.flatMap { path, operations in (operations.objectValue ?? [:]).keys.map { "\($0) \(path)" } })
        #expect(routed.subtracting(documented).isEmpty, "routes missing from /openapi.json: \(routed.subtracting(documented).sorted())")
        #expect(documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed).sorted())")
        #expect(routed.count >= 30)
    }

    @Test func theDocumentIsServedAndItsReferencesResolve() async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response throws in
                #expect(response.status == .ok)
                let value = try JSONParser.parse(Array(response.body.readableBytesView))
                #expect(value.objectValue?["openapi"]?.stringValue == "3.0.3")
                let schemas = Set(value.objectValue?["components"]?.objectValue?["schemas"]?.objectValue?.keys.map { $0 } ?? [])
                var references: Set<String> = []
                func collect(_ value: JSONValue) {
                    switch value {
                    case .object(let object):
                        if let target = object["$ref"]?.stringValue { references.insert(String(target.dropFirst("#/components/schemas/".count))) }
                        object.values.forEach(collect)
                    case .array(let items): items.forEach(collect)
                    default: break
                    }
                }
                collect(value)
                #expect(references.subtracting(schemas).isEmpty, "unresolved: \(references.subtracting(schemas).sorted())")
            }
        }
    }

    @Test func theFilterRequestSchemaListsExactlyTheFieldsTheBodyAccepts() throws {
        let schemas = try #require(OpenAPIDocument.json().objectValue?["components"]?.objectValue?["schemas"]?.objectValue)
        let properties = try #require(schemas["FilterRequest"]?.objectValue?["properties"]?.objectValue)
        #expect(Set(properties.keys) == FilterBody.fields)
        let ranking = try #require(properties["ranking"]?.objectValue?["enum"]?.arrayValue)
        #expect(ranking.compactMap(\.stringValue) == ["coefficient", "informativeness"])
    }
}
