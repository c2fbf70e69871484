"""The desk: the patient list and what a coordinator does from it (import, intake, ...)."""
