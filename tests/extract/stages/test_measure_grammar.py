"""Measures: the clause grammar that holds on unseen documents (extract/stages/measures.py) — where a
clause ends, what is no cue, who the subject is, and where a responsibility bracket stops.

Real sentences from /work/shared/corpus/scale/ (file in a comment), none from a gold document.
"""

from policykg.extract.pipeline import run
from policykg.extract.records import MeasureRecord
from policykg.extract.stages.measures import find_measures
from policykg.extract.stages.mentions import find_mentions


def kinds(text: str, jurisdiction: str | None = None, **kw) -> list[tuple[str, list[str]]]:
    ms = find_measures(text, 0, len(text), find_mentions(text, 0, len(text), jurisdiction), **kw)
    return [(m.modality, [a.text for a in m.agents]) for m in ms]


def records(text: str, title: str) -> list[MeasureRecord]:
    doc = run(text, path="t.md", front={"title": title})
    return [r for r in doc.records() if isinstance(r, MeasureRecord)]


def test_a_bracket_the_text_broke_off_in_does_not_take_the_next_task_as_units():
    # data_compliance/local/《河南省支持人工智能产业生态发展若干政策措施》-df501407df.md: the bracket never closes
    text = ("5.加大人才引育力度。支持各类用人主体引进培育人工智能领域高精尖缺人才。（责任单位：省委组织部、省人力资源社会保障厅、"
            "发展改革委\n\n6.加强优质企业引育。大力引进培育人工智能领域专精特新企业。（责任单位：省工业和信息化厅、财政厅）\n")
    recs = records(text, "河南省支持人工智能产业生态发展若干政策措施")
    units = [(r.text, r.action) for r in recs if r.cue == "负责"]
    assert units == [("省委组织部", "负责"), ("省人力资源社会保障厅", "负责"), ("发展改革委", "负责"),
                     ("省工业和信息化厅", "负责"), ("财政厅", "负责")]
    tasks = [(r.action, r.agents, r.responsible) for r in recs if r.cue != "负责"]
    assert tasks == [("加大", (), ("省委组织部", "省人力资源社会保障厅", "发展改革委")),
                     ("支持", (), ("省委组织部", "省人力资源社会保障厅", "发展改革委")),
                     ("加强", (), ("省工业和信息化厅", "财政厅")), ("引进", (), ("省工业和信息化厅", "财政厅"))]


def test_a_full_stop_typed_as_a_point_ends_a_clause():
    # data_compliance/local/《上海市具身智能产业发展实施方案》-425a3ea9b2.md: "." between Chinese words
    text = ("攻关感知决策模型.支持高校及科研院所构建一体化的具身智能大模型能力.鼓励研究主动感知、规划决策、语音交互等技术，"
            "提升实时交互、自主学习等核心能力，实现大规模应用.")
    assert [m for m, _ in kinds(text, "shanghai", plan=True)] == [
        "obligation", "encouragement", "encouragement", "obligation"]        # …，提升…: a task of its own
    assert kinds("数据集规模达到1.5万个。", plan=True) == []            # a decimal point is no stop


def test_a_definition_with_its_term_in_a_clause_of_its_own_is_no_measure():
    # data_compliance/local/省数据局关于印发《湖北省公共数据资源登记实施细则-试行-》的通知-湖北省数据局-16fa1011….md
    assert kinds("登记机构，是指由数据管理部门指定的、提供公共数据资源登记服务的事业单位。", "hubei") == []


def test_ke_and_one_character_closing_a_phrase_is_a_quality():
    # same document: 来源可查、加工可控 describe the data, they permit nothing
    text = "登记主体在申请登记前应在保障安全的前提下对公共数据资源进行存证，确保来源可查、加工可控。"
    assert kinds(text, "hubei") == [("obligation", ["登记主体"])]


def test_the_subject_after_qi_is_the_agent():
    # data_compliance/national/关键信息基础设施商用密码使用管理规定-63c3ad5a10.md: 其运营者, not the facility
    text = "关键信息基础设施运行前，其运营者应当自行或者委托商用密码检测机构开展商用密码应用安全性评估。"
    assert kinds(text) == [("obligation", ["运营者"])]


def test_an_actor_noun_is_no_duty_verb():
    # data_compliance/local/《浦东新区促进气象数据要素市场化发展若干规定》-24710544ed.md: 组织 names who, it does not act
    text = "本规定适用于气象主管机构所属单位以外的组织和个人在浦东新区从事社会气象观测、数据采集、流通交易等活动。"
    assert kinds(text, "shanghai") == []


def test_a_notice_with_a_web_page_tail_still_transmits_a_plan():
    # data_compliance/local/自治区工业和信息化厅关于印发广西推动工业高质量数据集建设实施方案的通知-通知公告-….md
    title = "自治区工业和信息化厅关于印发广西推动工业高质量数据集建设实施方案的通知-通知公告"
    assert [(r.modality, r.action) for r in records("加强典型经验做法、典型案例总结推广。", title)] == [
        ("obligation", "加强")]


def test_a_relative_clause_before_the_subject_keeps_it_the_subject_when_a_modal_follows():
    # lawrefbook_dlc/shandong/山东省实施《矿产资源法》办法(2012-01-13).md: 在…的单位和个人，必须…
    text = "在本省行政区域内勘查、开采矿产资源的单位和个人，必须遵守本办法。"
    assert kinds(text, "shandong") == [("obligation", ["单位", "个人"])]
    # data_compliance/local/《深化公共数据资源开发利用若干举措》-915690deb7.md: …选择符合条件的运营机构开展服务 (an object)
    assert kinds("采用整体授权等模式，以公平竞争方式选择符合条件的运营机构开展服务。", plan=True) == [("obligation", [])]


