"""Printable documents: blank paper sheets, delivery sheets, the campaign report.

Everything is drawn with ReportLab. Persian and Arabic need two things ReportLab does not
do alone: joining letters (arabic_reshaper) and right-to-left ordering (a `rlbidi`
provider backed by python-bidi). `text` installs both before ReportLab is imported, so
it is imported first here.
"""

from __future__ import annotations

from . import text as text
