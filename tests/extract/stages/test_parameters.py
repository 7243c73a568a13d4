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


def bare(text: str, kind: str = "rules"):
    """(type, value, unit, instrument) of each parameter of ``text``, read with no mentions given."""
    return [(p.type, p.value, p.unit, p.instrument) for p in find_parameters(text, 0, len(text), [], [], kind=kind)]


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


def durations(text: str, jurisdiction: str | None = None):
    return [(p.value, p.unit, p.instrument) for p in find_parameters(text, 0, len(text), [], [], kind="rules")
            if p.type == "duration"]


def test_a_deadline_bounds_the_procedure_after_it():
    # lawrefbook_dlc/zhejiang/杭州市公共汽车客运管理条例(2013-04-09).md: 提前…日 and a 向… phrase before the verb
    assert durations("公共汽车客运经营者要求停业、歇业或者暂停、终止营运的，应当提前九十日向道路运输管理机构提出书面申请；") == \
        [(90, "日", "书面申请")]
    # lawrefbook_dlc/beijing/北京市促进私营个体经济发展条例(2016-11-25).md
    assert durations("对不属于本部门职权范围内的投诉事项，应当自接到投诉之日起5个工作日内向负有责任的部门移送，并通知投诉人。") == \
        [(5, "个工作日", "移送")]
    # lawrefbook_dlc/zhejiang/温州市电梯安全条例(2018-04-09).md: the object ends before 并
    assert durations("电梯维护保养单位变更的，应当自变更之日起三十日内办理变更登记并重新申领电梯使用标志；") == \
        [(30, "日", "变更登记")]


def test_a_period_of_a_notice_and_a_licence_valid_for_years():
    # lawrefbook_dlc/guangdong/广州市慈善促进条例(2021-06-01).md
    assert durations("确实无法联系到捐赠人的，应当通过公告形式告知，公告时间不得少于六十日。") == [(60, "日", "公告")]
    # lawrefbook_dlc/guangdong/广东省司法鉴定管理条例(2022-03-29).md: what is valid is the clause's subject
    assert durations("《司法鉴定许可证》自颁发之日起五年内有效；") == [(5, "年", "司法鉴定许可证")]
    # …but a deadline counted from a validity's end bounds the procedure (not the words before 有效期)
    # lawrefbook_dlc/zhejiang/浙江省司法鉴定管理条例(2009-06-03).md
    assert durations("《司法鉴定许可证》有效期届满后需要延续的，司法鉴定机构应当在有效期届满三十日前，"
                     "向司法行政部门提出延续申请。") == [(30, "日", "延续申请")]


def test_a_count_of_people_in_a_condition_is_the_threshold_of_the_tool():
    # lawrefbook_dlc/zhejiang/浙江省水上交通安全管理条例(2021-11-25).md (第十七条)
    assert params("申请经营载客十三人以上的水路旅客运输业务的，应当符合法律、行政法规规定的条件，并依法取得水路运输经营许可",
                  "zhejiang", kind="rules") == [("threshold", 13, "人", "经营许可", None)]


def test_a_count_in_a_list_item_is_the_threshold_of_the_tool_its_lead_in_names():
    # data_compliance/national/国家互联网信息办公室、公安部关于《大型网络平台个人信息保护规定-征求意见稿-》公开征求意见的通知_
    # 中央网络安全和信息化委员会办公室-956a17d58d.md (第十七条, the lead-in and its fourth item)
    text = ("第十七条 大型网络平台服务提供者有以下情形之一的，国家网信部门、国务院公安部门和有关主管部门可以要求其委托"
            "第三方专业机构对其个人信息处理活动开展合规审计、风险评估等活动：\n"
            "（四）发生个人信息安全事件，导致100万人以上个人信息或者10万人以上敏感个人信息泄露、篡改、丢失、毁损的；\n")
    doc = run(text, path="platforms.txt", front={"title": "大型网络平台个人信息保护规定"})
    assert [(p.parameter_type, p.value, p.unit, p.instrument_text, p.instrument) for p in doc.layers["parameters"]] == [
        ("threshold", 1000000, "人", "合规审计", "inst:compliance-audit"),
        ("threshold", 100000, "人", "合规审计", "inst:compliance-audit")]


def test_a_minimum_award_names_the_award_not_its_comparator():
    # lawrefbook_dlc/henan/河南省见义勇为人员奖励和保障条例(2017-12-04).md: 二十万元以上|奖励
    text = ("省人民政府对事迹突出，在本省范围内有重大影响的见义勇为人员，授予“河南省见义勇为英雄”荣誉称号，"
            "并给予二十万元以上奖励；")
    assert bare(text) \
        == [("minimum", 20, "万元", "奖励")]


def test_a_distance_of_a_zone_belongs_to_the_zone_and_a_bare_verb_names_no_tool():
    def zones(text):
        return [(p.value, p.unit, p.instrument) for p in find_parameters(text, 0, len(text), [], [], kind="rules")]
    # lawrefbook_dlc/zhejiang/杭州市第二水源千岛湖配水供水工程管理条例(2019-06-14).md
    assert zones("千岛湖配水工程的保护范围为从工程管理范围边线向外延伸二百米以内的区域。") == [(200, "米", "保护范围")]
    # lawrefbook_dlc/henan/洛阳市城市轨道交通条例(2020-08-25).md
    assert zones("出入口、风亭（井）、冷却塔及其他空调室外机、控制中心、变电站等建筑物、构筑物结构外边和场地用地范围外侧"
                 "十米内为控制保护区，五米内为特别保护区；") == [(10, "米", "控制保护区"), (5, "米", "特别保护区")]
    # lawrefbook_dlc/henan/洛阳市古树名木保护条例(2015-08-12).md: 进行 + a list of acts
    assert zones("在古树名木树冠垂直投影向外五米范围内进行建筑施工、挖坑取土、动用明火、排放烟气、倾倒污水垃圾、堆放易燃物、"
                 "堆放倾倒有毒有害物品；") == []


def test_a_deadline_for_answering_someone_bounds_the_answer():
    # lawrefbook_dlc/shandong/山东省人民代表大会代表建议、批评和意见办理工作条例(2017-05-19).md: 答复|代表, whom
    assert durations("代表对答复不满意的，承办单位应当重新研究办理，并在一个月内再次答复代表。") == [(1, "个月", "答复")]
    # lawrefbook_dlc/henan/河南省电信条例(2020-06-04).md (第三十八条): an object before the recipient
    assert durations("电信业务经营者对电信用户提出的投诉，应当在五个工作日内作出处理并答复用户。") == [(5, "个工作日", "处理")]


def rule_durations(text: str):
    """Durations of a regulation's sentence, with its mentions (a tool named in the sentence)."""
    m = find_mentions(text, 0, len(text), None)
    return [(p.value, p.unit, p.instrument) for p in find_parameters(text, 0, len(text), m.instruments, m.actors,
                                                                     kind="rules") if p.type == "duration"]


