"""Scores against the corpus-wide gold set (``tests/gold/corpus/*.yaml``), aligned by source offsets.

Each gold sentence names its document (a path under the corpus folder) and its
character span in that file.  The document is run through the pipeline and
every predicted record whose source span starts inside a gold sentence's span
is compared with that sentence's annotation; predictions outside the gold
sentences are ignored.  Surfaces are compared in the normalized form the
extractor's text has (:func:`policykg.chars.normalize_label`) and each surface
counts once per sentence.

=============================  ===================================================
row                            a prediction matches a gold item when
=============================  ===================================================
actor                          same surface
actor · label                  same canonical label
instrument, domain             same surface
instrument · whole or type     same surface, or one surface is the other's tail of at least two
                               characters: ANNOTATION.md lets a named tool be kept whole
                               (市城市数字化转型专项资金) with its generic type (专项资金), and gold
                               list either; exact matches are paired first
measure · modality             same modality
measure · agent+modality       same set of agent surfaces and same modality
measure · responsible          same responsible unit (surface), one per unit
target · value+year            same value (±0.5 %, magnitudes 万/亿 multiplied out) and year
parameter · value+type+instr.  same value, parameter type and instrument surface
statistic · value              same value
sanction · range               same fine range (min, max, unit multiplied out)
citation                       same title
=============================  ===================================================
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from policykg.chars import normalize_label
from policykg.errors import InputError
from policykg.extract.document.ingest import ingest
from policykg.extract.document.model import Document
from policykg.extract.evaluate import Score, match, scaled
from policykg.extract.pipeline import run

__all__ = ["GoldSentence", "load_gold", "score_corpus", "corpus_errors", "ROWS"]

ROWS = ("actor", "actor · label", "instrument", "instrument · whole or type", "domain", "measure · modality", "measure · agent+modality",
        "measure · responsible", "target · value+year", "parameter · value+type+instrument", "statistic · value",
        "sanction · range", "citation")


@dataclass(slots=True)
class GoldSentence:
    doc: str                      # path under the corpus folder
    split: str                    # tune | test
    start: int
    end: int
    text: str
    ann: dict[str, Any] = field(default_factory=dict)


def load_gold(paths: Iterable[str | Path], split: str | None = None) -> list[GoldSentence]:
    """The gold sentences of the batch files (of one split when ``split`` is tune or test)."""
    out = []
    for p in paths:
        try:
            data = yaml.safe_load(Path(p).read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as e:
            raise InputError(f"cannot read the gold file ({e})", str(p)) from None
        if not isinstance(data, dict) or "documents" not in data:
            raise InputError("not a corpus gold file (needs 'documents')", str(p))
        for d in data["documents"]:
            if split and d.get("split") != split:
                continue
            for s in d["sentences"]:
                ann = {k: v for k, v in s.items() if k not in ("start", "end", "text", "context")}
                out.append(GoldSentence(d["doc"], d.get("split", ""), s["start"], s["end"], s["text"], ann))
    return out


def _norm(s: str) -> str:
    return normalize_label(str(s)).replace(" ", "")


def _surface(item: str) -> str:
    return _norm(str(item).split("|", 1)[0])


def _label(item: str) -> str:
    parts = str(item).split("|", 1)
    return _norm(parts[1] if len(parts) > 1 else parts[0])


# --- gold keys ------------------------------------------------------------------------

def _gold_keys(ann: dict[str, Any], row: str) -> list:
    if row == "actor":
        return sorted({_surface(a) for a in ann.get("act", [])})
    if row == "actor · label":
        return sorted({_label(a) for a in ann.get("act", [])})
    if row in ("instrument", "domain"):
        return sorted({_surface(a) for a in ann.get("inst" if row == "instrument" else "dom", [])})
    if row == "instrument · whole or type":
        return _gold_keys(ann, "instrument")
    ms = ann.get("measures", [])
    if row == "measure · modality":
        return [m.get("mod") for m in ms]
    if row == "measure · agent+modality":
        return [(frozenset(_norm(a) for a in m.get("agents") or []), m.get("mod")) for m in ms]
    if row == "measure · responsible":
        return sorted({_norm(a) for m in ms for a in m.get("responsible") or []})
    if row == "target · value+year":
        return [("V", scaled(t["value"], t.get("unit"))[0], t.get("year")) for t in ann.get("targets", [])]
    if row == "parameter · value+type+instrument":
        return [("V", scaled(p["value"], p.get("unit"))[0], p.get("type"), _norm(p.get("instrument") or ""))
                for p in ann.get("params", [])]
    if row == "statistic · value":
        return [("V", scaled(s["value"], s.get("unit"))[0]) for s in ann.get("stats", [])]
    if row == "sanction · range":
        return [("V", scaled(s.get("min") or 0, s.get("unit"))[0], scaled(s.get("max") or 0, s.get("unit"))[0])
                for s in ann.get("sanctions", [])]
    if row == "citation":
        return sorted({_norm(c) for c in ann.get("cites", [])})
    raise ValueError(row)


# --- predicted keys -------------------------------------------------------------------

def _pred_keys(recs: list[dict[str, Any]], row: str) -> list:
    by = lambda kind: [r for r in recs if r["kind"] == kind]  # noqa: E731
    if row == "actor":
        return sorted({_norm(r["text"]) for r in by("actor")})
    if row == "actor · label":
        return sorted({_norm(r["label"]) for r in by("actor")})
    if row in ("instrument", "domain"):
        return sorted({_norm(r["text"]) for r in by(row)})
    if row == "instrument · whole or type":
        return _pred_keys(recs, "instrument")
    surface = {r["id"]: _norm(r["text"]) for r in by("actor")}
    if row == "measure · modality":
        return [r["modality"] for r in by("measure")]
    if row == "measure · agent+modality":
        return [(frozenset(surface.get(i, _norm(lab)) for i, lab in zip(r["agent_ids"], r["agents"], strict=False)),
                 r["modality"]) for r in by("measure")]
    if row == "measure · responsible":
        return sorted({surface.get(i, i) for r in by("measure") for i in r.get("responsible", [])})
    if row == "target · value+year":
        return [("V", scaled(r["value"], r.get("unit"))[0], r.get("year")) for r in by("target")]
    if row == "parameter · value+type+instrument":
        return [("V", scaled(r["value"], r.get("unit"))[0], r.get("parameter_type"), _norm(r.get("instrument_text")
                 or r.get("instrument") or "")) for r in by("parameter")]
    if row == "statistic · value":
        return [("V", scaled(r["value"], r.get("unit"))[0]) for r in by("statistic")]
    if row == "sanction · range":
        return [("V", scaled(r.get("min") or 0, r.get("unit"))[0], scaled(r.get("max") or 0, r.get("unit"))[0])
                for r in by("sanction")]
    if row == "citation":
        return sorted({_norm(r.get("title") or r["label"]) for r in by("citation")})
    raise ValueError(row)


def _equal(g: Any, p: Any) -> bool:
    if isinstance(g, tuple) and g and g[0] == "V" and isinstance(p, tuple) and p and p[0] == "V":
        close = g[1] == p[1] or (g[1] != 0 and abs(g[1] - p[1]) / abs(g[1]) <= 0.005)
        return close and g[2:] == p[2:]
    return g == p


def _tail(g: str, p: str) -> bool:
    """One surface is the other's tail (the generic type of a named tool), two characters or more."""
    short, long = sorted((g, p), key=len)
    return len(short) >= 2 and long.endswith(short)


