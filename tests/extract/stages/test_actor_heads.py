"""Role nouns by head on real corpus sentences (/work/shared/corpus/scale, outside the gold documents):
kinds of organisation headed by 组织 and the agents of a tool (执法|人员), through find_mentions."""

from policykg.extract.stages.mentions import find_mentions


def actors(text: str, jurisdiction: str | None):
    return [(a.text, a.label, a.cls) for a in find_mentions(text, 0, len(text), jurisdiction).actors]


def test_a_kind_of_organisation_heads_a_subject():
    # lawrefbook_dlc/shandong/山东省地方金融条例(2016-03-30).md
    assert actors("地方金融组织应当配合地方金融监管机构进行检查，不得拒绝、阻碍。", "shandong") == [
        ("地方金融组织", "地方金融组织", "SocialOrganization"),
        ("地方金融监管机构", "地方金融监管机构", "SocialOrganization")]


def test_organise_as_a_verb_is_no_head():
    # data_compliance/national/工业互联网安全分类分级管理办法-f15b972e9e.md (第十四条): 定期|组织 opens a verb phrase
    assert actors("第十四条 工业和信息化部建立健全工业互联网安全检查评估机制，定期组织开展对工业互联网企业的安全检查评估。",
                  None) == [("工业和信息化部", "工业和信息化部", "Department"), ("工业互联网企业", "企业", "Enterprise")]


def test_the_agents_of_a_tool_are_actors():
    # lawrefbook_dlc/henan/安阳市城市管理综合执法条例(2017-06-26).md (第六条)
    assert actors("第六条 城管执法人员应当取得行政执法资格。", "henan") == [
        ("城管执法人员", "城管执法人员", "Individual")]
    # lawrefbook_dlc/zhejiang/浙江省中医药条例(2021-09-30).md
    assert actors("县级以上人民政府应当发挥政府产业基金的引导作用，鼓励社会资本设立中医药产业投资基金，"
                  "推动融资担保机构为中医药事业提供担保服务。", "zhejiang") == [
        ("县级以上人民政府", "浙江省县级以上人民政府", "GovernmentBody"),
        ("社会资本", "社会资本", "FinancialInstitution"),
        ("融资担保机构", "融资担保机构", "FinancialInstitution")]
