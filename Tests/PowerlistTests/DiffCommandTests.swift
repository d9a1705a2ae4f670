import Foundation
import Sheets
import Testing

/// `powerlist diff` and `powerlist decisions apply` on the example region, 2023 → 2024: the
/// manifest lists every planted change and the 审批 figures the county reports.
@Suite(.serialized) struct DiffCommandTests {
    /// A workspace with both revisions imported and the region's `powerlist.yaml`, made once.
    private static let workspace = Result { () throws -> URL in
        let folder = try SeededWorkspace.temporaryFolder()
        try FileManager.default.copyItem(at: ExampleManifest.folder.appendingPathComponent("powerlist.yaml"),
                                         to: folder.appendingPathComponent("powerlist.yaml"))
        for revision in try ExampleManifest.load().revisions {
            let result = try PowerlistCLI.run(["import", "--workspace", folder.path, "--revision", revision.label,
                                               ExampleManifest.folder.appendingPathComponent(revision.folder).path])
            guard result.exitCode == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: result.stderr]) }
        }
        return folder
    }

    private func diffJSON(_ old: String, _ new: String, in folder: URL, extra: [String] = []) throws -> (PowerlistCLI.Result, [[String: Any]]) {
        let output = folder.appendingPathComponent("对比-\(UUID().uuidString).json")
        let result = try PowerlistCLI.run(["diff", old, new, "--workspace", folder.path, "--output", output.path] + extra)
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any]
        return (result, document?["changes"] as? [[String: Any]] ?? [])
    }

    /// The change whose old side holds the manifest item (by unit and name). The manifest
    /// names a township by itself (`库木巴什镇`), its files may by its government (`…镇人民政府`).
    private func change(from item: ExampleManifest.Change.Item, in changes: [[String: Any]]) -> [String: Any]? {
        changes.first { change in
            (change["old"] as? [[String: Any]] ?? []).contains {
                [item.unit, item.unit + "人民政府"].contains($0["unit"] as? String) && $0["name"] as? String == item.name
            }
        }
    }

    @Test func reportsTheApprovalReductionAsTheCountyDoes() throws {
        let folder = try Self.workspace.get()
        let manifest = try ExampleManifest.load()
        let result = try PowerlistCLI.run(["diff", "2023", "2024", "--workspace", folder.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let cut = manifest.reduction.before - manifest.reduction.after
        #expect(result.stdout.contains("审批事项：变动前 \(manifest.reduction.before) 项，变动后 \(manifest.reduction.after) 项；精简\(cut)项，削减\(manifest.reduction.percent)%"),
                "\(result.stdout)")
        #expect(result.stdout.contains("变动后 \(manifest.reduction.after) 项"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("审核决定（2023→2024）.xlsx").path))
    }

    @Test func jsonAndXLSXCarryTheApprovalFigures() throws {
        let folder = try Self.workspace.get()
        let reduction = try ExampleManifest.load().reduction
        let json = folder.appendingPathComponent("对比-汇总.json"), xlsx = folder.appendingPathComponent("对比-汇总.xlsx")
        for output in [json, xlsx] {
            let result = try PowerlistCLI.run(["diff", "2023", "2024", "--workspace", folder.path, "--output", output.path])
            #expect(result.exitCode == 0, "\(result.stderr)")
        }
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any]
        let groups = (document?["summary"] as? [String: Any])?["groups"] as? [[String: Any]] ?? []
        let approvals = try #require(groups.first { $0["name"] as? String == "审批事项" })
        #expect(approvals["before"] as? Int == reduction.before && approvals["after"] as? Int == reduction.after)
        #expect(approvals["reduction"] as? Int == reduction.cut && approvals["reductionPercent"] as? Double == reduction.percent)
        let summary = try Workbook.read(xlsx).sheets[0]
        let row = try #require(summary.rows.first { $0.cells.contains { $0.value.text == "审批事项" } })
        #expect(row.cells.contains { $0.value.text == "精简\(reduction.cut)项，削减\(reduction.percent)%" })
    }

    @Test func listsRetainedItemsOnlyWhenAsked() throws {
        let folder = try Self.workspace.get()
        let (result, changes) = try diffJSON("2023", "2024", in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(!changes.isEmpty && !changes.contains { $0["kind"] as? String == "unchanged" })
        let (_, whole) = try diffJSON("2023", "2024", in: folder, extra: ["--include-unchanged"])
        let retained = whole.filter { $0["kind"] as? String == "unchanged" }
        #expect(!retained.isEmpty && whole.count == changes.count + retained.count)
    }

    @Test func findsPlantedChangesWithTheirKinds() throws {
        let folder = try Self.workspace.get()
        let manifest = try ExampleManifest.load()
        let (result, changes) = try diffJSON("2023", "2024", in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let expected: [String: (kind: String, direction: String?)] = ["merged": ("merged", nil), "split": ("split", nil), "delegated": ("moved", "devolved"),
                        "recategorized": ("recategorized", nil), "renamed": ("renamed", nil), "abolished": ("abolished", nil)]
        for (planted, (kind, direction)) in expected {
            let sample = manifest.changes.filter { $0.kind == planted }
            #expect(!sample.isEmpty)
            for plantedChange in sample {
                let found = change(from: plantedChange.from[0], in: changes)
                #expect(found?["kind"] as? String == kind, "\(planted): \(plantedChange.from[0].name)")
                #expect(found?["direction"] as? String == direction, "\(planted): \(plantedChange.from[0].name)")
                if kind == "merged" || kind == "split" {
                    #expect((found?["old"] as? [Any])?.count == plantedChange.from.count)
                    #expect((found?["new"] as? [Any])?.count == plantedChange.to.count)
                }
            }
        }
    }

    @Test func swappingTheRevisionsMirrorsTheResult() throws {
        let folder = try Self.workspace.get()
        let (_, forward) = try diffJSON("2023", "2024", in: folder)
        let (result, backward) = try diffJSON("2024", "2023", in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        func count(_ kind: String, _ changes: [[String: Any]]) -> Int { changes.filter { $0["kind"] as? String == kind }.count }
        #expect(count("abolished", forward) > 0)
        #expect(count("abolished", forward) == count("added", backward))
        #expect(count("added", forward) == count("abolished", backward))
        #expect(count("merged", forward) == count("split", backward))
        #expect(count("split", forward) == count("merged", backward))
        let devolved = forward.filter { $0["direction"] as? String == "devolved" }.count
        #expect(devolved > 0)
        #expect(devolved == backward.filter { $0["direction"] as? String == "centralized" }.count)
    }

    @Test func decisionsAppliedAreReportedAsConfirmed() throws {
        let folder = try Self.workspace.get()
        let sheet = folder.appendingPathComponent("决定.xlsx")
        let first = try PowerlistCLI.run(["diff", "2023", "2024", "--workspace", folder.path, "--decisions", sheet.path])
        #expect(first.exitCode == 0, "\(first.stderr)")
        let confirmedKeys = try Self.decide(sheet, kind: "合并", rows: 2, reviewer: "李审核")
        let apply = try PowerlistCLI.run(["decisions", "apply", sheet.path, "--workspace", folder.path])
        #expect(apply.exitCode == 0, "\(apply.stderr)")
        #expect(apply.stdout.contains("已存入 2 条审核决定"), "\(apply.stdout)")

        let (result, changes) = try diffJSON("2023", "2024", in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let confirmed = changes.filter { $0["review"] as? String == "confirmed" }
        #expect(confirmed.count == 2)
        #expect(confirmed.allSatisfy { $0["reviewer"] as? String == "李审核" && $0["kind"] as? String == "merged" })
        let keys = Set(confirmed.map { (($0["old"] as? [[String: Any]]) ?? []).compactMap { $0["key"] as? String }.sorted().joined(separator: "\n") })
        #expect(keys == confirmedKeys)
        #expect(result.stderr.contains("人工确认 2"), "\(result.stderr)")
    }

    @Test func aBadDecisionIsReportedWithItsCell() throws {
        let folder = try Self.workspace.get()
        let sheet = folder.appendingPathComponent("坏决定.xlsx")
        _ = try PowerlistCLI.run(["diff", "2023", "2024", "--workspace", folder.path, "--decisions", sheet.path])
        _ = try Self.decide(sheet, kind: "取消", rows: 1, reviewer: nil, decision: "同意")
        let apply = try PowerlistCLI.run(["decisions", "apply", sheet.path, "--workspace", folder.path])
        #expect(apply.exitCode == 1)
        #expect(apply.stderr.contains("审核决定!K"), "\(apply.stderr)")
        #expect(apply.stderr.contains("同意"))
    }

    @Test func filesGivenDirectlyAreComparedWithoutTouchingTheWorkspace() throws {
        let manifest = try ExampleManifest.load()
        let folder = try SeededWorkspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: ExampleManifest.folder.appendingPathComponent("powerlist.yaml"),
                                         to: folder.appendingPathComponent("powerlist.yaml"))
        let result = try PowerlistCLI.run(["diff", ExampleManifest.folder.appendingPathComponent("2023").path,
                                           ExampleManifest.folder.appendingPathComponent("2024").path, "--workspace", folder.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("审批事项：变动前"), "\(result.stdout)")
        #expect(result.stdout.contains("变动后 \(manifest.reduction.after) 项"), "\(result.stdout)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("powerlist.sqlite").path))
    }

    @Test func anUnknownSideIsAChineseError() throws {
        let folder = try Self.workspace.get()
        let result = try PowerlistCLI.run(["diff", "2023", "2099", "--workspace", folder.path])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("“2099”既不是工作区中的修订版"), "\(result.stderr)")
    }

    /// Fills 决定 (and 审核人) in the first `rows` rows of a kind; returns their old keys.
    static func decide(_ file: URL, kind: String, rows count: Int, reviewer: String?, decision: String = "确认") throws -> Set<String> {
        let workbook = try Workbook.read(file)
        var sheet = workbook.sheets[0]
        let header = sheet.rows[0].cells.reduce(into: [String: Int]()) { $0[$1.value.text] = $1.address.column }
        let (kindColumn, decisionColumn, reviewerColumn, oldKeys) = (header["变动类型"]!, header["决定"]!, header["审核人"]!, header["原事项键"]!)
        var decided = Set<String>()
        for index in sheet.rows.indices.dropFirst() where decided.count < count {
            let row = sheet.rows[index]
            guard row[kindColumn]?.text == kind else { continue }
            decided.insert((row[oldKeys]?.text ?? "").split(separator: "\n").sorted().joined(separator: "\n"))
            sheet.rows[index].cells.append(Cell(address: CellAddress(row: row.index, column: decisionColumn), value: .text(decision)))
            if let reviewer {
                sheet.rows[index].cells.append(Cell(address: CellAddress(row: row.index, column: reviewerColumn), value: .text(reviewer)))
            }
            sheet.rows[index].cells.sort { $0.address.column < $1.address.column }
        }
        try XLSXWriter().write([sheet], to: file)
        return decided
    }
}
