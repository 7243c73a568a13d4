"""Targets and statistics: value, unit, comparator, year, as-of date (extract/stages/quantities.py).

Real sentences from /work/shared/corpus/scale/ (file in a comment) with the document type and
title the ingester gives that file.
"""

from policykg.extract.pipeline import run
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


# data_compliance/local/省数据局等七部门关于印发《湖北省加快发展数据标注产业建设高质量数据集实施方案》的通知-湖北省数据局-8a8c190d44.md
HUBEI = "湖北省加快发展数据标注产业建设高质量数据集实施方案"


def test_by_the_end_of_2027_and_annual_only_for_the_figure_it_governs():
    text = ("到2027年底，培育10家规模过亿元的数据标注企业，带动相关产值超100亿元，产业规模年均复合增长率达20％以上；"
            "力争打造5个省级数据标注示范园区和10个省级数据标注示范基地，建设500个高质量数据集标杆产品，"
            "为加快建成中部地区崛起重要战略支点集聚创新动能。")
    qs = quantities(text, "hubei", "implementation-plan", HUBEI)
    assert [(text[q.start:q.end], q.value, q.unit, q.comparator, q.year, q.period) for q in qs] == [
        ("10家", 10, "家", "=", 2027, None), ("100亿元", 10000000000, "元", ">", 2027, None),
        ("20％以上", 20, "%", "≥", 2027, "每年"), ("5个", 5, "个", "=", 2027, None),
        ("10个", 10, "个", "=", 2027, None), ("500个", 500, "个", "=", 2027, None)]
    assert [q.metric for q in qs][:2] == ["规模过亿元的数据标注企业", "相关产值"]


def test_two_deadlines_in_one_sentence_give_each_figure_its_own_year():
    text = ("到2028年，70%以上重点种业科技企业使用智能育种系统，70%以上优良品种选育采用智能育种技术；"
            "到2030年，80%以上重点种业科技企业使用智能育种系统，80%以上优良品种选育采用智能育种技术。")
    assert [(q.value, q.year) for q in quantities(text, "beijing", "implementation-plan", BEIJING)] == [
        (70, 2028), (70, 2028), (80, 2030), (80, 2030)]


def test_a_year_end_deadline_carries_to_the_next_sentence_of_the_goal_paragraph():
    # data_compliance/local/政策文件_-福建省数据管理局_-福建省发展和改革委员会-bedb51c0cd.md (福建省有序推进算力基础设施发展若干措施)
    text = ("为深入贯彻落实国家关于“东数西算”和构建全国一体化算力服务体系的决策部署，规范有序推动全省算力基础设施建设，"
            "加速产业数字化与智能化转型升级，全面提升我省数字经济核心竞争力，结合我省实际，制定本措施。到2027年底，"
            "全省公共算力规模达到12EFLOPS以上，并根据全省公共算力应用需求、资源利用率等情况，谋划建设一批中型算力基础设施项目，"
            "合理扩大算力建设规模，推动智算中心提升国产化率。新建及改扩建数据中心电能利用效率（PUE）降至1.25以内，"
            "数据中心整体上架率不低于65%，打造不少于20个算力应用案例，稳步提升数据中心绿色能源使用比例。")
    doc = run(text, path="fujian.txt", front={"title": "福建省有序推进算力基础设施发展若干措施", "issued": "2025-06-30"})
    assert [(r.text, r.value, r.unit, r.comparator, r.year, r.metric) for r in doc.records() if r.kind == "target"] == [
        ("12EFLOPS以上", 12, "EFLOPS", "≥", 2027, "公共算力规模"), ("65%", 65, "%", "≥", 2027, "数据中心整体上架率"),
        ("20个", 20, "个", "≥", 2027, "算力应用案例")]


