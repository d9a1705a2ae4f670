import Foundation

/// A site built in a hidden folder beside its destination and put in its place whole, by
/// renaming: a build that fails or is stopped leaves the site published before untouched,
/// and a web server (or `serve`) never shows half a site.
///
/// ```swift
/// if let staging = try SiteStaging.beside(output) {
///     // write the site into staging.folder, then:
///     try staging.commit()
/// }
/// ```
public struct SiteStaging: Sendable {
    /// Where the site is published (symbolic links resolved: the site replaces their target).
    public let destination: URL
    /// Where the site's files are written until `commit`.
    public let folder: URL

    /// Checks that `output` is absent, empty or a site this builder wrote, then makes the hidden
    /// folder beside it, removing any left there by a build that was stopped. Nil when no folder
    /// can be made there (a destination in a folder the user may not write to): the site is
    /// then built in place.
    /// - Throws: `SiteError.outputNotEmpty` for a folder of the user's, or any other file.
    public static func beside(_ output: URL) throws(SiteError) -> SiteStaging? {
        let destination = output.standardizedFileURL.resolvingSymlinksInPath()
        try Site.requireReplaceable(destination)
        let parent = destination.deletingLastPathComponent()
        removeLeftovers(of: destination)
        let folder = parent.appendingPathComponent(hiddenName(destination, "building"), isDirectory: true)
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return nil }
        return SiteStaging(destination: destination, folder: folder)
    }

    /// Puts the built site in place of the destination and removes the site it replaces.
    public func commit() throws(SiteError) {
        let manager = FileManager.default
        guard manager.fileExists(atPath: destination.path) else { return try rename(folder, destination) }
        let replaced = destination.deletingLastPathComponent().appendingPathComponent(Self.hiddenName(destination, "replaced"))
        try rename(destination, replaced)
        do {
            try rename(folder, destination)
        } catch {
            try? manager.moveItem(at: replaced, to: destination)
            throw error
        }
        try? manager.removeItem(at: replaced)
    }

    /// Removes the folder of a build that failed.
    public func discard() {
        try? FileManager.default.removeItem(at: folder)
    }

    private func rename(_ source: URL, _ target: URL) throws(SiteError) {
        guard Foundation.rename(source.path, target.path) == 0 else {
            throw .writeFailed(target.path, String(cString: strerror(errno)))
        }
    }

    /// `.site.building-UUID` beside `site`: hidden, and never the name of a user's file.
    private static func hiddenName(_ destination: URL, _ stage: String) -> String {
        "\(prefix(destination))\(stage)-\(UUID().uuidString)"
    }

    private static func prefix(_ destination: URL) -> String { ".\(destination.lastPathComponent)." }

    private static func removeLeftovers(of destination: URL) {
        let parent = destination.deletingLastPathComponent()
        let prefix = prefix(destination)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in entries where entry.hasPrefix(prefix + "building-") || entry.hasPrefix(prefix + "replaced-") {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }
}
