"""Precision, recall and F1 of an extraction against a gold file.

Matching (tests/gold/GUIDE.md, "Matching rule"): within each gold sentence
(document + sentence text), records are compared as multisets of keys —

========================  ============================================================
kind                      key
========================  ============================================================
actor                     canonical label
instrument/domain/region  concept id
measure · agent           the set of agent labels
measure · modality        the modality
measure · agent+modality  both
target · value+unit+year  value (±0.5 %), unit, year or period (magnitudes 万/亿 multiplied out)
statistic · value+unit    value (±0.5 %), unit (magnitudes multiplied out)
citation                  title
========================  ============================================================

Repeated mentions of one key in a sentence count once.  Predictions for
sentences that are not in the gold file are ignored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from policykg.ontology.rules import rules

__all__ = ["Score", "evaluate", "errors", "scaled", "match"]

ROWS = [("actor", "actor"), ("instrument", "instrument"), ("domain", "domain"), ("region", "region"),
        ("measure", "measure · agent"), ("measure", "measure · modality"), ("measure", "measure · agent+modality"),
        ("target", "target · value+unit+year"), ("statistic", "statistic · value+unit"), ("citation", "citation")]


@dataclass(slots=True)
class Score:
    name: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


#: magnitude words a unit may start with (万亿元 → × 10¹² 元)
_MAGNITUDE = (("万亿", 1e12), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6), ("万", 1e4), ("千", 1e3), ("百", 1e2))
#: units that begin with a magnitude word but are not scaled by it (2000万千瓦 = 2×10⁷ 千瓦, not 2×10¹⁰ 瓦)
_UNITS_WITH_MAGNITUDE = frozenset(rules("quantities")["units_with_magnitude"])


def scaled(value: Any, unit: str | None) -> tuple[float, str]:
    """``(4400, "亿元")`` → ``(4.4e11, "元")``: magnitudes multiplied out of the unit, so that a value
    written as 1.8万亿元 and one stored as 1800000000000 元 compare equal.

    >>> scaled(1.8, "万亿元"), scaled(25, "EFLOPS"), scaled(3, "万")
    ((1800000000000.0, '元'), (25.0, 'EFLOPS'), (3.0, '万'))
    >>> scaled(2000, "万千瓦"), scaled(20000000, "千瓦")
    ((20000000.0, '千瓦'), (20000000.0, '千瓦'))
    """
    v, u = float(value), (unit or "").strip()
    for word, factor in _MAGNITUDE:
        if u.startswith(word) and len(u) > len(word) and u not in _UNITS_WITH_MAGNITUDE:
            return v * factor, u[len(word):]
    return v, u


def _close(a: float, b: float) -> bool:
    return a == b or (b != 0 and abs(a - b) / abs(b) <= 0.005)


def _keys(rec: dict, name: str):
    kind = rec["kind"]
    if kind == "actor":
        return {rec["label"]}
    if kind in ("instrument", "domain", "region"):
        return {rec["id"]}
    if name == "measure · agent":
        return {tuple(sorted(set(rec.get("agents") or [])))}
    if name == "measure · modality":
        return {rec.get("modality")}
    if name == "measure · agent+modality":
        return {(tuple(sorted(set(rec.get("agents") or []))), rec.get("modality"))}
    if kind == "target":
        return {("T", *scaled(rec["value"], rec.get("unit")), rec.get("year"), rec.get("period"))}
    if kind == "statistic":
        return {("S", *scaled(rec["value"], rec.get("unit")))}
    if kind == "citation":
        return {rec.get("title") or rec.get("label")}
    return set()


def match(gold: list, pred: list, equal: Callable[[Any, Any], bool] | None = None) -> tuple[int, int, int]:
    """Greedy multiset match (``equal`` may allow numeric tolerance); returns (tp, fp, fn)."""
    equal = equal or _equal
    pred = list(pred)
    tp = 0
    for g in gold:
        for i, p in enumerate(pred):
            if equal(g, p):
                tp += 1
                pred.pop(i)
                break
    return tp, len(pred), len(gold) - tp


def _equal(g, p) -> bool:
    if isinstance(g, tuple) and g and g[0] in ("T", "S") and isinstance(p, tuple) and p and p[0] == g[0]:
        if not _close(p[1], g[1]) or p[2] != g[2]:
            return False
        if g[0] == "T":
            return p[3] == g[3] or (g[4] is not None and p[4] == g[4])
        return True
    return g == p


def evaluate(gold: Iterable[dict], pred: Iterable[dict]) -> list[Score]:
    gold = list(gold)
    sentences = {(r["doc"], r["sentence"]) for r in gold if r["kind"] == "sentence"}
    if not sentences:
        sentences = {(r["doc"], r["sentence"]) for r in gold}
    scores = []
    for kind, name in ROWS:
        g_by: dict = {}
        p_by: dict = {}
        dedupe = kind in ("actor", "instrument", "domain", "region")
        for src, into in ((gold, g_by), (pred, p_by)):
            for r in src:
                if r["kind"] != kind:
                    continue
                key = (r["doc"], r["sentence"])
                if key not in sentences:
                    continue
                ks = _keys(r, name)
                bucket = into.setdefault(key, [] if not dedupe else set())
                if dedupe:
                    bucket |= ks
                else:
                    bucket.extend(ks)
        tp = fp = fn = 0
        for key in sentences:
            g = list(g_by.get(key, []))
            p = list(p_by.get(key, []))
            a, b, c = match(g, p)
            tp, fp, fn = tp + a, fp + b, fn + c
        scores.append(Score(name, tp, fp, fn))
    return scores


def errors(gold: Iterable[dict], pred: Iterable[dict], kind: str, name: str | None = None) -> list[tuple]:
    """Per-sentence differences for one row (for debugging): (doc, sentence, missing, extra)."""
    name = name or kind
    gold = list(gold)
    sentences = {(r["doc"], r["sentence"]) for r in gold if r["kind"] == "sentence"}
    out = []
    for key in sorted(sentences):
        g = Counter(k for r in gold if r["kind"] == kind and (r["doc"], r["sentence"]) == key for k in _keys(r, name))
        p = Counter(k for r in pred if r["kind"] == kind and (r["doc"], r["sentence"]) == key for k in _keys(r, name))
        if kind in ("actor", "instrument", "domain", "region"):
            g, p = Counter(set(g)), Counter(set(p))
        missing, extra = g - p, p - g
        if missing or extra:
            out.append((key[0], key[1], dict(missing), dict(extra)))
    return out
