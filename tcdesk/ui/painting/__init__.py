"""Building blocks of the one slide rendering path (see ``tcdesk.ui.slide_painter``).

A slide is laid out once on a virtual 1920x1080 canvas into a list of drawing
operations, then replayed, scaled, onto any target: the patient display, the
console thumbnail, a PNG.
"""

import os

# Qt's raster engine draws glyphs taller than 64 device pixels as filled paths,
# 10-20x slower than from its glyph cache, and slide titles on a 4K TV are ~160
# px. Qt reads this limit once, at the first text it draws in the process, so
# it is raised here, when the slide painter is imported (before any painting).
os.environ.setdefault("QT_MAX_CACHED_GLYPH_SIZE", "320")
