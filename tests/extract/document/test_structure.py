"""The four seeds structure as their authors numbered them."""

import re

from policykg.extract.text.normalize import traditional_characters


def numbers(doc, level):
    return [p.number for p in doc.provisions if p.level == level]


def test_heilongjiang_seven_chapters_86_articles(seed_docs):
    d = seed_docs["heilongjiang-2024"]
    assert numbers(d, "chapter") == list(range(1, 8))
    assert numbers(d, "article") == list(range(1, 87))
    art86 = d.provision("heilongjiang-2024/ch7/art86")
    assert art86.label == "第八十六条" and art86.number == 86
    assert [p.heading for p in d.provisions if p.level == "chapter"][0] == "总则"
    assert numbers(d, "section") == [1, 2, 3, 1, 2, 3]


def test_heilongjiang_paragraph_ids_and_text(seed_docs):
    d = seed_docs["heilongjiang-2024"]
    p3 = d.provision("heilongjiang-2024/ch6/art74/p3")
    assert d.text[p3.start:p3.end].startswith("县级以上人民政府应当建立多元化资金投入和保障机制")
    s = next(s for s in d.sentences if s.id == "heilongjiang-2024/ch6/art74/p3/s1")
    assert "发挥政府投资基金引导作用" in s.text
    art12 = d.provision("heilongjiang-2024/ch2/sec1/art12")
    assert "新一代互联网协议规模部署和应用" in d.text[art12.start:art12.end]


def test_anhui_28_numbered_points(seed_docs):
    d = seed_docs["anhui-2025"]
    assert numbers(d, "part") == list(range(1, 29))
    pt4 = [p for p in d.provisions if p.parent == "anhui-2025/pt4"]
    assert [p.id for p in pt4] == ["anhui-2025/pt4/p1", "anhui-2025/pt4/p2", "anhui-2025/pt4/p3"]


def test_jiangsu_nine_parts_and_twenty_items(seed_docs):
    d = seed_docs["jiangsu-2025"]
    assert numbers(d, "part") == list(range(1, 10))
    assert numbers(d, "item") == list(range(1, 21))
    labels = [p.label for p in d.provisions if p.level == "item"]
    assert labels[0] == "（一）" and labels[-1] == "（二十）"
    it12 = next(p for p in d.provisions if p.level == "item" and p.number == 12)
    assert it12.id == "jiangsu-2025/pt6/it12" and it12.heading == "统筹布局算力基础设施"


def test_report_five_parts_twelve_boxes_and_footnotes(seed_docs):
    d = seed_docs["huaxin-report-2025"]
    parts = [p for p in d.provisions if p.level == "part"]
    assert [p.heading.split("：")[0] for p in parts] == ["政策篇", "成效篇", "实践篇", "形势篇", "对策篇"]
    boxes = [p for p in d.provisions if p.level == "box"]
    assert [b.number for b in boxes] == list(range(1, 13))
    assert boxes[1].heading == "产业服务平台建设实践"
    assert d.text[boxes[1].start:boxes[1].end].count("长飞光纤") >= 1
    assert len(d.footnotes) == 23
    fn1 = d.footnotes[0]
    assert fn1.text == "数据来源：国家数据局"
    cited = [s for s in d.sentences if fn1.id in s.footnotes]
    assert len(cited) == 1 and "5G基站数达425.1万个" in cited[0].text


def test_report_box_ends_at_its_source_footnote(seed_docs):
    d = seed_docs["huaxin-report-2025"]
    box2 = d.provision("huaxin-report-2025/pt3/it1/box2")
    inside = d.text[box2.start:box2.end]
    assert inside.rstrip().endswith("为线缆行业数字化升级提供可复制方案。")
    assert "跨区域多元异构算力调度体系" not in inside


def test_report_enumerations(seed_docs):
    d = seed_docs["huaxin-report-2025"]
    enums = [p for p in d.provisions if p.level == "enum" and p.parent.startswith("huaxin-report-2025/pt5/it1/n1")]
    assert [e.label for e in enums] == ["一是", "二是", "三是", "四是"]
    first = d.text[enums[0].start:enums[0].end]
    assert first.startswith("一是筑牢网络基础设施根基。")


def test_page_breaks_rejoined_in_seeds(seed_docs):
    assert "新一代互联网协议规模部署和应用" in seed_docs["heilongjiang-2024"].text
    assert "中国共产党第二十次全国代表大会" in seed_docs["huaxin-report-2025"].text
    assert "数字经济显现出较强的产业韧性" in seed_docs["huaxin-report-2025"].text
    assert "华信咨询\n" not in seed_docs["huaxin-report-2025"].text


def test_jiangsu_has_no_gloss_and_no_traditional_characters(seed_docs):
    d = seed_docs["jiangsu-2025"]
    assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)", d.text)
    assert traditional_characters(d.text) == set()
    assert d.meta.title == "江苏省数字经济高质量发展三年行动计划（2025-2027年）"


def test_ids_are_unique_and_stable(seed_docs):
    from policykg.extract.document.ingest import ingest
    for doc in seed_docs.values():
        ids = [p.id for p in doc.provisions] + [s.id for s in doc.sentences]
        assert len(ids) == len(set(ids))
        again = ingest(doc.path)
        assert [s.id for s in again.sentences] == [s.id for s in doc.sentences]


def test_every_character_of_text_is_in_a_sentence(seed_docs):
    for doc in seed_docs.values():
        covered = [False] * len(doc.text)
        for s in doc.sentences:
            for i in range(s.start, s.end):
                covered[i] = True
        missing = "".join(ch for ch, c in zip(doc.text, covered, strict=True) if not c and ch not in "\n ")
        # only structural markers (第一条, （一）, 专栏1, [1]) are outside sentences
        assert len(missing) < 0.06 * len(doc.text), (doc.id, missing[:200])
