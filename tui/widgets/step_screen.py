"""What GloVe's and FastText's step-mode screens share (tui/panes/glove_step.py,
tui/panes/fasttext_step.py): their keys in the app's language, set on the instance and built
again after a language switch; the page ``?`` opens; the scrolled body; the title the palette
shows.  A subclass names its message prefix (``<prefix>.title``, ``<prefix>.help``), its body's
id and the function that builds its keys."""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding, BindingsMap
from textual.containers import VerticalScroll
from textual.screen import Screen

from tui.i18n import t


def scroll_bindings(prefix: str) -> list[Binding]:
    """Arrows and Page Up/Down scroll the body (not shown in the footer)."""
    return [
        Binding("down", "scroll('down')", "", show=False, id=f"{prefix}.down"),
        Binding("up", "scroll('up')", "", show=False, id=f"{prefix}.up"),
        Binding("pagedown", "scroll('page_down')", "", show=False, id=f"{prefix}.page_down"),
        Binding("pageup", "scroll('page_up')", "", show=False, id=f"{prefix}.page_up"),
    ]


class StepModeScreen(Screen):
    PREFIX = ""                                  # "glove", "ft"
    BODY = ""                                    # the VerticalScroll's id
    make_bindings: Callable[[], list[Binding]]   # the screen's keys, in the current language

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self._install_bindings()

    def _install_bindings(self) -> None:
        self.BINDINGS = type(self).make_bindings()
        self._bindings = BindingsMap(self.BINDINGS)

    @property
    def PANE_TITLE(self) -> str:   # noqa: N802 - the panes' attribute, for the palette
        return t(f"{self.PREFIX}.title")

    def action_help(self) -> None:
        from tui.help import HelpScreen

        if not isinstance(self.app.screen, HelpScreen):
            self.app.push_screen(HelpScreen(self.PANE_TITLE, t(f"{self.PREFIX}.help"), self))

    def action_scroll(self, how: str) -> None:
        getattr(self.query_one(f"#{self.BODY}", VerticalScroll), f"scroll_{how}")(animate=False)

    def relocalize(self) -> None:
        """The keys again in the current language, then what the screen draws itself."""
        self._install_bindings()
        self.refresh_bindings()
        self.redraw_language()

    def redraw_language(self) -> None:
        """Redraw, in the current language, what the screen drew itself."""
