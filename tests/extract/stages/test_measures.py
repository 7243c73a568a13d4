"""Measures: modality, cue, agents and spans of actionable clauses (extract/stages/measures.py).

Real sentences from /work/shared/corpus/scale/ (file in a comment), as the pipeline sees them:
normalized, without their article number.  Agents are compared by label (the mentions stage
resolves them) or by surface; where another stage's recall decides whether a word is an actor
at all, the test builds its expectation from the mentions it gets.
"""

from policykg.extract.pipeline import run
from policykg.extract.records import MeasureRecord
from policykg.extract.stages.measures import find_measures
from policykg.extract.stages.mentions import find_mentions

# lawrefbook_dlc/shandong/山东省大数据发展促进条例(2021-09-30).md
SD = "shandong"


def measures(text: str, jurisdiction: str | None = SD, **kw):
    return find_measures(text, 0, len(text), find_mentions(text, 0, len(text), jurisdiction), **kw)


def summary(ms):
    return [(m.start, m.end, m.modality, m.cue, m.action, [a.label for a in m.agents]) for m in ms]


def kinds(ms):
    return [(m.modality, [a.text for a in m.agents]) for m in ms]


def records(text: str, title: str) -> list[MeasureRecord]:
    doc = run(text, path="t.md", front={"title": title})
    return [r for r in doc.records() if isinstance(r, MeasureRecord)]


def test_an_obligation_of_the_subject_covers_the_whole_sentence():
    # 第四条
    text = ("县级以上人民政府应当加强对本行政区域内大数据发展工作的领导，建立大数据发展统筹协调机制，将大数据发展纳入国民经济和"
            "社会发展规划，加强促进大数据发展的工作力量，并将大数据发展资金作为财政支出重点领域予以优先保障。")
    [m] = measures(text)
    assert summary([m]) == [(0, len(text), "obligation", "应当", "加强", ["山东省县级以上人民政府"])]
    assert m.subject_span == (0, 8) and m.partners == []


def test_a_department_in_charge_is_a_declarative_duty():
    # 第五条, second paragraph
    text = "县级以上人民政府大数据工作主管部门负责统筹推动大数据发展以及相关活动，其他有关部门在各自职责范围内做好相关工作。"
    m = measures(text)[0]
    assert (m.start, m.modality, m.cue, m.action) == (0, "obligation", "负责", "统筹")
    assert [a.label for a in m.agents] == ["山东省县级以上人民政府数据主管部门"] and m.subject_span == (0, 17)


def test_a_partner_after_hui_tong_is_an_agent_too():
    # 第十一条
    text = "县级以上人民政府工业和信息化部门应当会同有关部门推进工业互联网建设，完善工业互联网标识解析体系，推动新型工业网络部署。"
    [m] = measures(text)
    assert (m.start, m.end, m.modality, m.cue, m.action) == (0, len(text), "obligation", "应当", "推进")
    assert [a.label for a in m.agents] == ["山东省县级以上人民政府工业和信息化部门", "山东省县级以上人民政府有关部门"]
    assert [a.label for a in m.partners] == ["山东省县级以上人民政府有关部门"]


def test_coordinated_subjects_of_different_scopes_are_all_agents():
    # 第六条
    text = "县级以上人民政府、省人民政府有关部门应当按照国家和省有关规定，对在促进大数据发展中做出突出贡献的单位和个人给予表彰、奖励。"
    [m] = measures(text)
    assert [a.id for a in m.agents] == ["actor:shandong/county-and-above-government",
                                        "actor:shandong/government/other-departments"]
    assert (m.modality, m.cue, m.subject_span) == ("obligation", "应当", (0, 18))


def test_support_without_a_new_actor_continues_the_obligation():
    # 第十条: 支持/推动 + a thing under 应当 continues the obligation
    text = ("县级以上人民政府和有关部门应当推进物联网建设，支持基础设施、城市治理、物流仓储、生产制造、生活服务等领域建设和应用"
            "感知系统，推动感知系统互联互通和数据共享。")
    assert summary(measures(text)) == [(0, len(text), "obligation", "应当", "推进",
                                        ["山东省县级以上人民政府", "山东省县级以上人民政府有关部门"])]


