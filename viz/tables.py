"""Views as tables: heat matrices (jurisdiction × instrument type, instrument type × domain, actor level ×
modality) and the targets timeline (year × domain), each cell holding the sentences behind its count.

A :class:`Grid` is plain data — rows, columns (optionally banded, e.g. by Rothwell–Zegveld category) and
cells — that :mod:`.html` draws as a heat table and :mod:`.static` as a heatmap or a dot timeline.
Counts are distinct measures (or targets): a measure using two instruments of one type counts once.

>>> from policykg.api import DEMO_A, graph_of_texts
>>> v = jurisdiction_instruments(graph_of_texts({"demo-a": DEMO_A}))
>>> v.grid.rows, v.grid.cols[0], v.grid.count("江苏省", "supply")
([('江苏省', '江苏省')], ('supply', '供给型'), 2)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from policykg.graph.property import PGraph
from policykg.ontology import vocabulary
from policykg.ontology.cypher import LABEL, REL

from .style import look, style
from .views import NODE_LIMIT, Evidence, View, _Index

#: government levels (keys of the ontology's lvl scheme) in the order rows are shown
_LEVEL_ORDER = ("national", "province", "city-and-above", "city", "county-and-above", "county", "township")

__all__ = ["Cell", "Grid", "jurisdiction_instruments", "instruments_domains", "actor_modality", "targets_timeline",
           "domain_group"]

NO_JURISDICTION = "（未注明辖区）"
NO_LEVEL = "（非政府或未注明层级）"
NO_AGENT = "（未注明主体）"
CATEGORY_TOTAL = "合计 by category"


@dataclass(slots=True)
class Cell:
    count: int
    evidence: list[Evidence] = field(default_factory=list)
    items: list[str] = field(default_factory=list)          # timeline: the targets' short labels


@dataclass(slots=True)
class Grid:
    kind: str                                # "heat" (a count per cell) or "timeline" (targets per cell)
    row_title: str
    col_title: str
    rows: list[tuple[str, str]]              # (key, label), top to bottom
    cols: list[tuple[str, str]]              # (key, label), left to right
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)
    bands: list[tuple[str, int, str]] = field(default_factory=list)   # column bands: (label, span, colour)
    unit: str = "measures"
    totals: dict[str, int] = field(default_factory=dict)    # row or column key → distinct measures in it

    def count(self, row: str, col: str) -> int:
        c = self.cells.get((row, col))
        return c.count if c else 0

    def summary(self) -> str:
        return f"{len(self.rows)} rows × {len(self.cols)} columns, {len(self.cells)} non-empty cells"


def _itype_label(key: str) -> str:
    c = vocabulary().by_scheme.get("itype", {}).get(key)
    return c.pref.replace("（类）", "") if c else key


def _category_label(cat: str) -> str:
    c = vocabulary().by_scheme.get("rz", {}).get(cat)
    return c.pref if c else "未分类"


def _categories() -> list[str]:
    return list(style()["instrument"]["categories"])


def _instrument_type(idx: _Index, inst: str) -> tuple[str, str]:
    """(category, type key) of an instrument node."""
    p = idx.g.nodes[inst].props
    return p.get("category") or "uncategorized", p.get("instrumentType") or "PolicyInstrument"


def domain_group(idx: _Index) -> dict[str, str]:
    """Domain id → the domain one step below the root of its ``BROADER`` chain (the root maps to itself)."""
    parent = {r.src: r.dst for r in idx.g.rels if r.type == REL.BROADER and r.src in idx.g.nodes
              and idx.g.nodes[r.src].key == LABEL.Domain}
    out = {}
    for d, n in idx.g.nodes.items():
        if n.key != LABEL.Domain:
            continue
        chain = [d]
        while chain[-1] in parent and len(chain) < 20:
            chain.append(parent[chain[-1]])
        out[d] = chain[-2] if len(chain) > 1 else chain[-1]
    return out


class _Counter:
    """Measures per (row, column), then cells with their evidence."""

    def __init__(self, idx: _Index):
        self.idx = idx
        self.hits: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))

    def add(self, row: str, col: str, measure: str, ends: Iterable[str] = ()) -> None:
        self.hits[(row, col)][measure].update(ends)

    def cells(self) -> dict[tuple[str, str], Cell]:
        out = {}
        for key, ms in self.hits.items():
            ev = [self.idx.marked(m, ends) for m, ends in sorted(ms.items())]
            seen, unique = set(), []
            for e in ev:
                if (e.doc, e.text) not in seen:
                    seen.add((e.doc, e.text))
                    unique.append(e)
            out[key] = Cell(len(ms), unique)
        return out

    def totals(self) -> dict[str, int]:
        """Distinct measures per row and per column (a measure in two cells of a row counts once)."""
        rows: dict[str, set[str]] = defaultdict(set)
        cols: dict[str, set[str]] = defaultdict(set)
        for (r, c), ms in self.hits.items():
            rows[r].update(ms)
            cols[c].update(ms)
        return {**{c: len(v) for c, v in cols.items()}, **{r: len(v) for r, v in rows.items()}}


def _measures(idx: _Index) -> list[str]:
    return sorted(m for m in idx.sentence if idx.g.nodes[m].key == LABEL.Measure and idx.sentence[m].doc in idx.corpus_docs)


def _ordered(keys: Iterable[str], totals: dict[str, int]) -> list[str]:
    return sorted(set(keys), key=lambda k: (-totals.get(k, 0), k))


def _type_columns(idx: _Index, by_type: dict[tuple[str, str], int]) -> tuple[list[tuple[str, str]], list]:
    """Instrument-type columns grouped by category (each band ordered by count), and the bands."""
    cols, bands = [], []
    cats = _categories() + sorted({c for c, _ in by_type} - set(_categories()))
    for cat in cats:
        types = sorted((t for c, t in by_type if c == cat), key=lambda t: (-by_type[(cat, t)], t))
        if types:
            cols += [(f"{cat}/{t}", _itype_label(t)) for t in types]
            bands.append((_category_label(cat), len(types), look(f"instrument-{cat}")["color"]))
    return cols, bands


def jurisdiction_instruments(g: PGraph, limit: int = NODE_LIMIT) -> View:
    """Jurisdictions × Rothwell–Zegveld categories and instrument types: how many measures use each."""
    idx = _Index(g)
    counter = _Counter(idx)
    by_type: dict[tuple[str, str], int] = defaultdict(int)
    for m in _measures(idx):
        row = idx.jurisdiction.get(idx.sentence[m].doc) or NO_JURISDICTION
        for inst in idx.out[m].get(REL.USES_INSTRUMENT, []):
            cat, t = _instrument_type(idx, inst)
            counter.add(row, f"{cat}/{t}", m, [inst])
            counter.add(row, cat, m, [inst])
    for (_, col), ms in counter.hits.items():
        if "/" in col:
            cat, t = col.split("/", 1)
            by_type[(cat, t)] += len(ms)
    type_cols, bands = _type_columns(idx, by_type)
    cats = [c for c in _categories() + ["uncategorized"] if any(k[1] == c for k in counter.hits)]
    rows = _ordered({r for r, _ in counter.hits}, {r: sum(len(v) for (rr, c), v in counter.hits.items()
                                                        if rr == r and "/" not in c) for r, _ in counter.hits})
    grid = Grid("heat", "辖区 jurisdiction", "政策工具 instrument type", [(r, r) for r in rows],
                [(c, _category_label(c)) for c in cats] + type_cols, counter.cells(),
                [(CATEGORY_TOTAL, len(cats), "#555555")] + bands, totals=counter.totals())
    view = View("jurisdiction-instruments", "辖区 × 政策工具类型 · jurisdiction × instrument type")
    view.grid = grid
    view.notes.append("Cell = measures of the jurisdiction's documents that use an instrument of the type "
                      "(the first columns sum by Rothwell–Zegveld category; a measure counts once per cell). "
                      "Click a cell for its sentences.")
    return view


def instruments_domains(g: PGraph, limit: int = NODE_LIMIT) -> View:
    """Instrument types × domain areas (domains folded into the area below the root of the domain scheme)."""
    idx = _Index(g)
    group = domain_group(idx)
    counter = _Counter(idx)
    row_total: dict[str, int] = defaultdict(int)
    col_total: dict[str, int] = defaultdict(int)
    for m in _measures(idx):
        doms = idx.out[m].get(REL.CONCERNS_DOMAIN, [])
        for inst in idx.out[m].get(REL.USES_INSTRUMENT, []):
            cat, t = _instrument_type(idx, inst)
            for d in doms:
                counter.add(f"{cat}/{t}", group.get(d, d), m, [inst, d])
    for (r, c), ms in counter.hits.items():
        row_total[r] += len(ms)
        col_total[c] += len(ms)
    rows: list[tuple[str, str]] = []
    bands = []
    for cat in _categories() + ["uncategorized"]:
        mine = _ordered((r for r in row_total if r.split("/", 1)[0] == cat), row_total)
        rows += [(r, f"{_category_label(cat)} · {_itype_label(r.split('/', 1)[1])}") for r in mine]
        if mine:
            bands.append((_category_label(cat), len(mine), look(f"instrument-{cat}")["color"]))
    cols = [(c, g.nodes[c].props.get("label") or c) for c in _ordered(col_total, col_total)]
    grid = Grid("heat", "政策工具 instrument type", "领域 domain area", rows, cols, counter.cells(),
                totals=counter.totals())
    grid.bands = []                   # the category is in each row label
    view = View("instruments-domains", "政策工具类型 × 领域 · instrument type × domain")
    view.grid = grid
    view.notes.append("Cell = measures using an instrument of the type in a domain of the area (domains are "
                      "folded into the areas just below 数字经济). Click a cell for its sentences.")
    return view


def actor_modality(g: PGraph, limit: int = NODE_LIMIT) -> View:
    """Government level of the measures' agents × modality (义务, 授权, 倡导, 禁止)."""
    idx = _Index(g)
    counter = _Counter(idx)
    mod_label: dict[str, str] = {}
    for m in _measures(idx):
        p = g.nodes[m].props
        mod = p.get("modality") or "unknown"
        mod_label[mod] = p.get("modalityLabel") or mod
        agents = idx.out[m].get(REL.HAS_AGENT, [])
        if not agents:
            counter.add(NO_AGENT, mod, m)
        for a in agents:
            counter.add(g.nodes[a].props.get("levelLabel") or NO_LEVEL, mod, m, [a])
    totals: dict[str, int] = defaultdict(int)
    col_totals: dict[str, int] = defaultdict(int)
    for (r, c), ms in counter.hits.items():
        totals[r] += len(ms)
        col_totals[c] += len(ms)
    lvl = {c.key: c.pref for c in vocabulary().scheme("lvl")}
    order = [lvl[k] for k in _LEVEL_ORDER if k in lvl]         # from the top of government down
    rows = sorted(totals, key=lambda r: (order.index(r) if r in order else len(order) + (r == NO_AGENT), -totals[r], r))
    cols = _ordered(col_totals, col_totals)
    grid = Grid("heat", "主体层级 actor level", "情态 modality", [(r, r) for r in rows],
                [(c, mod_label[c]) for c in cols], counter.cells(), totals=counter.totals())
    view = View("actor-modality", "主体层级 × 情态 · actor level × modality")
    view.grid = grid
    view.notes.append("Cell = measures with an agent of the level and the modality (a measure with agents at two "
                      "levels counts in both rows). Click a cell for its sentences.")
    return view


