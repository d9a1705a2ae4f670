import Catalogue
import Foundation
import Reconcile

// Times `GuidanceMatcher.reconcile` and `LevelTrace.untraced` on fabricated lists: a guidance
// catalogue of G items (区县级) and a workspace of N items in 200 county units, 40 townships and
// 100 villages. Local items implement 80% of the guidance (a tenth of them reworded), the rest are
// the units' own. Usage: reconcile-benchmark [guidance] [local]

let arguments = CommandLine.arguments
let guidanceCount = arguments.count > 1 ? Int(arguments[1]) ?? 5_000 : 5_000
let localCount = arguments.count > 2 ? Int(arguments[2]) ?? 200_000 : 200_000

/// Deterministic SplitMix64.
struct Random {
    var state: UInt64 = 42
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

let syllables = Array("统计调查资料报告项目审批许可登记备案经营建设占用排放安全检查生产销售使用运输储存食品药品森林草原水土道路")
var random = Random()
func name(_ seed: Int) -> String {
    var local = Random(state: UInt64(seed) &* 7919)
    return "对" + String((0..<8).map { _ in syllables[local.next(syllables.count)] }) + "的处罚"
}
func item(_ name: String, unit: String, level: Level, sheet: String = "Sheet1", serial: Int, category: String = "行政处罚") -> PowerItem {
    let fields: FieldValues = [.name: name, .category: category, .serial: "\(serial)"]
    let raw = RawItem(unit: AdminUnit(name: unit, level: level), fields: fields,
                      provenance: Provenance(file: "\(unit).xlsx", sheet: sheet, firstRow: serial, lastRow: serial))
    return PowerItem(key: ItemKey(unit: unit, name: name, subItem: nil), raw: raw, fields: fields,
                     category: CategoryRef(name: category), citations: [])
}

let guidance = (0..<guidanceCount).map { item(name($0), unit: "县级主管部门", level: .county, sheet: "区县级", serial: $0 + 1) }
var local: [PowerItem] = []
for index in 0..<localCount {
    let serial = index / 340 + 1
    switch index % 340 {
    case ..<200:
        let seed = random.next(10) < 8 ? random.next(guidanceCount) : guidanceCount + index
        var text = name(seed)
        if random.next(10) == 0 { text = text.replacingOccurrences(of: "的处罚", with: "行为的处罚") }
        local.append(item(text, unit: "县第\(index % 340)局", level: .county, serial: serial))
    case ..<240:
        local.append(item(name(random.next(guidanceCount)), unit: "第\(index % 340)镇", level: .township, serial: serial))
    default:
        local.append(item("协助" + name(random.next(guidanceCount * 2)), unit: "第\(index % 340)村", level: .village,
                          serial: serial, category: "配合协助"))
    }
}
print("guidance \(guidance.count), local \(local.count)")
/// Seconds of CPU this process has used: the machine is shared, so wall time alone says little.
func cpu() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}
/// `8.12 s (CPU 4.01 s)` since `start` and `startCPU`.
func elapsed(_ start: Date, _ startCPU: Double) -> String {
    String(format: "%.2f s (CPU %.2f s)", Date().timeIntervalSince(start), cpu() - startCPU)
}
var startCPU = cpu()
var start = Date()
let result = GuidanceMatcher.reconcile(guidance: guidance, local: local)
print("reconcile: \(elapsed(start, startCPU));",
      ReconcileKind.allCases.map { "\($0.rawValue) \(result.count($0))" }.joined(separator: ", "),
      String(format: "coverage %.1f%%", result.coverageRate * 100))
(start, startCPU) = (Date(), cpu())
let untraced = LevelTrace.untraced(local)
print("level trace: \(elapsed(start, startCPU)); untraced \(untraced.count)")
(start, startCPU) = (Date(), cpu())
let twins = OtherNames.entries(local)
print("other names: \(elapsed(start, startCPU)); pairs \(twins.count)")
