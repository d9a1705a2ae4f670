import Catalogue

extension Cleaner {
    /// The fields `named` reads (and cleans) of a raw item: a caller that builds raw items
    /// for naming alone (`IdenticalRecords`) reads no other cell.
    public static var namedFields: Set<ItemField> { shortFields }
}