def test_a_deadline_bounds_the_procedure_not_the_event_it_counts_from():
    # lawrefbook_dlc/shandong/山东省人力资源市场条例(2015-07-24).md: 行政许可 is what the deadline counts from
    assert rule_durations("设区的市或者县（市、区）人民政府人力资源社会保障部门，应当自受理行政许可申请之日起十五个工作日内"
                          "作出决定；") == [(15, "个工作日", "决定")]
    # lawrefbook_dlc/shandong/山东省学前教育条例(2021-12-03).md: 将…移交|…部门
    assert rule_durations("建设单位应当按照约定的移交方式，自竣工验收合格之日起三个月内将园舍、场地、附属配套设施以及相关资料等"
                          "全部无偿移交所在地县（市、区）人民政府教育行政部门。") == [(3, "个月", "移交")]
    # lawrefbook_dlc/guangdong/汕头经济特区消防条例(2022-12-30).md: the next clause's subject, then 报…备案
    assert rule_durations("其他建设工程竣工验收合格之日起五个工作日内，建设单位应当报住房和城乡建设主管部门备案，"
                          "住房和城乡建设主管部门应当进行抽查；") == [(5, "个工作日", "备案")]


def test_a_deadline_names_its_procedure_short():
    # lawrefbook_dlc/shandong/山东省见义勇为人员奖励和保护条例(2012-09-27).md: the first of two alternatives
    assert rule_durations("上一级见义勇为确认机构应当自收到再次确认申请之日起三十日内，组织评审或者重新评审。") == \
        [(30, "日", "评审")]
    # lawrefbook_dlc/chongqing/重庆市实施《集会游行示威法》办法(2010-07-30).md: …的复议决定, its head noun
    assert rule_durations("举行集会、游行、示威的负责人对主管机关不予许可的决定不服时，可以自接到决定通知之日起三日内，"
                          "向同级人民政府申请复议，人民政府应当自接到复议申请书之日起三日内作出维持或者撤销主管机关原决定的"
                          "复议决定，并书面通知申请复议人和主管机关。") == [(3, "日", "复议"), (3, "日", "复议决定")]
    # lawrefbook_dlc/shandong/淄博市荣誉市民称号授予办法(2020-09-28).md: two verbs, one procedure
    assert rule_durations("受理推荐的部门应当自收到推荐报告之日起三十日内调查核实，提出审核意见；") == [(30, "日", "调查核实")]
    # lawrefbook_dlc/henan/河南省赃物罚没物管理条例(2003-09-27).md: a list of recipients
    assert rule_durations("移送单位应当在五个工作日内书面通知当事人和利害关系人。") == [(5, "个工作日", "通知")]
    # lawrefbook_dlc/shandong/青岛市国有土地上房屋征收与补偿条例(2017-07-28).md: 报 whom it is filed with, 备案
    assert rule_durations("区（市）房屋征收部门应当将评估委托合同在签订后的十五日内报市房屋征收部门备案。") == \
        [(15, "日", "备案")]


def test_deadlines_sharing_a_procedure_and_a_condition_before_it():
    # lawrefbook_dlc/zhejiang/浙江省水土保持条例(2020-11-27).md: two deadlines, one decision
    assert rule_durations("县级以上人民政府水行政主管部门应当自收到水土保持方案报告书之日起十二个工作日内，收到水土保持方案报告表"
                          "之日起五个工作日内作出是否予以批准的决定。") == [(12, "个工作日", "决定"), (5, "个工作日", "决定")]
    # lawrefbook_dlc/henan/洛阳市市区养犬管理规定.md: 对符合条件的 is for whom; 给予书面答复 grants no money
    assert rule_durations("市公安机关应自收到齐全证件之日起七个工作日内对符合条件的，予以登记，发给准养证和犬牌；对不符合条件的，"
                          "给予书面答复。") == [(7, "个工作日", "登记")]
    # lawrefbook_dlc/henan/河南省实施《矿山安全法》办法(2010-07-30).md: a 处罚决定's deadline is no fine
    assert rule_durations("当事人对处罚决定不服的，可以自知道该处罚决定之日起六十日内向作出处罚决定的机关的上一级机关或同级人民政府"
                          "申请复议，当事人也可以在接到处罚决定通知之日起十五日内直接向人民法院起诉。") == \
        [(60, "日", "复议"), (15, "日", "起诉")]


def test_an_amount_per_person_and_year_is_a_parameter_not_a_target():
    # data_compliance/local/福建省人民政府办公厅关于印发《福建省推动人工智能产业发展和赋能应用若干措施》的通知-…-c2d0285353.md:
    # 每年|20万元 (a year before the figure is no date)
    text = "建立核心工程师名册，给予每人每年20万元奖补。"
    doc = run(text, path="fujian.txt", front={"title": "福建省推动人工智能产业发展和赋能应用若干措施"})
    assert [(p.parameter_type, p.value, p.unit, p.instrument_text, p.per) for p in doc.layers["parameters"]] == \
        [("amount", 20, "万元", "奖补", "人")]
    assert [r for r in doc.records() if r.kind == "target"] == []


def test_a_condition_continued_by_qie_holds_thresholds():
    # data_compliance/local/《德阳市支持数字经济高质量发展若干措施》-b388f87db0.md: 对…1年及以上，且…500万元及以上的
    text = ("支持“智改数转”服务商积极拓展业务，对有效开展业务1年及以上，且年度服务收入达500万元及以上的服务商，"
            "按年度服务收入的1%、给予最高50万元奖励。")
    assert [(t, v, u, i) for t, v, u, i, _ in params(text, "sichuan")] == [
        ("threshold", 1, "年", "奖励"), ("threshold", 500, "万元", "奖励"), ("rate", 1, "%", "奖励"),
        ("cap", 50, "万元", "奖励")]


def test_a_distance_in_a_fine_clause_is_no_parameter():
    # lawrefbook_dlc/shandong/山东省测绘地理信息条例.md
    text = ("违反本条例规定，在国家水准原点、附点以及参考点周围五百米范围内，有下列行为之一的，由青岛市人民政府自然资源"
            "主管部门给予警告，责令限期改正，并可以处二万元以上二十万元以下的罚款：")
    assert find_parameters(text, 0, len(text), [], [], kind="rules") == []


def test_a_clean_record_over_the_past_years_is_no_period():
    # lawrefbook_dlc/beijing/北京市保守国家秘密条例(2021-04-16).md: an eligibility condition
    text = ("第二十八条 机关、单位采购涉密工程、货物和服务的，应当选择具备保密资格资质或者符合保密条件，近三年内无涉密"
            "政府采购不良行为记录的企业事业单位作为供应商，并与其签订保密协议，提出保密要求，采取保密措施。")
    assert find_parameters(text, 0, len(text), [], [], kind="rules") == []
    # data_compliance/local/芜湖市公共数据资源授权运营实施方案-征求意见稿-2d68fc9ab8.md
    text = "（4）具备数据安全管理的环境和条件，建立数据分类分级、访问控制、数据加密等数据安全管理制度，近3年未发生网络安全、数据安全、个人信息等事件。"
    assert find_parameters(text, 0, len(text), [], [], kind="rules") == []


