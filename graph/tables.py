"""Tidy tables of a build for pandas and R: the dataset a quantitative policy researcher codes by hand.

One row per thing, one column per variable: documents, provisions, sentences, actors,
instruments, domains, measures (one row per measure × agent), targets, parameters,
statistics, sanctions and citations.  Every table's ``id`` is the node id the graph uses
(``measure:jiangsu-2025/3f2a9c81d0``, ``actor:jiangsu/government``, ``inst:compute-voucher``,
``provision:jiangsu-2025/pt2/it3``), and every statement row carries its evidence:
``doc``, ``provision``, ``sentence`` (ids), ``start``/``end`` (character offsets into the
document's normalized text, as in the graph), ``text`` (the span) and ``sentence_text``.
Several values in one cell (a measure's instruments) are joined with ``;``.

The tables are made from the build's ``documents.jsonl`` and ``extractions.jsonl``, read a
line at a time (never from ``graph.json``).  :func:`export_tables` writes them as Parquet
and/or CSV (UTF-8 with a byte-order mark, so that Excel reads the Chinese) into a folder,
atomically; :func:`load_tables` returns them as pandas DataFrames, read from the folder
``BUILD/tables`` when it was exported from the current build, else made in memory.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from policykg.errors import GraphError, InputError
from policykg.extract.records import (
    ActorRecord,
    ActorRef,
    CitationRecord,
    MeasureRecord,
    ParameterRecord,
    Record,
    SanctionRecord,
    StatisticRecord,
    TargetRecord,
    record_from_json,
)
from policykg.ontology import vocabulary
from policykg.ontology.prefixes import expand

from .kg import cited_key
from .property import compact_id

__all__ = ["TABLES", "COLUMNS", "FORMATS", "build_tables", "export_tables", "read_tables", "load_tables",
           "tables_current"]

#: bump when a table's columns change: an export of another version is not read back
TABLES_VERSION = 1
#: the folder :func:`load_tables` looks in, inside a build
TABLES_DIR = "tables"
STAMP = "tables.json"
FORMATS = ("parquet", "csv")

EVIDENCE = ("doc", "provision", "sentence", "start", "end", "text", "sentence_text")

#: table → its columns, in order
COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("id", "doc", "title", "doc_type", "doc_type_label", "jurisdiction", "jurisdiction_label",
                  "issuers", "issuer_ids", "adopted", "issued", "effective", "status", "source_url", "path",
                  "format", "sha256", "chars", "provisions", "sentences"),
    "provisions": ("id", "doc", "level", "number", "marker", "heading", "parent", "start", "end"),
    "sentences": ("id", "doc", "provision", "start", "end", "text"),
    "actors": ("id", "label", "class", "generic", "role", "level", "level_label", "jurisdiction", "parent",
               "mentions", "measures"),
    "instruments": ("id", "label", "label_en", "type", "category", "category_label", "mentions", "measures",
                    "parameters"),
    "domains": ("id", "label", "label_en", "broader", "mentions", "measures", "targets"),
    "measures": ("id", "agent_id", "agent", "agent_level", "agent_class", "agent_generic", "agents",
                 "modality", "modality_label", "cue", "action", "responsible", "responsible_ids",
                 "beneficiaries", "beneficiary_ids", "instrument_ids", "instruments", "domain_ids",
                 "jurisdiction") + EVIDENCE,
    "targets": ("id", "metric", "value", "unit", "comparator", "year", "period", "domain_ids", "jurisdiction")
    + EVIDENCE,
    "parameters": ("id", "instrument_id", "instrument", "instrument_text", "parameter_type", "value", "unit",
                   "per", "beneficiary", "jurisdiction") + EVIDENCE,
    "statistics": ("id", "metric", "value", "unit", "comparator", "as_of", "source", "source_actor_ids",
                   "domain_ids", "jurisdiction") + EVIDENCE,
    "sanctions": ("id", "imposer", "imposer_id", "breach", "min", "max", "unit", "measure", "jurisdiction")
    + EVIDENCE,
    "citations": ("id", "cited", "title", "date", "doc_type", "issuers", "issuer_ids", "issuer_count",
                  "self_reference") + EVIDENCE,
}
TABLES = tuple(COLUMNS)

#: column → pandas dtype (nullable, so that a missing year stays missing in Parquet and R)
_DTYPES = {"start": "Int64", "end": "Int64", "number": "Int64", "chars": "Int64", "provisions": "Int64",
           "sentences": "Int64", "mentions": "Int64", "measures": "Int64", "parameters": "Int64",
           "targets": "Int64", "year": "Int64", "issuer_count": "Int64", "value": "float64", "min": "float64",
           "max": "float64", "generic": "boolean", "agent_generic": "boolean", "self_reference": "boolean"}


def _join(xs: Any) -> str | None:
    """Several values in one cell: ``a;b``; none: missing."""
    xs = [str(x) for x in xs if x is not None]
    return ";".join(xs) if xs else None


def _label(scheme: str, key: str | None) -> str | None:
    if not key:
        return None
    c = vocabulary().by_scheme.get(scheme, {}).get(key)
    return c.pref if c is not None else None


def iter_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of a build file, one line at a time; a broken line is a one-line error."""
    if not path.exists():
        raise GraphError(f"no {path.name} here: is this a build directory? (run 'policykg build PATHS -o DIR')",
                         str(path.parent))
    with path.open("rb") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield orjson.loads(line)
                except orjson.JSONDecodeError:
                    raise GraphError(f"line {n} is not JSON; rebuild the build", str(path)) from None