def _year(p: dict) -> int | None:
    try:
        return int(str(p.get("year"))[:4])
    except (TypeError, ValueError):
        return None


def targets_timeline(g: PGraph, limit: int = NODE_LIMIT) -> View:
    """Targets by the year they are due and the domain area they concern; documents at their year of issue."""
    idx = _Index(g)
    group = domain_group(idx)
    depth = _depths(idx)
    hits: dict[tuple[str, str], list[str]] = defaultdict(list)
    issued: dict[str, set[str]] = defaultdict(set)
    for t, ev in sorted(idx.sentence.items()):
        n = g.nodes[t]
        year = _year(n.props) if n.key == LABEL.Target else None
        if year is None:
            continue
        doms = idx.out[t].get(REL.CONCERNS_DOMAIN, [])
        row = group.get(max(doms, key=lambda d: (depth.get(d, 0), d)), "") if doms else ""
        hits[(row or "—", str(year))].append(t)
        doc = g.nodes[idx.doc_node[ev.doc]].props if ev.doc in idx.doc_node else {}
        y = str(doc.get("dateIssued") or doc.get("dateAdopted") or "")[:4]
        if y.isdigit():
            issued[y].add(ev.doc)
    years = sorted({int(y) for _, y in hits} | {int(y) for y in issued})
    cols = [(str(y), str(y)) for y in range(years[0], years[-1] + 1)] if years else []
    cells = {}
    for key, ts in hits.items():
        cells[key] = Cell(len(ts), [idx.marked(t) for t in ts], [_target_label(g.nodes[t].props) for t in ts])
    totals: dict[str, int] = defaultdict(int)
    for (r, _), ts in hits.items():
        totals[r] += len(ts)
    rows = [(r, g.nodes[r].props.get("label", r) if r in g.nodes else r) for r in _ordered(totals, totals)]
    if issued:
        rows.insert(0, ("issued", "文件发布 issued"))
        for y, docs in issued.items():
            cells[("issued", y)] = Cell(len(docs), [], sorted(_doc_title(idx, d) for d in docs))
    view = View("targets-timeline", "目标时间线 · targets by year and domain")
    view.grid = Grid("timeline", "领域 domain area", "年份 year", rows, cols, cells, unit="targets")
    view.notes.append("A dot per target at the year it is due, in the domain area it concerns (its most specific "
                      "domain's area); the top row shows when the documents were issued. Click a cell for the "
                      "targets' sentences.")
    return view