def test_a_clause_opening_with_yiji_adds_subjects():
    # lawrefbook_dlc/henan/焦作市城市市容和环境卫生管理条例(2017-11-01).md
    text = ("市、县（市、区）市容环境卫生行政主管部门和教育、卫生计生、文化广电新闻出版等有关部门，以及车站、旅游景点等公共场所的"
            "经营管理单位，应当加强城市市容和环境卫生的宣传教育。")
    [(modality, agents)] = kinds(text, "jiaozuo")
    assert modality == "obligation" and "经营管理单位" in agents and "市、县（市、区）市容环境卫生行政主管部门" in agents
    # lawrefbook_dlc/shandong/山东省专利条例(2013-08-01).md: 以及对…的单位和个人 is an object, not a subject
    text = ("县级以上人民政府对具有重大经济、社会和生态效益的优秀专利项目，以及对发明创造和专利运用做出突出贡献的单位和个人，"
            "按照有关规定给予表彰、奖励。")
    assert kinds(text, "shandong") == [("obligation", ["县级以上人民政府"])]


def test_the_owner_before_de_is_not_the_subject():
    # lawrefbook_dlc/shandong/山东省预防未成年人犯罪条例(2016-09-23).md
    text = "未成年人的父母或者其他监护人应当言传身教，以健康思想和良好品行教育、引导未成年人健康成长。"
    assert kinds(text, "shandong") == [("obligation", ["父母", "监护人"])]
    # lawrefbook_dlc/zhejiang/绍兴市制定地方性法规条例(2016-04-13).md: a thing owned is the subject, no agent
    text = "常务委员会主任会议决定列入常务委员会会议议程的，专门委员会的审议意见应当印发常务委员会会议。"
    assert kinds(text, "shaoxing") == [("obligation", [])]


def test_a_duty_verb_after_a_prepositional_phrase_continues_the_subject():
    # lawrefbook_dlc/beijing/北京市大型群众性活动安全管理条例.md: 实施 inside 实施机关 is no verb
    text = "公安机关是大型活动安全许可的实施机关，对大型活动的安全工作实施监督管理。"
    assert kinds(text, "beijing") == [("obligation", ["公安机关"])]
    # lawrefbook_dlc/zhejiang/浙江省土地管理条例(2021-09-30).md: 省人民政府 only qualifies 机构
    text = "省人民政府授权的机构，依照有关法律、法规和本条例的规定，对设区的市、县（市、区）人民政府下列土地利用和土地管理情况进行督察："
    assert kinds(text, "zhejiang") == []


def test_wei_a_responsible_person_is_a_duty():
    # lawrefbook_dlc/henan/濮阳市农村生活垃圾治理条例(2019-07-01).md
    assert kinds("村庄范围内的街道、沟塘等公共区域，村民委员会为责任人；", "henan") == [("obligation", ["村民委员会"])]
    # lawrefbook_dlc/henan/河南省价格监督检查条例(2010-07-30).md: 为 inside 行为 opens nothing
    text = "对价格违法行为直接负责的主要人员和其他直接责任人员，可处以五百元以下的罚款。"
    assert [m for m, _ in kinds(text, "henan")] == ["authorization"]


def test_a_soft_cue_heading_the_clause_governs_a_duty_word_after_it():
    # data_compliance/local/湖南省数据局等5部门印发《关于促进湖南省企业数据资源开发利用的实施方案》的通知-….md
    text = "鼓励行政事业单位依法采购提供公共服务和履行职责所需的数据产品和服务，探索发放数据券、算法券和算力券。"
    assert [m for m, _ in kinds(text, "hunan", plan=True)] == ["encouragement", "obligation"]


def test_a_last_clause_opening_with_wei_is_the_purpose_of_the_tasks():
    # data_compliance/local/《建设和运营数据基础设施三年行动计划-2025-2027年-》-3a6ed89954.md
    text = "推动实体经济发展，拉动数据基础设施建设，为全省经济社会发展注入新动能。"
    assert kinds(text, "liaoning", plan=True) == [("obligation", [])]


def test_zhichi_places_that_act_is_an_encouragement():
    # data_compliance/local/《湖北省推进可信数据空间发展行动方案》-70b6fa8451.md: the cities act (a region mention)
    text = "支持武汉、襄阳、宜昌等市州开展试点，打造涵盖可信管控、资源交互、敏捷计算等能力的底座。"
    assert kinds(text, "hubei", plan=True) == [("encouragement", []), ("obligation", [])]
    # same document: 湖北 only names the zone, which does not act here
    text = "支持湖北自由贸易试验区、鄂州花湖国际机场等针对跨境电商、跨境支付、供应链管理等场景应用，建立高效便利安全的数据跨境流动机制。"
    assert [m for m, _ in kinds(text, "hubei", plan=True)][:1] == ["obligation"]



def test_the_transmittal_of_a_plan_states_no_task():
    # data_compliance/local/大连市数据局关于印发《大连市数据资产全过程管理试点工作方案》的通知-cf970618d0.md
    text = "为落实财政部关于开展数据资产全过程管理试点工作要求，我们研究制定了《大连市数据资产全过程管理试点工作方案》，现予印发，请认真组织实施。"
    assert kinds(text, "dalian", plan=True) == []
    # data_compliance/local/《关于推动经济高质量发展若干政策-2025年版-》-49eca0b506.md
    text = "为深入贯彻落实中央经济工作会议决策部署和省委经济工作会议要求，增强宏观政策取向一致性，提振市场信心，推动经济持续向好，制定以下政策。"
    assert kinds(text, plan=True) == []


def test_a_subject_the_actor_stage_does_not_know_stops_the_earlier_subject():
    # lawrefbook_dlc/shandong/烟台市城市供水条例(2018-01-23).md: 有关单位和个人, not 供水单位
    text = "供水单位抢修供水设施时，有关单位和个人应当给予支持和配合，任何单位和个人不得阻挠。"
    # (the actor stage names 个人 but not the vague 有关单位: the conjunct before it does not hide 个人)
    assert kinds(text, "yantai") == [("obligation", ["个人"]), ("prohibition", ["单位", "个人"])]
    # lawrefbook_dlc/zhejiang/杭州市城市河道建设和管理条例(2013-08-07).md: 由 + a body (the actor stage now
    # knows 监管|机构, the agent of the tool 监管: helper C2) is the new subject, not the earlier one
    text = "市城市管理行政主管部门应当会同市城市绿化行政主管部门编制城市河道养护计划，由城市河道监管机构负责组织实施。"
    assert kinds(text, "hangzhou") == [("obligation", ["市城市管理行政主管部门", "市城市绿化行政主管部门"]),
                                       ("obligation", ["城市河道监管机构"])]


