import Catalogue

/// Items of one file and the findings about them, as one step of a `SourceStream`.
public struct SourceChunk: Sendable {
    public var items: [PowerItem]
    /// Findings about these items (a finding with an `item` key is tied to the first item of
    /// the file with that key).
    public var findings: [Finding]

    public init(items: [PowerItem], findings: [Finding]) {
        self.items = items
        self.findings = findings
    }
}

/// What one imported file produces, handed to the Store chunk by chunk, so that a large
/// file's clean items and findings are never all in memory and the next chunk can be made
/// while this one is stored (`Workspace.importSourceInChunks(_:revision:stream:)`).
public struct SourceStream {
    /// Units found in the file, including any without items.
    public var units: [AdminUnit]
    /// Who handed the file in, when known.
    public var submitter: String?
    /// Findings stored before the items (the importer's, about the file), in order.
    public var leadingFindings: [Finding]
    /// The next chunk, nil after the last.
    public var nextChunk: () throws -> SourceChunk?
    /// Called after the last chunk: `leadingFindings` again, in the same order, each tied to
    /// its item where it lies in one (only then is every item known).
    public var placedFindings: () -> [Finding]

    public init(units: [AdminUnit], submitter: String?, leadingFindings: [Finding],
                nextChunk: @escaping () throws -> SourceChunk?, placedFindings: @escaping () -> [Finding]) {
        self.units = units
        self.submitter = submitter
        self.leadingFindings = leadingFindings
        self.nextChunk = nextChunk
        self.placedFindings = placedFindings
    }

    /// All of `contents` in one chunk, its findings after its items (as `importSource` stored them).
    init(_ contents: SourceContents) {
        var chunk: SourceChunk? = SourceChunk(items: contents.items, findings: contents.findings)
        self.init(units: contents.units, submitter: contents.submitter, leadingFindings: [],
                  nextChunk: { defer { chunk = nil }; return chunk }, placedFindings: { [] })
    }
}
