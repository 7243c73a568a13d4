"""The extractor's word lists live in the ontology (rules/*.yaml, vocab/*.ttl), not in Python.

(a) every rules file loads and has the shape the code expects, and its keys are read by
the code; (b) no Chinese word list longer than three items is left in the library's Python
source, neither as a list/tuple/set literal nor as a regex alternation — only the grammar
patterns of ``GRAMMAR`` below.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from policykg.chars import CJK, normalize_label
from policykg.ontology import vocabulary
from policykg.ontology.rules import alternation, rule_files, rules

ROOT = Path(__file__).resolve().parents[2]
SOURCE_FOLDERS = ("extract", "graph", "viz", "policykg", "ontology")
_CJK_CHAR = re.compile(f"[{CJK}]")

#: rules files the code reads (a missing one fails at import; an extra one is dead data)
EXPECTED = {"actors", "documents", "instruments", "mentions", "modality", "quantities", "structure",
            "vocab"}          # vocab: policykg vocab mine (policykg/vocab.py)

#: Grammar patterns allowed to list more than three Chinese alternatives, as
#: (path relative to the repository, an exact substring of the flagged literal): why it is grammar.
GRAMMAR: dict[tuple[str, str], str] = {
    # none today: numerals (一二三…), 第…条 markers and date shapes are character classes or
    # short alternations, which the scan below does not flag
}


def _source_files() -> list[Path]:
    return sorted(p for folder in SOURCE_FOLDERS for p in (ROOT / folder).rglob("*.py"))


# --- (a) the rules files --------------------------------------------------------------------

def test_every_rules_file_is_expected_and_loads():
    names = {p.stem for p in rule_files()}
    assert names == EXPECTED
    for name in names:
        data = rules(name)
        assert isinstance(data, dict) and data, name


def _leaves(value, where: str):
    """(where, word) for every word of a rules value: lists of words, mappings of word → value."""
    if isinstance(value, list):
        assert value, f"{where}: empty list"
        assert len(set(value)) == len(value), f"{where}: a word is listed twice"
        for i, w in enumerate(value):
            assert isinstance(w, str) and w, f"{where}[{i}]: not a word"
            yield where, w
    elif isinstance(value, dict):
        assert value, f"{where}: empty mapping"
        for k, v in value.items():
            assert isinstance(k, str) and k, f"{where}: key {k!r} is not a word"
            yield where, k
            if isinstance(v, (list, dict)):
                yield from _leaves(v, f"{where}.{k}")
            else:
                assert isinstance(v, (str, int)), f"{where}.{k}: {v!r}"
                if isinstance(v, str):
                    yield f"{where}.{k}", v
    else:
        raise AssertionError(f"{where}: a rules entry is a list or a mapping, not {type(value).__name__}")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_rules_file_shape(name):
    for where, word in _leaves(rules(name), name):
        if _CJK_CHAR.search(word):
            # words are matched against normalized text: full-width （）, simplified characters
            assert normalize_label(word) == word, f"{where}: {word!r} is not in normalized form"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_rules_key_is_read_by_the_code(name):
    source = "\n".join(p.read_text(encoding="utf-8") for p in _source_files())
    for key, value in rules(name).items():
        keys = [key] + (list(value) if key == "deictic" else [])
        for k in keys:
            assert re.search(rf"['\"]{re.escape(k)}['\"]", source), f"rules/{name}.yaml: {k} is read nowhere"


def test_rules_refer_to_ontology_concepts():
    v = vocabulary()
    levels = {c.key for c in v.scheme("lvl")}
    actors = rules("actors")
    assert set(actors["level_prefixes"].values()) <= levels
    assert set(actors["unit_words"].values()) <= levels
    assert all(len(w) == 1 for w in actors["unit_words"])
    assert set(actors["coordinated_levels"]) <= set(actors["level_prefixes"])
    actor_classes = {c for c in v.classes if c == "Actor" or "Actor" in v.classes[c]["super"]}
    assert set(actors["organisation_suffixes"].values()) <= actor_classes
    doc_types = {c.key for c in v.scheme("dt")}
    kinds = rules("structure")["doc_kinds"]
    assert set(kinds) == {"report", "rules"}
    assert {t for ts in kinds.values() for t in ts} <= doc_types
    q = rules("quantities")
    comparator_words = {w for c in v.scheme("cmp") for w in c.hidden}
    assert set(q["after_figure"]) <= comparator_words          # their symbol is the comparator's notation
    assert all(isinstance(n, int) and n > 1 for n in q["magnitudes"].values())
    assert set(q["unit_aliases"].values()) <= set(q["units"])
    modal_cues = {w for c in v.scheme("mod") for w in c.hidden}
    assert set(rules("modality")["encourages_actor"]) <= modal_cues


def test_alternation_tries_longer_words_first():
    assert alternation(["集团", "集团公司", "a.b"]) == r"集团公司|a\.b|集团"
    assert re.match(alternation(["集团", "集团公司"]), "集团公司").group(0) == "集团公司"


# --- (b) no word lists in Python -------------------------------------------------------------

def _pure_cjk(s: str) -> bool:
    return bool(s) and all(_CJK_CHAR.match(ch) for ch in s)


def regex_alternations(rx: str):
    """The alternatives of every group of a regex source (and of its top level), as raw text;
    nested groups appear as ``(…)`` in their parent's alternatives, character classes whole."""
    stack: list[list[str]] = [[""]]
    i, n = 0, len(rx)
    while i < n:
        ch = rx[i]
        if ch == "\\":
            stack[-1][-1] += rx[i:i + 2]
            i += 2
        elif ch == "[":
            j = i + 1
            j += rx.startswith("^", j)
            j += rx.startswith("]", j)
            while j < n and rx[j] != "]":
                j += 2 if rx[j] == "\\" else 1
            stack[-1][-1] += rx[i:j + 1]
            i = j + 1
        elif ch == "(":
            m = re.match(r"\?(?:[:=!>]|<[=!]|P?<\w+>|[aiLmsux-]+[:)])", rx[i + 1:])
            stack.append([""])
            i += 1 + (m.end() if m else 0)
        elif ch == ")" and len(stack) > 1:
            yield stack.pop()
            stack[-1][-1] += "(…)"
            i += 1
        elif ch == "|":
            stack[-1].append("")
            i += 1
        else:
            stack[-1][-1] += ch
            i += 1
    yield from stack