def test_a_duty_lead_in_without_xialie_gives_its_items_the_duty():
    # lawrefbook_dlc/henan/河南省爱国卫生条例(2020-06-04).md (82 such lead-ins in the corpus: …的主要职责是：)
    text = "第九条 县级以上爱国卫生运动委员会的主要职责是：\n（一）宣传贯彻爱国卫生工作的方针、政策；\n（二）组织开展爱国卫生运动；\n"
    recs = records(text, "河南省爱国卫生条例")
    assert [(r.modality, r.agents, r.action) for r in recs] == [
        ("obligation", ("河南省县级以上爱国卫生运动委员会",), "履行职责"), ("obligation", (), "宣传"),
        ("obligation", (), "组织开展")]


def test_a_two_part_cue_after_a_verb_belongs_to_the_verbs_object():
    # lawrefbook_dlc/beijing/北京市实施《义务教育法》办法.md: the city ensures the right, it holds none
    assert kinds("本市依法保障适龄儿童、少年享有平等接受义务教育的权利。", "beijing") == [("obligation", ["本市"])]


def test_vague_units_in_a_bracket_get_no_duty():
    # data_compliance/local/《关于加快促进数据产业高质量发展若干政策措施》-8a76751a53.md (GUIDE: vague units are no unit)
    text = ("（二）发展第三方专业服务。培育规范从事数据公证、合规认证等专业服务机构。〔责任单位：省委网信办、省教育厅、省公安厅"
            "按职责分工负责，其他相关部门配合〕\n")
    recs = records(text, "关于加快促进数据产业高质量发展若干政策措施")
    assert [r.text for r in recs if r.cue == "负责"] == ["省委网信办", "省教育厅", "省公安厅"]
    assert {r.responsible for r in recs if r.cue != "负责"} == {("省委网信办", "省教育厅", "省公安厅")}


def test_bu_ying_is_a_prohibition():
    # data_compliance/local/东莞市地方标准-网络数据安全通用要求-征求意见稿-51155aaeee.md (不应/不应当: 102 in the corpus)
    text = "APP、WEB等客户端相关业务完成后不应留存重要数据，需及时对缓存进行清理。"
    assert [m for m, _ in kinds(text, "dongguan")] == ["prohibition"]


def test_a_government_that_names_the_subject_department_is_no_agent():
    # lawrefbook_dlc/henan/南阳市中小学校幼儿园规划建设条例: 人民政府指定的 only qualifies the department,
    # also the county government nested in 市、县（市、区）
    text = "市、县（市、区）人民政府指定的教育主管部门应当及时接收和管理。"
    assert kinds(text, "henan") == [("obligation", ["教育主管部门"])]
    # lawrefbook_dlc/beijing/北京市实施《节约能源法》办法: a body a department names has its duties too
    assert kinds("发展改革部门所属的节能监察机构具体实施节能监察工作。", "beijing") == [
        ("obligation", ["节能监察机构"])]


def test_a_thing_listed_with_or_made_by_an_actor_is_a_subject_without_agent():
    # lawrefbook_dlc/henan/新乡市中小学校幼儿园规划建设条例: the plan must, not the schools
    text = "中小学校、幼儿园专项规划应当经本级人民政府批准，并报同级人民代表大会常务委员会备案。"
    assert kinds(text, "henan") == [("obligation", [])]
    # lawrefbook_dlc/shanghai/上海市排水与污水处理条例: 建设单位制定的…方案 is the subject
    assert kinds("建设单位制定的设施保护方案应当经专家论证通过后，报市或者区水务部门备案。", "shanghai") == [
        ("obligation", [])]
    # but a verb and its object stay the actor's act (山东省大数据发展促进条例)
    assert kinds("自然人、法人和其他组织收集数据不得损害被收集人的合法权益。", "shandong") == [
        ("prohibition", ["自然人", "法人"])]


def test_ying_before_zhengde_is_a_modal_and_yingzheng_gongmin_is_no_cue():
    # lawrefbook_dlc/henan/洛阳市夏玉米制种管理条例.md: 应 + 征得…同意 (30 in the corpus), not 应征公民 (enlisting)
    assert kinds("使用取得新品种权的自交系用于制种的，应征得新品种权所有人的同意。", "henan") == [("obligation", [])]
    assert kinds("应征公民被征集服现役，同时被机关、团体录取的，应当优先履行服兵役义务。") == [("obligation", [])]


def test_a_duty_named_after_a_modal_is_what_the_modal_requires():
    # data_compliance/local/《中国-上海-自由贸易试验区及临港新片区数据出境负面清单管理办法》-试行-c19c22d87a.md:
    # 应当…，履行…义务，… is one obligation (141 such sentences in 380 documents gave two)
    text = ("数据处理者向境外传输重要数据和个人信息，应当遵守法律、法规的规定，履行数据安全保护义务，"
            "采取技术措施和其他必要措施，保障数据出境安全。")
    assert kinds(text, "shanghai") == [("obligation", ["数据处理者"])]


def test_a_duty_after_wei_or_chu_is_a_purpose_or_an_exception():
    # data_compliance/national/中华人民共和国个人信息保护法-eba47ff909.md: 为履行法定职责 states why, no duty
    text = "国家机关为履行法定职责处理个人信息，应当依照法律、行政法规规定的权限、程序进行，不得超出履行法定职责所必需的范围和限度。"
    assert kinds(text) == [("obligation", ["国家机关"]), ("prohibition", ["国家机关"])]


