"""The kiosk's layout: one column or two, the pad's size, the countdown banner's place.

Rules (the pad never changes size under the pen):
* Wide screens show the petition and form beside the signing column; narrow or upright
  screens (under 1000 px, or portrait) show one column, the petition text folded under
  its title, the pad full width. The layout changes only when the window is resized.
* In two columns, the signing column is laid out so that Sign, the consent and the
  display choice are in view without scrolling (a 1366x768 laptop): the pad's label
  shares a row with its Undo and Clear buttons, the display choices stand in one row
  where the widest language's words fit, and the pad takes the height left over.
* That height is computed from the window size and the campaign's texts in EVERY one of
  its languages (the longest wins), never from the current language or from what is
  shown around the pad, so messages appearing or going, or a signer switching
  language, cannot resize it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..signature_pad import SignaturePad

W = TypeVar("W", bound=QWidget)


class Finder(Protocol):
    """The screen's `w`: a named widget of its form, of a given class."""

    def __call__(self, cls: type[W], name: str) -> W: ...


PAGE_MARGIN = 16  # formPage's margins (kiosk.ui)
PAGE_SPACING = 12  # between the top bar and the columns (kiosk.ui)
COLUMN_SPACING = 8  # signColumn's spacing (kiosk.ui)
COLUMNS_GAP = 24  # between the two columns (kiosk.ui)
PAD_MIN = 180  # a signature needs room; below this the column scrolls instead
PAD_MAX = 320
COMPACT_BELOW = 820  # window heights that get the lower Sign button
ROW_SPACING = 16  # between display choices side by side


@dataclass(frozen=True)
class SigningTexts:
    """The texts of the signing column in one language, for measuring."""

    consent: str
    display: str
    choices: tuple[str, ...]


def text_height(label: QLabel, text: str, width: int) -> int:
    """The height `label` needs for `text` wrapped at `width` (its own font)."""
    label.ensurePolished()
    metrics = QFontMetrics(label.font())
    rect = metrics.boundingRect(QRect(0, 0, max(width, 1), 1 << 20), Qt.TextFlag.TextWordWrap, text)
    return rect.height()


