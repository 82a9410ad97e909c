"""wordlab's Textual app: seven panes over one shared state (corpus, model, vectors).

The app owns the shared state as reactives; panes watch them with
``self.watch(self.app, "corpus", callback)``.  Nothing here imports torch: the
engine is imported by the panes' workers when they first need it, so the first
screen is up in well under a second.
"""

from __future__ import annotations

import importlib
import os
import threading
from pathlib import Path
from typing import Any, Callable

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.events import Resize
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Header, Static, TabbedContent, TabPane

from tui.commands import PaneCommands
from tui.i18n import has, language, set_language, t
from tui.localize import binding, localize_bindings, relocalize
from tui.state import AppState, Provenance
from tui.help import HelpScreen
from tui.widgets.dialogs import ConfirmScreen, PathScreen
from tui.widgets.footer import QuietFooter

HERE = Path(__file__).parent

#: (id, title) of the panes in tab order; number key i+1 shows pane i.  The title shown is
#: the message ``pane.<id>`` (``pane_title``), in the app's language.
PANES: list[tuple[str, str]] = [
    ("corpus", "Corpus"),
    ("onehot", "One-hot"),
    ("train", "Train"),
    ("step", "Step"),
    ("explore", "Explore"),
    ("evaluate", "Evaluate"),
    ("lstm", "LSTM"),
]

#: pane id -> (module, class); the step and LSTM panes come from their own modules.
PANE_CLASSES: dict[str, tuple[str, str]] = {
    "corpus": ("tui.panes.corpus", "CorpusPane"),
    "onehot": ("tui.panes.onehot", "OneHotPane"),
    "train": ("tui.panes.train", "TrainPane"),
    "step": ("tui.panes.step", "StepPane"),
    "explore": ("tui.panes.explore", "ExplorePane"),
    "evaluate": ("tui.panes.evaluate", "EvaluatePane"),
    "lstm": ("tui.panes.lstm", "LSTMPane"),
}

#: below this size the layout cannot work; the app asks for a larger terminal.
MIN_WIDTH, MIN_HEIGHT = 60, 20

#: corpus options the app starts with: the shipped corpora are small, so keep every word.
DEFAULT_CORPUS_OPTIONS: dict[str, Any] = {"lower": True, "min_count": 1, "sample": 0.0}


def _css_paths() -> list[Path]:
    paths = [HERE / "app.tcss"]
    paths += sorted(p for p in (HERE / "panes").glob("*.tcss"))
    return paths


class PaneTabs(TabbedContent):
    """The app's tabs.  Textual's TabbedContent activates the tab of any widget that gets the
    focus; the focus event arrives after the switch, so in a burst of tab keys (`5 6`, as one
    SSH packet delivers them) the late focus event of pane 5 switched back from pane 6.  The
    tabs here change only by the tab keys, a click on a tab, or the Tabs' own arrow keys: a
    focus event for a hidden pane is stale and ignored."""

    def _on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        event.stop()
        event.prevent_default()             # not TabbedContent's handler, which activates it
        pane_id = event.tab_pane.id
        if pane_id is not None and pane_id == self.active:
            return                          # focus moved within the pane shown: nothing to do
        # a focus event of a pane no longer shown: the user has switched since


def pane_title(pane_id: str) -> str:
    """A pane's name in the app's language ("Corpus", "말뭉치")."""
    return t(f"pane.{pane_id}")


def _tab_binding(i: int, pane_id: str) -> Binding:
    return binding(str(i), f"show_tab('{pane_id}')", show=False, id=f"tab-{pane_id}")


