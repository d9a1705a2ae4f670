"""Item names and legal-basis texts, built from word lists and the registry's facts.

Names follow the patterns of the published lists (`对…的处罚`, `…许可`, `…审核`); the
citations name real instruments and articles that exist in every version in force from
2019 on (laws.json, extracted from the law registry).
"""
import json
from pathlib import Path

from model import chinese_number, stable_hash

LAWS = json.loads((Path(__file__).resolve().parent / "laws.json").read_text(encoding="utf-8"))

ACTS = [
    "未取得许可擅自从事经营活动", "拒绝、阻碍监督检查", "伪造、变造、出租、出借许可证件", "未按规定建立管理制度",
    "未按规定报送有关资料", "隐瞒有关情况或者提供虚假材料", "未按规定进行检验检测", "未按规定设置安全警示标志",
    "超出许可范围从事经营活动", "未按规定保存原始记录", "未按规定履行告知义务", "未按规定开展从业人员培训",
    "未按规定公示相关信息", "以欺骗、贿赂等不正当手段取得许可", "未按规定办理变更手续", "未按规定进行年度报告",
    "拒不改正违法行为", "未落实整改要求", "擅自改变用途", "未按规定配备专业技术人员", "使用不合格设施设备",
    "未按规定制定应急预案", "未按规定组织演练", "未按规定进行安全评价", "未按规定采取防护措施",
    "未按规定处置废弃物", "未按规定建立台账", "未按规定签订书面合同", "未按规定缴纳相关费用",
    "未按规定进行登记", "转让、涂改有关证照", "未按规定接受定期检验", "未按规定标注相关信息",
    "违规收取费用", "未按规定明码标价", "发布虚假信息", "未按规定建立投诉处理制度", "未按规定履行报告义务",
    "未按规定进行自查", "未按规定停止使用", "未按规定召回", "未按规定销毁", "未按规定进行备案",
    "聘用不具备资格的人员", "未按规定进行信息登记", "未按规定核验身份信息", "未按规定留存票据",
    "未按规定安装监测设备", "擅自拆除、闲置防治设施", "超过规定标准排放", "未按规定报告事故",
    "迟报、漏报、谎报、瞒报", "未按规定进行公告", "未按规定设立管理机构", "未按规定提交评估报告",
    "违反规定占用场地", "未按规定办理验收", "未按规定开展监测", "未按规定进行维护保养", "妨碍执法人员依法执行职务",
]
OTHER_TOPICS = ["年度报告", "资质条件", "变更事项", "安全评价报告", "应急预案", "整改方案", "统计资料",
                "申报材料", "信用修复申请", "专项资金申请", "技术方案", "设立条件"]
APPROVAL_SUFFIXES = ["审核", "核准", "审查", "审批"]
RECORD_SUFFIXES = ["备案", "登记", "评定", "认定"]
LEVIES = ["水资源费", "城镇土地使用税", "防空地下室易地建设费", "城市道路占用费", "污水处理费", "草原植被恢复费",
          "森林植被恢复费", "土地闲置费", "耕地开垦费", "社会保险费", "残疾人就业保障金", "资源税",
          "城市基础设施配套费", "挖掘城市道路补偿费", "公路路产损坏赔（补）偿费", "排污费"]
CONTEXTS = ["生产", "经营", "使用", "运输", "储存", "服务"]
MEASURES = ["查封", "扣押", "暂扣", "强制拆除", "代履行", "加处罚款"]
THINGS = ["违法物品", "涉案场所", "设施设备", "违法建筑物", "运输车辆", "有关财物", "账簿资料"]
LICENCE_TOPICS = ["设立", "从业资格", "经营场所", "技术条件", "安全条件", "专项"]
RESPONSIBILITIES = ["1.受理责任：公示依法应当提交的材料，一次性告知补正材料。", "2.审查责任：对申请材料进行审查，提出意见。",
                    "3.决定责任：作出决定，按时办结，法定告知。", "4.事后监管责任：开展监督检查。"]


def names_for(category, department, count, taken):
    """`count` names of one category for one department, none of them in `taken` (the names
    other departments list: a power claimed by two departments is a planted defect only)."""
    subjects, objects = department["subjects"], department["objects"]
    if category == "行政处罚":
        pool = [f"对{s}{a}的处罚" for a in ACTS for s in subjects if f"对{s}{a}的处罚" not in taken]
        if len(pool) < count:  # large departments: the same acts in each kind of activity
            pool += [f"对{s}在{c}活动中{a}的处罚" for c in CONTEXTS for a in ACTS for s in subjects]
    elif category == "行政许可":
        pool = list(objects) + [f"{s}{t}许可" for t in LICENCE_TOPICS for s in subjects]
    elif category == "行政征收":
        pool = [f"{levy}征收" for levy in LEVIES] + [f"对{s}征收{levy}" for s in subjects for levy in LEVIES]
    elif category == "行政强制":
        pool = [f"对{s}{t}的{m}" for m in MEASURES for t in THINGS for s in subjects]
    elif category == "其他行政权力（审批类）":
        pool = [f"{s}{t}{x}" for x in APPROVAL_SUFFIXES for t in OTHER_TOPICS for s in subjects]
    else:
        pool = [f"{s}{t}{x}" for x in RECORD_SUFFIXES for t in OTHER_TOPICS for s in subjects]
    # Spread over subjects first, then acts, so a list reads like a real one.
    pool = sorted((n for n in dict.fromkeys(pool) if n not in taken), key=lambda n: stable_hash(department["short"] + n))
    if len(pool) < count:
        raise ValueError(f"{department['short']}: only {len(pool)} names for {count} {category}")
    taken.update(pool[:count])
    return pool[:count]


def rank_tag(law_key, variant=0):
    level = LAWS[law_key]["level"]
    if level == "行政法规":
        return "【行政法规】" if variant % 2 == 0 else "【法规】"
    return f"【{level}】"


def article(law_key, seed, penalty):
    """An article that exists: penalties cite the last third (法律责任), others the middle."""
    last = LAWS[law_key]["lastArticle"]
    low, high = (max(2, last * 2 // 3), max(2, last - 1)) if penalty else (max(2, last // 5), max(2, last // 2))
    return low + stable_hash(seed) % (high - low + 1)


def citation(law_key, seed, penalty=False, number=None, spaced=False):
    n = number or article(law_key, seed, penalty)
    clause = ["", "第一款", "第二款", "第一款第（一）项"][stable_hash(seed + "c") % 4]
    title = LAWS[law_key]["title"]
    text = f"{rank_tag(law_key, stable_hash(seed))}《{title}》第{chinese_number(n)}条{clause}"
    if spaced:  # as the published 统计局 list writes it
        text = text.replace("《", "《 ").replace("第", " 第", 1)
    return text


def basis_for(department, name, category, spaced=False):
    laws = department["laws"]
    main = laws[stable_hash(name) % len(laws)]
    penalty = category in ("行政处罚", "行政强制")
    text = citation(main, name, penalty, spaced=spaced)
    if len(laws) > 1 and stable_hash(name + "2") % 4 == 0:
        second = laws[(laws.index(main) + 1) % len(laws)]
        text += "\n" + citation(second, name + "2", penalty, spaced=spaced)
    return text
