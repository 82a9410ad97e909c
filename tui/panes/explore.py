"""Pane 5, Explore: neighbours, analogies, similarity, odd-one-out, and a 2-D projection."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Label, Static

from tui.widgets.pane import FocusTarget, Pane
from tui.widgets.plots import Plot
from tui.widgets.suggest import VocabSuggester

TOPN = 10
PLOT_NEIGHBOURS = 8


class ExplorePane(Pane):
    PANE_TITLE = "Explore"
    HELP = """
# Explore: what the embeddings learned

Each word is now a point in d dimensions (its row of `W_in`). Words used in similar
contexts end up close together, and relations become directions: the lecture's
"woman -> man is parallel to queen -> king".

- **neighbours**: the words with the highest **cosine similarity** `cos(A, B) = A.B / (|A||B|)`
  to the word (1: same direction, 0: unrelated, as every pair of one-hot vectors).
- **analogy** `a : b :: c : ?`: the word closest to `b - a + c` (3CosAdd, as gensim),
  the query words excluded. `man : king :: woman : ?` should give `queen` (train on
  `toy-world` to see it). `m` switches to 3CosMul.
- **similarity**: the cosine of two words.
- **odd one out**: the word furthest from the mean of the others' directions.
- The **plot** projects the words of the last query onto their first two principal
  components (PCA): for an analogy, the four words and the lines a-b, c-d, a-c, b-d,
  which form a parallelogram when the relation was learned.