def test_a_validity_period_outside_a_regulation():
    # data_compliance/local/芜湖市公共数据资源授权运营实施方案-征求意见稿-2d68fc9ab8.md (an 实施方案: its figures read as goals)
    assert bare("授权运营期限为2年。", "plan") == [("duration", 2, "年", "授权运营")]
    # data_compliance/local/《山西省公共数据资源登记管理细则》公开征求意见-950d27fa54.md: without the 【…】 heading
    assert bare("【登记结果管理】登记结果有效期原则上为三年，自赋码之日起计算。", "plan") == \
        [("duration", 3, "年", "登记结果")]
    # lawrefbook_dlc/chongqing/重庆市禁止非法增加企业负担条例(2010-07-30).md: 但 is no part of the name
    assert bare("有特殊原因需要延长的，可以适当延长，但延长时间不得超过十个工作日。", "rules") == \
        [("duration", 10, "个工作日", "延长")]


def test_a_cap_with_the_grant_noun_between_is_a_parameter_not_a_target():
    # data_compliance/local/北京市石景山区政务服务和数据管理局关于印发《北京市石景山区支持数据要素市场高质量发展的若干措施》的通知-f2e09b1803.md
    text = "给予高质量数据集建设项目一次性最高20万元支持，同一单位每年最高支持200万元。"
    doc = run(text, path="shijingshan.txt", front={"title": "北京市石景山区支持数据要素市场高质量发展的若干措施"})
    assert [(p.parameter_type, p.value, p.unit, p.instrument_text, p.per) for p in doc.layers["parameters"]] == \
        [("cap", 20, "万元", "支持", None), ("cap", 200, "万元", "支持", "单位")]
    assert [r for r in doc.records() if r.kind == "target"] == []


def test_a_grant_noun_is_written_whole_with_its_modifier_and_suffix():
    # lawrefbook_dlc/zhejiang/浙江省工伤保险条例(2020-09-24).md: 的|伙食补助费, not 补助
    assert params("工伤职工住院进行治疗或者康复期间的伙食补助费，按照当地最低工资百分之三十五的标准，"
                  "根据住院期间的实际天数计算确定。", "zhejiang", "rules") == [("rate", 35, "%", "伙食补助费", None)]
    # lawrefbook_dlc/shandong/山东省人口与计划生育条例(2016-01-22).md: 发给|一次性养老补助, 一次性 left out
    assert params("独生子女父母为企业职工的，退休时由所在单位按照设区的市上一年度职工年平均工资的百分之三十"
                  "发给一次性养老补助。", "shandong", "rules") == [("rate", 30, "%", "养老补助", None)]
    # lawrefbook_dlc/henan/河南省工伤保险条例(2007-06-01).md: a benefit opening its clause keeps its name
    assert params("患职业病的工伤职工，一次性工伤医疗补助金在上述标准的基础上增发百分之三十。", "henan", "rules") == \
        [("rate", 30, "%", "工伤医疗补助金", None)]
    # data_compliance/local/《德阳市支持数字经济高质量发展若干措施》-b388f87db0.md: after 单个 no modifier is taken
    assert params("对取得信息安全管理（ISO27001/BS7799）、IT服务管理（ISO20000）等国际资质认证的信息服务外包企业，"
                  "给予认证费奖励，单个资质认证奖励最高5万元，每家企业累计最高20万元。", "sichuan") == \
        [("cap", 5, "万元", "奖励", "资质认证"), ("cap", 20, "万元", "奖励", "企业")]


def test_a_deadline_bounds_its_procedure_in_a_sentence_that_grants():
    # lawrefbook_dlc/henan/洛阳市保护和奖励维护社会治安见义勇为人员条例(2002-12-23).md: 确认, not 奖励
    assert params("见义勇为认定机关应当在接到申报或者举荐之日起三十日内作出确认，由市、县（市、区）人民政府确定的"
                  "工作机构提出保护和奖励意见，报本级人民政府决定。", "henan", "rules") == \
        [("duration", 30, "日", "确认", None)]
    # lawrefbook_dlc/shanghai/上海市住房公积金管理若干规定.md: 贷款 is the event, the 决定 is bounded
    assert params("市公积金管理中心应当自受理住房公积金贷款申请之日起十五日内作出准予贷款或者不准贷款的决定，"
                  "并书面通知申请人。", "shanghai", "rules") == [("duration", 15, "日", "决定", None)]


def test_months_of_a_wage_are_an_amount_of_a_benefit():
    # lawrefbook_dlc/chongqing/重庆市失业保险条例(2011-11-29).md
    assert params("失业人员在领取失业保险金期间死亡的，一次性发给六个月失业保险金标准的丧葬补助金；有供养的配偶、"
                  "直系亲属的，发给其供养的配偶、直系亲属十个月失业保险金标准的抚恤金。", "chongqing", "rules") == \
        [("amount", 6, "个月", "丧葬补助金", None), ("amount", 10, "个月", "抚恤金", None)]
    # lawrefbook_dlc/henan/郑州市失业保险条例(2019-01-22).md: 每满一年 is what the amount is counted per
    assert [p[:4] for p in params("生育补助金标准为其住院生育费用的百分之七十，最多不超过六个月的失业保险金。",
                                  "henan", "rules")] == [("rate", 70, "%", "生育补助金"), ("cap", 6, "个月", "生育补助金")]
    assert [p[:4] for p in params("农民合同制工人一次性生活补助金，按其工作时间每满一年发给一个月、最多不超过十二个月的"
                                  "失业保险金标准计发。", "henan", "rules")] == \
        [("amount", 1, "个月", "生活补助金"), ("cap", 12, "个月", "生活补助金")]


def test_a_period_a_beneficiary_has_served_is_a_threshold():
    # lawrefbook_dlc/henan/河南省实施《教师法》办法(2010-07-30).md
    assert params("有条件的地方可以对其他从事教育教学工作的累计男满三十年、女满二十五年教龄的退休教师在其原退休金"
                  "基础上给予补贴。", "henan", "rules") == [("threshold", 30, "年", "补贴", None),
                                                            ("threshold", 25, "年", "补贴", None)]
    # lawrefbook_dlc/shanghai/上海市促进中小企业发展条例(2018-05-24).md: 十八个月内的小企业 qualifies who gets it
    assert params("本市创立十八个月内的小企业按照本企业吸纳就业情况，可以向所在地的区开业指导服务部门申请创业场地"
                  "房租补贴。", "shanghai", "rules") == [("threshold", 18, "个月", "创业场地房租补贴", None)]


