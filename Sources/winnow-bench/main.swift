// winnow-bench: times WinnowCore's phase-1 scoring of reasons 0 and 1 on predictions that are already
// parsed, for bench/mining/run. Reads the answers (one ModelArts answer JSON per line) from a file,
// parses them untimed, then scores them all and prints one JSON object:
//   {"samples": N, "repeats": R, "phase1_per_second": r1, "per_second": r, "hard": h}
// (phase 1 alone, and phase 1 + phase 2: the decisions against the batch's own per-class thresholds).
// Usage: winnow-bench FILE image_classification|object_detection [REPEATS]
//
// With --stream (for bench/run, which times the whole process from outside), each line is parsed and
// scored as it is read, and only its phase-1 record is kept (what phase 2 needs), as `winnow mine` does:
//   winnow-bench --stream FILE image_classification|object_detection
// prints {"samples": N, "hard": h, "phase1_seconds": s1, "phase2_seconds": s2} (CPU seconds; phase 1
// includes parsing).
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import WinnowCore

func fail(_ message: String, status: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(status)
}

func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

let streaming = CommandLine.arguments.dropFirst().first == "--stream"
let arguments = streaming ? [CommandLine.arguments[0]] + CommandLine.arguments.dropFirst(2) : CommandLine.arguments
guard arguments.count >= 3, let type = LabelingType(rawValue: arguments[2]) else {
    fail("usage: winnow-bench FILE image_classification|object_detection [REPEATS]\n       winnow-bench --stream FILE image_classification|object_detection", status: 2)
}
let repeats = arguments.count > 3 ? max(1, Int(arguments[3]) ?? 1) : 1
guard let file = fopen(arguments[1], "r") else {
    fail("winnow-bench: cannot open \(arguments[1])")
}
let configuration = MiningConfiguration.only([0, 1])
let phase1 = MiningPhase1(configuration: configuration)
var samples: [MiningSample] = []
var line: UnsafeMutablePointer<CChar>?
var capacity = 0
var number = 0
if streaming {
    var phase2 = MiningPhase2(configuration: configuration)
    var count = 0
    let start = cpuSeconds()
    while getline(&line, &capacity, file) > 0 {
        number += 1
        guard let line else { break }
        let bytes = UnsafeRawBufferPointer(start: line, count: strlen(line))
        do {
            let prediction = try PredictionCodec.decode(bytes, type: type, file: arguments[1])
            phase2.add(phase1.score(MiningSample(index: count, source: "s\(count)", prediction: prediction)))
            count += 1
        } catch {
            fail("winnow-bench: \(arguments[1]):\(number): \(error)")
        }
    }
    fclose(file)
    let middle = cpuSeconds()
    let hard = phase2.finish().hardCount
    print("{\"samples\": \(count), \"hard\": \(hard), \"phase1_seconds\": \(middle - start), \"phase2_seconds\": \(cpuSeconds() - middle)}")
    exit(0)
}
while getline(&line, &capacity, file) > 0 {
    number += 1
    guard let line else { break }
    let bytes = UnsafeRawBufferPointer(start: line, count: strlen(line))
    do {
        let prediction = try PredictionCodec.decode(bytes, type: type, file: arguments[1])
        samples.append(MiningSample(index: samples.count, source: "s\(samples.count)", prediction: prediction))
    } catch {
        fail("winnow-bench: \(arguments[1]):\(number): \(error)")
    }
}
fclose(file)

var records: [SampleScores] = []
records.reserveCapacity(samples.count)
var phase1Seconds = 0.0
var phase2Seconds = 0.0
var hard = 0
for _ in 0..<repeats {
    records.removeAll(keepingCapacity: true)
    let start = cpuSeconds()
    for sample in samples { records.append(phase1.score(sample)) }
    let middle = cpuSeconds()
    var phase2 = MiningPhase2(configuration: configuration)
    phase2.add(contentsOf: records)
    hard = phase2.finish().hardCount
    phase2Seconds += cpuSeconds() - middle
    phase1Seconds += middle - start
}
let scored = Double(samples.count * repeats)
print("{\"samples\": \(samples.count), \"repeats\": \(repeats), \"phase1_per_second\": \(scored / max(phase1Seconds, 1e-9)), "
    + "\"per_second\": \(scored / max(phase1Seconds + phase2Seconds, 1e-9)), \"hard\": \(hard)}")
