import Catalogue
import Foundation
import Store
import Testing
import Workflow

/// A county's consolidated list names the unit on each row; a department's own list stays one unit.
@Suite struct ConsolidatedListTests {
    static let departments = ["教育局", "财政局", "公安局", "民政局", "司法局", "人力资源和社会保障局", "自然资源局",
                              "生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化体育广播电视和旅游局",
                              "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局",
                              "医疗保障局", "林业和草原局", "发展和改革委员会", "工业和信息化局", "科学技术局", "民族宗教事务局",
                              "档案局", "气象局", "消防救援大队", "人民防空办公室", "粮食和物资储备局", "供销合作社联合社",
                              "地方金融监督管理局", "乡村振兴局", "信访局", "机关事务管理局", "国家保密局", "密码管理局",
                              "网信办", "体育局", "文物局", "畜牧兽医局", "住房公积金管理中心", "城市管理局", "行政审批局",
                              "政务服务管理局", "数据局", "烟草专卖局", "残疾人联合会", "妇女联合会"]
    static let townships = ["和什托洛盖镇人民政府", "夏孜盖乡人民政府", "巴音傲瓦乡人民政府"]

    @Test func aConsolidatedCSVImportsIntoOneUnitPerBodyAtTheLevelItsNameImplies() throws {
        #expect(Self.departments.count == 50 && Set(Self.departments).count == 50)
        let test = try TestWorkspace()
        let bodies = Self.departments.map { "和布克赛尔蒙古自治县\($0)" } + Self.townships
        var rows = [["和布克赛尔蒙古自治县权责清单（汇总）"], TestWorkspace.header]
        for (index, body) in bodies.enumerated() {
            rows.append(["1", "事项\(index)甲", "", "行政检查", "《法》", body])
            rows.append(["2", "事项\(index)乙", "", "行政处罚", "《法》", body])
        }
        let report = try test.importJob().run(test.csv("汇总.csv", rows))

        #expect(report.error == nil)
        #expect(report.units.count == 53)
        #expect(report.units.filter { $0.level == .county }.count == 50)
        #expect(report.units.filter { $0.level == .township }.map(\.name) == Self.townships)
        #expect(report.submitter == "和布克赛尔蒙古自治县")
        // Each body's two items count: serials restart per unit.
        #expect(report.itemCount == 106)
        #expect(try test.workspace.publishedItemCount() == 106)
        let education = try test.workspace.items(matching: ItemFilter(unit: "自治县教育局"))
        #expect(education.map(\.item.name) == ["事项0甲", "事项0乙"])
        #expect(try test.workspace.items(matching: ItemFilter(level: .township)).count == 6)
    }

    @Test func aDepartmentListWhose行使主体NamesItsOfficesStaysOneUnit() throws {
        let test = try TestWorkspace()
        let rows = [["克拉玛依市商务局2024年权责清单"], TestWorkspace.header,
                    ["1", "甲", "", "行政许可", "《法》", "克拉玛依市商务局"],
                    ["2", "乙", "", "行政检查", "《法》", "克拉玛依市商务局市场运行科"],
                    ["3", "丙", "", "行政检查", "《法》", "商务局对外贸易科"],
                    ["4", "丁", "", "行政处罚", "《法》", "办公室"]]
        let report = try test.importJob().run(test.csv("商务局.csv", rows))
        #expect(report.units == [AdminUnit(name: "克拉玛依市商务局", level: .city)])
        #expect(report.itemCount == 4)
    }

    @Test func aListWithoutTitleWhose行使主体RepeatsTheDepartmentStaysOneUnit() throws {
        let test = try TestWorkspace()
        let rows = [TestWorkspace.header,
                    ["1", "甲", "", "行政许可", "《法》", "县统计局"],
                    ["2", "乙", "", "行政检查", "《法》", "县统计局"],
                    ["3", "丙", "", "行政检查", "《法》", "县统计局执法大队"]]
        let report = try test.importJob().run(test.csv("统计局.csv", rows))
        #expect(report.units == [AdminUnit(name: "县统计局", level: .county)])
    }
}
