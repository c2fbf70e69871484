"""The desk's office sync: its status item, "Sync now", the timer and the conflicts review.

The sync itself always runs as ``tcdesk sync`` in a process of its own (never
APSW in the app's process); these widgets start it and read its JSON.
"""
