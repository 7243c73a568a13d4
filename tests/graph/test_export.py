"""Gephi (GraphML, GEXF) and Neo4j import files of the seed build (graph/export.py)."""

import csv


def test_gephi_and_neo4j_import_files(seed_build, seed_graph):
    import networkx as nx
    G = nx.read_graphml(seed_build / "kg.graphml")
    analytic = {"PolicyDocument", "Actor", "PolicyInstrument", "Domain", "Region", "Concept", "Measure", "Target",
                "Statistic"}
    assert G.number_of_nodes() == sum(1 for n in seed_graph.nodes.values() if n.key in analytic)
    assert G.nodes["actor:heilongjiang/county-and-above-government"]["label"] == "黑龙江省县级以上人民政府"
    gexf = nx.read_gexf(seed_build / "kg.gexf")
    assert gexf.number_of_nodes() == G.number_of_nodes()
    actors = seed_build / "neo4j-import" / "nodes_Actor.csv"
    with actors.open(encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        assert header[:2] == ["id:ID", ":LABEL"]
        assert sum(1 for _ in reader) == 147
    assert "neo4j-admin database import full" in (seed_build / "neo4j-import" / "import.sh").read_text()
