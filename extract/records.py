"""The extraction output: one :class:`Record` per mention, measure, target, statistic or citation.

Every record carries the document id, provision id, sentence id and text, and
character offsets into the document's normalized text; kind-specific fields
live in ``fields`` and are flattened into the JSON object.  See README.md,
"Extraction output", for the field list.
"""

from __future__ import annotations

import hashlib
import json

import orjson
from dataclasses import dataclass, field
from typing import Any
from policykg.errors import InputError

__all__ = ["Record", "KINDS", "record_id", "read_jsonl"]

KINDS = ("actor", "instrument", "domain", "region", "measure", "target", "statistic", "citation")


@dataclass(slots=True)
class Record:
    doc: str
    kind: str
    id: str
    label: str
    text: str
    start: int
    end: int
    provision: str
    sentence_id: str
    sentence: str
    fields: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out = {"doc": self.doc, "kind": self.kind, "id": self.id, "label": self.label, "text": self.text,
               "start": self.start, "end": self.end, "provision": self.provision,
               "sentence_id": self.sentence_id, "sentence": self.sentence}
        out.update(self.fields)
        return out

    def dumps(self) -> str:
        return orjson.dumps(self.to_json()).decode("utf-8")


def record_id(prefix: str, doc: str, *parts: object) -> str:
    """Deterministic id for a statement: ``measure:heilongjiang-2024/3f2a9c81d0``."""
    h = hashlib.sha1("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:10]
    return f"{prefix}:{doc}/{h}"


def read_jsonl(path) -> list[dict[str, Any]]:
    """Read an extraction (or gold) JSONL file; errors name the file and line."""
    from pathlib import Path

    p = Path(path)
    if not p.exists():
        raise InputError("no such file", str(p))
    out = []
    with p.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"line {n} is not JSON ({e.msg})", str(p)) from None
            if not isinstance(rec, dict) or "kind" not in rec or "doc" not in rec:
                raise InputError(f"line {n} is not an extraction record (needs 'doc' and 'kind')", str(p))
            out.append(rec)
    return out
