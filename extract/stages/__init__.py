"""The extraction stages run over a :class:`~policykg.extract.document.model.Document`.

Every module of this package is imported here, so a stage registered with
:func:`policykg.extract.stage.stage` in a new module joins the pipeline with no
other file changed.
"""

from __future__ import annotations

import importlib
import pkgutil

for _m in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    importlib.import_module(f"{__name__}.{_m}")
