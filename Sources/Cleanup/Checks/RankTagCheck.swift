import Catalogue

/// The rank tag should say what the instrument is. Where the registry knows the rank, it is
/// used; a tag that disagrees is a warning, an unreadable tag a warning, a missing one
/// information.
struct RankTagCheck: BasisCheck {
    func drafts(_ citations: [Citation], in context: CheckContext) -> [FindingDraft] {
        citations.compactMap { citation in
            if let tag = citation.rankTag, citation.taggedRank == nil {
                return FindingDraft(.rankTagMismatch, .warning, "无法识别的位阶标记【\(tag)】（\(citation.quotedTitle)）", field: .basis)
            }
            guard let registered = citation.resolution.registryRank else { return nil }
            guard let tagged = citation.taggedRank else {
                return FindingDraft(.rankTagMismatch, .info,
                                    "\(citation.quotedTitle)未标位阶，按法律法规登记表为【\(registered.label)】", field: .basis)
            }
            guard !Self.compatible(tagged: tagged, registered: registered) else { return nil }
            return FindingDraft(.rankTagMismatch, .warning,
                                "\(citation.quotedTitle)标为【\(citation.rankTag ?? tagged.label)】，法律法规登记表中为\(registered.label)，按\(registered.label)核对",
                                field: .basis)
        }
    }

    /// Whether a tag fits a registered rank: `法规` fits either kind of regulation, `规章` either
    /// kind of rule, and a 国务院决定 is filed among administrative regulations.
    static func compatible(tagged: LegalRank, registered: LegalRank) -> Bool {
        if tagged == registered { return true }
        switch tagged {
        case .regulation: return registered == .administrativeRegulation || registered == .localRegulation
        case .rule: return registered == .departmentalRule || registered == .localGovernmentRule
        case .stateCouncilDecision: return registered == .administrativeRegulation
        case .law: return registered == .constitution
        default: return false
        }
    }
}
