"""Pane 1, Corpus: pick a built-in corpus or a file, set the preprocessing, see its statistics."""

from __future__ import annotations

import os
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, DataTable, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from tui.i18n import t
from tui.localize import Msg, binding, say, tr
from tui.messages import CorpusFailed, CorpusLoaded
from tui.widgets.dialogs import PathScreen
from tui.widgets.pane import Pane
from tui.widgets.plots import Plot

OPEN_FILE = "__open_file__"


def parse_min_count(text: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise ValueError(t("corpus.error.min-count-int", got=repr(text.strip()))) from None
    if value < 1:
        raise ValueError(t("corpus.error.min-count-low", got=value))
    return value


def parse_sample(text: str) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        raise ValueError(t("corpus.error.sample-number", got=repr(text.strip()))) from None
    if not 0 <= value < 1:
        raise ValueError(t("corpus.error.sample-range", got=f"{value:g}"))
    return value


#: a corpus smaller than this (bytes of text) keeps every word and every occurrence
SMALL_CORPUS_BYTES = 100_000
SMALL_OPTIONS = {"min_count": 1, "sample": 0.0}  # the lecture's 12 words all count
LARGE_OPTIONS = {"min_count": 5, "sample": 1e-3}  # word2vec.c's / gensim's defaults


def suggested_options(source: str) -> dict:
    """min_count and sample to start from for a corpus: a built-in corpus's own settings
    (``corpora.registry.TRAINING_HINTS``, which the CLI and the Train form use too: the
    lecture's tiny texts need every word and no subsampling); a small file of the user's the
    same; real text the usual defaults."""
    from corpora.registry import training_hints

    hints = training_hints(source)
    if hints:
        return {k: hints.get(k, v) for k, v in LARGE_OPTIONS.items()}
    path = os.path.expanduser(source)
    try:
        if os.path.isfile(path) and os.path.getsize(path) < SMALL_CORPUS_BYTES:
            return dict(SMALL_OPTIONS)
    except OSError:
        pass
    return dict(LARGE_OPTIONS)


def describe(corpus: Any) -> str:
    """A built-in corpus's description in the app's language (``corpus.about.<name>``); a
    file's as the corpus says it."""
    from tui.i18n import has

    key = f"corpus.about.{getattr(corpus, 'name', '')}"
    return t(key) if has(key) else corpus.description


#: how a text is split into tokens (corpora.tokenize.TOKENIZERS): at spaces, or into Korean
#: morphemes by kiwipiepy (the optional extra wordlab[ko])
TOKENIZERS = ("words", "morphemes")


def tokenizer_options() -> list[tuple[str, str]]:
    return [(t(f"corpus.option.{name}"), name) for name in TOKENIZERS]


def check_tokenizer(name: str, kind: str) -> None:
    """A clear line (in the app's language) before opening ``name`` in morphemes: toy-world is
    generated word by word, and the analyser is an optional extra."""
    from engine.errors import CorpusError

    if kind != "morphemes":
        return
    if name == "toy-world":
        raise CorpusError(t("corpus.error.toy-morphemes"))
    try:
        import kiwipiepy  # noqa: F401
    except ImportError:
        from rich.markup import escape

        # shown as markup: 'wordlab[ko]' must not read as a style tag
        raise CorpusError(escape(t("corpus.error.no-kiwi"))) from None


def load_corpus(name: str, options: dict) -> tuple[Any, Any]:
    """Open a corpus and compute its statistics (runs in a worker thread)."""
    from corpora import open_corpus
    from corpora.stats import corpus_stats

    kind = options.get("tokenizer", "words")
    check_tokenizer(name, kind)
    extra = {"tokenizer": kind} if kind != "words" else {}
    corpus = open_corpus(name, lowercase=options["lower"], **extra)
    stats = corpus_stats(corpus, min_count=options["min_count"], top=20)
    return corpus, stats


class CorpusPane(Pane):
    PANE_ID = "corpus"

    BINDINGS = [
        *Pane.BINDINGS,
        binding("o", "open_file", id="corpus-open"),
        binding("l", "toggle_lower", id="corpus-lower"),
        binding("m", "focus_field('min-count')", id="corpus-min-count"),
        binding("u", "focus_field('sample')", id="corpus-sample"),
        binding("c", "focus_list", id="corpus-list"),
        # not in the footer (it is full at 80 columns); the help and the palette list it
        binding("t", "toggle_tokenizer", id="corpus-tokenizer", show=False),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._source = ""  # name or path of the corpus shown
        self._shown_corpus: Any = None
        self._shown_options: dict = {}
        self._pending: Any = None  # a corpus handed to the app, not yet shown
        self._user_options = False  # True once min_count/sample were typed in

    def compose(self) -> ComposeResult:
        with Horizontal(id="corpus-top"):
            with Vertical(id="corpus-left"):
                yield tr(Label("", classes="section"), "corpus.corpora")
                yield OptionList(id="corpus-options")
                yield Static("", id="corpus-error", classes="error")
                yield tr(Label("", classes="section"), "corpus.preprocessing")
                yield tr(Checkbox("", True, id="lower", compact=True), "corpus.lower")
                with Horizontal(classes="field"):
                    yield tr(Label("", classes="field-label"), "corpus.tokenizer")
                    yield Select(tokenizer_options(), value="words", allow_blank=False,
                                 compact=True, id="tokenizer")
                with Horizontal(classes="field"):
                    yield Label("min_count", classes="field-label")
                    yield Input("1", id="min-count", compact=True, type="integer")
                yield Static("", id="min-count-error", classes="error field-error")
                with Horizontal(classes="field"):
                    yield Label("sample", classes="field-label")
                    yield Input("0", id="sample", compact=True)
                yield Static("", id="sample-error", classes="error field-error")
            with Vertical(id="corpus-right"):
                yield Static("", id="corpus-summary")
                with Horizontal(id="corpus-bottom"):
                    yield DataTable(id="top-words", cursor_type="row", zebra_stripes=True)
                    yield tr(Plot(t("corpus.zipf"), id="zipf"), "corpus.zipf")

    def on_mount(self) -> None:
        table = self.query_one("#top-words", DataTable)
        table.add_column("#", key="rank")
        table.add_column(t("corpus.col.word"), key="word")
        table.add_column(t("corpus.col.count"), key="count")
        self._fill_list()
        opts = self.app.corpus_options
        self.query_one("#lower", Checkbox).value = bool(opts.get("lower", True))
        self._show_tokenizer(opts.get("tokenizer", "words"))
        self.query_one("#min-count", Input).value = str(opts.get("min_count", 1))
        self.query_one("#sample", Input).value = f"{opts.get('sample', 0.0):g}"
        self.watch(self.app, "state", self._state_changed)

    def _fill_list(self) -> None:
        from corpora import list_corpora

        ol = self.query_one("#corpus-options", OptionList)
        ol.clear_options()
        for info in list_corpora():
            label = info.name if info.available else t("corpus.not-downloaded", name=info.name)
            ol.add_option(Option(label, id=info.name, disabled=not info.available))
        ol.add_option(Option(t("corpus.open-file"), id=OPEN_FILE))

    def relocalize(self) -> None:
        """The list's and the table's own words, and the statistics, in the new language."""
        from rich.text import Text

        ol = self.query_one("#corpus-options", OptionList)
        highlighted = ol.highlighted
        self._fill_list()
        if highlighted is not None and highlighted < ol.option_count:
            ol.highlighted = highlighted
        table = self.query_one("#top-words", DataTable)
        for key, msg in (("word", "corpus.col.word"), ("count", "corpus.col.count")):
            table.columns[key].label = Text(t(msg))
        table.refresh()
        select = self.query_one("#tokenizer", Select)
        value = select.value
        with select.prevent(Select.Changed):
            select.set_options(tokenizer_options())
            select.value = value
        self._options()                     # the fields' error lines, if any
        if getattr(self, "_shown_stats", None) is not None:
            self._show_stats(*self._shown_stats)

    def focus_target(self) -> OptionList:
        return self.query_one("#corpus-options", OptionList)

    # ----------------------------------------------------------------- actions
    def action_focus_list(self) -> None:
        self.focus_default()

    def action_focus_field(self, field_id: str) -> None:
        self.query_one(f"#{field_id}", Input).focus()

    def action_toggle_lower(self) -> None:
        box = self.query_one("#lower", Checkbox)
        box.value = not box.value

    def action_toggle_tokenizer(self) -> None:
        select = self.query_one("#tokenizer", Select)
        select.value = "morphemes" if select.value == "words" else "words"

    def _show_tokenizer(self, kind: str) -> None:
        """The choice shown, without reopening the corpus."""
        select = self.query_one("#tokenizer", Select)
        if select.value != kind:
            with select.prevent(Select.Changed):
                select.value = kind

    def _set_fields(self, options: dict) -> None:
        self.query_one("#min-count", Input).value = str(options["min_count"])
        self.query_one("#sample", Input).value = f"{options['sample']:g}"
        if "tokenizer" in options:          # (a corpus's suggested options do not name it)
            self._show_tokenizer(options["tokenizer"])

    def action_open_file(self) -> None:
        def chosen(result: Any) -> None:
            if result:
                corpus, stats, path, options = result
                self._source = path
                self.post_message(CorpusLoaded(corpus, stats, options))

        options = self._options()
        if options is None:
            return

        def check(path: str) -> tuple[Any, Any, str, dict]:
            opts = dict(options)
            if not self._user_options:
                opts.update(suggested_options(path))
            corpus, stats = load_corpus(path, opts)
            return corpus, stats, path, opts

        self.app.push_screen(
            PathScreen(t("corpus.open-title"),
                       value=self._source if "/" in self._source else "",
                       placeholder="~/texts/my-corpus.txt", check=check, mode="open"),
            chosen,
        )

    # ----------------------------------------------------------------- options
    def _options(self) -> dict | None:
        """The preprocessing options from the fields, or None (errors shown inline)."""
        ok = True
        opts = dict(self.app.corpus_options)
        opts["lower"] = self.query_one("#lower", Checkbox).value
        opts["tokenizer"] = str(self.query_one("#tokenizer", Select).value)
        for field, parse in (("min-count", parse_min_count), ("sample", parse_sample)):
            err = self.query_one(f"#{field}-error", Static)
            field_input = self.query_one(f"#{field}", Input)
            try:
                opts[field.replace("-", "_")] = parse(field_input.value)
                err.update("")
                field_input.remove_class("-bad")
            except ValueError as exc:
                err.update(str(exc))
                field_input.add_class("-bad")
                ok = False
        return opts if ok else None

    @on(Checkbox.Changed, "#lower")
    def _lower_changed(self, event: Checkbox.Changed) -> None:
        if self._source and event.value != self.app.corpus_options.get("lower"):
            self._load(self._source)

    @on(Select.Changed, "#tokenizer")
    def _tokenizer_changed(self, event: Select.Changed) -> None:
        """Words <-> morphemes: the corpus is read again (its vocabulary changes)."""
        if self._source and event.value != self.app.corpus_options.get("tokenizer", "words"):
            self._load(self._source)

    @on(Input.Submitted, "#min-count, #sample")
    def _option_submitted(self, event: Input.Submitted) -> None:
        self._user_options = True
        options = self._options()
        if options is None:
            return
        if event.input.id == "sample":
            # subsampling changes training only, not the statistics
            self.app.set_corpus_options(options)
            self.notify(t("corpus.sample-set", sample=f"{options['sample']:g}"), timeout=3)
            return
        if self._source:
            self._load(self._source)
        elif self.app.corpus is not None:
            self._compute_stats(self.app.corpus, options)

    @on(OptionList.OptionSelected, "#corpus-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == OPEN_FILE:
            self.action_open_file()
        elif event.option.id:
            self._load(event.option.id)

    # ----------------------------------------------------------------- loading
    def _load(self, source: str) -> None:
        if not self._user_options:
            self._set_fields(suggested_options(source))
        options = self._options()
        if options is None:
            return
        self._source = source
        say(self.query_one("#corpus-error", Static), "")
        say(self.query_one("#corpus-summary", Static), Msg("corpus.opening", source=source))
        self._load_worker(source, options)

    @work(thread=True, exclusive=True, group="corpus", exit_on_error=False)
    def _load_worker(self, source: str, options: dict) -> None:
        from engine.errors import WordlabError

        try:
            corpus, stats = load_corpus(source, options)
        except (WordlabError, OSError) as exc:
            self.post_message(CorpusFailed(str(exc)))
            return
        self.post_message(CorpusLoaded(corpus, stats, options))

    def _compute_stats(self, corpus: Any, options: dict) -> None:
        say(self.query_one("#corpus-summary", Static), Msg("corpus.counting", name=corpus.name))
        self._stats_worker(corpus, options)

    @work(thread=True, exclusive=True, group="corpus", exit_on_error=False)
    def _stats_worker(self, corpus: Any, options: dict) -> None:
        from corpora.stats import corpus_stats
        from engine.errors import WordlabError

        try:
            stats = corpus_stats(corpus, min_count=options["min_count"], top=20)
        except (WordlabError, OSError) as exc:
            self.post_message(CorpusFailed(str(exc)))
            return
        self.post_message(CorpusLoaded(corpus, stats, options))

    def on_corpus_loaded(self, message: CorpusLoaded) -> None:
        """A corpus was opened: make it the app's (asking first while a run trains), then
        show its statistics; if the user keeps training, say that the old corpus stays."""
        corpus, stats, options = message.corpus, message.stats, message.options
        if self.app.corpus is corpus and self.app.corpus_options == options:
            self._show_loaded(corpus, stats, options)
            return

        def done(switched: bool) -> None:
            self._pending = None
            if switched:
                self._show_loaded(corpus, stats, options)
                return
            current = self.app.corpus
            self._source = getattr(current, "name", "") if current is not None else ""
            self._set_fields(self.app.corpus_options)
            say(self.query_one("#corpus-error", Static),
                Msg("corpus.kept", current=getattr(current, "name", None) or Msg("app.current-corpus"),
                    corpus=corpus.name))
            ol = self.query_one("#corpus-options", OptionList)
            try:
                ol.highlighted = ol.get_option_index(self._source)
            except Exception:  # noqa: BLE001 - a file corpus is not in the list
                pass

        self._pending = corpus
        self.app.set_corpus(corpus, options, done=done)

    def _show_loaded(self, corpus: Any, stats: Any, options: dict) -> None:
        self._shown_corpus = corpus
        self._shown_options = dict(options)
        self._set_fields(options)
        self._show_stats(corpus, stats, options)

    def on_corpus_failed(self, message: CorpusFailed) -> None:
        say(self.query_one("#corpus-error", Static), message.error)
        # the choices go back to those of the corpus still in use
        self._show_tokenizer(self.app.corpus_options.get("tokenizer", "words"))
        shown = self._shown_corpus
        say(self.query_one("#corpus-summary", Static),
            Msg("corpus.still-using", name=shown.name) if shown is not None else Msg("corpus.none"))

    def _state_changed(self, state: Any) -> None:
        """The app's corpus changed elsewhere (startup, the command line): show its figures."""
        corpus = state.corpus
        if corpus is None or corpus is self._shown_corpus or corpus is self._pending:
            return
        self._source = getattr(corpus, "name", "")
        self._set_fields(state.corpus_options)
        self._compute_stats(corpus, dict(state.corpus_options))

    # ----------------------------------------------------------------- display
    def _show_stats(self, corpus: Any, stats: Any, options: dict) -> None:
        self._shown_stats = (corpus, stats, options)
        replaced = stats.replaced_bytes
        lines = [
            f"[b]{corpus.name}[/b] ({corpus.size}): {describe(corpus)}",
            t("corpus.stats", tokens=stats.tokens, types=stats.types, min_count=stats.min_count,
              V=stats.types_at_min_count, coverage=stats.coverage),
        ]
        if replaced:
            lines.append(t("corpus.replaced", n=replaced))
        if getattr(corpus, "tokenizer", "words") == "morphemes":
            lines.append(t("corpus.tokenized"))
        for note in stats.notes[:2]:
            lines.append(note)
        say(self.query_one("#corpus-summary", Static), "\n".join(lines))
        table = self.query_one("#top-words", DataTable)
        with self.app.batch_update():
            table.clear()
            for rank, (word, count) in enumerate(stats.top, start=1):
                table.add_row(str(rank), word, f"{count:,}")
        ranks = [r for r, _ in stats.zipf]
        freqs = [f for _, f in stats.zipf]
        self.query_one("#zipf", Plot).line(ranks, freqs, xlabel=t("corpus.rank"),
                                           ylabel=t("corpus.col.count"), log=True)
        # keep the list's highlight on the corpus shown
        ol = self.query_one("#corpus-options", OptionList)
        try:
            ol.highlighted = ol.get_option_index(corpus.name)
        except Exception:  # noqa: BLE001 - a file corpus is not in the list
            pass
