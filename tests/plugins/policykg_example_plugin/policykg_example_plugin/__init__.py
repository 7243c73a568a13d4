"""An example plug-in for policykg, one entry of each registry (see pyproject.toml):

- ``policykg.readers``   ``.odt``          — OpenDocument text (:mod:`.odt`);
- ``policykg.exporters`` ``jsonl-nodes``   — one JSON object per node (:mod:`.exporters`);
- ``policykg.views``     ``degree``        — the best-connected nodes (:mod:`.views`);
- ``policykg.dialects``  ``examplegraph``  — a Bolt server calling itself ExampleGraph (:mod:`.dialects`).
"""
