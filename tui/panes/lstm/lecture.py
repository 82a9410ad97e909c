"""The lecture's worked forget/input gate tables (engine/presets.py), exactly as on the slides.

At 80x24 the three tables are taller than the pane: the pane's up/down/PgUp/PgDn/Home/End keys
scroll this view (``scroll``) while the focus stays on the pane's status line."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Label

from tui.i18n import language, t


def preset_title(p) -> Text:
    """The table's name in the app's language, the other language's beside it."""
    first, second = (p.name_ko, p.name) if language() == "ko" else (p.name, p.name_ko)
    return Text.assemble((first, "bold"), f"  ({second})")


class LectureView(VerticalScroll):
    """Scrolls, but never takes the focus (the pane's keys drive it)."""

    can_focus = False

    def compose(self) -> ComposeResult:
        from engine.presets import presets

        yield Label(Text(t("lstm.lecture.hint"), style="dim"), id="lstm-lecture-hint")
        for p in presets():
            yield Label(preset_title(p), classes="lstm-preset-title", id=f"lstm-title-{p.key}")
            table = DataTable(id=f"lstm-preset-{p.key}", show_cursor=False, classes="lstm-preset")
            table.can_focus = False
            yield table
            yield Label(t(f"lstm.preset.{p.key}.note"), classes="lstm-preset-note",
                        id=f"lstm-note-{p.key}")

    def relocalize(self) -> None:
        from engine.presets import presets

        self.query_one("#lstm-lecture-hint", Label).update(Text(t("lstm.lecture.hint"), style="dim"))
        for p in presets():
            self.query_one(f"#lstm-title-{p.key}", Label).update(preset_title(p))
            self.query_one(f"#lstm-note-{p.key}", Label).update(t(f"lstm.preset.{p.key}.note"))

    def on_mount(self) -> None:
        from engine.presets import presets

        for p in presets():
            table = self.query_one(f"#lstm-preset-{p.key}", DataTable)
            table.add_column("", key="label")
            for k in range(len(p.c_prev)):
                table.add_column(str(k + 1), key=f"c{k}")
            for label, values in p.rows:
                table.add_row(label, *[f"{v:g}" for v in p.rounded(values)], key=label)

    def scroll(self, how: str) -> None:
        """'up' / 'down' (a line), 'pageup' / 'pagedown', 'home' / 'end'."""
        if how == "up":
            self.scroll_relative(y=-1, animate=False)
        elif how == "down":
            self.scroll_relative(y=1, animate=False)
        elif how == "pageup":
            self.scroll_page_up(animate=False)
        elif how == "pagedown":
            self.scroll_page_down(animate=False)
        elif how == "home":
            self.scroll_home(animate=False)
        elif how == "end":
            self.scroll_end(animate=False)
