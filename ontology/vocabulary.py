"""The ontology's SKOS vocabularies as plain data.

:func:`vocabulary` parses the Turtle files once and returns a
:class:`Vocabulary`: every concept with its labels, scheme, broader concepts
and annotations, plus label → concepts indexes for the extractor.  Nothing in
``extract/`` or ``graph/`` lists labels of its own.

>>> v = vocabulary()
>>> c = v.lookup("工信部", "actor")[0]
>>> c.pref, c.attrs["actorClass"]
('工业和信息化部', 'Department')
>>> v.concept("inst", "compute-voucher").category
'demand'
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from policykg import chars as _chars
from policykg.chars import normalize_label
from policykg.errors import OntologyError
from policykg.files import atomic_write

__all__ = ["Concept", "Vocabulary", "vocabulary", "ttl_files", "load_graph", "NS", "BASE",
           "SCHEMES", "LEXICON_SCHEMES"]

BASE = "https://w3id.org/policykg/"
NS = {
    "pkg": BASE + "ontology#",
    "dom": BASE + "vocab/domain/",
    "inst": BASE + "vocab/instrument/",
    "itype": BASE + "vocab/instrument-type/",
    "rz": BASE + "vocab/rz/",
    "role": BASE + "vocab/role/",
    "act": BASE + "vocab/actor/",
    "reg": BASE + "vocab/region/",
    "lvl": BASE + "vocab/level/",
    "mod": BASE + "vocab/modality/",
    "cmp": BASE + "vocab/comparator/",
    "dt": BASE + "vocab/doctype/",
    "plv": BASE + "vocab/provision-level/",
    "id": BASE + "id/",
}
#: scheme prefix → the kind of mention its labels produce
SCHEMES = {"inst": "instrument", "dom": "domain", "role": "actor", "act": "actor",
           "reg": "region", "lvl": "level", "mod": "modality", "cmp": "comparator",
           "dt": "doctype", "plv": "provision-level", "rz": "category", "itype": "instrument-type"}
#: schemes whose labels the mention matcher uses; a label may name only one concept across them
LEXICON_SCHEMES = ("inst", "dom", "role", "act", "reg")

_SKOS = "http://www.w3.org/2004/02/skos/core#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_ANNOTATIONS = {  # pkg annotation → attrs key; values are local names or literals
    "actorClass", "governmentLevel", "stem", "rzCategory", "adminCode", "slug", "regionKind",
    "spansLevel", "ambiguous", "role",
}


@dataclass(frozen=True, slots=True)
class Concept:
    iri: str
    scheme: str                   # prefix: inst, dom, role, act, reg, ...
    key: str                      # local name within the scheme
    pref: str                     # zh prefLabel
    alt: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()  # cue words (skos:hiddenLabel)
    en: str = ""
    broader: tuple[str, ...] = ()  # keys in the same scheme
    notation: str | None = None
    types: tuple[str, ...] = ()    # pkg class local names the concept is typed with
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.pref, *self.alt)

    @property
    def kind(self) -> str:
        return SCHEMES[self.scheme]

    @property
    def category(self) -> str | None:
        """Rothwell–Zegveld category key of an instrument (its own, else its type's)."""
        return self.attrs.get("rzCategory")

    @property
    def instrument_type(self) -> str | None:
        return self.attrs.get("instrumentType")


@dataclass(slots=True)
class Vocabulary:
    concepts: dict[str, Concept]                  # iri → concept
    by_scheme: dict[str, dict[str, Concept]]      # scheme → key → concept
    label_index: dict[str, list[Concept]]         # zh label (pref/alt) → concepts
    classes: dict[str, dict[str, Any]]            # pkg class local name → {label, super, cypher}
    properties: dict[str, dict[str, Any]]         # curie → {cypher, kind}
    _ancestors: dict[str, list[Concept]] = field(default_factory=dict, repr=False)

    def concept(self, scheme: str, key: str) -> Concept:
        try:
            return self.by_scheme[scheme][key]
        except KeyError:
            raise OntologyError(f"no concept {scheme}:{key} in the ontology") from None

    def scheme(self, scheme: str) -> list[Concept]:
        return list(self.by_scheme.get(scheme, {}).values())

    def lookup(self, label: str, kind: str | None = None) -> list[Concept]:
        found = self.label_index.get(label, [])
        return [c for c in found if kind is None or c.kind == kind]

    def ancestors(self, concept: Concept) -> list[Concept]:
        """Broader concepts, nearest first, each once."""
        cached = self._ancestors.get(concept.iri)
        if cached is not None:
            return cached
        out: list[Concept] = []
        todo = list(concept.broader)
        schemes = self.by_scheme[concept.scheme]
        while todo:
            k = todo.pop(0)
            c = schemes.get(k)
            if c and c not in out:
                out.append(c)
                todo.extend(c.broader)
        self._ancestors[concept.iri] = out
        return out

    def lexicon(self, schemes: tuple[str, ...] = LEXICON_SCHEMES) -> dict[str, list[Concept]]:
        """Label → concepts for the given schemes (the extractor's dictionary)."""
        out: dict[str, list[Concept]] = {}
        for s in schemes:
            for c in self.by_scheme.get(s, {}).values():
                for label in c.labels:
                    out.setdefault(label, []).append(c)
        return out


def ttl_files() -> list[Path]:
    root = resources.files("policykg.ontology")
    files = [Path(str(root / "policy.ttl"))]
    files += sorted(Path(str(root / "vocab")).glob("*.ttl"))
    return files


@lru_cache(maxsize=1)
def load_graph():
    """The whole ontology (classes, properties, vocabularies) as one rdflib Graph."""
    import rdflib
    g = rdflib.Graph()
    for f in ttl_files():
        g.parse(f, format="turtle")
    return g


def _split(iri: str) -> tuple[str, str] | None:
    for prefix, ns in NS.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return prefix, iri[len(ns):]
    return None


def _label_norm(label: str) -> str:
    return normalize_label(label)


def _build() -> dict[str, Any]:
    """Read the Turtle into JSON-ready plain data."""
    g = load_graph()
    concepts = _concepts(g)
    _inherit_instrument_types(concepts)
    return {"concepts": concepts, "classes": _classes(g), "properties": _properties(g)}


def _local(node) -> str | None:
    """The local name of a node in one of :data:`NS`, else None."""
    parts = _split(str(node))
    return parts[1] if parts else None


def _pkg_local(node) -> str | None:
    """The local name of a ``pkg:`` node, else None."""
    parts = _split(str(node))
    return parts[1] if parts and parts[0] == "pkg" else None


def _concepts(g) -> dict[str, dict[str, Any]]:
    import rdflib
    from rdflib.namespace import RDF
    skos = rdflib.Namespace(_SKOS)
    concepts: dict[str, dict[str, Any]] = {}
    for s in set(g.subjects(RDF.type, skos.Concept)):
        parts = _split(str(s))
        if parts:
            concepts[str(s)] = _concept(g, s, parts)
    return concepts


def _concept(g, s, parts: tuple[str, str]) -> dict[str, Any]:
    import rdflib
    from rdflib.namespace import RDF
    skos = rdflib.Namespace(_SKOS)
    scheme_node = g.value(s, skos.inScheme)
    scheme_parts = _split(str(scheme_node)) if scheme_node is not None else None
    scheme = scheme_parts[0] if scheme_parts else parts[0]
    if scheme == "pkg":   # an instrument-type class (punned): scheme itype
        scheme = "itype"
    zh = [str(o) for o in g.objects(s, skos.prefLabel) if getattr(o, "language", None) == "zh"]
    en = [str(o) for o in g.objects(s, skos.prefLabel) if getattr(o, "language", None) == "en"]
    notation = g.value(s, skos.notation)
    return {
        "iri": str(s), "scheme": scheme, "key": parts[1],
        "pref": _label_norm(zh[0]) if zh else "",
        "alt": sorted(_label_norm(str(o)) for o in g.objects(s, skos.altLabel)),
        "hidden": sorted(str(o) for o in g.objects(s, skos.hiddenLabel)),
        "en": en[0] if en else "",
        "broader": sorted(_local(o) for o in g.objects(s, skos.broader) if _split(str(o))),
        "notation": str(notation) if notation is not None else None,
        "types": sorted(_pkg_local(t) for t in g.objects(s, RDF.type) if _pkg_local(t)),
        "attrs": _annotations(g, s),
    }


def _annotations(g, s) -> dict[str, Any]:
    """The concept's ``pkg:`` annotations (:data:`_ANNOTATIONS`); ``stem`` and ``spansLevel`` are lists."""
    import rdflib
    attrs: dict[str, Any] = {}
    for p, o in g.predicate_objects(s):
        name = _pkg_local(p)
        if name not in _ANNOTATIONS:
            continue
        val = _local(o) if isinstance(o, rdflib.URIRef) and _split(str(o)) else str(o)
        if name in ("stem", "spansLevel"):
            attrs.setdefault(name, []).append(val)
        else:
            attrs[name] = val
    for k in ("stem", "spansLevel"):
        if k in attrs:
            attrs[k] = sorted(attrs[k])
    return attrs


def _inherit_instrument_types(concepts: dict[str, dict[str, Any]]) -> None:
    """Instruments: the type class is rdf:type; the category defaults to the type's."""
    type_cat = {c["key"]: c["attrs"].get("rzCategory") for c in concepts.values() if c["scheme"] == "itype"}
    for c in concepts.values():
        if c["scheme"] == "inst":
            itypes = [t for t in c["types"] if t in type_cat]
            c["attrs"]["instrumentType"] = itypes[0] if itypes else None
            c["attrs"].setdefault("rzCategory", type_cat.get(itypes[0]) if itypes else None)


def _classes(g) -> dict[str, dict[str, Any]]:
    import rdflib
    from rdflib.namespace import OWL, RDF, RDFS
    pkg = rdflib.Namespace(NS["pkg"])
    classes: dict[str, dict[str, Any]] = {}
    for s in set(g.subjects(RDF.type, OWL.Class)):
        name = _pkg_local(s)
        if not name:
            continue
        sup = sorted(sup_name for o in g.objects(s, RDFS.subClassOf) if (sup_name := _pkg_local(o)))
        label = next((str(o) for o in g.objects(s, RDFS.label) if getattr(o, "language", None) == "en"), name)
        zh = next((str(o) for o in g.objects(s, RDFS.label) if getattr(o, "language", None) == "zh"), label)
        cypher = g.value(s, pkg.cypherName)
        classes[name] = {"label": label, "zh": zh, "super": sup, "cypher": str(cypher) if cypher else name}
    return classes


_STANDARD_NS = {"http://data.europa.eu/eli/ontology#": "eli", "http://purl.org/dc/terms/": "dcterms",
                "http://www.w3.org/ns/org#": "org", _SKOS: "skos", "http://www.w3.org/ns/prov#": "prov"}


def _curie(iri: str) -> tuple[str, str] | None:
    """(curie, local name) of a ``pkg:`` or standard-vocabulary property, else None."""
    sp = _split(iri)
    if sp and sp[0] == "pkg":
        return "pkg:" + sp[1], sp[1]
    ns = next((n for n in _STANDARD_NS if iri.startswith(n)), None)
    if ns is None:
        return None
    local = iri[len(ns):]
    return f"{_STANDARD_NS[ns]}:{local}", local


def _properties(g) -> dict[str, dict[str, Any]]:
    import rdflib
    from rdflib.namespace import OWL, RDF, RDFS
    pkg = rdflib.Namespace(NS["pkg"])
    properties: dict[str, dict[str, Any]] = {}
    prop_types = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.SymmetricProperty)
    for t in prop_types:
        for s in g.subjects(RDF.type, t):
            iri = str(s)
            named = _curie(iri)
            if named is None:
                continue
            curie, local = named
            kind = g.value(s, pkg.graphKind)
            cypher = g.value(s, pkg.cypherName)
            entry = properties.setdefault(curie, {"iri": iri, "local": local})
            entry["kind"] = str(kind) if kind is not None else entry.get("kind")
            entry["cypher"] = str(cypher) if cypher is not None else entry.get("cypher")
            entry["object"] = entry.get("object", False) or t in (OWL.ObjectProperty, OWL.SymmetricProperty)
            rng = g.value(s, RDFS.range)
            if rng is not None:
                entry["range"] = str(rng).rsplit("#", 1)[-1]
    return properties


