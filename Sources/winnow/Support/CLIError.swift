import ArgumentParser
import Foundation
import WinnowCore
import WinnowEngine
import WinnowImaging
import WinnowObjects
import WinnowStore

/// A failure the CLI reports in one sentence, exiting with status 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs a command body, printing any failure as `winnow: message` (with each problem on its own line)
/// to standard error and exiting with status 1.
func reportingFailures(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as ExitCode {
        throw error
    } catch let error as EngineError {
        Console.error("winnow: " + error.message)
        for problem in error.problems { Console.error(problem.description) }
        throw ExitCode(1)
    } catch let error as CLIError {
        Console.error("winnow: " + error.description)
        throw ExitCode(1)
    } catch let error as StoreError {
        Console.error("winnow: " + error.message)
        throw ExitCode(1)
    } catch let error as ImageError {
        Console.error("winnow: " + error.description)
        throw ExitCode(1)
    } catch let error as ObjectStoreError {
        Console.error("winnow: " + error.message)
        throw ExitCode(1)
    }
}

/// Writing to standard output and standard error.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints `value` as pretty, key-sorted JSON.
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // snake_case keys throughout, as the REST API writes them (runID → run_id).
        encoder.keyEncodingStrategy = .convertToSnakeCase
        out(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
