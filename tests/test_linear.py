"""Time and memory grow linearly with a document's size (issue 13, item 3).

A generated plain-text regulation (tests/tools/big_document.py: real articles of
the scale corpus, renumbered) of 0.5 MB and of 4 MB (8×) goes through the whole
extraction (read, structure, stages, records, graph) in a fresh process each;
the larger may take at most 12× the time of the smaller (a quadratic step would
take 64×), and its peak memory stays under 100 bytes per input byte above the
process's own (measured: about 60, i.e. 180 per character, at 2 and 20 MB).  The build's SHACL check of a document is not part of this
(graph/validate.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SMALL, LARGE = 500_000, 4_000_000

_SCRIPT = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from big_document import big_document
from policykg.extract.document.ingest import ingest, ingest_text
from policykg.extract.pipeline import run
from policykg.graph.kg import document_graph
path = sys.argv[2]
with open(path, "w", encoding="utf-8") as f:
    f.write(big_document(int(sys.argv[3])))
warm = run(ingest_text("测试办法\n\n第一条 市人民政府应当对企业给予资金支持。\n"))
document_graph(warm, list(warm.records()))
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
t0 = time.process_time()
doc = run(ingest(path))
records = list(doc.records())
kg = document_graph(doc, records)
seconds = time.process_time() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": seconds, "base": base, "peak": peak, "chars": len(doc.text),
                  "sentences": len(doc.sentences), "records": len(records)}))
"""


def measure(size: int, tmp: Path) -> dict:
    """Extract a generated document of ``size`` bytes in a fresh process: CPU seconds and peak RSS."""
    r = subprocess.run([sys.executable, "-c", _SCRIPT, str(ROOT / "tests" / "tools"), str(tmp / f"doc-{size}.txt"),
                        str(size)], capture_output=True, text=True, timeout=600, check=False)
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(r.stdout)


@pytest.mark.slow
def test_extraction_time_and_memory_grow_linearly_with_the_document(tmp_path):
    small, large = measure(SMALL, tmp_path), measure(LARGE, tmp_path)
    assert large["sentences"] > 7 * small["sentences"]             # the larger is really 8× the smaller
    ratio = large["seconds"] / small["seconds"]
    assert ratio <= 12, f"8× the text took {ratio:.1f}× the time ({small} → {large})"
    assert large["peak"] - large["base"] <= 100 * LARGE, large
