"""Signers: search and filter every signer, see one with the drawn signature, and review
possible duplicates (keep, merge into another signer's original, not a duplicate)."""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ....core.errors import TomarError
from ....core.identity import device_fingerprint
from ....core.signers_view import (
    SignerDetail,
    SignerFilter,
    SignerStatus,
    merge_candidates,
    signer_detail,
)
from ...screens.base import say
from ..common import ltr
from ..signers import SignatureView, SignersModel, when
from .base import OrgTab

if TYPE_CHECKING:
    from ..workspace import OrganizerScreen

SEARCH_DELAY_MS = 250
LTR_KINDS = ("phone", "email", "postal_code")


class _UpDownScroll(QScrollArea):
    """Scrolls up and down only, so it asks the splitter for the width of what it holds:
    else a short screen gives it less and cuts its buttons and lists at the side."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        inner = self.widget()
        if inner is None:
            return hint
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(inner.minimumSizeHint().width() + bar, hint.height())


class SignersTab(OrgTab):
    ui_name = "org_signers"

    def __init__(self, host: OrganizerScreen) -> None:
        super().__init__(host)
        self._build_filter()
        self._build_table()
        self._build_side()
        # The signer of the last decision made here: Undo reaches it even after it left
        # the list it was decided in (a merge in "To review").
        self.last_decided: str | None = None
        self._build_review()
        self._set_review_enabled(False)

    def _build_filter(self) -> None:
        """The search field and the filter list above the table, with their timer."""
        self.search = self.w(QLineEdit, "searchEdit")
        self.filter = self.w(QComboBox, "filterCombo")
        names = {
            SignerFilter.ALL: self.tr("All"),
            SignerFilter.UNIQUE: self.tr("Unique"),
            SignerFilter.DUPLICATES: self.tr("Duplicates"),
            SignerFilter.FLAGGED: self.tr("To review"),
            SignerFilter.VOIDED: self.tr("Voided"),
            SignerFilter.REVIEWED: self.tr("Reviewed"),
        }
        for kind in SignerFilter:
            self.filter.addItem(names[kind], kind.value)
        self.shown_label = self.w(QLabel, "shownLabel")
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.load_signers)
        self.search.textChanged.connect(lambda _: self.search_timer.start())
        self.filter.currentIndexChanged.connect(lambda _: self.load_signers())

    def _build_table(self) -> None:
        """The signers' model (its translated words) and the table that shows it."""
        self.model = SignersModel({})
        self.model.lang = self.shell.languages.current
        self.model.headers = [
            self.tr("Time"),
            self.tr("Name"),
            self.tr("City"),
            self.tr("Country"),
            self.tr("Event"),
            self.tr("Source"),
            self.tr("Status"),
        ]
        self.model.source_words = {
            "kiosk": self.tr("Kiosk"),
            "paper": self.tr("Paper sheet"),
            "cli": self.tr("Command line"),
        }
        self.model.status_words = {
            SignerStatus.UNIQUE: self.tr("Counted"),
            SignerStatus.TO_REVIEW: self.tr("To review"),
            SignerStatus.DUPLICATE: self.tr("Duplicate"),
            SignerStatus.VOIDED: self.tr("Voided"),
        }
        self.model.unknown_word = self.tr("Unknown")
        self.table = self.w(QTableView, "signersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # The columns share the table's width (nothing to scroll sideways on a netbook);
        # the time keeps the width of its YYYY-MM-DD HH:MM.
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(40)
        header.setStretchLastSection(False)  # all stretch alike (the form asked for it)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        stamp = self.table.fontMetrics().horizontalAdvance(when("2026-12-31T23:59"))
        self.table.setColumnWidth(0, stamp + 24)
        self.table.selectionModel().selectionChanged.connect(self._selected)

    def _build_side(self) -> None:
        """The side pane: the signature, the details, in a scroll area beside the table."""
        self.signature = SignatureView()
        slot = self.w(QVBoxLayout, "signatureSlot")
        slot.addWidget(self.signature)
        split = self.w(QSplitter, "signersSplit")
        # The details and decision buttons scroll up and down on a short screen (600 px)
        # instead of being pressed into each other.
        side = self.w(QWidget, "signerSide")
        side_scroll = _UpDownScroll()
        side_scroll.setObjectName("signerSideScroll")
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        split.insertWidget(split.indexOf(side), side_scroll)
        side_scroll.setWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.details = self.w(QLabel, "signerDetails")

    def _build_review(self) -> None:
        """The review choices and buttons, their tooltips and their connections."""
        self.candidates = self.w(QComboBox, "candidateCombo")
        # Long candidates are cut short in the box (whole in its list), not the box beyond
        # its column on a short screen.
        self.candidates.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.candidates.setMinimumContentsLength(16)
        self.review_message = self.w(QLabel, "reviewMessage")
        self.keep_button = self.w(QPushButton, "keepButton")
        self.merge_button = self.w(QPushButton, "mergeButton")
        self.distinct_button = self.w(QPushButton, "distinctButton")
        self.reopen_button = self.w(QPushButton, "reopenButton")
        self.keep_button.setToolTip(
            self.tr(
                "This signer is the one to count. Its look-alikes stay on the review list, "
                "to be merged into it or marked as not a duplicate."
            )
        )
        self.merge_button.setToolTip(
            self.tr(
                "The same person signed twice: count this signature once, as a duplicate "
                "of the signer chosen above."
            )
        )
        self.distinct_button.setToolTip(
            self.tr(
                "A different person who only looks alike: both are counted and neither "
                "is asked about again."
            )
        )
        self.reopen_button.setToolTip(
            self.tr(
                "Takes back the decision on this signer (or the last one made): a merge "
                "is undone and the signer is asked about again."
            )
        )
        for b in (self.keep_button, self.merge_button, self.distinct_button, self.reopen_button):
            b.setAccessibleDescription(b.toolTip())
        self.w(QLabel, "reviewHelp").setText(
            self.tr(
                "Keep: this is the one to count. Merge: the same person, counted once. "
                "Not a duplicate: a different person."
            )
        )
        self.keep_button.clicked.connect(lambda: self.review("keep"))
        self.merge_button.clicked.connect(lambda: self.review("merge"))
        self.distinct_button.clicked.connect(lambda: self.review("distinct"))
        self.reopen_button.clicked.connect(self.reopen)

    def _filter(self) -> SignerFilter:
        return SignerFilter(str(self.filter.currentData() or SignerFilter.ALL.value))

    def refresh(self) -> None:
        self.load_signers()

    def load_signers(self) -> None:
        if self.intake is None:
            return
        self.model.kinds = {f.name: f.kind for f in self.intake.campaign.fields}
        self._reload()
        self._show_signer(None)

    def _reload(self) -> None:
        """Read the list again and say how many it shows: the count follows every load."""
        if self.intake is None:
            return
        self.model.load(self.reading, self._filter(), self.search.text())
        self.shown_label.setText(self.tr("%Ln shown", "", self.model.rowCount()))

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_signer(self.current_record())

    def select_row(self, row: int) -> None:
        """Select a signer row (QTableView.selectRow misses in right-to-left layouts)."""
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def current_record(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record_id(rows[0].row()) if rows else None

    def _set_review_enabled(self, on: bool) -> None:
        for b in (self.keep_button, self.merge_button, self.distinct_button):
            b.setEnabled(on)
        self.merge_button.setEnabled(on and self.candidates.count() > 0)
        self.reopen_button.setEnabled(self._reopen_target() is not None)

    def _reopen_target(self) -> str | None:
        """What Undo takes back: the shown signer's decision, else the last one made."""
        if self.intake is None:
            return None
        for record_id in (self.current_record(), self.last_decided):
            if record_id is None:
                continue
            signer = signer_detail(self.intake.vault, record_id)
            if signer is not None and signer.review is not None:
                return record_id
            if record_id == self.current_record():
                return None  # a signer without a decision is shown: nothing to undo here
        return None

    def _show_signer(self, record_id: str | None) -> None:
        self.candidates.clear()
        say(self.review_message, "")
        if record_id is None or self.intake is None:
            self.details.setText("")
            self.signature.set_strokes(None)
            self._set_review_enabled(False)
            return
        vault = self.reading
        signer = None if vault is None else signer_detail(vault, record_id)
        if vault is None or signer is None:
            return
        lang = self.shell.languages.current
        lines = []
        for f in self.intake.campaign.fields:
            value = signer.fields.get(f.name)
            if value:
                shown = ltr(value) if f.kind in LTR_KINDS else value
                lines.append(f"{f.label_for(lang)}: {shown}")
        lines.append(self.tr("Time: %1").replace("%1", when(signer.time)))
        status = self.model.status_words[self._status(signer)]
        lines.append(self.tr("Status: %1").replace("%1", status))
        lines.append(self.tr("Event: %1").replace("%1", signer.event_name or "–"))
        source = self.model.source_words.get(signer.source, self.model.unknown_word)
        lines.append(self.tr("Source: %1").replace("%1", source))
        display = {
            "full": self.tr("full name"),
            "initials": self.tr("initials"),
            "hidden": self.tr("withheld"),
        }
        shown_as = display.get(signer.display, self.model.unknown_word)
        lines.append(self.tr("Name on sheets: %1").replace("%1", shown_as))
        device = device_fingerprint(base64.b64decode(signer.device_key))
        lines.append(self.tr("Device: %1").replace("%1", ltr(device)))
        decided = {
            "keep": self.tr("kept as the one to count"),
            "merged": self.tr("merged as a duplicate"),
            "distinct": self.tr("not a duplicate"),
        }
        if signer.review:
            lines.append(
                self.tr("Reviewed: %1").replace(
                    "%1", decided.get(signer.review, self.model.unknown_word)
                )
            )
        self.details.setText("\n".join(lines))
        self.signature.set_strokes(signer.strokes)
        for c in merge_candidates(vault, signer):
            self.candidates.addItem(f"{c.name} · {when(c.time, length=10)}", c.record_id)
        # A decision is asked only where the list says "To review": the buttons agree.
        self._set_review_enabled(self._status(signer) == SignerStatus.TO_REVIEW)

    def _status(self, signer: SignerDetail) -> SignerStatus:
        """The detail's status as its row shows it (the row knows whether it is flagged)."""
        rows = self.table.selectionModel().selectedRows()
        if rows:
            row = self.model.row(rows[0].row())
            if row.record_id == signer.record_id:
                return row.status
        if signer.voided_by is not None:
            return SignerStatus.VOIDED
        return SignerStatus.DUPLICATE if signer.dup_of is not None else SignerStatus.UNIQUE

    def review(self, decision: str) -> None:
        record_id = self.current_record()
        if record_id is None or self.intake is None:
            return
        other = self.candidates.currentData() if decision == "merge" else None
        try:
            self.intake.mark_review(record_id, decision, other)
        except TomarError as exc:
            self.host.error(self.review_message, exc)
            return
        words = {
            "keep": self.tr("Kept."),
            "merge": self.tr("Merged: counted once."),
            "distinct": self.tr("Marked as not a duplicate."),
        }
        self.last_decided = record_id
        self._after_decision(words[decision])

    def reopen(self) -> None:
        """Undo a decision: the counts, statuses and buttons follow, as after one."""
        record_id = self._reopen_target()
        if record_id is None or self.intake is None:
            return
        try:
            self.intake.reopen_review(record_id)
        except TomarError as exc:
            self.host.error(self.review_message, exc)
            return
        self.last_decided = None
        self._after_decision(self.tr("Decision undone: this signer is to review again."))

    def _after_decision(self, words: str) -> None:
        current = self.table.currentIndex().row()
        self._reload()
        if 0 <= current < self.model.rowCount():
            self.select_row(current)  # the next signer to look at, shown whole
        else:
            self._show_signer(None)  # nothing selected: no details, no decision buttons
        say(self.review_message, words, kind="ok")

    def clear(self) -> None:
        self.last_decided = None
        self.search_timer.stop()
        self.model.clear()
        self.search.clear()
        self.details.setText("")
        self.signature.set_strokes(None)
        self.candidates.clear()
        say(self.review_message, "")
