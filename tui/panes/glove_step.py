"""GloVe, one co-occurrence cell at a time (issue 11's step mode), over the corpus in use.

Opened from the Step pane (``G``) or the palette; ``Esc`` goes back.  At the top the cell just
trained and every number of its AdaGrad update (``engine.glove.CellTrace``):

    X_ij, log X_ij, f(X_ij) -> prediction w_i . w~_j + b_i + b~_j -> error, loss
    g = eta f(X_ij) error -> each weight -= g x (its partner) / sqrt(its running sum)

below it the co-occurrence matrix X (the lecture corpus's 12 words fit on the screen; a larger
vocabulary shows its most frequent words), the cell just trained marked.  Every number comes
from the engine; this module lays them out.
"""

from __future__ import annotations

import math

import numpy as np
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from engine.errors import WordlabError
from tui.i18n import t
from tui.widgets.footer import QuietFooter
from tui.widgets.step_screen import StepModeScreen, scroll_bindings

CELL = 5            # columns of one matrix cell (" 4.50", "12.5")
LABEL = 9           # columns of the row labels
MAX_ROWS = 30       # rows of X shown at most (a larger vocabulary: its most frequent words)
SHOWN_DIMS = 3      # components of the moves of w_i / w~_j spelled out


class GloveReady(Message):
    def __init__(self, session, error: str | None, generation: int) -> None:
        super().__init__()
        self.session, self.error, self.generation = session, error, generation


def glove_step_bindings() -> list[Binding]:
    return [
        Binding("n", "next_cell", t("glove.key.next"), id="glove.next",
                tooltip=t("glove.tip.next")),
        Binding("e", "again", t("glove.key.again"), id="glove.again",
                tooltip=t("glove.tip.again")),
        Binding("r", "reset", t("glove.key.reset"), id="glove.reset",
                tooltip=t("glove.tip.reset")),
        Binding("escape", "leave", t("glove.key.leave"), key_display="Esc", id="glove.leave",
                tooltip=t("glove.tip.leave")),
        Binding("question_mark,f1", "help", t("glove.key.help"), key_display="?",
                id="glove.help", tooltip=t("glove.tip.help")),
        *scroll_bindings("glove"),
    ]


def fmt(v: float) -> str:
    """3 significant digits (a step's numbers span 1e-7 to 1e2)."""
    if v == 0:
        return "0"
    if 1e-3 <= abs(v) < 1e4:
        return f"{v:.3g}"
    return f"{v:.2e}"


def plus(v: float) -> str:
    """``+ v`` or ``- |v|``: a term of a sum as it is written."""
    return f"- {fmt(-v)}" if v < 0 else f"+ {fmt(v)}"


