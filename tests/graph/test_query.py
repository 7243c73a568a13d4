"""Saved queries in SPARQL and Cypher, and ad-hoc queries, on the seed build (graph/query.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policykg.graph.query import run_cypher, run_saved, run_sparql, saved_queries


def test_jiangsu_2027_compute_target(seed_build):
    cols, rows = run_saved(seed_build, "targets-2027")
    row = [dict(zip(cols, r, strict=True)) for r in rows if r[cols.index("metric")] == "智算规模"]
    assert row and row[0]["value"] == 25 and row[0]["unit"] == "EFLOPS" and row[0]["doc"] == "jiangsu-2025"
    assert row[0]["province"] == "江苏省"


def test_heilongjiang_obliges_county_governments_to_use_government_investment_funds(seed_build):
    cols, rows = run_sparql(seed_build, """
        SELECT ?actor ?text WHERE {
          ?m pkg:modality mod:obligation ; pkg:agent ?a ; pkg:usesInstrument inst:government-investment-fund ;
             pkg:sourceSentence ?s .
          ?a skos:prefLabel ?actor . ?s pkg:text ?text ; pkg:inDocument/dcterms:identifier "heilongjiang-2024" .
        }""")
    assert ["黑龙江省县级以上人民政府"] == sorted({r[0] for r in rows})
    assert all("政府投资基金" in r[1] for r in rows)
    # the convenience edge exists and points back to the measures it is derived from
    _, uses = run_cypher(seed_build, """
        MATCH (a:Actor)-[u:USES]->(i:PolicyInstrument {id: 'inst:government-investment-fund'})
        WHERE a.label = '黑龙江省县级以上人民政府' RETURN u.weight, u.docs""")
    assert uses and uses[0][0] >= 1 and uses[0][1] == ["heilongjiang-2024"]


def test_every_edge_leads_back_to_its_sentence_and_characters(seed_build):
    """PROV: a measure's sentence, provision and offsets reproduce the text of the source file."""
    cols, rows = run_sparql(seed_build, """
        SELECT ?m ?text ?start ?end ?stext ?prov WHERE {
          ?m a pkg:Measure ; pkg:text ?text ; pkg:startOffset ?start ; pkg:endOffset ?end ;
             pkg:sourceSentence ?s ; pkg:sourceProvision ?prov . ?s pkg:text ?stext .
        }""")
    assert len(rows) == 757
    docs = {json.loads(line)["id"]: json.loads(line) for line in (seed_build / "documents.jsonl").open()}
    for m, text, start, end, stext, prov in rows:
        doc = docs[m.split(":", 1)[1].split("/")[0]]
        assert doc["text"][start:end] == text
        assert text in stext
        assert prov.startswith(f"provision:{doc['id']}/")


def test_saved_queries_are_non_empty_and_agree_across_sparql_and_cypher(seed_build):
    queries = saved_queries()
    assert len(queries) >= 12
    for name, q in queries.items():
        assert q.languages == ("sparql", "cypher"), name
        s_cols, s_rows = run_saved(seed_build, name, "sparql")
        c_cols, c_rows = run_saved(seed_build, name, "cypher")
        assert s_rows, name
        assert len(s_cols) == len(c_cols), name
        assert sorted(map(repr, s_rows)) == sorted(map(repr, c_rows)), name


def test_specific_rows_of_saved_queries(seed_build):
    def rows(name):
        cols, rs = run_saved(seed_build, name)
        return [dict(zip(cols, r, strict=True)) for r in rs]
    vouchers = rows("voucher-use")          # only the national report names vouchers (算力券 in Shanghai, …)
    assert {(r["province"], r["instrument"]) for r in vouchers} == {(None, "算力券"), (None, "算法券")}
    issuers = {(r["doc"], r["issuer"], r["date"]) for r in rows("issuers")}
    assert issuers == {("jiangsu-2025", "江苏省人民政府办公厅", "2025-04-11"),
                       ("heilongjiang-2024", "黑龙江省人民代表大会常务委员会", "2024-12-19"),
                       ("anhui-2025", "安徽省人民代表大会常务委员会", "2025-07-12"),
                       ("huaxin-report-2025", "华信咨询设计研究院有限公司", "2025-12-30")}
    mix = {(r["province"], r["category"]) for r in rows("instruments-by-province")}
    assert {("黑龙江省", "供给型"), ("黑龙江省", "环境型"), ("江苏省", "需求型")} <= mix


@pytest.mark.slow
def test_every_saved_query_answers_on_a_corpus_without_statistics_or_parameters(tmp_path):
    """The LadybugDB schema does not depend on which optional properties a corpus happens to have: on
    one regulation (no statistic, no parameter, no cited issuers) every saved query answers in both
    languages, with the same rows."""
    from click.testing import CliRunner

    from policykg.cli import cli
    seed = Path(__file__).resolve().parents[2] / "seeds" / "heilongjiang-2024.txt"
    r = CliRunner().invoke(cli, ["build", str(seed), "-o", str(tmp_path / "b"), "--exports", "overview"], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    for name in saved_queries():
        _, cypher_rows = run_saved(tmp_path / "b", name, "cypher")
        _, sparql_rows = run_saved(tmp_path / "b", name, "sparql")
        assert sorted(map(json.dumps, cypher_rows)) == sorted(map(json.dumps, sparql_rows)), name
