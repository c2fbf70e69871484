"""The one exception type whose message is meant for a person.

Anything raised as a ``UserError`` is shown as-is (CLI: one line on stderr,
exit 2; GUI: a message at the right place). Every other exception is a bug.
This module is a leaf: every layer may import it.
"""


class UserError(Exception):
    """A problem the user can fix; ``str(error)`` is the whole message."""
