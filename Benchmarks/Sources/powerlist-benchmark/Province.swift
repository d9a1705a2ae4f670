import Foundation

/// How a department hands its list in: most as XLSX, a few as legacy XLS, and the small
/// offices of a county together in one consolidated CSV (GB18030, as exported by old systems).
enum DeliveryFormat: String, Codable, CaseIterable {
    case xlsx, xls, csv
}

/// One department's list in one revision: the items in the order they are written.
struct DepartmentList {
    var department: String
    var format: DeliveryFormat
    var items: [GeneratedItem]
}

/// The shape of a generated province: counties of about 5,000 items, each split over 30
/// departments of uneven size, so that N items means N / 5,000 counties.
struct Province {
    static let itemsPerCounty = 5_000
    static let departments = [
        "发展和改革委员会", "教育局", "科学技术局", "工业和信息化局", "公安局", "民政局", "司法局", "财政局",
        "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局",
        "农业农村局", "商务局", "文化体育广电和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局",
        "审计局", "市场监督管理局", "林业和草原局", "医疗保障局", "统计局", "信访局", "档案局",
        "人民防空办公室", "气象局", "消防救援大队",
    ]
    /// The last four are small offices whose lists reach the county as one consolidated CSV.
    static let consolidatedCount = 4
    private static let countyStems = ["安", "宁", "和", "平", "昌", "兴", "丰", "永", "清", "泰", "新", "阳",
                                      "华", "康", "顺", "德", "福", "嘉", "乐", "长"]

    let items: Int
    var counties: Int { max(1, (items + Self.itemsPerCounty / 2) / Self.itemsPerCounty) }

    /// 安宁县, 安和县, …: 400 distinct two-character names.
    func countyName(_ index: Int) -> String {
        let stems = Self.countyStems
        return stems[index / stems.count % stems.count] + stems[(index * 7 + 1) % stems.count] + "县"
    }

    /// The county's share of the items; the last county takes the remainder.
    func itemCount(ofCounty index: Int) -> Int {
        let base = items / counties
        return index == counties - 1 ? items - base * (counties - 1) : base
    }

    /// Departments have weights 1…5, so some lists hold a few dozen items and some several hundred.
    func departmentSizes(county: Int) -> [Int] {
        let weights = Self.departments.indices.map { 1 + ($0 * 7 + county * 3) % 5 }
        let total = weights.reduce(0, +)
        let count = itemCount(ofCounty: county)
        var sizes = weights.map { count * $0 / total }
        sizes[0] += count - sizes.reduce(0, +)
        return sizes
    }

    /// Two departments in each county hand in legacy .xls; the small offices a consolidated CSV.
    func format(ofDepartment index: Int, county: Int) -> DeliveryFormat {
        if index >= Self.departments.count - Self.consolidatedCount { return .csv }
        return (index + county) % 13 == 5 ? .xls : .xlsx
    }

    /// The first revision of a county: every department's list, freshly generated.
    func firstRevision(county: Int, generator: inout PowerListGenerator) -> [DepartmentList] {
        departmentSizes(county: county).enumerated().map { index, size in
            DepartmentList(department: Self.departments[index], format: format(ofDepartment: index, county: county),
                           items: (0..<size).map { _ in Messy.item(generator.item(serial: 0), random: &generator) })
        }
    }
}

/// The untidiness of real lists: stray spaces, full-width spaces and line breaks inside names
/// and legal bases, applied to a few items when they are created so both revisions share it.
enum Messy {
    static func item(_ item: GeneratedItem, random generator: inout PowerListGenerator) -> GeneratedItem {
        var item = item
        let roll = generator.roll(1000)
        guard roll < 60, case .text(let name)? = item.rows[0][1] else { return item }
        let messy: String = switch roll % 4 {
        case 0: name + " "
        case 1: "\u{3000}" + name
        case 2: String(name.prefix(name.count / 2)) + "\n" + String(name.dropFirst(name.count / 2))
        default: name.replacingOccurrences(of: "的", with: " 的")
        }
        item.rows[0][1] = .text(messy)
        if roll < 20, case .text(let basis)? = item.rows[0][4] { item.rows[0][4] = .text("\u{3000}\u{3000}" + basis + "\n") }
        return item
    }
}
