"""The desk's own windows: the new-family form, the walk-in form and their parts."""
