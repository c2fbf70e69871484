"""Allow ``python -m tcdesk``."""

from tcdesk.cli import main

raise SystemExit(main())
