"""From normalized text to a structured :class:`Document`: provisions, sentences, footnotes, metadata."""
