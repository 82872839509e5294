"""The signer's fields, built from the campaign's field list (kiosk and paper entry).

One line edit per campaign field, each with its problem label underneath, so a problem
is shown next to the field it is about. Edits tell input methods that their text is
sensitive and must not feed predictions or learned words (ImhSensitiveData,
ImhNoPredictiveText). `clear()` uses `setText("")`, which in QLineEdit also empties the
undo/redo history, and resets the input method, so nothing of one signer is left for
the next.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..core.campaign import Campaign, Field
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
        self.labels: dict[str, QLabel] = {}
        self.problems: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        for f in self.fields:
            label = QLabel(self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            edit = QLineEdit(self)
            edit.setObjectName(f"field_{f.name}")
            edit.setMaxLength(MAX_NAME_LEN if f.kind == "name" else MAX_FIELD_LEN)
            edit.setInputMethodHints(_HINTS.get(f.kind, Qt.InputMethodHint.ImhNone) | _PRIVATE)
            edit.setMinimumHeight(44)
            problem = QLabel(self)
            problem.setObjectName("problem")
            problem.setWordWrap(True)
            plain_label(problem)
            problem.hide()
            box = QWidget(self)
            col = QVBoxLayout(box)
            col.setContentsMargins(0, 0, 0, 0)
            col.setSpacing(2)
            col.addWidget(edit)
            col.addWidget(problem)
            label.setBuddy(edit)
            layout.addRow(label, box)
            edit.textEdited.connect(lambda _, name=f.name: self._edited(name))
            self.edits[f.name] = edit
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
            edit = self.edits[f.name]
            edit.setAccessibleName(text)
            edit.setAccessibleDescription(required_word if f.required else "")

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
        return {name: edit.text() for name, edit in self.edits.items() if edit.text().strip()}

    def show_problems(self, problems: dict[str, str]) -> None:
        """Show each field's problem text (already in words) under it; hide the others."""
        for name, label in self.problems.items():
            text = problems.get(name, "")
            if not text and label.isVisible() and label.minimumHeight() > 0:
                label.setText("")  # answered: keeps its held space (see _edited)
                continue
            label.setText(text)
            label.setVisible(bool(text))

    def first_problem_edit(self, problems: dict[str, str]) -> QLineEdit | None:
        for f in self.fields:
            if f.name in problems:
                return self.edits[f.name]
        return None

    def clear(self) -> None:
        """Empty every field, its undo history, its problem, and the input method state."""
        for edit in self.edits.values():
            edit.setText("")  # also clears QLineEdit's undo/redo history
            edit.deselect()
        self.show_problems({})
        self.release_problems()
        QGuiApplication.inputMethod().reset()

    def first_edit(self) -> QLineEdit | None:
        return next(iter(self.edits.values()), None)
