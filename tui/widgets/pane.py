"""The base of wordlab's panes: a title, help text, and the focus/stop protocol the app uses."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import Vertical


class Pane(Vertical):
    """A tab's content.

    ``PANE_TITLE`` names it in help and the palette, ``HELP`` is markdown explaining what it
    shows in the lecture's terms (its keys are appended from ``BINDINGS``), ``focus_default``
    focuses its main widget when the tab is shown, and ``stop_workers`` asks its worker
    threads to end (the app calls it before exiting).
    """

    PANE_TITLE = ""
    HELP = ""
    DEFAULT_CLASSES = "wordlab-pane"
    can_focus = True

    BINDINGS = [
        Binding("escape", "leave_field", "Leave field", show=False, id="leave-field",
                tooltip="Leave the text field so that letter keys act on the pane"),
    ]

    def focus_default(self) -> None:
        self.focus()

    def action_leave_field(self) -> None:
        self.focus_default()

    def stop_workers(self) -> None:
        """Ask worker threads to stop (they poll an Event); the default has none."""