def shown_words(V: int, width: int) -> int:
    """How many of the most frequent words fit as columns of X in ``width`` cells."""
    return max(1, min(V, (width - LABEL) // CELL, MAX_ROWS))


def short(word: str, cells: int) -> str:
    """``word`` cut to ``cells`` terminal cells (Hangul takes two), with … when cut."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(word) <= cells:
        return word
    return set_cell_size(word, cells - 1) + "…"


class GloveStepScreen(StepModeScreen):
    """GloVe step mode."""

    PREFIX = "glove"
    BODY = "glove-body"
    make_bindings = staticmethod(glove_step_bindings)

    AUTO_FOCUS = "#glove-body"

    def __init__(self) -> None:
        super().__init__(id="glove-step-screen")
        self.session = None
        self.trace = None
        self.corpus_name = ""
        self._generation = 0
        self._pending = 0

    def compose(self) -> ComposeResult:
        yield Static(id="glove-header")
        with VerticalScroll(id="glove-body"):
            yield Static(id="glove-trace")
            yield Static(id="glove-matrix-title")
            yield Static(id="glove-matrix")
        yield QuietFooter()

    def on_mount(self) -> None:
        self.action_reset()

    # -- the session --------------------------------------------------------------------------
    def action_reset(self) -> None:
        """Fresh weights on the corpus in use (counting X runs in a worker)."""
        state = getattr(self.app, "state", None)
        corpus = getattr(state, "corpus", None)
        self._generation += 1
        self.session, self.trace = None, None
        if corpus is None:
            self._show_message(t("glove.no-corpus"))
            return
        self.corpus_name = getattr(corpus, "name", "") or ""
        self._show_message(t("glove.counting", corpus=self.corpus_name))
        self._build(corpus, self._generation)

    @work(thread=True, exclusive=True, group="glove-step", exit_on_error=False)
    def _build(self, corpus, generation: int) -> None:
        from engine.glove import GloveSession
        from engine.settings import glove_settings

        try:
            config = glove_settings(self.corpus_name or None, threads=1)
            session = GloveSession(config, corpus)
        except (WordlabError, OSError) as err:
            self.post_message(GloveReady(None, str(err), generation))
            return
        self.post_message(GloveReady(session, None, generation))

    @on(GloveReady)
    def _ready(self, event: GloveReady) -> None:
        if event.generation != self._generation:
            return
        if event.error:
            self._show_message(event.error)
            return
        self.session = event.session
        pending, self._pending = self._pending, 0
        self._redraw()
        for _ in range(pending):
            self.action_next_cell()

    # -- keys ---------------------------------------------------------------------------------
    def action_next_cell(self) -> None:
        if self.session is None:
            self._pending += 1          # pressed while X is being counted: done when it is
            return
        self.trace = self.session.step()
        self._redraw()

    def action_again(self) -> None:
        if self.session is None or self.trace is None:
            return self.action_next_cell()
        self.trace = self.session.redo(self.trace.i, self.trace.j)
        self._redraw()

    def action_leave(self) -> None:
        if self.app.screen is self:
            self.app.pop_screen()

    def redraw_language(self) -> None:
        if self.session is not None:
            self._redraw()

    # -- drawing ------------------------------------------------------------------------------
    def _show_message(self, text: str) -> None:
        self.query_one("#glove-header", Static).update(Text(t("glove.title"), style="bold"))
        self.query_one("#glove-trace", Static).update(Text(text, style="dim"))
        self.query_one("#glove-matrix-title", Static).update("")
        self.query_one("#glove-matrix", Static).update("")

    def _redraw(self) -> None:
        s = self.session
        c = s.config
        self.query_one("#glove-header", Static).update(Text(t(
            "glove.header", corpus=self.corpus_name, V=len(s.vocab), cells=f"{len(s.X):,}",
            window=c.window, d=c.dim, eta=c.eta, x_max=fmt(c.x_max), alpha=c.alpha,
            done=s.stepped), style="bold"))
        self.query_one("#glove-trace", Static).update(self._trace_text())
        self._draw_matrix()

    def _trace_text(self) -> Text:
        """Eight lines of at most 78 cells (80x24 holds them and the lecture's whole X)."""
        tr = self.trace
        if tr is None:
            return Text(t("glove.press-n"), style="dim")
        c = self.session.config
        out = Text()
        out.append(t("glove.cell", word=tr.word, context=tr.context), style="bold")
        out.append(f"  X = {fmt(tr.x)}   log X = {fmt(tr.log_x)}   ")
        out.append(f"f(X) = ({fmt(tr.x)}/{fmt(c.x_max)})^{c.alpha} = {fmt(tr.f)}\n"
                   if tr.x < c.x_max else f"f(X) = 1 (X >= x_max)\n")
        out.append(f"{t('glove.prediction')} = w_i·w~_j + b_i + b~_j = {fmt(tr.dot)} "
                   f"{plus(tr.b_i)} {plus(tr.b_tilde_j)} = {fmt(tr.prediction)}\n")
        out.append(f"{t('glove.error')} = {fmt(tr.prediction)} {plus(-tr.log_x)} = ")
        out.append(fmt(tr.error), style="bold red" if tr.error > 0 else "bold green")
        out.append(f"\n{t('glove.loss')} = f·error²/2 = {fmt(tr.loss)}  →  "
                   f"{t('glove.after', loss=fmt(tr.loss_after))}\n")
        out.append(f"AdaGrad  g = eta·f·error = {fmt(c.eta)}·{fmt(tr.f)}·{fmt(tr.error)} = "
                   f"{fmt(tr.g)};  Δ = -g·partner/√G\n")
        for name, bias, delta, db, gb in (
                ("w_i ", "b_i ", tr.delta_w_i, tr.delta_b_i, tr.gradsq_b_i),
                ("w~_j", "b~_j", tr.delta_w_tilde_j, tr.delta_b_tilde_j, tr.gradsq_b_tilde_j)):
            dims = " ".join(fmt(float(v)) for v in delta[:SHOWN_DIMS])
            out.append(f"  Δ{name} = {dims}  |Δ| {fmt(float(np.linalg.norm(delta)))}   "
                       f"Δ{bias} = {fmt(db)}\n")
        out.rstrip()
        return out

    def _draw_matrix(self) -> None:
        s = self.session
        V = len(s.vocab)
        n = shown_words(V, max(self.size.width, 40) - 2)
        title = self.query_one("#glove-matrix-title", Static)
        shown = t("glove.matrix", window=s.config.window) if n == V else \
            t("glove.matrix-top", n=n, V=V, window=s.config.window)
        title.update(Text(shown, style="bold"))
        X = s.X
        words = s.vocab.words
        # X's rows for the n most frequent words (ids are sorted by frequency)
        keep = X.rows < n
        sub = np.zeros((n, n))
        cols_ok = X.cols[keep] < n
        sub[X.rows[keep][cols_ok], X.cols[keep][cols_ok]] = X.values[keep][cols_ok]
        table = Table(show_header=True, show_edge=False, box=None, pad_edge=False,
                      padding=(0, 0), header_style="bold")
        table.add_column("X", width=LABEL, no_wrap=True)
        for j in range(n):
            table.add_column(short(words[j], CELL - 1), width=CELL, justify="right", no_wrap=True)
        tr = self.trace
        for i in range(n):
            cells = []
            for j in range(n):
                v = sub[i, j]
                text = "·" if v == 0 else (f"{v:.2f}" if v < 10 else f"{v:.1f}" if v < 100
                                           else f"{v:.0f}")
                style = "reverse bold" if tr is not None and (tr.i, tr.j) == (i, j) else \
                    ("dim" if v == 0 else "")
                cells.append(Text(text, style=style))
            table.add_row(short(words[i], LABEL - 1), *cells)
        self.query_one("#glove-matrix", Static).update(table)
        if tr is not None and (tr.i >= n or tr.j >= n):
            title.update(Text(shown + "  " + t("glove.outside", word=tr.word, context=tr.context),
                              style="bold"))

    def on_resize(self) -> None:
        if self.session is not None:
            self._draw_matrix()


def open_glove_step(app) -> GloveStepScreen:
    screen = GloveStepScreen()
    app.push_screen(screen)
    return screen
