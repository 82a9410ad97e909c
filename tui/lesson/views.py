"""The live view of each lesson step, built from the engine (no arithmetic here).

One widget per step, created the first time the step is shown and kept (going back shows the
same numbers; a trained model stays trained).  Every number comes from engine/: ``lesson.py``
(the RNN demo, shapes, one-hot sizes, the 4-word model, CBOW's blanks), ``bptt.py``,
``presets.py``, ``onehot.py``, ``examples.py``, ``gateview.py``, ``settings.py``,
``word2vec.py``, ``seq2seq.py`` (through ``lesson.seq2seq_demo``; ``lesson.corpus_analogy``
for king - man + woman).  The panes' own widgets are reused where they fit: the LSTM pane's
``GateView`` and ``FlowView``, the One-hot pane's tables, the ``Plot`` chart.

A view may answer ``n`` (``advance``: the next time step) and may work in a thread
(``busy``): training runs in a worker, as on the Train pane, and checks a stop event.
"""

from __future__ import annotations

import threading
from typing import Any

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tui.i18n import language, t

DIGITS = 2


# -- formatting (no arithmetic: rounding for display only) ------------------------------------
def num(v: float, digits: int = DIGITS, sign: bool = True) -> str:
    s = f"{float(v):+.{digits}f}" if sign else f"{float(v):.{digits}f}"
    return s.replace("-0.00", "+0.00") if sign else s.replace("-0.00", "0.00")


def vec(values: Any, digits: int = DIGITS, sign: bool = True) -> str:
    return "[" + " ".join(num(v, digits, sign) for v in values) + "]"


def ints(values: Any) -> str:
    return "[" + " ".join(str(int(v)) for v in values) + "]"


def sci(v: float) -> str:
    return f"{float(v):.2e}" if float(v) < 1e-3 else f"{float(v):.4f}"


def pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal cells (a Hangul syllable takes two)."""
    return text + " " * max(0, width - cell_len(text))


def table(*headers: str, **kwargs: Any) -> Table:
    tbl = Table(box=None, padding=(0, 1, 0, 0), show_edge=False, header_style="bold",
                title_justify="left", **kwargs)
    for h in headers:
        tbl.add_column(h, no_wrap=True)
    return tbl


# -- the base ---------------------------------------------------------------------------------
class LessonView(Vertical):
    """A step's live view.  ``advances``: whether ``n`` does something here."""

    DEFAULT_CLASSES = "lesson-view"
    advances = False

    def __init__(self, key: str) -> None:
        super().__init__(id=f"lesson-view-{key}")
        self.key = key

    def advance(self) -> None:
        """``n``: the next time step / example (views that say ``advances``)."""

    def busy(self) -> bool:
        return False

    def stop(self) -> None:
        """Ask a worker to stop (the screen calls it when the app quits)."""


