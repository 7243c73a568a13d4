"""The extraction output: one frozen record per mention, measure, target, statistic or citation.

Every record carries the document id, provision id, sentence id and text, and
character offsets into the document's normalized text.  Each kind is its own
dataclass with its own fields; :meth:`Record.to_json` flattens them into the
JSON object documented in README.md ("Extraction output") and
:func:`record_from_json` reads one back.

>>> r = InstrumentRecord(doc="d", id="inst:compute-voucher", label="算力券", text="算力券", start=3, end=6,
...                      provision="d/art1", sentence_id="d/art1/s1", sentence="发放算力券。",
...                      type="Voucher", category="demand")
>>> r.to_json()["category"], r.kind
('demand', 'instrument')
>>> record_from_json(r.to_json()) == r
True
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import MISSING, dataclass, fields
from pathlib import Path
from typing import Any, ClassVar

import orjson

from policykg.errors import InputError

__all__ = ["Record", "ActorRef", "ActorRecord", "InstrumentRecord", "DomainRecord", "RegionRecord",
           "MeasureRecord", "TargetRecord", "StatisticRecord", "CitationRecord", "ParameterRecord",
           "SanctionRecord", "KINDS", "RECORD_TYPES",
           "record_id", "record_from_json", "read_jsonl", "write_jsonl"]

_BASE = ("doc", "kind", "id", "label", "text", "start", "end", "provision", "sentence_id", "sentence")


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A resolved actor as other records refer to it (issuers, parents, sources of statistics)."""

    id: str
    label: str
    type: str | None = None
    generic: bool = False
    role: str | None = None
    level: str | None = None
    jurisdiction: str | None = None
    parent: str | None = None
    parent_actor: ActorRef | None = None

    def to_json(self, short: bool = False) -> dict[str, Any]:
        """All fields; ``short`` (a parent inside an actor record, whose id is the record's
        ``parent``) leaves out ``id``, ``parent`` and ``parent_actor``."""
        if short:
            return {"label": self.label, "type": self.type, "generic": self.generic, "role": self.role,
                    "level": self.level, "jurisdiction": self.jurisdiction}
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "parent_actor"}
        if self.parent_actor is not None:
            out["parent_actor"] = self.parent_actor.to_json(short=True)
        return out

    @classmethod
    def from_json(cls, d: dict[str, Any], id: str | None = None) -> ActorRef:
        pa = d.get("parent_actor")
        parent = d.get("parent")
        return cls(id=d.get("id") or id or "", label=d["label"], type=d.get("type"), generic=bool(d.get("generic")),
                   role=d.get("role"), level=d.get("level"), jurisdiction=d.get("jurisdiction"), parent=parent,
                   parent_actor=cls.from_json(pa, id=parent) if pa and parent else None)


@dataclass(frozen=True, slots=True)
class Record:
    """What every record has: where it is and what it says."""

    kind: ClassVar[str] = ""
    #: kind-specific fields that are written only when set (additions to the documented format)
    optional: ClassVar[tuple[str, ...]] = ()

    doc: str
    id: str
    label: str
    text: str
    start: int
    end: int
    provision: str
    sentence_id: str
    sentence: str

    @property
    def fields(self) -> dict[str, Any]:
        """The kind-specific fields as JSON-ready data."""
        out: dict[str, Any] = {}
        self._add_fields(out)
        return out

    def _add_fields(self, out: dict[str, Any]) -> None:
        for name, optional in _own_fields(type(self)):
            v = getattr(self, name)
            if optional and v in (None, (), []):
                continue
            if isinstance(v, ActorRef):
                out[name] = v.to_json(short=name == "parent_actor")
            else:
                out[name] = _plain(v) if isinstance(v, tuple) else v

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"doc": self.doc, "kind": self.kind, "id": self.id, "label": self.label,
                               "text": self.text, "start": self.start, "end": self.end,
                               "provision": self.provision, "sentence_id": self.sentence_id,
                               "sentence": self.sentence}
        self._add_fields(out)
        return out

    def dumps(self) -> str:
        """``to_json()`` as one line of JSON (orjson writes tuples as the lists ``to_json`` makes)."""
        as_dict, optional, refs = _dump_plan(type(self))
        out = as_dict(self)
        for name in optional:
            if out[name] in (None, (), []):
                del out[name]
        for name in refs:
            v = out.get(name)
            if isinstance(v, ActorRef):
                out[name] = v.to_json(short=name == "parent_actor")
        return orjson.dumps(out, default=_json_default, option=orjson.OPT_PASSTHROUGH_DATACLASS).decode("utf-8")

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Record:
        kw = {}
        for f in fields(cls):
            if f.name not in d:
                continue
            v = d[f.name]
            if f.name == "parent_actor" and v:
                v = ActorRef.from_json(v, id=d.get("parent"))
            elif f.name == "source_actors":
                v = tuple(ActorRef.from_json(x) for x in v)
            elif isinstance(v, list):
                v = tuple(v)
            kw[f.name] = v
        return cls(**kw)


