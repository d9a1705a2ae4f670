import Catalogue

/// Turns matched groups (and the items left alone) into classified `Change`s.
enum ChangeClassifier {
    /// The fields compared for a modification. The serial (renumbering), the region and the
    /// remarks (which describe the change itself) are left out; the name and the category
    /// have kinds of their own but are listed too, so a reviewer sees old and new side by side.
    static let comparedFields: [ItemField] = ItemField.allCases.filter { ![.serial, .region, .remarks].contains($0) }

    static func change(_ group: MatchGroup, _ matching: Matching) -> Change {
        let olds = group.old.map { matching.old[$0] }
        let news = group.new.map { matching.new[$0] }
        var change = Change(kind: .unchanged, old: olds.map(\.ref), new: news.map(\.ref),
                            confidence: group.confidence, reasons: group.reasons, review: group.review)
        switch (olds.count, news.count) {
        case (0, _), (_, 0):
            classifyUnpaired(&change, olds + news, isOld: news.isEmpty)
        case (1, 1):
            change.fieldChanges = fieldChanges(olds[0], news[0])
            classifyPair(&change, olds[0], news[0])
        case (let oldCount, let newCount):
            classifyGroup(&change, olds, news, oldCount: oldCount, newCount: newCount)
        }
        return change
    }

    /// Abolished or added — unless a remark says the power was handed down, taken up or
    /// transferred (`下放至乡镇`), which makes it a move with its counterpart outside the lists.
    private static func classifyUnpaired(_ change: inout Change, _ items: [MainItem], isOld: Bool) {
        change.kind = isOld ? .abolished : .added
        if change.reasons.isEmpty { change.reasons = [PairingReason(.noCounterpart)] }
        guard let item = items.first, let direction = Self.direction(statedIn: item.remarks) else { return }
        change.kind = .moved
        change.direction = isOld ? direction : direction.mirrored
        change.reasons = [PairingReason(.remark, detail: item.remarks)]
    }

    private static func classifyPair(_ change: inout Change, _ old: MainItem, _ new: MainItem) {
        if old.unitKey != new.unitKey {
            change.kind = .moved
            change.direction = MoveDirection(from: old.level, to: new.level)
        } else if old.categoryKey != new.categoryKey {
            change.kind = .recategorized
        } else if old.nameKey != new.nameKey {
            change.kind = .renamed
        } else if !change.fieldChanges.isEmpty {
            change.kind = .modified
        }
    }

    /// Several on a side: a move when one power went to (or came from) several other units
    /// under the same name, else a merge or a split by which side has more.
    private static func classifyGroup(_ change: inout Change, _ olds: [MainItem], _ news: [MainItem],
                                      oldCount: Int, newCount: Int) {
        let names = Set((olds + news).map(\.nameKey))
        let oldUnits = Set(olds.map(\.unitKey)), newUnits = Set(news.map(\.unitKey))
        if names.count == 1 && oldUnits.isDisjoint(with: newUnits) {
            change.kind = .moved
            change.direction = MoveDirection(from: olds[0].level, to: news[0].level)
        } else {
            change.kind = oldCount > newCount ? .merged : oldCount < newCount ? .split : .merged
        }
    }

    static func fieldChanges(_ old: MainItem, _ new: MainItem) -> [FieldChange] {
        // Most pairs are identical record by record: check that before joining any values.
        // Bytes, not `String ==`, which normalizes Chinese text on every call.
        if old.records.count == new.records.count, ByteKey.same(old.ref.category, new.ref.category),
           zip(old.records, new.records).allSatisfy({ pair in
               comparedFields.allSatisfy { ByteKey.same(pair.0.fields[$0], pair.1.fields[$0]) }
           }) {
            return []
        }
        return comparedFields.compactMap { field in
            let (before, after) = (old.value(of: field), new.value(of: field))
            return before == after ? nil : FieldChange(field: field, old: before, new: after)
        }
    }

    /// 下放 / 上收 / 划转 stated in a remark.
    static func direction(statedIn remarks: String) -> MoveDirection? {
        if remarks.contains("下放") { return .devolved }
        if remarks.contains("上收") { return .centralized }
        if remarks.contains("划转") || remarks.contains("划入") || remarks.contains("移交") { return .transferred }
        return nil
    }
}
