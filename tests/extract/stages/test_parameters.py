"""Parameters of instruments: rate, cap, minimum, amount, duration, threshold (extract/stages/parameters.py),
on real sentences from /work/shared/corpus/scale/ (file in a comment).  A subsidy's cap is a parameter,
never a target.
"""

from policykg.extract.pipeline import run
from policykg.extract.stages.mentions import find_mentions
from policykg.extract.stages.parameters import find_parameters


def params(text: str, jurisdiction: str | None, kind: str = "plan"):
    m = find_mentions(text, 0, len(text), jurisdiction)
    return [(p.type, p.value, p.unit, p.instrument, p.per)
            for p in find_parameters(text, 0, len(text), m.instruments, m.actors, kind=kind)]


def test_a_subsidy_cap_per_subject_is_a_parameter_not_a_target():
    # data_compliance/local/《山东省中小企业数字化转型引导区专项资金管理办法及实施细则》-c5add6159a.md (第八条)
    text = "第八条 专项资金每年择优支持5个左右引导区开展试点，每个引导区最高给予不超过1000万元的资金支持。"
    doc = run(text, path="shandong.txt", front={"title": "山东省中小企业数字化转型引导区专项资金管理办法"})
    [p] = doc.layers["parameters"]
    assert (p.parameter_type, p.value, p.unit, p.instrument_text, p.per, p.text) == \
        ("cap", 1000, "万元", "资金支持", "引导区", "1000万元")
    assert [r for r in doc.records() if r.kind == "target"] == []
    # the same caps in a scheme typed as a plan (若干措施) are no targets either
    # data_compliance/local/威海市深化新型智慧城市建设推进城市全域数字化转型专项资金使用管理实施细则-eca3bc5efa.md
    text = "单个主体每年奖补金额最高不超过20万元（获省级奖补的不重复奖补）。"
    doc = run(text, path="weihai.txt", front={"title": "威海市推进城市全域数字化转型若干措施"})
    assert [(p.parameter_type, p.value, p.unit, p.instrument_text, p.instrument, p.per)
            for p in doc.layers["parameters"]] == [("cap", 20, "万元", "奖补", "inst:subsidy", "主体")]
    assert [r for r in doc.records() if r.kind == "target"] == []


def test_a_rate_and_a_cap_of_a_grant():
    # data_compliance/local/《深圳市推动数字创意产业高质量发展的若干措施》-f2f5bec990.md
    text = ("对出又贡献大、海外影响力强的游戏、影视、动漫、演艺剧目等作品产生的翻译制作等费用，按照不超过投入的20%"
            "给予最高50万元资助，每家企业每年资助金额不超过200万元。")
    assert params(text, "guangdong") == [("rate", 20, "%", "资助", None), ("cap", 50, "万元", "资助", None),
                                        ("cap", 200, "万元", "资助", "企业")]


def test_the_voucher_a_sentence_sets_up_is_the_instrument_of_all_its_figures():
    # data_compliance/local/《武汉市促进人工智能产业发展若干政策措施有关条款资金管理办法-试行-》-d20e319745.md
    text = ("根据算力使用情况每年设立总额不低于1000万元的算力服务券，对企业当年支持周期内使用算力服务费用的50%"
            "给予最高20万元补助，累计支持不超过三年。")
    assert params(text, "hubei", kind="rules") == [
        ("minimum", 1000, "万元", "算力服务券", "年"), ("rate", 50, "%", "算力服务券", None),
        ("cap", 20, "万元", "算力服务券", "年"), ("duration", 3, "年", "算力服务券", None)]


def test_a_condition_is_a_threshold_and_a_list_of_caps_shares_its_comparator():
    # data_compliance/local/昆明市人民政府关于印发昆明市推动数字经济高质量跨越式发展若干政策措施-试行-的通知_市政府文件_昆明市人民政府门户网站-b75d5f3e9d.md
    text = "对年度内通过在昆数据交易场所挂牌交易总金额达到1000万元的，按照挂牌交2%给予最高50万元奖励。"
    assert params(text, "yunnan") == [("threshold", 1000, "万元", "奖励", None), ("rate", 2, "%", "奖励", None),
                                     ("cap", 50, "万元", "奖励", None)]
    text = "对首次认定为市级、省级、国家级的数字经区，按晋级补差原则分别给予最高50万元、100万元、200万元一次性奖励。"
    assert [p[:4] for p in params(text, "yunnan")] == [("cap", 50, "万元", "奖励"), ("cap", 100, "万元", "奖励"),
                                                      ("cap", 200, "万元", "奖励")]


def test_a_fixed_amount():
    # data_compliance/local/《武汉市促进人工智能产业发展若干政策措施有关条款资金管理办法-试行-》-d20e319745.md
    text = "对首次获批国家人工智能领域揭榜优胜单位、卓越级智能工厂、领航级智能工厂等国家试点示范的，给予牵头单位100万元资金奖励，可叠加享受。"
    assert params(text, "hubei", kind="rules") == [("amount", 100, "万元", "资金奖励", None)]


