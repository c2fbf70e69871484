"""Helpers for developers and headless machines; not used by the app itself."""
