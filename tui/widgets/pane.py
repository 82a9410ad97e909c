"""The base of wordlab's panes: a title, help text, and the focus/stop protocol the app uses."""

from __future__ import annotations

from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from tui.i18n import t
from tui.localize import binding, localize_bindings


class FocusTarget(Static):
    """A pane's status line that takes the focus when the pane is shown.

    The pane's keys reach its bindings from here, as from any child.  Focusing a leaf
    rather than the whole pane matters: Textual restyles the focused widget and all its
    descendants on every focus change, which for a pane of 60 widgets made each tab
    switch cost a tenth of a second of CPU.
    """

    can_focus = True


class Pane(Vertical):
    """A tab's content.

    ``PANE_ID`` names its messages: ``PANE_TITLE`` (``pane.<id>``) names it in help and the
    palette, ``HELP`` (``help.<id>``) is markdown explaining what it shows in the lecture's
    terms (its keys are appended from ``BINDINGS``), both in the app's language; the keys'
    descriptions are ``bind.<binding id>``.  ``relocalize`` redraws what the pane built itself
    after a language switch (``tui.localize``).  ``focus_default``
    focuses its main widget when the tab is shown, ``is_training`` says whether a worker
    trains, and ``stop_workers`` asks its worker
    threads to end (the app calls it before exiting).
    """

    PANE_ID = ""
    DEFAULT_CLASSES = "wordlab-pane"
    can_focus = True

    BINDINGS = [
        binding("escape", "leave_field", id="leave-field"),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        localize_bindings(self)

    @property
    def PANE_TITLE(self) -> str:   # noqa: N802 - read like the constant it was
        return t(f"pane.{self.PANE_ID}") if self.PANE_ID else ""

    @property
    def HELP(self) -> str:   # noqa: N802
        return t(f"help.{self.PANE_ID}") if self.PANE_ID else ""

    def relocalize(self) -> None:
        """Redraw, in the current language, what the pane drew itself (the default: nothing;
        labels made with ``tr`` and lines shown with ``say`` follow by themselves)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave_field":
            # only offered (and shown in the footer) while a text field has the focus
            from textual.widgets import Input

            return isinstance(self.app.focused, Input)
        return True

    def focus_target(self) -> Widget:
        """The widget that takes the focus when the pane is shown: its FocusTarget, or itself."""
        targets = self.query(FocusTarget)
        return targets.first() if targets else self

    def focus_default(self) -> None:
        """Focus ``focus_target()`` now (``Widget.focus`` would wait for the next idle)."""
        self.screen.set_focus(self.focus_target())

    def action_leave_field(self) -> None:
        self.focus_default()

    def is_training(self) -> bool:
        """True while this pane's training worker runs (quitting then asks first)."""
        return False

    def stop_workers(self) -> None:
        """Ask worker threads to stop (they poll an Event); the default has none."""
