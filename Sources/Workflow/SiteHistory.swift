import Catalogue
import Foundation
import Publisher
import Store

/// An item's history across the workspace's revisions, for its page: in which revisions it
/// was listed, and what the comparison made of it.
struct SiteHistory {
    private let revisions: [Revision]
    /// Per revision, in `revisions` order: the keys of its items, and its date as the site shows it.
    private let keysByRevision: [Set<ItemKey>]
    private let days: [String?]
    private let compared: String?
    private let kinds: [ItemKey: ChangeKind]

    /// - Parameter known: the key sets of revisions already loaded (the published and the
    ///   compared one); the others' keys are read from the workspace, without their items.
    init(workspace: Workspace, revisions: [Revision], compared: String?, kinds: [ItemKey: ChangeKind],
         known: [String: Set<ItemKey>] = [:]) throws {
        var keys = known
        for revision in revisions where keys[revision.label] == nil {
            keys[revision.label] = try workspace.itemKeys(revision: revision.label)
        }
        self.revisions = revisions
        self.keysByRevision = revisions.map { keys[$0.label] ?? [] }
        self.days = revisions.map { $0.date.map(Self.dayText) }
        self.compared = compared
        self.kinds = kinds
    }

    /// Oldest revision first: `列入清单` or `未列入`, and the change found against the
    /// compared revision (changes are keyed by main item, so a sub-item takes its item's) on
    /// the last revision that lists the item.
    func entries(for item: PowerItem) -> [SiteHistoryEntry] {
        let key = item.key
        let listed = keysByRevision.map { $0.contains(key) }
        var events = listed.map { $0 ? Self.listedText : Self.unlistedText }
        if let compared, let last = listed.lastIndex(of: true),
           let kind = kinds[key] ?? kinds[ItemKey(unit: item.unit.name, name: item.name, subItem: nil)] {
            events[last] += "（与 \(compared) 相比：\(kind.label)）"
        }
        return revisions.indices.map { index in
            SiteHistoryEntry(revision: revisions[index].label, date: days[index], event: events[index])
        }
    }

    private static let listedText = "列入清单"
    private static let unlistedText = "未列入清单"

    /// `2024-06-30`, in UTC so that the same workspace gives the same site everywhere.
    static func dayText(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}

/// Revisions' ChangeSet as the changes page shows it: every change but the unchanged and the
/// merely edited items, with the figures a county reports.
enum SiteChangeMapping {
    static func changes(_ set: ChangeSet) -> SiteChanges {
        let total = set.summary.total
        let summary = SiteChangeSummary(oldCount: total.before, newCount: total.after, text: total.reduction.description)
        let shown = set.changes.filter { $0.kind != .unchanged && $0.kind != .modified }.map { change in
            SiteChange(kind: change.kind.rawValue, label: change.label,
                       old: change.old.map(reference), new: change.new.map(reference))
        }
        return SiteChanges(comparedRevision: set.oldLabel, summary: summary, changes: shown)
    }

    static func reference(_ ref: ItemRef) -> SiteItemReference {
        SiteItemReference(key: ref.key, name: ref.name, unit: ref.unit.name)
    }
}
