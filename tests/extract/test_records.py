"""Typed records: one frozen dataclass per kind, JSON out and back unchanged."""

from __future__ import annotations

import dataclasses

import pytest

from policykg.extract.pipeline import run
from policykg.extract.records import (
    KINDS,
    RECORD_TYPES,
    ActorRecord,
    CitationRecord,
    ParameterRecord,
    SanctionRecord,
    StatisticRecord,
    record_from_json,
    record_id,
)

BASE = ["doc", "kind", "id", "label", "text", "start", "end", "provision", "sentence_id", "sentence"]


@pytest.fixture(scope="module")
def records(seeds_dir):
    out = []
    for name in ("heilongjiang-2024.txt", "huaxin-report-2025.txt", "jiangsu-2025.txt"):
        out += list(run(seeds_dir / name).records())
    return out


def test_every_kind_has_a_record_type():
    assert KINDS == ("actor", "instrument", "domain", "region", "measure", "target", "statistic", "citation",
                     "parameter", "sanction")
    assert all(RECORD_TYPES[k].kind == k for k in KINDS)


def test_json_round_trip_is_exact(records):
    assert {r.kind for r in records} >= set(KINDS) - {"parameter", "sanction"}
    for r in records:
        assert record_from_json(r.to_json()) == r


def test_json_starts_with_the_documented_fields(records):
    for r in records:
        assert list(r.to_json())[:len(BASE)] == BASE


def test_actor_fields_as_documented(records):
    dept = next(r for r in records if isinstance(r, ActorRecord) and r.parent_actor is not None)
    j = dept.to_json()
    assert list(j)[len(BASE):] == ["type", "generic", "role", "level", "jurisdiction", "parent", "parent_actor"]
    assert list(j["parent_actor"]) == ["label", "type", "generic", "role", "level", "jurisdiction"]
    assert dept.parent_actor.id == dept.parent


def test_additions_are_written_only_when_set(records):
    cited = [r for r in records if isinstance(r, CitationRecord)]
    assert any("doc_type" in r.to_json() for r in cited)
    assert all(("doc_type" in r.to_json()) == (r.doc_type is not None) for r in cited)
    stats = [r for r in records if isinstance(r, StatisticRecord)]
    with_source = [r for r in stats if r.source_actors]
    assert with_source and all(r.to_json()["source_actors"][0]["id"].startswith("actor:") for r in with_source)
    assert all("source_actors" not in r.to_json() for r in stats if not r.source_actors)


def test_records_are_frozen(records):
    with pytest.raises(dataclasses.FrozenInstanceError):
        records[0].label = "x"


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown record kind 'policy'"):
        record_from_json({"kind": "policy"})


def test_record_ids_are_deterministic():
    assert record_id("measure", "hlj", "hlj/art1/s1", 3, 9) == record_id("measure", "hlj", "hlj/art1/s1", 3, 9)
    assert record_id("measure", "hlj", "s", 3, 9).startswith("measure:hlj/")


def test_parameter_and_sanction_records_round_trip():
    # 威海市 subsidy scheme style: 每家企业每年最高补贴500万元; 罚款 range of a 法律责任 article
    where = dict(doc="d", provision="d/art9", sentence_id="d/art9/s1", sentence="…", text="最高补贴500万元")
    p = ParameterRecord(id="parameter:d/1", label="算力券 · cap", start=0, end=8, instrument="inst:compute-voucher",
                        instrument_text="算力券", parameter_type="cap", value=500, unit="万元", per="企业", **where)
    s = SanctionRecord(id="sanction:d/2", label="罚款", start=0, end=8, imposer="北京市人民政府数据主管部门",
                       breach="第十二条", min=1, max=10, unit="万元", **where)
    for r in (p, s):
        assert record_from_json(r.to_json()) == r
    assert p.to_json()["parameter_type"] == "cap" and s.to_json()["max"] == 10


def test_measure_responsible_is_written_only_when_set(records):
    from policykg.extract.records import MeasureRecord
    m = next(r for r in records if isinstance(r, MeasureRecord))
    assert "responsible" not in m.to_json()


def test_dumps_writes_what_to_json_says(records):
    # dumps() builds its object by generated code (records.py _dump_plan): same keys, same order, same values
    import json
    for r in records:
        assert list(json.loads(r.dumps()).items()) == list(r.to_json().items())


def test_records_take_their_fields_as_dataclasses_do():
    # the records' faster __init__ (records.py fast_frozen_init): defaults, keywords, the same errors
    where = dict(doc="d", id="actor:x", label="公司", text="公司", start=0, end=2, provision="d/art1",
                 sentence_id="d/art1/s1", sentence="公司")
    a = ActorRecord(**where)
    assert (a.type, a.generic, a.parent_actor) == ("Enterprise", False, None)
    assert a == dataclasses.replace(a) and hash(a) == hash(ActorRecord(**where))
    with pytest.raises(TypeError, match=r"ActorRecord.__init__\(\) missing 1 required positional argument: 'sentence'"):
        ActorRecord(**{k: v for k, v in where.items() if k != "sentence"})
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        ActorRecord(**where, colour="red")
