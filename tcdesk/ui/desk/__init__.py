"""The desk: the schedule, the today board and their dialogs."""
