"""The pipeline: registered stages, the requires/assigns check, run() on paths, texts and Documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.extract.document.ingest import ingest_text
from policykg.extract.document.model import Document
from policykg.extract.pipeline import Pipeline, PipelineError, check, run
from policykg.extract.records import MeasureRecord
from policykg.extract.stage import STAGES, Stage

# a duty with two coordinated agents, as 条例 write it
SENTENCE = "第六条 市、区人民政府应当将数字经济发展纳入国民经济和社会发展规划。"
FRONT = {"title": "黑龙江省数字经济促进条例"}


def test_default_pipeline_runs_the_registered_stages_in_order():
    assert Pipeline().names == ["issuers", "mentions", "measures", "sanctions", "parameters", "quantities", "citations"]


def test_a_stage_that_needs_a_layer_no_earlier_stage_assigns_is_refused():
    with pytest.raises(PipelineError, match="stage 'measures' requires mentions, which no earlier stage assigns"):
        Pipeline(["measures", "mentions"])


def test_check_accepts_what_ingestion_provides():
    check([Stage("x", lambda d: d, requires=("sentences", "meta"), assigns=("y",)),
           Stage("z", lambda d: d, requires=("y",))])


def test_unknown_stage_name_is_a_pipeline_error():
    with pytest.raises(PipelineError, match="unknown policykg.stages 'nope'"):
        Pipeline(["nope"])


def test_a_stage_must_return_the_document():
    bad = Stage("bad", lambda d: None, requires=("sentences",))
    p = Pipeline(["issuers"])
    p.stages.append(bad)
    with pytest.raises(PipelineError, match="stage 'bad' returned NoneType, not a Document"):
        p(ingest_text("第一条 本条例自公布之日起施行。", path="x.txt"))


def test_a_new_stage_is_one_decorated_function(monkeypatch):
    from policykg.extract.stage import stage
    monkeypatch.setattr(STAGES, "_items", dict(STAGES._items))     # registered for this test only

    @stage("sentence-lengths", requires=("sentences",), assigns=("lengths",), order=35)
    def lengths(doc: Document) -> Document:
        doc.layers["lengths"] = [len(s.text) for s in doc.sentences]
        return doc
    p = Pipeline()
    assert p.names[-2:] == ["sentence-lengths", "citations"]
    doc = run(SENTENCE, path="x.txt", front=FRONT, pipeline=p)
    assert doc.layers["lengths"] == [len(SENTENCE) - len("第六条 ")]


def test_run_takes_a_text_a_path_or_a_document(tmp_path: Path):
    f = tmp_path / "hlj.md"
    f.write_text(f"---\ntitle: 黑龙江省数字经济促进条例\n---\n{SENTENCE}\n", encoding="utf-8")
    from_text = run(SENTENCE, path="hlj.md", front=FRONT)
    from_path = run(f)
    again = run(from_path)
    assert again is from_path
    for doc in (from_text, from_path):
        measures = [r for r in doc.records() if isinstance(r, MeasureRecord)]
        assert [(m.modality, m.agents) for m in measures] == [     # one record per agent (ANNOTATION.md)
            ("obligation", ("黑龙江省设区的市级人民政府",)), ("obligation", ("黑龙江省县级人民政府",))]


def test_records_come_in_text_order_sentence_by_sentence():
    doc = run("第一条 省人民政府应当设立产业投资基金。\n第二条 鼓励金融机构开展知识产权质押融资。", path="x.txt",
              front=FRONT)
    kinds = [(r.sentence_id.split("/")[1], r.kind) for r in doc.records()]
    assert kinds == [("art1", "actor"), ("art1", "instrument"), ("art1", "measure"),
                     ("art2", "actor"), ("art2", "instrument"), ("art2", "measure")]


# --- extraction on real sentences from the seeds, with the exact records expected ---------------------

HLJ = "黑龙江省数字经济促进条例"


def extract_document(doc: Document) -> list:
    return list(run(doc).records())


def extract(text: str, title: str, **kw):
    doc = ingest_text(text, path="t.txt", front={"title": title, **kw})
    return doc, extract_document(doc)


def by_kind(records, kind):
    return [r for r in records if r.kind == kind]


def test_first_set_procurement_is_an_authorization_using_procurement():
    _, recs = extract("第二十三条 县级以上人民政府及有关部门应当支持数字技术创新产品和服务的应用推广，列入创新产品和服务目录的"
                      "首台（套）装备、首批次产品、首版次软件，符合条件的可以按规定采取非招标方式进行政府采购。", HLJ)
    measures = by_kind(recs, "measure")
    assert [(m.fields["modality"], m.fields["cue"]) for m in measures] == [     # one record per agent
        ("obligation", "应当"), ("obligation", "应当"), ("authorization", "可以"), ("authorization", "可以")]
    auth = measures[2]
    assert [m.fields["agents"] for m in measures[2:]] == [["黑龙江省县级以上人民政府"], ["黑龙江省县级以上人民政府有关部门"]]
    assert "inst:government-procurement" in auth.fields["instruments"]
    assert "inst:non-tender-procurement" in auth.fields["instruments"]
    inst = {r.id: r for r in by_kind(recs, "instrument")}
    assert inst["inst:first-set"].text == "首台（套）装备"
    assert inst["inst:first-set"].fields == {"type": "Procurement", "category": "demand"}


def test_tax_incentive_with_high_tech_enterprises_as_beneficiary():
    _, recs = extract("第七十六条 县级以上人民政府及税务部门应当依法落实对高新技术企业研发、信息技术产品制造、软件开发、信息服务，"
                      "以及大学科技园、众创空间等线上线下创新创业平台的税收优惠政策，并为相关单位和个人办理税费优惠提供便利条件。", HLJ)
    m, m2 = by_kind(recs, "measure")                                  # one record per agent
    assert m.fields["modality"] == m2.fields["modality"] == "obligation"
    assert [m.fields["agents"], m2.fields["agents"]] == [["黑龙江省县级以上人民政府"], ["黑龙江省县级以上人民政府税务部门"]]
    assert "inst:tax-incentive" in m.fields["instruments"]
    assert "高新技术企业" in m.fields["beneficiaries"]
    tax = next(r for r in recs if r.id == "inst:tax-incentive")
    assert tax.fields == {"type": "TaxIncentive", "category": "environment"}
    dept = next(r for r in recs if r.kind == "actor" and r.label == "黑龙江省县级以上人民政府税务部门")
    assert dept.fields["parent"] == "actor:heilongjiang/county-and-above-government"


def test_prohibition():
    _, recs = extract("第八十三条 从事数字经济活动的经营者不得有滥用市场支配地位、实施垄断协议等垄断行为，不得实施不正当竞争行为。", HLJ)
    measures = by_kind(recs, "measure")
    assert [(m.fields["modality"], m.fields["agents"]) for m in measures] == \
        [("prohibition", ["经营主体"]), ("prohibition", ["经营主体"])]


def test_two_targets_from_the_traditional_jiangsu_sentence():
    text = ("江蘇省數字經濟高質量發(fā)展三年行動計劃(2025-2027年)\n六、完善數字基礎設施\n"
            "(十二)統(tǒng)籌布局算力基礎設施。推動全省算力中心標準機架數達80萬架,智算規模超25EFLOPS。")
    doc = ingest_text(text, path="js.txt")
    targets = by_kind(extract_document(doc), "target")
    got = [(t.fields["metric"], t.fields["value"], t.fields["unit"], t.fields["comparator"], t.fields["year"])
           for t in targets]
    assert got == [("算力中心标准机架数", 800000, "架", "≥", 2027), ("智算规模", 25, "EFLOPS", ">", 2027)]
    assert all(t.fields["jurisdiction"] == "jiangsu" for t in targets)


def test_goal_year_and_per_year_targets():
    text = ("某省数字经济三年行动计划（2025-2027年）\n一、总体目标\n到2026年，数字经济核心产业增加值达1.8万亿元。\n"
            "二、主要任务\n每年部署40项左右数字技术研发项目。")
    doc = ingest_text(text, path="x.txt")
    t = [(r.fields["value"], r.fields["unit"], r.fields["comparator"], r.fields["year"], r.fields["period"])
         for r in by_kind(extract_document(doc), "target")]
    assert t == [(1800000000000, "元", "≥", 2026, None), (40, "项", "≈", 2027, "每年")]


def test_statistic_with_as_of_date_and_footnoted_source(seed_docs):
    recs = extract_document(seed_docs["huaxin-report-2025"])
    stat = next(r for r in recs if r.kind == "statistic" and r.fields["metric"] == "5G基站数")
    assert (stat.fields["value"], stat.fields["unit"], stat.fields["as_of"], stat.fields["source"]) == \
        (4251000, "个", "2024-12-31", "国家数据局")
    assert stat.sentence_id == "huaxin-report-2025/pt2/it1/p1/s2"
    assert not any(r.kind == "target" for r in recs if r.sentence_id == stat.sentence_id)


def test_forecasts_are_neither_targets_nor_statistics(seed_docs):
    recs = extract_document(seed_docs["huaxin-report-2025"])
    forecast = [r for r in recs if r.kind in ("target", "statistic") and "预测" in r.sentence]
    assert forecast == []


def test_citation_with_issuers_and_count(seed_docs):
    recs = extract_document(seed_docs["huaxin-report-2025"])
    c = next(r for r in recs if r.kind == "citation" and r.fields["title"].startswith("“数据要素×”三年行动计划"))
    assert c.fields["title"] == "“数据要素×”三年行动计划（2024—2026年）"
    assert c.fields["date"] == "2023-12"
    assert c.fields["issuers"] == ["国家数据局"] and c.fields["issuer_count"] == 17
    two = [r for r in recs if r.kind == "citation" and r.fields["date"] == "2025-01" and "公共数据资源" in r.label]
    assert [r.fields["issuers"] for r in two] == [["国家发展和改革委员会", "国家数据局"]] * 2


def test_own_province_words_resolve_to_the_jurisdiction():
    _, recs = extract("一、推进全省传统基础设施数智化改造提升。", "安徽省人民代表大会常务委员会关于进一步促进数字经济高质量发展的决定")
    assert [(r.id, r.text) for r in by_kind(recs, "region")] == [("reg:anhui", "全省")]


def test_every_record_traces_to_its_sentence(seed_docs):
    for doc in seed_docs.values():
        sentences = {s.id: s for s in doc.sentences}
        for r in extract_document(doc):
            s = sentences[r.sentence_id]
            assert s.start <= r.start <= r.end <= s.end, r
            assert doc.text[r.start:r.end] == r.text
            assert r.provision == s.provision and r.sentence == s.text


def test_ids_are_deterministic(seed_docs):
    from policykg.extract.document.ingest import ingest
    doc = seed_docs["jiangsu-2025"]
    again = extract_document(ingest(doc.path))
    assert [r.id for r in extract_document(doc)] == [r.id for r in again]
