import Catalogue
@testable import Cleanup
import Testing

/// One test per legal rule, named after the article that states it.
@Suite("Legal-basis checks")
struct LegalBasisCheckTests {
    @Test("行政许可法第十四至十七条: a 部门规章 alone cannot set a licence")
    func licenceByDepartmentalRule() throws {
        let found = try findings(.insufficientBasis, name: "某某许可", category: "行政许可", basis: "【部门规章】《某某管理办法》第五条")
        #expect(found.count == 1)
        #expect(found.first?.severity == .error)
        #expect(found.first?.message.contains("行政许可法") == true)
        #expect(found.first?.location.cell == "E3")
    }

    @Test("行政许可法第十四至十七条: one sufficient citation among insufficient ones is enough")
    func licenceWithOneLaw() throws {
        let basis = "【规范性文件】《某某通知》第一条\n【法律】《中华人民共和国统计法》第一条"
        #expect(try findings(.insufficientBasis, category: "行政许可", basis: basis).isEmpty)
    }

    @Test("行政处罚法第十六条: a 规范性文件 cannot set a penalty")
    func penaltyByNormativeDocument() throws {
        #expect(try findings(.insufficientBasis, category: "行政处罚", basis: "【规范性文件】《某某规定》第三条").count == 1)
        #expect(try findings(.insufficientBasis, category: "行政处罚", basis: "【规章】《某某办法》第三条").isEmpty)
    }

    @Test("行政强制法第十条: a 强制措施 set by a 部门规章 is insufficient, by a 地方性法规 sufficient")
    func coerciveMeasure() throws {
        #expect(try findings(.insufficientBasis, name: "查封场所", category: "行政强制", basis: "【部门规章】《某办法》第一条").count == 1)
        #expect(try findings(.insufficientBasis, name: "查封场所", category: "行政强制", basis: "【地方性法规】《某条例》第一条").isEmpty)
    }

    @Test("行政强制法第十三条: 强制执行 only by a 法律")
    func enforcement() throws {
        let found = try findings(.insufficientBasis, name: "强制执行罚款", category: "行政强制", basis: "【行政法规】《某条例》第一条")
        #expect(found.first?.message.contains("第十三条") == true)
        #expect(try findings(.insufficientBasis, name: "强制执行罚款", category: "行政强制", basis: "【法律】《统计法》第一条").isEmpty)
    }

    @Test("the registry's rank overrides a wrong tag, and the disagreement is a finding")
    func rankFromRegistry() throws {
        let basis = "【规范性文件】《中华人民共和国统计法》第四十四条"
        #expect(try findings(.insufficientBasis, basis: basis).isEmpty)
        #expect(try findings(.rankTagMismatch, basis: basis).first?.severity == .warning)
    }

    @Test("a basis of unknown rank is not judged insufficient")
    func unknownRank() throws {
        #expect(try findings(.insufficientBasis, category: "行政许可", basis: "《某某不在登记表的办法》第一条").isEmpty)
    }

    @Test("no basis at all is an error; a basis with no citation is reported")
    func missingBasis() throws {
        #expect(try findings(.missingBasis, basis: nil).first?.severity == .error)
        #expect(try findings(.basisWithoutCitation, basis: "根据上级要求办理").count == 1)
    }

    @Test("a repealed law is an error naming its successor; a superseded version a warning")
    func repealedAndSuperseded() throws {
        let repealed = try findings(.repealedInstrument, basis: "【法律】《中华人民共和国环境噪声污染防治法》第五十条")
        #expect(repealed.first?.severity == .error)
        #expect(repealed.first?.message.contains("噪声污染防治法") == true)
        let superseded = try findings(.supersededVersion, basis: "【法律】《中华人民共和国统计法》（2009年6月27日修订）第一条")
        #expect(superseded.first?.message.contains("2024年9月13日") == true)
    }

    @Test("an article beyond the last one of the cited version is an error (第九十条 of 83)")
    func articleOutOfRange() throws {
        let found = try findings(.articleOutOfRange, category: "行政许可", basis: "【法律】《中华人民共和国行政许可法》第九十条")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("83") == true)
        #expect(try findings(.articleOutOfRange, basis: "【法律】《中华人民共和国行政许可法》第八十三条").isEmpty)
    }

    @Test("an article only in an older version is a warning naming both versions")
    func articleRenumbered() throws {
        var schemas = try Shipped.schemas()
        schemas.registry.add(LawEntry(key: "某某法", title: "某某法", rank: .law, versions: [
            LawVersion(date: "2001-01-01", status: .amended, articles: ArticleSet(ranges: [1...60])),
            LawVersion(date: "2020-01-01", status: .inForce, articles: ArticleSet(ranges: [1...50])),
        ]))
        let (_, found) = Cleaner(schemas: schemas).clean(try rawItem("事项", basis: "【法律】《某某法》第五十五条"))
        let renumbered = found.filter { $0.code == .articleRenumbered }
        #expect(renumbered.count == 1)
        #expect(renumbered.first?.message.contains("2001年1月1日版") == true)
        #expect(renumbered.first?.message.contains("2020年1月1日版") == true)
        #expect(!found.contains { $0.code == .articleOutOfRange })
    }

    @Test("a basis of only party regulations or internal documents hints at internal management")
    func internalOnly() throws {
        #expect(try findings(.internalBasisOnly, basis: "【党内法规】《某某工作条例》第三条").count == 1)
        #expect(try findings(.internalBasisOnly, basis: "【法律】《统计法》第一条\n【党内法规】《某某工作条例》第三条").isEmpty)
    }

    @Test("forms and notices are not legal instruments")
    func formsAndNotices() throws {
        #expect(try findings(.notALegalInstrument, basis: "《行政处罚告知书》\n《关于印发统计执法检查工作规程的通知》").count == 2)
    }
}
