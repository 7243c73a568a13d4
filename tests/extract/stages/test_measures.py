"""Measures: modality, cue, agents and spans of actionable clauses (extract/stages/measures.py).

Real sentences from /work/shared/corpus/scale/ (file in a comment), as the pipeline sees them:
normalized, without their article number.
"""

from policykg.extract.stages.measures import find_measures
from policykg.extract.stages.mentions import find_mentions

# lawrefbook_dlc/shandong/山东省大数据发展促进条例(2021-09-30).md
SD = "shandong"


def measures(text: str, jurisdiction: str | None = SD):
    return find_measures(text, 0, len(text), find_mentions(text, 0, len(text), jurisdiction))


def summary(ms):
    return [(m.start, m.end, m.modality, m.cue, m.action, [a.label for a in m.agents]) for m in ms]


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
    assert (m.start, m.end, m.modality, m.cue) == (0, len(text), "obligation", "应当")
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
    # 第十条: 支持 under 应当 opens no measure of its own unless it encourages an actor
    text = ("县级以上人民政府和有关部门应当推进物联网建设，支持基础设施、城市治理、物流仓储、生产制造、生活服务等领域建设和应用"
            "感知系统，推动感知系统互联互通和数据共享。")
    assert summary(measures(text)) == [(0, len(text), "obligation", "应当", "推进",
                                        ["山东省县级以上人民政府", "山东省县级以上人民政府有关部门"])]


def test_an_obligation_and_a_prohibition_in_two_clauses():
    # 第十七条
    text = "数据收集应当遵循合法、正当、必要的原则，不得窃取或者以其他非法方式获取数据。"
    assert summary(measures(text)) == [(0, 20, "obligation", "应当", "遵循", []),
                                       (20, 38, "prohibition", "不得", "窃取", [])]


def test_an_exception_clause_is_not_part_of_the_prohibition():
    # 第十七条
    text = "除法律、行政法规另有规定外，公共数据提供单位不得重复收集能够通过共享方式获取的公共数据。"
    [m] = measures(text)
    assert (m.start, m.end, m.modality, m.cue, m.action) == (14, len(text), "prohibition", "不得", "重复")


def test_a_prohibition_of_organizations_and_individuals():
    # 第十八条
    text = "自然人、法人和其他组织收集数据不得损害被收集人的合法权益。"
    [m] = measures(text)
    assert summary([m]) == [(0, len(text), "prohibition", "不得", "损害", ["组织和个人"])]
    assert m.subject_span == (0, 11)


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