class BodyView(LessonView):
    """A view that is one Rich renderable, drawn from the engine when mounted."""

    def compose(self) -> ComposeResult:
        yield Static(id=f"lesson-body-{self.key}", classes="lesson-body")

    def on_mount(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        self.query_one(".lesson-body", Static).update(self.body())

    def body(self) -> RenderableType:
        raise NotImplementedError


# -- 1. the RNN, time step by time step ------------------------------------------------------
class RNNView(BodyView):
    advances = True

    def __init__(self, key: str) -> None:
        super().__init__(key)
        from engine.lesson import rnn_demo

        self.demo = rnn_demo()
        self.t = 0

    def advance(self) -> None:
        self.t = (self.t + 1) % len(self.demo.steps)
        self.redraw()

    def body(self) -> RenderableType:
        from engine.gateview import rnn_terms

        d = self.demo
        tbl = table("t", "x_t", t("lesson.rnn.onehot"), "h_t-1", "h_t", t("lesson.rnn.top"))
        for k, s in enumerate(d.steps):
            style = "bold reverse" if k == self.t else ""
            tbl.add_row(str(k + 1), d.words[k], ints(s.x_t), vec(s.h_prev), vec(s.h),
                        d.predicted(k), style=style)
        s = d.steps[self.t]
        xh, hh, b = rnn_terms(d.cell, s)
        w = d.words[self.t]
        lines = [
            Text(t("lesson.rnn.shared", V=len(d.vocab), H=d.cell.hidden_size), style="dim"),
            tbl, Text(""),
            Text(t("lesson.rnn.at", t=self.t + 1, word=w), style="bold"),
            Text(f"  W_xh x_t   = {vec(xh)}   " + t("lesson.rnn.column", word=w)),
            Text(f"  W_hh h_t-1 = {vec(hh)}"),
            Text(f"  b_h        = {vec(b)}"),
            Text(f"  h_t = tanh({vec(s.a_t)}) = {vec(s.h)}"),
            Text(f"  y_t = W_hy h_t + b_y = {vec(s.y)}"),
        ]
        return Group(*lines)


# -- 2. the shapes ------------------------------------------------------------------------------
class ShapesView(BodyView):
    def body(self) -> RenderableType:
        from engine.lesson import rnn_demo, rnn_shapes

        demo = rnn_demo()
        runs = rnn_shapes(demo)
        T = len(demo.words)
        width = max(cell_len(w) for w in demo.vocab) + 1
        tbl = table("", *[f"t={k + 1}" for k in range(T)])
        for run in runs:
            tbl.add_row(Text(t(f"lesson.shapes.{run.key}"), style="bold"), *[""] * T)
            tbl.add_row("  x_t", *[Text(pad(w, width)) if w else Text("–", style="dim")
                                   for w in run.inputs])
            tbl.add_row("  y_t", *[Text(pad(w, width), style="bold") if w
                                   else Text(t("lesson.shapes.ignored"), style="dim")
                                   for w in run.outputs])
        return Group(tbl, Text(""), Text(t("lesson.shapes.legend"), style="dim"))


# -- 3. BPTT term by term --------------------------------------------------------------------
class BPTTView(BodyView):
    def body(self) -> RenderableType:
        from engine.bptt import bptt_terms
        from engine.lesson import rnn_demo

        demo = rnn_demo()
        T = len(demo.words) - 1
        target = demo.ids[T]
        b = bptt_terms(demo.cell, list(demo.steps[:T]), target)
        word = demo.words[T]
        head = Text(t("lesson.bptt.loss", inputs=" ".join(demo.words[:T]), T=T, target=word,
                      p=num(b.probs[target], 3, False), loss=num(b.loss, 3, False)))
        tbl = table(t("lesson.bptt.term"), t("lesson.bptt.chain"), "‖dL/dh_t‖",
                    t("lesson.bptt.size"), t("lesson.bptt.sum"))
        for term in b.terms:
            chain = f"dL/dy·dy/dh{T}" + "".join(
                f"·J{T - j}({num(f, 2, False)})" for j, f in enumerate(term.factor_norms)
            ) + f"·∂h{term.t}/∂W_hh"
            tbl.add_row(f"t={term.t}", chain, num(term.grad_h_norm, 3, False),
                        num(term.term_norm, 3, False), num(term.sum_norm, 3, False))
        first = b.terms[-1]
        notes = [Text(t("lesson.bptt.factors"), style="dim")]
        if first.term_norm == 0.0:
            notes.append(Text(t("lesson.bptt.h0"), style="dim"))
        return Group(head, Text(""), tbl, Text(""), *notes)


# -- 4. the long sequence: the gradient vanishes ------------------------------------------------
class VanishingView(LessonView):
    def compose(self) -> ComposeResult:
        from tui.widgets.plots import Plot

        yield Static(id="lesson-vanish-text", classes="lesson-body")
        yield Plot("", id="lesson-vanish-plot")

    def on_mount(self) -> None:
        from engine.bptt import vanishing

        v = vanishing()
        T = v.steps
        first = "·".join(num(f, 2, False) for f in v.factor_norms[:4])
        head = Text.assemble(
            (t("lesson.vanishing.factors", T=T), "bold"), "  ",
            t("lesson.vanishing.range", lo=num(v.factor_norms.min(), 2, False),
              hi=num(v.factor_norms.max(), 2, False)), "\n",
            f"  ‖dh{T}/dh{T - 1}‖·‖dh{T - 1}/dh{T - 2}‖·... = {first}·...", "\n",
            t("lesson.vanishing.products", T=T), "\n  ",
            "   ".join(f"t={k}: {sci(v.product_at(k))}" for k in (T - 1, T - 10, T // 2, 0)))
        self.query_one("#lesson-vanish-text", Static).update(head)
        self.query_one("#lesson-vanish-plot").lines(
            [("RNN", [int(k) for k in range(T + 1)], [v.product_at(k) for k in range(T + 1)],
              "red")], logy=True, xlabel="t", ylabel=f"‖dh{T}/dh_t‖", title="")


# -- 5-8. the lecture's gate tables ---------------------------------------------------------------
PRESET_OF = {"forget-all": "forget-all", "remember-all": "remember-all",
             "input-gate": "input", "cell-update": "input"}
ROW_LABEL = {"C_{t-1}": "C_t-1", "f_t": "f_t", "i_t": "i_t", "C~_t": "C~_t",
             "f_t * C_{t-1}": "f_t ⊗ C_t-1", "i_t * C~_t": "i_t ⊗ C~_t", "C_t": "C_t"}
CELL_ROWS = ("C_{t-1}", "f_t", "f_t * C_{t-1}", "i_t", "C~_t", "i_t * C~_t", "C_t")


class GateTableView(BodyView):
    def body(self) -> RenderableType:
        from engine.presets import preset

        p = preset(PRESET_OF[self.key])
        named = {"C_{t-1}": p.c_prev, "f_t": p.f, "i_t": p.i, "C~_t": p.g,
                 "f_t * C_{t-1}": p.kept, "i_t * C~_t": p.written, "C_t": p.c}
        rows = CELL_ROWS if self.key == "cell-update" else [label for label, _ in p.rows]
        tbl = Table(box=None, padding=(0, 2, 0, 0), show_edge=False, header_style="bold")
        tbl.add_column("", no_wrap=True)
        for k in range(len(p.c_prev)):
            tbl.add_column(str(k + 1), justify="right", no_wrap=True)
        for label in rows:
            style = "bold" if label in ("f_t * C_{t-1}", "i_t * C~_t", "C_t") else ""
            tbl.add_row(ROW_LABEL[label], *[f"{v:g}" for v in p.rounded(named[label])],
                        style=style)
        title = p.name_ko if language() == "ko" else p.name
        parts: list[RenderableType] = [
            Text(t(f"lesson.{self.key}.equation"), style="bold"), Text(""),
            Text(title if self.key != "cell-update" else t("lesson.cell-update.table"),
                 style="bold underline"),
            tbl, Text(""), Text(t(f"lesson.{self.key}.note"), style="dim")]
        return Group(*parts)


# -- 9. the LSTM cell on a sentence (the LSTM pane's gate view) -----------------------------------
class LSTMSentenceView(LessonView):
    advances = True

    def __init__(self, key: str) -> None:
        super().__init__(key)
        from engine.gateview import FreshModel, run_cell
        from engine.lesson import LECTURE_SENTENCE

        self.model = FreshModel(LECTURE_SENTENCE, hidden_size=8, embed_dim=8)
        self.tokens, x = self.model.encode(list(LECTURE_SENTENCE))
        self.cell = self.model.cell("lstm")
        self.steps = run_cell(self.cell, x)
        self.t = 0

    def compose(self) -> ComposeResult:
        from tui.panes.lstm.gates import GateView

        yield Static(id="lesson-lstm-status", classes="lesson-line")
        yield GateView(id="lesson-gates")

    def on_mount(self) -> None:
        self.redraw()

    def advance(self) -> None:
        self.t = (self.t + 1) % len(self.steps)
        self.redraw()

    def redraw(self) -> None:
        from tui.panes.lstm.gates import GateView

        words = " ".join(f"[{w}]" if k == self.t else w for k, w in enumerate(self.tokens.tokens))
        self.query_one("#lesson-lstm-status", Static).update(
            Text(t("lesson.lstm-sentence.status", sentence=words, t=self.t,   # as GateView: from 0
                   H=self.cell.hidden_size)))
        gates = self.query_one(GateView)
        gates.show("lstm", self.steps, self.tokens, self.t, 0, self.cell)
        # the pane's legend names its own keys (←→ t): here n moves t
        gates.query_one("#lstm-legend", Static).update(
            Text(t("lesson.lstm-sentence.legend"), style="dim"))


# -- 10. RNN vs LSTM gradient flow (the LSTM pane's flow view) -------------------------------------
class FlowStepView(LessonView):
    def compose(self) -> ComposeResult:
        from tui.panes.lstm.flow import FlowView

        yield FlowView(id="lesson-flow")

    def on_mount(self) -> None:
        from tui.panes.lstm.flow import FlowView

        self.query_one(FlowView).start()


# -- 11-12. LSTM's limits: Seq2Seq (engine.seq2seq, trained once for both steps) -------------------
class Seq2SeqBase(LessonView):
    """Trains the lecture's Seq2Seq in a thread worker (``engine.lesson.seq2seq_demo``: a few
    seconds the first time, then kept), then draws it."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self._stop = threading.Event()
        self._running = False
        self.demo = None

    def compose(self) -> ComposeResult:
        yield Static(Text(t("lesson.seq2seq.training")), id=f"lesson-body-{self.key}",
                     classes="lesson-body")

    def on_mount(self) -> None:
        self._running = True
        self.run_worker(self._train, thread=True, exclusive=True, group=f"lesson-{self.key}",
                        exit_on_error=False)

    def _train(self) -> None:
        from engine.errors import WordlabError
        from engine.lesson import seq2seq_demo

        try:
            demo = seq2seq_demo(cancel_event=self._stop)
        except WordlabError as err:
            self.app.call_from_thread(self._failed, str(err))
            return
        self.app.call_from_thread(self._done, demo)

    def _failed(self, error: str) -> None:
        self._running = False
        if self.is_attached:
            self.query_one(".lesson-body", Static).update(Text(error, style="bold"))

    def _done(self, demo: Any) -> None:
        self._running = False
        if demo is None or not self.is_attached:      # stopped, or the language changed
            return
        self.demo = demo
        self.redraw()
        self.screen.refresh_bindings()

    def redraw(self) -> None:
        if self.demo is not None:
            self.query_one(".lesson-body", Static).update(self.body(self.demo))

    def body(self, demo: Any) -> RenderableType:
        raise NotImplementedError

    def trained_line(self, demo: Any) -> Text:
        c = demo.config
        return Text(t("lesson.seq2seq.trained", pairs=f"{demo.pairs:,}", steps=c.steps,
                      H=c.hidden, before=num(demo.untrained_loss, 3, False),
                      after=num(demo.losses[-1], 3, False)), style="dim")

    def busy(self) -> bool:
        return self._running

    def stop(self) -> None:
        self._stop.set()


def halves(name: str, values: Any, per_line: int = 8) -> list[Text]:
    """A long vector over lines of ``per_line`` numbers: ``h_T = [..]`` then ``      [..]``."""
    lines = []
    for k in range(0, len(values), per_line):
        label = name if k == 0 else ""
        lines.append(Text(f"  {pad(label, 6)}{vec(values[k:k + per_line])}"))
    return lines


class Seq2SeqView(Seq2SeqBase):
    """The context vector of the lecture's sentence and its greedy decoding; ``n`` shows the
    next output word."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.shown = 1

    @property
    def advances(self) -> bool:   # type: ignore[override]
        return self.demo is not None

    def advance(self) -> None:
        if self.demo is None:
            return
        self.shown = self.shown % len(self.demo.lecture.steps) + 1
        self.redraw()

    def body(self, demo: Any) -> RenderableType:
        tr = demo.lecture
        enc = tr.encoding
        lines: list[RenderableType] = [
            self.trained_line(demo),
            Text(t("lesson.seq2seq.encoder", sentence=" ".join(enc.words), T=len(enc.words),
                   H=len(enc.h)), style="bold"),
            *halves("h_T", enc.h), *halves("C_T", enc.c), Text(""),
            Text(t("lesson.seq2seq.decoder"), style="bold")]
        tbl = table("k", t("lesson.seq2seq.input"), t("lesson.seq2seq.output"), "p")
        for st in tr.steps[:self.shown]:
            tbl.add_row(str(st.k), st.input, st.word, num(st.p, 3, False),
                        style="bold reverse" if st.k == self.shown else "")
        words = [st.word for st in tr.steps[:self.shown]]
        lines += [tbl, Text(""),
                  Text(t("lesson.seq2seq.so-far", words=" ".join(words))),
                  Text(t("lesson.seq2seq.press"), style="dim")]
        return Group(*lines)


class Seq2SeqLongView(Seq2SeqBase):
    """The share of right words by input length, and one long input's translation."""

    def body(self, demo: Any) -> RenderableType:
        c = demo.config
        tbl = table(t("lesson.seq2seq-long.clauses"), t("lesson.seq2seq-long.words"),
                    t("lesson.seq2seq-long.right"), t("lesson.seq2seq-long.exact"), "")
        for column in tbl.columns[:4]:
            column.justify = "right"
        for row in demo.lengths:
            tbl.add_row(str(row.clauses), f"{row.words:.1f}", f"{100 * row.token_accuracy:.0f}%",
                        f"{100 * row.exact:.0f}%",
                        Text(t("lesson.seq2seq-long.trained") if row.trained else "",
                             style="dim"))
        out = Text.assemble((pad(t("lesson.seq2seq-long.output"), 6), "dim"))
        for k, w in enumerate(demo.long.words):
            ok = k < len(demo.long_reference) and demo.long_reference[k] == w
            out.append(w, style="" if ok else "bold reverse")
            out.append(" ")
        per = demo.lengths[0].sentences
        return Group(
            Text(t("lesson.seq2seq-long.measured", n=per, lo=1, hi=c.max_clauses, H=c.hidden),
                 style="bold"),
            tbl, Text(""),
            Text(t("lesson.seq2seq-long.example", n=len(demo.long.encoding.words)), style="bold"),
            Text.assemble((pad(t("lesson.seq2seq-long.input"), 6), "dim"),
                          " ".join(demo.long.encoding.words)),
            out,
            Text.assemble((pad(t("lesson.seq2seq-long.reference"), 6), "dim"),
                          " ".join(demo.long_reference)))


# -- 11-13. one-hot vectors ------------------------------------------------------------------------
class OneHotView(BodyView):
    def body(self) -> RenderableType:
        from engine.lesson import ONEHOT_WORDS
        from engine.onehot import one_hot_table

        from tui.panes.onehot import onehot_table

        words, M = one_hot_table(list(ONEHOT_WORDS))
        lines = [onehot_table(words, M), Text("")]
        for i, w in enumerate(words):
            lines.append(Text(f"  {pad(w, 7)} = {ints(M[i])}   "
                              + t("lesson.onehot.index", i=i)))
        return Group(*lines)


class OneHotSizeView(BodyView):
    def body(self) -> RenderableType:
        from corpora.corpus import human_bytes
        from engine.lesson import onehot_sizes

        s = onehot_sizes()
        tbl = table("", t("lesson.onehot-size.numbers"), t("lesson.onehot-size.memory"))
        tbl.columns[1].justify = "right"
        tbl.columns[2].justify = "right"
        tbl.add_row(t("lesson.onehot-size.vector", V=f"{s.vocab_size:,}"),
                    f"{s.vector_numbers:,}", human_bytes(s.vector_bytes))
        tbl.add_row(t("lesson.onehot-size.table", V=f"{s.vocab_size:,}"),
                    f"{s.table_numbers:,}", Text(human_bytes(s.table_bytes), style="bold"))
        tbl.add_row(t("lesson.onehot-size.embedding", V=f"{s.vocab_size:,}", d=s.dim),
                    f"{s.embedding_numbers:,}", Text(human_bytes(s.embedding_bytes), style="bold"))
        return Group(
            tbl, Text(""),
            Text(t("lesson.onehot-size.nonzero", pct=f"{100 * s.nonzero_fraction:.3f}")),
            Text(t("lesson.onehot-size.ratio", ratio=f"{s.ratio:,.0f}", d=s.dim)),
            Text(t("lesson.onehot-size.float32", bytes=s.itemsize), style="dim"))


class OneHotDistanceView(BodyView):
    def body(self) -> RenderableType:
        from engine.lesson import ONEHOT_WORDS
        from engine.onehot import cosine_matrix, l2_distance_matrix, one_hot_table

        from tui.panes.onehot import matrix_table

        words, M = one_hot_table(list(ONEHOT_WORDS))
        L2 = l2_distance_matrix(M)
        C = cosine_matrix(M)
        off = {f"{float(L2[i][j]):.3f}" for i in range(len(words)) for j in range(len(words))
               if i != j}
        cos = {f"{float(C[i][j]):.1f}" for i in range(len(words)) for j in range(len(words))
               if i != j}
        grid = Table.grid(padding=(0, 4))
        grid.add_row(matrix_table(t("lesson.onehot-distance.l2"), words, L2, "{:.3f}",
                                  highlight_off_diagonal=True),
                     matrix_table(t("lesson.onehot-distance.cosine"), words, C, "{:.1f}"))
        a, b = words[0], words[2]
        return Group(
            Text("L2(A, B) = ‖A − B‖₂ = √(Σ (A_i − B_i)²)", style="bold"),
            Text(f"L2({a}, {b}) = √((1−0)² + (0−1)²) = √2 = {float(L2[0][2]):.3f}"), Text(""),
            grid, Text(""),
            Text(t("lesson.onehot-distance.same", values=", ".join(sorted(off)),
                   cos=", ".join(sorted(cos)))))


# -- Word2Vec: distances and relations (woman -> man // queen -> king) ----------------------------
class EmbeddingView(LessonView):
    """Word2Vec trained on toy-world (its own settings, a second or so) in a worker, then the
    lecture's relation on the trained vectors: the offsets' cosine, the analogy and a PCA plot
    (the Explore pane's chart)."""

    corpus_name = "toy-world"

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self._stop = threading.Event()
        self._running = False

    def compose(self) -> ComposeResult:
        from tui.widgets.plots import Plot

        yield Static(Text(t("lesson.corpus.opening", corpus=self.corpus_name)),
                     id="lesson-body-embedding", classes="lesson-body")
        yield Plot("", id="lesson-embed-plot")

    def on_mount(self) -> None:
        self._running = True
        self.run_worker(self._train, thread=True, exclusive=True, group="lesson-embedding",
                        exit_on_error=False)

    def _train(self) -> None:
        from corpora import open_corpus
        from engine.errors import WordlabError
        from engine.lesson import parallelogram
        from engine.settings import training_settings
        from engine.word2vec import TrainingSession

        try:
            config = training_settings(self.corpus_name, threads=1)
            session = TrainingSession(config, open_corpus(self.corpus_name))
            untrained = session.untrained_loss()
            progress = session.run(cancel_event=self._stop)
            relation = parallelogram(session.model.vectors())
        except (WordlabError, OSError) as err:
            self.app.call_from_thread(self._failed, str(err))
            return
        self.app.call_from_thread(self._done, config, untrained, progress, relation)

    def _failed(self, error: str) -> None:
        self._running = False
        if self.is_attached:
            self.query_one(".lesson-body", Static).update(Text(error, style="bold"))

    def _done(self, config: Any, untrained: float, progress: Any, rel: Any) -> None:
        from tui.widgets.plots import Plot

        self._running = False
        if not self.is_attached:
            return
        a, b, c, d = rel.words
        answers = "   ".join(f"{w} {num(s, 2)}" for w, s in rel.answers)
        self.query_one(".lesson-body", Static).update(Group(
            Text(t("lesson.embedding.trained", corpus=self.corpus_name, arch=config.arch,
                   loss=config.loss, dim=config.dim, epochs=config.epochs,
                   before=num(untrained, 3, False), after=num(progress.loss, 3, False)),
                 style="dim"),
            Text.assemble((f"{a} : {b} :: {c} : ?", "bold"), "   →   ", answers),
            Text(t("lesson.embedding.parallel", a=a, b=b, c=c, d=d,
                   cos=num(rel.offset_cosine, 2)))))
        points = [(w, float(x), float(y)) for w, (x, y) in zip(rel.words, rel.coords)]
        self.query_one("#lesson-embed-plot", Plot).scatter_labels(
            points, [(0, 1), (2, 3)], title=t("lesson.embedding.plot"))

    def busy(self) -> bool:
        return self._running

    def stop(self) -> None:
        self._stop.set()


# -- 14-15. the 4-word model -----------------------------------------------------------------------
def example_table(ex: Any) -> Table:
    tbl = table(t("lesson.model.word"), "y", t("lesson.model.score"), "p = softmax")
    for k, w in enumerate(ex.words):
        tbl.add_row(w, "1" if w == ex.target else "0", num(ex.scores[k], 3),
                    num(ex.probs[k], 3, False), style="bold" if w == ex.target else "")
    return tbl


class ModelUntrainedView(BodyView):
    def body(self) -> RenderableType:
        from engine.lesson import FourWordModel

        from tui.panes.onehot import onehot_table

        m = FourWordModel()
        ex = m.example()
        grid = Table.grid(padding=(0, 4))
        grid.add_row(onehot_table(list(m.words), m.one_hot()), example_table(ex))
        d = m.config.dim
        return Group(
            Text(t("lesson.model.shape", V=len(m.words), d=d), style="bold"),
            Text(t("lesson.model.example", inputs=" ".join(ex.inputs), target=ex.target,
                   h=vec(ex.h))), Text(""), grid, Text(""),
            Text(t("lesson.model.ce", target=ex.target, p=num(ex.p_target, 3, False),
                   loss=num(ex.loss, 3, False), V=len(m.words),
                   ln=num(m.untrained_loss(), 3, False)), style="bold"))


class ModelTrainedView(LessonView):
    """Trains the 4-word model in a thread worker, then shows its rows of W_in."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self._stop = threading.Event()
        self._running = False
        self.model = None

    def compose(self) -> ComposeResult:
        yield Static(Text(t("lesson.model-trained.training")), id="lesson-body-model-trained",
                     classes="lesson-body")

    def on_mount(self) -> None:
        self._running = True
        self.run_worker(self._train, thread=True, exclusive=True, group="lesson-model",
                        exit_on_error=False)

    def _train(self) -> None:
        from engine.errors import WordlabError
        from engine.lesson import FourWordModel

        try:
            m = FourWordModel()
            before = m.example()
            m.train(cancel_event=self._stop)
            after = m.example()
        except WordlabError as err:
            self.app.call_from_thread(self._failed, str(err))
            return
        self.app.call_from_thread(self._done, m, before, after)

    def _failed(self, error: str) -> None:
        self._running = False
        if not self.is_attached:
            return
        self.query_one(".lesson-body", Static).update(Text(error, style="bold"))

    def _done(self, m: Any, before: Any, after: Any) -> None:
        self._running = False
        self.model = m
        if not self.is_attached:          # the language changed meanwhile: a new view shows it
            return
        rows = table("", *[f"W_in[:, {k}]" for k in range(m.config.dim)])
        for w in m.words:
            rows.add_row(Text(w, style="bold" if w == after.target else ""),
                         *[num(v, 2) for v in m.embedding(w)])
        grid = Table.grid(padding=(0, 4))
        grid.add_row(example_table(after), rows)
        self.query_one(".lesson-body", Static).update(Group(
            Text(t("lesson.model-trained.loss", epochs=f"{m.epochs_done:,}",
                   before=num(before.loss, 3, False), after=num(after.loss, 3, False),
                   target=after.target, p=num(after.p_target, 3, False)), style="bold"),
            Text(""), grid, Text(""),
            Text(t("lesson.model-trained.row", word=after.target,
                   row=vec(m.embedding(after.target)))),
            Text(t("lesson.model-trained.note"), style="dim")))

    def busy(self) -> bool:
        return self._running

    def stop(self) -> None:
        self._stop.set()


# -- 16-17. CBOW and Skip-gram -------------------------------------------------------------------
def lesson_corpus_name() -> str:
    """The lecture's text in the lesson's language."""
    return "lecture-ko" if language() == "ko" else "lecture"


def pairs_table(title: str | None, pairs: list, arch: str) -> Table:
    tbl = table(t("lesson.pairs.input"), "", t("lesson.pairs.output"), title=title)
    for inputs, target in pairs:
        if arch == "cbow":
            tbl.add_row(", ".join(inputs), "→", target)
        else:
            tbl.add_row(inputs[0], "→", target)
    return tbl


class CorpusView(LessonView):
    """A view over the lecture's own corpus, opened in a worker (its tokenizer takes a moment)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.corpus_name = lesson_corpus_name()
        self._running = False

    def compose(self) -> ComposeResult:
        yield Static(Text(t("lesson.corpus.opening", corpus=self.corpus_name)),
                     id=f"lesson-body-{self.key}", classes="lesson-body")

    def on_mount(self) -> None:
        self._running = True
        self.run_worker(self._open, thread=True, exclusive=True, group=f"lesson-{self.key}",
                        exit_on_error=False)

    def _open(self) -> None:
        from corpora import open_corpus
        from engine.errors import WordlabError

        try:
            corpus = open_corpus(self.corpus_name)
            result = self.work(corpus)
        except (WordlabError, OSError) as err:
            self.app.call_from_thread(self._show, Text(str(err), style="bold"))
            return
        self.app.call_from_thread(self._finish, result)

    def work(self, corpus: Any) -> Any:
        """In the worker thread: compute what the view shows."""
        return corpus

    def render_result(self, result: Any) -> RenderableType:
        raise NotImplementedError

    def _finish(self, result: Any) -> None:
        if not self.is_attached:          # the language changed meanwhile: a new view shows it
            self._running = False
            return
        self._show(self.render_result(result))
        self.finished(result)

    def finished(self, result: Any) -> None:
        """On the UI thread, once the result is shown."""

    def _show(self, renderable: RenderableType) -> None:
        self._running = False
        if self.is_attached:
            self.query_one(".lesson-body", Static).update(renderable)

    def busy(self) -> bool:
        return self._running


class CBOWView(CorpusView):
    def work(self, corpus: Any) -> Any:
        from engine.word2vec.examples import teaching_pairs
        from engine.lesson import LECTURE_SENTENCE, blanks

        return (blanks(list(corpus)),
                teaching_pairs(list(LECTURE_SENTENCE), 1, "cbow"))

    def render_result(self, result: Any) -> RenderableType:
        from engine.lesson import LECTURE_SENTENCE

        found, pairs = result
        lines: list[RenderableType] = [Text(t("lesson.cbow.blanks", corpus=self.corpus_name),
                                            style="bold")]
        # aligned in terminal cells: a Hangul syllable takes two (cell_len, never len)
        before = max((cell_len(" ".join(b.before)) for b in found), default=0)
        after = max((cell_len(" ".join(b.after)) for b in found), default=0)
        for b in found:
            lines.append(Text.assemble(
                "  ", " " * (before - cell_len(" ".join(b.before))), " ".join(b.before), " ",
                ("???", "bold reverse"), " ", pad(" ".join(b.after), after), "  → ",
                (b.answer, "bold")))
        lines += [Text(""), Text(t("lesson.pairs.title", arch="CBOW", window=1,
                                   sentence=" ".join(LECTURE_SENTENCE)), style="bold"),
                  pairs_table(None, pairs, "cbow")]
        return Group(*lines)


class SkipGramView(BodyView):
    def body(self) -> RenderableType:
        from engine.word2vec.examples import teaching_pairs
        from engine.lesson import LECTURE_SENTENCE

        words = list(LECTURE_SENTENCE)
        grid = Table.grid(padding=(0, 4))
        grid.add_row(
            pairs_table(t("lesson.pairs.short", arch="CBOW"), teaching_pairs(words, 1, "cbow"),
                        "cbow"),
            pairs_table(t("lesson.pairs.short", arch="Skip-gram"),
                        teaching_pairs(words, 1, "sg"), "sg"))
        n_cbow = len(teaching_pairs(words, 1, "cbow"))
        n_sg = len(teaching_pairs(words, 1, "sg"))
        return Group(Text(t("lesson.skipgram.sentence", sentence=" ".join(words), window=1),
                          style="bold"), Text(""), grid, Text(""),
                     Text(t("lesson.skipgram.count", cbow=n_cbow, sg=n_sg)))


# -- what practitioners use: negative sampling, hierarchical softmax ------------------------------
class OutputCostView(CorpusView):
    def work(self, corpus: Any) -> Any:
        from engine.lesson import output_costs, zipf_counts
        from engine.vocab import Vocab

        vocab = Vocab.build(list(corpus), min_count=1)
        return output_costs(vocab.counts), output_costs(zipf_counts())

    def render_result(self, result: Any) -> RenderableType:
        small, big = result
        tbl = table(t("lesson.cost.layer"),
                    t("lesson.cost.rows", corpus=self.corpus_name, V=small.vocab_size),
                    t("lesson.cost.rows", corpus="Zipf", V=f"{big.vocab_size:,}"))
        for column in tbl.columns[1:]:
            column.justify = "right"
        tbl.add_row("softmax", f"{small.softmax_rows:,}", f"{big.softmax_rows:,}")
        tbl.add_row(t("lesson.cost.negative", k=big.negative_rows - 1),
                    f"{small.negative_rows:,}", f"{big.negative_rows:,}")
        tbl.add_row(t("lesson.cost.hs"), f"{small.hs_rows:.1f}",
                    t("lesson.cost.hs-big", mean=f"{big.hs_rows:.1f}", longest=big.hs_longest))
        return Group(
            Text(t("lesson.cost.title-line"), style="bold"), Text(""), tbl, Text(""),
            Text(t("lesson.cost.saving", V=f"{big.vocab_size:,}",
                   ns=f"{big.saving(big.negative_rows):,.0f}",
                   hs=f"{big.saving(big.hs_rows):,.0f}")))


class OutputStepView(CorpusView):
    """One Skip-gram example with negative sampling (or hierarchical softmax), every number;
    ``n`` trains the next one (engine.word2vec.stepping, as the Step pane does)."""

    LOSS = {"negative": "neg", "hierarchical": "hs"}

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.session = None

    @property
    def advances(self) -> bool:   # type: ignore[override]
        return self.session is not None

    def work(self, corpus: Any) -> Any:
        from engine.word2vec.stepping import step_session

        session = step_session(corpus, arch="sg", loss=self.LOSS[self.key],
                               corpus_name=self.corpus_name)
        trace = session.step()
        self.session = session
        return trace

    def finished(self, result: Any) -> None:
        self.screen.refresh_bindings()          # n is offered now

    def advance(self) -> None:
        from engine.errors import WordlabError

        if self.session is None:
            return
        try:
            trace = self.session.step()
        except WordlabError as err:          # e.g. a diverged step: say so, keep the view
            self._show(Text(str(err), style="bold"))
            return
        self._show(self.render_result(trace))

    def render_result(self, trace: Any) -> RenderableType:
        hs = trace.loss_kind == "hs"
        tbl = table(t("lesson.step.node") if hs else t("lesson.model.word"),
                    t("lesson.step.label"), "s = W_out·h", "σ(s)")
        for k, word in enumerate(trace.target_words):
            style = "bold" if (not hs and k == 0) else ""
            tbl.add_row(word, str(int(trace.labels[k])), num(trace.scores[k], 3),
                        num(trace.sigmoids[k], 3, False), style=style)
        return Group(
            Text(t("lesson.step.example", n=trace.example + 1, inputs=" ".join(trace.input_words),
                   target=trace.word, sentence=" ".join(trace.sentence)), style="bold"),
            Text(t("lesson.step.rows", rows=len(trace.target_words), V=len(self.session.vocab))),
            Text(""), tbl, Text(""),
            Text(t("lesson.step.loss-hs" if hs else "lesson.step.loss-neg",
                   loss=num(trace.loss, 3, False))),
            Text(t("lesson.step.press"), style="dim"))


# -- 18. train on the lecture's corpus -------------------------------------------------------------
#: the words whose neighbours the trained vectors are asked for, per corpus
QUERIES = {"lecture": ("cat", "movie", "dog"), "lecture-ko": ("고양이를", "영화를", "개를")}


class TrainCorpusView(CorpusView):
    """Trains Word2Vec on the lecture's corpus with its own settings (engine.settings, as the
    Train pane and ``wordlab train`` do) in a thread worker, then asks for neighbours."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self._stop = threading.Event()
        self.result = None

    def work(self, corpus: Any) -> Any:
        from engine.settings import training_settings
        from engine.word2vec import TrainingSession

        config = training_settings(self.corpus_name, threads=1)
        session = TrainingSession(config, corpus)
        untrained = session.untrained_loss()
        progress = session.run(cancel_event=self._stop)
        kv = session.model.vectors()
        a, b, c = QUERIES.get(self.corpus_name, ("cat", "movie", "dog"))
        neighbours = {w: kv.most_similar([w], topn=3) for w in (a, b) if w in kv}
        similarity = kv.similarity(a, c) if a in kv and c in kv else None
        self.result = (config, untrained, progress, neighbours, similarity, session.model)
        return self.result

    def render_result(self, result: Any) -> RenderableType:
        config, untrained, progress, neighbours, similarity, model = result
        a, b, c = QUERIES.get(self.corpus_name, ("cat", "movie", "dog"))
        lines: list[RenderableType] = [
            Text(t("lesson.train.settings", corpus=self.corpus_name, arch=config.arch,
                   loss=config.loss, dim=config.dim, window=config.window,
                   alpha=config.alpha, epochs=config.epochs), style="dim"),
            Text(t("lesson.train.loss", before=num(untrained, 3, False),
                   after=num(progress.loss, 3, False)), style="bold"), Text("")]
        tbl = table(t("lesson.train.word"), t("lesson.train.nearest"))
        for w, near in neighbours.items():
            tbl.add_row(w, "   ".join(f"{n} {num(s, 2)}" for n, s in near))
        lines.append(tbl)
        if similarity is not None:
            lines += [Text(""), Text(t("lesson.train.similarity", a=a, b=c,
                                       cos=num(similarity, 2)))]
        lines += [Text(""), Text(t("lesson.train.note"), style="dim")]
        return Group(*lines)

    def finished(self, result: Any) -> None:
        config, _, progress, _, _, model = result
        self._publish(model, config, progress)

    def _publish(self, model: Any, config: Any, progress: Any, tries: int = 50) -> None:
        """Leave the trained vectors to the panes (Explore, One-hot) when the app is on the
        same corpus: Esc then shows the free panes in the state the lesson left them.  The
        app opens its corpus in a worker too: until it has, wait for it (a few seconds)."""
        from tui.state import Provenance

        app = self.app
        state = getattr(app, "state", None)
        if state is None or not hasattr(app, "set_model"):
            return
        if state.corpus is None and tries > 0:
            self.set_timer(0.1, lambda: self._publish(model, config, progress, tries - 1))
            return
        if state.corpus_name != self.corpus_name:
            return
        app.set_model(model, Provenance("trained", corpus=self.corpus_name,
                                        corpus_gen=state.corpus_gen, config=config,
                                        epochs=progress.epochs))

    def stop(self) -> None:
        self._stop.set()


# -- 25. king - man + woman on a shipped corpus ----------------------------------------------------
class KingQueenView(LessonView):
    """Word2Vec on toy-world (the largest corpus wordlab ships) in a thread worker, then
    king - man + woman (``engine.lesson.corpus_analogy``): the answers and their cosines."""

    corpus_name = "toy-world"

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self._stop = threading.Event()
        self._running = False
        self.result = None

    def compose(self) -> ComposeResult:
        yield Static(Text(t("lesson.corpus.opening", corpus=self.corpus_name)),
                     id="lesson-body-king-queen", classes="lesson-body")

    def on_mount(self) -> None:
        self._running = True
        self.run_worker(self._train, thread=True, exclusive=True, group="lesson-king-queen",
                        exit_on_error=False)

    def _train(self) -> None:
        from engine.errors import WordlabError
        from engine.lesson import corpus_analogy

        try:
            result = corpus_analogy(self.corpus_name, cancel_event=self._stop)
        except (WordlabError, OSError) as err:
            self.app.call_from_thread(self._show, Text(str(err), style="bold"))
            return
        self.app.call_from_thread(self._done, result)

    def _show(self, renderable: RenderableType) -> None:
        self._running = False
        if self.is_attached:
            self.query_one(".lesson-body", Static).update(renderable)

    def _done(self, r: Any) -> None:
        if r is None:
            self._running = False
            return
        self.result = r
        from engine.lesson import KING_QUERY

        a, b, c = KING_QUERY
        cfg = r.config
        tbl = table("", t("lesson.king-queen.word"), t("lesson.king-queen.cosine"))
        tbl.columns[2].justify = "right"
        for k, (w, cos) in enumerate(r.answers):
            tbl.add_row(f"{k + 1}.", w, num(cos, 3),
                        style="bold" if w == r.expected else "")
        verdict = ("lesson.king-queen.found" if r.found else "lesson.king-queen.missed")
        self._show(Group(
            Text(t("lesson.king-queen.trained", corpus=r.corpus, arch=cfg.arch, loss=cfg.loss,
                   dim=cfg.dim, epochs=cfg.epochs, tokens=f"{r.tokens:,}", V=f"{r.words:,}",
                   seconds=f"{r.seconds:.1f}"), style="dim"),
            Text(t("lesson.train.loss", before=num(r.untrained_loss, 3, False),
                   after=num(r.loss, 3, False)), style="dim"), Text(""),
            Text(f"{b} − {a} + {c} = ?", style="bold"), tbl, Text(""),
            Text(t(verdict, expected=r.expected, answer=r.answers[0][0] if r.answers else "–",
                   cos=num(r.answers[0][1], 3) if r.answers else "–"))))

    def busy(self) -> bool:
        return self._running

    def stop(self) -> None:
        self._stop.set()


VIEWS: dict[str, type[LessonView]] = {
    "rnn": RNNView,
    "shapes": ShapesView,
    "bptt": BPTTView,
    "vanishing": VanishingView,
    "forget-all": GateTableView,
    "remember-all": GateTableView,
    "input-gate": GateTableView,
    "cell-update": GateTableView,
    "lstm-sentence": LSTMSentenceView,
    "flow": FlowStepView,
    "seq2seq": Seq2SeqView,
    "seq2seq-long": Seq2SeqLongView,
    "onehot": OneHotView,
    "onehot-size": OneHotSizeView,
    "onehot-distance": OneHotDistanceView,
    "embedding": EmbeddingView,
    "model-untrained": ModelUntrainedView,
    "model-trained": ModelTrainedView,
    "cbow": CBOWView,
    "skipgram": SkipGramView,
    "output-cost": OutputCostView,
    "negative": OutputStepView,
    "hierarchical": OutputStepView,
    "train-corpus": TrainCorpusView,
    "king-queen": KingQueenView,
}


def make_view(key: str) -> LessonView:
    return VIEWS[key](key)
