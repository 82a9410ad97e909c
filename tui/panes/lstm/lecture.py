"""The lecture's worked forget/input gate tables (engine/presets.py), exactly as on the slides.

At 80x24 the three tables are taller than the pane: the pane's up/down/PgUp/PgDn/Home/End keys
scroll this view (``scroll``) while the focus stays on the pane's status line."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Label

SCROLL_HINT = "↑↓ PgUp PgDn Home End scroll these tables"


class LectureView(VerticalScroll):
    """Scrolls, but never takes the focus (the pane's keys drive it)."""

    can_focus = False

    def compose(self) -> ComposeResult:
        from engine.presets import presets

        yield Label(Text(SCROLL_HINT, style="dim"), id="lstm-lecture-hint")
        for p in presets():
            yield Label(Text.assemble((p.name, "bold"), f"  ({p.name_ko})"),
                        classes="lstm-preset-title")
            t = DataTable(id=f"lstm-preset-{p.key}", show_cursor=False, classes="lstm-preset")
            t.can_focus = False
            yield t
            yield Label(p.note, classes="lstm-preset-note")

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
