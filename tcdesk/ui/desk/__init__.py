"""The desk: the patient list and what a coordinator does from it (intake, walk-in, import, ...)."""
