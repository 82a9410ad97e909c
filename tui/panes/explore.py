"""Pane 5, Explore: neighbours, analogies, similarity, odd-one-out, and a 2-D projection."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Label, Static

from tui.widgets.pane import FocusTarget, Pane
from tui.widgets.plots import Plot
from tui.i18n import t
from tui.localize import Msg, binding, say, tr
from tui.widgets.suggest import VocabSuggester

TOPN = 10
PLOT_NEIGHBOURS = 8


class ExplorePane(Pane):
    PANE_ID = "explore"

    BINDINGS = [
        *Pane.BINDINGS,
        binding("n", "focus_field('nn-word')", id="explore-neighbours"),
        binding("a", "focus_field('an-a')", id="explore-analogy"),
        binding("s", "focus_field('sim-1')", id="explore-similarity"),
        binding("d", "focus_field('odd')", id="explore-odd"),
        binding("m", "toggle_method", id="explore-method"),
        # not in the footer (it is full at 80 columns); the help and the palette list it
        binding("x", "export_projector", id="explore-export", show=False),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._method = "add"
        self._suggest = VocabSuggester()
        self._suggest_multi = VocabSuggester(multi=True)
        self._last_query: tuple | None = None     # (method, args) of the results shown
        self._ngram_words: list[str] = []           # the query's words built from n-grams

    def compose(self) -> ComposeResult:
        yield FocusTarget("", id="explore-source")
        with Horizontal(classes="query"):
            yield tr(Label("", classes="query-label"), "explore.nn")
            yield Input(id="nn-word", placeholder="king", compact=True, suggester=self._suggest)
        with Horizontal(classes="query"):
            yield tr(Label("", classes="query-label"), "explore.analogy")
            yield Input(id="an-a", placeholder="man", compact=True, suggester=self._suggest, classes="word")
            yield Label(" : ", classes="op")
            yield Input(id="an-b", placeholder="king", compact=True, suggester=self._suggest, classes="word")
            yield Label(" :: ", classes="op")
            yield Input(id="an-c", placeholder="woman", compact=True, suggester=self._suggest, classes="word")
            yield Label(" : ?", classes="op", id="an-method")
        with Horizontal(classes="query"):
            yield tr(Label("", classes="query-label"), "explore.similarity")
            yield Input(id="sim-1", placeholder="cat", compact=True, suggester=self._suggest, classes="word")
            yield Label(" ~ ", classes="op")
            yield Input(id="sim-2", placeholder="dog", compact=True, suggester=self._suggest, classes="word")
        with Horizontal(classes="query"):
            yield tr(Label("", classes="query-label"), "explore.odd")
            yield Input(id="odd", placeholder="cat dog movie", compact=True, suggester=self._suggest_multi)
        yield Static("", id="explore-message", classes="error")
        with Horizontal(id="explore-results"):
            yield DataTable(id="explore-table", cursor_type="row", zebra_stripes=True)
            yield tr(Plot(t("explore.plot"), id="explore-plot"), "explore.plot")

    def on_mount(self) -> None:
        table = self.query_one("#explore-table", DataTable)
        table.add_column("#", key="rank")
        table.add_column(t("explore.col.word"), key="word")
        table.add_column(t("explore.col.cosine"), key="score")
        self._model_gen = -1
        self._corpus_gen = -1
        self.watch(self.app, "state", self._state_changed)

    def _state_changed(self, state: Any) -> None:
        """New vectors: clear the results computed from the old ones, drop typed words the new
        ones do not know, and say where the vectors come from (a corpus switch relabels)."""
        if state.model_gen == self._model_gen and state.corpus_gen == self._corpus_gen:
            return
        new_vectors = state.model_gen != self._model_gen
        self._model_gen, self._corpus_gen = state.model_gen, state.corpus_gen
        kv = state.vectors
        source = self.query_one("#explore-source", Static)
        if new_vectors:
            self._clear_results()
            self._message("")
        if kv is None:
            say(source, Msg("explore.no-vectors"))
            self._suggest.set_words(())
            self._suggest_multi.set_words(())
            return
        def label() -> str:                # in the language shown (a switch draws it again)
            text = state.vectors_label()
            return text if f"d={kv.dim}" in text else f"{text} · d={kv.dim}"

        say(source, Msg("explore.source", n=len(kv), label=label))
        if new_vectors:
            self._suggest.set_words(kv.sorted_words)
            self._suggest_multi.set_words(kv.sorted_words)
            for field in self.query(Input):
                if field.value and not all(w in kv for w in field.value.split()):
                    field.value = ""
            self._fill_examples(kv)

    def _clear_results(self) -> None:
        table = self.query_one("#explore-table", DataTable)
        table.clear()
        self.query_one("#explore-plot", Plot).clear()
        self._last_query = None

    #: example queries, offered as field values when every word is in the vocabulary
    EXAMPLES = {"nn-word": ("king", "cat", "love"), "an": ("man", "king", "woman"),
                "sim": ("cat", "dog"), "odd": ("cat dog movie", "king queen cat")}

    def _fill_examples(self, kv: Any) -> None:
        """Put example words that these vectors know into the empty fields (Enter then runs).

        Fields the user has typed in are left alone; where no example fits the vocabulary,
        the placeholders show frequent words of it instead, so no field suggests an OOV word.
        """
        def known(text: str) -> bool:
            return all(w in kv for w in text.split())

        def fill(field_id: str, value: str) -> None:
            field = self.query_one(f"#{field_id}", Input)
            field.placeholder = value
            if not field.value:
                field.value = value

        common = [w for w in kv.words[:50] if len(w) > 2] or list(kv.words[:4])
        pick = lambda i: common[i % len(common)]  # noqa: E731
        nn = next((w for w in self.EXAMPLES["nn-word"] if w in kv), pick(0))
        fill("nn-word", nn)
        if all(w in kv for w in self.EXAMPLES["an"]):
            for key, word in zip("abc", self.EXAMPLES["an"]):
                fill(f"an-{key}", word)
        else:
            for i, key in enumerate("abc"):
                self.query_one(f"#an-{key}", Input).placeholder = pick(i)
        sim = self.EXAMPLES["sim"] if known(" ".join(self.EXAMPLES["sim"])) else (pick(0), pick(1))
        fill("sim-1", sim[0])
        fill("sim-2", sim[1])
        odd = next((t for t in self.EXAMPLES["odd"] if known(t)), " ".join(pick(i) for i in range(3)))
        fill("odd", odd)

    # ----------------------------------------------------------------- actions
    def action_focus_field(self, field_id: str) -> None:
        self.query_one(f"#{field_id}", Input).focus()

    def action_toggle_method(self) -> None:
        self._method = "mul" if self._method == "add" else "add"
        label = "3CosMul" if self._method == "mul" else "3CosAdd"
        self.query_one("#an-method", Label).update(f" : ?  ({label})")
        self.notify(t("explore.method", method=label), timeout=2)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        field = event.input.id or ""
        if field == "nn-word":
            self.neighbours(event.value)
        elif field.startswith("an-"):
            self.analogy(*(self.query_one(f"#an-{k}", Input).value for k in "abc"))
        elif field.startswith("sim-"):
            self.similarity(self.query_one("#sim-1", Input).value, self.query_one("#sim-2", Input).value)
        elif field == "odd":
            self.odd_one_out(event.value)

    # ----------------------------------------------------------------- queries
    def _kv(self) -> Any | None:
        kv = self.app.vectors
        if kv is None:
            self._fail(Msg("explore.train-first"))
        return kv

    def _words(self, *texts: str, need: int) -> list[str] | None:
        """The query's words, or None with one message naming every word the vectors lack."""
        words = [w for t in texts for w in t.split()]
        if len(words) < need:
            self._fail(Msg("explore.need", n=need))
            return None
        kv = self.app.vectors
        # FastText answers a word outside its vocabulary from the word's n-grams (said on
        # screen); Word2Vec's and GloVe's vectors have no vector for it
        from_ngrams = getattr(kv, "from_ngrams", None)
        self._ngram_words = list(dict.fromkeys(
            w for w in words if kv is not None and w not in kv and from_ngrams and from_ngrams(w)))
        unknown = list(dict.fromkeys(w for w in words if kv is not None and w not in kv
                                     and w not in self._ngram_words))
        if unknown:
            names = ", ".join(repr(w) for w in unknown)
            self._fail(Msg("explore.unknown", words=names, label=self.app.state.vectors_label))
            return None
        return words

    def _fail(self, text: "str | Msg") -> None:
        """A query that cannot run: say why, and clear the previous query's results (they
        would read as this query's answer)."""
        self._clear_results()
        self._message(text)

    def neighbours(self, text: str) -> None:
        kv = self._kv()
        words = self._words(text, need=1)
        if kv is None or words is None:
            return
        self._run(lambda: kv.most_similar(positive=words, topn=TOPN),
                  plot=lambda res: (words + [w for w, _ in res[:PLOT_NEIGHBOURS]], []),
                  title=t("explore.nearest", words=" + ".join(words)))
        self._last_query = (self.neighbours, (text,))

    def analogy(self, a: str, b: str, c: str) -> None:
        kv = self._kv()
        words = self._words(a, b, c, need=3)
        if kv is None or words is None:
            return
        if len(words) != 3:
            self._fail(Msg("explore.analogy-three"))
            return
        a, b, c = words
        method = self._method

        def plot(res: list) -> tuple[list[str], list[tuple[int, int]]]:
            # a, b, c, d: a-b and c-d are the relation, a-c and b-d the other pair of sides
            return [a, b, c, res[0][0]], [(0, 1), (2, 3), (0, 2), (1, 3)]

        self._run(lambda: kv.analogy(a, b, c, topn=TOPN, method=method), plot=plot,
                  title=f"{a} : {b} :: {c} : ?")
        self._last_query = (self.analogy, (a, b, c))

    def similarity(self, w1: str, w2: str) -> None:
        kv = self._kv()
        words = self._words(w1, w2, need=2)
        if kv is None or words is None:
            return
        if len(words) != 2:
            self._fail(Msg("explore.similarity-two"))
            return
        self._run(lambda: [(f"{words[0]} ~ {words[1]}", kv.similarity(*words))],
                  plot=lambda res: (words, [(0, 1)]), title=f"{words[0]} ~ {words[1]}")
        self._last_query = (self.similarity, (w1, w2))

    def odd_one_out(self, text: str) -> None:
        kv = self._kv()
        words = self._words(text, need=3)
        if kv is None or words is None:
            return

        def query() -> list[tuple[str, float]]:
            odd = kv.doesnt_match(words)
            others = [w for w in words if w != odd]
            sims = kv.similarities(odd, others)
            return [(t("explore.odd-mark", word=odd), None)] + list(zip(others, sims.tolist()))

        self._run(query, plot=lambda res: (words, []),
                  title=t("explore.odd-title", words=" ".join(words)),
                  score_label=t("explore.col.cos-odd"))
        self._last_query = (self.odd_one_out, (text,))

    def _run(self, query, plot, title: str, score_label: str | None = None) -> None:
        from engine.errors import WordlabError

        try:
            results = query()
        except WordlabError as exc:
            self._fail(str(exc))
            return
        self._message("")
        if self._ngram_words:
            words = ", ".join(repr(w) for w in self._ngram_words)
            self._message(Msg("explore.from-ngrams", words=words))
            self.query_one("#explore-message", Static).add_class("ngrams")
        table = self.query_one("#explore-table", DataTable)
        with self.app.batch_update():
            table.clear(columns=True)
            table.add_column("#", key="rank")
            table.add_column(t("explore.col.word"), key="word")
            table.add_column(score_label or t("explore.col.cosine"), key="score")
            for i, (word, score) in enumerate(results, 1):
                table.add_row(str(i), word, "" if score is None else f"{score:+.3f}")
        if results:
            words, segments = plot(results)
            self._project(words, segments, title)

    def _project(self, words: list[str], segments: list[tuple[int, int]], title: str) -> None:
        from engine.projection import pca_2d

        kv = self.app.vectors
        words = list(dict.fromkeys(words))
        if len(words) < 2:
            self.query_one("#explore-plot", Plot).clear(t("explore.two-words"))
            return
        import numpy as np

        # kv.vector: a FastText word outside the vocabulary by its n-grams
        coords = pca_2d(np.stack([kv.vector(w) for w in words]))
        points = [(w, float(x), float(y)) for w, (x, y) in zip(words, coords)]
        self.query_one("#explore-plot", Plot).scatter_labels(points, segments, title=f"PCA: {title}")

    def _message(self, text: "str | Msg") -> None:
        message = self.query_one("#explore-message", Static)
        message.remove_class("done", "ngrams")
        say(message, text)

    def action_export_projector(self) -> None:
        """x: the vectors as the TensorBoard Embedding Projector's vectors.tsv and
        metadata.tsv (with counts for vectors trained here) in a folder asked for; the
        engine writes them atomically in the dialog's worker (a bad folder: said there)."""
        from tui.widgets.dialogs import PathScreen

        kv = self._kv()
        if kv is None:
            return

        def check(path: str) -> Any:
            import os

            from engine.vectors import save_projector

            return save_projector(kv, os.path.expanduser(path))

        def done(files: Any) -> None:
            if files is not None:
                key = "explore.export.done-counts" if files.counts else "explore.export.done"
                self._message(Msg(key, n=files.words, dim=files.dim, folder=str(files.folder)))
                self.query_one("#explore-message", Static).add_class("done")

        name = getattr(self.app.corpus, "name", None) or "vectors"
        self.app.push_screen(PathScreen(t("explore.export.title"), value=f"{name}-projector",
                                        check=check, mode="open", verb=t("explore.export.verb")),
                             done)

    def relocalize(self) -> None:
        """The table's columns and the plot of the results shown, in the new language (the
        query is run again on the same vectors: the same numbers)."""
        from rich.text import Text

        if self._last_query is not None:
            method, args = self._last_query
            message = getattr(self.query_one("#explore-message", Static), "_i18n_content", "")
            method(*args)
            if message:
                self._message(message)
            return
        table = self.query_one("#explore-table", DataTable)
        for key, msg in (("word", "explore.col.word"), ("score", "explore.col.cosine")):
            if key in table.columns:
                table.columns[key].label = Text(t(msg))
        table.refresh()
