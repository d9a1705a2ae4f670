import Catalogue
import Schemas

/// Whose items a sheet lists: one unit (a department's own list, whose 行使主体 repeats the
/// department or names offices inside it), or — in a consolidated list (汇总清单) whose
/// 行使主体 names several bodies — the unit on each item's row.
///
/// Fed the 行使主体 and 实施层级及权限 of every item as the sheet is read; asked once at the end.
struct SheetUnits {
    /// Per item, in sheet order: its 行使主体 (compacted) and the level its 实施层级 names.
    private var rows: [(actor: String?, level: Level?)] = []
    private(set) var actors = UnitInference.ActorTally()
    private var levelCounts: [Level: Int] = [:]
    /// The level each distinct 实施层级及权限 text names: a sheet repeats a few such texts over
    /// all its items, and reading a level out of one tries every alias of every level.
    private var levelsByText: [UTF8Key: Level?] = [:]

    mutating func note(actor: String?, levelText: String?) {
        let actor = actor.map(UnitInference.compact).flatMap { $0.isEmpty ? nil : $0 }
        if let actor { actors.add(actor) }
        let level = levelText.flatMap { text in levelNamed(in: text) }
        if let level { levelCounts[level, default: 0] += 1 }
        rows.append((actor, level))
    }

    private mutating func levelNamed(in text: String) -> Level? {
        let key = UTF8Key(text)
        if let known = levelsByText[key] { return known }
        let level = UnitInference.level(levelColumn: text)
        levelsByText[key] = .some(level)
        return level
    }

    /// The level most items' 实施层级及权限 names (the higher of equals).
    var columnLevel: Level? {
        Level.allCases.filter { levelCounts[$0] != nil }.max { levelCounts[$0]! < levelCounts[$1]! }
    }

    /// The body each 行使主体 belongs to when they name several bodies (two, or three under a
    /// title that names a unit), nil otherwise.
    /// An actor belongs to a body it contains or whose name without the place
    /// (`克拉玛依市商务局` → `商务局`) it contains, at the same kind of level (so `乌尔禾镇人民政府`
    /// never folds into `某县人民政府`); offices (`…科`, `…股`, `办公室`) never make a body of their own.
    ///
    /// - Parameter owner: the unit the title names, which the actors may repeat or sit inside.
    func bodies(owner: String?) -> [String: String]? {
        // Each name's core and kind once: a consolidated list has hundreds of actors, each
        // tried against every body found so far.
        let names = actors.bodies + (owner.map { [$0] } ?? [])
        let facts = Dictionary(names.map { ($0, NameFacts($0)) }) { first, _ in first }
        let candidates = actors.bodies.sorted { facts[$0]!.coreLength < facts[$1]!.coreLength }
        var bodies = owner.map { [$0] } ?? []
        var bodyOf: [String: String] = [:]
        for actor in candidates {
            if let body = bodies.first(where: { Self.belongs(actor, facts[actor]!, to: $0, facts[$0]!) }) {
                bodyOf[actor] = body
            } else if !Self.isOffice(actor) {
                bodies.append(actor)
                bodyOf[actor] = actor
            }
        }
        // Under a title naming one unit, two bodies are usually that unit (abbreviated:
        // `市科技局` under `克拉玛依市科学技术局`) and a government acting for it; it takes three.
        return Set(bodyOf.values).count >= (owner == nil ? 2 : 3) ? bodyOf : nil
    }

    /// Each item's body and the level its row states, in sheet order (nil when the row names none).
    func rowUnits(_ bodyOf: [String: String]) -> [(body: String?, level: Level?)] {
        rows.map { ($0.actor.flatMap { bodyOf[$0] }, $0.level) }
    }

    static func belongs(_ actor: String, to body: String) -> Bool {
        belongs(actor, NameFacts(actor), to: body, NameFacts(body))
    }

    private static func belongs(_ actor: String, _ actorFacts: NameFacts, to body: String, _ bodyFacts: NameFacts) -> Bool {
        if actor == body || contains(actor, body) || contains(body, actor) { return true }
        guard actorFacts.isLocal == bodyFacts.isLocal else { return false }
        return bodyFacts.coreLength >= 2 && contains(actorFacts.core, bodyFacts.core)
    }

    /// Whether `part` occurs in `text`, by UTF-8 bytes (which never match mid-character): every
    /// actor is tried against every body, and Foundation's `contains` made this a twentieth
    /// of a large import. An empty `part` is in nothing, as Foundation has it.
    private static func contains(_ text: String, _ part: String) -> Bool {
        guard !part.isEmpty, part.utf8.count <= text.utf8.count else { return false }
        let found = text.utf8.withContiguousStorageIfAvailable { text in
            part.utf8.withContiguousStorageIfAvailable { part in
                (0...(text.count - part.count)).contains { start in
                    text[start] == part[0] && (1..<part.count).allSatisfy { text[start + $0] == part[$0] }
                }
            }
        }
        return found.flatMap { $0 } ?? (text.utf8.firstRange(of: part.utf8) != nil)
    }

    /// What `belongs` asks of a name, worked out once.
    private struct NameFacts {
        let core: String
        let coreLength: Int
        let isLocal: Bool

        init(_ name: String) {
            core = SheetUnits.core(name)
            coreLength = core.count
            isLocal = SheetUnits.isLocal(name)
        }
    }

    /// The name without the place it begins with: `克拉玛依市商务局` → `商务局`, `县财政局` → `财政局`.
    static func core(_ name: String) -> String {
        guard let marker = UnitInference.placeMarker(in: name) else { return name }
        let rest = name[name.index(after: marker)...]
        return rest.count >= 2 ? String(rest) : name
    }

    private static func isLocal(_ name: String) -> Bool {
        let level = UnitInference.level(unitName: name)
        return level == .township || level == .village
    }

    /// An office inside a department: `法规科`, `办公室`, `市场运行科` — short, with no place
    /// or organ of its own (`人民防空办公室` is a body).
    private static func isOffice(_ name: String) -> Bool {
        ["科", "股", "组"].contains(where: name.hasSuffix) || name.hasSuffix("室") && name.count <= 5
    }
}
