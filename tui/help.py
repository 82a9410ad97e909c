"""The help screen: what the current pane shows, in the lecture's terms, and its keys."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Markdown, Static

from tui.i18n import t
from tui.localize import binding, localize_bindings, own_bindings


def global_help() -> str:
    """The keys that work everywhere, in the app's language (the message ``help.global``)."""
    return t("help.global")


def key_label(binding: Binding) -> str:
    """How a binding's key reads in help and the palette."""
    if binding.key_display:
        return binding.key_display
    names = []
    for key in binding.key.split(","):
        key = key.strip()
        if re.fullmatch(r"f\d+", key):
            names.append(key.upper())       # F1, as the keyboard says
            continue
        names.append({"space": "Space", "question_mark": "?", "escape": "Esc", "enter": "Enter",
                      "plus": "+", "minus": "-", "shift+n": "N"}.get(key, key.replace("ctrl+", "Ctrl+")))
    return " / ".join(names)


def keys_markdown(widget: Widget) -> str:
    """A markdown table of a widget's own bindings (those with a description)."""
    rows = []
    for b in own_bindings(widget):
        if isinstance(b, Binding) and b.description:
            rows.append(f"| `{key_label(b)}` | {b.tooltip or b.description} |")
    if not rows:
        return ""
    return (f"## {t('help.pane-keys')}\n\n| {t('help.key')} | {t('help.action')} |\n|---|---|\n"
            + "\n".join(rows) + "\n")


class HelpScreen(ModalScreen[None]):
    """Help for one pane: its HELP markdown, its keys, then the global keys."""

    BINDINGS = [
        binding("escape,q,question_mark,f1", "close", id="help-close"),
    ]

    def __init__(self, title: str, text: str, pane: Widget | None = None) -> None:
        super().__init__()
        localize_bindings(self)
        self.title_text = title
        self.text = text
        self.pane = pane

    def compose(self) -> ComposeResult:
        keys = keys_markdown(self.pane) if self.pane is not None else ""
        with Vertical(id="help-dialog"):
            yield Static(t("help.title", title=self.title_text), id="help-title")
            with VerticalScroll(id="help-scroll"):
                yield Markdown(self.text.strip() + "\n\n" + keys + "\n" + global_help())

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)