def test_a_plan_of_one_year_named_in_its_title():
    # data_compliance/local/烟台市“数据要素×”2025年行动计划-31fa4bbb10.md
    yantai = "烟台市“数据要素×”2025年行动计划"
    assert plan_period(yantai) == (2025, 2025)
    assert plan_period("数字青岛2025年行动方案") == (2025, 2025)
    [q] = quantities("深入100家以上企业，开展数据要素政策宣贯和市场供需调研，摸清企业数据供需及开发利用情况。", None,
                     "action-plan", yantai)
    assert (q.kind, q.value, q.unit, q.comparator, q.year) == ("target", 100, "家", "≥", 2025)
    # data_compliance/local/湖南省人民政府办公厅关于印发《湖南省2025年政务服务和数据工作要点》-1a36d6679f.md: the
    # year a few words before the 工作要点 closing the cited title
    hunan = "湖南省人民政府办公厅关于印发《湖南省2025年政务服务和数据工作要点》"
    assert plan_period(hunan) == (2025, 2025)
    assert plan_period("《2025年上海市公共数据开放工作方案》") == (2025, 2025)
    assert plan_period("上海市数据条例（2021年11月25日通过）") == (None, None)
    [q] = quantities("推进“一网通办”统一受理和数据汇聚，一网通办率达到90%。", None, "action-plan", hunan)
    assert (q.kind, q.value, q.unit, q.comparator, q.year) == ("target", 90, "%", "≥", 2025)


def test_magnitude_words_without_numerals_and_future_cumulative_goals():
    # data_compliance/local/《河南省深化智慧城市发展推进城市全域数字化转型实施方案-2025—2027年-》-601145db1d.md
    text = "到2027年，郑州数据交易中心累计挂牌数据产品及服务数量超过5000件、累计交易额达到百亿元。"
    assert [target(q) for q in quantities(text, "henan", "implementation-plan", HENAN)] == [
        ("target", "郑州数据交易中心累计挂牌数据产品及服务数量", 5000, "件", ">", 2027),
        ("target", "累计交易额", 10000000000, "元", "≥", 2027)]
    # data_compliance/local/杭州市推进全球数贸港核心区建设实施方案-2025—2027年-42c94ff0f8.md: 百亿元 qualifies the count
    hangzhou = "杭州市推进全球数贸港核心区建设实施方案（2025—2027年）"
    assert [(q.value, q.unit, q.metric) for q in quantities("新增百亿元跨境电商出口产业集群5个，打造百亿元跨境电商园区5个。",
                                                            "hangzhou", "implementation-plan", hangzhou)] == [
        (5, "个", "新增百亿元跨境电商出口产业集群"), (5, "个", "百亿元跨境电商园区")]
    # data_compliance/local/《数字青岛2025年行动方案》-2b42489f5f.md: 千亿级 is a class, not a figure
    text = "力争数字经济核心产业增加值占地区生产总值比重达到12%以上，建成3个千亿级数字经济产业集群。"
    assert [(q.value, q.unit, q.metric) for q in quantities(text, None, "action-plan", "数字青岛2025年行动方案")] == [
        (12, "%", "数字经济核心产业增加值占地区生产总值比重"), (3, "个", "千亿级数字经济产业集群")]


def test_a_range_of_a_goal_and_units_of_compute_and_ports():
    text = ("到2027年，系统完备的城市全域数字化转型推进体系基本构建，打造3—5个国内一流的综合型和特色型城市全域数字化转型标杆，"
            "特大城市现代化治理水平实现国际领先。")
    [q] = quantities(text, "henan", "implementation-plan", HENAN)
    assert (text[q.start:q.end], q.value, q.unit, q.comparator, q.year) == ("3—5个", 3, "个", "≥", 2027)
    # data_compliance/local/《海南省加快构建具有特色和优势现代化产业体系三年行动方案-2025-2027年-》-28564e873a.md
    qs = quantities("全省集装箱吞吐量达600万标箱，稳定运行集装箱班轮航线85条。", "hainan", "action-plan", HAINAN)
    assert [(q.value, q.unit, q.comparator) for q in qs] == [(6000000, "标箱", "≥"), (85, "条", "=")]
    # data_compliance/local/河北省人民政府办公厅关于印发河北省数字经济发展三年行动计划-2025—2027年-的通知-2eac766f38.md
    qs = quantities("全省算力规模超过50EFlops（FP32），智能算力占比达到50%以上。", "hebei", "action-plan",
                    "河北省数字经济发展三年行动计划（2025—2027年）")
    assert [(q.metric, q.value, q.unit, q.comparator, q.year) for q in qs] == [
        ("算力规模", 50, "EFlops", ">", 2027), ("智能算力占比", 50, "%", "≥", 2027)]