def test_who_pays_in_a_penalty_clause_is_not_who_fines():
    # lawrefbook_dlc/henan/驻马店市城市市容和环境卫生管理条例(2019-01-14).md: 费用由违法行为人承担 (59 in the corpus)
    text = "违反第三十四条规定，对不及时清除垃圾等废弃物的，可以代为清除，所需费用由违法行为人承担，并可处五百元以上五千元以下罚款。"
    assert kinds(text, "henan") == [("authorization", []), ("authorization", [])]


def test_the_verb_of_an_urged_actor_after_a_prepositional_phrase_continues_the_encouragement():
    # data_compliance/local/《德阳市支持数字经济高质量发展若干措施》-b388f87db….md: 鼓励企业围绕…，开展…: the firms'
    # research, not the government's task; the clause after it is a task of its own
    text = "鼓励企业围绕人工智能产业细分赛道，开展核心技术攻关，建设创新应用平台，打造标杆应用场景。"
    assert [m for m, _ in kinds(text, "sichuan", plan=True)] == ["encouragement", "obligation", "obligation"]
    # with a verb in the clause of the actor, the next clause is a task again (same document's genre)
    assert [m for m, _ in kinds("鼓励企业开展核心技术攻关，建设创新应用平台。", "sichuan", plan=True)] == [
        "encouragement", "obligation"]


def test_the_office_after_xiang_suozaidi_is_whom_one_reports_to_not_the_subject():
    # lawrefbook_dlc/zhejiang/浙江省松材线虫病防治条例(2017-11-30).md: 应当…向所在地…部门报告: the finders must report
    text = "任何单位和个人发现松树有异常情况或者枯死的，应当及时向所在地县（市、区）林业行政主管部门或者当地监测人员报告。"
    assert kinds(text, "zhejiang") == [("obligation", ["单位", "个人"])]


def test_a_list_of_kinds_ending_in_deng_before_the_actor_urged_is_no_task():
    # data_compliance/national/中华人民共和国数据安全法-2eb6dc9817.md: 检测评估、认证等专业机构 are urged to act
    text = "国家促进数据安全检测评估、认证等服务的发展，支持数据安全检测评估、认证等专业机构依法开展服务活动。"
    assert kinds(text) == [("encouragement", [])]


def test_a_task_verb_in_quotes_or_inside_a_name_after_a_preposition_heads_no_task():
    # data_compliance/local/《内蒙古自治区促进数据和人工智能产业高质量发展若干政策》: the quoted principle
    text = "按照“空间集聚、错位发展、业态成链”原则，依托和林格尔数据中心集群，高标准建设数字产业园。"
    assert [(m.modality, m.action) for m in find_measures(text, 0, len(text), find_mentions(text, 0, len(text), None),
                                                          plan=True)] == [("obligation", "建设")]


def test_an_urged_actor_ending_its_clause_acts_in_the_next_one():
    # data_compliance/local/北京市石景山区政务服务和数据管理局关于印发《…若干措施》的通知-f2e09b1803.md
    text = "鼓励数据安全、数据资产、数据信用等专业服务机构，开展数据要素综合服务。"
    assert [m for m, _ in kinds(text, "beijing", plan=True)] == ["encouragement"]


def test_a_long_list_of_kinds_ending_in_deng_before_the_actor_urged():
    # data_compliance/local/河北省人民政府办公厅关于印发河北省数字经济发展三年行动计划-2025—2027年-的通知-2eac766f38.md
    text = ("大力发展数据产业，鼓励行业企业、互联网平台企业设立数据业务独立经营主体，"
            "支持数据采集汇聚、计算存储、流通交易、开发利用等技术创新型企业做强做优做大。")
    assert [m for m, _ in kinds(text, "hebei", plan=True)] == ["obligation", "encouragement", "encouragement"]


def test_a_rank_or_level_word_before_the_actor_keeps_it_the_subject():
    # lawrefbook_dlc/henan/南阳市白河水系水环境保护条例(2019-01-14).md: 重点 + 排污单位 (the actor stage names 排污单位)
    assert kinds("重点排污单位应当建立台账，保存原始监测记录。", "henan") == [("obligation", ["排污单位"])]
    # data_compliance/national/​​国家互联网信息办公室关于公开征求《网络安全标识管理办法》…-cc38ec3aae.md: 地方 + 网信部门、…
    text = "地方网信部门、通信管理局负责组织对本区域内网络安全标识使用进行监督检查，发现有违反本办法规定行为的，及时通知备案机构。"
    assert kinds(text) == [("obligation", ["网信部门", "通信管理局"])]


def test_a_task_verb_before_deng_after_a_preposition_is_a_noun_of_a_list():
    # data_compliance/local/《河南省支持人工智能产业生态发展若干政策措施》-df501407df.md: 融资对接等机制
    text = "依托金融会客厅、小微企业融资对接等机制，引导和组织金融机构为人工智能企业提供金融产品和服务。"
    assert [m for m, _ in kinds(text, "henan", plan=True)] == ["encouragement"]


def test_partners_of_a_later_clause_act_with_the_agent():
    # lawrefbook_dlc/henan/平顶山市城市公共汽车客运条例(2020-11-20).md: …应当…，会同有关部门建立… (188 in the corpus)
    text = "交通运输主管部门应当对城市公共汽车客运经营者的运营情况进行监督检查，会同有关部门建立服务质量评价制度。"
    assert kinds(text, "henan") == [("obligation", ["交通运输主管部门", "有关部门"])]


def test_a_conjunct_the_actor_stage_does_not_know_does_not_end_the_subject():
    # lawrefbook_dlc/henan/新乡市城市市容和环境卫生管理条例(2018-11-01).md: 所有权人 is an actor since the actor
    # stage knows it (195 documents); the subject runs on past every conjunct to the cue
    text = "环境卫生专业服务单位或者所有权人、管理人应当对垃圾收集站（点）、转运站、公共厕所等环境卫生设施定期灭害消毒。"
    assert kinds(text, "henan") == [("obligation", ["环境卫生专业服务单位", "所有权人", "管理人"])]


