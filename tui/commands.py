"""Command palette provider: every action of the current pane, plus the global ones.

Each action is listed once.  Textual's own system commands (``App.COMMANDS`` keeps its
``SystemCommandsProvider``) already offer Quit, bound to the app's ``action_quit`` (wordlab's,
which asks first while training runs): an app binding whose action a system command runs is
not listed again (the palette showed "Quit" and "Quit (q)").  Several keys for one action
(``?`` and F1 for help) make one entry naming both keys.
"""

from __future__ import annotations

from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.help import key_label
from tui.localize import own_bindings


def system_command_actions(app, screen) -> set[str]:
    """The app actions (``"quit"``, ...) that Textual's system commands already run in the
    palette, or an empty set when the app does not list the system commands."""
    from textual.app import get_system_commands_provider

    if get_system_commands_provider not in getattr(app, "COMMANDS", ()):
        return set()
    actions = set()
    for command in app.get_system_commands(screen):
        callback = command.callback
        name = getattr(callback, "__name__", "")
        if getattr(callback, "__self__", None) is app and name.startswith("action_"):
            actions.add(name.removeprefix("action_"))
    return actions


class PaneCommands(Provider):
    """Lists the current pane's BINDINGS (with their keys) and the app's tab/help bindings."""

    def _commands(self) -> list[tuple[str, str, object, str]]:
        app = self.app
        entries: dict[tuple[int, str], list] = {}   # (target, action) -> [label, keys, target, help]

        def add(prefix: str, b: Binding, target: object) -> None:
            key = (id(target), b.action)
            if key in entries:
                keys = entries[key][1]
                if key_label(b) not in keys:
                    keys.append(key_label(b))
                return
            entries[key] = [f"{prefix}{b.description}", [key_label(b)], target,
                            b.tooltip or b.description]

        pane = app.current_pane() if hasattr(app, "current_pane") else None
        # a screen with a PANE_TITLE (the lesson) acts as the pane: only its own keys are
        # listed (the app's tab and help keys would act on the panes hidden beneath it)
        on_screen = getattr(self.screen, "PANE_TITLE", None) is not None
        if on_screen:
            pane = self.screen
        if pane is not None:
            name = getattr(pane, "PANE_TITLE", type(pane).__name__)
            for b in own_bindings(pane):
                if isinstance(b, Binding) and b.description and b.id != "leave-field":
                    add(f"{name}: ", b, pane)
        listed_by_textual = system_command_actions(app, self.screen)
        for b in ([] if on_screen else own_bindings(app)):
            if (isinstance(b, Binding) and b.description and b.id not in (None, "ctrl-c")
                    and b.action not in listed_by_textual):
                add("", b, app)
        return [(f"{label} ({' / '.join(keys)})", action, target, help_text)
                for (_, action), (label, keys, target, help_text) in entries.items()]

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
