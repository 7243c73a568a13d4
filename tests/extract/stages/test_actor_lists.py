"""Round 8b actor rules on real corpus sentences (/work/shared/corpus/scale, outside the gold documents),
through find_mentions."""

from policykg.extract.stages.mentions import find_mentions


def actors(text: str, jurisdiction: str | None):
    return [(a.text, a.label) for a in find_mentions(text, 0, len(text), jurisdiction).actors]


def test_a_list_of_kinds_closed_by_deng_is_part_of_the_role_surface():
    # lawrefbook_dlc/shandong/山东省安全生产条例(2021-12-03).md (等媒体/等新闻媒体: 73 documents)
    assert actors("广播、电视、报刊、网络等媒体应当加强安全生产公益宣传，并对安全生产违法行为进行舆论监督。", None) == [
        ("广播、电视、报刊、网络等媒体", "新闻媒体")]
    # lawrefbook_dlc/shandong/淄博市物业管理条例(2021-10-08).md
    text = ("第十三条 供水、供电、供气、供热、通信、有线电视、宽带数据传输等专业经营单位应当依法履行专业经营设施设备的"
            "维修养护责任，按照与业主签订的服务合同服务到最终用户，保证服务质量。")
    assert actors(text, None)[0] == ("供水、供电、供气、供热、通信、有线电视、宽带数据传输等专业经营单位", "专业经营单位")


def test_a_preposition_before_the_list_stays_outside_and_a_verb_keeps_the_role_alone():
    # lawrefbook_dlc/beijing/北京市优化营商环境条例(2020-03-27).md: 由 opens the clause
    text = "对市场主体投资的建设项目需要附属接入市政公用设施的小型工程项目，由供水、排水、低压供电等市政公用企业直接上门提供免费服务；"
    assert actors(text, None)[-1] == ("供水、排水、低压供电等市政公用企业", "市政公用企业")
    # lawrefbook_dlc/zhejiang/义乌国际贸易综合改革试验区条例(2019-11-29).md: 支持 opens the clause, the role is its object
    text = "支持税务、边检、金融监管、海关、邮政管理等工作机构依法履行相关行政管理职责，落实有关义乌试验区的政策措施。"
    assert actors(text, None) == [("工作机构", "工作机构")]


def test_actors_listed_before_deng_stay_actors_of_their_own():
    # lawrefbook_dlc/shandong/山东省学生体质健康促进条例(2018-09-21).md: the listed kinds are schools
    text = "本条例所称学生，是指在依法举办的普通中小学校、中等职业学校、技工学校和高等学校全日制就读的受教育者。"
    assert actors(text, None) == [("学生", "学生"), ("职业学校", "职业学校"), ("高等学校", "高等学校")]


def test_a_bracketed_first_character_writes_two_kinds_as_one():
    # lawrefbook_dlc/shandong/临沂市饮用水水源地保护条例(2019-09-27).md (村（居）民委员会: 192 documents)
    assert actors("村（居）民委员会应当协助做好饮用水水源地保护的有关工作。", "linyi") == [
        ("村（居）民委员会", "村民委员会"), ("村（居）民委员会", "居民委员会")]
    # lawrefbook_dlc/zhejiang/宁波市住宅小区物业管理条例(2021-10-15).md (居（村）民委员会: 46 documents)
    text = "居（村）民委员会应当支持、指导所辖物业管理区域业主、业主委员会依法开展物业管理自治活动。"
    assert actors(text, "ningbo")[:2] == [("居（村）民委员会", "居民委员会"), ("居（村）民委员会", "村民委员会")]


def test_the_spiritual_civilization_office_is_a_department_of_the_government():
    # lawrefbook_dlc/henan/鹤壁市文明行为促进条例(2019-10-28).md (精神文明建设工作机构: 23 documents)
    text = "市、县（区）精神文明建设工作机构负责本行政区域内文明行为促进工作的规划、组织、协调、指导。"
    assert actors(text, "hebi") == [("市、县（区）精神文明建设工作机构", "鹤壁市人民政府精神文明建设工作机构"),
                                    ("县（区）精神文明建设工作机构", "鹤壁市县人民政府精神文明建设工作机构")]


def test_a_higher_trade_union_or_state_organ_keeps_its_relation_word():
    # lawrefbook_dlc/henan/河南省工会条例(2004-09-25).md (上级工会 61 times, 上一级工会 52 in corpus/scale)
    text = "上级工会有权对下级工会所在单位拨缴工会经费情况进行检查，有关单位应当予以配合。"
    assert actors(text, "henan")[0] == ("上级工会", "上级工会")


def test_the_central_military_commission_and_its_political_work_department_are_national_bodies():
    # data_compliance/national/《互联网军事信息传播管理办法》-9a6abac31a.md (中央军委政治工作部: 15 times)
    text = "第二十一条 中央军委政治工作部、国家互联网信息办公室，与中央和国家机关有关部门、中央军委机关有关部门，建立互联网军事信息传播管理工作协调机制。"
    assert actors(text, None)[:2] == [("中央军委政治工作部", "中央军委政治工作部"), ("国家互联网信息办公室", "国家互联网信息办公室")]
    # lawrefbook_dlc/henan/河南省民兵预备役工作条例(2010-07-30).md
    text = "第十七条 预备役人员参加军事训练的误工补贴，在国务院、中央军事委员会作出规定之前，由省人民政府制定具体的补贴办法。"
    assert ("中央军事委员会", "中央军事委员会") in actors(text, "henan")


def test_a_word_holding_ji_or_a_verb_with_a_preposition_character_is_no_list_boundary():
    # lawrefbook_dlc/zhejiang/浙江省社会养老服务促进条例(2021-09-30).md: 及 of 普及 separates nothing
    text = "并通过组织开展免费培训等形式，向家庭成员普及照料失能、失智等老年人的护理知识和技能。"
    assert actors(text, "zhejiang")[-1] == ("老年人", "老年人")
    # lawrefbook_dlc/shandong/山东省专利条例(2013-08-01).md: 从 of 从事 is no preposition before the list
    text = "第四十五条 从事专利代理、检索、评估等中介服务机构依法取得设立登记后，方可从事专利服务。"
    assert actors(text, "shandong") == [("中介服务机构", "中介服务机构")]


def test_kinds_ending_like_the_head_are_actors_of_their_own_not_a_list():
    # lawrefbook_dlc/henan/河南省职业培训条例(2017-12-04).md: 学院/学校 are kinds of 院校
    text = "技师学院、高级技工学校等职业院校依据国家职业等级标准加强高技能人才培训工作。"
    assert actors(text, "henan") == [("技师学院", "技师学院"), ("职业院校", "职业学校")]