def test_what_a_body_is_made_of_is_no_duty_of_its_members():
    # data_compliance/local/芜湖市公共数据资源授权运营实施方案-征求意见稿-2d68fc….md: 由…组成的专家委员会 (101 in the corpus)
    text = "市数据局牵头组建由行业监管部门、数据提供部门、领域专家组成的专家委员会。"
    assert kinds(text, "anhui", plan=True) == [("obligation", ["市数据局"])]


def test_partners_in_the_clause_of_the_subject_act_with_it():
    # lawrefbook_dlc/beijing/北京市湿地保护条例(2019-07-26).md: X会同Y，开展… (55 in the corpus)
    text = "市园林绿化行政部门会同有关部门，每五年开展一次全市湿地资源调查，建立湿地资源档案。"
    assert kinds(text, "beijing") == [("obligation", ["市园林绿化行政部门", "有关部门"])]


def test_an_article_rubric_in_lenticular_brackets_does_not_hide_the_subject():
    # data_compliance/local/《陕西省公共数据资源授权运营实施细则-试行-》-公开征求意见稿….md: 第二十四条 【退出管理】…
    text = "【退出管理】实施机构应建立完善的运营机构退出管理机制，做好退出管理工作。"
    assert kinds(text, "shaanxi") == [("obligation", ["实施机构"])]
    # data_compliance/local/天津市促进智能网联汽车发展条例-征求意见稿-8e2a03c6….md: a purpose after its rubric
    text = ("【立法目的】为了促进天津市智能网联汽车产业发展，鼓励技术和产品创新，保障道路交通安全，促进京津冀地区智能网联汽车"
            "领域协同创新，根据有关法律、行政法规，结合本市实际，制定本条例。")
    assert kinds(text, "tianjin") == []


def test_cue_words_inside_slogans_and_nouns_are_no_cue():
    # data_compliance/local/市数据局关于印发《天津市公共数据资源开发利用安全管理办法-试…: 谁…谁负责 names a principle (45 in the corpus)
    text = ("公共数据资源开发利用安全管理遵循谁管理谁负责、谁使用谁负责的原则，在维护国家数据安全、保护个人信息和商业秘密前提下，"
            "促进公共数据资源合规高效开发利用。")
    assert kinds(text, "tianjin") == []
    # lawrefbook_dlc/zhejiang/宁波大榭开发区条例(2013-06-14).md: 应得利润 (due), lawrefbook_dlc/guangdong/横琴粤澳深度合作区发展促进条例: 应税 (taxable)
    assert kinds("开发区内投资者的资产、应得利润和其他合法权益，受中华人民共和国法律、法规和本条例的保护。", "zhejiang") == []
    text = ("从内地经“二线”通道进入合作区的有关货物视同出口，按照现行税收政策规定实行增值税和消费税退税，涉及出口关税应税商品的"
            "征收出口关税，并根据需要办理海关手续。")
    assert kinds(text, "guangdong") == []


def test_zhichi_urges_places_named_by_kind_as_it_urges_named_places():
    # lawrefbook_dlc/guangdong/广东省优化营商环境条例(2022-06-01).md; data_compliance/national/20241231国家数据基础设施建设指引 (19 in the corpus)
    assert kinds("支持有条件的地区探索依职权注销制度。", "guangdong") == [("encouragement", [])]
    assert kinds("支持各地积极建设政务服务大模型，推动政务服务智能化。", plan=True) == [
        ("encouragement", []), ("obligation", [])]


def test_a_sentence_describing_a_document_by_its_title_is_no_measure():
    # data_compliance/national/国家政策-1.-数据提供合同-示范文本-征求意见稿….md: what the model contract covers
    text = ("《示范文本》共17条，明确了标的数据描述、数据产权安排、数据交付和验收、数据质量异议与补救措施、当事人合同义务、"
            "违约责任、争议解决等内容。")
    assert kinds(text, plan=True) == []
    text = ("《示范文本》适用于数据提供方与数据接收方开展数据有偿交易、无偿共享、许可使用等数据提供活动，支持API接口、数据集等"
            "不同形式的数据提供方式。")
    assert kinds(text, plan=True) == []
    # data_compliance/national/中华人民共和国数据安全法-2eb6dc9817.md: the enactment note names no duty of the congress
    text = "《中华人民共和国数据安全法》已由中华人民共和国第十三届全国人民代表大会常务委员会第二十九次会议于日通过，现予公布，自日起施行。"
    assert kinds(text) == []


def test_items_take_the_modality_of_the_clause_that_holds_xialie():
    # lawrefbook_dlc/zhejiang/杭州市城市房屋使用安全管理条例(2015-10-14).md: the measures are authorized; 不得阻挠 is the public's
    text = ("第四十三条 区、县（市）人民政府及其相关部门开展房屋安全应急抢险时，可以根据实际情况采取下列措施，任何单位和个人不得阻挠：\n\n"
            "（一）切断水、电、可燃气体和液体的输送；\n\n（二）划定警示区、实行临时交通管理措施；\n")
    items = [(r.modality, r.action) for r in records(text, "杭州市城市房屋使用安全管理条例") if r.cue == "可以" and not r.agents]
    assert items == [("authorization", "切断"), ("authorization", "划定")]


def test_qi_and_a_thing_is_a_subject_without_agent():
    # lawrefbook_dlc/guangdong/广东省粮食安全保障条例(2021-09-29).md: 其粮食库存量 is the subject, not the dealer
    text = "从事粮食收购、加工、销售的经营者，其粮食库存量应当符合国家和省的有关规定。"
    assert kinds(text, "guangdong") == [("obligation", [])]
    # data_compliance/national/关键信息基础设施商用密码使用管理规定….md: 其运营者 is an actor and the agent
    text = "关键信息基础设施建成运行后，其运营者应当自行或者委托商用密码检测机构每年至少开展一次商用密码应用安全性评估。"
    assert kinds(text) == [("obligation", ["运营者"])]


def test_a_penalty_by_a_body_or_its_unit_is_no_duty():
    # lawrefbook_dlc/guangdong/深圳经济特区社会信用条例(2023-01-06).md: 由X或者其派出机构依法处理 (13 such clauses in the corpus)
    text = "信用服务机构违反征信业、评级业管理规定的，由国务院征信业监督管理部门或者其派出机构依法处理。"
    assert kinds(text, "guangdong") == []


