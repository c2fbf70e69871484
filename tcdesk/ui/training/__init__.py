"""Practice consults and drills in the app (issue 14)."""
