"""What the browser app's pages show, read from the build's LadybugDB database by Cypher.

Every row of evidence carries its document, its provision (labelled as a reader cites it) and its
sentence split around the span, so that a template can highlight the span without building HTML.
Queries take values only as parameters; table names come from the fixed :data:`ENTITY_TABLES`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from policykg.viz.provisions import provision_label

__all__ = ["ENTITY_TABLES", "MODALITIES", "Hit", "Piece", "Evidence", "Entity", "Section", "Comparison", "search", "entity",
           "section", "jurisdictions", "compare", "PAGE_SIZE"]

#: the node tables a user searches, with their names in the app
ENTITY_TABLES = {"Actor": "actor", "PolicyInstrument": "instrument", "Domain": "domain", "Region": "region"}
#: modality → label, in the order the tables show them
MODALITIES = {"obligation": "义务", "authorization": "授权", "encouragement": "鼓励", "prohibition": "禁止"}
PAGE_SIZE = 20
_SEARCH_LIMIT = 60


@dataclass(frozen=True, slots=True)
class Hit:
    id: str
    label: str
    kind: str                       # actor, instrument, domain, region
    detail: str                     # type, category or level
    mentions: int


#: a piece of a sentence and whether it names the entity the page is about
Piece = tuple[str, bool]


@dataclass(frozen=True, slots=True)
class Evidence:
    """One statement or mention with its sentence split around its span (``before``, ``span``,
    ``after``), each part cut into pieces where the page's entity is named."""
    id: str
    doc: str
    doc_title: str
    provision: str
    provision_label: str
    before: tuple[Piece, ...]
    span: tuple[Piece, ...]
    after: tuple[Piece, ...]
    cells: tuple[Any, ...]          # the section's own columns (modality, value, …)

    @property
    def span_text(self) -> str:
        return "".join(t for t, _ in self.span)


@dataclass(slots=True)
class Section:
    name: str                       # measures, targets, parameters, mentions
    title: str
    columns: tuple[str, ...]
    rows: list[Evidence]
    total: int
    page: int
    pages: int


@dataclass(slots=True)
class Entity:
    id: str
    table: str
    kind: str
    label: str
    facts: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class Comparison:
    a: Hit
    b: Hit
    documents: dict[str, list[tuple[str, str]]]             # region id → [(doc id, title)]
    modalities: list[tuple[str, int, int]]                  # (label, count in a, count in b)
    instruments: list[tuple[str, str, str, list[int]]]      # (id, label, category, counts a×modality + b×modality)
    domains: list[tuple[str, str, int, int]]


# --- search ----------------------------------------------------------------------------------------

_DETAIL = {"Actor": "n.levelLabel", "PolicyInstrument": "n.categoryLabel", "Domain": "n.labelEn",
           "Region": "n.levelLabel"}


def search(stores, text: str) -> list[Hit]:
    """Actors, instruments, domains and regions whose label (or alternative label) contains ``text``."""
    text = text.strip()
    if not text:
        return []
    hits: list[Hit] = []
    for table, kind in ENTITY_TABLES.items():
        cols = stores.columns(table)
        alt = " OR list_to_string('|', n.altLabels) CONTAINS $q" if "altLabels" in cols else ""
        detail = _DETAIL[table] if _DETAIL[table][2:] in cols else "''"
        rows = stores.read(
            f"MATCH (n:{table}) WHERE n.label CONTAINS $q{alt} "
            f"OPTIONAL MATCH (m:Mention)-[:DENOTES]->(n) "
            f"RETURN n.id, n.label, {detail}, count(m) AS c ORDER BY c DESC, n.label LIMIT {_SEARCH_LIMIT}",
            {"q": text})
        hits += [Hit(i, label or i, kind, d or "", c) for i, label, d, c in rows]
    return sorted(hits, key=lambda h: (h.label != text, not h.label.startswith(text), -h.mentions, h.label))


# --- entity ----------------------------------------------------------------------------------------

_FACTS = {"Actor": (("type", "labels"), ("level", "levelLabel"), ("alternative labels", "altLabels")),
          "PolicyInstrument": (("type", "instrumentType"), ("category", "categoryLabel"), ("English", "labelEn"),
                               ("alternative labels", "altLabels")),
          "Domain": (("English", "labelEn"), ("alternative labels", "altLabels")),
          "Region": (("level", "levelLabel"), ("code", "adminCode"), ("English", "labelEn"))}