Words complete from the vocabulary as you type (Right arrow accepts). Press Enter to run
the query of the field you are in.
"""

    BINDINGS = [
        *Pane.BINDINGS,
        Binding("n", "focus_field('nn-word')", "Neighbours", id="explore-neighbours",
                tooltip="Nearest neighbours of a word (cosine similarity)"),
        Binding("a", "focus_field('an-a')", "Analogy", id="explore-analogy",
                tooltip="Analogy a : b :: c : ? (b - a + c)"),
        Binding("s", "focus_field('sim-1')", "Similarity", id="explore-similarity",
                tooltip="Cosine similarity of two words"),
        Binding("d", "focus_field('odd')", "Odd one out", id="explore-odd",
                tooltip="Which word does not match the others"),
        Binding("m", "toggle_method", "3CosAdd/Mul", id="explore-method",
                tooltip="Switch the analogy method between 3CosAdd and 3CosMul"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._method = "add"
        self._suggest = VocabSuggester()
        self._suggest_multi = VocabSuggester(multi=True)

    def compose(self) -> ComposeResult:
        yield FocusTarget("", id="explore-source")
        with Horizontal(classes="query"):
            yield Label("neighbours", classes="query-label")
            yield Input(id="nn-word", placeholder="king", compact=True, suggester=self._suggest)
        with Horizontal(classes="query"):
            yield Label("analogy", classes="query-label")
            yield Input(id="an-a", placeholder="man", compact=True, suggester=self._suggest, classes="word")
            yield Label(" : ", classes="op")
            yield Input(id="an-b", placeholder="king", compact=True, suggester=self._suggest, classes="word")
            yield Label(" :: ", classes="op")
            yield Input(id="an-c", placeholder="woman", compact=True, suggester=self._suggest, classes="word")
            yield Label(" : ?", classes="op", id="an-method")
        with Horizontal(classes="query"):
            yield Label("similarity", classes="query-label")
            yield Input(id="sim-1", placeholder="cat", compact=True, suggester=self._suggest, classes="word")
            yield Label(" ~ ", classes="op")
            yield Input(id="sim-2", placeholder="dog", compact=True, suggester=self._suggest, classes="word")
        with Horizontal(classes="query"):
            yield Label("odd one out", classes="query-label")
            yield Input(id="odd", placeholder="cat dog movie", compact=True, suggester=self._suggest_multi)
        yield Static("", id="explore-message", classes="error")
        with Horizontal(id="explore-results"):
            yield DataTable(id="explore-table", cursor_type="row", zebra_stripes=True)
            yield Plot("PCA of the query's words", id="explore-plot")

    def on_mount(self) -> None:
        table = self.query_one("#explore-table", DataTable)
        table.add_column("#", key="rank")
        table.add_column("word", key="word")
        table.add_column("cosine", key="score")
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
            source.update("No vectors yet: train a model (3), or load vectors there (o).")
            self._suggest.set_words(())
            self._suggest_multi.set_words(())
            return
        label = state.vectors_label()
        if f"d={kv.dim}" not in label:
            label += f" · d={kv.dim}"
        source.update(f"{len(kv):,} vectors {label} · Enter runs")
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
        self.notify(f"analogy method: {label}", timeout=2)

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
            self._fail("no vectors yet: train a model in the Train pane (3) first")
        return kv

    def _words(self, *texts: str, need: int) -> list[str] | None:
        """The query's words, or None with one message naming every word the vectors lack."""
        words = [w for t in texts for w in t.split()]
        if len(words) < need:
            self._fail(f"type {need} word{'s' if need > 1 else ''} first")
            return None
        kv = self.app.vectors
        unknown = list(dict.fromkeys(w for w in words if kv is not None and w not in kv))
        if unknown:
            names = ", ".join(repr(w) for w in unknown)
            plural = "s" if len(unknown) > 1 else ""
            self._fail(f"unknown word{plural}: {names} (not in the vectors "
                       f"{self.app.state.vectors_label()})")
            return None
        return words

    def _fail(self, text: str) -> None:
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
                  title=f"nearest to {' + '.join(words)}")

    def analogy(self, a: str, b: str, c: str) -> None:
        kv = self._kv()
        words = self._words(a, b, c, need=3)
        if kv is None or words is None:
            return
        if len(words) != 3:
            self._fail("an analogy takes one word in each of its three fields")
            return
        a, b, c = words
        method = self._method

        def plot(res: list) -> tuple[list[str], list[tuple[int, int]]]:
            # a, b, c, d: a-b and c-d are the relation, a-c and b-d the other pair of sides
            return [a, b, c, res[0][0]], [(0, 1), (2, 3), (0, 2), (1, 3)]

        self._run(lambda: kv.analogy(a, b, c, topn=TOPN, method=method), plot=plot,
                  title=f"{a} : {b} :: {c} : ?")

    def similarity(self, w1: str, w2: str) -> None:
        kv = self._kv()
        words = self._words(w1, w2, need=2)
        if kv is None or words is None:
            return
        if len(words) != 2:
            self._fail("similarity takes one word in each field")
            return
        self._run(lambda: [(f"{words[0]} ~ {words[1]}", kv.similarity(*words))],
                  plot=lambda res: (words, [(0, 1)]), title=f"{words[0]} ~ {words[1]}")

    def odd_one_out(self, text: str) -> None:
        kv = self._kv()
        words = self._words(text, need=3)
        if kv is None or words is None:
            return

        def query() -> list[tuple[str, float]]:
            odd = kv.doesnt_match(words)
            others = [w for w in words if w != odd]
            sims = kv.similarities(odd, others)
            return [(f"{odd}  <- odd one out", None)] + list(zip(others, sims.tolist()))

        self._run(query, plot=lambda res: (words, []), title="odd one out: " + " ".join(words),
                  score_label="cos to odd")

    def _run(self, query, plot, title: str, score_label: str = "cosine") -> None:
        from engine.errors import WordlabError

        try:
            results = query()
        except WordlabError as exc:
            self._fail(str(exc))
            return
        self._message("")
        table = self.query_one("#explore-table", DataTable)
        with self.app.batch_update():
            table.clear(columns=True)
            table.add_column("#", key="rank")
            table.add_column("word", key="word")
            table.add_column(score_label, key="score")
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
            self.query_one("#explore-plot", Plot).clear("needs two different words")
            return
        coords = pca_2d(kv.vectors[[kv.id(w) for w in words]])
        points = [(w, float(x), float(y)) for w, (x, y) in zip(words, coords)]
        self.query_one("#explore-plot", Plot).scatter_labels(points, segments, title=f"PCA: {title}")

    def _message(self, text: str) -> None:
        self.query_one("#explore-message", Static).update(text)
