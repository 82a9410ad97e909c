"""A Footer that rebuilds itself only when the keys it shows change.

Textual's Footer recomposes (creates a widget per key) on every bindings update, and a tab
switch or focus change sends several; on a loaded 2-core machine that was most of the cost
of a key press.  This one waits for the next refresh, compares what it would show, and
recomposes only on a difference.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class QuietFooter(Footer):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple | None = None
        self._pending = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True
            self.call_after_refresh(self._recompose_if_changed)

    def _signature(self) -> tuple:
        return tuple(
            (key, active.binding.description, active.binding.show, active.enabled, active.tooltip)
            for key, active in self.screen.active_bindings.items()
        )

    async def _recompose_if_changed(self) -> None:
        self._pending = False
        signature = self._signature()
        if signature == self._shown:
            return
        self._shown = signature
        await self.recompose()
