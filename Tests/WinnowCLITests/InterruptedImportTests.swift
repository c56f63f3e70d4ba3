import Foundation
import Testing

/// A process killed in the middle of an import leaves nothing half-imported.
@Suite struct InterruptedImportTests {
    @Test func killingAnImportLeavesAllOrNothingVisible() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        let lineCount = 80_000
        var text = ""
        text.reserveCapacity(lineCount * 120)
        for index in 0..<lineCount {
            text += #"{"source":"/pool/img\#(index).png","annotation":[{"type":"modelarts/image_classification","name":"c\#(index % 10)"}]}"# + "\n"
        }
        try directory.write("big.manifest", text)
        #expect(try winnow.run("dataset", "create", "big", "--type", "image_classification").status == 0)

        // Start the import, and kill it with SIGKILL while it runs.
        let process = winnow.start(["dataset", "import", "big.manifest", "--dataset", "big"])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 0.4)
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let shown = try winnow.run("dataset", "show", "big", "--json")
        #expect(shown.status == 0)
        let total = ((try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])?["statistics"] as? [String: Any])?["total"] as? Int
        #expect(total == 0 || total == lineCount, "a killed import must show nothing or everything, showed \(total ?? -1)")
        if wasRunning {
            #expect(total == 0)
            // Importing again completes, without duplicates.
            let again = try winnow.run("dataset", "import", "big.manifest", "--dataset", "big")
            #expect(again.status == 0, "\(again.stderr)")
            let after = try winnow.run("dataset", "show", "big", "--json")
            let finalTotal = ((try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])?["statistics"] as? [String: Any])?["total"] as? Int
            #expect(finalTotal == lineCount)
        }
    }
}