def test_an_article_number_left_in_the_text_hides_neither_subject_nor_cue():
    # data_compliance/local/关于发布网络交易平台经营者服务协议与交易规则、-信息公示与披露…: 第十三条鼓励… (no space after 条)
    assert kinds("第十三条鼓励网络交易平台经营者参与联防联控工作，共享违法经营主体信息。", "beijing") == [("encouragement", [])]
    # data_compliance/national/关于促进未成年人网络素养家庭教育的指引-e899a0894a.md: 第十七条 + 未成年人的监护人
    text = ("第十七条未成年人的监护人应当加强家庭家教家风建设，提高自身网络素养，规范自身使用网络的行为，加强对未成年人使用网络"
            "行为的教育、示范、引导和监督。")
    assert kinds(text) == [("obligation", ["监护人"])]


def test_a_notice_transmitting_a_document_states_no_task():
    # data_compliance/local/市数据局关于印发《天津市公共数据资源开发利用安全管理办法-试…; 《内蒙古自治区促进数据和人工智能产业高质量发展若干政策》
    assert kinds("现印发给你们，请结合实际，认真贯彻落实。", "tianjin", plan=True) == []
    assert kinds("现将《内蒙古自治区促进数据和人工智能产业高质量发展若干政策》印发给你们，请认真抓好贯彻落实。", plan=True) == []


def test_a_duty_over_a_field_of_work_keeps_the_duty_verb_as_its_action():
    # lawrefbook_dlc/shandong/山东省城乡规划条例(2018-09-21).md: 负责本行政区域内的…工作 (684 in the corpus) gave 本行
    text = "城市、县城乡规划主管部门负责本行政区域内的城乡规划管理工作。"
    ms = find_measures(text, 0, len(text), find_mentions(text, 0, len(text), "shandong"))
    assert [(m.cue, m.action, len(m.agents)) for m in ms] == [("负责", "负责", 2)]


def test_a_sanction_given_by_a_body_is_no_duty():
    # lawrefbook_dlc/shanghai/上海市殡葬管理条例.md: 由X依法给予治安管理处罚 is a penalty clause (about 430 由X…给予…处罚/处分)
    text = ("在殡葬活动中妨害公共秩序、危害公共安全、侵害他人合法权益构成违反治安管理行为的，由公安部门依法给予治安管理处罚；"
            "构成犯罪的，依法追究刑事责任。")
    assert kinds(text, "shanghai") == []


def test_the_state_as_subject_gives_measures_without_agent():
    # data_compliance/national/中华人民共和国数据安全法-2eb6dc9817.md: 国家 + a duty verb, 国家支持 + actors + a verb
    assert kinds("国家建立健全数据交易管理制度，规范数据交易行为，培育数据交易市场。") == [("obligation", [])]
    assert kinds("国家支持企业、社会团体和教育、科研机构等参与标准制定。") == [("encouragement", [])]
    # data_compliance/national/网络数据安全管理条例-177ad90123.md
    assert kinds("国家鼓励网络数据在各行业、各领域的创新应用，加强网络数据安全防护能力建设，支持网络数据相关技术、产品、"
                 "服务创新，开展网络数据安全宣传教育和人才培养，促进网络数据开发利用和产业发展。") == [
        ("encouragement", []), ("obligation", [])]
    # data_compliance/local/《关于推动经济高质量发展若干政策-2025年版-》-49eca0b506.md: 国家鼓励的… qualifies a noun
    assert kinds("国家鼓励的重点软件企业享受所得税“五免后减按10%”优惠政策。") == []


def test_what_a_rule_prohibits_named_as_a_thing_is_no_prohibition():
    # lawrefbook_dlc/shandong/山东省消费者权益保护条例(2017-03-29).md
    text = "法律、法规禁止向未成年人提供的商品或者服务，经营者不得向其提供；已提供的，经营者应当退还已收取的价款。"
    assert kinds(text, "shandong") == [("prohibition", ["经营者"]), ("obligation", ["经营者"])]


def test_a_sitting_body_before_the_modal_is_a_subject_of_its_own():
    # lawrefbook_dlc/guangdong/深圳经济特区矛盾纠纷多元化解条例(2022-03-28).md: not the conditional clause's 当事人
    text = "当事人申请劳动争议仲裁后未能自行和解的，仲裁庭应当依法在作出裁决前先行调解。"
    assert kinds(text) == [("obligation", [])]


def test_an_adverb_of_manner_before_a_task_verb_keeps_the_clause_a_task():
    # data_compliance/local/广州市促进数据产业高质量发展行动计划-2025年-2027年-征求公众意见稿-*.md: 动态编制…
    text = "深化拓展“数源工程”，常态化开展公共数据资源调查，动态编制广州市数据资源目录，完善公共数据资源分类分级管理。"
    assert kinds(text, plan=True) == [("obligation", [])] * 4


def test_a_responsibility_after_a_duty_heading_the_subjects_clause_is_a_duty_of_its_own():
    # lawrefbook_dlc/shanghai/上海市滩涂管理条例.md: 主管…，负责… gives two records (tests/gold/GUIDE.md)
    text = "市水务行政管理部门主管本市开发利用滩涂管理工作，负责组织实施本条例。"
    assert kinds(text, "shanghai") == [("obligation", ["市水务行政管理部门"])] * 2
    # …but not after 在…领导下, where the duty verb does not head the clause
    assert kinds("县级以上人民政府林业主管部门在本级人民政府领导下，负责组织实施本条例。", "shanghai") == [
        ("obligation", ["县级以上人民政府林业主管部门"])]
    # …nor after setting up the body the 负责 clause is about
    # (lawrefbook_dlc/shanghai/上海市实施《残疾人保障法》办法(2017-11-23).md)
    text = "市和区人民政府设立残疾人工作委员会，负责组织、协调、指导、督促有关部门做好残疾人事业的工作。"
    assert [m for m, _ in kinds(text, "shanghai")] == ["obligation"]


