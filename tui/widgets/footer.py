"""A Footer that rebuilds itself only when the keys it shows change.

Textual's Footer recomposes (creates a widget per key) on every bindings update, and a tab
switch or focus change sends several; on a loaded 2-core machine that was most of the cost
of a key press.  This one waits for the next refresh, compares what it would show, and
recomposes only on a difference.

It also never lets a key with double-width (Korean) text run under the command-palette key at
the right end: Textual clips the keys row there, and a half-covered wide character garbled the
palette's own label ("^p   레트").  Such keys are left out whole, as the narrow ones are cut;
the palette and the help list every key.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


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

    @staticmethod
    def _key_width(key: FooterKey) -> int:
        """Cells a key takes: its key, a space, its description, one cell of padding each side."""
        return cell_len(key.key_display) + 1 + cell_len(key.description) + 2

    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        width = self.size.width or self.app.size.width
        palette = [w for w in widgets if w.has_class("-command-palette")]
        # the palette key: a border cell on its left, no padding on its right
        room = width - sum(self._key_width(w) for w in palette)
        used = 0
        for widget in widgets:
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                used += self._key_width(widget)
                wide = cell_len(widget.description) != len(widget.description)
                if used > room and wide:
                    room = -1                   # and every key after it
                    continue
                if room < 0:
                    continue
            yield widget

    def on_resize(self) -> None:
        """Another width: which keys fit may change."""
        if self.is_attached and not self._pending:
            self._shown = None
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
