import Catalogue
import Foundation
import Revisions
import Store

/// The `decisions apply` job: reads a decisions sheet a reviewer filled in and stores its
/// decisions in the workspace, where the next `diff` applies them and marks the changes as
/// confirmed by that reviewer.
///
/// ```swift
/// let stored = try DecisionsApplication(workspace: workspace, reviewer: "李四").apply(sheet)
/// ```
public struct DecisionsApplication: Sendable {
    public let workspace: Workspace
    /// Whom to record for rows whose 审核人 column is empty.
    public var reviewer: String?

    public init(workspace: Workspace, reviewer: String? = nil) {
        self.workspace = workspace
        self.reviewer = reviewer
    }

    /// Stores the sheet's decisions and returns them.
    /// - Throws: `DecisionSheetError` naming the file and cell of an unreadable row.
    @discardableResult
    public func apply(_ file: URL) throws -> [Decision] {
        let decisions = try DecisionSheet.read(file).map { decision in
            var decision = decision
            decision.reviewer = decision.reviewer ?? reviewer
            return decision
        }
        try workspace.saveDecisions(decisions)
        return decisions
    }
}
