"""Runs first in the frozen app, in place of PyInstaller's ``pyi_rth_pyside6``: where Qt is.

PyInstaller's own hook imports ``PySide6.QtCore`` at every start to register a
``qt.conf`` (which PySide6's PyPI wheels do not need: Qt finds its plugins through
``QT_PLUGIN_PATH``). That import costs ~0.1 s, so ``tcdesk --version`` and every
command that never opens a window paid for Qt. This sets the same variables and
imports nothing; Qt is loaded when the GUI (or ``slides``) first needs it.
"""

import os
import sys


def _qt_paths() -> None:
    if sys.platform.startswith("win"):
        qt = os.path.join(sys._MEIPASS, "PySide6")
        os.environ["PATH"] = os.pathsep.join([sys._MEIPASS, os.environ.get("PATH", "")])
    else:
        qt = os.path.join(sys._MEIPASS, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")


_qt_paths()
del _qt_paths
