"""Neo4j labels and relationship types derived from the ontology (ontology/mapping.py)."""

import pytest


def test_neo4j_mapping_is_derived():
    from policykg.ontology import mapping
    assert mapping.rel_type("pkg:usesInstrument") == "USES_INSTRUMENT"
    assert mapping.rel_type("pkg:responsibleFor") == "RESPONSIBLE_FOR"
    assert mapping.node_labels("Department") == ["Department", "Actor"]
    from policykg.errors import OntologyError
    with pytest.raises(OntologyError):
        mapping.rel_type("pkg:usesInstrumnt")
    with pytest.raises(OntologyError):
        mapping.node_labels("Departmnt")