def test_a_principle_makes_no_measure_but_the_prohibition_after_it_does():
    # 第十七条: …应当遵循…的原则 is a principle (GUIDE "Not measures"); 不得 is a prohibition
    text = "数据收集应当遵循合法、正当、必要的原则，不得窃取或者以其他非法方式获取数据。"
    assert summary(measures(text)) == [(20, 38, "prohibition", "不得", "窃取", [])]


def test_an_exception_clause_is_not_part_of_the_prohibition():
    # 第十七条
    text = "除法律、行政法规另有规定外，公共数据提供单位不得重复收集能够通过共享方式获取的公共数据。"
    [m] = measures(text)
    assert (m.start, m.end, m.modality, m.cue, m.action) == (14, len(text), "prohibition", "不得", "重复")


def test_a_prohibition_of_each_coordinated_subject():
    # 第十八条: the subject actors are the agents (其他组织 is vague, GUIDE "Not actors")
    text = "自然人、法人和其他组织收集数据不得损害被收集人的合法权益。"
    ms = measures(text)
    subject = [a for a in find_mentions(text, 0, len(text), SD).actors if a.end <= 11]
    assert [(m.modality, m.cue, m.action) for m in ms] == [("prohibition", "不得", "损害")]
    assert [a.label for a in ms[0].agents] == [a.label for a in subject] and ms[0].subject_span[0] == 0


def test_encouragement_without_a_named_encourager():
    # 第十六条
    text = "鼓励非公共数据提供单位参照公共数据目录编制规范，编制和更新非公共数据目录。"
    assert summary(measures(text)) == [(0, len(text), "encouragement", "鼓励", "鼓励", [])]


def test_a_government_obligation_in_another_province():
    # lawrefbook_dlc/guangdong/广东省优化营商环境条例(2022-06-01).md (第五条)
    text = "各级人民政府应当加强对优化营商环境工作的组织领导，统筹推进、督促落实优化营商环境工作，协调解决工作中遇到的重大问题。"
    assert summary(measures(text, "guangdong")) == [(0, len(text), "obligation", "应当", "加强", ["广东省各级人民政府"])]


def test_purpose_and_definition_sentences_make_no_measure():
    # 第一条 and 第二条
    purpose = ("为了全面实施国家大数据战略，运用大数据推动经济发展、完善社会治理、提升政府服务和管理能力，加快数字强省建设，"
               "根据《中华人民共和国数据安全法》等法律、行政法规，结合本省实际，制定本条例。")
    definition = ("本条例所称大数据，是指以容量大、类型多、存取速度快、应用价值高为主要特征的数据集合，以及对数据进行收集、存储和"
                  "关联分析，发现新知识、创造新价值、提升新能力的新一代信息技术和服务业态。")
    assert measures(purpose) == [] and measures(definition) == []


# --- the wider modal inventory -------------------------------------------------------------------


def test_you_quan_is_an_authorization_and_the_next_sentence_a_prohibition():
    # lawrefbook_dlc/shandong/东营市文明行为促进条例(2018-12-03).md (第三十六条); ； ends a sentence
    text = "公民有权劝阻、制止、举报不文明行为；被劝阻人不得采取威胁、侮辱、殴打等方式打击报复劝阻人、举报人。"
    ms = measures(text, "dongying")
    assert [(m.modality, m.cue, m.action) for m in ms] == [("authorization", "有权", "劝阻"), ("prohibition", "不得", "采取")]
    assert [a.text for a in ms[0].agents] == ["公民"] and ms[1].start == text.index("被劝阻人")


def test_you_quan_inside_a_noun_is_no_cue():
    # lawrefbook_dlc/henan/河南省产品质量监督管理条例 style: 有权机关, 所有权 are nouns
    assert measures("依法由有权机关给予处分。", "henan") == []


