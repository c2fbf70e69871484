"""Runs first in the frozen app (Linux): the system's libraries for the programs it starts,
and the bundle's fonts for Qt.

On Linux PyInstaller's bootloader points ``LD_LIBRARY_PATH`` at the bundle so the app
finds its own Qt and OpenSSL. The app has loaded them by now (the dynamic loader
reads the variable once, at start), but a child process would inherit it: ``lp``
and ``lpstat`` for printing, ``xdg-open`` for a PDF or a link, would then load the
bundle's libraries instead of their own and could fail. The value from before the
bundle started (``LD_LIBRARY_PATH_ORIG``) is put back.

Fonts: the bundle carries WenQuanYi Zen Hei for printed documents; a Linux PC
without a CJK font would show a name like 王 as empty boxes on the desk. The
bundle's ``fontconfig/fonts.conf`` reads the system's set-up and adds the bundle's
fonts; it is used unless the person set ``FONTCONFIG_FILE`` themselves.
"""

import os
import sys

if sys.platform.startswith("linux") and getattr(sys, "frozen", False):
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is None:
        os.environ.pop("LD_LIBRARY_PATH", None)
    else:
        os.environ["LD_LIBRARY_PATH"] = original
    fonts_conf = os.path.join(sys._MEIPASS, "fontconfig", "fonts.conf")
    if os.path.isfile(fonts_conf) and "FONTCONFIG_FILE" not in os.environ:
        os.environ["FONTCONFIG_FILE"] = fonts_conf