_OWN_FIELDS: dict[type, tuple[tuple[str, bool], ...]] = {}


def _own_fields(cls: type) -> tuple[tuple[str, bool], ...]:
    """The kind-specific fields of a record class, in order, each with whether it is optional."""
    own = _OWN_FIELDS.get(cls)
    if own is None:
        own = _OWN_FIELDS[cls] = tuple((f.name, f.name in cls.optional)   # type: ignore[attr-defined]
                                       for f in fields(cls) if f.name not in _BASE)
    return own


_DUMP_PLANS: dict[type, tuple[Callable[[Any], dict[str, Any]], tuple[str, ...], tuple[str, ...]]] = {}


def _dump_plan(cls: type) -> tuple[Callable[[Any], dict[str, Any]], tuple[str, ...], tuple[str, ...]]:
    """What :meth:`Record.dumps` writes for a record class: a function making the JSON object of
    every field in order (one dict display, generated once per class as dataclasses generates
    ``__init__``: a third of the time of a loop over the fields), the optional fields (left out when
    empty) and the fields that may hold an :class:`ActorRef`."""
    plan = _DUMP_PLANS.get(cls)
    if plan is None:
        own = _own_fields(cls)
        names = _BASE + tuple(n for n, _ in own)
        assert all(n.isidentifier() for n in names)
        src = "def as_dict(r):\n    return {" + ", ".join(f"{n!r}: r.{n}" for n in names) + "}\n"
        scope: dict[str, Any] = {}
        exec(compile(src, f"<dumps of {cls.__name__}>", "exec"), scope)     # noqa: S102 (field names only)
        types = {f.name: str(f.type) for f in fields(cls)}
        plan = _DUMP_PLANS[cls] = (scope["as_dict"], tuple(n for n, opt in own if opt),
                                   tuple(n for n, _ in own if "ActorRef" in types[n]))
    return plan


def _json_default(v: Any) -> Any:
    """What orjson does not write itself: the references inside tuples (as :func:`_plain` does)."""
    if isinstance(v, ActorRef):
        return v.to_json()
    if hasattr(v, "__dataclass_fields__"):
        return {f.name: getattr(v, f.name) for f in fields(v)}
    raise TypeError(f"{type(v).__name__} is not JSON serializable")


def _plain(v: Any) -> Any:
    if isinstance(v, tuple):
        return [_plain(x) for x in v]
    if isinstance(v, ActorRef):
        return v.to_json()
    return v


@dataclass(frozen=True, slots=True)
class ActorRecord(Record):
    kind: ClassVar[str] = "actor"
    optional: ClassVar[tuple[str, ...]] = ("parent_actor",)

    type: str = "Enterprise"
    generic: bool = False
    role: str | None = None
    level: str | None = None
    jurisdiction: str | None = None
    parent: str | None = None
    parent_actor: ActorRef | None = None

    def ref(self) -> ActorRef:
        return ActorRef(self.id, self.label, self.type, self.generic, self.role, self.level, self.jurisdiction,
                        self.parent, self.parent_actor)


@dataclass(frozen=True, slots=True)
class InstrumentRecord(Record):
    kind: ClassVar[str] = "instrument"

    type: str | None = None
    category: str | None = None


@dataclass(frozen=True, slots=True)
class DomainRecord(Record):
    kind: ClassVar[str] = "domain"

    broader: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RegionRecord(Record):
    kind: ClassVar[str] = "region"

    code: str | None = None
    level: str | None = None


@dataclass(frozen=True, slots=True)
class MeasureRecord(Record):
    kind: ClassVar[str] = "measure"
    optional: ClassVar[tuple[str, ...]] = ("responsible", "responsible_ids")

    agents: tuple[str, ...] = ()
    agent_ids: tuple[str, ...] = ()
    modality: str = "obligation"
    cue: str = ""
    action: str = ""
    instruments: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    beneficiaries: tuple[str, ...] = ()
    beneficiary_ids: tuple[str, ...] = ()
    #: units a responsibility bracket （X牵头，Y负责） makes responsible for this task: as written in the
    #: bracket (the bracket is often a sentence of its own), and their actor ids
    responsible: tuple[str, ...] = ()
    responsible_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TargetRecord(Record):
    kind: ClassVar[str] = "target"

    metric: str = ""
    value: int | float = 0
    unit: str = ""
    comparator: str | None = None
    domains: tuple[str, ...] = ()
    year: int | None = None
    period: str | None = None
    jurisdiction: str | None = None


