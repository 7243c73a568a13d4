"""The document model (extract/document/model.py)."""

from policykg.ontology import vocabulary


def test_provision_levels_agree_with_the_code():
    from policykg.extract.document.model import LEVELS
    v = vocabulary()
    assert {c.key: c.notation for c in v.scheme("plv")} == LEVELS
