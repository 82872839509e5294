"""The signer's fields, built from the campaign's field list (kiosk and paper entry).

One line edit per campaign field, each with its problem label underneath, so a problem
is shown next to the field it is about. Edits tell input methods that their text is
sensitive and must not feed predictions or learned words (ImhSensitiveData,
ImhNoPredictiveText). `clear()` uses `setText("")`, which in QLineEdit also empties the
undo/redo history, and resets the input method, so nothing of one signer is left for
the next. A `state` field is a combo box of the states, DC and territories, named in the
signer's language; a ZIP code in another state than the one chosen is shown as a gentle
warning under it (`records.warnings`), never as a refusal.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..core import places, records
from ..core.campaign import Campaign, Field
from ..core.errors import ErrorCode, ValidationError
from ..core.records import MAX_FIELD_LEN, MAX_NAME_LEN
from .uiload import plain_label

_HINTS = {
    "email": Qt.InputMethodHint.ImhEmailCharactersOnly,
    "phone": Qt.InputMethodHint.ImhDialableCharactersOnly,
    "postal_code": Qt.InputMethodHint.ImhPreferNumbers,
}
_PRIVATE = Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText


class SignerForm(QWidget):
    """Labels, edits and problem labels for every field of the campaign."""

    edited = Signal(str)  # a field's name, when the person changes it

    def __init__(self, campaign: Campaign, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.campaign = campaign
        self.fields: list[Field] = campaign.fields
        self.edits: dict[str, QLineEdit] = {}
        self.combos: dict[str, QComboBox] = {}
        self._warned: set[str] = set()
        self.labels: dict[str, QLabel] = {}
        self.problems: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        for f in self.fields:
            label = QLabel(self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            if f.kind == "state":
                combo = self._state_combo(f)
                self._add_row(f, label, combo)
                combo.currentIndexChanged.connect(lambda _, name=f.name: self._edited(name))
                continue
            edit = QLineEdit(self)
            edit.setObjectName(f"field_{f.name}")
            edit.setMaxLength(MAX_NAME_LEN if f.kind == "name" else MAX_FIELD_LEN)
            edit.setInputMethodHints(_HINTS.get(f.kind, Qt.InputMethodHint.ImhNone) | _PRIVATE)
            edit.setMinimumHeight(44)
            self._add_row(f, label, edit)
            edit.textEdited.connect(lambda _, name=f.name: self._edited(name))
            self.edits[f.name] = edit
        # Extra consents: each optional, never preselected, worded in the signer's language.
        self.consent_boxes: dict[str, QCheckBox] = {}
        for consent in campaign.consents:
            box = QCheckBox(self)
            box.setObjectName(f"consent_{consent.purpose}")
            box.setChecked(False)
            layout.addRow(box)
            self.consent_boxes[consent.purpose] = box

    def _state_combo(self, f: Field) -> QComboBox:
        """The states by code, none chosen at first (a signer must not get a default)."""
        combo = QComboBox(self)
        combo.setObjectName(f"field_{f.name}")
        combo.setMinimumHeight(44)
        combo.addItem("", "")
        for state in places.STATES:
            combo.addItem(state.name, state.code)
        self.combos[f.name] = combo
        return combo

    def _add_row(self, f: Field, label: QLabel, widget: QWidget) -> None:
        layout = self.layout()
        assert isinstance(layout, QFormLayout)
        problem = QLabel(self)
        problem.setObjectName("problem")
        problem.setWordWrap(True)
        plain_label(problem)
        problem.hide()
        box = QWidget(self)
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addWidget(widget)
        col.addWidget(problem)
        label.setBuddy(widget)
        layout.addRow(label, box)
        self.labels[f.name] = label
        self.problems[f.name] = problem

    def set_language(self, lang: str, required_mark: str, required_word: str = "") -> None:
        """Field labels in the signer's language; required fields get `required_mark`.

        Screen readers get the label as the field's name (the label is not the edit's
        sibling, so Qt would not find it) and `required_word` as its description.
        """
        for f in self.fields:
            text = f.label_for(lang)
            self.labels[f.name].setText(f"{text} {required_mark}" if f.required else text)
            widget = self.edits.get(f.name) or self.combos.get(f.name)
            if widget is not None:
                widget.setAccessibleName(text)
                widget.setAccessibleDescription(required_word if f.required else "")
        for consent in self.campaign.consents:
            self.consent_boxes[consent.purpose].setText(consent.text_for(lang))
        for combo in self.combos.values():
            for i in range(1, combo.count()):
                combo.setItemText(i, places.state_name(str(combo.itemData(i)), lang))

    def _edited(self, name: str) -> None:
        """A problem is forgotten as soon as the field is changed; its space is kept
        until the next Sign, so the fields below do not move under the finger."""
        label = self.problems[name]
        if label.isVisible():
            label.setMinimumHeight(max(label.height(), label.minimumHeight()))
            label.setText("")
        self.edited.emit(name)

    def release_problems(self) -> None:
        """Give back the space of answered problems (the person just pressed Sign)."""
        for label in self.problems.values():
            if not label.text():
                label.setMinimumHeight(0)
                label.hide()

    def values(self) -> dict[str, str]:
        """What was typed, for building a SignatureForm (empty fields left out)."""
        out = {name: edit.text() for name, edit in self.edits.items() if edit.text().strip()}
        for name, combo in self.combos.items():
            if combo.currentData():
                out[name] = str(combo.currentData())
        return out

    def consents(self) -> frozenset[str]:
        """The extra consents' purposes the signer ticked."""
        return frozenset(p for p, box in self.consent_boxes.items() if box.isChecked())

    def warnings(self) -> dict[str, ErrorCode]:
        """Gentle problems of what is typed so far (keys per field), e.g. a ZIP elsewhere."""
        if not self.combos:
            return {}
        typed = self.values()
        fields: dict[str, str] = {}
        for f in self.fields:
            if f.name not in typed:
                continue
            try:
                if f.kind == "postal_code":
                    country = records.postal_country(self.campaign, typed)
                    fields[f.name] = places.normalize_postal(typed[f.name], country)
                elif f.kind == "state":
                    fields[f.name] = typed[f.name]
            except ValidationError:
                continue
        return records.warnings(self.campaign, fields)

    def show_problems(self, problems: dict[str, str]) -> None:
        """Show each field's problem text (already in words) under it; hide the others."""
        self._warned.clear()
        for name, label in self.problems.items():
            text = problems.get(name, "")
            _kind(label, "")
            if not text and label.isVisible() and label.minimumHeight() > 0:
                label.setText("")  # answered: keeps its held space (see _edited)
                continue
            label.setText(text)
            label.setVisible(bool(text))

    def show_warnings(self, words: dict[str, str]) -> None:
        """Gentle warnings (already in words) under their fields; gone when resolved."""
        for name, label in self.problems.items():
            text = words.get(name, "")
            if text:
                label.setText(text)
                _kind(label, "warning")  # a hint in amber, not a refusal in red
                label.show()
                self._warned.add(name)
            elif name in self._warned:
                label.hide()
                self._warned.discard(name)

    def first_problem_edit(self, problems: dict[str, str]) -> QWidget | None:
        for f in self.fields:
            if f.name in problems:
                return self.edits.get(f.name) or self.combos.get(f.name)
        return None

    def clear(self) -> None:
        """Empty every field, its undo history, its problem, and the input method state."""
        for edit in self.edits.values():
            edit.setText("")  # also clears QLineEdit's undo/redo history
            edit.deselect()
        for combo in self.combos.values():
            combo.setCurrentIndex(0)
        for box in self.consent_boxes.values():
            box.setChecked(False)
        self.show_problems({})
        self.release_problems()
        QGuiApplication.inputMethod().reset()

    def first_edit(self) -> QWidget | None:
        for f in self.fields:
            widget = self.edits.get(f.name) or self.combos.get(f.name)
            if widget is not None:
                return widget
        return None


def _kind(label: QLabel, kind: str) -> None:
    """The label's `kind` property, which the style sheet colours."""
    if label.property("kind") != kind:
        label.setProperty("kind", kind)
        label.style().unpolish(label)
        label.style().polish(label)