def test_a_validity_period_names_what_it_holds():
    # lawrefbook_dlc/shandong/山东省就业促进条例(2016-03-30).md: the grant, not who enjoys it
    assert bare("就业困难人员享受社会保险补贴和岗位补贴的期限最长不超过三年。") == [("duration", 3, "年", "岗位补贴")]
    # lawrefbook_dlc/shandong/威海市居民养老服务保障条例(2020-01-17).md: what the holder does
    assert bare("接受政府补助的养老机构开展养老服务经营活动的期限不得少于五年。") == \
        [("duration", 5, "年", "养老服务经营活动")]
    # data_compliance/local/关于印发贵州省公共数据资源登记实施细则-试行-的通知-17b692aad0.md: what the clause before keeps
    assert bare("强化区块链、隐私计算、数字指纹、数字水印等数据安全保护技术应用，妥善保存登记信息，"
                    "保存期限不少于二十年；", "plan") == [("duration", 20, "年", "登记信息")]
    # data_compliance/local/《深圳市人工智能语料券专项资金操作规程》-6571448453.md: 公示期限 is the 公示's
    assert bare("市政务和数据主管部门通过“i深圳”、管理平台等向社会公示发放方案，公示期限为5个工作日，"
                    "公示内容应包括拟发放企业和拟发放金额。", "plan") == [("duration", 5, "个工作日", "公示")]


def test_a_share_at_least_is_a_minimum_and_each_voucher_has_its_amount():
    # lawrefbook_dlc/zhejiang/浙江省促进科技成果转化条例(2021-09-30).md
    assert params("以技术转让或者许可方式转化职务科技成果的，应当从技术转让或者许可所取得的净收入中提取不低于"
                  "百分之七十的比例用于奖励；", "zhejiang", "rules") == [("minimum", 70, "%", "奖励", None)]
    # data_compliance/local/《上海市进一步扩大人工智能应用的若干措施》-69e691b587.md
    assert [p[:4] for p in params("向符合条件的创新型企业发放最高100%支持的100万元算力券、100万元模型券、"
                                  "100万元语料券补贴，积极推动补贴“免申即享”。", "shanghai")] == \
        [("rate", 100, "%", "算力券"), ("amount", 100, "万元", "算力券"), ("amount", 100, "万元", "模型券"),
         ("amount", 100, "万元", "语料券")]


def test_conditions_and_shares_of_a_grant():
    # data_compliance/local/《内蒙古自治区促进数据和人工智能产业高质量发展若干政策》-53f32a4f3a.md: 超过20万元的按… is a condition
    assert params("推进自治区级数据交易场所和数据流通市场建设，对购买公共数据、数据集、语料、模型等数据产品的企业，"
                  "合同金额超过20万元的按合同金额的20%给予奖补，同一企业每年奖补资金总额不超过200万元。", "neimenggu") == \
        [("threshold", 20, "万元", "奖补", None), ("rate", 20, "%", "奖补", None), ("cap", 200, "万元", "奖补", "企业")]
    # lawrefbook_dlc/zhejiang/浙江省工伤保险条例(2020-09-24).md: 不足五年的 qualifies who gets the benefit of the next clause
    assert params("但职工离法定退休年龄不足五年的，一次性伤残就业补助金按照职工每增加一周岁递减百分之二十的标准支付。",
                  "zhejiang", "rules") == [("threshold", 5, "年", "伤残就业补助金", None),
                                           ("rate", 20, "%", "伤残就业补助金", None)]
    # lawrefbook_dlc/beijing/北京市实施《农业技术推广法》办法.md: 提取…的百分之五十，奖励… is the reward's rate
    assert params("农业技术推广机构、农业科研单位、有关学校以及其他组织，应当提取不超过农业技术性收入的百分之五十，"
                  "奖励直接参加科技研究、开发、咨询和服务的人员。", "beijing", "rules") == [("rate", 50, "%", "奖励", None)]
    # lawrefbook_dlc/zhejiang/宁波市科技创新促进条例(2011-04-11).md (…百分之二十以上: a floor)
    assert [p[:4] for p in params("采用股权奖励方式的，其用于奖励的股权应当占该科技成果所占股份的百分之二十以上。",
                                  "shandong", "rules")] == [("minimum", 20, "%", "奖励")]


def test_a_deadline_reads_past_adverbs_and_relative_clauses_to_its_procedure():
    # lawrefbook_dlc/chongqing/重庆市地方立法条例(2017-01-19).md: 分别 before 报…备案
    assert bare("市人民代表大会及其常务委员会制定的法规或者批准的自治条例和单行条例，由市人大常委会法制工作机构按照统一格式，"
                    "自公布之日起三十日内分别报全国人民代表大会常务委员会和国务院备案。") == [("duration", 30, "日", "备案")]
    # lawrefbook_dlc/beijing/北京市招标投标条例(2021-09-24).md: 通报 a 所-clause's head noun
    assert bare("项目审批后，审批部门应当在五个工作日内向有关主管部门通报所确定的招标范围和方式等情况。") == \
        [("duration", 5, "个工作日", "招标范围和方式等情况")]
    # lawrefbook_dlc/zhejiang/浙江省信访条例(2016-07-29).md: 按下列规定 before 作出处理
    assert bare("国家机关收到信访人提出的信访事项，应当登记、录入网络信访平台，能够当场答复的，应当当场答复；"
                    "不能当场答复的，在五个工作日内按下列规定作出处理：") == [("duration", 5, "个工作日", "处理")]
    # lawrefbook_dlc/henan/郑州市城市养犬管理条例(2022-01-01).md: 可以被 before the verb
    assert bare("交市动物园看管的犬只，自收留之日起七日内可以被认领；") == [("duration", 7, "日", "认领")]


def test_the_clause_saying_whom_a_grant_is_for_gives_its_beneficiary_and_per_unit():
    def grant(text, region):
        m = find_mentions(text, 0, len(text), region)
        return [(p.type, p.value, p.unit, p.instrument, p.per, p.beneficiary)
                for p in find_parameters(text, 0, len(text), m.instruments, m.actors, kind="plan")]
    # data_compliance/local/《河南省支持人工智能产业生态发展若干政策措施》-df501407df.md: 对…备案的企业，
    assert grant("对新通过国家互联网信息办公室生工智能模型备案的企业，给予一次性100万元资金支持。", "henan") == \
        [("amount", 100, "万元", "资金支持", None, "企业")]
    # data_compliance/local/福建省发展和改革委员会-福建省数据管理局关于印发福建省促进数据产业高质量发展行动计划-2025—2027年-的通知-_-
    # 省发改委政策文件-_-福建省发展和改革委员会-f2f8543620.md (as the PDF gives it, words lost at a page break): 每个 is per 项目
    assert grant("对在数据基础设施建设领域获得国家先行先试工作试点、国家优秀（典型）案例的项目，每个给予不超过50万元资金支"
                 "家可信数据空间创新发展试点的项目，每个给予不超过500万元资金支持。", "fujian") == \
        [("cap", 50, "万元", "资金支持", "项目", None), ("cap", 500, "万元", "资金支持", "项目", None)]


