/// Why two sides were paired (or an item left alone): a typed code, an optional score,
/// and the text that gave the hint (a remark, a shared title).
public struct PairingReason: Codable, Hashable, Sendable {
    public enum Code: String, Codable, Hashable, Sendable {
        /// Both carry the same stable power code (事项编码).
        case sameCode = "same-code"
        /// Same normalized unit, name and category.
        case sameName = "same-name"
        /// Same normalized unit and name, another category.
        case sameNameOtherCategory = "same-name-other-category"
        /// Same name and category in another unit.
        case sameNameOtherUnit = "same-name-other-unit"
        /// Names alike (character bigrams); `score` is their Dice coefficient.
        case similarName = "similar-name"
        /// Sub-item names alike; `score` is their Dice coefficient.
        case similarSubItems = "similar-sub-items"
        /// Cited laws and articles in common; `score` is their Jaccard overlap.
        case sharedCitations = "shared-citations"
        /// The parts' names are covered by the whole's name and sub-items; `score` is the mean coverage.
        case coverage
        /// A remark (备注) says so; `detail` quotes it.
        case remark
        /// A reviewer decided it; `detail` holds their reason.
        case reviewer
        /// No counterpart was found on the other side.
        case noCounterpart = "no-counterpart"
        /// An earlier diff or a remark records that the power moved; `detail` says from where to where.
        case moveRecorded = "move-recorded"
    }

    public var code: Code
    public var score: Double?
    public var detail: String?

    public init(_ code: Code, score: Double? = nil, detail: String? = nil) {
        self.code = code
        self.score = score
        self.detail = detail
    }

    /// What a reviewer reads.
    public var text: String {
        let percent = score.map { "\(Int(($0 * 100).rounded()))%" } ?? ""
        switch code {
        case .sameCode: return "事项编码相同"
        case .sameName: return "单位、名称和类型相同"
        case .sameNameOtherCategory: return "单位和名称相同，类型不同"
        case .sameNameOtherUnit: return "名称和类型相同，单位不同"
        case .similarName: return "名称相似度 \(percent)"
        case .similarSubItems: return "子项相似度 \(percent)"
        case .sharedCitations: return "共同引用的法律条款 \(percent)"
        case .coverage: return "名称和子项覆盖 \(percent)"
        case .remark: return "备注：\(detail ?? "")"
        case .reviewer: return detail.map { "审核意见：\($0)" } ?? "审核人决定"
        case .noCounterpart: return "另一版本中没有对应事项"
        case .moveRecorded: return "移交记录：\(detail ?? "")"
        }
    }
}
