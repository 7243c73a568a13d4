"""``policykg build``: documents → extraction → RDF, stores and exports in one directory.

Each input file is identified by the SHA-256 of its bytes and its path.  Its
structured document, extraction records and graph are cached under
``DIR/.cache`` (with a fingerprint of the pipeline code and ontology), so a
rebuild re-extracts only files whose content changed; files no longer given
drop out of every output.  All outputs are written into a temporary folder
and moved into place at the end: a failed build leaves the previous one
intact.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policykg.errors import InputError

from .kg import KG, Edge, Node

__all__ = ["build", "BuildResult", "OUTPUTS", "pipeline_fingerprint"]

#: what a build directory holds
OUTPUTS = ("extractions.jsonl", "documents.jsonl", "kg.nq", "kg.ttl", "kg.jsonld", "oxigraph", "ladybug",
           "graph.json", "kg.graphml", "kg.gexf", "neo4j-import", "overview.html", "manifest.json")


@dataclass(slots=True)
class BuildResult:
    out_dir: Path
    documents: list[dict[str, Any]] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    reused: int = 0
    extracted: int = 0


def pipeline_fingerprint() -> str:
    """Changes when the extraction code, the graph model or the ontology change."""
    import policykg
    from policykg.ontology import ttl_files
    h = hashlib.sha256(policykg.__version__.encode())
    here = Path(__file__).resolve().parent
    from policykg import extract as _extract
    for f in sorted(Path(_extract.__file__).parent.glob("*.py")) + [here / "model.py"] + ttl_files():
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _file_key(path: Path, data: bytes) -> str:
    return hashlib.sha256(data + b"\0" + str(path).encode("utf-8")).hexdigest()


def _kg_to_json(kg: KG) -> dict:
    return {"doc": kg.doc, "nodes": [[n.iri, n.classes, n.attrs] for n in kg.nodes.values()],
            "edges": [[e.prop, e.src, e.dst, e.attrs] for e in kg.edges]}


def _kg_from_json(d: dict) -> KG:
    kg = KG(d["doc"])
    for iri_, classes, attrs in d["nodes"]:
        kg.nodes[iri_] = Node(iri_, classes, attrs)
    kg.edges = [Edge(p, s, t, a) for p, s, t, a in d["edges"]]
    return kg


def build(paths: Iterable[str | Path], out_dir: str | Path,
          progress: Callable[[str, int, int], None] | None = None,
          on_error: Callable[[InputError], None] | None = None, html: bool = True) -> BuildResult:
    """Build everything from ``paths`` into ``out_dir``; see the module docstring."""
    import orjson

    from policykg.extract.document.ingest import expand_paths, ingest
    from policykg.extract.pipeline import extract_records

    from .export import write_gephi, write_graph_json, write_neo4j_csv
    from .kg import document_graph
    from .property import to_property_graph
    from .rdf import kg_quads, ontology_quads, write_serializations
    from .stores import load_ladybug, load_oxigraph

    t_start = time.perf_counter()
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError("exists and is not a directory", str(out))
    if out.exists() and any(out.iterdir()) and not (out / "manifest.json").exists() and not (out / ".cache").exists():
        raise InputError("is a non-empty folder that is not a policykg build; choose another -o", str(out))
    out.mkdir(parents=True, exist_ok=True)
    cache = out / ".cache"
    cache.mkdir(exist_ok=True)
    fp = pipeline_fingerprint()
    result = BuildResult(out)
    files = list(expand_paths(paths))
    kg_entries: list[Path] = []          # cached graphs of the built documents, re-read one at a time
    seen_ids: dict[str, str] = {}
    live_keys: set[str] = set()
    tmp = out / f".tmp-{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    try:
        t0 = time.perf_counter()
        with (tmp / "extractions.jsonl").open("wb") as ext, (tmp / "documents.jsonl").open("wb") as docs_out, \
                (tmp / "kg.nq").open("w", encoding="utf-8") as nq:
            nq.writelines(ontology_quads())
            for i, f in enumerate(files):
                if progress:
                    progress(str(f), i, len(files))
                try:
                    if not f.exists():
                        raise InputError("no such file", str(f))
                    data = f.read_bytes()
                except OSError as e:
                    err = InputError(f"cannot read the file ({e.strerror})", str(f))
                    result.errors.append(err)
                    if on_error:
                        on_error(err)
                    continue
                key = _file_key(f, data)
                entry_path = cache / f"{key}.json"
                entry = None
                if entry_path.exists():
                    try:
                        entry = orjson.loads(entry_path.read_bytes())
                        if entry.get("fingerprint") != fp:
                            entry = None
                    except (OSError, orjson.JSONDecodeError):
                        entry = None
                if entry is None:
                    try:
                        doc = ingest(f)
                    except InputError as e:
                        result.errors.append(e)
                        if on_error:
                            on_error(e)
                        continue
                    records = [r.to_json() for r in extract_records(doc)]
                    kg = document_graph(doc, records)
                    entry = {"fingerprint": fp, "doc_id": doc.id, "path": str(f), "sha256": doc.sha256,
                             "document": doc.to_dict(), "records": records, "kg": _kg_to_json(kg)}
                    entry_path.write_bytes(orjson.dumps(entry))
                    (cache / f"{key}.kg.json").write_bytes(orjson.dumps(entry["kg"]))
                    result.extracted += 1
                else:
                    kg = _kg_from_json(entry["kg"])
                    if not (cache / f"{key}.kg.json").exists():
                        (cache / f"{key}.kg.json").write_bytes(orjson.dumps(entry["kg"]))
                    result.reused += 1
                doc_id = entry["doc_id"]
                if doc_id in seen_ids:
                    err = InputError(f"document id '{doc_id}' is already used by {seen_ids[doc_id]} "
                                     "(rename one of the files)", str(f))
                    result.errors.append(err)
                    if on_error:
                        on_error(err)
                    continue
                seen_ids[doc_id] = str(f)
                live_keys.add(key)
                for r in entry["records"]:
                    ext.write(orjson.dumps(r) + b"\n")
                docs_out.write(orjson.dumps(entry["document"]) + b"\n")
                nq.writelines(kg_quads(kg))
                kg_entries.append(cache / f"{key}.kg.json")
                meta = entry["document"]["meta"]
                result.documents.append({"id": doc_id, "path": str(f), "sha256": entry["sha256"],
                                         "title": meta["title"], "type": meta["doc_type"],
                                         "jurisdiction": meta["jurisdiction"]})
        result.timings["extract"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        write_serializations(tmp / "kg.nq", tmp)
        result.timings["rdf"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        del_store = load_oxigraph(tmp / "oxigraph", tmp / "kg.nq")
        del del_store                                  # closed before the folder is moved into place
        result.timings["oxigraph"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        g = to_property_graph(_kg_from_json(orjson.loads(p.read_bytes())) for p in kg_entries)
        write_graph_json(g, tmp / "graph.json")
        result.timings["property_graph"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        load_ladybug(tmp / "ladybug", g)
        result.timings["ladybug"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        write_gephi(g, tmp / "kg.graphml", tmp / "kg.gexf")
        write_neo4j_csv(g, tmp / "neo4j-import")
        result.timings["exports"] = time.perf_counter() - t0
        if html:
            from policykg.viz import make_view, render_html
            t0 = time.perf_counter()
            render_html(make_view(g, "overview"), tmp / "overview.html")
            result.timings["overview"] = time.perf_counter() - t0

        with (tmp / "kg.nq").open(encoding="utf-8") as fh:
            triples = sum(1 for _ in fh)
        kinds = g.counts()
        rel = g.rel_counts()
        result.counts = {
            "documents": len(result.documents), "actors": kinds.get("Actor", 0),
            "instruments": kinds.get("PolicyInstrument", 0), "domains": kinds.get("Domain", 0),
            "measures": kinds.get("Measure", 0), "targets": kinds.get("Target", 0),
            "statistics": kinds.get("Statistic", 0), "cited documents": rel.get("CITES", 0),
            "triples": triples, "nodes": len(g.nodes), "relationships": len(g.rels)}
        result.timings["total"] = time.perf_counter() - t_start
        manifest = {"policykg": __import__("policykg").__version__, "fingerprint": fp,
                    "built": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "documents": result.documents,
                    "errors": [str(e) for e in result.errors], "counts": result.counts,
                    "node_counts": kinds, "relationship_counts": rel,
                    "timings": {k: round(v, 3) for k, v in result.timings.items()}}
        (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        for name in OUTPUTS:
            src, dst = tmp / name, out / name
            if not src.exists():               # not made this time (e.g. --no-html): no stale copy either
                if dst.is_dir():
                    shutil.rmtree(dst)
                elif dst.exists():
                    dst.unlink()
                continue
            if dst.is_dir():
                shutil.rmtree(dst)
            elif dst.exists():
                dst.unlink()
            os.replace(src, dst)
        for stale in cache.glob("*.json"):          # removed or changed files drop out
            if stale.name.split(".", 1)[0] not in live_keys:
                stale.unlink()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return result
