"""Small modal screens: yes/no confirmation and a path prompt with inline errors."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from engine.errors import WordlabError
from tui.widgets.suggest import PathSuggester


class ConfirmScreen(ModalScreen[bool]):
    """Ask a yes/no question; dismisses with True for yes."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm-yes", tooltip="Answer yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no", tooltip="Answer no"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.yes, self.no = yes, no

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


class PathScreen(ModalScreen[object]):
    """Prompt for a path; ``check(path)`` runs in a worker and returns the result to
    dismiss with, or raises an exception whose message is shown under the field.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="path-cancel", tooltip="Close without choosing")]

    def __init__(self, title: str, *, value: str = "", placeholder: str = "path",
                 check: Callable[[str], object] | None = None, hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.placeholder = placeholder
        self.check = check
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog"):
            yield Label(self.title_text, id="path-title")
            yield Input(self.value, placeholder=self.placeholder, suggester=PathSuggester(), id="path")
            yield Static("", id="path-error", classes="error")
            yield Static(self.hint or "Enter: open   Right: accept completion   Esc: cancel", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#path")
    def _submitted(self, event: Input.Submitted) -> None:
        path = event.value.strip()
        error = self.query_one("#path-error", Static)
        if not path:
            error.update("type a path first")
            return
        if self.check is None:
            self.dismiss(path)
            return
        error.update("checking…")
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
