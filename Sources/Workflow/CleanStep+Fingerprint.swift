import Catalogue
import Store

extension CleanStep {
    /// After the import of a file: records the schemas its clean values and per-item findings
    /// were computed with (`CleanFingerprint`), so `powerlist check` can keep them rather than
    /// clean again. When the import deleted a source (a changed file replaced, or a path now
    /// holding a copy of another source), the other sources' fingerprints are forgotten too:
    /// their check findings may have gone with it (see `Workspace.forgetCleanFingerprints`).
    func recordFingerprint(after outcome: ImportOutcome, sourcePath: String, revision: String,
                           in workspace: Workspace) throws {
        let fingerprint = cleaner.schemas.fingerprint?.rawValue
        switch outcome {
        case .added:
            try workspace.recordCleanFingerprint(fingerprint, revision: revision, sourcePath: sourcePath)
        case .replaced:
            try workspace.recordCleanFingerprint(fingerprint, revision: revision, sourcePath: sourcePath)
            try workspace.forgetCleanFingerprints(revision: revision, except: sourcePath)
        case .unchanged(let path) where path != sourcePath:
            try workspace.forgetCleanFingerprints(revision: revision)
        case .unchanged:
            break
        }
    }
}