def test_single_character_modals_and_their_words():
    # data_compliance/local/《武汉市促进人工智能产业发展若干政策措施有关条款资金管理办法-试行-》: 应 and 要
    text = "区人工智能主管部门应按照职责分工加强对专项资金监督管理，对项目实施情况和监督管理中存在的具体问题，区级部门要及时向市级部门反映。"
    ms = measures(text, "wuhan")
    assert [(m.modality, m.cue) for m in ms] == [("obligation", "应"), ("obligation", "要")]
    # lawrefbook_dlc/shandong/东营市文明行为促进条例(2018-12-03).md: 可循环 is a quality, 应急 a noun
    assert measures("践行低碳、绿色生活方式，鼓励使用节能、节水和可循环利用的产品；", "dongying")[0].cue == "鼓励"
    assert measures("建立健全应急管理体系。", "dongying") == []


def test_ke_and_fang_ke_authorize():
    # data_compliance/local/地方法规-《大连市数据资产全过程管理试点工作方案》: 可 + 作为
    text = "场内交易形成的登记、交易、交付等信息，可作为数据资产凭证，为会计处理和价值确定等提供支撑。"
    assert [(m.modality, m.cue) for m in measures(text, None, plan=True)] == [("authorization", "可")]
    # lawrefbook_dlc/guangdong/广东省建设工程质量管理条例(2021-09-29).md (第十七条)
    text = "勘察文件经施工图设计文件审查单位或者依法按其他有关规定审查合格后，方可作为建设工程设计的依据。"
    assert [(m.modality, m.cue) for m in measures(text, "guangdong")] == [("authorization", "方可")]


def test_jin_zhi_as_a_noun_is_no_prohibition():
    # lawrefbook_dlc/zhejiang/宁波市地名管理条例(2020-04-09).md: 禁止性规定 is a noun, 应当 the cue
    text = "地名违反法律、法规禁止性规定的，应当更名。"
    assert [(m.modality, m.cue) for m in measures(text, "ningbo")] == [("obligation", "应当")]
    # an attribute: 禁止交易的其他商品 (a list item naming things)
    assert measures("法律、法规禁止交易的其他商品。", "ningbo") == []


def test_a_duty_in_two_parts_and_a_time_clause_that_is_none():
    # lawrefbook_dlc/shandong/东营市文明行为促进条例(2018-12-03).md (第三十八条): 在履行法定职责时 is a
    # time, not a duty; 行政机关和相关单位 carry to 可以; the 公民 after 对 are objects, not subjects
    text = ("行政机关和相关单位在履行法定职责时，对信用状况良好的公民、组织可以依法采取优先办理、简化程序、重点扶持等激励措施；"
            "对信用状况不良的，应当加强日常监管，依法实施约束惩戒措施。")
    ms = measures(text, "dongying")
    assert [(m.modality, m.cue) for m in ms] == [("authorization", "可以"), ("obligation", "应当")]
    assert not {"公民", "组织"} & {a.text for a in ms[0].agents}
    assert ms[1].agents == []                            # a new sentence after ； carries no subject


def test_you_x_fu_ze_is_a_duty_but_a_penalty_after_you_x_is_none():
    # lawrefbook_dlc/chongqing/重庆市国防动员条例(2015-07-30).md (第十四条)
    text = "特大型企业和军事保密单位的范围由市国防动员委员会确定。"
    ms = measures(text, "chongqing")
    assert [(m.modality, m.cue, m.action, [a.text for a in m.agents]) for m in ms] == [
        ("obligation", "由", "确定", ["市国防动员委员会"])]
    # lawrefbook_dlc/shandong/东营市文明行为促进条例(2018-12-03).md (第四十一条): a penalty
    text = "相关部门及其工作人员在文明行为促进工作中滥用职权、玩忽职守、徇私舞弊的，由相应主管部门按照规定给予处理或者处分。"
    assert measures(text, "dongying") == []


# --- the subject of an earlier clause, coordinated subjects ---------------------------------------