def test_a_penalty_after_a_condition_about_the_subject_is_not_the_subjects_act():
    # lawrefbook_dlc/beijing/北京市人才市场管理条例.md: the body that fines is unnamed, not 招聘单位
    text = "招聘单位聘用本条例第二十条规定的不得聘用的人员的，予以警告，并可处以1万元以上5万以下的罚款。"
    assert kinds(text, "beijing") == [("authorization", [])]
    # lawrefbook_dlc/henan/河南省林地保护管理条例(2018-09-30).md: 给予扶持 is the subject's own act
    text = "各级人民政府及有关部门对保护利用林地资源发展林业的，应当给予扶持。"
    assert kinds(text, "henan") == [("obligation", ["各级人民政府", "有关部门"])]   # one measure, split into records later


def test_responsible_for_drawing_up_is_a_duty_but_a_responsibility_system_is_none():
    # data_compliance/local/东莞市地方标准-网络安全事件应急处置流程规范-征求意见稿-d0ba05406c.md: 负责制定 (65 in the
    # corpus) was hidden by the guard for the noun 负责制 (首问负责制)
    assert kinds("在先期和后期两个阶段，负责制定处置方案，或协助应急支撑机构制定处置方案。") == [("obligation", [])]
    assert kinds("实行首问负责制。") == []


def test_the_last_item_naming_what_else_a_modal_covers_is_no_measure():
    # lawrefbook_dlc/shandong/山东省大气污染防治条例(2018-11-30).md
    assert kinds("（四）其他应当追究责任的情形。", "shandong") == []
    # data_compliance/national/​​国家互联网信息办公室关于公开征求《网络安全标识管理办法》-征求意见稿-意见的通知…md
    assert kinds("其他应当撤销标识的违规行为。") == []


def test_support_for_a_body_named_by_its_kind_that_acts_is_an_encouragement():
    # data_compliance/local/陕西省知识产权局-陕西省工业和信息化厅关于印发《陕西省工业和信息化领域数据知识产权试点工作实施方案》…md
    assert kinds("支持产业互联网平台开展数据知识产权登记。", plan=True) == [("encouragement", [])]
    # data_compliance/national/数字中国建设2025年行动方案-80dd0c6f1e.md
    assert kinds("六是培养技能型数字人才，深入推进产教融合，支持各地和有关行业举办数字职业技术技能竞赛活动。", plan=True) == [
        ("obligation", []), ("obligation", []), ("encouragement", [])]
    # data_compliance/local/《贵州省鼓励数据产业发展的若干政策-试行-》…md: 支持 + a thing is the government's own task
    assert kinds("四、支持产业园区建设。", plan=True) == [("obligation", [])]


def test_a_bracket_names_the_office_not_also_the_group_it_belongs_to():
    # data_compliance/local/广州市促进数据产业高质量发展行动计划-2025年-2027年-征求公众意见稿-3736ab6a20.md
    text = ("加强服务保障。（责任单位：市政务和数据局，广州市税务局，市现代化产业体系建设工作领导小组办公室等按职责分工负责）\n")
    recs = records(text, "广州市促进数据产业高质量发展行动计划（2025年-2027年）")
    units = ("市政务和数据局", "广州市税务局", "市现代化产业体系建设工作领导小组办公室")
    assert [(r.text, r.action, r.responsible) for r in recs] == [("加强服务保障。", "加强", units)] + [
        (u, "负责", ()) for u in units]


def test_conjuncts_the_actor_stage_names_in_part_do_not_hide_the_subject():
    # lawrefbook_dlc/shandong/青岛市控制吸烟条例(2013-08-01).md: 民用航空、 is a conjunct of 铁路主管部门
    text = "民用航空、铁路主管部门负责对其职责范围内公共交通工具以及室内外等候区域的控制吸烟工作实施监督管理；"
    assert kinds(text, "qingdao") == [("obligation", ["铁路主管部门"])]
    # lawrefbook_dlc/chongqing/重庆市轨道交通条例(2011-03-25).md
    text = "轨道交通建设发生安全质量事故，建设、施工、监理单位应当立即按照应急预案进行处置。"
    # (the actor stage names each unit of the stem list, 建设单位 by the span 建设、施工、监理单位: all three are agents)
    assert kinds(text, "chongqing") == [("obligation", ["建设、施工、监理单位", "施工、监理单位", "监理单位"])]
    # …but a subject only right before its cue (not 大型群众性活动和国家机关、…的公务活动中，不得…)
    text = "大型群众性活动和国家机关、群众团体、国有及国有控股企业、事业单位的公务活动中，不得提供烟草制品。"
    assert kinds(text, "qingdao") == [("prohibition", [])]


def test_failing_a_duty_is_no_duty():
    # lawrefbook_dlc/zhejiang/浙江省家庭教育促进条例(2019-09-27).md: 不履行…义务 (~620 不/未履行…义务/职责 in the corpus)
    text = "父母或者其他监护人不履行家庭教育义务，放任未成年人有违纪、违法或者其他严重不良行为的，相关单位或者组织应当予以劝诫、批评教育。"
    assert kinds(text, "zhejiang") == [("obligation", ["组织"])]


def test_an_issuer_in_a_documents_header_has_no_duty():
    # data_compliance/national/工业和信息化部办公厅关于加强互联网数据中心客户数据安全保护的通知-0df9060495.md: the
    # header line, where 加强 is the cited title's word (X关于…的通知, X文件…: 37 such headers in data_compliance)
    text = "工业和信息化部办公厅关于加强互联网数据中心客户数据安全保护的通知工信厅网安〔2025〕5号各省、自治区、直辖市通信管理局："
    assert kinds(text) == []