def test_a_figure_that_says_who_qualifies_is_no_goal():
    # data_compliance/local/《关于推动经济高质量发展若干政策-2025年版-》-49eca0b506.md (its year from 2025年版)
    title = "关于推动经济高质量发展若干政策（2025年版）"
    assert plan_period(title) == (2025, 2025)
    assert quantities("对研发费用占营收比重高于5%的企业，鼓励各地纳入科技计划支持清单强化要素保障。", None,
                      "policy-measures", title) == []


def test_annual_growth_in_a_plan_is_a_goal_not_a_statistic():
    text = "热带特色高效农业形成“接二连三”协同发展格局，农业特色主导产业全产业链增加值年均增长5%以上。"
    [q] = quantities(text, "hainan", "action-plan", HAINAN)
    assert (q.kind, q.metric, q.value, q.unit, q.comparator, q.year, q.period) == \
        ("target", "农业特色主导产业全产业链增加值年均增长", 5, "%", "≥", 2027, "每年")


def test_what_a_plan_reports_it_has_done_is_no_goal():
    # data_compliance/national/国家政策-《医药工业数智化转型实施方案-2025—2030年-》-2f144c88bc.md
    title = "医药工业数智化转型实施方案（2025—2030年）"
    text = ("医药工业数智化转型典型应用场景根据医药工业数智化发展情况和企业实践，结合技术创新和融合应用发展趋势，"
            "凝练总结了6个方面41个典型场景，为医药企业数智化转型工作提供参考。")
    assert quantities(text, None, "implementation-plan", title) == []


def test_a_number_broken_by_the_page_is_no_figure():
    # data_compliance/local/《关于推动经济高质量发展若干政策-2025年版-》-49eca0b506.md: the PDF line break splits
    # 118.79亿元 into 118 79亿元
    text = "年，省财政预算安排118 79亿元，其中，支持消费扩容提质21 53亿元。"
    assert quantities(text, "zhejiang", "policy-measures", "关于推动经济高质量发展若干政策（2025年版）") == []
    # the same document writes the decimal point as the private-use character U+E010 (1042.8亿元)
    text = "个领域政策，省财政年预算安排资金除交叉重叠部分外，支持总额为1042\ue0108亿元。"
    assert quantities(text, "zhejiang", "policy-measures", "关于推动经济高质量发展若干政策（2025年版）") == []


def test_a_unit_that_begins_a_word_is_no_unit():
    # data_compliance/local/青川县政务服务网-政策文件-广元市“数据要素×”重点工作方案-2025—2026年-广政数〔2025〕16号-ffbd912c78.md
    text = ("为落实省发展改革委等18部门联合印发《四川省“数据要素×”重点工作方案（2025—2026年）》和市委、市政府安排部署，"
            "加快数据资源开发利用，推动数据高水平应用，更好释放数据要素价值，特制定本方案。")
    assert quantities(text, "sichuan", "implementation-plan", "广元市“数据要素×”重点工作方案（2025—2026年）") == []


