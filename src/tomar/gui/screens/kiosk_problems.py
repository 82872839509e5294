"""The kiosk's validation problems: each shown next to its part, in the signer's language.

A problem message keeps its space once shown until the next Sign or reset (`hold`), so
fixing one moves nothing under the signer's finger. A base class of `KioskScreen`
(between it and `KioskVolunteer`); the words come from `KioskScreen.t` and the
messages module, in the signer's language.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ..idle import IdleWatcher
from ..messages import problem_text
from ..signer_form import SignerForm
from .base import hold, say
from .kiosk_volunteer import KioskVolunteer


class KioskProblems(KioskVolunteer):
    """The problems of the last Sign, shown and forgotten as they are answered."""

    signer_form: SignerForm | None
    lang: str
    problems: dict[str, str]
    idle: IdleWatcher

    def t(self, key: str) -> str:
        raise NotImplementedError

    def _part_changed(self, key: str, label: str) -> None:
        """Drawing or ticking answers that part's problem; it is forgotten."""
        if self.problems.pop(key, None) is not None:
            hold(self.w(QLabel, label))
            self._problems_answered()
        self.idle.poke()

    def _display_toggled(self, on: bool) -> None:
        if on:
            self._part_changed("display", "displayProblem")

    def _field_edited(self, name: str) -> None:
        if self.problems.pop(name, None) is not None:
            self._problems_answered()
        self.idle.poke()
        self._show_warnings()

    def _show_warnings(self) -> None:
        """A ZIP in another state than the chosen one: said gently, the signer may sign."""
        if self.signer_form is None:
            return
        self.signer_form.show_warnings(
            {
                k: problem_text(self.shell.languages, self.lang, v)
                for k, v in self.signer_form.warnings().items()
                if k not in self.problems
            }
        )

    def _problems_answered(self) -> None:
        """Once every marked part is answered, "please check" is no longer true."""
        if not self.problems:
            hold(self.w(QLabel, "generalError"))

    def _show_problems(self, *, focus: bool = True) -> None:
        words = {
            k: problem_text(self.shell.languages, self.lang, v) for k, v in self.problems.items()
        }
        if self.signer_form is not None:
            self.signer_form.show_problems(words)
        for key, name in (
            ("signature", "padProblem"),
            ("consent", "consentProblem"),
            ("display", "displayProblem"),
        ):
            label = self.w(QLabel, name)
            if key in words:
                say(label, words[key], kind="error")
            elif label.text():
                hold(label)  # answered: its space stays until the next Sign
        if self.problems and self.w(QLabel, "generalError").text():
            say(self.w(QLabel, "generalError"), self.t("check"), kind="error")
        if focus and self.signer_form is not None:
            edit = self.signer_form.first_problem_edit(self.problems)
            if edit is not None:
                edit.setFocus()