def test_a_lead_in_naming_duties_without_a_verb_makes_its_items_duties():
    # lawrefbook_dlc/chongqing/重庆市体育市场管理条例(2016-09-29).md: X的主要职责： (no 是/包括, no 下列)
    text = "第六条 体育行政管理部门的主要职责：\n\n（一）宣传、执行有关体育市场管理的法律、法规；\n\n（二）制定体育市场发展规划；\n"
    recs = records(text, "重庆市体育市场管理条例")
    assert [(r.text, r.modality, r.agents) for r in recs] == [
        ("体育行政管理部门的主要职责：", "obligation", ("重庆市人民政府体育行政管理部门",)),
        ("宣传、执行有关体育市场管理的法律、法规；", "obligation", ()), ("制定体育市场发展规划；", "obligation", ())]


def test_the_action_after_a_preposition_and_its_object_is_not_a_verb_inside_the_objects_name():
    # lawrefbook_dlc/shandong/山东省城市房地产开发经营管理条例(2021-12-03).md: 向开发企业|收取, not 开发 in 开发企业
    text = "第十条 任何单位和个人都不得无偿占用或者压价购买开发企业投资开发的商品房，也不得向开发企业收取法律、法规规定之外的费用。"
    assert [r.action for r in records(text, "山东省城市房地产开发经营管理条例")][-1] == "收取"
    # data_compliance/local/…《上海市公共数据资源授权运营管理办法》的通知-7787ded3a3.md: 向运营机构|提交
    assert [r.action for r in records("申请单位应当向运营机构提交申请。", "上海市公共数据资源授权运营管理办法")] == ["提交"]


def test_a_plan_clause_that_disposes_of_a_thing_is_a_task():
    # data_compliance/local/省市场监管局省工业和信息化厅关于印发《江苏省人工智能产业标准体系建设指南-2025版-》的通知…
    # -9f23f814cc.md: 将 + the thing + 转化为 (将/把…纳入/列入/作为…: ~50 clauses in data_compliance)
    text = "坚持“分类推进、急用先行”原则，将产业痛点转化为标准研制项目任务清单。"
    assert kinds(text, "jiangsu", plan=True) == [("obligation", [])]
    assert [m.action for m in find_measures(text, 0, len(text), find_mentions(text, 0, len(text), "jiangsu"), plan=True)] == [
        "转化为"]
    assert kinds(text, "jiangsu") == []                                  # a regulation's clause: no task
    # data_compliance/local/《辽宁省公共数据供给能力提升三年行动计划-2025—2027年-》-18b2e6818d.md: 将 as "will"
    assert kinds("《政务数据共享条例》将于今年8月1日起正式施行。", "liaoning", plan=True) == []


def test_the_action_after_coordinated_objects_of_a_preposition_is_the_verb_after_them():
    # lawrefbook_dlc/shandong/淄博市水资源保护管理条例(2018-09-25).md: 向市、区县水行政主管部门|提交, not 报告 in 试验报告
    text = "凿井工程竣工后十日内，凿井施工单位或者个人应当向市、区县水行政主管部门提交成井资料和抽水试验报告。"
    assert [r.action for r in records(text, "淄博市水资源保护管理条例")] == ["提交", "提交"]
    # lawrefbook_dlc/shandong/青岛市轨道交通条例(2018-07-27).md: two departments, then the verb
    text = "安全综合评价报告和专项评价报告应当向市交通运输行政主管部门、安全监管部门备案。"
    assert [r.action for r in records(text, "青岛市轨道交通条例")] == ["备案"]


def test_a_last_conjunct_the_actor_stage_does_not_know_does_not_hide_the_subject():
    # lawrefbook_dlc/henan/河南省公共安全技术防范管理条例(2016-03-29).md: 机关、团体、企事业单位以及其他组织应当…,
    # where only 企事业单位 is an actor: the conjuncts around it no longer hide it
    text = "机关、团体、企事业单位以及其他组织应当在公安机关指导下，做好本单位的技防工作。"
    assert kinds(text, "henan") == [("obligation", ["企事业单位"])]


def test_a_written_list_of_departments_is_one_subject_and_one_record():
    # lawrefbook_dlc/zhejiang/舟山市科技创新促进条例(2019-12-13).md: 审计、财政等部门 is one surface the actor stage
    # reads as two departments: one record with both (one per department counted the list once per label)
    text = "审计、财政等部门应当根据职责，对科技经费使用和管理情况进行检查和评价。"
    recs = records(text, "舟山市科技创新促进条例")
    assert [(r.agents, r.modality) for r in recs] == [(("舟山市人民政府审计机关", "舟山市人民政府财政部门"), "obligation")]
    assert recs[0].agent_ids == ("actor:zhoushan/government/audit-office", "actor:zhoushan/government/finance-department")
    # data_compliance/local/《浦东新区促进气象数据要素市场化发展若干规定》-24710544ed.md: 区网信、数据部门 is one span of
    # two departments, but the sentence names the second again (区数据主管部门): it keeps a record of its own
    text = ("区气象主管机构应当会同区网信、数据部门为企业开展气象数据跨境流动提供指导服务，引导企业开展重要数据安全评估，"
            "区数据主管部门应当提供网络传输、安全可信等数据基础设施建设保障，促进气象数据合规出入境。")
    recs = records(text, "浦东新区促进气象数据要素市场化发展若干规定")
    assert [(r.agents, r.cue) for r in recs] == [
        (("县级人民政府气象主管机构",), "应当"), (("县级人民政府网信部门",), "应当"), (("县级人民政府数据主管部门",), "应当"),
        (("县级人民政府气象主管机构",), "引导"), (("县级人民政府数据主管部门",), "应当")]


def test_the_partners_after_a_topic_subject_act_with_it():
    # lawrefbook_dlc/henan/河南省大气污染防治条例.md: X会同Y，制定…: Y acts with the topic X (a 协同 or 联合 in the later
    # clause that names no one, 建立…协同监管机制, no longer hides Y)
    text = "第六十八条 省人民政府环境保护主管部门会同有关省辖市人民政府，制定重点区域大气污染防治规划，明确协同控制目标，提出重点防治任务和措施。"
    assert kinds(text, "henan") == [("obligation", ["省人民政府环境保护主管部门", "有关省辖市人民政府"])]