def entity(stores, entity_id: str) -> Entity | None:
    for table, kind in ENTITY_TABLES.items():
        rows = stores.read(f"MATCH (n:{table}) WHERE n.id = $id RETURN n", {"id": entity_id})
        if rows:
            n = rows[0][0]
            facts = []
            for name, key in _FACTS[table]:
                v = n.get(key)
                if isinstance(v, list):
                    v = "、".join(str(x) for x in v if x not in (table, "NamedActor"))
                if v not in (None, "", []):
                    facts.append((name, str(v)))
            return Entity(n["id"], table, kind, n.get("label") or n["id"], facts)
    return None


#: per section and table: the MATCH that binds the statement ``n`` (and extra columns), or None
_SELECTORS: dict[str, dict[str, str]] = {
    "measures": {
        "Actor": "MATCH (n:Measure)-[r:HAS_AGENT|HAS_BENEFICIARY|HAS_RESPONSIBLE_UNIT]->(x:Actor)",
        "PolicyInstrument": "MATCH (n:Measure)-[r:USES_INSTRUMENT]->(x:PolicyInstrument)",
        "Domain": "MATCH (n:Measure)-[r:CONCERNS_DOMAIN]->(x:Domain)",
        "Region": "MATCH (n:Measure)-[r:FROM_SENTENCE]->(:Sentence)-[:IN_DOCUMENT]->(:PolicyDocument)"
                  "-[:IN_JURISDICTION]->(x:Region)",
    },
    "targets": {
        "Actor": "MATCH (n:Target)-[r:FROM_SENTENCE]->(:Sentence)-[:IN_DOCUMENT]->(:PolicyDocument)"
                 "<-[:ISSUED]-(x:Actor)",
        "Domain": "MATCH (n:Target)-[r:CONCERNS_DOMAIN]->(x:Domain)",
        "Region": "MATCH (n:Target)-[r:IN_JURISDICTION]->(x:Region)",
    },
    "parameters": {
        "PolicyInstrument": "MATCH (x:PolicyInstrument)-[r:HAS_PARAMETER]->(n:Parameter)",
        "Domain": "MATCH (x:Domain)<-[:IN_DOMAIN]-(:PolicyInstrument)-[r:HAS_PARAMETER]->(n:Parameter)",
        "Actor": "MATCH (x:Actor)<-[:HAS_AGENT]-(:Measure)-[:FROM_SENTENCE]->(:Sentence)"
                 "<-[r:FROM_SENTENCE]-(n:Parameter)",
        "Region": "MATCH (n:Parameter)-[r:FROM_SENTENCE]->(:Sentence)-[:IN_DOCUMENT]->(:PolicyDocument)"
                  "-[:IN_JURISDICTION]->(x:Region)",
    },
    "mentions": {table: f"MATCH (n:Mention)-[r:DENOTES]->(x:{table})" for table in ENTITY_TABLES},
}

#: per section: title, the columns of its own, and the Cypher expressions that give them
_COLUMNS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "measures": ("Measures", ("role", "modality", "action"),
                 "roles, n.modalityLabel, n.action"),
    "targets": ("Targets", ("metric", "value", "unit", "year"), "n.metric, n.`value`, n.unit, n.year"),
    "parameters": ("Parameters", ("instrument", "type", "value", "unit", "per"),
                   "n.instrumentText, n.parameterType, n.`value`, n.unit, n.per"),
    "mentions": ("Mentions", ("as written",), "n.text"),
}

_ROLES = {"HAS_AGENT": "agent", "HAS_BENEFICIARY": "beneficiary", "HAS_RESPONSIBLE_UNIT": "responsible",
          "USES_INSTRUMENT": "instrument", "CONCERNS_DOMAIN": "domain", "FROM_SENTENCE": "in jurisdiction"}