def test_people_and_events_are_counted_units():
    # data_compliance/local/政策文件_-福建省数据管理局_-福建省发展和改革委员会-bedb51c0cd.md: 名 counts people
    text = "到2027年，平台服务企业超1000家，生态开发者超1万名。"
    assert [target(q) for q in quantities(text, "fujian", "action-plan", "福建省数据管理局政策文件")] == [
        ("target", "平台服务企业", 1000, "家", ">", 2027), ("target", "生态开发者", 10000, "名", ">", 2027)]


def test_what_a_plan_did_is_no_goal_without_a_deadline():
    # data_compliance/local/《辽宁省公共数据供给能力提升三年行动计划-2025—2027年-》-18b2e6818d.md: 工作目标 names the
    # plan's goals, 提出了18项工作任务 counts what the plan wrote
    text = ("采集图文《行动计划》以促进公共数据安全合规高效流通利用为主线，以问题导向和应用场景为牵引，"
            "明确了未来三年采集样式的工作目标，从公共数据“供得出、流得动、用得好、保安全”4个方面，提出了18项工作任务、"
            "62项具体举措，梳理了117项高频数据目录清单和377项数据共享责任清单。")
    title = "辽宁省公共数据供给能力提升三年行动计划（2025—2027年）"
    assert [q for q in quantities(text, "liaoning", "action-plan", title) if q.kind == "target"] == []
    # with a deadline the same verb form states a goal (到2027年…)
    [q] = quantities("到2027年，全省建成了不少于5个绿色能源应用案例。", "fujian", "action-plan", title)
    assert (q.kind, q.value, q.unit, q.year) == ("target", 5, "个", 2027)


def test_the_count_of_a_list_and_a_figure_reference_are_no_goals():
    # data_compliance/national/国家政策-国家智能制造标准体系建设指南-2024版-539fad1117.md, read in a paragraph whose
    # goal year is 2026: 等4个部分 counts what the sentence lists, 如图6所示 is a figure's number
    title = "国家智能制造标准体系建设指南（2024版）"
    for text in ("主要包括研发设计软件、经营管理软件、生产制造软件、控制执行软件等4个部分，如图6所示。",
                 "智能制造系统架构如图1所示。"):
        m = find_mentions(text, 0, len(text), None)
        assert find_quantities(text, 0, len(text), m, doc_type="action-plan", title=title, context="", footnotes=[],
                               goal_year=2026) == []


def test_years_listed_before_respectively_go_one_to_each_figure():
    # data_compliance/local/福建省人民政府办公厅关于印发《福建省推动人工智能产业发展和赋能应用若干措施》的通知-_-省政府政策文件-_-福建省发展和改革委员会-c2d0285353.md
    # (the one such sentence of the corpus)
    text = ("合、一体推动，促进人工智能与科技、产业、消费、民生、治理、全球合作等6大重点领域广泛深度融合，到2027年、2030年"
            "新和智能体等应用普及率分别超过70%、90%。")
    title = "福建省人民政府办公厅关于印发《福建省推动人工智能产业发展和赋能应用若干措施》的通知"
    assert [(q.kind, q.value, q.unit, q.year) for q in quantities(text, "fujian", "policy-measures", title)] == [
        ("target", 70, "%", 2027), ("target", 90, "%", 2030)]


def test_a_validity_date_and_a_rule_raised_by_a_share_are_no_goals():
    # data_compliance/local/《打造通用人工智能产业创新和应用高地若干政策-2.0-版-》-f84d111131.md: 有效期至2027年 is no
    # deadline of a goal, 可上浮20% raises a grant
    text = ("（牵头单位：省科技厅；配合单位：省财政厅、省人力资源社会保障厅）本政策自发布之日起实施，有效期至2027年12月31日；"
            "省科技厅会同省财政厅等部门制定具体实施细则，对皖北地区符合条件的项目，支持资金可上浮20%。")
    assert [q for q in quantities(text, "anhui", "policy-measures", "打造通用人工智能产业创新和应用高地若干政策（2.0版）")
            if q.kind == "target"] == []
