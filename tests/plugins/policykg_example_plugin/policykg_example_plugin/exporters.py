"""``policykg export jsonl-nodes BUILD``: one JSON object per node, one per line."""

from __future__ import annotations

import json
from pathlib import Path

from policykg.graph.export import Exporter
from policykg.graph.property import PGraph

__all__ = ["JSONL_NODES", "write_jsonl_nodes"]


def write_jsonl_nodes(g: PGraph, path: Path) -> list[Path]:
    with path.open("w", encoding="utf-8") as fh:
        for n in g.nodes.values():
            fh.write(json.dumps({"id": n.id, "key": n.key, "labels": n.labels, "props": n.props},
                                ensure_ascii=False) + "\n")
    return [path]


JSONL_NODES = Exporter("jsonl-nodes", write_jsonl_nodes, "kg-nodes.jsonl", in_build=False,
                       help="one JSON object per node (id, key label, labels, properties), one per line")