def _cell(v: Any) -> Any:
    if isinstance(v, list):
        return ", ".join(_ROLES.get(str(x), str(x)) for x in v)
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def section(stores, ent: Entity, name: str, page: int = 1) -> Section | None:
    """One page of a section (measures, targets, parameters, mentions) of an entity; None when the
    section does not apply to the entity's kind."""
    match = _SELECTORS[name].get(ent.table)
    if match is None:
        return None
    title, columns, exprs = _COLUMNS[name]
    where = f"{match} WHERE x.id = $id"
    counted = stores.read(f"{where} RETURN count(DISTINCT n)", {"id": ent.id})
    total = int(counted[0][0]) if counted else 0
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(page, 1), pages)
    rows = stores.read(
        f"{where} WITH n, collect(DISTINCT label(r)) AS roles "
        "MATCH (n)-[:FROM_SENTENCE]->(s:Sentence)-[:IN_DOCUMENT]->(d:PolicyDocument), "
        "(n)-[:FROM_PROVISION]->(p:Provision) "
        f"RETURN n.id, d.identifier, d.title, p.id, s.text, n.`start` - s.`start`, n.`end` - s.`start`, n.text, s.id, "
        f"{exprs} ORDER BY d.identifier, n.`start`, n.id SKIP $skip LIMIT $limit",
        {"id": ent.id, "skip": (page - 1) * PAGE_SIZE, "limit": PAGE_SIZE})
    labels = provision_labels(stores, {r[3] for r in rows})
    named = _named(stores, ent, sorted({r[8] for r in rows}))
    out = [_evidence(r, labels, named) for r in rows]
    return Section(name, title, columns, out, total, page, pages)


def _named(stores, ent: Entity, sentence_ids: list[str]) -> dict[str, list[tuple[int, int]]]:
    """Sentence id → where in it the entity is named (its mentions' offsets within the sentence)."""
    if not sentence_ids:
        return {}
    rows = stores.read(f"MATCH (m:Mention)-[:DENOTES]->(x:{ent.table}), (m)-[:FROM_SENTENCE]->(s:Sentence) "
                       "WHERE x.id = $id AND s.id IN $sids "
                       "RETURN s.id, m.`start` - s.`start`, m.`end` - s.`start`",
                       {"id": ent.id, "sids": sentence_ids})
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for sid, a, b in rows:
        out[sid].append((int(a), int(b)))
    return out


def _pieces(sentence: str, lo: int, hi: int, named: list[tuple[int, int]]) -> tuple[Piece, ...]:
    """``sentence[lo:hi]`` cut where the entity is named."""
    out: list[Piece] = []
    pos = lo
    for a, b in sorted(named):
        a, b = max(a, pos), min(b, hi)
        if a >= b:
            continue
        if a > pos:
            out.append((sentence[pos:a], False))
        out.append((sentence[a:b], True))
        pos = b
    if pos < hi:
        out.append((sentence[pos:hi], False))
    return tuple(out)


def _evidence(r: list[Any], labels: dict[str, str], named: dict[str, list[tuple[int, int]]]) -> Evidence:
    nid, doc, title, pid, sentence, a, b, text, sid, *cells = r
    sentence = sentence or ""
    if not (isinstance(a, int) and isinstance(b, int) and 0 <= a <= b <= len(sentence)
            and sentence[a:b] == (text or sentence[a:b])):
        found = sentence.find(text or "\0")             # offsets that do not fit: find the span by its text
        a, b = (found, found + len(text)) if found >= 0 and text else (0, 0)
    where = named.get(sid, [])
    return Evidence(nid, doc or "", title or doc or "", pid, labels.get(pid, pid), _pieces(sentence, 0, a, where),
                    _pieces(sentence, a, b, where), _pieces(sentence, b, len(sentence), where),
                    tuple(_cell(c) for c in cells))


def provision_labels(stores, ids: set[str]) -> dict[str, str]:
    """Provision id → its label as a reader cites it (第十二条第2款), from the PART_OF chains."""
    chains: dict[str, list[dict[str, Any]]] = {}
    parent: dict[str, str | None] = {}
    props: dict[str, dict[str, Any]] = {}
    todo = set(ids)
    while todo:
        cols = ", ".join(_prop(stores, "Provision", "p", c) for c in ("level", "levelLabel", "marker", "number"))
        rows = stores.read("MATCH (p:Provision) WHERE p.id IN $ids OPTIONAL MATCH (p)-[:PART_OF]->(q:Provision) "
                           f"RETURN p.id, {cols}, q.id", {"ids": sorted(todo)})
        for pid, level, level_label, marker, number, up in rows:
            props[pid] = {"level": level, "levelLabel": level_label, "marker": marker, "number": number}
            parent[pid] = up
        todo = {p for p in parent.values() if p and p not in parent}
    siblings: dict[str, int] = defaultdict(int)
    parents = sorted({p for p in parent.values() if p})
    if parents:
        rows = stores.read("MATCH (c:Provision)-[:PART_OF]->(q:Provision) WHERE q.id IN $ids "
                           "AND c.level = 'paragraph' RETURN q.id, count(c)", {"ids": parents})
        siblings.update({q: int(n) for q, n in rows})
    for pid in ids:
        chain: list[dict[str, Any]] = []
        cur: str | None = pid
        while cur and cur in props and len(chain) < 12:
            chain.append(props[cur] | {"siblings": siblings.get(parent.get(cur) or "", 0)})
            cur = parent.get(cur)
        chains[pid] = chain[::-1]
    return {pid: provision_label(chain) or pid.split("/", 1)[-1] for pid, chain in chains.items()}