def test_the_subject_of_an_earlier_comma_clause_is_the_agent():
    # lawrefbook_dlc/henan/驻马店市燃气管理条例(2020-06-29).md
    text = "市、县人民政府调整天然气销售价格，应当征求燃气用户、燃气经营者和有关方面的意见。"
    ms = measures(text, "zhumadian")
    assert [(m.modality, m.cue, m.action) for m in ms] == [("obligation", "应当", "征求")]
    subject = [a for a in find_mentions(text, 0, len(text), "zhumadian").actors if a.end <= 7]
    assert ms[0].agents == subject and ms[0].subject_span == (0, 7)     # 市、县人民政府
    # lawrefbook_dlc/guangdong/广东省森林防火条例(2021-09-29).md (第三十一条): 任何 is a determiner
    ms = measures("任何单位和个人发现森林火灾，应当立即报告。", "guangdong")
    assert kinds(ms) == [("obligation", ["单位", "个人"])]


def test_a_subject_and_a_duty_verb_then_a_modal_is_one_obligation():
    # data_compliance/national/重要军工设施保护条例: 县级以上地方人民政府安排…，应当… (安排 is no duty of its own)
    text = "县级以上地方人民政府安排可能影响重要军工设施保护的建设项目，应当充分听取国防科技工业管理部门的意见。"
    ms = measures(text, None)
    assert [(m.modality, m.cue, m.action, m.start) for m in ms] == [("obligation", "应当", "听取", 0)]
    assert [a.text for a in ms[0].agents] == ["县级以上地方人民政府"]


def test_one_record_per_agent():
    # lawrefbook_dlc/guangdong/广东省森林防火条例(2021-09-29).md (第三十一条), through the stage
    recs = records("第三十一条 任何单位和个人发现森林火灾，应当立即报告。", "广东省森林防火条例")
    assert [(r.modality, r.agents) for r in recs] == [("obligation", ("单位",)), ("obligation", ("个人",))]
    assert len({r.id for r in recs}) == 2 and recs[0].start == recs[1].start


# --- plans: task clauses, encouragement, goals -------------------------------------------------------


def test_subjectless_task_clauses_of_a_plan_are_obligations_one_per_task_verb():
    # data_compliance/local/烟台市“数据要素×”2025年行动计划-31fa4bbb10.md: 围绕… is only a phrase
    text = "加强市场经营主体培育，围绕数据“采存算管用”，建立全市数据企业库，梯度培育一批数据企业。"
    ms = measures(text, "yantai", plan=True)
    assert [(m.modality, m.action, m.agents) for m in ms] == [
        ("obligation", "加强", []), ("obligation", "建立", []), ("obligation", "培育", [])]
    assert measures(text, "yantai") == []              # in a regulation a subjectless clause states no measure


def test_a_purpose_clause_at_the_end_and_a_prepositional_phrase_open_no_task():
    # data_compliance/national/教育部等九部门关于加快推进教育数字化的意见: 提升便捷性 states the purpose
    assert [m.action for m in measures("优化出国留学全程在线服务，提升便捷性。", None, plan=True)] == ["优化"]
    # data_compliance/local/《湖南省推进可信数据空间发展行动方案》的通知: 以…为核心 is only a phrase
    text = "以长株潭一体化为核心，在全国率先探索建设都市圈可信数据空间，推动长株潭都市圈数据高效流通与协同应用。"
    assert [(m.modality, m.cue) for m in measures(text, "hunan", plan=True)] == [
        ("obligation", "建设"), ("obligation", "推动")]


