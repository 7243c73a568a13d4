"""Round 9 actor rules on real corpus sentences (/work/shared/corpus/scale, outside the gold documents),
through find_mentions."""

from policykg.extract.stages.mentions import find_mentions


def actors(text: str, jurisdiction: str | None):
    return [(a.text, a.label) for a in find_mentions(text, 0, len(text), jurisdiction).actors]


def test_the_body_that_made_a_decision_is_named_by_it():
    # lawrefbook_dlc/henan/郑州市矿产资源管理条例(2020-08-05).md (作出处罚决定的机关: 42 times in corpus/scale)
    text = "当事人逾期不申请复议、不向人民法院起诉又不履行处罚决定的，由作出处罚决定的机关申请人民法院强制执行。"
    assert actors(text, "zhengzhou") == [("当事人", "当事人"), ("人民法院", "人民法院"),
                                         ("作出处罚决定的机关", "作出处罚决定的机关"), ("人民法院", "人民法院")]
    # lawrefbook_dlc/shanghai/上海市滩涂管理条例.md (作出具体行政行为的部门: 13 times)
    text = ("当事人在法定期限内不申请复议，不提起诉讼，又不履行具体行政行为的，作出具体行政行为的部门可以依据"
            "《中华人民共和国行政诉讼法》的规定，申请人民法院强制执行。")
    assert ("作出具体行政行为的部门", "作出具体行政行为的部门") in actors(text, "shanghai")
