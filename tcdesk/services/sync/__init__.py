"""Office sync (issue 15): installs exchange changeset files through a folder.

Qt-free, and only ever run in its own process (``tcdesk sync``): it opens the
practice file with APSW (SQLite3 Multiple Ciphers), a second SQLite library,
which must never share a process with the app's connections to the same file.
Nothing here imports apsw at import time; ``store_apsw`` does, when called.
"""
