import Catalogue
import Concurrency
import Foundation

/// Compares two revisions of a catalogue item by item and classifies every main item of
/// both sides: unchanged, modified, renamed, recategorized, moved, merged, split, abolished
/// or added. It knows nothing of files or the workspace: give it clean `PowerItem`s.
///
/// Match → classify, in stages from the surest to the loosest, each taking only items the
/// earlier ones left: reviewers' decisions; stable codes; normalized unit + name + category;
/// remarks that state a merge or split; one-to-many coverage; similarity blocked by bigrams;
/// coverage again (for wholes the similarity paired with one of their parts). Every stage
/// visits items in key order and breaks ties by key, so the result does not depend on row
/// order, and every stage treats both sides alike, so swapping OLD and NEW mirrors it.
///
/// ```swift
/// let changes = RevisionDiff.compare(old: items2023, new: items2024,
///                                    options: .init(region: Region(name: "克拉玛依市")))
/// print(ChangeReport.terminalSummary(changes))
/// ```
public enum RevisionDiff {
    public struct Options: Sendable {
        public var oldLabel: String
        public var newLabel: String
        /// The region of both lists: its name may be left out of unit names (`市统计局`).
        public var region: Region?
        /// Reviewers' decisions from earlier runs.
        public var decisions: [Decision]
        /// The lowest similarity score (0…1) a pairing by similarity needs.
        public var similarityThreshold: Double

        public init(oldLabel: String = "旧版", newLabel: String = "新版", region: Region? = nil,
                    decisions: [Decision] = [], similarityThreshold: Double = 0.6) {
            self.oldLabel = oldLabel
            self.newLabel = newLabel
            self.region = region
            self.decisions = decisions
            self.similarityThreshold = similarityThreshold
        }
    }

    /// - Parameter settled: changes found before the comparison (`IdenticalPairs`), for
    ///   items left out of `old` and `new`; reported with the rest.
    public static func compare(old: [PowerItem], new: [PowerItem], options: Options = Options(),
                               settled: [Change] = []) -> ChangeSet {
        let timer = LapTimer(label: "compare", variable: "POWERLIST_DIFF_TIMING")
        func lap(_ stage: String) { timer.lap(stage) }
        let units = UnitNameNormalizer(region: options.region)
        let sides = Concurrent.map(2) { MainItem.group($0 == 0 ? old : new, units: units) }
        let plan = DecisionPlan(options.decisions, old: sides[0], new: sides[1])
        var matching = Matching(old: sides[0], new: sides[1], rejected: plan.rejected)
        for group in plan.fixed { matching.accept(group) }
        lap("group")
        KeyMatcher.run(&matching); lap("keys")
        RemarkMatcher.run(&matching); lap("remarks")
        CoverageMatcher().run(&matching); lap("coverage")
        SimilarityMatcher(threshold: options.similarityThreshold).run(&matching); lap("similarity")
        CoverageMatcher().run(&matching); lap("coverage")

        let changes = classified(matching)
        lap("classify")
        let changeSet = ChangeSet(oldLabel: options.oldLabel, newLabel: options.newLabel, parts: [settled, changes],
                                  staleDecisions: plan.stale)
        lap("sort")
        // The main items (each holds its records) and the unsorted changes are freed on another
        // thread: a second of this one, on the command's one path.
        Concurrent.release((consume sides, consume matching, consume changes))
        return changeSet
    }

    /// Every group, then every item left alone on the old and the new side, classified in
    /// chunks on all cores (each change alone), in that order.
    private static func classified(_ matching: Matching) -> [Change] {
        let groups = matching.groups.compactMap { $0 }
            + matching.freeOld.map { MatchGroup(old: [$0], new: [], confidence: 1, reasons: []) }
            + matching.freeNew.map { MatchGroup(old: [], new: [$0], confidence: 1, reasons: []) }
        // Four chunks a core: the pairs (field by field) come first, the abolished and added
        // items (nothing to compare) last, and one chunk a core left one core idle.
        let chunks = Concurrent.chunks(groups.count, minimum: 1_000, perCore: 4)
        return Array(Concurrent.map(chunks.count) { chunk in
            groups[chunks[chunk]].map { ChangeClassifier.change($0, matching) }
        }.joined())
    }
}
