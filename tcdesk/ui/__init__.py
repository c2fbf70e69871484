"""The Qt layer: windows, widgets, the presentation controller, screen handling.

The only package that imports PySide6 (ARCHITECTURE rule 6). Importing it
applies the binding work-arounds in ``qt_compat`` first.
"""

from tcdesk.ui import qt_compat

qt_compat.apply()
