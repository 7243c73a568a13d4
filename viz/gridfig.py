"""Table views as static figures: a heatmap with counts (matrices) or a dot timeline (targets), in matplotlib
with the CJK font of :func:`.static.cjk_font`."""

from __future__ import annotations

import textwrap

from .style import heat_color, look, style
from .tables import Grid

__all__ = ["draw_grid"]


def _band_colour(key: str) -> str | None:
    cat = key.split("/", 1)[0]
    return look(f"instrument-{cat}")["color"] if cat in style()["instrument"]["categories"] else None


def _heatmap(ax, grid: Grid, fp) -> None:
    from matplotlib.colors import to_rgb

    top = max((c.count for c in grid.cells.values()), default=0)
    image = [[to_rgb(heat_color(grid.count(r, c), top)[0]) if grid.count(r, c) else to_rgb("#f4f4f4")
              for c, _ in grid.cols] for r, _ in grid.rows]
    ax.imshow(image, aspect="auto", interpolation="nearest")
    ax.set_facecolor("#f4f4f4")
    for i, (r, _) in enumerate(grid.rows):
        for j, (c, _) in enumerate(grid.cols):
            n = grid.count(r, c)
            if n:
                ax.text(j, i, str(n), ha="center", va="center", fontsize=8, fontproperties=fp,
                        color=heat_color(n, top)[1])
    ax.set_xticks(range(len(grid.cols)))
    ax.set_xticklabels([lab for _, lab in grid.cols], fontproperties=fp, fontsize=9, rotation=90)
    ax.set_yticks(range(len(grid.rows)))
    ax.set_yticklabels([lab for _, lab in grid.rows], fontproperties=fp, fontsize=9)
    for tick, (c, _) in zip(ax.get_xticklabels(), grid.cols, strict=True):
        tick.set_color(_band_colour(c) or (_band_colour(f"{c}/x") or "#222222"))
    for tick, (r, _) in zip(ax.get_yticklabels(), grid.rows, strict=True):
        tick.set_color(_band_colour(r) or "#222222")
    ax.set_xticks([x - 0.5 for x in range(len(grid.cols) + 1)], minor=True)
    ax.set_yticks([y - 0.5 for y in range(len(grid.rows) + 1)], minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.tick_params(which="both", length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    at = 0
    for label, span, color in grid.bands:              # category bands above the columns
        ax.annotate("", xy=(at - 0.45, -0.62), xytext=(at + span - 0.55, -0.62), annotation_clip=False,
                    arrowprops={"arrowstyle": "-", "color": color, "linewidth": 3})
        ax.text(at + span / 2 - 0.5, -0.8, label, ha="center", va="bottom", color=color, fontproperties=fp,
                fontsize=10, fontweight="bold")
        at += span
    ax.set_xlabel(grid.col_title, fontproperties=fp, fontsize=10)
    ax.set_ylabel(grid.row_title, fontproperties=fp, fontsize=10)
    ax.xaxis.set_label_position("bottom")


def _timeline(ax, grid: Grid, fp) -> None:
    years = [int(c) for c, _ in grid.cols]
    rows = list(grid.rows)
    for i, (r, _) in enumerate(rows):
        y = len(rows) - 1 - i
        ax.axhline(y, color="#eeeeee", linewidth=1, zorder=0)
        for c, _ in grid.cols:
            cell = grid.cells.get((r, c))
            if not cell:
                continue
            issued = r == "issued"
            x = int(c)
            ax.scatter([x], [y], s=60 + 40 * cell.count, color="#777777" if issued else "#0072b2", zorder=3)
            text = "\n".join(textwrap.shorten(t, 34, placeholder="…") for t in cell.items[:6])
            if len(cell.items) > 6:
                text += f"\n… +{len(cell.items) - 6}"
            ax.text(x + 0.06, y, text, fontproperties=fp, fontsize=7.5, va="center", ha="left", color="#222222")
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([lab for _, lab in reversed(rows)], fontproperties=fp, fontsize=10)
    ax.set_xticks(years)
    ax.set_xticklabels([str(y) for y in years], fontproperties=fp, fontsize=10)
    ax.set_xlim(min(years, default=0) - 0.3, max(years, default=0) + 1.4)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.set_xlabel(grid.col_title, fontproperties=fp)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def draw_grid(view, fp):
    """The figure of a table view (a heatmap or a timeline); the caller saves and closes it."""
    import matplotlib.pyplot as plt

    grid = view.grid
    if grid.kind == "timeline":
        fig, ax = plt.subplots(figsize=(12, 1.2 + 0.9 * len(grid.rows)))
        _timeline(ax, grid, fp)
    else:
        width = max(6.0, 2.8 + 0.42 * len(grid.cols))
        fig, ax = plt.subplots(figsize=(width, 2.2 + 0.38 * len(grid.rows)))
        _heatmap(ax, grid, fp)
    title = view.title
    if view.notes:
        note = view.notes[0].split(" Click a cell")[0]          # a printed figure has nothing to click
        title += "\n" + "\n".join(textwrap.wrap(note, 110)[:3])
    ax.set_title(title, fontproperties=fp, fontsize=11, pad=34 if grid.bands else 12)
    return fig
