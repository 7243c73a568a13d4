"""The closed namespaces of ontology/namespace.py."""

import pytest

PKG_MEASURE = "https://w3id.org/policykg/ontology#Measure"


def test_closed_namespace_rejects_typos():
    from policykg.ontology.namespace import DOM, PKG
    assert str(PKG.Measure) == PKG_MEASURE
    with pytest.raises(AttributeError):
        _ = PKG.Measur
    assert str(DOM["low-altitude-economy"]).endswith("/domain/low-altitude-economy")
    with pytest.raises(AttributeError):
        _ = DOM["low-altitude-econmy"]