class WordlabApp(App):
    """The wordlab explorer."""

    TITLE = "wordlab"
    #: seconds after startup before the other panes are built in the background (one per
    #: PREMOUNT_GAP), so that a first visit costs a tab switch, not a build; None: on demand.
    PREMOUNT_DELAY: float | None = 1.0
    PREMOUNT_GAP = 0.2
    SUB_TITLE = "Word2Vec, RNN and LSTM, live"
    CSS_PATH = _css_paths()
    COMMANDS = App.COMMANDS | {PaneCommands}

    # descriptions and tooltips: the messages bind.<id> / bind.<id>.tip (tui/lang/*.py), in the
    # app's language; __init__ and a language switch (F2) localize the instance's copy
    BINDINGS = [
        *[_tab_binding(i + 1, pid) for i, (pid, _) in enumerate(PANES)],
        binding("question_mark", "help", key_display="?", id="help"),
        binding("f1", "help", show=False, id="help-f1"),
        binding("q", "quit", id="quit"),
        # not in the footer: at 80 columns it fits on few panes (on Corpus, the first screen,
        # it was cut to "L L"); the palette lists it, and the lesson's own footer says Esc
        binding("L", "lesson", show=False, id="lesson"),
        # GloVe's step mode: a screen of its own over the corpus in use (palette, help)
        binding("G", "glove_step", show=False, id="glove-step"),
        # FastText's step mode: a word's n-gram rows, one update at a time (palette, help)
        binding("F", "fasttext_step", show=False, id="fasttext-step"),
        binding("ctrl+c", "quit", show=False, priority=True, id="ctrl-c"),
        binding("ctrl+s", "save_screen", show=False, priority=True, id="screenshot"),
        # F2 works from a text field too (priority); the help and the palette list it
        binding("f2", "language", show=False, priority=True, id="language"),
    ]

    #: everything the app is looking at (corpus, model and its provenance, vectors, language
    #: model): one frozen ``tui.state.AppState``, replaced only through the ``set_*`` methods
    #: below.  Panes watch it and compare its generation numbers with what they drew.
    state: reactive[AppState] = reactive(AppState, always_update=True, init=False)

    def __init__(self, corpus: Any = None, *, corpus_name: str | None = "lecture",
                 corpus_options: dict | None = None, vectors: Any = None,
                 vectors_path: str | None = None, lesson: int | None = None,
                 lang: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        from tui import i18n

        i18n.set_language(lang)          # None: the locale's (LANG=ko_KR.UTF-8 gives Korean)
        localize_bindings(self)
        self.sub_title = t("app.subtitle")
        #: the language the widgets were last drawn in (the lesson can switch it too)
        self._drawn_language = i18n.language()
        #: open the lesson at this step (0-based) once the app is up (``wordlab lesson``)
        self._initial_lesson = lesson
        from tui.panes.corpus import suggested_options

        options = dict(DEFAULT_CORPUS_OPTIONS)
        name = getattr(corpus, "name", None) or corpus_name
        if name:
            options.update(suggested_options(name))
        options.update(corpus_options or {})
        state = AppState(corpus_options=options)
        if corpus is not None:
            state = state.with_corpus(corpus, options)
        if vectors is not None:
            state = state.with_vectors(vectors, Provenance("loaded", path=vectors_path))
        self.set_reactive(WordlabApp.state, state)
        # Opening a corpus builds its tokenizer (a few hundred ms for the Unicode tables):
        # done in a worker after the first frame, so the app is interactive at once.
        self._initial_corpus = corpus_name if corpus is None else None
        self._initial_vectors = vectors_path if vectors is None else None
        self._quit_asking = False
        self._switch_asking = False

    # ----------------------------------------------------------------- the state
    @property
    def corpus(self) -> Any:
        """The corpus every pane works on (read-only: change it with ``set_corpus``)."""
        return self.state.corpus

    @property
    def corpus_options(self) -> dict:
        return self.state.corpus_options

    @property
    def model(self) -> Any:
        """The Word2Vec model in use (None for vectors loaded from a file)."""
        return self.state.model

    @property
    def vectors(self) -> Any:
        return self.state.vectors

    @property
    def training(self) -> bool:
        """Whether a training run (Word2Vec or the language model) is going on."""
        return self.any_training()

    def set_corpus(self, corpus: Any, options: dict, *,
                   done: Callable[[bool], None] | None = None) -> None:
        """Make ``corpus`` (opened with ``options``) the corpus every pane works on.

        While a run trains this asks first (stop it and switch, or keep training); ``done``
        is called with True once the switch happened, False when the user kept training.  A
        model trained on the previous corpus stays in use, labelled with its corpus, and the
        user is told so."""
        if not self.any_training():
            self._apply_corpus(corpus, options)
            if done:
                done(True)
            return
        if self._switch_asking:
            if done:
                done(False)
            return
        self._switch_asking = True
        current = self.state.corpus_name or t("app.current-corpus")

        def answered(yes: bool | None) -> None:
            self._switch_asking = False
            if yes:
                self._stop_training()
                self._apply_corpus(corpus, options)
            if done:
                done(bool(yes))

        self.push_screen(ConfirmScreen(
            t("app.switch.question", current=current, corpus=corpus.name),
            yes=t("app.switch.yes"), no=t("app.keep-training")), answered)

    def _apply_corpus(self, corpus: Any, options: dict) -> None:
        old = self.state
        new = old.with_corpus(corpus, options)
        self.state = new
        if old.corpus is not None and old.corpus is not corpus:
            kept = []
            if old.model is not None and old.provenance is not None:
                kept.append(t("app.kept.vectors", label=old.provenance.label()))
            if old.lm is not None and old.lm_provenance is not None:
                kept.append(t("app.kept.lm", label=old.lm_provenance.label()))
            if kept:
                self.notify(t("app.kept", corpus=corpus.name, kept=t("app.and").join(kept)),
                            timeout=8)

    def set_corpus_options(self, options: dict) -> None:
        """Options that change training only (subsampling): the corpus and its figures stay."""
        self.state = self.state.with_options(options)

    def set_model(self, model: Any, provenance: Provenance) -> None:
        """A trained (or stopped, or last-good) Word2Vec model and its vectors."""
        self.state = self.state.with_model(model, model.vectors(), provenance)

    def set_vectors(self, vectors: Any, provenance: Provenance) -> None:
        """Vectors from a file: no model, no corpus."""
        self.state = self.state.with_vectors(vectors, provenance)

    def drop_model(self) -> None:
        self.state = self.state.without_model()

    def set_language_model(self, lm: Any, provenance: Provenance | None) -> None:
        self.state = self.state.with_lm(lm, provenance)

    # ----------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        yield Header(icon="≈")
        with PaneTabs(initial="corpus", id="tabs"):
            for i, (pane_id, title) in enumerate(PANES):
                with TabPane(f"{i + 1} {pane_title(pane_id)}", id=pane_id):
                    if pane_id == "corpus":
                        yield self._make_pane(pane_id)
        yield Static(t("app.too-small", width=MIN_WIDTH, height=MIN_HEIGHT), id="too-small")
        yield QuietFooter()

    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, self._screen_changed)
        self._check_size(self.size.width, self.size.height)
        self.call_after_refresh(self._focus_current)
        if self._initial_corpus:
            self.call_after_refresh(self._open_initial_corpus, self._initial_corpus)
        if self._initial_vectors:
            self.call_after_refresh(self._load_initial_vectors, self._initial_vectors)
        if self.PREMOUNT_DELAY is not None:
            self.set_timer(self.PREMOUNT_DELAY, self._premount_next)
        if self._initial_lesson is not None:
            self.call_after_refresh(self.open_lesson, self._initial_lesson)
        self._apply_keymap()
        self._exit_with_the_server()

    def _exit_with_the_server(self) -> None:
        """Served to a browser (``wordlab serve``: textual-serve runs this app with its web
        driver, input and output over pipes to the server): when the server goes away without
        closing the app (killed, crashed), the driver's input ends and nothing else would stop
        it; an orphaned app kept running, and training, on the lab server.  Exit then, as a
        terminal app ends with its terminal."""
        driver = getattr(self, "_driver", None)
        reader = getattr(driver, "_key_thread", None)
        if type(driver).__name__ != "WebDriver" or not isinstance(reader, threading.Thread):
            return

        def wait() -> None:
            reader.join()
            if self.is_running:
                self.call_from_thread(self._stop_and_exit)

        threading.Thread(target=wait, name="wordlab-served-input", daemon=True).start()

    def _apply_keymap(self) -> None:
        """The user's keys.toml (tui/keymap.py), when there is one: Textual's keymap rebinds
        the ids it names; what could not be used is said once, the rest applies."""
        from tui.keymap import keymap_path

        path = keymap_path()
        if not path.exists():
            return                          # the usual case costs one stat()
        from tui.keymap import binding_ids, load_keymap

        keymap = load_keymap(binding_ids(), path)
        if keymap.keys:
            self.set_keymap(keymap.keys)
        if keymap.problems:
            self.notify(t("app.keys.ignored", path=str(path), what="; ".join(keymap.problems)),
                        severity="warning", timeout=10)

    async def _premount_next(self) -> None:
        """Build the next pane not built yet; the first screen is already interactive."""
        for pane_id, _ in PANES:
            try:
                self.query_one(f"#{pane_id}-pane")
            except NoMatches:
                await self.ensure_pane(pane_id)
                self.set_timer(self.PREMOUNT_GAP, self._premount_next)
                return
        self.freeze_heap()           # every pane is built: the widget tree is long-lived

    def freeze_heap(self) -> None:
        """Move every object alive now into the permanent generation (``gc.freeze``).

        Python's full collections walk every tracked object: with the widget tree, numpy and
        torch loaded that took 150-250 ms, and while training (which allocates fast) they ran
        every few seconds and stalled key presses (tab switches measured at 180-250 ms at 80x24
        against 40-90 ms with the long-lived objects frozen).  Called once the panes are built
        and again when a training run has imported torch; cycles created later are still
        collected as usual."""
        import gc

        gc.freeze()

    def _open_initial_corpus(self, name: str) -> None:
        options = dict(self.corpus_options)

        def work() -> None:
            from corpora import open_corpus
            from engine.errors import WordlabError

            try:
                corpus = open_corpus(name, lowercase=options["lower"])
            except (WordlabError, OSError) as exc:
                self.call_from_thread(self.notify, t("app.error.corpus", name=name, error=exc),
                                      severity="error", timeout=8)
                return
            self.call_from_thread(self._set_initial_corpus, corpus)

        self.run_worker(work, thread=True, group="initial-corpus", exit_on_error=False)

    def _load_initial_vectors(self, path: str) -> None:
        def work() -> None:
            from engine.errors import WordlabError
            from engine.vectors import KeyedVectors

            try:
                kv = KeyedVectors.load(path)
            except (WordlabError, OSError) as exc:
                self.call_from_thread(self.notify, t("app.error.vectors", path=path, error=exc),
                                      severity="error", timeout=8)
                return
            self.call_from_thread(self.set_vectors, kv, Provenance("loaded", path=path))

        self.run_worker(work, thread=True, group="initial-vectors", exit_on_error=False)

    def _set_initial_corpus(self, corpus: Any) -> None:
        if self.corpus is None:  # the user may have picked one meanwhile
            self._apply_corpus(corpus, self.corpus_options)

    def on_resize(self, event: Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        try:
            tabs = self.query_one("#tabs")
            was_hidden = not tabs.display
            self.query_one("#too-small").display = small
            tabs.display = not small
        except NoMatches:  # before compose there is nothing to toggle
            return
        if was_hidden and not small:
            # hiding the tabs took the focus away from the pane (the footer then showed only
            # the app's keys and the pane's keys did nothing): give it back
            self.call_after_refresh(self._focus_current)

    # ----------------------------------------------------------------- errors
    #: seconds between two notifications of the same unexpected error
    ERROR_NOTIFY_GAP = 5.0

    #: more unexpected errors than this within ERROR_STORM_SECONDS: give up (Textual's exit)
    ERROR_STORM = 20
    ERROR_STORM_SECONDS = 10.0

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error in a handler or a redraw must not take the app down, and with it
        a training run or a trained model: show one line, log the traceback, and carry on.

        Headless (Pilot tests) outside a run, Textual's default applies (exit with the
        traceback), so bugs stay visible to the tests; so it does for a storm of errors (a
        widget failing on every frame), where carrying on would help nobody."""
        import time
        import traceback

        now = time.monotonic()
        recent = [t for t in getattr(self, "_error_times", []) if now - t < self.ERROR_STORM_SECONDS]
        self._error_times = recent + [now]
        if (self.is_headless and not self.any_training()) or len(recent) >= self.ERROR_STORM:
            super()._handle_exception(error)
            return
        text = f"{type(error).__name__}: {error}"
        path = self._log_error("".join(traceback.format_exception(error)))
        last = getattr(self, "_last_error", (None, 0.0))
        if last[0] != text or now - last[1] > self.ERROR_NOTIFY_GAP:
            self._last_error = (text, now)
            where = t("app.error.where", path=path) if path else ""
            self.notify(t("app.error.display", error=text, where=where),
                        severity="error", timeout=8)

    @staticmethod
    def _log_error(text: str) -> str | None:
        """Append a traceback to wordlab's error log; the log's path, or None."""
        import os

        try:
            from platformdirs import user_cache_dir

            folder = user_cache_dir("wordlab")
            os.makedirs(folder, exist_ok=True)
            path = os.path.join(folder, "errors.log")
            with open(path, "a", encoding="utf-8") as fh:
                fh.write(text + "\n")
            return path
        except OSError:
            return None

    # ----------------------------------------------------------------- panes
    @staticmethod
    def _make_pane(pane_id: str) -> Widget:
        """Import a pane's module and create it (panes are created on first view)."""
        module_name, class_name = PANE_CLASSES[pane_id]
        module = importlib.import_module(module_name)
        return getattr(module, class_name)(id=f"{pane_id}-pane")

    async def ensure_pane(self, pane_id: str) -> Widget:
        """The pane widget of tab ``pane_id``, mounted on first use.

        Only the first pane is built at startup; the others are imported and mounted the
        first time they are shown, which keeps startup well under a second.
        """
        try:
            return self.query_one(f"#{pane_id}-pane")
        except NoMatches:
            pass
        pane = self._make_pane(pane_id)
        await self.query_one(f"TabPane#{pane_id}", TabPane).mount(pane)
        return pane

    def action_save_screen(self) -> None:
        """Ctrl+S: the screen as SVG and text into the remembered folder (asked the first
        time); the file names go to a notification."""
        from tui import screenshots

        def save(folder: str) -> None:
            from engine.errors import WordlabError

            try:
                svg, txt = screenshots.save_screen(self, folder)
            except (OSError, WordlabError) as exc:
                self.notify(t("app.screen.error", error=exc), severity="error", timeout=6)
                return
            self.notify(t("app.screen.saved", svg=os.path.basename(svg),
                          txt=os.path.basename(txt), folder=folder), timeout=5)

        folder = screenshots.remembered_folder()
        if folder is not None:
            save(folder)
            return

        def chosen(result: object) -> None:
            if isinstance(result, str):
                self.call_after_refresh(save, result)   # once the dialog is gone

        self.push_screen(PathScreen(t("app.screen.folder"),
                                    value="~/wordlab-screens", check=screenshots.choose_folder,
                                    mode="open", verb=t("dialog.verb.use")), chosen)

    def current_pane(self) -> Widget | None:
        """The pane widget of the active tab."""
        try:
            tabs = self.query_one("#tabs", TabbedContent)
        except NoMatches:
            return None
        active = tabs.active
        if not active:
            return None
        try:
            return self.query_one(f"#{active}-pane")
        except NoMatches:
            return None

    async def action_show_tab(self, pane_id: str) -> None:
        await self.ensure_pane(pane_id)
        self.query_one("#tabs", TabbedContent).active = pane_id
        # Move the focus into the new pane now: if it stayed on a widget of the pane being
        # hidden, Textual would hand it to a sibling there and switch back to that tab.
        self._focus_current()

    @on(TabbedContent.TabActivated)
    async def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id:
            await self.ensure_pane(event.pane.id)
        self._focus_current()

    def _focus_current(self) -> None:
        pane = self.current_pane()
        if pane is None or pane.screen is not self.screen:
            return          # another screen (lesson, GloVe step, help) is on top: its focus stays
        # Move the focus into the new pane at once (Widget.focus is deferred): keys typed
        # right after the tab key must reach the new pane's bindings, not the old pane's.
        target = pane.focus_target() if hasattr(pane, "focus_target") else pane
        if target.focusable:
            self.screen.set_focus(target)
        focus = getattr(pane, "focus_default", None)
        if callable(focus):
            focus()

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        pane = self.current_pane()
        title = (getattr(pane, "PANE_TITLE", "") or "wordlab") if pane is not None else "wordlab"
        text = getattr(pane, "HELP", "") if pane is not None else ""
        self.push_screen(HelpScreen(title, text or f"# {title}", pane))

    # ----------------------------------------------------------------- lesson mode
    def open_lesson(self, step: int | None = None) -> Any:
        """Show the lesson (tui/lesson/), where it was, or at ``step`` (0-based)."""
        from tui.lesson.screen import open_lesson

        return open_lesson(self, step)

    def action_lesson(self) -> None:
        self.open_lesson()

    def action_glove_step(self) -> None:
        """GloVe, one co-occurrence cell at a time (tui/panes/glove_step.py)."""
        from tui.panes.glove_step import GloveStepScreen, open_glove_step

        if not isinstance(self.screen, GloveStepScreen):
            open_glove_step(self)

    def action_fasttext_step(self) -> None:
        """FastText, one example at a time (tui/panes/fasttext_step.py)."""
        from tui.panes.fasttext_step import FastTextStepScreen, open_fasttext_step

        if not isinstance(self.screen, FastTextStepScreen):
            open_fasttext_step(self)

    # ----------------------------------------------------------------- quitting
    def get_system_commands(self, screen: Any) -> Any:
        """Textual's palette commands in the app's language (``system.<title>``), with Quit
        described as wordlab's quit behaves, and the language switch."""
        from textual.app import SystemCommand

        for command in super().get_system_commands(screen):
            key = f"system.{command.title.lower()}"
            if command.title == "Quit":
                command = SystemCommand(t("bind.quit"), t("bind.quit.tip"), command.callback)
            elif has(key):
                hiding = command.help.startswith("Hide")      # Keys: show or hide the panel
                command = SystemCommand(t(key), t(f"{key}.{'hide' if hiding else 'tip'}"),
                                        command.callback)
            yield command
        yield SystemCommand(t("system.language"), t("bind.language.tip"), self.action_language)

    def action_command_palette(self) -> None:
        """Textual's palette, its search field's placeholder in the app's language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette",
                                            placeholder=t("palette.search")))

    # ----------------------------------------------------------------- language
    async def action_language(self, lang: str | None = None) -> None:
        """F2: English <-> Korean, live.  Every label, key, message and help of the panes is
        drawn again in the other language; nothing else changes (a training run goes on, the
        corpus, the model and the fields stay).  On the lesson, its own switch (g) does it:
        the panes follow when the lesson is left."""
        screen = self.screen
        own = getattr(screen, "action_language", None)
        if screen is not self.screen_stack[0] and callable(own) and lang is None:
            await own()
            return
        set_language(lang or ("en" if language() == "ko" else "ko"))
        self.redraw_language()

    def redraw_language(self) -> None:
        """Draw everything in the current language (after a switch here or in the lesson)."""
        self._drawn_language = language()
        self.sub_title = t("app.subtitle")
        try:
            tabs = self.query_one("#tabs", TabbedContent)
            for pane_id, _ in PANES:
                index = [p for p, _ in PANES].index(pane_id) + 1
                tabs.get_tab(pane_id).label = f"{index} {pane_title(pane_id)}"
            self.query_one("#too-small", Static).update(
                t("app.too-small", width=MIN_WIDTH, height=MIN_HEIGHT))
        except NoMatches:
            pass
        relocalize(self)

    def _screen_changed(self, screen: Any) -> None:
        """Back on the panes: the lesson (g) may have switched the language meanwhile."""
        if self._drawn_language != language():
            self.call_later(self.redraw_language)

    def any_training(self) -> bool:
        """Whether any pane's training worker runs (Word2Vec on Train, the language model on LSTM)."""
        return any(pane.is_training() for pane in self.query(".wordlab-pane")
                   if hasattr(pane, "is_training"))

    async def action_quit(self) -> None:
        if not self.any_training():
            self._stop_and_exit()
            return
        if self._quit_asking:
            return
        self._quit_asking = True

        def answered(yes: bool | None) -> None:
            self._quit_asking = False
            if yes:
                self._stop_and_exit()

        self.push_screen(ConfirmScreen(t("app.quit.question"), yes=t("bind.quit"),
                                       no=t("app.keep-training")), answered)

    def _stop_training(self) -> None:
        """Tell every pane to stop its worker threads (they poll an Event)."""
        for pane in self.query(".wordlab-pane"):
            stop = getattr(pane, "stop_workers", None)
            if callable(stop):
                stop()
        if self.is_screen_installed("lesson"):
            self.get_screen("lesson").stop_workers()

    def _stop_and_exit(self) -> None:
        """Stop every pane's worker threads, then exit."""
        self._stop_training()
        self.exit()

