import Catalogue
import Foundation

/// The workspace: a folder holding the database (`powerlist.sqlite`) and the config. Placeholder.
public struct Workspace: Sendable {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }
}
