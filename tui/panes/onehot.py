"""Pane 2, One-hot: one-hot vectors are all sqrt(2) apart; trained embeddings are not."""

from __future__ import annotations

from typing import Any

from rich.columns import Columns
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, ScrollableContainer
from textual.widgets import Input, Label, Static

from tui.i18n import t
from tui.localize import Msg, binding, say, tr
from tui.widgets.pane import FocusTarget, Pane
from tui.widgets.suggest import VocabSuggester

DEFAULT_WORDS = 5
#: up to this many words, one-hot and embedding tables stand side by side at 80 columns
GRID_WORDS = 6
MAX_WORDS = 12


def matrix_table(title: str, words: list[str], M: Any, fmt: str = "{:.2f}", *,
                 highlight_off_diagonal: bool = False) -> Table:
    """A compact Rich table of an n x n matrix: rows "i word", columns by index."""
    table = Table(title=title, box=None, padding=(0, 0, 0, 1), title_justify="left",
                  show_edge=False, header_style="bold")
    table.add_column("", justify="left", no_wrap=True)
    for j in range(len(words)):
        table.add_column(str(j), justify="right", no_wrap=True)
    for i, w in enumerate(words):
        cells = []
        for j in range(len(words)):
            text = fmt.format(float(M[i][j]))
            style = "dim" if i == j else ("bold" if highlight_off_diagonal else "")
            cells.append(Text(text, style=style))
        table.add_row(Text(f"{i} {w}", style="bold"), *cells)
    return table


def onehot_table(words: list[str], M: Any) -> Table:
    table = Table(title=t("onehot.vectors"), box=None, padding=(0, 0, 0, 1),
                  title_justify="left", show_edge=False, header_style="bold")
    table.add_column("", no_wrap=True)
    for j in range(len(words)):
        table.add_column(str(j), justify="right")
    for i, w in enumerate(words):
        table.add_row(Text(f"{i} {w}", style="bold"),
                      *[Text(f"{int(M[i][j])}", style="bold" if M[i][j] else "dim")
                        for j in range(len(words))])
    return table


