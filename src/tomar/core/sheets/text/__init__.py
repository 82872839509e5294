"""Text for the sheets: bundled fonts, right-to-left order, joined Arabic-script letters.

The documents use this package through its names below (`text.label`, `text.paragraph`,
`text.draw`...); the work is done by its parts:

- `bidi`: right-to-left order (the `rlbidi` provider ReportLab needs, installed before
  ReportLab is imported), joined letters, the sheet's digits;
- `fonts`: the font fallback chain (Vazirmatn, the bundled Noto subsets, system fonts),
  runs of one font per line, what no font can draw;
- `fitting`: widths, wrapping, shrinking to a box, ellipses;
- `drawing`: lines drawn on the canvas, table cells (`Line`), paragraph styles and
  paragraphs for ReportLab's flow;
- `labels`: the fixed words on the sheets in English, Persian and Arabic.
"""

from __future__ import annotations

# `bidi` first: it installs `rlbidi`, which ReportLab looks for when it is imported.
from .bidi import RTL_LANGS as RTL_LANGS
from .bidi import digits as digits
from .bidi import has_rtl as has_rtl
from .bidi import is_rtl as is_rtl
from .bidi import log2vis as log2vis
from .bidi import shape as shape
from .bidi import visual as visual
from .drawing import Line as Line
from .drawing import draw as draw
from .drawing import draw_lines as draw_lines
from .drawing import paragraph as paragraph
from .drawing import paragraphs as paragraphs
from .drawing import style as style
from .fitting import ELLIPSIS as ELLIPSIS
from .fitting import ellipsize as ellipsize
from .fitting import fit as fit
from .fitting import width as width
from .fitting import wrap as wrap
from .fonts import BUNDLED as BUNDLED
from .fonts import FONT as FONT
from .fonts import FONT_BOLD as FONT_BOLD
from .fonts import MAX_SYSTEM_FONTS as MAX_SYSTEM_FONTS
from .fonts import Face as Face
from .fonts import face_for as face_for
from .fonts import font as font
from .fonts import missing as missing
from .fonts import needs_fallback as needs_fallback
from .fonts import register_fonts as register_fonts
from .fonts import runs as runs
from .fonts import single_font as single_font
from .fonts import use_system_fonts as use_system_fonts
from .labels import LABELS as LABELS
from .labels import Labeler as Labeler
from .labels import label as label