def test_support_of_a_thing_is_a_task_and_of_an_actor_acting_an_encouragement():
    # data_compliance/local/《深圳市推动数字创意产业高质量发展的若干措施》-f2f5bec990.md
    text = ("支持建设数字创意实验室、企业创新中心，支持企业开展虚拟拍摄、扩展现实（XR）、光影声音特效、智能动作捕捉等数字创意"
            "技术研发，鼓励使用国产技术。")
    assert [(m.modality, m.cue) for m in measures(text, "shenzhen", plan=True)] == [
        ("obligation", "支持"), ("encouragement", "支持"), ("encouragement", "鼓励")]
    # data_compliance/national/教育部等九部门关于加快推进教育数字化的意见: 推动与…高校共建 urges no one
    text = "持续实施“慕课出海”行动，推动与国外知名高校共建高水平课程。"
    assert [(m.modality, m.cue) for m in measures(text, None, plan=True)] == [
        ("obligation", "实施"), ("obligation", "推动")]


def test_goal_sentences_make_no_measure():
    # data_compliance/local/《数字青岛2025年行动方案》-2b42489f5f.md: headed by 力争 or by a deadline
    assert measures("力争数字经济领域专精特新中小企业不少于300家。", "qingdao", plan=True) == []
    text = "到2027年，数字化转型基础支撑能力进一步提升，新模式新业态持续涌现，有力推动产业高质量发展。"
    assert measures(text, None, plan=True) == []


# --- responsibility brackets ------------------------------------------------------------------------

# data_compliance/local/湖南省人民政府办公厅关于印发《湖南省2025年政务服务和数据工作要点》-1a36d6679f.md
HUNAN = ("一、持续推进“高效办成一件事”\n\n"
         "2．开展“高效办成一件事”场景应用“揭榜竞优”。激励各级各部门创新服务模式，加强服务渠道建设、强化数据赋能，打造创新"
         "案例。推进中国（湖南）自贸试验区长沙片区聚焦工程机械再制造及维修出又等拓展场景应用，推出“一件事”高效办、"
         "“一类事”一窗办。（省数据局牵头，省发展改革委、省商务厅、省工业和信息化厅等有关单位按职责分工负责）\n\n"
         "二、深入推进政务数据共享\n")


def test_a_lead_and_share_bracket_gives_each_unit_a_duty_and_makes_them_responsible_for_the_item():
    recs = records(HUNAN, "湖南省2025年政务服务和数据工作要点")
    units = ("省数据局", "省发展改革委", "省商务厅", "省工业和信息化厅")
    tasks = [r for r in recs if not r.sentence.startswith("（")]
    duties = [r for r in recs if r.sentence.startswith("（")]
    assert [(r.action, r.responsible) for r in tasks] == [(a, units) for a in ("开展", "加强", "打造", "推进", "推出")]
    assert all(r.agents == () and r.modality == "obligation" for r in tasks)
    assert tasks[0].responsible_ids[0] == "actor:hunan/government/data-authority"
    assert [(r.modality, r.action, r.text) for r in duties] == [
        ("obligation", "牵头", "省数据局"), ("obligation", "负责", "省发展改革委"), ("obligation", "负责", "省商务厅"),
        ("obligation", "负责", "省工业和信息化厅")]
    assert all(r.responsible == () for r in duties)


# data_compliance/local/《数字青岛2025年行动方案》-2b42489f5f.md
QINGDAO = ("（二）推动数字产业化\n\n"
           "2.产业体系布局。围绕“10+1”创新型产业布局，构建数字产业领域梯次培育赛道，优先发展新一代信息技术、人工智能等先导"
           "产业。（责任单位：市发展改革委、市科技局）\n\n"
           "3.产业集群培育。支持高端软件、人工智能省级数字经济产业集群建设。（责任单位：市工业和信息化局）加快布局建设平台经济"
           "集聚区。（责任单位：市发展改革委、市商务局）\n")


def test_a_responsible_units_bracket_closes_the_tasks_since_the_bracket_before_it():
    recs = records(QINGDAO, "数字青岛2025年行动方案")
    tasks = [(r.action, r.responsible) for r in recs if r.cue != "负责"]
    assert tasks == [("推动", ()),                                   # the item heading: no bracket closes it
                     ("构建", ("市发展改革委", "市科技局")), ("发展", ("市发展改革委", "市科技局")),
                     ("支持", ("市工业和信息化局",)),
                     ("布局", ("市发展改革委", "市商务局"))]            # after a bracket in the same sentence
    duties = [(r.text, r.action, len(r.agents)) for r in recs if r.cue == "负责"]
    assert duties == [("市发展改革委", "负责", 1), ("市科技局", "负责", 1), ("市工业和信息化局", "负责", 1),
                      ("市发展改革委", "负责", 1), ("市商务局", "负责", 1)]


