"""ontology/namespace.py is generated from the Turtle (ontology/generate.py)."""


def test_generated_namespace_is_in_sync_with_the_turtle():
    from policykg.ontology.generate import render, target
    assert target().read_text(encoding="utf-8") == render(), "run: python -m policykg.ontology.generate"