def _prop(stores, table: str, var: str, column: str) -> str:
    """``var.column``, or NULL when no node of ``table`` has that column in this build."""
    return f"{var}.`{column}`" if column in stores.columns(table) else "NULL"


# --- jurisdictions ---------------------------------------------------------------------------------

def jurisdictions(stores) -> list[Hit]:
    """The regions that documents of the build belong to, with their number of documents."""
    rows = stores.read("MATCH (d:PolicyDocument)-[:IN_JURISDICTION]->(r:Region) "
                       "RETURN r.id, r.label, r.levelLabel, count(d) AS c ORDER BY c DESC, r.label")
    return [Hit(i, label or i, "region", level or "", c) for i, label, level, c in rows]


def _region(stores, name: str) -> Hit | None:
    name = name.strip()
    return next((h for h in jurisdictions(stores) if name in (h.id, h.label)), None)


def compare(stores, a: str, b: str) -> Comparison | None:
    """Measures of two jurisdictions' documents side by side: by modality, by instrument and modality,
    by domain.  None when either is not a jurisdiction of the build."""
    ra, rb = _region(stores, a), _region(stores, b)
    if ra is None or rb is None:
        return None
    base = ("MATCH (n:Measure)-[:FROM_SENTENCE]->(:Sentence)-[:IN_DOCUMENT]->(d:PolicyDocument)"
            "-[:IN_JURISDICTION]->(x:Region) WHERE x.id = $id ")
    docs: dict[str, list[tuple[str, str]]] = {}
    by_mod: dict[str, dict[str, int]] = {}
    by_inst: dict[str, dict[tuple[str, str], int]] = {}
    by_dom: dict[str, dict[str, Any]] = {}
    meta: dict[str, tuple[str, str]] = {}
    for r in (ra, rb):
        rows = stores.read("MATCH (d:PolicyDocument)-[:IN_JURISDICTION]->(x:Region) WHERE x.id = $id "
                           "RETURN d.identifier, d.title ORDER BY d.identifier", {"id": r.id})
        docs[r.id] = [(i, t or i) for i, t in rows]
        rows = stores.read(base + "RETURN n.modality, count(DISTINCT n)", {"id": r.id})
        by_mod[r.id] = {m: int(c) for m, c in rows}
        rows = stores.read(base + "MATCH (n)-[:USES_INSTRUMENT]->(i:PolicyInstrument) "
                           "RETURN i.id, i.label, i.categoryLabel, n.modality, count(DISTINCT n)", {"id": r.id})
        for iid, label, category, modality, c in rows:
            meta[iid] = (label or iid, category or "")
            by_inst.setdefault(iid, {})[(r.id, modality)] = int(c)
        rows = stores.read(base + "MATCH (n)-[:CONCERNS_DOMAIN]->(m:Domain) "
                           "RETURN m.id, m.label, count(DISTINCT n)", {"id": r.id})
        for did, label, c in rows:
            by_dom.setdefault(did, {"label": label or did})[r.id] = int(c)
    modalities = [(label, by_mod[ra.id].get(m, 0), by_mod[rb.id].get(m, 0)) for m, label in MODALITIES.items()]
    instruments = [(iid, *meta[iid], [by_inst[iid].get((r.id, m), 0) for r in (ra, rb) for m in MODALITIES])
                   for iid in by_inst]
    instruments.sort(key=lambda x: (-sum(x[3]), x[1]))
    domains = sorted(((did, d["label"], d.get(ra.id, 0), d.get(rb.id, 0)) for did, d in by_dom.items()),
                     key=lambda x: (-(x[2] + x[3]), x[1]))
    return Comparison(ra, rb, docs, modalities, instruments, domains)
