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
    assert Pipeline().names == ["issuers", "mentions", "measures", "quantities", "citations"]


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
        assert [(m.modality, m.agents) for m in measures] == [
            ("obligation", ("黑龙江省设区的市级人民政府", "黑龙江省县级人民政府"))]


def test_records_come_in_text_order_sentence_by_sentence():
    doc = run("第一条 省人民政府应当设立产业投资基金。\n第二条 鼓励金融机构开展知识产权质押融资。", path="x.txt",
              front=FRONT)
    kinds = [(r.sentence_id.split("/")[1], r.kind) for r in doc.records()]
    assert kinds == [("art1", "actor"), ("art1", "instrument"), ("art1", "measure"),
                     ("art2", "actor"), ("art2", "instrument"), ("art2", "measure")]
