"""Turn the hand annotations (tests/gold/*.yaml) into the extraction JSONL shape (tests/gold/dev.jsonl).

    python tests/gold/build_gold.py            # writes tests/gold/dev.jsonl
    python tests/gold/build_gold.py --check    # exit 1 if dev.jsonl is out of date

Surface strings are located in their sentence to give character offsets in the
document's normalized text; a surface that is not in its sentence is an error
(the annotation would not be traceable).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
KIND_OF = {"act": "actor", "inst": "instrument", "dom": "domain", "reg": "region"}
PREFIX = {"instrument": "inst", "domain": "dom", "region": "reg"}


def _concept_id(kind: str, key: str) -> str:
    """``new:无人经济`` (a concept the ontology lacks) → ``?无人经济``; ``ai`` → ``dom:ai``."""
    return "?" + key[4:] if key.startswith("new:") else f"{PREFIX[kind]}:{key}"


def _str(value):
    """YAML reads 2024-12-31 as a date; the JSONL keeps ISO strings."""
    return None if value is None else str(value)


def _mention_records(where: str, s, base: dict, item: dict, v) -> list[dict]:
    """Actors, instruments, domains and regions of one annotated sentence, located in it."""
    records = []
    for short, kind in KIND_OF.items():
        for entry in item.get(short) or []:
            surface, _, key = entry.partition("|")
            pos = s.text.find(surface)
            if pos < 0 or not key:
                raise SystemExit(f"{where}: '{surface}' not in the sentence or no key")
            rec = {**base, "kind": kind, "text": surface, "start": s.start + pos, "end": s.start + pos + len(surface)}
            if kind == "actor":
                rec.update(id=None, label=key)
            else:
                cid = _concept_id(kind, key)
                if not key.startswith("new:"):
                    rec["label"] = v.concept(PREFIX[kind], key).pref   # raises for a typo
                else:
                    rec["label"] = key[4:]
                rec["id"] = cid
            records.append(rec)
    return records


def _sentence_level_records(s, base: dict, item: dict, v) -> list[dict]:
    """Measures, targets, statistics and citations of one annotated sentence (they span the sentence)."""
    records = []
    for m in item.get("measures") or []:
        for k in m.get("inst") or []:
            if not k.startswith("new:"):
                v.concept("inst", k)
        for k in m.get("dom") or []:
            if not k.startswith("new:"):
                v.concept("dom", k)
        records.append({**base, "kind": "measure", "start": s.start, "end": s.end, "text": s.text,
                        "agents": list(m.get("agents") or []), "modality": m["mod"],
                        "action": m.get("action"),
                        "instruments": [_concept_id("instrument", k) for k in m.get("inst") or []],
                        "domains": [_concept_id("domain", k) for k in m.get("dom") or []],
                        "beneficiaries": list(m.get("ben") or [])})
    for t in item.get("targets") or []:
        records.append({**base, "kind": "target", "start": s.start, "end": s.end, "text": t.get("text", s.text),
                        "metric": t["metric"], "value": float(t["value"]), "unit": t["unit"],
                        "comparator": t.get("cmp"), "year": t.get("year"), "period": t.get("period")})
    for t in item.get("stats") or []:
        records.append({**base, "kind": "statistic", "start": s.start, "end": s.end, "text": t.get("text", s.text),
                        "metric": t["metric"], "value": float(t["value"]), "unit": t["unit"],
                        "comparator": t.get("cmp"), "as_of": _str(t.get("as_of")), "source": t.get("source")})
    for c in item.get("cites") or []:
        records.append({**base, "kind": "citation", "start": s.start, "end": s.end, "text": s.text,
                        "title": c["title"], "date": _str(c.get("date")), "issuers": list(c.get("issuers") or []),
                        "issuer_count": c.get("count")})
    return records


def build() -> list[dict]:
    from policykg.extract.document.ingest import ingest
    from policykg.ontology import vocabulary
    v = vocabulary()
    records: list[dict] = []
    for path in sorted(HERE.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        doc_id = data["doc"]
        doc = ingest(ROOT / "seeds" / f"{doc_id}.txt")
        sentences = {s.id: s for s in doc.sentences}
        seen: set[str] = set()
        for item in data["sentences"]:
            sid = f"{doc_id}/{item['id']}"
            if sid not in sentences:
                raise SystemExit(f"{path.name}: no sentence {sid}")
            if sid in seen:
                raise SystemExit(f"{path.name}: {sid} annotated twice")
            seen.add(sid)
            s = sentences[sid]
            base = {"doc": doc_id, "provision": s.provision, "sentence": s.text, "sentence_id": sid}
            records.append({**base, "kind": "sentence", "start": s.start, "end": s.end})
            records += _mention_records(f"{path.name}: {sid}", s, base, item, v)
            records += _sentence_level_records(s, base, item, v)
    return records


def render(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records)


def main(argv: list[str]) -> int:
    out = HERE / "dev.jsonl"
    text = render(build())
    if "--check" in argv:
        if not out.exists() or out.read_text(encoding="utf-8") != text:
            print(f"{out} is out of date: run python tests/gold/build_gold.py", file=sys.stderr)
            return 1
        return 0
    out.write_text(text, encoding="utf-8")
    n = sum(1 for line in text.splitlines() if '"kind": "sentence"' in line)
    print(f"wrote {out}: {n} sentences, {len(text.splitlines()) - n} annotations")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
