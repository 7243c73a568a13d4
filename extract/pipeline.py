"""Run the extraction stages over a :class:`~extract.model.Document`.

mentions → actors (resolution) → measures → quantities → citations, sentence
by sentence; every :class:`~extract.records.Record` carries the document id,
provision id, sentence id and text, and offsets into the normalized text.

>>> from policykg.extract.document.ingest import ingest_text
>>> doc = ingest_text("第二十三条 县级以上人民政府及有关部门应当支持数字技术创新产品和服务的应用推广，"
...                   "列入创新产品和服务目录的首台（套）装备，符合条件的可以按规定采取非招标方式进行政府采购。",
...                   path="hlj.txt", front={"title": "黑龙江省数字经济促进条例"})
>>> [(r.kind, r.label) for r in extract_document(doc) if r.kind in ("measure", "instrument")][-3:]
[('instrument', '政府采购'), ('measure', '黑龙江省县级以上人民政府、黑龙江省县级以上人民政府有关部门 · 义务 · 支持'), ('measure', '黑龙江省县级以上人民政府、黑龙江省县级以上人民政府有关部门 · 授权 · 按规')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from policykg.ontology import vocabulary

from policykg.extract.stages.citations import CitationState, find_citations
from policykg.extract.stages.measures import find_measures
from policykg.extract.stages.mentions import find_mentions
from policykg.extract.document.model import Document
from policykg.extract.stages.quantities import find_quantities
from policykg.extract.records import Record, record_id

__all__ = ["extract_document", "extract_records", "MODALITY_LABEL"]


@lru_cache(maxsize=1)
def _modality_labels() -> dict[str, str]:
    return {c.key: c.pref for c in vocabulary().scheme("mod")}


MODALITY_LABEL = _modality_labels


def extract_document(doc: Document) -> list[Record]:
    return list(extract_records(doc))


def extract_records(doc: Document) -> Iterator[Record]:
    """All records of one document, in text order."""
    v = vocabulary()
    text = doc.text
    jurisdiction = doc.meta.jurisdiction
    fn_text = {f.id: f.text for f in doc.footnotes}
    prov_start = {p.id: p.start for p in doc.provisions}
    cstate = CitationState()
    mod_label = _modality_labels()
    for s in doc.sentences:
        base = dict(doc=doc.id, provision=s.provision, sentence_id=s.id, sentence=s.text)
        m = find_mentions(text, s.start, s.end, jurisdiction)
        for a in m.actors:
            yield Record(kind="actor", id=a.id, label=a.label, text=a.text, start=a.start, end=a.end,
                         fields=a.to_fields(), **base)
        for h in m.instruments:
            c = h.concept
            yield Record(kind="instrument", id=f"inst:{c.key}", label=c.pref, text=h.text, start=h.start, end=h.end,
                         fields={"type": c.instrument_type, "category": c.category}, **base)
        for h in m.domains:
            c = h.concept
            yield Record(kind="domain", id=f"dom:{c.key}", label=c.pref, text=h.text, start=h.start, end=h.end,
                         fields={"broader": [b.key for b in v.ancestors(c)]}, **base)
        for h in m.regions:
            c = h.concept
            yield Record(kind="region", id=f"reg:{c.key}", label=c.pref, text=h.text, start=h.start, end=h.end,
                         fields={"code": c.attrs.get("adminCode"), "level": c.attrs.get("governmentLevel")}, **base)
        is_footnote = "/fn" in s.id
        if not is_footnote:
            for ms in find_measures(text, s.start, s.end, m):
                sub = ms.subject_span or (ms.start, ms.start)
                agent_ids = {a.id for a in ms.agents}
                inside = [x for x in m.actors if ms.start <= x.start < ms.end and not (sub[0] <= x.start < sub[1])
                          and x.id not in agent_ids]
                insts = list(dict.fromkeys(f"inst:{h.concept.key}" for h in m.instruments if ms.start <= h.start < ms.end))
                doms = list(dict.fromkeys(f"dom:{h.concept.key}" for h in m.domains if ms.start <= h.start < ms.end))
                agents = list(dict.fromkeys(a.label for a in ms.agents))
                label = f"{'、'.join(agents) or '（未明示）'} · {mod_label[ms.modality]} · {ms.action}"
                yield Record(kind="measure", id=record_id("measure", doc.id, s.id, ms.start, ms.end), label=label,
                             text=text[ms.start:ms.end], start=ms.start, end=ms.end,
                             fields={"agents": agents, "agent_ids": list(dict.fromkeys(a.id for a in ms.agents)),
                                     "modality": ms.modality, "cue": ms.cue, "action": ms.action,
                                     "instruments": insts, "domains": doms,
                                     "beneficiaries": list(dict.fromkeys(x.label for x in inside)),
                                     "beneficiary_ids": list(dict.fromkeys(x.id for x in inside))}, **base)
            para_start = prov_start.get(s.provision, s.start)
            context = text[para_start:s.start]
            for q in find_quantities(text, s.start, s.end, m, doc_type=doc.meta.doc_type, title=doc.meta.title,
                                     context=context, footnotes=[fn_text[f] for f in s.footnotes if f in fn_text]):
                fields = {"metric": q.metric, "value": q.value, "unit": q.unit, "comparator": q.comparator,
                          "domains": [f"dom:{d}" for d in q.domains]}
                if q.kind == "target":
                    fields.update(year=q.year, period=q.period, jurisdiction=jurisdiction)
                else:
                    fields.update(as_of=q.as_of, source=q.source)
                yield Record(kind=q.kind, id=record_id(q.kind, doc.id, s.id, q.start, q.end), label=q.metric,
                             text=text[q.start:q.end], start=q.start, end=q.end, fields=fields, **base)
        for c in find_citations(text, s.start, s.end, m, cstate):
            yield Record(kind="citation", id=c.id, label=c.title, text=text[c.start:c.end], start=c.start, end=c.end,
                         fields={"title": c.title, "date": c.date, "issuers": [a.label for a in c.issuers],
                                 "issuer_ids": [a.id for a in c.issuers], "issuer_count": c.issuer_count}, **base)


def records_to_jsonl(records: Iterable[Record]) -> str:
    return "".join(r.dumps() + "\n" for r in records)
