"""Practice consults in the app: the solo consult, the trainer's window, drills and progress."""
