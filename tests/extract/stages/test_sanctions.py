"""Sanctions: fines with their range, imposer, breach and the measure they enforce (extract/stages/sanctions.py),
on real articles from /work/shared/corpus/scale/ (file in a comment).
"""

from policykg.extract.pipeline import run
from policykg.extract.stages.sanctions import find_fines

# lawrefbook_dlc/zhejiang/浙江省绿色建筑条例(2020-09-24).md (第十九条, 第四十七条)
ZHEJIANG = (
    "第十九条 房地产开发企业销售商品房，应当在售楼现场明示绿色建筑等级及相应技术措施，以及节能、节水工程和设施设备的"
    "保修期限、保护要求等内容，并在销售合同、商品房质量保证书和商品房使用说明书中载明。\n"
    "第四十七条 违反本条例第十九条规定，房地产开发企业在商品房销售合同、商品房质量保证书、商品房使用说明书中未载明"
    "所销售房屋的绿色建筑等级、相应技术措施，或者节能、节水工程和设施设备的保修期限、保护要求等内容的，由县级以上人民政府"
    "城乡建设主管部门责令限期改正，逾期未改正的，处三万元以上五万元以下罚款；对以上信息作虚假宣传的，处五万元以上二十万元"
    "以下罚款。\n")


def fines(text: str):
    return [(f.min, f.max, f.unit, text[f.start:f.end]) for f in find_fines(text, 0, len(text))]


def test_a_fine_range_with_its_imposer_breach_and_the_measure_it_enforces():
    doc = run(ZHEJIANG, path="zhejiang.txt", front={"title": "浙江省绿色建筑条例"})
    [duty] = [r for r in doc.records() if r.kind == "measure" and r.provision.startswith("zhejiang/art19")]
    first, second = doc.layers["sanctions"]
    assert (first.min, first.max, first.unit, first.text) == (3, 5, "万元", "处三万元以上五万元以下罚款")
    assert (first.imposer, first.imposer_id, first.breach, first.measure) == (
        "浙江省县级以上人民政府住房城乡建设部门", "actor:zhejiang/county-and-above-government/housing", "第十九条", duty.id)
    assert (second.min, second.max, second.unit) == (5, 20, "万元")
    # the fines are no targets
    assert [r for r in doc.records() if r.kind in ("target", "parameter")] == []


def test_a_fine_with_no_minimum_and_a_range_in_two_units():
    # lawrefbook_dlc/shanghai/上海市公路管理条例.md (第六十八条)
    text = "第六十八条 违反本条例第四十一条规定，擅自在公路上增设、改造平面交叉道口的，由市或者区交通行政管理部门责令其恢复原状，处以五万元以下的罚款。"
    assert fines(text) == [(None, 5, "万元", "处以五万元以下的罚款")]
    # lawrefbook_dlc/beijing/北京市控制吸烟条例(2021-09-24).md (第二十四条): as written, both in 元
    text = "（二）违反本条例第十三条第一款第五项规定的，由市或者区卫生健康部门给予警告，并处五千元以上一万元以下罚款。"
    assert fines(text) == [(5000, 10000, "元", "处五千元以上一万元以下罚款")]
    # lawrefbook_dlc/henan/鹤壁市地下水保护条例(2019-01-10).md: 5000元以上2万元以下 → both in the smaller unit
    text = "处五千元以上二万元以下罚款"
    assert fines(text) == [(5000, 20000, "元", text)]


def test_multiples_shares_and_fines_without_an_amount():
    # lawrefbook_dlc/henan/河南省产品质量监督管理条例(2012-11-29).md (第三十六条)
    text = "第三十六条 产品质量检验机构未经考核合格或者超出考核的范围，使用考核合格标志的，责令改正，没收所收费用，并处所收费用一倍以上三倍以下罚款。"
    assert fines(text) == [(1, 3, "倍", "处所收费用一倍以上三倍以下罚款")]
    # lawrefbook_dlc/guangdong/广东省建设工程质量管理条例(2021-09-29).md (第五十二条): 给予单位罚款处罚 has no amount
    text = ("第五十二条 依照本条例规定，给予单位罚款处罚的，对单位直接负责的主管人员和其他直接责任人员处单位罚款数额"
            "百分之五以上百分之十以下的罚款。")
    assert fines(text) == [(5, 10, "%", "处单位罚款数额百分之五以上百分之十以下的罚款")]


def test_two_fines_in_one_sentence_and_the_conduct_as_the_breach():
    # lawrefbook_dlc/zhejiang/浙江省安全生产条例(2016-07-29).md (第四十六条)
    text = "情节严重的，责令停业整顿，并处五万元以上二十万元以下罚款，对其直接负责的主管人员和其他直接责任人员处一万元以上二万元以下罚款。"
    assert [f[:3] for f in fines(text)] == [(5, 20, "万元"), (1, 2, "万元")]
    # lawrefbook_dlc/shandong/山东省水资源条例(2017-09-30).md (第六十五条, its last clause)
    doc = run("逾期不拆除的，强行拆除，所需费用由违法者承担，处一万元以上十万元以下罚款。", path="shandong.txt",
              front={"title": "山东省水资源条例"})
    [s] = doc.layers["sanctions"]
    assert (s.min, s.max, s.unit, s.breach, s.imposer, s.measure) == (1, 10, "万元", "逾期不拆除", None, None)


def test_a_range_of_multiples_written_with_zhi():
    # lawrefbook_dlc/henan/河南省劳动保障监察条例(2010-07-30).md
    text = "逾期不退还保证金、抵押金及其他不合理费用的，处以实收金额一至三倍的罚款"
    assert fines(text) == [(1, 3, "倍", "处以实收金额一至三倍的罚款")]
    # the low end in the high end's unit, or in its own: 一万元至五万元, 5000元至2万元
    assert [f[:3] for f in fines("处一万元至五万元罚款。")] == [(1, 5, "万元")]
    assert [f[:3] for f in fines("处5000元至2万元罚款。")] == [(5000, 20000, "元")]
