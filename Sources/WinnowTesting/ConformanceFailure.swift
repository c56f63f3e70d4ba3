/// A conformance check that did not hold, with where in the suite it was checked.
public struct ConformanceFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var location: String

    public init(_ message: String, fileID: String = #fileID, line: Int = #line) {
        self.message = message
        self.location = "\(fileID):\(line)"
    }

    public var description: String { "\(location): \(message)" }
}

/// Throws a ``ConformanceFailure`` unless `condition` holds.
func check(
    _ condition: @autoclosure () throws -> Bool, _ message: @autoclosure () -> String,
    fileID: String = #fileID, line: Int = #line
) throws {
    guard try condition() else { throw ConformanceFailure(message(), fileID: fileID, line: line) }
}

/// Throws a ``ConformanceFailure`` unless `actual == expected`.
func checkEqual<T: Equatable>(
    _ actual: T, _ expected: T, _ what: String, fileID: String = #fileID, line: Int = #line
) throws {
    guard actual == expected else {
        throw ConformanceFailure("\(what): expected \(expected), got \(actual)", fileID: fileID, line: line)
    }
}

/// Runs `body` and requires it to throw an error for which `matches` holds.
func checkThrows(
    _ what: String, fileID: String = #fileID, line: Int = #line,
    matching matches: (any Error) -> Bool = { _ in true }, _ body: () async throws -> Void
) async throws {
    do {
        try await body()
    } catch {
        guard matches(error) else { throw ConformanceFailure("\(what): threw the wrong error: \(error)", fileID: fileID, line: line) }
        return
    }
    throw ConformanceFailure("\(what): expected an error, none was thrown", fileID: fileID, line: line)
}