def test_a_deadline_bounds_a_decision_a_filing_and_the_verb_of_an_empty_object():
    # lawrefbook_dlc/henan/河南省劳动保障监察条例(2010-07-30).md: 决定|是否立案, the decision
    assert bare("（一）对违反劳动和社会保障法律、法规行为的投诉、举报或者监察中发现的问题，应当在七日内决定是否立案，"
                    "并通知投诉人或者举报人；") == [("duration", 7, "日", "决定")]
    # lawrefbook_dlc/henan/驻马店市城市绿化条例(2018-06-28).md: 补办 a procedure verb, its object without 有关
    # (as the corpus gold writes 有关记录保存期限 → 记录)
    assert bare("第二十六条 供电、供水、供热、燃气、通讯单位因抢险需要砍伐、移植树木或者挖掘、占用绿地的，抢险单位可以"
                    "先行处理，但应当在险情发生后三日内向城市绿化主管部门补办有关手续。") == [("duration", 3, "日", "手续")]
    # lawrefbook_dlc/henan/郑州市旅游业管理条例(2022-01-01).md: 处理|完毕
    assert bare("对符合受理条件的，应当在三十日内处理完毕并告知举报人、投诉人。") == [("duration", 30, "日", "处理")]
    # lawrefbook_dlc/chongqing/重庆市人民代表大会代表建议批评和意见工作条例(2017-11-30).md: 说明|情况和理由
    assert bare("承办单位对于不属于本单位职责范围的代表建议、批评和意见，应当自代表建议、批评和意见交办之日起十个工作日内"
                    "向大会秘书处或者市人大常委会人代工委书面说明情况和理由，不得自行转办、滞留和延误。") == \
        [("duration", 10, "个工作日", "说明")]
    # lawrefbook_dlc/guangdong/广州市慈善促进条例(2021-06-01).md: 报…备案|并说明理由, the filing
    assert bare("慈善组织确需变更募捐方案规定的捐赠财产用途的，应当经其决策机构审议通过后十日内报民政部门备案并说明理由。") == \
        [("duration", 10, "日", "备案")]


def test_a_decision_or_an_explanation_named_as_a_noun_is_no_procedure_verb():
    # lawrefbook_dlc/chongqing/重庆市行政执法监督条例(2010-07-30).md: 向作出处理决定的…机构|申请复查
    assert bare("行政执法机构对行政执法监督处理决定不服的，可以在收到处理决定之日起十个工作日内向作出处理决定的"
                    "行政执法监督机构申请复查。") == [("duration", 10, "个工作日", "复查")]
    # lawrefbook_dlc/shanghai/上海市文化娱乐市场管理条例.md: 将处罚决定|抄告…部门
    assert bare("市或者区、县文化行政管理部门应当在作出吊销《文化经营许可证》处罚决定之日起七日内，将处罚决定抄告有关"
                    "行政管理部门。") == [("duration", 7, "日", "抄告")]
    # lawrefbook_dlc/shandong/泰安市制定地方性法规条例(2016-03-30).md: 草案文本和说明 is what is sent
    assert bare("常务委员会决定提请市人民代表大会会议审议的地方性法规案，应当在会议举行的一个月前将地方性法规草案文本和"
                    "说明，以及有关参考资料发给代表。") == []
    # lawrefbook_dlc/shandong/济南市绿化条例(2021-12-03).md: 核查、处理, a list of verbs
    assert bare("第四十七条 绿化主管部门应当加强对绿化工作检查、监督和指导，建立日常巡查制度和投诉举报受理机制，"
                    "自接到投诉、举报之日起十日内核查、处理并予以答复。") == [("duration", 10, "日", "核查")]


def test_a_class_a_rule_defines_by_a_bound_is_the_instrument_of_its_threshold():
    # lawrefbook_dlc/henan/郑州市古树名木及古树后备资源保护条例(2021-11-10).md: 所称…是指, and the next definition
    assert bare("本条例所称古树是指树龄在一百年以上的树木；名木是指树种珍贵、国内外稀有，以及具有重要历史、文化、观赏与科研价值"
                  "或者重要纪念意义的树木；古树后备资源是指树龄在五十年以上不满一百年的树木。") == [
        ("threshold", 100, "年", "古树"), ("minimum", 50, "年", "古树后备资源")]   # 以上不满…: a range's floor
    # lawrefbook_dlc/beijing/北京市古树名木保护管理条例(2019-07-26).md: …以上的树木为一级古树
    assert bare("凡树龄在三百年以上的树木为一级古树；其余的为二级古树。") == [("threshold", 300, "年", "一级古树")]
    # lawrefbook_dlc/shanghai/上海市地方金融监督管理条例(2020-04-10).md: a share
    assert bare("本条例所称主要股东，是指持有地方金融组织百分之五以上股权或者表决权但不构成控股地方金融组织的股东或者其他"
                  "出资人。") == [("threshold", 5, "%", "主要股东")]


def test_a_long_object_of_a_procedure_names_its_head_noun():
    # lawrefbook_dlc/henan/南阳市中小学校幼儿园规划建设条例(2020-11-06).md: 组织一次对…情况的评估
    assert bare("第十四条 市、县（市）教育主管部门应当会同自然资源和规划、住房和城乡建设等部门，每三年组织一次对中小学校、"
                    "幼儿园布局规划实施情况的评估，并提出评估报告。") == [("duration", 3, "年", "评估")]
    # lawrefbook_dlc/henan/洛阳市城市中小学校幼儿园规划建设管理条例.md: 设立…等…的经营性场所
    assert bare("第十七条 禁止在中小学校周围二百米范围内设立互联网上网服务营业场所、营业性电子游戏室等影响正常教学秩序的"
                    "经营性场所；")[:1] == [("threshold", 200, "米", "经营性场所")]


def test_a_share_before_a_tax_rate_is_the_rate_of_the_tax_levied():
    # lawrefbook_dlc/henan/郑州航空港经济综合实验区条例(2020-11-28).md
    assert params("（二）国家需要重点扶持的高新技术企业减按百分之十五的税率征收企业所得税；", "henan", "rules") == [
        ("rate", 15, "%", "企业所得税", None)]


