"""Reading files and normalizing their text (with offset maps back to the source)."""
