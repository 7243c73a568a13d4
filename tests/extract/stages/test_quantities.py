"""Targets and statistics: value, unit, comparator, year, as-of date (extract/stages/quantities.py).

Real sentences from /work/shared/corpus/scale/ (file in a comment) with the document type and
title the ingester gives that file.
"""

from policykg.extract.stages.mentions import find_mentions
from policykg.extract.stages.quantities import doc_kind, find_quantities, parse_number, plan_period

# data_compliance/local/《河南省深化智慧城市发展推进城市全域数字化转型实施方案-2025—2027年-》-601145db1d.md
HENAN = "河南省深化智慧城市发展推进城市全域数字化转型实施方案（2025—2027年）"
# data_compliance/local/《海南省加快构建具有特色和优势现代化产业体系三年行动方案-2025-2027年-》-28564e873a.md
HAINAN = "海南省加快构建具有特色和优势现代化产业体系三年行动方案（2025-2027年）"
# data_compliance/local/《北京市关于大力发展智慧农业的实施方案-2025-2030年-》-53a0df5e53.md
BEIJING = "北京市关于大力发展智慧农业的实施方案（2025-2030年）"
# data_compliance/local/天津市关于加快数据标注产业发展促进行业高质量数据集建设的行动方案-2025—2027年-2c7639af1c.md
TIANJIN = "天津市关于加快数据标注产业发展促进行业高质量数据集建设的行动方案（2025—2027年）"


def quantities(text: str, jurisdiction: str | None, doc_type: str, title: str, context: str = ""):
    m = find_mentions(text, 0, len(text), jurisdiction)
    return find_quantities(text, 0, len(text), m, doc_type=doc_type, title=title, context=context, footnotes=[])


def target(q):
    return (q.kind, q.metric, q.value, q.unit, q.comparator, q.year)


def test_a_goal_in_trillions_of_yuan():
    [q] = quantities("到2027年，力争全省数字经济规模突破2.6万亿元。", "henan", "implementation-plan", HENAN)
    assert target(q) == ("target", "数字经济规模", 2600000000000, "元", ">", 2027)
    assert (q.start, q.end, q.period, q.as_of, q.source, q.domains) == (19, 25, None, None, None, ["digital-economy"])


def test_ten_thousands_of_base_stations():
    text = "到2027年，全省5G基站达到27万个，10G-PON及以上端又达到200万个，郑州国家级互联网骨干直联点带宽达到6000G。"
    qs = quantities(text, "henan", "implementation-plan", HENAN)
    assert target(qs[0]) == ("target", "5G基站", 270000, "个", "≥", 2027)
    assert [(text[q.start:q.end], q.value, q.unit) for q in qs] == [("27万个", 270000, "个"), ("200万个", 2000000, "个")]


def test_about_ten_is_approximately():
    [q] = quantities("到2027年，建设10个左右省级可信数据空间。", "henan", "implementation-plan", HENAN)
    assert target(q) == ("target", "省级可信数据空间", 10, "个", "≈", 2027)
    assert (q.start, q.end, q.domains) == (9, 14, ["trusted-data-space"])


def test_revenue_and_visitor_targets():
    text = "到2027年，三亚海棠湾休闲旅游产业集群营业收入突破500亿元，全省入境游客达到230万人次，开通境外航线160条。"
    qs = quantities(text, "hainan", "action-plan", HAINAN)
    assert [target(q) for q in qs[:2]] == [
        ("target", "三亚海棠湾休闲旅游产业集群营业收入", 50000000000, "元", ">", 2027),
        ("target", "入境游客", 2300000, "人次", "≥", 2027)]


def test_percent_targets_with_at_least_and_more_than():
    text = "科技创新和产业创新深度融合，力争2027年全省R&D经费投入强度达到1.8%，高新技术产业增加值占GDP比重超17%。"
    assert [target(q) for q in quantities(text, "hainan", "action-plan", HAINAN)] == [
        ("target", "R&D经费投入强度", 1.8, "%", "≥", 2027),
        ("target", "高新技术产业增加值占GDP比重", 17, "%", ">", 2027)]


def test_a_rate_with_or_above():
    text = ("到2028年，打造智慧牧场6个以上，畜禽养殖信息化率达到75%以上；到2030年，打造智慧牧场8个以上，"
            "畜禽养殖机械化率达到90%以上，畜禽养殖信息化率达到85%以上。")
    q = quantities(text, "beijing", "implementation-plan", BEIJING)[1]
    assert target(q) == ("target", "畜禽养殖信息化率", 75, "%", "≥", 2028)
    assert text[q.start:q.end] == "75%以上"


def test_the_plan_period_gives_the_year_when_the_paragraph_does_not():
    text = "建设数据标注产教融合培训基地，新增培训数据标注相关人才不少于3000人，为产业发展提供充足专业人才支撑。"
    [q] = quantities(text, "tianjin", "action-plan", TIANJIN, context="——专业人才培育壮大。")
    assert target(q) == ("target", "新增培训数据标注相关人才", 3000, "人", "≥", 2027)
    assert q.domains == ["data-annotation"]


def test_a_statistic_as_of_a_month():
    # data_compliance/national/工业和信息化领域人工智能安全治理标准体系建设指南-2025-征求意见稿-56d03ad211.md
    text = ("截至2025年2月，在人工智能安全治理领域，全国信息技术标准化技术委员会（TC28）、全国网络安全标准化技术委员会（TC260）、"
            "中国通信标准化协会（CCSA）等技术委员会或工作组，共计发布55项国家标准与行业标准。")
    [q] = quantities(text, None, "guideline", "工业和信息化领域人工智能安全治理标准体系建设指南（2025）（征求意见稿）")
    assert (q.kind, q.metric, q.value, q.unit, q.comparator, q.as_of, q.source, q.year) == \
        ("statistic", "国家标准与行业标准", 55, "项", None, "2025-02", None, None)
    assert text[q.start:q.end] == "55项"


def test_fines_in_a_regulation_are_neither_targets_nor_statistics():
    # lawrefbook_dlc/beijing/北京市专利保护和促进条例.md (第四十七条)
    text = "同一侵权人再次侵犯同一专利权的，可以由市专利管理部门责令改正，没收违法所得，并处二万元以上二十万元以下的罚款。"
    assert quantities(text, "beijing", "regulation", "北京市专利保护和促进条例") == []


def test_numbers_periods_and_kinds_of_document():
    assert [parse_number("2.6", "万亿"), parse_number("230", "万"), parse_number("1.8", ""),
            parse_number("二十", "万"), parse_number("500", "亿")] == [2600000000000, 2300000, 1.8, 200000, 50000000000]
    assert plan_period(HENAN) == (2025, 2027) and plan_period(BEIJING) == (2025, 2030)
    assert [doc_kind(t) for t in ("regulation", "action-plan", "implementation-plan", "report")] == \
        ["rules", "plan", "plan", "report"]