def test_a_bound_of_a_rules_condition_is_the_threshold_of_the_duty_it_triggers():
    def duty(text):
        m = find_mentions(text, 0, len(text), None)
        return [(p.type, p.value, p.unit, p.instrument)
                for p in find_parameters(text, 0, len(text), m.instruments, m.actors, kind="rules")]
    # lawrefbook_dlc/guangdong/深圳经济特区安全生产监督管理条例(2022-06-30).md: 设置|what is set up
    assert duty("（一）从业人员在一百人以上的，应当设置安全生产管理机构并配备专职安全生产管理人员；") == [
        ("threshold", 100, "人", "安全生产管理机构")]
    # lawrefbook_dlc/beijing/北京市民兵预备役工作条例.md
    assert duty("第五条 企业、事业单位有在职职工1000人以上的，应当设立人民武装部，1000人以下的，根据民兵、预备役工作的实际"
                "需要设立人民武装部；")[:1] == [("threshold", 1000, "人", "人民武装部")]
    # lawrefbook_dlc/henan/郑州市机动车维修市场管理条例(2004-08-23).md: whom the duty tells is no tool (告知|托修方)
    assert duty("机动车辆大修、总成修理、二级维护以及维修预算费用达一千元以上的维修业务，承修方应当告知托修方并与之签订"
                "书面合同。") == []


def test_a_deadline_in_days_outside_a_regulation_is_a_procedural_deadline():
    # data_compliance/local/《河南省公共数据资源登记管理实施细则-试行-》征求意见-62ab095232.md (typed 意见: a plan)
    assert params("登记机构应对登记材料内容进行形式审核，自受理之日起20个工作日之内完成审核。", "henan") == [
        ("duration", 20, "个工作日", "审核", None)]
    # a plan's horizon in years stays no parameter (it is a goal, or nothing)
    assert params("力争3年内建成10个示范区。", None) == []


def test_a_report_formed_or_sent_up_within_a_deadline_is_its_procedure():
    # data_compliance/local/北京地区电信领域数据安全事件应急预案和处置规范-c6e1be9486.md: 形成, a bracketed note left out
    assert bare("提出处理意见和改进措施，在应急工作结束后5个工作日内形成总结报告(模板见附3)，报北京市通信管理局。",
                    "rules") == [("duration", 5, "个工作日", "总结报告")]
    # lawrefbook_dlc/henan/平顶山市城乡规划建设管理条例(2017-11-07).md: 上报
    assert bare("当事人未按照通知要求停止违法行为的，市城乡规划主管部门应当在送达《责令停止违法行为通知书》后二个工作日内"
                    "上报市人民政府。", "rules") == [("duration", 2, "个工作日", "上报")]


def test_what_is_kept_for_n_years_or_more_holds_that_duration():
    # lawrefbook_dlc/guangdong/广东省固体废物污染环境防治条例(2022-11-30).md: the record kept
    assert bare("危险废物台账应当保存十年以上。") == [("duration", 10, "年", "危险废物台账")]
    # lawrefbook_dlc/shanghai/上海市实施《邮政法》办法.md: the keeper is no tool, the keeping verb names the duty
    assert bare("身份证明和快件安全证明，快递企业应当保存一年以上。") == [("duration", 1, "年", "保存")]


def test_a_notice_published_a_filing_closing_a_disposal_and_a_shared_object():
    # lawrefbook_dlc/shandong/菏泽市养犬管理条例(2021-10-13).md: 发布 is a procedure verb, its object the procedure
    assert bare("无法通知或者未登记的，应当在三日内发布招领公告。") == [("duration", 3, "日", "招领公告")]
    # lawrefbook_dlc/shandong/山东省县乡两级人民代表大会选举实施细则(2015-12-03).md: 将…报…备案 is the filing
    assert bare("依照前款规定重新确定代表名额的，省人民代表大会常务委员会应当在三十日内将重新确定代表名额的情况报全国人民代表"
                    "大会常务委员会备案。") == [("duration", 30, "日", "备案")]
    # lawrefbook_dlc/shandong/淄博市文物保护管理办法(2020-09-28).md: 划定并公布|保护范围, the object both verbs share
    assert bare("第十条 市、区县人民政府应当自文物保护单位公布之日起一年内，依法合理划定并公布保护范围，设立保护标志，"
                    "埋设保护界桩，建立记录档案。") == [("duration", 1, "年", "保护范围")]


def test_special_funds_support_closing_a_clause_is_one_grant_noun():
    # data_compliance/local/福建省发展和改革委员会-福建省数据管理局关于印发福建省促进数据产业高质量发展行动计划-2025—2027年-…md
    text = "对入选的省数据要素产业园给予不超过500万元专项资金支持。"
    assert params(text, "fujian") == [("cap", 500, "万元", "专项资金支持", None)]
    # data_compliance/local/福建省人民政府办公厅关于印发《福建省推动人工智能产业发展和赋能应用若干措施》的通知-…md:
    # 支持 before its object is the verb
    text = "每年各安排不超过1000万元专项资金支持省级人工智能产业园开展产业招商。"
    assert [p[3] for p in params(text, "fujian")] == ["专项资金"]


def test_a_renewal_period_with_no_holder_is_of_the_tool_the_title_regulates():
    # data_compliance/national/公共数据资源登记管理暂行办法-0842792f3d.md
    doc = run("每次续展期最长为三年，自上一届有效期满次日起计算。第二十四条 本办法自2025年3月1日起施行，有效期5年，"
              "根据情况适时修订调整。",
              path="dengji.txt", front={"title": "公共数据资源登记管理暂行办法", "doc_type": "暂行办法"})
    assert [(p.parameter_type, p.value, p.unit, p.instrument_text) for p in doc.layers["parameters"]] == [
        ("duration", 3, "年", "公共数据资源登记")]     # the document's own validity is none


def test_a_procedures_object_drops_its_determiner_and_a_shared_verb_needs_a_noun_after_it():
    # lawrefbook_dlc/zhejiang/浙江省普陀山风景名胜区条例(2018-11-30).md: 发布相关公告 → 公告
    assert bare("在重要节假日、节庆等活动期间需要控制游客数量的，普陀山风景名胜区管理委员会、普陀区人民政府应当提前一周在相关"
                    "媒体、进山码头、风景区内发布相关公告，并采取措施保障景区安全。") == [("duration", 1, "周", "公告")]
    # lawrefbook_dlc/henan/郑州市地方立法条例(2001-04-13).md: 制定并公布|施行 shares no object
    assert bare("地方性法规规定由市人民政府制定实施细则的，应当在法规公布之日起六个月内制定并公布施行。") == [
        ("duration", 6, "个月", "制定")]


def test_a_reply_given_within_a_deadline_and_a_plans_notice_period():
    # lawrefbook_dlc/henan/河南省企业工资集体协商条例(2013-11-29).md: 给予|答复
    text = "第二十一条 职工方和企业方均可以提出工资集体协商要约，被要约方应当自收到要约书之日起十个工作日内给予答复。"
    assert bare(text) == [
        ("duration", 10, "个工作日", "答复")]
    # data_compliance/local/芜湖市公共数据资源授权运营实施方案-征求意见稿-2d68fc9ab8.md (a plan): 提前3个月
    text = "在授权运营期限届满前，运营机构提前3个月向数据资源管理部门提出续期申请，经审核后可续签授权协议。"
    assert bare(text, "plan") == [
        ("duration", 3, "个月", "续期申请")]


