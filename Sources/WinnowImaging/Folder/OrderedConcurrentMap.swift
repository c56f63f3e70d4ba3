/// Runs synchronous work over a stream of inputs on several tasks, and delivers the results in input
/// order with bounded memory.
///
/// At most `concurrency` inputs are being worked on at once, and at most `window` inputs are started
/// but not yet delivered (finished results wait for slower earlier ones). Inputs are pulled from the
/// sequence only as slots free up, so a long listing is never held in memory.
public struct OrderedConcurrentMap: Sendable {
    /// Inputs worked on at once.
    public let concurrency: Int
    /// Inputs started but not yet delivered (at least `concurrency`).
    public let window: Int

    /// A map running `concurrency` inputs at once (at least 1), with a delivery window of `window`
    /// (default and minimum: twice the concurrency).
    public init(concurrency: Int, window: Int? = nil) {
        self.concurrency = max(1, concurrency)
        self.window = max(self.concurrency, window ?? 2 * self.concurrency)
    }

    /// Calls `transform` on every input (concurrently) and `body` with each input and its output, in
    /// input order. An error thrown by `body` stops the run and cancels outstanding work.
    public func run<Input: Sendable, Output: Sendable>(
        _ inputs: some Sequence<Input>,
        transform: @escaping @Sendable (Input) -> Output,
        body: (Input, Output) async throws -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: (Int, Input, Output).self) { group in
            var iterator = inputs.makeIterator()
            var started = 0
            var delivered = 0
            var running = 0
            var finished: [Int: (Input, Output)] = [:]
            var exhausted = false

            func fill() {
                while !exhausted, running < concurrency, started - delivered < window {
                    guard let input = iterator.next() else {
                        exhausted = true
                        return
                    }
                    let index = started
                    group.addTask { (index, input, transform(input)) }
                    started += 1
                    running += 1
                }
            }

            fill()
            while let (index, input, output) = try await group.next() {
                running -= 1
                finished[index] = (input, output)
                while let ready = finished.removeValue(forKey: delivered) {
                    try await body(ready.0, ready.1)
                    delivered += 1
                }
                fill()
            }
        }
    }
}
