"""Command palette provider: every action of the current pane, plus the global ones."""

from __future__ import annotations

from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.help import key_label


class PaneCommands(Provider):
    """Lists the current pane's BINDINGS (with their keys) and the app's tab/help/quit."""

    def _commands(self) -> list[tuple[str, str, object, str]]:
        app = self.app
        out: list[tuple[str, str, object, str]] = []
        pane = app.current_pane() if hasattr(app, "current_pane") else None
        if pane is not None:
            name = getattr(pane, "PANE_TITLE", type(pane).__name__)
            for b in getattr(pane, "BINDINGS", []):
                if isinstance(b, Binding) and b.description and b.id != "leave-field":
                    out.append((f"{name}: {b.description} ({key_label(b)})", b.action, pane,
                                b.tooltip or b.description))
        for b in app.BINDINGS:
            if isinstance(b, Binding) and b.description and b.id not in (None, "ctrl-c"):
                out.append((f"{b.description} ({key_label(b)})", b.action, app, b.tooltip or b.description))
        return out

    async def _run(self, action: str, target: object) -> None:
        await self.app.run_action(action, target)

    async def discover(self) -> Hits:
        for text, action, target, help_text in self._commands():
            yield DiscoveryHit(text, partial(self._run, action, target), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, action, target, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self._run, action, target), help=help_text)