def _depths(idx: _Index) -> dict[str, int]:
    parent = {r.src: r.dst for r in idx.g.rels if r.type == REL.BROADER}
    out = {}
    for d in parent:
        n, cur = 0, d
        while cur in parent and n < 20:
            cur, n = parent[cur], n + 1
        out[d] = n
    return out


def _target_label(p: dict) -> str:
    text = f"{p.get('metric') or ''} {p.get('text') or ''}".strip()
    return text if len(text) <= 40 else text[:39] + "…"


def _doc_title(idx: _Index, doc: str) -> str:
    p = idx.g.nodes[idx.doc_node[doc]].props
    title = p.get("title") or doc
    return f"{title if len(title) <= 30 else title[:29] + '…'}（{p.get('dateIssued') or p.get('dateAdopted') or ''}）"


def _register() -> None:
    from .views import VIEWS, ViewSpec
    for name, make, help in (
            ("jurisdiction-instruments", jurisdiction_instruments,
             "matrix: jurisdiction × instrument category and type (measures per cell)"),
            ("instruments-domains", instruments_domains, "matrix: instrument type × domain area (measures per cell)"),
            ("actor-modality", actor_modality, "matrix: actor level × modality (义务/授权/倡导/禁止)"),
            ("targets-timeline", targets_timeline, "targets by the year due and domain area")):
        VIEWS.register(name, ViewSpec(name, make, help=help))


_register()
