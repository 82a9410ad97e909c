"""The lesson screen: ``Lesson n/N`` and the step's title, its text, its live view, the keys.

``→``/Space next, ``←`` back, ``n`` the view's own next (time step), ``Esc`` back to the free
panes (the lesson stays installed, so ``L`` resumes at the same step with the same views),
``?``/F1 help, ``1``-``7`` leave straight to that pane.  The keys' names and tooltips are in
the app's language (``tui.i18n``), set on the instance: the footer, the palette
(``tui.commands.PaneCommands`` lists a screen's own bindings when it has a ``PANE_TITLE``) and
the help read them from there.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Markdown, Static

from tui.help import HelpScreen, key_label
from tui.i18n import language, set_language, t
from tui.lesson.steps import STEPS
from tui.lesson.views import LessonView, make_view
from tui.widgets.footer import QuietFooter

SCREEN_NAME = "lesson"


def lesson_bindings() -> list[Binding]:
    """The lesson's keys, described in the current language."""
    from tui.app import PANES, pane_title

    keys = [
        Binding("right,space", "next", t("lesson.key.next"), key_display="→/Space",
                id="lesson.next", tooltip=t("lesson.tip.next")),
        Binding("left", "back", t("lesson.key.back"), key_display="←", id="lesson.back",
                tooltip=t("lesson.tip.back")),
        Binding("n", "advance", t("lesson.key.advance"), id="lesson.advance",
                tooltip=t("lesson.tip.advance")),
        Binding("escape", "leave", t("lesson.key.leave"), key_display="Esc", id="lesson.leave",
                tooltip=t("lesson.tip.leave")),
        Binding("question_mark,f1", "help", t("lesson.key.help"), key_display="?",
                id="lesson.help", tooltip=t("lesson.tip.help")),
        Binding("g", "language", t("lesson.key.language"), id="lesson.language",
                tooltip=t("lesson.tip.language")),
        # L opened the lesson; in it, L leaves too
        Binding("L", "leave", "", show=False, id="lesson.toggle", tooltip=t("lesson.tip.leave")),
        # q still quits (the app's action), but out of the footer: at 80 columns the lesson's
        # own keys need the room (the palette and the help list Quit)
        Binding("q", "app.quit", "", show=False, id="lesson.quit", tooltip=t("lesson.help.quit")),
    ]
    for i, (pane_id, _) in enumerate(PANES):
        keys.append(Binding(str(i + 1), f"leave_to('{pane_id}')", "", show=False,
                            id=f"lesson.to-{pane_id}",
                            tooltip=t("lesson.tip.to", pane=pane_title(pane_id))))
    return keys


class LessonHelpScreen(HelpScreen):
    """The help screen in the lesson's language: the step, the steps, the keys."""

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog"):
            yield Static(Text(t("lesson.help.title", title=self.title_text)), id="help-title")
            with VerticalScroll(id="help-scroll"):
                yield Markdown(self.text)


