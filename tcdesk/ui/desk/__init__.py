"""The desk's own windows: the consult record (and, in other parts, intake and the schedule)."""
