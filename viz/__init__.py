"""Interactive (offline HTML, pyvis + vis-network) and static (PNG/SVG/PDF) views of a build.

>>> from policykg.viz import VIEWS
>>> VIEWS.names()[:6]
['overview', 'actors', 'instruments', 'ego', 'document', 'province']
"""

from .html import html_string, notebook_html, render_html
from .static import cjk_font, render_static, use_cjk_font
from .tables import Grid
from .views import NODE_LIMIT, VIEWS, View, ViewSpec, make_view

__all__ = ["VIEWS", "ViewSpec", "Grid", "NODE_LIMIT", "View", "make_view", "render_html", "html_string", "notebook_html",
           "render_static", "cjk_font", "use_cjk_font", "show"]


def show(view: View, height: int = 640):
    """Display a view inline in Jupyter (an iframe holding the standalone page)."""
    from IPython.display import HTML
    return HTML(notebook_html(view, height))
