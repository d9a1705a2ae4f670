import Catalogue

/// Which header texts mean which known field, from `headers.yaml`.
///
/// Lookup compares normalized text (`HeaderText.normalize`): first exactly, then with
/// parenthesized notes removed, so `法定期限（天/日）` finds `法定期限`.
public struct HeaderSchema: Sendable {
    /// Normalized synonym → field.
    public private(set) var synonyms: [String: ItemField]

    public init(synonyms: [String: ItemField] = [:]) {
        self.synonyms = [:]
        for (text, field) in synonyms { add(text, for: field) }
    }

    /// Adds (or re-assigns) one synonym.
    public mutating func add(_ header: String, for field: ItemField) {
        let key = HeaderText.normalize(header)
        guard !key.isEmpty else { return }
        synonyms[key] = field
    }

    /// The field a header cell means, nil when the schema does not know it.
    public func field(for header: String) -> ItemField? {
        let normalized = HeaderText.normalize(header)
        guard !normalized.isEmpty else { return nil }
        if let field = synonyms[normalized] { return field }
        let bare = HeaderText.withoutNotes(normalized)
        return bare.isEmpty ? nil : synonyms[bare]
    }

    /// Entries of `other` win over this schema's (a workspace adds or moves synonyms).
    public func merging(_ other: HeaderSchema) -> HeaderSchema {
        var merged = self
        for (text, field) in other.synonyms { merged.synonyms[text] = field }
        return merged
    }
}

/// The category names a sheet may be named after (`行政许可（11项）`), from `categories.yaml`.
public struct KnownCategories: Sendable {
    public private(set) var names: [String]

    public init(names: [String] = []) {
        self.names = []
        add(names)
    }

    public mutating func add(_ more: [String]) {
        for name in more.map(HeaderText.normalize) where !name.isEmpty && !names.contains(name) {
            names.append(name)
        }
    }

    /// The category a sheet name states, e.g. `行政许可` for `行政许可（11项）`; the longest
    /// match wins so `其他行政权力` is not read as something shorter.
    public func category(inSheetName sheetName: String) -> String? {
        let bare = HeaderText.withoutNotes(HeaderText.normalize(sheetName))
        return names.filter { bare.contains($0) }.max { $0.count < $1.count }
    }
}
