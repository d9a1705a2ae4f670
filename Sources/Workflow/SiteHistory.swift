import Catalogue
import Foundation
import Publisher
import Store

/// An item's history across the workspace's revisions, for its page: in which revisions it
/// was listed, and what the comparison made of it.
struct SiteHistory {
    private let revisions: [Revision]
    private let keysByRevision: [String: Set<ItemKey>]
    private let compared: String?
    private let kinds: [ItemKey: ChangeKind]

    init(workspace: Workspace, revisions: [Revision], compared: String?, kinds: [ItemKey: ChangeKind]) throws {
        var keys: [String: Set<ItemKey>] = [:]
        for revision in revisions {
            keys[revision.label] = Set(try workspace.items(matching: ItemFilter(revision: revision.label)).map(\.key))
        }
        self.revisions = revisions
        self.keysByRevision = keys
        self.compared = compared
        self.kinds = kinds
    }

    /// Oldest revision first: `列入清单` or `未列入`, and the change found against the
    /// compared revision (changes are keyed by main item, so a sub-item takes its item's).
    func entries(for item: PowerItem) -> [SiteHistoryEntry] {
        let key = item.key
        let main = ItemKey(unit: item.unit.name, name: item.name, subItem: nil)
        return revisions.map { revision in
            let listed = keysByRevision[revision.label]?.contains(key) == true
            var event = listed ? "列入清单" : "未列入清单"
            if compared != nil, listed, let kind = kinds[key] ?? kinds[main],
               revision.label == revisions.last(where: { keysByRevision[$0.label]?.contains(key) == true })?.label {
                event += "（与 \(compared ?? "") 相比：\(kind.label)）"
            }
            return SiteHistoryEntry(revision: revision.label, date: revision.date.map(Self.dayText), event: event)
        }
    }

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
