import Catalogue

/// A cited instrument must be in force, in the version cited: a repealed law (named with its
/// successor where known) is an error, a superseded version a warning; a title the registry
/// lacks is information (most local government rules and normative documents are not in it),
/// and a form or notice cited as a basis is a warning.
struct InstrumentStatusCheck: BasisCheck {
    func drafts(_ citations: [Citation], in context: CheckContext) -> [FindingDraft] {
        citations.compactMap { citation in
            switch citation.resolution {
            case .repealed(let reference, let successor):
                let replacement = successor.map { "，已由《\($0)》取代，请改为引用新法" } ?? "，请核实是否有新的依据"
                return FindingDraft(.repealedInstrument, .error, "依据《\(reference.title)》已废止\(replacement)", field: .basis)
            case .superseded(let reference, let current):
                let cited = LawVersion(date: reference.versionDate ?? "", status: .amended).label
                let now = LawVersion(date: current, status: .inForce).label
                return FindingDraft(.supersededVersion, .warning,
                                    "依据《\(reference.title)》引用的是\(cited)，该版本已被修改，现行为\(now)，请引用现行版本", field: .basis)
            case .notALegalInstrument:
                return FindingDraft(.notALegalInstrument, .warning,
                                    "\(citation.quotedTitle)是文书或工作通知，不是法律文件，不能作为实施依据", field: .basis)
            case .notInRegistry where citation.title != nil:
                return FindingDraft(.notInRegistry, .info, "法律法规登记表中没有\(citation.quotedTitle)（地方政府规章、规范性文件多不在其中），请人工核对", field: .basis)
            case .notInRegistry, .inForce, .unresolved:
                return nil
            }
        }
    }
}
