"""The bundle's entry point: ``tcdesk`` with no command opens the app, else runs the command.

The same as the ``tcdesk`` console script of a source install (``tcdesk.cli:main``).
"""

import sys

from tcdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
