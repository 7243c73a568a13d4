"""Corpus-wide gold: predictions aligned to gold sentences by source offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from policykg.extract.corpus_eval import load_gold, scaled, score_corpus

TEXT = ("---\ntitle: 江苏省数字经济促进条例\n---\n"
        "第五条 省人民政府应当设立人工智能产业投资基金。\n"
        "第六条 本条例自2025年1月1日起施行。\n")


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "js.md").write_text(TEXT, encoding="utf-8")
    s1 = "第五条 省人民政府应当设立人工智能产业投资基金。"
    s2 = "第六条 本条例自2025年1月1日起施行。"
    gold = {"batch": 1, "documents": [{"doc": "docs/js.md", "split": "test", "sentences": [
        {"start": TEXT.index(s1), "end": TEXT.index(s1) + len(s1), "text": s1,
         "act": ["省人民政府|江苏省人民政府"], "inst": ["人工智能产业投资基金"], "dom": [],
         "measures": [{"mod": "obligation", "agents": ["省人民政府"], "action": "设立"}]},
        {"start": TEXT.index(s2), "end": TEXT.index(s2) + len(s2), "text": s2}]}]}
    (tmp_path / "gold.yaml").write_text(yaml.safe_dump(gold, allow_unicode=True), encoding="utf-8")
    return tmp_path


def test_scores_by_source_offsets(corpus: Path):
    gold = load_gold([corpus / "gold.yaml"])
    assert [g.text[:3] for g in gold] == ["第五条", "第六条"]
    scores = {s.name: (s.tp, s.fp, s.fn) for s in score_corpus(gold, corpus)}
    assert scores["actor"] == (1, 0, 0)
    assert scores["actor · label"] == (1, 0, 0)
    assert scores["measure · agent+modality"] == (1, 0, 0)
    assert scores["instrument"] == (1, 0, 0)
    assert scores["domain"] == (0, 0, 0)           # a field inside a fund's name is none (GUIDE.md)
    assert scores["citation"] == (0, 0, 0)         # nothing in the second sentence, nothing predicted
    assert scores["target · value+year"] == (0, 0, 0)


def test_a_split_selects_its_documents(corpus: Path):
    assert load_gold([corpus / "gold.yaml"], "tune") == []
    assert len(load_gold([corpus / "gold.yaml"], "test")) == 2


def test_magnitudes_are_multiplied_out():
    assert scaled(4400, "亿元") == (4.4e11, "元")
    assert scaled(25, "EFLOPS") == (25.0, "EFLOPS")
    assert scaled(1, "万") == (1.0, "万")


def test_a_named_tool_matches_its_generic_type_on_the_whole_or_type_row():
    from policykg.extract.corpus_eval import WHOLE_OR_TYPE, _match_keys
    gold = ["专项资金", "算力券"]
    pred = ["市城市数字化转型专项资金", "券", "算力券"]
    assert _match_keys(gold, pred, WHOLE_OR_TYPE) == (2, 1, 0)     # exact 算力券 first, then the tail 专项资金
    assert _match_keys(["数据要素服务中心"], ["服务中心"], WHOLE_OR_TYPE) == (1, 0, 0)
    assert _match_keys(["基金"], ["资金"], WHOLE_OR_TYPE) == (0, 1, 1)     # a tail must be the whole shorter surface
    assert _match_keys(["专项资金"], ["市城市数字化转型专项资金"], "instrument") == (0, 1, 1)   # the strict row
    assert _match_keys(["H股"], ["股"], "domain") == (0, 1, 1)     # other rows never match by tail, whatever the text
