import Catalogue
import Concurrency

/// Lets go of a large value on another thread. Freeing 200,000 items — each a dozen texts
/// and dictionaries — is seconds of one core; a file-to-file diff frees the read records while
/// the comparison, which runs on one core, leaves the other idle.
enum Discard {
    /// Empties `collection` here and frees what it held on another thread (`Concurrent.release`).
    static func emptying<Items: RangeReplaceableCollection & Sendable>(_ collection: inout Items) {
        var taken = Items()
        swap(&taken, &collection)
        Concurrent.release(taken)
    }
}
