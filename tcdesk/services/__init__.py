"""Use cases over the practice file: the UI and CLI call these, never SQL."""
