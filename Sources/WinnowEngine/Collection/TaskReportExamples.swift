public import WinnowCore
public import WinnowStore

/// The samples a filtering task's report shows: the hardest ones the task selected, as its dataset holds
/// them now.
public enum TaskReportExamples {
    /// Up to `top` samples, highest coefficient first, and whether they are the task's own.
    ///
    /// A task whose summary names its selection gives those samples (one since deleted from the dataset
    /// is left out). A task recorded before summaries named them gives its dataset's hard samples by
    /// coefficient, which can include other tasks' picks; `isTaskOwn` is then false.
    public static func load(_ task: CollectionTask, top: Int, store: any MetadataStore) async throws -> (samples: [Sample], isTaskOwn: Bool) {
        guard top > 0 else { return ([], task.mining?.hardestSelected != nil) }
        guard let sources = task.mining?.hardestSelected else {
            let samples = try await store.listSamples(SampleQuery(
                datasetID: task.datasetID, hard: true, sort: .coefficient, descending: true, limit: top))
            return (samples, false)
        }
        var samples: [Sample] = []
        for source in sources where samples.count < top {
            if let sample = try await store.sample(datasetID: task.datasetID, source: source) { samples.append(sample) }
        }
        return (samples, true)
    }

    /// The header line that says which samples the report shows.
    public static func description(isTaskOwn: Bool) -> String {
        isTaskOwn
            ? "the hardest samples this task selected, as the dataset holds them now"
            : "the dataset's hardest samples (this task ran before Winnow recorded its own selection)"
    }
}
