"""Stage ``issuers``: the document's issuers (front matter or inferred) resolved to actors.

Resolved like any actor mention, in the document's jurisdiction; a name the
vocabularies do not know becomes an organisation of its own.
"""

from __future__ import annotations

import hashlib

from policykg.extract.document.model import Document
from policykg.extract.records import ActorRef
from policykg.extract.stage import stage
from policykg.extract.stages.actors import Actor, org_label, resolve_actors

__all__ = ["actor_ref", "resolve_issuer"]


def actor_ref(a: Actor) -> ActorRef:
    """The record-level reference to a resolved actor (with its parent government, if any)."""
    p = a.parent_actor
    parent = None if p is None else ActorRef(a.parent or p.id, p.label, p.cls, p.generic, p.role, p.level,
                                             p.jurisdiction)
    return ActorRef(a.id, a.label, a.cls, a.generic, a.role, a.level, a.jurisdiction, a.parent, parent)


def resolve_issuer(name: str, jurisdiction: str | None) -> ActorRef:
    """An issuer's name as an actor: the vocabulary's if it names one (nearly) whole, else an organisation."""
    found = [a for a in resolve_actors(name, jurisdiction) if a.end - a.start >= len(name) - 2]
    if found:
        return actor_ref(found[0])
    label = org_label(name)
    return ActorRef("actor:org/" + hashlib.sha1(label.encode("utf-8")).hexdigest()[:10], label, "Enterprise")


@stage("issuers", requires=("meta",), assigns=("issuers",), order=5)
def issuers(doc: Document) -> Document:
    refs = [resolve_issuer(name, doc.meta.jurisdiction) for name in doc.meta.issuers]
    doc.layers["issuers"] = refs
    doc.meta.issuer_actors = [r.to_json() for r in refs]
    return doc