#: the row whose surfaces also match by tail (:func:`_tail`)
WHOLE_OR_TYPE = "instrument · whole or type"


def _match_keys(gold: list, pred: list, row: str = "") -> tuple[int, int, int]:
    """(tp, fp, fn) of one sentence's keys of ``row``; on :data:`WHOLE_OR_TYPE` exact surfaces pair
    first, then the rest by tail."""
    if row == WHOLE_OR_TYPE:
        exact_tp, _, _ = match(gold, pred, _equal)
        rest_g = [g for g in gold if g not in pred]
        rest_p = [q for q in pred if q not in gold]
        tail_tp, _, _ = match(rest_g, rest_p, _tail)
        tp = exact_tp + tail_tp
        return tp, len(pred) - tp, len(gold) - tp
    return match(gold, pred, _equal)


# --- alignment ------------------------------------------------------------------------

def predictions(doc: Document, sentences: list[GoldSentence]) -> list[list[dict[str, Any]]]:
    """The predicted records (as JSON) that fall in each gold sentence, by source offsets."""
    starts = [s.start for s in sentences]
    out: list[list[dict[str, Any]]] = [[] for _ in sentences]
    for r in doc.records():
        a, _ = doc.source_span(r.start, r.end)
        i = bisect.bisect_right(starts, a) - 1
        if i >= 0 and a < sentences[i].end:
            out[i].append(r.to_json())
    return out


def aligned(gold: list[GoldSentence], corpus: Path) -> Iterator[tuple[GoldSentence, list[dict[str, Any]]]]:
    """Each gold sentence with the predictions that fall inside it."""
    by_doc: dict[str, list[GoldSentence]] = {}
    for g in gold:
        by_doc.setdefault(g.doc, []).append(g)
    for name, sents in by_doc.items():
        path = corpus / name
        if not path.exists():
            raise InputError(f"the gold names {name}, which is not in the corpus folder", str(corpus))
        sents.sort(key=lambda s: s.start)
        doc = run(ingest(path))
        yield from zip(sents, predictions(doc, sents), strict=True)


def score_corpus(gold: list[GoldSentence], corpus: str | Path) -> list[Score]:
    """Precision, recall and F1 per row over the gold sentences."""
    totals = {row: [0, 0, 0] for row in ROWS}
    for g, recs in aligned(gold, Path(corpus)):
        for row in ROWS:
            tp, fp, fn = _match_keys(_gold_keys(g.ann, row), _pred_keys(recs, row), row)
            t = totals[row]
            t[0], t[1], t[2] = t[0] + tp, t[1] + fp, t[2] + fn
    return [Score(row, *totals[row]) for row in ROWS]


def corpus_errors(gold: list[GoldSentence], corpus: str | Path, row: str) -> Iterator[tuple[GoldSentence, list, list]]:
    """For one row: each gold sentence where prediction and gold differ, with (missing, extra) keys."""
    if row not in ROWS:
        raise InputError(f"unknown row '{row}' (one of: {', '.join(ROWS)})", "--errors")
    for g, recs in aligned(gold, Path(corpus)):
        gk, pk = _gold_keys(g.ann, row), _pred_keys(recs, row)
        missing, extra = list(gk), []
        for p in pk:
            hit = next((i for i, x in enumerate(missing) if _equal(x, p)), None)
            if hit is None:
                extra.append(p)
            else:
                missing.pop(hit)
        if missing or extra:
            yield g, missing, extra