class OneHotPane(Pane):
    PANE_ID = "onehot"

    BINDINGS = [
        *Pane.BINDINGS,
        binding("w", "focus_words", id="onehot-words"),
        binding("t", "top_words", id="onehot-top"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._suggest = VocabSuggester(multi=True)
        self._words: list[str] = []
        self._corpus_words: list[str] = []

    def compose(self) -> ComposeResult:
        with Horizontal(classes="query"):
            yield tr(Label("", classes="query-label"), "onehot.words")
            yield Input(id="onehot-input", compact=True, suggester=self._suggest,
                        placeholder="cat dog love movie")
        yield Static("", id="onehot-message", classes="error")
        # the note (the lecture's point, in one line) sits above the tables and takes the
        # focus: a focused widget at the bottom scrolled the tables' first rows away
        yield FocusTarget("", id="onehot-note")
        with ScrollableContainer(id="onehot-scroll"):
            yield Static("", id="onehot-matrices")

    def on_mount(self) -> None:
        self._corpus_gen = -1      # the app state's corpus generation the words come from
        self._model_gen = -1       # ... and the model generation the embeddings come from
        self.query_one("#onehot-message", Static).display = False
        self.watch(self.app, "state", self._state_changed)

    def action_focus_words(self) -> None:
        self.query_one("#onehot-input", Input).focus()

    def action_top_words(self) -> None:
        vocab = self._vocab_words()
        if vocab:
            self.show(vocab[:DEFAULT_WORDS])

    def _vocab_words(self) -> list[str]:
        """The words the pane offers: the open corpus's (the one-hot vectors are over them);
        with no corpus, the vectors' own."""
        if self._corpus_words:
            return self._corpus_words
        kv = self.app.vectors
        return list(kv.words) if kv is not None else []

    # ----------------------------------------------------------------- sources
    def _state_changed(self, state: Any) -> None:
        """The words always come from the corpus now open; the embeddings beside them from
        the vectors in use, whichever corpus they were trained on (labelled)."""
        if state.corpus_gen != self._corpus_gen:
            self._corpus_gen = state.corpus_gen
            self._model_gen = state.model_gen
            self._corpus_words = []
            self._words = []
            self.query_one("#onehot-matrices", Static).update("")
            if state.corpus is not None:
                say(self.query_one("#onehot-note", Static),
                    Msg("onehot.reading", corpus=state.corpus_name))
                self._top_words(state.corpus, state.corpus_gen)
            elif state.vectors is not None:
                self._suggest.set_words(state.vectors.sorted_words)
                self.show(list(state.vectors.words[:DEFAULT_WORDS]))
        elif state.model_gen != self._model_gen:
            self._model_gen = state.model_gen
            if self._words:
                self.show(self._words)

    @work(thread=True, exclusive=True, group="onehot-vocab", exit_on_error=False)
    def _top_words(self, corpus: Any, generation: int) -> None:
        from corpora.stats import corpus_stats
        from engine.errors import WordlabError

        try:
            stats = corpus_stats(corpus, min_count=1, top=200)
        except (WordlabError, OSError) as exc:
            self.app.call_from_thread(self._message, str(exc))
            return
        self.app.call_from_thread(self._got_corpus_words, [w for w, _ in stats.top], generation)

    def _got_corpus_words(self, words: list[str], generation: int) -> None:
        if generation != self.app.state.corpus_gen:
            return                                  # a later corpus is already open
        self._corpus_words = words
        self._suggest.set_words(sorted(words))
        self.show(words[:DEFAULT_WORDS])

    # ----------------------------------------------------------------- display
    @on(Input.Submitted, "#onehot-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        words = list(dict.fromkeys(event.value.split()))
        if len(words) < 2:
            self._message(Msg("onehot.two-words"))
            return
        if len(words) > MAX_WORDS:
            self._message(Msg("onehot.at-most", n=MAX_WORDS))
            words = words[:MAX_WORDS]
        known = self._vocab_words()
        unknown = [w for w in words if w not in known] if known else []
        if unknown:
            self._message(Msg("onehot.unknown", words=", ".join(unknown)))
            return
        self.show(words)

    def show(self, words: list[str]) -> None:
        from engine.errors import WordlabError
        from engine.onehot import compare_onehot_embedding, l2_distance_matrix, one_hot_table

        if len(words) < 2:
            return
        self._words = list(words)
        self.query_one("#onehot-input", Input).value = " ".join(words)
        kv = self.app.vectors
        missing = [w for w in words if kv is not None and w not in kv]
        if missing:
            kv = None
        try:
            if kv is not None:
                cmp = compare_onehot_embedding(words, kv)
                oh, oh_l2 = cmp.one_hot, cmp.one_hot_l2
            else:
                cmp = None
                _, oh = one_hot_table(words)
                oh_l2 = l2_distance_matrix(oh)
        except WordlabError as exc:
            self._message(str(exc))
            return
        self._message("")
        left = [onehot_table(words, oh), matrix_table(t("onehot.l2"), words, oh_l2, "{:.2f}")]
        note = self.query_one("#onehot-note", Static)
        state = self.app.state
        if cmp is None and state.vectors is not None:
            right = [Text(t("onehot.unknown-vectors", label=state.vectors_label(),
                            words=", ".join(missing[:4]),
                            corpus=state.corpus_name or t("onehot.this-corpus")), style="italic")]
            say(note, Msg("onehot.note.untrained"))
        elif cmp is None:
            right = [Text(t("onehot.train-first"), style="italic")]
            say(note, Msg("onehot.note.untrained"))
        else:
            right = [matrix_table(t("onehot.emb-l2", dim=kv.dim), words, cmp.embedding_l2, "{:.2f}"),
                     matrix_table(t("onehot.emb-cos"), words, cmp.embedding_cosine, "{:+.2f}")]
            a, b, c = cmp.most_similar_pair()
            say(note, Msg("onehot.note.trained", label=state.vectors_label(), a=a, b=b, cos=c))
        # one-hot on the left, embeddings on the right, row by row; with many words the
        # two columns do not fit in 80 cells, and Columns wraps them to one column
        if len(words) <= GRID_WORDS:
            grid = Table.grid(padding=(0, 3))
            grid.add_column()
            grid.add_column()
            grid.add_row(left[0], right[0])
            grid.add_row("", "")
            grid.add_row(left[1], right[1] if len(right) > 1 else "")
            body: Any = grid
        else:
            body = Columns([left[0], left[1], *right], padding=(1, 2), equal=False, expand=False)
        self.query_one("#onehot-matrices", Static).update(body)

    def _message(self, text: "str | Msg") -> None:
        message = self.query_one("#onehot-message", Static)
        say(message, text)
        message.display = bool(text)    # no empty line above the tables

    def relocalize(self) -> None:
        """The tables' titles and the notes beside them, in the new language."""
        if self._words and self.is_mounted:
            message = self.query_one("#onehot-message", Static)
            kept = getattr(message, "_i18n_content", "")
            self.show(self._words)
            if kept:
                self._message(kept)
