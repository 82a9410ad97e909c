"""Small modal screens: yes/no confirmation and a path prompt (open or save) with inline errors."""

from __future__ import annotations

import os
from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from engine.errors import WordlabError
from tui.i18n import t
from tui.localize import binding, localize_bindings
from tui.widgets.suggest import PathSuggester


class ConfirmScreen(ModalScreen[bool]):
    """Ask a yes/no question; dismisses with True for yes."""

    BINDINGS = [
        binding("y", "answer(True)", id="confirm-yes"),
        binding("n,escape", "answer(False)", id="confirm-no"),
    ]

    def __init__(self, question: str, yes: str | None = None, no: str | None = None) -> None:
        super().__init__()
        localize_bindings(self)
        self.question = question
        self.yes, self.no = yes or t("bind.confirm-yes"), no or t("bind.confirm-no")

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog"):
            yield Static(self.question, id="question")
            with Horizontal(classes="buttons"):
                yield Button(f"{self.yes} (y)", id="yes", variant="error")
                yield Button(f"{self.no} (n)", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class PathInput(Input):
    """The path field.  With ``complete_on_enter`` Enter first takes the completion shown in
    grey, as Tab does in a shell: the user who sees ``~/texts/my-corpus.txt`` completed after
    typing ``~/texts/my`` means that file, not a file called ``my``.  (Textual's Input accepts
    a suggestion only with Right; its ``_suggestion`` is what it draws, when longer than the
    value and the cursor is at the end.)"""

    def __init__(self, *args, complete_on_enter: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.complete_on_enter = complete_on_enter

    @property
    def shown_completion(self) -> str | None:
        """The completed value drawn in the field now, or None."""
        suggestion = self._suggestion
        if (self.has_focus and self.cursor_at_end and len(suggestion) > len(self.value)
                and suggestion.startswith(self.value)):
            return suggestion
        return None

    async def action_submit(self) -> None:
        completion = self.shown_completion if self.complete_on_enter else None
        if completion is not None:
            self.value = completion
            self.cursor_position = len(completion)
        await super().action_submit()


class PathScreen(ModalScreen[object]):
    """Prompt for a path; ``check(path)`` runs in a worker and returns the result to
    dismiss with, or raises an exception whose message is shown under the field.

    ``mode="open"``: Enter takes the completion shown, then opens.
    ``mode="save"``: Enter takes the name as typed (a new name is the point), and a file that
    exists already is replaced only after a yes/no question.  Not given, the mode is "save"
    for a title that starts with "Save" and "open" otherwise, so a caller written before the
    parameter existed does not silently overwrite files; pass it.  ``verb`` is the word in
    the hint (default: the mode's, "open" or "save"; e.g. "load").
    """

    BINDINGS = [binding("escape", "cancel", id="path-cancel")]

    def __init__(self, title: str, *, value: str = "", placeholder: str | None = None,
                 check: Callable[[str], object] | None = None, hint: str = "",
                 mode: str | None = None, verb: str | None = None) -> None:
        super().__init__()
        localize_bindings(self)
        if mode is None:
            mode = "save" if title.lstrip().lower().startswith("save") else "open"
        if mode not in ("open", "save"):
            raise ValueError(f"mode must be 'open' or 'save', not {mode!r}")
        self.title_text = title
        self.value = value
        self.placeholder = placeholder if placeholder is not None else t("dialog.path")
        self.check = check
        self.mode = mode
        self.verb = verb or t(f"dialog.verb.{mode}")
        self.hint = hint or self.default_hint()

    def default_hint(self) -> str:
        return t(f"dialog.hint.{self.mode}", verb=self.verb)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog"):
            yield Label(self.title_text, id="path-title")
            yield PathInput(self.value, placeholder=self.placeholder, suggester=PathSuggester(),
                            id="path", complete_on_enter=self.mode == "open")
            yield Static("", id="path-error", classes="error")
            yield Static(self.hint, id="path-hint", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#path")
    def _submitted(self, event: Input.Submitted) -> None:
        path = event.value.strip()
        error = self.query_one("#path-error", Static)
        if not path:
            error.update(t("dialog.empty"))
            return
        if self.mode == "save" and os.path.isfile(os.path.expanduser(path)):
            self._ask_overwrite(path)
            return
        self._accept(path)

    def _ask_overwrite(self, path: str) -> None:
        def answered(replace: bool | None) -> None:
            if replace:
                self._accept(path)
            else:
                self.query_one("#path-error", Static).update(
                    t("dialog.not-saved", name=os.path.basename(path)))
                self.query_one("#path", Input).focus()

        self.app.push_screen(ConfirmScreen(t("dialog.exists", path=path),
                                           yes=t("dialog.replace"), no=t("dialog.keep")), answered)

    def _accept(self, path: str) -> None:
        if self.check is None:
            self.dismiss(path)
            return
        self.query_one("#path-error", Static).update(t("dialog.checking"))
        self._run_check(path)

    def _run_check(self, path: str) -> None:
        check = self.check

        def work() -> None:
            try:
                result = check(path)
            except (WordlabError, OSError, ValueError) as exc:
                msg = str(exc) or type(exc).__name__
                self.app.call_from_thread(self._failed, msg)
            else:
                self.app.call_from_thread(self.dismiss, result)

        self.run_worker(work, thread=True, exclusive=True, group="path-check", exit_on_error=False)

    def _failed(self, msg: str) -> None:
        self.query_one("#path-error", Static).update(msg)
