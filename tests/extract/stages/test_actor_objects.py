"""Round 20 actor rules on real corpus sentences (/work/shared/corpus/scale, outside the gold documents),
through find_mentions."""

from policykg.extract.stages.mentions import find_mentions


def actors(text: str, jurisdiction: str | None):
    return [(a.text, a.label) for a in find_mentions(text, 0, len(text), jurisdiction).actors]


def test_a_verb_whose_object_is_the_role_noun_stays_outside_it():
    # lawrefbook_dlc/henan/洛阳市旅游条例.md (第三十三条)
    assert actors("第三十三条 违反本条例第二十条第三款规定，强制旅游者消费的，由旅游主管部门责令改正，没收违法所得，"
                  "并处五千元以上一万元以下罚款。", "luoyang") == [
        ("旅游者", "旅游者"), ("旅游主管部门", "洛阳市人民政府旅游主管部门")]
    # lawrefbook_dlc/guangdong/汕头经济特区基层医疗卫生服务条例(2022-12-30).md
    assert actors("鼓励和引导社会力量依法参与举办基层医疗卫生机构。", "shantou") == [
        ("社会力量", "社会力量"), ("基层医疗卫生机构", "医疗卫生机构")]


def test_a_verb_before_a_department_without_a_level_word_is_no_part_of_its_name():
    # lawrefbook_dlc/shandong/青岛市无居民海岛管理条例(2018-11-30).md (第三十一条)
    text = ("第三十一条 违反本条例规定，拒绝海洋主管部门监督检查，在接受监督检查时弄虚作假，或者不提供有关文件和资料的，"
            "由海洋主管部门责令改正，可以处二万元以下的罚款。")
    assert actors(text, "qingdao") == [("海洋主管部门", "青岛市人民政府海洋主管部门")] * 2


def test_the_verb_stays_where_it_makes_the_whole_modifier_or_a_name():
    # lawrefbook_dlc/zhejiang/浙江省商品交易市场管理条例(2021-07-30).md: 受理|消费者, but 受理部门 keeps its verb
    assert actors("受理消费者申诉，保护消费者合法权益；", "zhejiang") == [("消费者", "消费者")] * 2
    # lawrefbook_dlc/zhejiang/宁波市预防和制止家庭暴力条例(2008-10-06).md: a committee named after two verbs
    assert actors("预防和制止家庭暴力委员会设立办事机构，负责委员会的日常工作。", "ningbo")[0][0] == "预防和制止家庭暴力委员会"
