import Catalogue
import Foundation
import GRDB

/// The diff's results and reviewers' decisions, kept in the workspace: the site's change
/// pages and item histories read the pairings; the next diff applies the decisions.
extension Workspace {
    /// Replaces the stored pairings of `changeSet.oldLabel` → `changeSet.newLabel` (one transaction).
    public func savePairings(_ changeSet: ChangeSet) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try write { db in
            try db.execute(sql: "DELETE FROM pairings WHERE oldRevision = ? AND newRevision = ?",
                           arguments: [changeSet.oldLabel, changeSet.newLabel])
            let insert = try db.makeStatement(sql: """
                INSERT INTO pairings (oldRevision, newRevision, position, kind, direction, oldKeys, newKeys,
                                      confidence, confirmed, reviewer, change)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (position, change) in changeSet.changes.enumerated() {
                var reviewer: String?
                var confirmed = false
                if case .confirmed(let name) = change.review { (confirmed, reviewer) = (true, name) }
                let json = String(decoding: try encoder.encode(change), as: UTF8.self)
                try insert.execute(arguments: [
                    changeSet.oldLabel, changeSet.newLabel, position, change.kind.rawValue, change.direction?.rawValue,
                    Self.joinedKeys(change.signature.old), Self.joinedKeys(change.signature.new),
                    change.confidence, confirmed, reviewer, json,
                ])
            }
        }
    }

    /// The stored pairings of two revisions, in report order; nil when that pair was never compared.
    public func pairings(old: String, new: String) throws -> ChangeSet? {
        let texts = try read { db in
            try String.fetchAll(db, sql: """
                SELECT change FROM pairings WHERE oldRevision = ? AND newRevision = ? ORDER BY position
                """, arguments: [old, new])
        }
        guard !texts.isEmpty else { return nil }
        let decoder = JSONDecoder()
        let changes = try texts.map { try decoder.decode(Change.self, from: Data($0.utf8)) }
        return ChangeSet(oldLabel: old, newLabel: new, changes: changes)
    }

    /// Stores reviewers' decisions; a decision about a pairing already decided replaces the old one.
    public func saveDecisions(_ decisions: [Decision], at date: Date = Date()) throws {
        try write { db in
            let insert = try db.makeStatement(sql: """
                INSERT OR REPLACE INTO decisions (signature, oldKeys, newKeys, action, targets, reviewer, reason, decidedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for decision in decisions {
                let targets = String(decoding: try JSONEncoder().encode(decision.targets), as: UTF8.self)
                try insert.execute(arguments: [
                    decision.pairing.description, Self.joinedKeys(decision.pairing.old), Self.joinedKeys(decision.pairing.new),
                    decision.action.rawValue, targets, decision.reviewer, decision.reason, date,
                ])
            }
        }
    }

    /// Every stored decision, in the order of their pairings' signatures.
    public func decisions() throws -> [Decision] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM decisions ORDER BY signature").map { row in
                let targets = try JSONDecoder().decode([String].self, from: Data((row["targets"] as String).utf8))
                let action = Decision.Action(rawValue: row["action"]) ?? .confirm
                return Decision(action: action,
                                pairing: PairingSignature(old: Self.keys(row["oldKeys"]), new: Self.keys(row["newKeys"])),
                                targets: targets, reviewer: row["reviewer"], reason: row["reason"])
            }
        }
    }

    /// Keys are joined by a newline: an item key may contain `;` but never a line break.
    private static func joinedKeys(_ keys: [ItemKey]) -> String { keys.map(\.rawValue).joined(separator: "\n") }

    private static func keys(_ text: String) -> [ItemKey] {
        text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map { ItemKey(rawValue: String($0)) }
    }
}
