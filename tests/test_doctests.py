"""Run the docstring examples of every module (they are documentation that must stay true)."""

import doctest
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# the installed package maps these repository folders to subpackages of policykg
FOLDERS = {"policykg": "policykg", "extract": "policykg.extract", "graph": "policykg.graph",
           "viz": "policykg.viz", "ontology": "policykg.ontology"}
MODULES = sorted(
    ".".join([pkg, *p.relative_to(ROOT / folder).with_suffix("").parts]).removesuffix(".__init__")
    for folder, pkg in FOLDERS.items()
    for p in (ROOT / folder).rglob("*.py")
    if p.stem not in ("__main__",)
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"


def test_modules_were_found():
    assert "policykg.extract.text.normalize" in MODULES and "policykg.ontology.vocabulary" in MODULES