def test_a_bracket_split_over_lines_names_its_units_where_they_stand():
    # data_compliance/local/地方法规-《大连市数据资产全过程管理试点工作方案》-864b6f093a.md (13.)
    text = ("13.多种方式推动企业数据价值实现。积极探索以股权化、证券化等形式实现数据资产资本化。（牵头单位：市国资委，配合单位：\n\n"
            "试点企业、市财政局；完成时限：长期推进）\n")
    recs = records(text, "大连市数据资产全过程管理试点工作方案")
    task = next(r for r in recs if r.action == "探索")
    assert task.responsible[:1] == ("市国资委",) and "市财政局" in task.responsible
    duties = [(r.text, r.action) for r in recs if r.cue in ("牵头", "负责")]
    assert ("市国资委", "牵头") in duties and ("市财政局", "负责") in duties


# --- lead-ins -------------------------------------------------------------------------------------------


def test_items_under_a_you_quan_lead_in_are_authorizations():
    # lawrefbook_dlc/guangdong/广东省建设工程质量管理条例(2021-09-29).md (第三十八条)
    text = ("第三十八条 县级以上人民政府住房城乡建设、交通运输、水行政等主管部门履行监督检查职责时，有权采取下列措施：\n"
            "（一）进入被检查单位工作场所和工程现场进行检查；\n"
            "（二）要求被检查单位提供有关工程质量文件、资料并对有关情况作出说明；\n"
            "（三）其他依法应当采取的措施。\n")
    recs = records(text, "广东省建设工程质量管理条例")
    items = [(r.modality, r.agents) for r in recs if r.sentence.startswith(("进入", "要求", "其他"))]
    assert items == [("authorization", ()), ("authorization", ())]


def test_conditions_under_a_lead_in_are_no_measures():
    # lawrefbook_dlc/zhejiang/浙江省绿色建筑条例(2020-09-24).md (第二十条)
    text = ("第二十条 绿色建筑的运营应当符合下列要求：\n（一）节能、节水、室内外环境维护等管理制度完备；\n"
            "（二）节能、节水和建筑用能分项计量及数据采集传输装置等设施设备运行正常；\n")
    recs = records(text, "浙江省绿色建筑条例")
    assert [r.sentence[:6] for r in recs] == ["绿色建筑的运"]


def test_a_funding_programme_run_by_a_measures_document_has_task_obligations():
    # data_compliance/local/《武汉市促进人工智能产业发展若干政策措施有关条款资金管理办法-试行-》-d20e319745.md
    text = ("根据算力使用情况每年设立总额不低于1000万元的算力服务券，对企业当年支持周期内使用算力服务费用的50%给予最高20万元"
            "补助，累计支持不超过三年。")
    programme = records(text, "武汉市促进人工智能产业发展若干政策措施有关条款资金管理办法（试行）")
    assert [(m.modality, m.action, list(m.agents)) for m in programme][:1] == [("obligation", "设立", [])]
    # a regulatory 办法 reads as rules: a clause without subject or cue is no measure
    assert records(text, "武汉市数据安全管理办法") == []


def test_a_framing_clause_after_the_cue_takes_the_action_of_the_next_clause():
    # …各地要围绕当地特色优势产业… (data_compliance/local/自治区工业和信息化厅关于印发广西推动工业高质量数据集建设实施方案的通知…)
    [m] = measures("各地要围绕构建现代化产业体系，加强数据要素供给。", "guangxi", plan=True)
    assert (m.modality, m.cue, m.action, [a.text for a in m.agents]) == ("obligation", "要", "加强", ["各地"])


# --- issue 11, generalization (tuneA) --------------------------------------------------------

