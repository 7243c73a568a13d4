"""Agreement between two hand annotations of the same gold sentences, on the rows of ``policykg eval``.

    python tests/gold/agreement.py tests/gold/corpus/batch-05.yaml tests/gold/corpus/batch-06.yaml \\
        tests/gold/agreement/round2-test-second-annotator.yaml

The last file is the second annotation (made blind to the first and to the extractor); the others hold
the first.  Sentences are paired by document and start offset; the first annotation plays gold and the
second plays the prediction, so each row's F1 is the agreement the extractor can be measured against.
"""

from __future__ import annotations

import sys

import yaml

from policykg.extract.corpus_eval import ROWS, _gold_keys, _match_keys


def load(path: str) -> dict[tuple[str, int], dict]:
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    return {(d["doc"], s["start"]): s for d in data["documents"] for s in d["sentences"]}


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    first: dict[tuple[str, int], dict] = {}
    for path in argv[:-1]:
        first.update(load(path))
    second = load(argv[-1])
    both = [k for k in second if k in first]
    print(f"{len(both)} sentences annotated twice")
    for row in ROWS:
        tp = fp = fn = 0
        for k in both:
            t, f, n = _match_keys(_gold_keys(first[k], row), _gold_keys(second[k], row), row)
            tp, fp, fn = tp + t, fp + f, fn + n
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{row:36s} F1 {f1:.3f}  (first {tp + fn}, second {tp + fp}, both {tp})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
