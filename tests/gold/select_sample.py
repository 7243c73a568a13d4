"""How the development sample was drawn (run once; kept to document the sample).

Body sentences of each seed (not titles, transmittal notices, headings or
footnote lines), taken at a fixed stride per document so that hard and easy
sentences both appear: Anhui all, Heilongjiang every 2nd, Jiangsu every 2nd,
the report every 9th; plus, because a stride gives too few statistics and
citations, every sentence of the report's 政策篇（四） (pt1/it4) and 成效篇 (pt2)
that contains a figure or a 《》 title, and, for the targets, every sentence of
the Jiangsu plan that contains a figure.  Prints ``doc<TAB>sentence id<TAB>text``.
"""

import re
import sys
from pathlib import Path

from policykg.extract.document.ingest import iter_documents

STRIDE = {"anhui-2025": 1, "heilongjiang-2024": 2, "jiangsu-2025": 2, "huaxin-report-2025": 9}
SKIP_LEVELS = ("/title", "/notice", "/fn")
SUPPLEMENT = re.compile(r"huaxin-report-2025/(pt1/it4|pt2)/|jiangsu-2025/")


def sample(seeds: Path):
    for r in iter_documents([seeds]):
        d = r.document
        body = [s for s in d.sentences if not any(x in s.id for x in SKIP_LEVELS) and not s.id.endswith("/h")]
        chosen = {s.id for s in body[::STRIDE[d.id]]}
        chosen |= {s.id for s in body if SUPPLEMENT.match(s.id) and re.search(r"\d|《", s.text)}
        for s in body:
            if s.id in chosen:
                yield d.id, s.id, s.text


if __name__ == "__main__":
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "seeds")
    for row in sample(root):
        print("\t".join(row))