def test_partners_of_an_encouraged_actor_are_not_agents():
    # data_compliance/national/国家发展改革委等部门关于促进数据标注产业高质量发展的实施意见-9084778b08.md:
    # 联合 joins those urged, who are not the encourager
    text = "支持数据标注企业联合上下游企业、科研机构等建立产教融合创新平台、协同创新基地等，加快科技成果转化和应用落地。"
    assert kinds(measures(text, None, plan=True)) == [("encouragement", []), ("obligation", [])]


def test_a_later_clause_with_its_own_subject_and_duty_verb_is_its_own_duty():
    # data_compliance/local/天津市公共数据资源登记管理实施细则-试行-f22c24cb9b.md (第二十三条)
    text = "市数据主管部门统筹负责本市公共数据资源登记工作，各区数据主管部门做好本区公共数据资源登记工作。"
    assert kinds(measures(text, "tianjin")) == [("obligation", ["市数据主管部门"]), ("obligation", ["区数据主管部门"])]


def test_a_bare_unit_after_zhichi_is_an_actor_urged():
    # data_compliance/local/广州市促进数据产业高质量发展行动计划-2025年-2027年-征求公众意见稿-3736ab6a20.md
    # (a determiner 各 begins the unit 各区; 建设 after it makes it act)
    text = "支持各区建设数据产业公共服务载体，为数据企业提供开发工具、数据资源、算力调度等普惠服务。"
    assert kinds(measures(text, "guangzhou", plan=True))[:1] == [("encouragement", [])]


def test_ke_before_an_attribute_is_no_permission():
    # data_compliance/local/广州市促进数据产业高质量发展行动计划-2025年-2027年-征求公众意见稿-3736ab6a20.md
    assert kinds(measures("形成可复制可推广的流通范式。", "guangzhou", plan=True)) == [("obligation", [])]


def test_a_web_page_title_still_names_an_opinion():
    # data_compliance/national/工业和信息化部办公厅关于加快推进国家新型互联网交换中心创新发展的指导意见_国务院部门文件_中国政府网-422d523c6e.md
    text = "探索构建智能体互联互通平台，提升人工智能应用服务能力。"
    title = "工业和信息化部办公厅关于加快推进国家新型互联网交换中心创新发展的指导意见2025年第25号国务院公报"
    assert [(m.modality, m.action) for m in records(text, title)] == [("obligation", "构建")]


def test_a_task_verb_after_yunyong_opens_a_task():
    # data_compliance/local/青川县政务服务网-政策文件-广元市“数据要素×”重点工作方案-2025—2026年-广政数〔2025〕16号-ffbd912c78.md
    text = "建立大气“天空地”一体化溯源防控平台，运用无人机、监测走航加强涉气污染源现场排查，提升大气巡查排查标准化、智能化水平。"
    assert [(m.modality, m.action) for m in measures(text, None, plan=True)] == [
        ("obligation", "建立"), ("obligation", "加强")]


def test_coordinated_bracketed_levels_are_agents_of_the_duty():
    # lawrefbook_dlc/shandong/青岛市供热条例(2017-12-01).md
    text = "对城镇低收入家庭和其他需要特殊照顾的家庭，市、区（市）人民政府应当按照规定给予热费补助。"
    assert kinds(measures(text, "qingdao")) == [("obligation", ["市、区（市）人民政府", "区（市）人民政府"])]


def test_the_imposer_of_a_penalty_may_fine():
    # lawrefbook_dlc/henan/河南省建设工程质量管理条例(2010-07-30).md (第四十四条): not the offender
    text = "建设单位违反本条例规定，有下列行为之一的，由县级以上建设行政主管部门责令改正，可处以五千元以上三万元以下罚款。"
    assert kinds(measures(text, "henan")) == [("authorization", ["县级以上建设行政主管部门"])]