def _fingerprint() -> str:
    h = hashlib.sha256()
    for f in ttl_files():
        h.update(f.name.encode())
        h.update(f.read_bytes())
    h.update(Path(_chars.__file__).read_bytes())   # labels are normalized by this module
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()[:16]


def _cache_dir() -> Path:
    base = os.environ.get("POLICYKG_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "policykg"


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabularies, parsed once per process (and cached on disk by content hash)."""
    path = _cache_dir() / f"vocabulary-{_fingerprint()}.json"
    data = None
    if path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
    if data is None:
        data = _build()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with atomic_write(path) as fh:
                fh.write(json.dumps(data, ensure_ascii=False))
        except OSError:
            pass   # a read-only home is fine: we just parse again next time
    concepts = {iri: Concept(iri=c["iri"], scheme=c["scheme"], key=c["key"], pref=c["pref"],
                             alt=tuple(c["alt"]), hidden=tuple(c["hidden"]), en=c["en"],
                             broader=tuple(c["broader"]), notation=c["notation"],
                             types=tuple(c["types"]), attrs=c["attrs"])
                for iri, c in sorted(data["concepts"].items())}
    by_scheme: dict[str, dict[str, Concept]] = {}
    label_index: dict[str, list[Concept]] = {}
    for c in concepts.values():
        by_scheme.setdefault(c.scheme, {})[c.key] = c
        for label in c.labels:
            if label:
                label_index.setdefault(label, []).append(c)
    return Vocabulary(concepts, by_scheme, label_index, data["classes"], data["properties"])
