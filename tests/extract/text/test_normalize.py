"""Normalization on real snippets from the seeds."""

import re

from policykg.extract.text.normalize import normalize, normalize_label
from policykg.textmap import MappedText


def norm(text: str) -> str:
    return normalize(MappedText.identity(text)).text.text


def test_pinyin_gloss_removed_and_traditional_converted():
    assert norm("江蘇省數字經濟高質量發(fā)展三年行動計劃") == "江苏省数字经济高质量发展三年行动计划"
    assert norm("創(chuàng)新產業(yè)") == "创新产业"


def test_only_tone_marked_lowercase_pinyin_after_han_is_a_gloss():
    # ordinary parentheses survive (as full-width), including letters without tone marks
    assert norm("智能算力（FP32）和（本文有删减）") == "智能算力（FP32）和（本文有删减）"
    assert norm("算力规模(EFLOPS)") == "算力规模（EFLOPS）"
    assert norm("abc(fā)") == "abc(fā)"          # not after a Han character


def test_simplified_text_is_not_touched_by_phrase_conversion():
    # OpenCC's t2s would turn 批覆 into 批复 inside 一批覆盖
    assert norm("输出一批覆盖研产供销的数字化产品。") == "输出一批覆盖研产供销的数字化产品。"
    assert norm("预留网络基础设施所需的空間、电力等资源。") == "预留网络基础设施所需的空间、电力等资源。"


def test_half_width_punctuation_in_chinese_context_becomes_full_width():
    assert norm("各市、縣(市、區(qū))人民政府,省各委辦廳局:") == "各市、县（市、区）人民政府，省各委办厅局："
    assert norm("增长1,000万元") == "增长1,000万元"      # digit grouping stays
    assert norm("见 https://flk.npc.gov.cn/detail") == "见https://flk.npc.gov.cn/detail"


def test_spaces_next_to_chinese_are_dropped_but_not_between_latin_words():
    assert norm("截至 2024 年底，5G 基站数达 425.1 万个") == "截至2024年底，5G基站数达425.1万个"
    assert norm("推出“钱塘盛世”City Fly城市游览项目。") == "推出“钱塘盛世”City Fly城市游览项目。"
    assert norm("第八十六条 本条例自 2025 年 3 月 1 日起施行。") == "第八十六条本条例自2025年3月1日起施行。"


def test_page_break_inside_a_sentence_is_rejoined():
    text = "县级以上网信部门应当会同有关部门加快新一代互联网协\n\n议规模部署和应用。\n\n第十三条 下一条。"
    assert norm(text) == "县级以上网信部门应当会同有关部门加快新一代互联网协议规模部署和应用。\n第十三条下一条。"


def test_page_break_fragment_that_looks_short_is_still_joined():
    text = ("县级以上人民政府标准化行政主管部门、有关行政主管部门\n\n"
            "应当指导和支持有关单位采用先进的数字经济标准。")
    assert norm(text) == "县级以上人民政府标准化行政主管部门、有关行政主管部门应当指导和支持有关单位采用先进的数字经济标准。"


def test_headings_titles_and_signatures_are_not_joined():
    text = "第一章 总 则\n\n第一条 为了促进发展，制定本条例。\n江苏省人民政府办公厅\n2025年4月11日"
    assert norm(text).split("\n") == ["第一章总则", "第一条为了促进发展，制定本条例。", "江苏省人民政府办公厅",
                                      "2025年4月11日"]


def test_a_title_split_over_two_lines_is_joined():
    assert norm("江蘇省數字經濟高質量發(fā)展\n三年行動計劃(2025-2027年)\n為深入貫徹…,制定本行動計劃。").split("\n")[0] \
        == "江苏省数字经济高质量发展三年行动计划（2025-2027年）"


def test_footnotes_are_lifted_out_of_a_broken_sentence_and_refs_removed():
    text = ("截至2024年底，5G基站数达425.1万个^[1]。在数字技术驱动下，数字经济显现出\n\n"
            "[1] 数据来源：国家数据局\n\n[2] 数据来源：《中国互联网发展报告（2024）》\n\n"
            "较强的产业韧性。")
    n = normalize(MappedText.identity(text))
    lines = n.text.text.split("\n")
    assert lines[0] == "截至2024年底，5G基站数达425.1万个。在数字技术驱动下，数字经济显现出较强的产业韧性。"
    assert lines[1:] == ["[1]数据来源：国家数据局", "[2]数据来源：《中国互联网发展报告（2024）》"]
    assert n.footnote_refs == [(lines[0].index("。"), 1)]


def test_running_header_and_toc_dropped():
    text = ("华信设计\n\n某某报告\n\n华信咨询设计研究院有限公司\n\n目 录\n\n一. 政策篇：总体\t1\n"
            "(一) 重视发展\t1\n\n- (四) 高视野统筹 48\n\n华信咨询\n\n一.政策篇：总体\n\n正文第一句。")
    out = norm(text).split("\n")
    assert out == ["某某报告", "华信咨询设计研究院有限公司", "一.政策篇：总体", "正文第一句。"]


def test_markdown_emphasis_and_quote_prefix_removed():
    assert norm("> （2025年7月10日通过）\n\n一是**优化升级数字基础设施**。") == \
        "（2025年7月10日通过）\n一是优化升级数字基础设施。"


def test_labels_are_normalized_like_text():
    assert normalize_label("首台(套)") == "首台（套）"


def test_every_normalized_span_maps_back_to_the_same_characters(seed_docs):
    """Take spans of the normalized text; the original characters normalize to the same string."""
    for doc in seed_docs.values():
        for sent in doc.sentences[::7]:
            original = "".join(doc.source[a:b] for a, b in doc.source_segments(sent.start, sent.end))
            back = normalize_label(re.sub(r"\^\[\d+\]", "", original))
            assert back.replace("\n", "") == sent.text.replace("\n", ""), (doc.id, sent.id)


def test_span_across_a_footnote_block_maps_to_two_source_segments(seed_docs):
    doc = seed_docs["huaxin-report-2025"]
    target = "数字经济显现出较强的产业韧性"
    start = doc.text.index(target)
    segs = doc.source_segments(start, start + len(target))
    assert [doc.source[a:b] for a, b in segs] == ["数字经济显现出", "较强的产业韧性"]


def test_jiangsu_span_maps_to_traditional_original(seed_docs):
    doc = seed_docs["jiangsu-2025"]
    target = "数字经济核心产业增加值达1.8万亿元"
    start = doc.text.index(target)
    s, e = doc.source_span(start, start + len(target))
    assert doc.source[s:e] == "數字經濟核心產業(yè)增加值達1.8萬億元"