def test_subjects_after_a_place_or_a_determiner_and_two_kinds_of_association():
    # lawrefbook_dlc/henan/濮阳市散煤污染防治条例(2020-06-30).md
    text = "相关行业协会应当加强业内自律管理，协助监督管理部门做好散煤污染防治工作。"
    assert kinds(measures(text, "henan")) == [("obligation", ["行业协会"])]
    # lawrefbook_dlc/henan/河南小秦岭国家级自然保护区条例(2018-10-26).md (第九条)
    text = "小秦岭保护区所在地县级以上人民政府应当对在小秦岭保护区保护、建设、管理以及科学研究中做出显著成绩的单位和个人给予表彰和奖励。"
    assert kinds(measures(text, "henan")) == [("obligation", ["县级以上人民政府"])]
    # lawrefbook_dlc/guangdong/广东省平安建设条例(2021-12-01).md (第三十八条): 商会 is not 行业协会
    text = "行业协会、商会等社会组织应当发挥行业自律作用，指导和支持会员参与平安建设。"
    assert kinds(measures(text, "guangdong")) == [("obligation", ["行业协会", "商会"])]
    # lawrefbook_dlc/henan/河南省企业职工民主权利保障条例(2007-12-03).md
    assert kinds(measures("联席会议由工会负责召集。", "henan")) == [("obligation", ["工会"])]


def test_who_a_body_is_made_of_is_no_duty_and_fuzeren_is_no_cue():
    # lawrefbook_dlc/henan/河南省实施《招标投标法》办法(2002-11-30).md
    assert measures("评标委员会由招标人和有关技术、经济等方面的专家组成，成员人数为五人以上单数。", "henan") == []
    # lawrefbook_dlc/chongqing/重庆市河长制条例(2020-12-03).md: 由…担任; 负责人 is a person, not 负责
    assert measures("市、区县（自治县）河长办公室成员由河长制责任单位和牵头单位的负责人担任。", "chongqing") == []


def test_items_that_check_a_situation_stay_duties():
    # lawrefbook_dlc/henan/河南省劳动保障监察条例(2010-07-30).md (第六条): …情况 after a verb is an action
    text = ("第六条 各级劳动保障行政部门应当有与其工作任务相适应的劳动保障监察工作人员，并履行下列职责：\n"
            "（一）宣传贯彻劳动和社会保障法律、法规；\n（二）监督检查用人单位遵守劳动和社会保障法律、法规的情况；\n")
    recs = records(text, "河南省劳动保障监察条例")
    assert [r.modality for r in recs if r.sentence.startswith("监督检查")] == ["obligation"]


def test_by_a_body_written_with_a_determiner_is_that_bodys_duty():
    # lawrefbook_dlc/henan/安阳市城市管理综合执法条例(2017-06-26).md
    text = "城管执法人员的回避，由本级城管执法部门负责人决定；城管执法部门负责人的回避，由同级人民政府决定。"
    assert kinds(measures(text, "anyang")) == [("obligation", ["城管执法部门"]), ("obligation", ["人民政府"])]
    # lawrefbook_dlc/henan/河南省社会治安综合治理条例(2004-01-08).md: 各级 is part of the role
    assert kinds(measures("社会治安综合治理工作由各级人民政府统一组织实施。", "henan")) == [
        ("obligation", ["各级人民政府"])]
    # lawrefbook_dlc/guangdong/广东省人民代表大会议事规则(2022-01-22).md: each coordinated party may
    text = "各政党、各人民团体，可以联合或者单独推荐代表候选人。"
    assert kinds(measures(text, "guangdong")) == [("authorization", ["政党", "人民团体"])]


def test_units_of_a_bracket_inside_the_sentence_are_responsible_not_beneficiaries():
    # README's `policykg explain` example: the bracket before the full stop (the corpus puts it after)
    text = "支持企业建设行业可信数据空间（省数据局牵头，省财政厅按职责分工负责）。"
    [task] = [r for r in records(text, "江苏省数据要素市场化配置改革行动方案") if r.cue == "支持"]
    assert (task.modality, task.beneficiaries, task.responsible) == ("encouragement", ("企业",), ("省数据局", "省财政厅"))
