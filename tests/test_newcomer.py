"""What a new user tried from the README and --help, and found broken (one test per fix)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from policykg.cli import cli


@pytest.mark.slow                      # one build
def test_export_overview_adds_the_page_the_readme_lists_among_the_exports(tmp_path, seeds_dir):
    out = tmp_path / "build"
    r = CliRunner().invoke(cli, ["build", str(seeds_dir / "heilongjiang-2024.txt"), "-o", str(out)])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(cli, ["export", "overview", str(out)])
    assert r.exit_code == 0, r.output
    assert f"overview: 1 file(s) → {out / 'overview.html'} (later builds of {out} keep it)" in r.output
    assert (out / "overview.html").is_symlink() and "黑龙江" in (out / "overview.html").read_text(encoding="utf-8")
    r = CliRunner().invoke(cli, ["export", "overview", str(out), "-o", str(tmp_path / "o" / "page.html")])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "o" / "page.html").read_bytes() == (out / "overview.html").read_bytes()
    r = CliRunner().invoke(cli, ["export", "--help"])
    assert "overview " in r.output and "policykg export overview build" in r.output


def test_saved_queries_give_their_rows_in_the_same_order_in_both_languages(seed_build):
    """A missing date, province or as-of date sorted first in SPARQL (unbound) and last in Cypher (null):
    the same query's rows came in another order, and the README promises the pages identical."""
    from policykg.graph.query import run_saved, saved_queries
    for name in saved_queries():
        s_cols, s_rows = run_saved(seed_build, name, "sparql")
        c_cols, c_rows = run_saved(seed_build, name, "cypher")
        assert [list(map(str, r)) for r in s_rows] == [list(map(str, r)) for r in c_rows], name


def test_the_readme_says_how_to_ask_for_every_actor_in_sparql(seed_build):
    """``?a a pkg:Actor`` finds nothing (no inference); the README gives the path that finds them all."""
    import json

    from policykg.graph.query import run_sparql
    actors = json.loads((seed_build / "manifest.json").read_text(encoding="utf-8"))["counts"]["actors"]
    q = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?a {} pkg:Actor }}"
    assert [int(v) for v in run_sparql(seed_build, q.format("a"))[1][0]] == [0]
    assert [int(v) for v in run_sparql(seed_build, q.format("a/rdfs:subClassOf*"))[1][0]] == [actors]