def _docstrings(tree: ast.AST) -> set[int]:
    return {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)}


def word_lists(path: Path) -> list[tuple[int, str, str]]:
    """(line, kind, literal) for every Chinese word list of more than three items in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                     and _CJK_CHAR.search(e.value)]
            if len(words) > 3:
                found.append((node.lineno, "literal", repr(words)))
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
              and "|" in node.value and _CJK_CHAR.search(node.value)):
            for alts in regex_alternations(node.value):
                if sum(map(_pure_cjk, alts)) > 3:
                    found.append((node.lineno, "regex", node.value))
                    break
    return found


def test_the_scanner_finds_word_lists(tmp_path):
    f = tmp_path / "m.py"
    f.write_text('A = ("省", "市", "县", "区")\nB = r"^(?:国家|全国|省级|市级)"\nC = r"(?:[一二三四]+|甲|乙|\\d)"\n'
                 'D = ["省", "市", "县"]\n', encoding="utf-8")
    assert [(line, kind) for line, kind, _ in word_lists(f)] == [(1, "literal"), (2, "regex")]


def test_no_chinese_word_lists_in_python():
    offenders = []
    for path in _source_files():
        rel = path.relative_to(ROOT).as_posix()
        for line, kind, literal in word_lists(path):
            if not any(r == rel and snippet in literal for r, snippet in GRAMMAR):
                offenders.append(f"{rel}:{line}: {kind} {literal[:80]}")
    assert offenders == [], "move these word lists to ontology/rules/*.yaml:\n" + "\n".join(offenders)


def test_the_rules_loader_is_a_leaf():
    tree = ast.parse((ROOT / "ontology" / "rules.py").read_text(encoding="utf-8"))
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not [m for m in imported if m.split(".")[:2] in (["policykg", "extract"], ["policykg", "graph"],
                                                           ["policykg", "viz"])]
