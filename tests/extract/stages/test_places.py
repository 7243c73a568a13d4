"""County-level places (ontology/vocab/regions.ttl) and the governments named with them, on real corpus sentences
(/work/shared/corpus/scale, outside the gold documents; file in a comment)."""

from policykg.extract.stages.measures import find_measures
from policykg.extract.stages.mentions import find_mentions
from policykg.ontology import vocabulary


def actors(text: str, jurisdiction: str | None):
    return [(a.text, a.label, a.level, a.jurisdiction) for a in find_mentions(text, 0, len(text), jurisdiction).actors]


def agents(text: str, jurisdiction: str | None):
    ms = find_measures(text, 0, len(text), find_mentions(text, 0, len(text), jurisdiction))
    return [(m.modality, m.action, [a.label for a in m.agents]) for m in ms]


def test_a_county_level_city_has_its_code_its_prefecture_and_its_short_name():
    c = vocabulary().concept("reg", "dengfeng")
    assert (c.pref, c.attrs["adminCode"], c.attrs["regionKind"], c.attrs["governmentLevel"]) == \
        ("登封市", "410185", "县级市", "county")
    assert tuple(c.broader) == ("zhengzhou",) and "登封" in c.labels
    # 内乡 is in 区域内乡镇, 高青 in 提高青少年: no short name
    assert tuple(vocabulary().concept("reg", "neixiang").labels) == ("内乡县",)


def test_a_county_level_city_government_in_its_prefecture_s_text_is_the_county_s():
    # lawrefbook_dlc/henan/郑州市嵩山历史建筑群保护管理条例(2020-08-05).md (was 市人民政府 → 郑州市人民政府)
    text = ("登封市人民政府全面负责嵩山历史建筑群的保护管理工作，加强嵩山历史建筑群保护管理机构建设，加大经费投入，"
            "将保护管理工作纳入国民经济和社会发展计划，并编制保护规划，纳入土地利用总体规划和城乡建设规划。")
    assert actors(text, "zhengzhou") == [
        ("登封市人民政府", "登封市人民政府", "county", "dengfeng"),
        ("嵩山历史建筑群保护管理机构", "登封市人民政府嵩山历史建筑群保护管理机构", "county", "dengfeng")]
    assert agents(text, "zhengzhou")[0] == ("obligation", "负责", ["登封市人民政府"])
    # lawrefbook_dlc/henan/安阳市林州红旗渠保护条例(2016-12-09).md: its department
    text = "林州市文物行政部门主管红旗渠保护管理和监督工作。"
    assert actors(text, "anyang") == [("林州市文物行政部门", "林州市人民政府文物行政部门", "county", "linzhou")]
    assert agents(text, "anyang") == [("obligation", "主管", ["林州市人民政府文物行政部门"])]


def test_county_level_cities_and_counties_listed_before_one_government_are_each_a_government():
    # lawrefbook_dlc/zhejiang/绍兴会稽山古香榧群保护规定(2018-12-18).md
    text = ("柯桥区、诸暨市、嵊州市人民政府应当在古香榧群保护范围的醒目位置设置全球重要农业文化遗产标志、"
            "古香榧群保护范围以及核心区分布示意图。")
    assert actors(text, "shaoxing") == [
        ("柯桥区、诸暨市、嵊州市人民政府", "绍兴市柯桥区人民政府", "county", None),
        ("诸暨市、嵊州市人民政府", "诸暨市人民政府", "county", "zhuji"),
        ("嵊州市人民政府", "嵊州市人民政府", "county", "shengzhou")]
    assert agents(text, "shaoxing") == [("obligation", "设置", ["绍兴市柯桥区人民政府", "诸暨市人民政府", "嵊州市人民政府"])]
    # lawrefbook_dlc/henan/洛阳市陆浑水库饮用水水源保护条例(2019-12-06).md (was 洛阳市县人民政府)
    text = "嵩县、栾川县人民政府应当参照市人民政府的规定，建立陆浑水库饮用水水源保护的投入和补偿机制。"
    assert actors(text, "luoyang") == [("嵩县、栾川县人民政府", "嵩县人民政府", "county", "songxian"),
                                       ("栾川县人民政府", "栾川县人民政府", "county", "luanchuan"),
                                       ("市人民政府", "洛阳市人民政府", "city", "luoyang")]


def test_a_district_or_county_the_vocabulary_lacks_in_such_a_list_has_a_government_too():
    # lawrefbook_dlc/henan/濮阳市马颊河保护条例(2019-01-21).md: 濮阳县 and 华龙区 are not in regions.ttl
    text = "濮阳县、清丰县、南乐县、华龙区人民政府应当按照职责分工，负责本行政区域内马颊河保护管理工作。"
    assert actors(text, "puyang") == [
        ("濮阳县、清丰县、南乐县、华龙区人民政府", "濮阳县人民政府", "county", None),
        ("清丰县、南乐县、华龙区人民政府", "清丰县人民政府", "county", "qingfeng"),
        ("南乐县、华龙区人民政府", "南乐县人民政府", "county", "nanle"),
        ("华龙区人民政府", "濮阳市华龙区人民政府", "county", None)]
    assert agents(text, "puyang")[0][2] == ["濮阳县人民政府", "清丰县人民政府", "南乐县人民政府", "濮阳市华龙区人民政府"]


def test_province_and_city_in_an_autonomous_county_s_text_are_the_ones_it_lies_in():
    # lawrefbook_dlc/zhejiang/景宁畲族自治县水资源管理条例(2021-06-15).md: 自治县人民政府 was 浙江省县级人民政府
    text = "自治县人民政府水行政主管部门按照规定的权限负责水资源的统一管理和监督工作。"
    assert actors(text, "jingning") == [
        ("自治县人民政府水行政主管部门", "景宁畲族自治县人民政府水行政主管部门", "county", "jingning")]
    text = ("前款第二项规定的少量取水的限额，按照省人民政府的规定执行；第三项、第四项规定的取水，"
            "应当及时报自治县人民政府水行政主管部门；第五项规定的取水，应当经自治县人民政府水行政主管部门同意。")
    assert actors(text, "jingning")[0] == ("省人民政府", "浙江省人民政府", "province", "zhejiang")
    # lawrefbook_dlc/chongqing/彭水苗族土家族自治县矿产资源管理条例(2013-12-04).md: 市 is the 直辖市
    text = ("自治县行政区域内的矿产资源，除依法由国土资源部和市国土资源主管部门审批发证的以外，"
            "由自治县国土资源主管部门审批颁发采矿许可证，报市国土资源主管部门备案。")
    assert [a for a in actors(text, "pengshui") if a[0] == "市国土资源主管部门"] == \
        [("市国土资源主管部门", "重庆市人民政府国土资源主管部门", "province", "chongqing")] * 2


def test_an_unlisted_district_of_a_list_ending_outside_the_document_s_city_keeps_no_city():
    # lawrefbook_dlc/shanghai/上海市促进长三角生态绿色一体化发展示范区高质量发展条例(2024-09-27).md: 吴江区 is Suzhou's
    text = ("青浦区人民政府应当与吴江区、嘉善县人民政府加强应急管理协同，建立自然灾害、事故灾难、公共卫生事件、"
            "社会安全事件等突发事件跨区域应急协调联动机制，做好风险防范、应急准备和应急处置等工作。")
    assert actors(text, "shanghai") == [
        ("青浦区人民政府", "上海市青浦区人民政府", "county", None),
        ("吴江区、嘉善县人民政府", "吴江区人民政府", "county", None),
        ("嘉善县人民政府", "嘉善县人民政府", "county", "jiashan")]