def test_validity_periods_and_deadlines_of_procedures():
    # lawrefbook_dlc/shandong/山东省供热条例(2021-12-03).md
    assert params("供热经营许可证的有效期为五年。", "shandong", "rules") == [
        ("duration", 5, "年", "供热经营许可证", None)]
    # lawrefbook_dlc/shandong/山东省大气污染防治条例(2018-11-30).md (第十五条)
    text = ("第十五条 排放工业废气或者有毒有害大气污染物的企业事业单位和其他生产经营者应当按照规定进行自行监测，"
            "原始监测记录保存期限不得少于三年。")
    assert params(text, "shandong", "rules") == [("duration", 3, "年", "原始监测记录", None)]
    # lawrefbook_dlc/chongqing/重庆市国防动员条例(2015-07-30).md (第十二条)
    assert params("国防动员委员会至少每五年组织一次国防动员综合性演练；", "chongqing", "rules") == [
        ("duration", 5, "年", "国防动员综合性演练", None)]
    # lawrefbook_dlc/shanghai/上海市公路管理条例.md (第三十九条): two deadlines share what they bound
    text = "第三十九条 新建、扩建、改建的公路竣工后五年内或者大修的公路竣工后三年内，不得挖掘。"
    assert params(text, "shanghai", "rules") == [("duration", 5, "年", "挖掘", None), ("duration", 3, "年", "挖掘", None)]
    # lawrefbook_dlc/beijing/北京市控制吸烟条例(2021-09-24).md (第二十条)
    assert params("（二）在幼儿园、中小学校、少年宫及其周边一百米内设置销售网点；", "beijing", "rules") == [
        ("threshold", 100, "米", "销售网点", None)]


def test_a_plan_horizon_and_a_goal_are_not_parameters():
    # data_compliance/local/《湖南省推进可信数据空间发展行动方案》的通知-adc5f49f71.md
    text = "到2028年，基本建成具有湖南辨识度的可信数据空间网络，建成运营20个以上可信数据空间全国标杆。"
    assert params(text, "hunan") == []
    text = "全省可信数据空间网络节点数量突破500个，构建覆盖14个市州和省直单位的可信数据空间网络体系。"
    assert params(text, "hunan") == []


def test_a_report_describing_a_subsidy_gives_its_caps_not_statistics():
    # seeds/huaxin-report-2025.txt (a report: its figures are statistics, but not a subsidy's caps)
    text = ("制定出台《镇海区支持制造业领域高质量发展政策》等政策文件，对实施智能制造标杆项目给予最高 300 万元补助，"
            "对实施重点细分行业数字化改造项目给予最高 30 万元补助，以政策引领、资金扶持的形式，助推石化行业企业数字化转型升级。")
    doc = run(text, path="report.txt", front={"title": "中国数字经济发展研究报告", "doc_type": "研究报告"})
    assert [(p.parameter_type, p.value, p.unit, p.instrument_text, p.instrument) for p in doc.layers["parameters"]] == [
        ("cap", 300, "万元", "补助", "inst:subsidy"), ("cap", 30, "万元", "补助", "inst:subsidy")]
    assert [r for r in doc.records() if r.kind in ("statistic", "target")] == []


def test_a_condition_over_two_clauses_gives_thresholds_and_its_grants_amounts():
    # data_compliance/local/《德阳市支持数字经济高质量发展若干措施》-b388f87db0.md
    text = ("对年度营业收入首次突破3000万元、5000万元、8000万元、1亿元，且已连续两年营业收入实现正增长的企业，"
            "按晋级补差原则分别给予30万元、50万元、80万元、100万元奖励。")
    assert [p[:3] for p in params(text, "sichuan")] == [
        ("threshold", 3000, "万元"), ("threshold", 5000, "万元"), ("threshold", 8000, "万元"), ("threshold", 1, "亿元"),
        ("amount", 30, "万元"), ("amount", 50, "万元"), ("amount", 80, "万元"), ("amount", 100, "万元")]
    doc = run(text, path="deyang.txt", front={"title": "德阳市支持数字经济高质量发展若干措施"})
    assert [r for r in doc.records() if r.kind in ("target", "statistic")] == []


def test_a_cap_written_with_zui_gao_is_never_a_threshold_and_a_loan_is_the_instrument():
    # data_compliance/local/长沙市人民政府办公室关于印发《长沙市关于推进国家数据标注基地建设若干政策-试行-》的通知-e6644cbc4d.md
    text = "2.对符合条件的小微数据标注企业提供每家每次最高400万元创业担保贷款支持，并按规定给予财政贴息。"
    assert params(text, None) == [("cap", 400, "万元", "创业担保贷款", "家")]


def test_a_rate_takes_the_grant_noun_written_right_after_it():
    # data_compliance/local/《上海市进一步扩大人工智能应用的若干措施》-69e691b587.md
    text = "对租用智能算力的主体，市级给予最高30%租金补贴，并推荐申报国家智能券补贴。"
    assert params(text, "shanghai") == [("rate", 30, "%", "租金补贴", None)]
    # …and the unit a cap is counted per ends before 分别
    # data_compliance/local/长沙市人民政府办公室关于印发《长沙市关于推进国家数据标注基地建设若干政策-试行-》的通知-e6644cbc4d.md
    text = "对制定并获得批准发布国际标准、国家标准的企业（排名第1位），每项标准分别给予不高于300万元、100万元的一次性奖励。"
    assert params(text, None) == [("cap", 300, "万元", "奖励", "标准"), ("cap", 100, "万元", "奖励", "标准")]