def test_a_failure_within_a_deadline_is_no_deadline_and_a_named_filing_stays_whole():
    # lawrefbook_dlc/henan/河南省工伤保险条例(2007-06-01).md: …二十日内不提供相关材料…的 is the condition of a sanction
    assert bare("用人单位在接到书面通知二十日内不提供相关材料或者不履行举证义务的，劳动保障行政部门可以根据受伤害职工或者其"
                    "直系亲属、工会组织提供的证据依法作出工伤认定结论。") == []
    # lawrefbook_dlc/zhejiang/浙江省无线电管理条例(2017-09-30).md: 办理|销售备案, not the bare filing
    assert bare("销售依法应当取得型号核准的无线电发射设备的，应当自设备销售之日起三十日内将销售者和购买者的姓名或者名称、"
                    "销售的无线电发射设备的型号核准代码等信息向省无线电管理机构办理销售备案，并对备案信息的真实性负责。") == [
        ("duration", 30, "日", "销售备案")]


def test_a_shared_verb_reads_on_only_to_a_plain_object_and_a_sub_district_office_is_whom_it_goes_to():
    # lawrefbook_dlc/shanghai/上海市实施《食品安全法》办法.md: 通知并移交|有权处理的部门处理 is no shared object
    assert bare("不属于本部门职责的，应当在两个工作日内书面通知并移交有权处理的部门处理。") == [("duration", 2, "个工作日", "通知")]
    # lawrefbook_dlc/shandong/日照市物业管理条例(2017-10-01).md: 报告|街道办事处（乡镇人民政府）
    assert bare("符合首次业主大会会议召开条件的，建设单位应当将业主入住情况在二十日内报告街道办事处（乡镇人民政府），同时报送"
                    "下列资料：") == [("duration", 20, "日", "报告")]


def test_a_procedures_object_after_a_dropped_determiner_is_no_tool_mention_inside_it():
    # lawrefbook_dlc/shandong/山东省城乡规划条例(2018-09-21).md: 报送有关竣工验收资料 → 竣工验收资料, not the mention 竣工验收
    assert params("建设单位和个人应当在竣工验收后六个月内，向城市、县城乡规划主管部门报送有关竣工验收资料。", "shandong",
                  "rules") == [("duration", 6, "个月", "竣工验收资料", None)]


def test_an_item_under_a_lead_in_naming_a_tool_gives_its_thresholds_in_a_guide_too():
    # data_compliance/national/《汽车数据出境安全指引-2025-版-》-a7542f2463.md (a 指引: figures read as a plan's)
    text = ("1. 汽车数据处理者向境外提供汽车数据，符合以下情形之一的，应当申报数据出境安全评估：\n\n"
            "（1）向境外提供重要数据；\n\n（3）自当年1月1日起累计向境外提供1万人以上敏感个人信息；\n")
    doc = run(text, path="qiche.txt", front={"title": "汽车数据出境安全指引（2025版）", "doc_type": "指引"})
    assert [(p.parameter_type, p.value, p.unit, p.instrument_text) for p in doc.layers["parameters"]] == [
        ("threshold", 10000, "人", "数据出境安全评估")]
    # lawrefbook_dlc/shandong/青岛市价格条例(2018-11-30).md: a floor under a lead-in is a minimum
    doc = run("第二十三条 价格行政执法人员在执法过程中，应当遵守下列规定:\n\n（一）执法人员不得少于两人；", path="qingdao.txt",
              front={"title": "青岛市价格条例", "doc_type": "条例"})
    assert [(p.parameter_type, p.value, p.unit) for p in doc.layers["parameters"]] == [("minimum", 2, "人")]


def test_a_count_above_which_a_duty_sets_something_up_is_that_things_threshold():
    # lawrefbook_dlc/shanghai/上海市工会条例.md: what the duty sets up (建立, 配备), without 必要的
    assert params("企业、事业单位、机关有会员二十五人以上的，应当建立基层工会委员会；不足二十五人的，可以单独建立基层工会委员会，"
                  "也可以由两个以上单位的会员联合建立基层工会委员会，也可以选举组织员一人，组织会员开展活动。",
                  "shanghai", "rules") == [("threshold", 25, "人", "基层工会委员会", None)]
    assert params("企业、事业单位有职工二百人以上的，应当配备必要的专职工会工作人员。", "shanghai", "rules") == [
        ("threshold", 200, "人", "专职工会工作人员", None)]


def test_a_size_above_which_a_rule_applies_is_a_threshold():
    # lawrefbook_dlc/zhejiang/绍兴市大气污染防治条例(2016-10-19).md: 平方米 bounds the duty to install
    assert params("建筑工程施工工地车辆出入口处和主要道路应当进行硬化处理，建筑面积一万平方米以上的施工工地应当安装扬尘视频"
                  "监控系统并与监管部门联网。", "zhejiang", "rules") == [
        ("threshold", 10000, "平方米", "扬尘视频监控系统", None)]
    # a size in a plan or a grant is no rule's threshold
    assert params("建筑面积一万平方米以上的施工工地应当安装扬尘视频监控系统。", "zhejiang", "plan") == []


def test_a_definition_opening_the_sentence_and_the_floor_of_a_range():
    # lawrefbook_dlc/henan/许昌市城市绿化条例(2019-12-30).md: 古树后备资源，是指… (no 所称); 五十年以上|一百年以下
    assert params("古树后备资源，是指树龄在五十年以上一百年以下的树木以及胸径在五十厘米以上的慢生树木。", "henan", "rules") == [
        ("minimum", 50, "年", "古树后备资源", None), ("threshold", 100, "年", "古树后备资源", None)]
    # lawrefbook_dlc/shandong/青岛市饮用水水源保护条例(2021-09-30).md
    assert params("集中式饮用水水源，是指供水人口在一千人以上的在用、备用和规划水源。", "shandong", "rules") == [
        ("threshold", 1000, "人", "集中式饮用水水源", None)]


def test_a_bound_said_again_in_brackets_is_one_parameter():
    # lawrefbook_dlc/shandong/青岛市残疾人保障条例(2016-07-22).md: 两名以上（含两名）
    assert [p[:3] for p in params("对核定为最低生活保障边缘的残疾人家庭、有两名以上（含两名）残疾人或者老年残疾人的家庭、"
                                  "重度残疾人家庭按照规定给予补助。", "shandong", "rules")] == [("threshold", 2, "名")]


def test_a_deadline_bounds_the_procedure_after_an_according_to_phrase():
    # lawrefbook_dlc/shanghai/上海市产品质量条例(2012-04-19).md; lawrefbook_dlc/beijing/北京市燃气管理条例(2020-09-25).md
    assert params("生产者、销售者对检验结论有异议的，可以自收到检验结论之日起十五日内，按照国家规定提出书面复检申请。",
                  "shanghai", "rules") == [("duration", 15, "日", "书面复检申请", None)]
    assert params("区城市管理部门应当自受理燃气设施改动申请之日起十二个工作日内，依照法定程序作出行政许可决定。",
                  "beijing", "rules") == [("duration", 12, "个工作日", "行政许可决定", None)]