class KioskLayout:
    """Arranges the kiosk form page for the window's size; holds no signer data."""

    def __init__(
        self,
        find: Finder,
        pad: SignaturePad,
        texts: Callable[[], Sequence[SigningTexts]],
    ) -> None:
        self.find = find
        self.pad = pad
        self.texts = texts
        self.narrow = False
        self.placed = False
        self.column_width = 0

    def relayout(self, width: int, height: int) -> None:
        """One column on narrow or upright windows, two on wide ones; the pad's size."""
        width, height = max(width, 1), max(height, 1)
        narrow = width < 1000 or height > width
        column = self.find(QWidget, "signColumn")
        if narrow != self.narrow or not self.placed:
            self.narrow = narrow
            self.placed = True
            text_layout = self.find(QWidget, "textInner").layout()
            sign_layout = self.find(QWidget, "signInner").layout()
            assert isinstance(text_layout, QVBoxLayout) and isinstance(sign_layout, QVBoxLayout)
            if narrow:
                text_layout.insertWidget(text_layout.count() - 1, column)
            else:
                sign_layout.insertWidget(0, column)
            self.find(QScrollArea, "signScroll").setVisible(not narrow)
            columns = self.find(QWidget, "formPage").findChild(QHBoxLayout, "columns")
            if columns is not None:  # the form's "stretch" is not read by QUiLoader
                columns.setStretch(0, 1)
                columns.setStretch(1, 1)
            toggle = self.find(QToolButton, "petitionToggle")
            toggle.setVisible(narrow)
            self.petition_shown(toggle.isChecked())
        sign = self.find(QPushButton, "signButton")
        compact = not narrow and height < COMPACT_BELOW
        if sign.property("compact") != compact:
            sign.setProperty("compact", compact)  # style.qss: a lower Sign button
            sign.style().unpolish(sign)
            sign.style().polish(sign)
        bar = column.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        margins = PAGE_MARGIN * 2 + 4  # the page's margins, the scroll contents' margins
        if narrow:
            pad_w = width - margins - bar
            pad_h = min(max(int(pad_w * 0.45), PAD_MIN), 360)
        else:
            # Two equal columns (stretch set above); room for a scroll bar.
            pad_w = (width - PAGE_MARGIN * 2 - COLUMNS_GAP) // 2 - 4 - bar
            top = max(
                self.find(QWidget, "languageBar").sizeHint().height(),
                self.find(QPushButton, "volunteerButton").sizeHint().height(),
                52,
            )
            room = height - PAGE_MARGIN * 2 - PAGE_SPACING - top
            pad_h = min(max(room - self._column_without_pad(pad_w), PAD_MIN), PAD_MAX)
            pad_h = min(pad_h, max(int(pad_w * 0.6), PAD_MIN))
        self.column_width = pad_w
        self.pad.setFixedSize(max(pad_w, 200), pad_h)

    def _row_fits(self, texts: SigningTexts, width: int) -> bool:
        """Whether the three display choices fit side by side in this language."""
        choices = self.find(QWidget, "displayChoices")
        radios = choices.findChildren(QRadioButton)
        row = ROW_SPACING * (len(radios) - 1)
        for radio, text in zip(radios, texts.choices, strict=False):
            radio.ensurePolished()
            metrics = radio.fontMetrics()
            chrome = radio.sizeHint().width() - metrics.horizontalAdvance(radio.text())
            row += chrome + metrics.horizontalAdvance(text)
        return row <= width - self._box_chrome_width(self.find(QGroupBox, "displayBox"))

    def arrange_choices(self, texts: SigningTexts | None) -> None:
        """The display choices in one row if this language's words fit, else one under
        another (the pad was sized for the taller of the two already)."""
        layout = self.find(QWidget, "displayChoices").layout()
        assert isinstance(layout, QBoxLayout)
        if texts is not None and self._row_fits(texts, self.column_width):
            layout.setDirection(QBoxLayout.Direction.LeftToRight)
            layout.setSpacing(ROW_SPACING)
        else:
            layout.setDirection(QBoxLayout.Direction.TopToBottom)
            layout.setSpacing(4)

    def _choices_height(self, texts: SigningTexts, width: int) -> int:
        radios = self.find(QWidget, "displayChoices").findChildren(QRadioButton)
        one = max((r.sizeHint().height() for r in radios), default=0)
        if self._row_fits(texts, width):
            return one
        return one * len(radios) + 4 * (len(radios) - 1)

    @staticmethod
    def _box_chrome_width(box: QWidget) -> int:
        margins = box.contentsMargins()
        layout = box.layout()
        extra = 0
        if layout is not None:
            inner = layout.contentsMargins()
            extra = inner.left() + inner.right()
        return margins.left() + margins.right() + extra + 4

    def _column_without_pad(self, width: int) -> int:
        """The signing column's height, pad excluded and no message shown, for the
        longest of the campaign's languages."""
        box = self.find(QGroupBox, "displayBox")
        consent_text = self.find(QLabel, "consentText")
        display_label = self.find(QLabel, "displayLabel")
        label_w = width - self._box_chrome_width(box)
        layout = box.layout()
        assert layout is not None
        inner = layout.contentsMargins()
        box_margins = box.contentsMargins()
        box_fixed = (
            box_margins.top()
            + box_margins.bottom()
            + inner.top()
            + inner.bottom()
            + layout.spacing()
            + 4  # the group box's frame
        )
        wrapped = max(
            (
                text_height(consent_text, t.consent, width)
                + text_height(display_label, t.display, label_w)
                + self._choices_height(t, width)
                for t in self.texts()
            ),
            default=consent_text.sizeHint().height()
            + display_label.sizeHint().height()
            + self.find(QWidget, "displayChoices").sizeHint().height(),
        )
        row = max(
            self.find(QLabel, "padLabel").sizeHint().height(),
            self.find(QPushButton, "undoButton").sizeHint().height(),
        )
        check = self.find(QCheckBox, "consentCheck").sizeHint().height()
        sign = self.find(QPushButton, "signButton").sizeHint().height()
        # Six items around the pad (row, pad, consent text, check, box, Sign): five gaps.
        return row + check + sign + box_fixed + wrapped + COLUMN_SPACING * 5 + 8

    def petition_shown(self, shown: bool) -> None:
        """The petition text: always in two columns; folded under its title in one."""
        self.find(QLabel, "petitionText").setVisible(shown or not self.narrow)
        toggle = self.find(QToolButton, "petitionToggle")
        toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def place_banner(self, banner: QLabel, page: QWidget) -> None:
        """The countdown over the top of the petition column (a label: nothing to tap)."""
        area = self.find(QScrollArea, "textScroll").geometry()
        width = area.width() if area.width() > 100 else page.width()
        height = banner.heightForWidth(width) if banner.wordWrap() else -1
        banner.setGeometry(area.left(), area.top(), width, max(height, 40))
        banner.raise_()
