"""The extraction stages run over a :class:`Document` by :mod:`policykg.extract.pipeline`."""
