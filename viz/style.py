"""Colours and shapes from ``ontology/style.yaml``; legend names from the ontology's Chinese labels.

>>> style_key(["GovernmentBody", "Department", "Actor", "GenericActor"], "Actor", {})
'Department'
>>> style_key(["Fund", "PolicyInstrument"], "PolicyInstrument", {"category": "supply"})
'instrument-supply'
>>> look("instrument-supply")["legend"], look("Department")["legend"]
('供给型工具', '政府部门')
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from policykg.ontology import vocabulary

__all__ = ["style", "style_key", "look", "group_colors", "relation_label", "HEAT", "heat_color"]

#: the sequential scale of the heat tables (ColorBrewer Blues), light to dark
HEAT = ("#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b")


@lru_cache(maxsize=1)
def style() -> dict[str, Any]:
    import yaml
    return yaml.safe_load((resources.files("policykg.ontology") / "style.yaml").read_text(encoding="utf-8"))


def style_key(labels: list[str], key: str, props: dict[str, Any]) -> str:
    """The style of a node: its most specific actor class, its instrument category, or its key label."""
    s = style()
    if key == "Actor":
        return next((c for c in s["actor_order"] if c in labels), "Actor")
    if key == "PolicyInstrument":
        cat = props.get("category")
        return f"instrument-{cat}" if cat in s["instrument"]["categories"] else "instrument-uncategorized"
    return key if key in s["classes"] else "Concept"


@lru_cache(maxsize=None)
def look(key: str) -> dict[str, str]:
    """color, shape, marker and legend (Chinese) of a style key."""
    s = style()
    if key.startswith("instrument-"):
        cat = key.split("-", 1)[1]
        inst = s["instrument"]
        color = inst["categories"].get(cat, inst["uncategorized"])
        if cat in inst["categories"]:
            legend = vocabulary().concept("rz", cat).pref + "工具"
        else:
            legend = vocabulary().classes["PolicyInstrument"]["zh"]
        return {"color": color, "shape": inst["shape"], "marker": inst["marker"], "legend": legend}
    c = s["classes"][key]
    cls = vocabulary().classes.get(key)
    return {"color": c["color"], "shape": c["shape"], "marker": c["marker"],
            "legend": cls["zh"] if cls else key}


def group_colors(names: list[str]) -> dict[str, str]:
    """One colour per group (e.g. province) in order; beyond the palette, grey."""
    palette = style()["groups"]
    return {n: palette[i] if i < len(palette) else style()["shared"] for i, n in enumerate(names)}


def relation_label(rel_type: str) -> str:
    """The short Chinese name drawn on an edge.

    >>> relation_label("USES"), relation_label("SOMETHING_NEW")
    ('运用', 'SOMETHING_NEW')
    """
    return style().get("relations", {}).get(rel_type, rel_type)


def heat_color(count: int, top: int) -> tuple[str, str]:
    """Background and text colour of a heat-table cell (square-root scale, so small counts still show).

    >>> heat_color(0, 10), heat_color(10, 10)
    (('#f7fbff', '#222222'), ('#08306b', '#ffffff'))
    """
    import math
    if count <= 0 or top <= 0:
        return HEAT[0], "#222222"
    i = max(1, min(len(HEAT) - 1, math.ceil(math.sqrt(count / top) * (len(HEAT) - 1))))
    return HEAT[i], "#ffffff" if i >= 5 else "#222222"
