"""Analysis helpers for notebooks: plain functions over the property graph.

Everything starts from a :class:`~policykg.graph.property.PGraph` — read from a
build (:func:`load_build`) or made in memory from texts (:func:`policykg.api.graph_of_texts`)
— and returns networkx graphs or pandas DataFrames a researcher already knows
how to use.

>>> from policykg.api import graph_of_texts
>>> g = graph_of_texts({"demo-a": DEMO_A, "demo-b": DEMO_B})
>>> sorted(measures_frame(g)["modality"].unique())
['encouragement', 'obligation']
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING

from policykg.ontology.cypher import LABEL, REL

from .export import read_build_graph, to_networkx
from .property import PGraph

if TYPE_CHECKING:                       # pragma: no cover
    import networkx as nx
    import pandas as pd

__all__ = ["load_build", "projection", "measures_frame", "co_issuance_network",
           "co_agency_network", "instrument_mix", "department_centrality", "DEMO_A", "DEMO_B", "RZ_COLUMNS"]

#: two small documents for the examples (real phrasing from provincial plans)
DEMO_A = """江苏省人民政府办公厅关于印发江苏省算力发展行动计划的通知
苏政办发〔2025〕9号
一、主要目标
到2027年，全省智算规模达到25EFLOPS。
二、重点任务
（一）省发展改革委、省工业和信息化厅应当会同省财政厅发放算力券，降低企业用算成本。
（二）省数据局负责建设公共数据开放平台。
（三）鼓励金融机构设立产业投资基金，支持人工智能企业发展。
江苏省人民政府办公厅
2025年4月11日
"""
DEMO_B = """安徽省人民政府关于推进低空经济发展的意见
一、省财政厅应当设立低空经济产业基金。
二、省发展改革委会同省科技厅开展低空经济试点示范。
三、鼓励高等学校建设人工智能创新平台。
安徽省人民政府
2025年6月1日
"""

#: Rothwell–Zegveld categories as DataFrame columns, in the usual order
RZ_COLUMNS = ("supply", "environment", "demand")


def load_build(build_dir: str | Path) -> PGraph:
    """The property graph of a build directory (its ``graph.json`` if it has one, else merged from
    the build's per-document graphs)."""
    return read_build_graph(Path(build_dir))


def projection(g: PGraph, keys: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """A networkx MultiDiGraph (nodes keep ``key``, ``labels`` and properties; edges ``type``).

    >>> from policykg.api import graph_of_texts
    >>> G = projection(graph_of_texts({"demo-a": DEMO_A}), keys=("Actor", "Measure"))
    >>> sorted({d["type"] for _, _, d in G.edges(data=True)})
    ['HAS_AGENT', 'HAS_BENEFICIARY', 'SUB_ORGANIZATION_OF']
    """
    return to_networkx(g, tuple(keys) if keys is not None else None)


def _doc_regions(g: PGraph) -> dict[str, str]:
    """document id → jurisdiction label (``全国`` when national, ``—`` when none)."""
    adj = g.adjacency()
    res = {}
    for n in g.nodes.values():
        if n.key == LABEL.PolicyDocument and n.props.get("identifier"):
            regs = adj.targets(n.id, REL.IN_JURISDICTION)
            res[n.props["identifier"]] = g.nodes[regs[0]].props.get("label", "—") if regs else "—"
    return res


def measures_frame(g: PGraph) -> pd.DataFrame:
    """One row per measure: document, jurisdiction, modality, agents, instruments, categories, domains, sentence.

    >>> from policykg.api import graph_of_texts
    >>> df = measures_frame(graph_of_texts({"demo-b": DEMO_B}))
    >>> row = df[df["instruments"].map(lambda i: "基金" in i)].iloc[0]
    >>> row["modality"], row["cue"], row["agents"], row["instruments"], row["categories"]
    ('obligation', '应当', ['安徽省人民政府财政部门'], ['基金'], ['supply'])
    """
    import pandas as pd
    adj = g.adjacency()
    regions = _doc_regions(g)
    rows = []
    for n in g.nodes.values():
        if n.key != LABEL.Measure:
            continue
        o = adj.out.get(n.id, {})
        inst = [g.nodes[i] for i in o.get(REL.USES_INSTRUMENT, [])]
        sent = o.get(REL.FROM_SENTENCE, [])
        doc = n.props.get("doc")
        rows.append({
            "measure": n.id, "doc": doc, "jurisdiction": regions.get(doc, "—") if doc is not None else "—",
            "modality": n.props.get("modality"), "cue": n.props.get("modalCue"), "action": n.props.get("action"),
            "agents": [g.nodes[a].props.get("label") for a in o.get(REL.HAS_AGENT, [])],
            "beneficiaries": [g.nodes[a].props.get("label") for a in o.get(REL.HAS_BENEFICIARY, [])],
            "instruments": [i.props.get("label") for i in inst],
            "categories": sorted({i.props["category"] for i in inst if i.props.get("category")}),
            "domains": [g.nodes[d].props.get("label") for d in o.get(REL.CONCERNS_DOMAIN, [])],
            "sentence_id": sent[0] if sent else None, "text": n.props.get("text")})
    cols = ["measure", "doc", "jurisdiction", "modality", "cue", "action", "agents", "beneficiaries", "instruments",
            "categories", "domains", "sentence_id", "text"]
    return pd.DataFrame(rows, columns=cols).sort_values(["doc", "measure"], ignore_index=True)


def co_issuance_network(g: PGraph) -> nx.Graph:
    """Actors joined when they issued the same document (联合发文); edge ``weight`` = documents, ``docs`` = ids.

    Covers the corpus's own documents and the cited ones whose issuers the
    citation names (e.g. 国家发展改革委 with 国家数据局).

    >>> from policykg.api import graph_of_texts
    >>> G = co_issuance_network(graph_of_texts({"demo-a": DEMO_A}))
    >>> G.number_of_edges()
    0
    """
    import networkx as nx
    by_doc: dict[str, set[str]] = defaultdict(set)
    for r in g.rels:
        if r.type == REL.ISSUED:
            by_doc[r.dst].add(r.src)
        elif r.type == REL.ISSUED_BY:
            by_doc[r.src].add(r.dst)
    G = nx.Graph()
    for doc, actors in by_doc.items():
        for a in actors:
            G.add_node(a, label=g.nodes[a].props.get("label"), labels=g.nodes[a].labels)
        for a, b in combinations(sorted(actors), 2):
            if G.has_edge(a, b):
                G[a][b]["weight"] += 1
                G[a][b]["docs"].append(doc)
            else:
                G.add_edge(a, b, weight=1, docs=[doc])
    return G


def co_agency_network(g: PGraph) -> nx.Graph:
    """Actors joined when they are agents of the same measure (会同/联合 duties); ``weight`` = measures.

    >>> from policykg.api import graph_of_texts
    >>> G = co_agency_network(graph_of_texts({"demo-a": DEMO_A}))
    >>> sorted(G.nodes[n]["label"] for n in G.neighbors("actor:jiangsu/government/finance-department"))
    ['江苏省人民政府发展改革部门', '江苏省人民政府工业和信息化部门']
    """
    import networkx as nx
    G = nx.Graph()
    for n in g.nodes.values():
        if n.key == LABEL.Actor:
            G.add_node(n.id, label=n.props.get("label"), labels=n.labels)
    adj = g.adjacency()
    clauses: dict[tuple, set[str]] = defaultdict(set)   # a clause's measures: one record per agent
    for m in g.nodes.values():
        if m.key == LABEL.Measure:
            clauses[(m.props.get("doc"), m.props.get("start"), m.props.get("end"))].update(
                adj.targets(m.id, REL.HAS_AGENT))
    for actors in clauses.values():
        for a, b in combinations(sorted(actors), 2):
            if G.has_edge(a, b):
                G[a][b]["weight"] += 1
            else:
                G.add_edge(a, b, weight=1)
    G.remove_nodes_from([n for n in list(G) if G.degree(n) == 0])
    return G


def instrument_mix(g: PGraph, by: str = "jurisdiction", share: bool = False) -> pd.DataFrame:
    """Measures using supply / environment / demand instruments (供给型/环境型/需求型) per jurisdiction or document.

    A measure using instruments of two categories counts once in each.  With
    ``share=True`` each row sums to 1.

    >>> from policykg.api import graph_of_texts
    >>> g = graph_of_texts({"demo-a": DEMO_A, "demo-b": DEMO_B})
    >>> instrument_mix(g)
    category      supply  environment  demand
    jurisdiction                             
    安徽省                2            0       2
    江苏省                2            0       3
    """
    import pandas as pd
    if by not in ("jurisdiction", "doc"):
        raise ValueError("by is 'jurisdiction' or 'doc'")
    counts: Counter = Counter()
    df = measures_frame(g)
    for _, row in df.iterrows():
        for c in row["categories"]:
            counts[(row[by], c)] += 1
    index = sorted({k for k, _ in counts})
    table = pd.DataFrame([[counts.get((i, c), 0) for c in RZ_COLUMNS] for i in index],
                         index=pd.Index(index, name=by), columns=pd.Index(list(RZ_COLUMNS), name="category"))
    if share:
        table = table.div(table.sum(axis=1).where(lambda s: s > 0, 1), axis=0)
    return table


def department_centrality(g: PGraph) -> pd.DataFrame:
    """Departments (and other government bodies) ranked by their place in the co-agency network.

    Columns: ``measures`` they are agents of, ``obligations`` among them
    (应当/负责…), ``partners`` (degree), ``betweenness`` (normalized).

    >>> from policykg.api import graph_of_texts
    >>> df = department_centrality(graph_of_texts({"demo-a": DEMO_A}))
    >>> df.loc["江苏省人民政府财政部门", ["measures", "obligations", "partners"]].tolist()
    [1, 1, 2]
    """
    import networkx as nx
    import pandas as pd
    G = co_agency_network(g)
    between = nx.betweenness_centrality(G, weight=None, normalized=True) if len(G) > 2 else {n: 0.0 for n in G}
    measures: Counter = Counter()
    obligations: Counter = Counter()
    for r in g.rels:
        if r.type == REL.HAS_AGENT:
            measures[r.dst] += 1
            if g.nodes[r.src].props.get("modality") == "obligation":
                obligations[r.dst] += 1
    rows = []
    for n in g.nodes.values():
        if n.key == LABEL.Actor and (LABEL.Department in n.labels or LABEL.GovernmentBody in n.labels) \
                and measures[n.id]:
            rows.append({"actor": n.props.get("label"), "id": n.id,
                         "type": LABEL.Department if LABEL.Department in n.labels else LABEL.GovernmentBody,
                         "measures": measures[n.id], "obligations": obligations[n.id],
                         "partners": G.degree(n.id) if n.id in G else 0,
                         "betweenness": round(between.get(n.id, 0.0), 4)})
    df = pd.DataFrame(rows, columns=["actor", "id", "type", "measures", "obligations", "partners", "betweenness"])
    return df.sort_values(["betweenness", "measures", "actor"], ascending=[False, False, True]).set_index("actor")
