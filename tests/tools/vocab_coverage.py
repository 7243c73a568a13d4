"""Which vocabulary terms a set of documents uses: a check of the ontology's coverage.

``python -m vocab_coverage seeds/`` prints, per scheme, how many
concepts and distinct surface terms the documents use; the table in
``ontology/README.md`` is this output for the seeds (a test keeps them equal).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable

from policykg.extract.document.model import Document
from policykg.extract.stages.matcher import matcher

__all__ = ["coverage", "coverage_table"]

SCHEME_NAMES = {"inst": "instruments (inst:)", "dom": "domains (dom:)", "role": "actor roles (role:)",
                "act": "named actors (act:)", "reg": "regions (reg:)"}


def coverage(docs: Iterable[Document]) -> dict[str, Counter]:
    """scheme → Counter of (concept key, surface term) → occurrences."""
    out: dict[str, Counter] = {s: Counter() for s in SCHEME_NAMES}
    m = matcher()
    for doc in docs:
        for hit in m.find(doc.text):
            for c in hit.concepts:
                out[c.scheme][(c.key, hit.text)] += 1
    return out


def coverage_table(docs: Iterable[Document]) -> str:
    from policykg.ontology import vocabulary
    v = vocabulary()
    cov = coverage(docs)
    lines = ["| scheme | concepts in vocabulary | concepts found in the seeds | distinct terms found | occurrences |",
             "|---|---:|---:|---:|---:|"]
    for s, name in SCHEME_NAMES.items():
        c = cov[s]
        lines.append(f"| {name} | {len(v.scheme(s))} | {len({k for k, _ in c})} | {len(c)} | {sum(c.values())} |")
    return "\n".join(lines)


def write_readme(readme, table: str) -> None:
    """Replace the block between the coverage markers of ``readme``."""
    from pathlib import Path
    p = Path(readme)
    text = p.read_text(encoding="utf-8")
    head, rest = text.split("<!-- coverage:start -->")
    _, tail = rest.split("<!-- coverage:end -->")
    p.write_text(f"{head}<!-- coverage:start -->\n{table}\n<!-- coverage:end -->{tail}", encoding="utf-8")


def main(argv: list[str]) -> int:
    """``python -m vocab_coverage [PATHS] [--terms] [--write-readme ontology/README.md]``"""
    from policykg.extract.document.ingest import iter_documents
    readme = None
    if "--write-readme" in argv:
        i = argv.index("--write-readme")
        readme = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    paths = [a for a in argv if not a.startswith("--")]
    docs = [r.document for r in iter_documents(paths or ["seeds"]) if r.document]
    table = coverage_table(docs)
    print(table)
    if readme:
        write_readme(readme, table)
    if "--terms" in argv:
        for s, c in coverage(docs).items():
            print(f"\n{s}: " + "、".join(f"{t}({n})" for (k, t), n in sorted(c.items(), key=lambda x: -x[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main([a for a in sys.argv[1:]]))