# --- collecting rows ----------------------------------------------------------------------------------

@dataclass(slots=True)
class _Rows:
    """The rows collected so far, and the entities and counts the statement rows refer to."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {t: [] for t in TABLES})
    jurisdiction: dict[str, str | None] = field(default_factory=dict)      # doc → region key
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)        # id → row
    instruments: set[str] = field(default_factory=set)
    domains: set[str] = field(default_factory=set)
    counts: Counter = field(default_factory=Counter)                      # (table, id, column) → n
    measures: list[MeasureRecord] = field(default_factory=list)

    def count(self, table: str, ids: Any, column: str) -> None:
        for i in ids:
            self.counts[(table, i, column)] += 1


def _evidence(r: Record) -> dict[str, Any]:
    return {"doc": r.doc, "provision": f"provision:{r.provision}", "sentence": f"sentence:{r.sentence_id}",
            "start": r.start, "end": r.end, "text": r.text, "sentence_text": r.sentence}


def _add_actor(rows: _Rows, a: ActorRef) -> None:
    if a.id not in rows.actors:
        rows.actors[a.id] = {"id": a.id, "label": a.label, "class": a.type or "Enterprise", "generic": a.generic,
                             "role": a.role, "level": a.level, "level_label": _label("lvl", a.level),
                             "jurisdiction": a.jurisdiction, "parent": a.parent}
    if a.parent_actor is not None and a.parent:
        _add_actor(rows, a.parent_actor)


def _issuer_stub(rows: _Rows, aid: str, label: str) -> None:
    """An issuer of a cited document, known by its id and label (its class from the vocabulary when named)."""
    key = aid.split(":", 1)[1]
    c = vocabulary().by_scheme.get("act", {}).get(key)
    if c is not None:
        level = c.attrs.get("governmentLevel")
        _add_actor(rows, ActorRef(aid, c.pref, c.attrs.get("actorClass"), False, c.attrs.get("role"), level,
                                  "china" if level == "national" else None))
    else:
        _add_actor(rows, ActorRef(aid, label, "Department", key.startswith("role/")))


def _document(rows: _Rows, d: dict[str, Any]) -> None:
    m, doc = d.get("meta") or {}, d["id"]
    rows.jurisdiction[doc] = m.get("jurisdiction")
    issuers = [ActorRef.from_json(a) for a in m.get("issuer_actors") or ()]
    for a in issuers:
        _add_actor(rows, a)
    rows.tables["documents"].append({
        "id": f"document:{doc}", "doc": doc, "title": m.get("title") or doc, "doc_type": m.get("doc_type"),
        "doc_type_label": m.get("doc_type_label"), "jurisdiction": m.get("jurisdiction"),
        "jurisdiction_label": m.get("jurisdiction_label"), "issuers": _join(m.get("issuers") or ()),
        "issuer_ids": _join(a.id for a in issuers), "adopted": m.get("adopted"), "issued": m.get("issued"),
        "effective": m.get("effective"), "status": m.get("status"), "source_url": m.get("source_url"),
        "path": d.get("path"), "format": d.get("format"), "sha256": d.get("sha256"),
        "chars": len(d.get("text") or ""), "provisions": len(d.get("provisions") or ()),
        "sentences": len(d.get("sentences") or ())})
    for p in d.get("provisions") or ():
        rows.tables["provisions"].append({
            "id": f"provision:{p['id']}", "doc": doc, "level": p.get("level"), "number": p.get("number"),
            "marker": p.get("label") or None, "heading": p.get("heading") or None,
            "parent": f"provision:{p['parent']}" if p.get("parent") else None, "start": p["start"],
            "end": p["end"]})
    for s in d.get("sentences") or ():
        rows.tables["sentences"].append({"id": f"sentence:{s['id']}", "doc": doc,
                                         "provision": f"provision:{s['provision']}", "start": s["start"],
                                         "end": s["end"], "text": s["text"]})


def _mention(rows: _Rows, r: Record) -> None:
    if isinstance(r, ActorRecord):
        _add_actor(rows, r.ref())
        rows.count("actors", [r.id], "mentions")
    elif r.kind == "instrument":
        rows.instruments.add(r.id)
        rows.count("instruments", [r.id], "mentions")
    elif r.kind == "domain":
        rows.domains.add(r.id)
        rows.count("domains", [r.id], "mentions")


def _measure(rows: _Rows, r: Record) -> None:
    assert isinstance(r, MeasureRecord)
    rows.measures.append(r)                    # rows made at the end, when every agent is known
    rows.instruments.update(r.instruments)
    rows.domains.update(r.domains)
    rows.count("actors", set(r.agent_ids), "measures")
    rows.count("instruments", set(r.instruments), "measures")
    rows.count("domains", set(r.domains), "measures")


def _target(rows: _Rows, r: Record) -> None:
    assert isinstance(r, TargetRecord)
    rows.domains.update(r.domains)
    rows.count("domains", set(r.domains), "targets")
    rows.tables["targets"].append({
        "id": r.id, "metric": r.metric or r.text, "value": r.value, "unit": r.unit, "comparator": r.comparator,
        "year": r.year, "period": r.period, "domain_ids": _join(r.domains),
        "jurisdiction": r.jurisdiction or rows.jurisdiction.get(r.doc), **_evidence(r)})


def _statistic(rows: _Rows, r: Record) -> None:
    assert isinstance(r, StatisticRecord)
    rows.domains.update(r.domains)
    for a in r.source_actors:
        _add_actor(rows, a)
    rows.tables["statistics"].append({
        "id": r.id, "metric": r.metric or r.text, "value": r.value, "unit": r.unit, "comparator": r.comparator,
        "as_of": r.as_of, "source": r.source, "source_actor_ids": _join(a.id for a in r.source_actors),
        "domain_ids": _join(r.domains), "jurisdiction": rows.jurisdiction.get(r.doc), **_evidence(r)})


def _parameter(rows: _Rows, r: Record) -> None:
    assert isinstance(r, ParameterRecord)
    if r.instrument:
        rows.instruments.add(r.instrument)
        rows.count("instruments", [r.instrument], "parameters")
    rows.tables["parameters"].append({
        "id": r.id, "instrument_id": r.instrument, "instrument": _label("inst", (r.instrument or ":").split(":")[1]),
        "instrument_text": r.instrument_text, "parameter_type": r.parameter_type, "value": r.value,
        "unit": r.unit, "per": r.per, "beneficiary": r.beneficiary, "jurisdiction": rows.jurisdiction.get(r.doc),
        **_evidence(r)})


def _sanction(rows: _Rows, r: Record) -> None:
    assert isinstance(r, SanctionRecord)
    rows.tables["sanctions"].append({
        "id": r.id, "imposer": r.imposer, "imposer_id": r.imposer_id, "breach": r.breach, "min": r.min,
        "max": r.max, "unit": r.unit, "measure": r.measure, "jurisdiction": rows.jurisdiction.get(r.doc),
        **_evidence(r)})


def _citation(rows: _Rows, r: Record) -> None:
    assert isinstance(r, CitationRecord)
    if not r.self_reference:
        for aid, label in zip(r.issuer_ids, r.issuers, strict=True):
            _issuer_stub(rows, aid, label)
    cited = f"document:{r.doc}" if r.self_reference else f"cited:{cited_key(r)}"
    rows.tables["citations"].append({
        "id": f"mention:{r.doc}/{r.start}-{r.end}-citation", "cited": cited, "title": r.title, "date": r.date,
        "doc_type": r.doc_type, "issuers": _join(r.issuers), "issuer_ids": _join(r.issuer_ids),
        "issuer_count": r.issuer_count, "self_reference": bool(r.self_reference), **_evidence(r)})


#: one small function per record kind (regions are not a table of their own: see documents.jurisdiction)
_BY_KIND: dict[str, Callable[[_Rows, Record], None]] = {
    "actor": _mention, "instrument": _mention, "domain": _mention, "region": lambda rows, r: None,
    "measure": _measure, "target": _target, "statistic": _statistic, "parameter": _parameter,
    "sanction": _sanction, "citation": _citation}


# --- the entity tables and the measure rows, once everything is read --------------------------------------

def _measure_rows(rows: _Rows) -> None:
    v = vocabulary()
    for r in rows.measures:
        common = {
            "id": r.id, "agents": _join(r.agents), "modality": r.modality, "modality_label": _label("mod", r.modality),
            "cue": r.cue, "action": r.action or None, "responsible": _join(r.responsible),
            "responsible_ids": _join(r.responsible_ids), "beneficiaries": _join(r.beneficiaries),
            "beneficiary_ids": _join(r.beneficiary_ids), "instrument_ids": _join(r.instruments),
            "instruments": _join(_concept_label(v, i) for i in r.instruments), "domain_ids": _join(r.domains),
            "jurisdiction": rows.jurisdiction.get(r.doc), **_evidence(r)}
        agents: list[tuple[str | None, str | None]] = list(zip(r.agent_ids, r.agents, strict=False)) or [(None, None)]
        for aid, label in dict.fromkeys(agents):
            a = rows.actors.get(aid or "", {})
            rows.tables["measures"].append({**common, "agent_id": aid, "agent": a.get("label", label),
                                            "agent_level": a.get("level"), "agent_class": a.get("class"),
                                            "agent_generic": a.get("generic")})


def _concept_label(v: Any, cid: str) -> str | None:
    c = v.concepts.get(expand(cid)) if ":" in cid else None
    return c.pref if c is not None else None


def _concept_rows(rows: _Rows) -> None:
    """Instruments and domains the vocabulary knows (as the graph has them), domains with their broader ones."""
    v = vocabulary()
    found = {t: [c for c in (v.concepts.get(expand(i)) for i in sorted(ids) if ":" in i) if c is not None]
             for t, ids in (("instruments", rows.instruments), ("domains", rows.domains))}
    domains = {c.iri: c for c in found["domains"]}
    for c in found["domains"]:
        domains.update((b.iri, b) for b in v.ancestors(c))
    for c in found["instruments"]:
        cid = compact_id(c.iri)
        rows.tables["instruments"].append({
            "id": cid, "label": c.pref, "label_en": c.en or None, "type": c.instrument_type, "category": c.category,
            "category_label": _label("rz", c.category), **_counts(rows, "instruments", cid)})
    for c in sorted(domains.values(), key=lambda c: c.iri):
        cid = compact_id(c.iri)
        rows.tables["domains"].append({
            "id": cid, "label": c.pref, "label_en": c.en or None,
            "broader": _join(compact_id(v.by_scheme[c.scheme][b].iri) for b in c.broader),
            **_counts(rows, "domains", cid)})
    for aid in sorted(rows.actors):
        rows.tables["actors"].append({**rows.actors[aid], **_counts(rows, "actors", aid)})


def _counts(rows: _Rows, table: str, cid: str) -> dict[str, int]:
    return {col: rows.counts[(table, cid, col)] for col in ("mentions", "measures", "parameters", "targets")
            if col in COLUMNS[table]}


def _frame(name: str, data: list[dict[str, Any]]):
    import pandas as pd
    df = pd.DataFrame(data, columns=list(COLUMNS[name]))
    for col in df.columns:
        if col in _DTYPES:
            df[col] = df[col].astype(_DTYPES[col])
        elif df[col].dtype == float and df[col].isna().all():       # an empty text column
            df[col] = df[col].astype(object)
    return df


def build_tables(build_dir: str | Path) -> dict[str, Any]:
    """The tables of a build (table name → pandas DataFrame), made from its JSONL files."""
    build = Path(build_dir)
    _check_build(build)
    rows = _Rows()
    for d in iter_jsonl(build / "documents.jsonl"):
        _document(rows, d)
    for obj in iter_jsonl(build / "extractions.jsonl"):
        kind = obj.get("kind")
        if kind in _BY_KIND:
            _BY_KIND[kind](rows, record_from_json(obj))
    _measure_rows(rows)
    _concept_rows(rows)
    return {name: _frame(name, rows.tables[name]) for name in TABLES}


# --- writing and reading -----------------------------------------------------------------------------------

def _check_build(build: Path) -> None:
    if not build.is_dir():
        raise GraphError("no such build directory (run 'policykg build PATHS -o DIR')", str(build))
    if not (build / "manifest.json").exists():
        raise GraphError("not a policykg build directory (no manifest.json); run 'policykg build PATHS -o DIR'",
                         str(build))


def _stamp(build: Path) -> dict[str, Any]:
    """What identifies the build the tables were made from."""
    m = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    return {"tables_version": TABLES_VERSION, "fingerprint": m.get("fingerprint"), "built": m.get("built"),
            "documents": [d.get("sha256") for d in m.get("documents", [])]}


def _write_error(out: Path, e: OSError) -> InputError:
    reason = e.strerror or str(e) or type(e).__name__
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        reason = "the disk is full"
    return InputError(f"cannot write the tables ({reason}); nothing was written", str(out))


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise InputError("exists and is not a directory; choose another -o", str(out))
    if out.is_dir() and any(out.iterdir()) and not (out / STAMP).exists():
        raise InputError("is a non-empty folder that is not a tables export; choose another -o", str(out))


def export_tables(build_dir: str | Path, out: str | Path, formats: tuple[str, ...] = FORMATS) -> list[Path]:
    """Write the tables of a build into the folder ``out`` (``NAME.parquet`` and/or ``NAME.csv`` per table,
    and ``tables.json``: the build they come from and the row counts).  The folder is replaced in one
    rename: a failed export leaves the previous one, or nothing."""
    build, out = Path(build_dir), Path(out)
    unknown = set(formats) - set(FORMATS)
    if unknown or not formats:
        raise InputError(f"unknown table format {sorted(unknown)}; choose parquet, csv or both", str(out))
    _check_build(build)
    _check_out(out)
    frames = build_tables(build)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        for name, df in frames.items():
            if "parquet" in formats:
                df.to_parquet(tmp / f"{name}.parquet", index=False)
            if "csv" in formats:
                df.to_csv(tmp / f"{name}.csv", index=False, encoding="utf-8-sig")
        stamp = {**_stamp(build), "formats": list(formats), "rows": {n: len(df) for n, df in frames.items()}}
        (tmp / STAMP).write_text(json.dumps(stamp, ensure_ascii=False, indent=1), encoding="utf-8")
        _replace_dir(tmp, out)
    except OSError as e:
        raise _write_error(out, e) from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return sorted(p for p in out.iterdir() if p.is_file())


def _replace_dir(new: Path, out: Path) -> None:
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    if out.exists():
        os.replace(out, old)
    try:
        os.replace(new, out)
    except OSError:
        if old.exists():
            os.replace(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def tables_current(tables_dir: Path, build_dir: Path) -> bool:
    """Whether ``tables_dir`` holds a Parquet export of the build as it is now."""
    try:
        stamp = json.loads((tables_dir / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    same = all(stamp.get(k) == v for k, v in _stamp(build_dir).items())
    return same and "parquet" in stamp.get("formats", ()) and \
        all((tables_dir / f"{n}.parquet").exists() for n in TABLES)


def read_tables(tables_dir: str | Path) -> dict[str, Any]:
    """The Parquet tables of an export folder (table name → DataFrame)."""
    import pandas as pd
    d = Path(tables_dir)
    return {name: pd.read_parquet(d / f"{name}.parquet") for name in TABLES if (d / f"{name}.parquet").exists()}


def load_tables(build_dir: str | Path) -> dict[str, Any]:
    """The tables of a build as pandas DataFrames (table name → DataFrame): read from ``BUILD/tables``
    when ``policykg export tables BUILD`` wrote them from this very build, else made in memory (the build
    folder is only read).

    >>> t = load_tables("build")                                    # doctest: +SKIP
    >>> t["measures"].groupby("modality")["id"].nunique()          # doctest: +SKIP
    """
    build = Path(build_dir)
    _check_build(build)
    if tables_current(build / TABLES_DIR, build):
        return read_tables(build / TABLES_DIR)
    return build_tables(build)