@dataclass(frozen=True, slots=True)
class StatisticRecord(Record):
    kind: ClassVar[str] = "statistic"
    optional: ClassVar[tuple[str, ...]] = ("source_actors",)

    metric: str = ""
    value: int | float = 0
    unit: str = ""
    comparator: str | None = None
    domains: tuple[str, ...] = ()
    as_of: str | None = None
    source: str | None = None
    #: the source resolved to named actors, when it names them (an addition to the 0.1 format)
    source_actors: tuple[ActorRef, ...] = ()


@dataclass(frozen=True, slots=True)
class CitationRecord(Record):
    kind: ClassVar[str] = "citation"
    optional: ClassVar[tuple[str, ...]] = ("doc_type", "self_reference")

    title: str = ""
    date: str | None = None
    issuers: tuple[str, ...] = ()
    issuer_ids: tuple[str, ...] = ()
    issuer_count: int | None = None
    #: the cited document's type by its title (an addition to the 0.1 format)
    doc_type: str | None = None
    #: True when the title is the document's own (现将《…》印发给你们): it names no other document
    self_reference: bool | None = None


@dataclass(frozen=True, slots=True)
class ParameterRecord(Record):
    """A number that defines an instrument: a subsidy rate, a cap, a minimum, an amount, a duration, a threshold."""

    kind: ClassVar[str] = "parameter"

    instrument: str | None = None          # instrument concept id (inst:…), when the vocabulary knows it
    instrument_text: str = ""              # the instrument as written
    parameter_type: str = "amount"         # rate | cap | minimum | amount | duration | threshold
    value: int | float = 0
    unit: str = ""
    per: str | None = None                 # 企业 | 年 | 项目 … (per subject, per year, per project)
    beneficiary: str | None = None


@dataclass(frozen=True, slots=True)
class SanctionRecord(Record):
    """A penalty of a 法律责任 chapter: who imposes it, for which breach, the fine range."""

    kind: ClassVar[str] = "sanction"

    imposer: str | None = None             # label
    imposer_id: str | None = None
    breach: str | None = None              # the article or conduct it punishes
    min: int | float | None = None
    max: int | float | None = None
    unit: str = ""
    measure: str | None = None             # id of the measure it enforces, when known


def fast_frozen_init(cls: type) -> type:
    """Give a frozen, slotted dataclass an ``__init__`` that writes each slot through its descriptor.

    Same parameters, defaults and result as the generated one, in about half the time: a frozen
    dataclass's ``__init__`` goes through ``object.__setattr__`` for every field, and an extraction
    makes one record per mention (a class with default factories, ``__post_init__``, keyword-only or
    non-init fields keeps its own ``__init__``).
    """
    fs = fields(cls)
    if hasattr(cls, "__post_init__") or any(f.default_factory is not MISSING or f.kw_only or not f.init
                                            for f in fs):
        return cls
    scope: dict[str, Any] = {}
    params, body = [], []
    for i, f in enumerate(fs):
        assert f.name.isidentifier()
        if f.default is MISSING:
            params.append(f.name)
        else:
            scope[f"_d{i}"] = f.default
            params.append(f"{f.name}=_d{i}")
        scope[f"_s{i}"] = getattr(cls, f.name).__set__          # the slot's member descriptor
        body.append(f"    _s{i}(self, {f.name})\n")
    src = f"def __init__(self, {', '.join(params)}):\n" + "".join(body)
    exec(compile(src, f"<__init__ of {cls.__name__}>", "exec"), scope)     # noqa: S102 (field names only)
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    cls.__init__ = init                                          # type: ignore[misc]
    return cls


RECORD_TYPES: dict[str, type[Record]] = {c.kind: c for c in (
    ActorRecord, InstrumentRecord, DomainRecord, RegionRecord, MeasureRecord, TargetRecord, StatisticRecord,
    CitationRecord, ParameterRecord, SanctionRecord)}
KINDS = tuple(RECORD_TYPES)
_FROZEN: tuple[type, ...] = (ActorRef, *RECORD_TYPES.values())
for _cls in _FROZEN:
    fast_frozen_init(_cls)


def record_from_json(d: dict[str, Any]) -> Record:
    """The typed record for one JSON object of ``extractions.jsonl``."""
    try:
        cls = RECORD_TYPES[d["kind"]]
    except KeyError:
        raise ValueError(f"unknown record kind {d.get('kind')!r}") from None
    return cls.from_json(d)


def record_id(prefix: str, doc: str, *parts: object) -> str:
    """Deterministic id for a statement: ``measure:heilongjiang-2024/3f2a9c81d0``."""
    h = hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:10]
    return f"{prefix}:{doc}/{h}"


def write_jsonl(records: Iterable[Record], fh) -> int:
    """Write records to a binary file handle, one JSON object a line; returns the count."""
    n = 0
    for r in records:
        fh.write(orjson.dumps(r.to_json()) + b"\n")
        n += 1
    return n


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read an extraction (or gold) JSONL file; errors name the file and line."""
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