class LessonScreen(Screen):
    """The lecture, step by step."""

    AUTO_FOCUS = None

    def __init__(self, step: int = 0) -> None:
        super().__init__(id="lesson-screen")
        self.index = max(0, min(step, len(STEPS) - 1))
        #: this instance's keys, in the language of the app (Textual reads ``_bindings``)
        self.BINDINGS = lesson_bindings()
        self._bindings = BindingsMap(self.BINDINGS)
        self.views: dict[str, LessonView] = {}

    @property
    def PANE_TITLE(self) -> str:   # noqa: N802 - the panes' attribute, for the palette
        return t("lesson.title")

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield Static(id="lesson-header")
        yield Static(id="lesson-text")
        yield ContentSwitcher(id="lesson-views")
        yield QuietFooter()

    async def on_mount(self) -> None:
        self._language = language()
        await self.show_step(self.index)

    async def on_screen_resume(self) -> None:
        """Back from the panes: F2 may have switched the language there meanwhile."""
        if getattr(self, "_language", language()) != language():
            await self._rebuild_in_language()

    @property
    def step(self):
        return STEPS[self.index]

    def current_view(self) -> LessonView | None:
        return self.views.get(self.step.key)

    async def show_step(self, index: int) -> None:
        """Show step ``index`` (0-based): its header, text and view (built on first visit)."""
        self.index = max(0, min(index, len(STEPS) - 1))
        step = self.step
        # Text, not str: a str is read as markup, and the texts hold brackets ([h_t-1, x_t])
        self.query_one("#lesson-header", Static).update(Text(t(
            "lesson.header", n=self.index + 1, total=len(STEPS),
            section=t(f"lesson.section.{step.section}"), title=t(f"lesson.{step.key}.title"))))
        self.query_one("#lesson-text", Static).update(Text(t(f"lesson.{step.key}.text")))
        switcher = self.query_one("#lesson-views", ContentSwitcher)
        view = self.views.get(step.key)
        if view is None:
            view = self.views[step.key] = make_view(step.key)
            await switcher.mount(view)
        switcher.current = view.id
        self.refresh_bindings()

    # ------------------------------------------------------------------ keys
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "advance":
            view = self.current_view()
            return bool(view is not None and view.advances)   # False: not offered here
        if action == "next":
            return True if self.index < len(STEPS) - 1 else None   # None: shown, disabled
        if action == "back":
            return True if self.index > 0 else None
        return True

    async def action_next(self) -> None:
        if self.index < len(STEPS) - 1:
            await self.show_step(self.index + 1)

    async def action_back(self) -> None:
        if self.index > 0:
            await self.show_step(self.index - 1)

    def action_advance(self) -> None:
        view = self.current_view()
        if view is not None and view.advances:
            view.advance()

    def action_leave(self) -> None:
        """Back to the free panes; the lesson stays as it is for ``L``."""
        if self.app.screen is self:
            self.app.pop_screen()

    async def action_leave_to(self, pane_id: str) -> None:
        self.action_leave()
        if hasattr(self.app, "action_show_tab"):
            await self.app.action_show_tab(pane_id)

    async def action_language(self) -> None:
        """Switch English <-> Korean, live: the keys, the texts and the views are rebuilt in
        the other language (a view's model is trained again: the corpus changes with the
        language, lecture <-> lecture-ko)."""
        set_language("ko" if language() == "en" else "en")
        await self._rebuild_in_language()

    async def _rebuild_in_language(self) -> None:
        """The keys, texts and views again, in the language now in use."""
        self._language = language()
        self.BINDINGS = lesson_bindings()
        self._bindings = BindingsMap(self.BINDINGS)
        old, self.views = list(self.views.values()), {}
        for view in old:
            view.stop()
        await self.query_one("#lesson-views", ContentSwitcher).remove_children()
        await self.show_step(self.index)

    def action_help(self) -> None:
        if isinstance(self.app.screen, HelpScreen):
            return
        self.app.push_screen(LessonHelpScreen(t("lesson.title"), self.help_markdown(), None))

    def help_markdown(self) -> str:
        step = self.step
        lines = [f"# {t('lesson.header', n=self.index + 1, total=len(STEPS), section=t(f'lesson.section.{step.section}'), title=t(f'lesson.{step.key}.title'))}",
                 "", t(f"lesson.{step.key}.text"), "", f"## {t('lesson.help.steps')}", ""]
        for k, s in enumerate(STEPS):
            mark = " ◀" if k == self.index else ""
            lines.append(f"{k + 1}. {t(f'lesson.{s.key}.title')}{mark}")
        lines += ["", f"## {t('lesson.help.keys')}", "",
                  f"| {t('lesson.help.key')} | {t('lesson.help.action')} |", "|---|---|"]
        for b in self.BINDINGS:
            if b.description:
                lines.append(f"| `{key_label(b)}` | {b.tooltip} |")
        lines.append(f"| `1`-`7` | {t('lesson.help.panes')} |")
        lines.append(f"| `Ctrl+P` | {t('lesson.help.palette')} |")
        lines.append(f"| `q` | {t('lesson.help.quit')} |")
        return "\n".join(lines) + "\n"

    # ------------------------------------------------------------------ workers
    def busy(self) -> bool:
        return any(v.busy() for v in self.views.values())

    def stop_workers(self) -> None:
        for view in self.views.values():
            view.stop()


def open_lesson(app, step: int | None = None) -> LessonScreen:
    """Show the lesson (installed once, so it resumes where it was), at ``step`` (0-based) if
    given."""
    if app.is_screen_installed(SCREEN_NAME):
        screen = app.get_screen(SCREEN_NAME)
    else:
        screen = LessonScreen(step or 0)
        app.install_screen(screen, SCREEN_NAME)
        step = None                       # the new screen starts there
    if app.screen is not screen:
        app.push_screen(SCREEN_NAME)
    if step is not None:
        app.call_later(screen.show_step, step)
    return screen