def test_a_bare_support_is_the_grant_of_the_programme_its_to_clause_names():
    # data_compliance/local/《上海市进一步扩大人工智能应用的若干措施》-69e691b587.md: 支持 names no tool of its own
    assert params("对人工智能软件产品首版次应用示范，按照核定合同金额给予最高30%、最高2000万元支持。", "shanghai") == [
        ("rate", 30, "%", "人工智能软件产品首版次应用示范", None), ("cap", 2000, "万元", "人工智能软件产品首版次应用示范", None)]
    # …not a 对-clause with 的 (对揭榜成功的项目): the grant noun stays (a clause of a sentence of
    # data_compliance/local/《打造通用人工智能产业创新和应用高地若干政策-2.0-版-》-f84d111131.md)
    assert [p[3] for p in params("对揭榜成功的项目给予不超过场景开发投入的20%、最高1000万元支持。", "shanghai")] == ["支持", "支持"]


def test_what_a_deadline_organises_others_to_do_and_no_manner_as_a_procedure():
    # lawrefbook_dlc/shandong/济南市文物保护规定(2016-01-22).md: 组织…单位进行|调查勘探发掘
    assert params("市文物行政主管部门应当自接到申请之日起二十日内组织考古调查勘探发掘单位进行调查勘探发掘，并出具考古勘探发掘"
                  "意见书。", "shandong", "rules") == [("duration", 20, "日", "调查勘探发掘", None)]
    # lawrefbook_dlc/beijing/北京市各级人民代表大会常务委员会规范性文件备案审查条例(2024-09-27).md: 按照职责分工 is how
    assert params("备案审查工作机构对备案登记的规范性文件，应当进行主动审查，并自登记之日起五个工作日内，按照职责分工，分送有关"
                  "人民代表大会专门委员会、常务委员会工作机构开展同步审查。", "beijing", "rules") == []


def test_a_duration_above_which_a_duty_applies_is_its_threshold():
    # lawrefbook_dlc/guangdong/广东省知识产权保护条例(2022-03-29).md
    assert params("展会举办三天以上的，展会主办方应当设立展会知识产权纠纷处理机构，及时调解处理知识产权纠纷。", "guangdong",
                  "rules") == [("threshold", 3, "天", "展会知识产权纠纷处理机构", None)]


def test_a_filing_for_approval_and_how_long_a_notice_lasts():
    # lawrefbook_dlc/zhejiang/台州市城乡规划条例(2016-12-19).md: 报…审批 (审批机关 is a noun)
    assert params("乡（镇）人民政府或者街道办事处自受理申请之日起五个工作日内报城乡规划主管部门审批。", "zhejiang",
                  "rules") == [("duration", 5, "个工作日", "审批", None)]
    # lawrefbook_dlc/zhejiang/浙江省社会救助条例(2020-09-24).md: 公示七日后 is how long the notice lasts
    assert params("乡镇人民政府、街道办事处应当自接到最低生活保障申请之日起十五个工作日内，通过入户调查、邻里访问、群众评议、"
                  "信息核查等方式，对申请人的家庭收入状况、财产状况进行调查核实，提出初审意见，并在申请人所在村、社区公示七日后"
                  "报县级人民政府民政部门审批。", "zhejiang", "rules") == [("duration", 7, "日", "公示", None)]


def test_a_keeping_time_counted_from_an_event_is_the_period_of_what_is_kept():
    # data_compliance/local/关于发布网络交易平台经营者服务协议与交易规则、-信息公示与披露、禁限售商品管理等系列合规指引的公告-
    # c6f06ab840.md: 保存时间|自…之日起不少于三年, of what follows 对
    text = ("第二十四条 网络交易平台经营者对平台内经营者身份信息的保存时间自其退出平台之日起不少于三年，对商品和服务信息、"
            "交易信息保存时间自交易完成之日起不少于三年，对网络交易活动的直播视频保存时间自直播结束之日起不少于三年，法律法规、"
            "规章对保存期限另有规定的，依照其规定。")
    assert params(text, None, "rules") == [("duration", 3, "年", "平台内经营者身份信息", None),
                                           ("duration", 3, "年", "商品和服务信息、交易信息", None),
                                           ("duration", 3, "年", "直播视频", None)]


def test_what_is_done_every_so_often_is_the_subject_before_every_else_the_verb_without_its_count():
    # lawrefbook_dlc/shanghai/上海市民防条例(2018-12-20).md; lawrefbook_dlc/shanghai/上海市经纪人条例.md (as 评估工作每五年
    # 开展一次 → 评估工作)
    assert params("防空袭方案及其实施计划至少每五年修订一次。", "shanghai", "rules") == [
        ("duration", 5, "年", "防空袭方案及其实施计划", None)]
    assert params("经纪执业证书每两年审验一次。", "shanghai", "rules") == [("duration", 2, "年", "经纪执业证书", None)]
    # data_compliance/local/关于发布网络交易平台经营者服务协议与交易规则、-信息公示与披露、禁限售商品管理等系列合规指引的公告-
    # c6f06ab840.md: no subject before 至少每六个月, the verb without 一次
    assert params("第二十三条 网络交易平台经营者应针对平台内经营者身份信息和资质信息建立登记档案，至少每六个月核验更新一次。",
                  None, "rules") == [("duration", 6, "个月", "核验更新", None)]


def test_a_manner_phrase_before_the_verb_and_an_adverb_before_a_definition():
    # lawrefbook_dlc/beijing/北京市信访条例.md: 按下列方式|处理
    assert params("人民政府信访工作机构收到信访请求，应当予以登记，在15日内分别按下列方式处理：", "beijing", "rules") == [
        ("duration", 15, "日", "处理", None)]
    # lawrefbook_dlc/beijing/北京市预算审查监督条例(2016-12-29).md: 重大投资项目|一般是指
    assert params("重大投资项目一般是指市人民政府拟新安排的单个项目市政府固定资产投资总额占本市年度政府固定资产投资总额1%以上的"
                  "项目，或者按市人民政府固定投资总额排序前10位的项目。", "beijing", "rules") == [
        ("threshold", 1, "%", "重大投资项目", None)]
    # lawrefbook_dlc/beijing/北京市湿地保护条例(2019-07-26).md: 列入|湿地名录
    assert params("本市面积8公顷以上的湿地，应当列入湿地名录。", "beijing", "rules") == [("threshold", 8, "公顷", "湿地名录", None)]
    # lawrefbook_dlc/zhejiang/温州市荣誉市民条例(2020-08-07).md: 一般 before 每 is no subject
    assert params("一般每两年授予一次，也可以根据需要适时授予。", "zhejiang", "rules") == [("duration", 2, "年", "授予", None)]
