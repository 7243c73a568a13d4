"""Analysis helpers for notebooks: instrument mix, measures, department centrality (graph/analysis.py)."""


def test_analysis_helpers_on_the_seeds(seed_graph):
    from policykg.graph.analysis import department_centrality, instrument_mix, measures_frame
    mix = instrument_mix(seed_graph)
    assert list(mix.columns) == ["supply", "environment", "demand"]
    assert mix.loc["黑龙江省"].sum() > 0 and mix.loc["江苏省", "demand"] > 0
    df = measures_frame(seed_graph)
    # one record per (clause, agent) and the plans' task clauses (issue 11): more than the 363 of before
    assert len(df) > 363 and set(df["modality"]) == {"obligation", "authorization", "encouragement", "prohibition"}
    cent = department_centrality(seed_graph)
    assert cent["measures"].min() >= 1 and (cent["betweenness"] >= 0).all()
    assert "黑龙江省县级以上人民政府" in cent.index
