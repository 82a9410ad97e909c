"""The LSTM pane (issue 5): watch every gate of an RNN or LSTM move, one time step at a time.

Views (one at a time, keys g / k / d / m):
- gates: a table with one row per hidden unit (f, i, C~, C, o, h at step t) beside the
  equations filled in with the selected unit's numbers;
- lecture: the lecture's worked forget/input gate tables (engine/presets.py), exactly;
- flow: ||dL/dh_t|| against t for an RNN and an LSTM (engine/gradflow.py), log scale;
- lm: train the language model (engine/lm.py) in a worker, live loss/perplexity, next-word
  predictions for the sentence so far.

No arithmetic here: every number comes from the engine (engine/gateview.py, lstm.py, rnn.py,
presets.py, gradflow.py, lm.py).
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from itertools import islice

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import ContentSwitcher, DataTable, Input, Label, Sparkline, Static
from textual_plotext import PlotextPlot

from engine.errors import WordlabError
from engine.gateview import UNK, FreshModel, TrainedModel, check_sizes, rnn_terms, run_cell, unit_terms
from tui.widgets.pane import Pane

MAX_UNITS = 8          # rows shown in the gate table
LM_EMB = 16            # the language model the pane trains: embedding size (x_t) ...
LM_EPOCHS = 3          # ... and epochs (x stops earlier; the weights so far are kept)
SMALL_CORPUS = 5_000   # fewer training tokens than this: small batches, many epochs
SMALL_EPOCHS = 40
SENTENCE_MAX = 30      # words taken from a corpus sentence (a text8 chunk has thousands)
STATUS_WORDS = 4       # words shown either side of x_t in the status line
SPARK_WINDOW = 120     # points kept in the loss / perplexity sparklines
DEFAULT_SENTENCE = "i love cute cat"

LSTM_COLUMNS = (("f", "f_t"), ("i", "i_t"), ("g", "C~_t"), ("c", "C_t"), ("o", "o_t"), ("h", "h_t"))
RNN_COLUMNS = (("h_prev", "h_t-1"), ("a", "W·[h,x]+b"), ("h", "h_t"))


# -- messages (pane-local: only this pane sends and receives them) ---------------------------
@dataclass
class LMProgress(Message):
    """A throttled training event from the language-model worker."""

    progress: object

    def can_replace(self, message: Message) -> bool:   # a newer tick replaces a queued one
        return isinstance(message, LMProgress) and not getattr(message.progress, "finished", False)


@dataclass
class LMFinished(Message):
    kind: str
    session: object
    stopped: bool
    error: str | None


@dataclass
class FlowReady(Message):
    flow: object
    error: str | None


def _fmt(v: float) -> str:
    """Two decimals as in the lecture; -0.00 shown as 0.00."""
    s = f"{v:.2f}"
    return "0.00" if s == "-0.00" else s


def _paren(v: float) -> str:
    s = _fmt(v)
    return f"({s})" if s.startswith("-") else s


class LSTMPane(Pane):
    """Tab 7: RNN / LSTM gates step by step, the lecture's tables, gradient flow, language model."""

    PANE_TITLE = "LSTM"
    small_epochs = SMALL_EPOCHS     # epochs of the language model on a lecture-sized corpus
    HELP = """\
# LSTM: gates, step by step

The lecture's LSTM (section 3), on a sentence you choose. At each time step t the cell reads
x_t (the word's embedding) and h_t-1, and computes

- forget gate `f_t = σ(W_f·[h_t-1, x_t] + b_f)`: how much of C_t-1 to keep (0 forget, 1 keep)
- input gate `i_t = σ(W_i·[h_t-1, x_t] + b_i)` and candidate `C~_t = tanh(W_C·[h_t-1, x_t] + b_C)`
- cell state `C_t = f_t·C_t-1 + i_t·C~_t` (long-term memory)
- output gate `o_t = σ(W_o·[h_t-1, x_t] + b_o)` and `h_t = o_t·tanh(C_t)` (short-term memory)

The table shows one row per hidden unit (the first 8), the panel beside it the equations
filled in with the selected unit's numbers. The RNN (`c`) has one equation,
`h_t = tanh(W_xh x_t + W_hh h_t-1 + b_h)`. Words not in the vocabulary become `<unk>`.

**Lecture tables** (`k`): the forget-everything, remember-everything and input-gate examples.
**Gradient flow** (`d`): ‖dL/dh_t‖ for t = 0..T by autograd: the RNN's product of factors
below 1 vanishes, the LSTM's cell state keeps it (log scale).
**Language model** (`m`): embedding -> RNN/LSTM -> softmax, trained on the current corpus;
`t` starts, `x` stops; the trained weights then fill the gate table (`w`).

"""

    BINDINGS = [
        Binding("left", "time(-1)", "t-1", id="lstm.back",
                tooltip="Step back in time: the gates at t-1"),
        Binding("right", "time(1)", "t+1", id="lstm.forward",
                tooltip="Step forward in time: the gates at t+1"),
        Binding("up", "unit(-1)", "unit-", id="lstm.unit_up", show=False,
                tooltip="Select the previous hidden unit for the equations"),
        Binding("down", "unit(1)", "unit+", id="lstm.unit_down", show=False,
                tooltip="Select the next hidden unit for the equations"),
        Binding("c", "toggle_cell", "RNN/LSTM", id="lstm.cell",
                tooltip="Switch the cell between the RNN and the LSTM"),
        Binding("w", "toggle_weights", "weights", id="lstm.weights",
                tooltip="Use freshly initialised or trained (language model) weights"),
        Binding("e", "edit", "sentence", id="lstm.edit",
                tooltip="Type a sentence to run through the cell"),
        Binding("s", "corpus_sentence", "corpus", id="lstm.corpus_sentence", show=False,
                tooltip="Take the next sentence of the current corpus"),
        Binding("g", "view('gates')", "gates", id="lstm.view_gates", show=False,
                tooltip="Show the gate table and the filled-in equations"),
        Binding("k", "view('lecture')", "lecture", id="lstm.view_lecture",
                tooltip="Show the lecture's forget/input gate tables"),
        Binding("d", "view('flow')", "grad flow", id="lstm.view_flow",
                tooltip="Show the RNN-vs-LSTM gradient flow ||dL/dh_t|| (log scale)"),
        Binding("m", "view('lm')", "LM", id="lstm.view_lm",
                tooltip="Show the language model: training and next-word predictions"),
        Binding("t", "train", "train", id="lstm.train",
                tooltip="Train the language model on the current corpus (in the background)"),
        Binding("x", "stop", "stop", id="lstm.stop", show=False,
                tooltip="Stop training the language model (keeps the last good weights)"),
    ]

    def __init__(self, *, id: str | None = None, **kwargs) -> None:
        super().__init__(id=id, **kwargs)
        self.kind = "lstm"
        self.hidden_size = 8
        self.use_trained = False
        self.t = 0
        self.unit = 0
        self.sentence = DEFAULT_SENTENCE
        self.steps: list = []
        self.tokens = None
        self.fresh: FreshModel | None = None
        self.trained: dict[str, object] = {}       # kind -> trained LanguageModelSession
        self._corpus_iter = None
        self._cancel = threading.Event()
        self._training_kind: str | None = None
        self._loss: list[float] = []
        self._ppl: list[float] = []
        self._flow_started = False
        self._table_kind: str | None = None

    # -- layout ---------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="lstm-inputs"):
            yield Label("sentence ", classes="lstm-label")
            yield Input(self.sentence, id="lstm-sentence",
                        placeholder="type a sentence, Enter to run it")
            yield Label(" H ", classes="lstm-label")
            yield Input(str(self.hidden_size), id="lstm-hidden", type="integer",
                        tooltip="hidden size (units); Enter to apply")
        yield Static(id="lstm-status")
        yield Static(id="lstm-message")
        with ContentSwitcher(initial="lstm-gates", id="lstm-views"):
            with Vertical(id="lstm-gates"):
                with Horizontal(id="lstm-gates-top"):
                    table = DataTable(id="lstm-table", cursor_type="row", zebra_stripes=False)
                    table.can_focus = False
                    yield table
                    yield Static(id="lstm-eq")
                yield Static(id="lstm-legend")
                yield Static(id="lstm-predict-inline")
            with VerticalScroll(id="lstm-lecture"):
                from engine.presets import presets

                for p in presets():
                    yield Label(Text.assemble((p.name, "bold"), f"  ({p.name_ko})"),
                                classes="lstm-preset-title")
                    t = DataTable(id=f"lstm-preset-{p.key}", show_cursor=False,
                                  classes="lstm-preset")
                    t.can_focus = False
                    yield t
                    yield Label(p.note, classes="lstm-preset-note")
            with Vertical(id="lstm-flow"):
                yield Static("gradient flow: computing… (torch loads on first use)",
                             id="lstm-flow-caption")
                yield PlotextPlot(id="lstm-flow-chart")
            with Vertical(id="lstm-lm"):
                yield Static(id="lstm-lm-status")
                yield Label("loss", id="lstm-loss-label", classes="lstm-spark-label")
                yield Sparkline([], id="lstm-loss")
                yield Label("perplexity", id="lstm-ppl-label", classes="lstm-spark-label")
                yield Sparkline([], id="lstm-ppl")
                yield Static(id="lstm-predict")

    def on_mount(self) -> None:
        for p in self._presets():
            self._fill_preset(p)
        if hasattr(self.app, "corpus"):
            self.watch(self.app, "corpus", self._corpus_changed, init=False)
        self._corpus_changed(getattr(self.app, "corpus", None))
        self._lm_status("not trained: press t to train on the current corpus")

    # -- model and sentence -----------------------------------------------------------------
    def _corpus_changed(self, corpus) -> None:
        self._corpus_iter = None
        self.trained.clear()
        self.use_trained = False
        sentences = []
        if corpus is not None:
            try:
                sentences = corpus
                first = next(iter(corpus), None)
                if first:
                    self.sentence = " ".join(islice(first, SENTENCE_MAX))
                    self.query_one("#lstm-sentence", Input).value = self.sentence
            except (WordlabError, OSError) as err:
                self._message(str(err))
                sentences = []
        self._build_fresh(sentences)

    def _build_fresh(self, sentences=None) -> None:
        if sentences is None:
            sentences = getattr(self.app, "corpus", None)
            sentences = [] if sentences is None else sentences
        try:
            self.fresh = FreshModel.from_sentences(sentences, hidden_size=self.hidden_size)
        except (WordlabError, OSError) as err:
            self._message(str(err))
            return
        self._rerun()

    def _model(self):
        if self.use_trained:
            trained = self.trained.get(self.kind)
            if trained is not None:
                return trained
        return self.fresh

    def _rerun(self, keep_t: bool = False) -> None:
        """Encode the sentence and run the chosen cell over it."""
        model = self._model()
        if model is None:
            return
        try:
            tokens, x = model.encode(self.sentence)
            steps = run_cell(model.cell(self.kind), x)
        except WordlabError as err:
            self.steps, self.tokens = [], None
            self._message(str(err))
            self._render_gates()
            return
        self.tokens, self.steps = tokens, steps
        self.t = min(self.t, len(steps) - 1) if keep_t else 0
        self.unit = min(self.unit, model.cell(self.kind).hidden_size - 1)
        if tokens.unknown:
            unknown = ", ".join(repr(tokens.typed[k]) for k in tokens.unknown)
            self._message(f"not in the vocabulary, read as {UNK}: {unknown}", level="note")
        else:
            self._message("")
        self._render_gates()
        self._render_predictions()

    # -- rendering ---------------------------------------------------------------------------
    def _message(self, text: str, level: str = "error") -> None:
        msg = self.query_one("#lstm-message", Static)
        msg.update(text)
        msg.set_class(bool(text), "-shown")
        msg.set_class(level == "note", "-note")

    def _style(self, v: float, gate: bool) -> str:
        """Colour by value, from the theme: gates near 1 open, near 0 closed; states by sign."""
        var = self.app.get_css_variables()
        if gate:
            if v >= 0.67:
                return f"bold {var.get('success', 'green')}"
            if v <= 0.33:
                return var.get("error", "red")
            return ""
        if abs(v) < 0.1:
            return "dim"
        colour = var.get("success", "green") if v > 0 else var.get("error", "red")
        return f"bold {colour}" if abs(v) >= 0.5 else colour

    def _cell(self, v: float, gate: bool) -> Text:
        return Text(_fmt(v), style=self._style(v, gate), justify="right")

    def _render_status(self) -> None:
        status = self.query_one("#lstm-status", Static)
        model = self._model()
        if not self.steps or model is None or self.tokens is None:
            status.update(Text(f"{self.kind.upper()} · no sentence", style="dim"))
            return
        weights = "trained" if getattr(model, "trained", False) else "fresh"
        tok = self.tokens
        words = Text()
        lo = max(0, self.t - STATUS_WORDS)
        hi = min(len(tok.tokens), self.t + STATUS_WORDS + 1)
        if lo:
            words.append("… ", style="dim")
        for k in range(lo, hi):
            w = tok.tokens[k]
            style = "reverse bold" if k == self.t else ("dim italic" if w == UNK else "")
            words.append(w, style=style)
            words.append(" ")
        if hi < len(tok.tokens):
            words.append("…", style="dim")
        H = model.cell(self.kind).hidden_size
        status.update(Text.assemble(
            (self.kind.upper(), "bold"), f" {weights} H={H} ",
            (f"t={self.t}/{len(self.steps) - 1} ", "bold"), words))

    def _columns(self):
        return LSTM_COLUMNS if self.kind == "lstm" else RNN_COLUMNS

    def _render_gates(self) -> None:
        self._render_status()
        table = self.query_one("#lstm-table", DataTable)
        if self._table_kind != self.kind:
            table.clear(columns=True)
            table.add_column("u", key="unit")
            for key, label in self._columns():
                table.add_column(Text(label), key=key, width=max(5, len(label)))
            self._table_kind = self.kind
        eq = self.query_one("#lstm-eq", Static)
        if not self.steps:
            table.clear()
            eq.update("")
            return
        step = self.steps[self.t]
        H = step.h.shape[0]
        shown = min(H, MAX_UNITS)
        rows = [unit_terms(step, k).values for k in range(shown)]
        with self.app.batch_update():
            if table.row_count != shown:
                table.clear()
                for k in range(shown):
                    table.add_row(*([str(k)] + [""] * len(self._columns())), key=str(k))
            for k, vals in enumerate(rows):
                for key, _ in self._columns():
                    gate = key in ("f", "i", "o")
                    table.update_cell(str(k), key, self._cell(vals[key], gate))
        if self.unit < shown:
            table.move_cursor(row=self.unit)
        note = f"units 0-{shown - 1} of {H} shown" if H > shown else ""
        self._render_equations(step, note)
        if self.kind == "lstm":
            legend = ("colour: gates f_t i_t o_t near 1 (open) / near 0 (closed); C~_t C_t h_t by "
                      "sign. ")
        else:
            legend = "colour: by sign; |h_t| <= 1 because of tanh. "
        legend += f"x_t = embedding of the word ({step.x.shape[0]} numbers). ↑↓ unit, ←→ t"
        self.query_one("#lstm-legend", Static).update(Text(legend, style="dim"))

    def _render_equations(self, step, note: str) -> None:
        eq = self.query_one("#lstm-eq", Static)
        u = unit_terms(step, self.unit).values
        word = self.tokens.tokens[self.t] if self.tokens else ""
        lines = [Text.assemble((f"unit {self.unit}", "bold"), f"  t={self.t} ", (word, "italic"))]
        if self.kind == "lstm":
            lines += [
                f"f_t  = σ({_fmt(u['a_f'])}) = {_fmt(u['f'])}",
                f"i_t  = σ({_fmt(u['a_i'])}) = {_fmt(u['i'])}",
                f"C~_t = tanh({_fmt(u['a_g'])}) = {_fmt(u['g'])}",
                "C_t  = f_t·C_t-1 + i_t·C~_t",
                f"  = {_paren(u['f'])}·{_paren(u['c_prev'])} + {_paren(u['i'])}·{_paren(u['g'])}",
                f"  = {_paren(u['kept'])} + {_paren(u['written'])} = {_fmt(u['c'])}",
                f"o_t  = σ({_fmt(u['a_o'])}) = {_fmt(u['o'])}",
                "h_t  = o_t·tanh(C_t)",
                f"  = {_paren(u['o'])}·{_paren(u['tanh_c'])} = {_fmt(u['h'])}",
            ]
        else:
            xh, hh, b = (float(v[self.unit]) for v in rnn_terms(self._model().cell("rnn"), step))
            lines += [
                "h_t = tanh(W_xh x_t",
                "         + W_hh h_t-1 + b_h)",
                f"    = tanh({_paren(xh)} + {_paren(hh)}",
                f"         + {_paren(b)})",
                f"    = tanh({_fmt(u['a'])}) = {_fmt(u['h'])}",
                f"h_t-1 = {_fmt(u['h_prev'])}",
            ]
        if note:
            lines.append(Text(note, style="dim"))
        out = Text()
        for k, line in enumerate(lines):
            if k:
                out.append("\n")
            out.append(line if isinstance(line, Text) else Text(line))
        eq.update(out)

    # -- the lecture's tables ---------------------------------------------------------------
    @staticmethod
    def _presets():
        from engine.presets import presets

        return presets()

    def _fill_preset(self, p) -> None:
        table = self.query_one(f"#lstm-preset-{p.key}", DataTable)
        n = len(p.c_prev)
        table.add_column("", key="label")
        for k in range(n):
            table.add_column(str(k + 1), key=f"c{k}")
        for label, values in p.rows:
            cells = [f"{v:g}" for v in p.rounded(values)]
            table.add_row(label, *cells, key=label)

    # -- gradient flow ----------------------------------------------------------------------
    def _start_flow(self) -> None:
        if self._flow_started:
            return
        self._flow_started = True
        self._compute_flow()

    @work(thread=True, exclusive=True, group="lstm-gradflow", exit_on_error=False)
    def _compute_flow(self) -> None:
        try:
            from engine.gradflow import gradient_flow

            flow = gradient_flow(steps=30, hidden_size=16, input_size=8, recurrent_scale=0.5)
        except WordlabError as err:
            self.post_message(FlowReady(None, str(err)))
            return
        self.post_message(FlowReady(flow, None))

    @on(FlowReady)
    def _flow_ready(self, event: FlowReady) -> None:
        caption = self.query_one("#lstm-flow-caption", Static)
        if event.error:
            self._flow_started = False
            caption.update(Text(event.error, style="bold"))
            return
        flow = event.flow
        cfg = flow.config
        caption.update(Text.assemble(
            ("‖dL/dh_t‖ vs t", "bold"),
            f"  T={cfg.steps}, H={cfg.hidden_size}, RNN W_hh x{cfg.recurrent_scale:g}, "
            f"LSTM forget bias +{cfg.forget_bias:g}; log scale\n",
            "slope of ln‖dL/dh‖ per step back: ",
            (f"RNN {flow.rnn_rate:.2f}", "bold"), "  ", (f"LSTM {flow.lstm_rate:.2f}", "bold")))
        self._draw_flow(flow)

    def _draw_flow(self, flow) -> None:
        chart = self.query_one("#lstm-flow-chart", PlotextPlot)
        plt = chart.plt
        plt.clear_figure()
        t = [int(v) for v in flow.t]
        plt.yscale("log")
        # exact zeros (underflow) cannot go on a log axis: they are left out, not invented
        for name, norms in (("RNN", flow.rnn), ("LSTM", flow.lstm)):
            pts = [(x, float(v)) for x, v in zip(t, norms) if v > 0]
            plt.plot([x for x, _ in pts], [v for _, v in pts], label=name, marker="braille")
        # decades on the log axis, labelled 1e-k rather than long decimals
        lo = min((v for _, series in (("", flow.rnn), ("", flow.lstm)) for v in series if v > 0),
                 default=1.0)
        hi = max(max(flow.rnn), max(flow.lstm), lo)
        decades = list(range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1))
        step = max(1, len(decades) // 6)
        decades = decades[::-1][::step][::-1]
        plt.yticks([10.0 ** k for k in decades], [f"1e{k}" for k in decades])
        plt.xlabel("t (the loss is at t = T)")
        plt.ylabel("‖dL/dh_t‖")
        chart.refresh()

    # -- language model ---------------------------------------------------------------------
    def _lm_status(self, text: str | Text) -> None:
        self.query_one("#lstm-lm-status", Static).update(text)

    def action_train(self) -> None:
        corpus = getattr(self.app, "corpus", None)
        if corpus is None:
            self._message("no corpus: choose one in the Corpus pane first")
            return
        if self._training_kind is not None:
            self._message(f"the {self._training_kind.upper()} language model is already training "
                          "(x stops it)", level="note")
            return
        self._cancel = threading.Event()
        self._training_kind = self.kind
        self._loss, self._ppl = [], []
        self.query_one("#lstm-loss", Sparkline).data = []
        self.query_one("#lstm-ppl", Sparkline).data = []
        self._lm_status(f"training the {self.kind.upper()} language model on "
                        f"{getattr(corpus, 'name', 'the corpus')}: building the vocabulary "
                        "(the first run also loads torch)… x stops")
        self.query_one("#lstm-views", ContentSwitcher).current = "lstm-lm"
        self._train(self.kind, self.hidden_size, corpus, self._cancel)

    def is_training(self) -> bool:
        return self._training_kind is not None

    def stop_workers(self) -> None:
        self._cancel.set()

    def action_stop(self) -> None:
        if self._training_kind is None:
            self._message("nothing is training (t starts)", level="note")
            return
        self._cancel.set()
        self._lm_status("stopping…")

    @work(thread=True, exclusive=True, group="lm-trainer", exit_on_error=False)
    def _train(self, kind: str, hidden: int, corpus, cancel: threading.Event) -> None:
        """Build and train the language model; errors come back as one line (LMFinished)."""
        from engine.lm import LanguageModelSession, LMConfig

        session = None
        try:
            config = LMConfig(cell=kind, hidden=hidden, emb=LM_EMB, epochs=LM_EPOCHS)
            session = LanguageModelSession(config, corpus)
            if len(session.train_ids) < SMALL_CORPUS:
                # a lecture-sized corpus gives batch_size x bptt = 700 tokens one update an
                # epoch: small batches and many epochs let it learn in a second or two
                session = LanguageModelSession(LMConfig(
                    cell=kind, hidden=hidden, emb=LM_EMB, epochs=self.small_epochs, batch_size=4,
                    bptt=8, lr=1e-2), corpus)
            if cancel.is_set():
                session = None
            else:
                session.run(callback=lambda p: self.post_message(LMProgress(p)),
                            cancel_event=cancel)
        except (WordlabError, OSError) as err:
            # TrainingError (NaN loss): the session has restored its last good weights
            self.post_message(LMFinished(kind, session, cancel.is_set(), str(err)))
            return
        self.post_message(LMFinished(kind, session, cancel.is_set(), None))

    @on(LMProgress)
    def _lm_progress(self, event: LMProgress) -> None:
        p = event.progress
        if not self._loss and not self._ppl:         # the run's first report: torch is loaded
            freeze = getattr(self.app, "freeze_heap", None)
            if callable(freeze):
                freeze()
        if p.loss is not None and math.isfinite(p.loss):
            self._loss = (self._loss + [float(p.loss)])[-SPARK_WINDOW:]
            self.query_one("#lstm-loss", Sparkline).data = list(self._loss)
            self.query_one("#lstm-loss-label", Label).update(f"loss (cross-entropy) {p.loss:.3f}")
        if p.perplexity is not None and math.isfinite(p.perplexity):
            self._ppl = (self._ppl + [float(p.perplexity)])[-SPARK_WINDOW:]
            self.query_one("#lstm-ppl", Sparkline).data = list(self._ppl)
            self.query_one("#lstm-ppl-label", Label).update(
                f"perplexity exp(loss) {p.perplexity:.1f}")
        ppl = "" if p.perplexity is None else f"  perplexity {p.perplexity:.1f}"
        val = "" if p.val_perplexity is None else f"  val {p.val_perplexity:.1f}"
        self._lm_status(Text.assemble(
            (f"{(self._training_kind or self.kind).upper()} ", "bold"),
            f"epoch {p.epoch}/{p.epochs}  {p.fraction:.0%}  loss {p.loss:.3f}{ppl}{val}  "
            f"{p.rate:,.0f} tok/s  (x stops)"))

    @on(LMFinished)
    def _lm_finished(self, event: LMFinished) -> None:
        self._training_kind = None
        if event.error:
            self._message(event.error)
        if event.session is None or getattr(event.session, "last_progress", None) is None:
            self._lm_status(Text(event.error or "training stopped before the first update",
                                 style="bold" if event.error else "dim"))
            return
        try:
            self.trained[event.kind] = TrainedModel(event.session)
        except (WordlabError, OSError) as err:
            self._message(str(err))
            return
        self.use_trained = True
        self.kind = event.kind
        if event.error:
            state = "stopped by an error; the last good weights are kept"
        else:
            state = "stopped" if event.stopped else "finished"
        self._lm_status(Text.assemble(
            (f"{event.kind.upper()} ", "bold"),
            f"language model training {state}. The gate table shows the trained weights "
            "(w: fresh)."))
        self._rerun(keep_t=True)
        if event.error:
            self._message(event.error)       # after the rerun, which clears old notes

    def _render_predictions(self) -> None:
        text = self._predictions()
        self.query_one("#lstm-predict", Static).update(text)
        self.query_one("#lstm-predict-inline", Static).update(text)

    def _predictions(self) -> Text:
        session = self.trained.get(self.kind)
        if session is None or not self.tokens:
            return Text(f"next-word predictions: train the {self.kind.upper()} language model (t)",
                        style="dim")
        prefix = list(self.tokens.tokens[: self.t + 1])
        try:
            preds = session.predict_next(prefix, 5)
        except WordlabError as err:
            return Text(str(err))
        text = Text.assemble("next after ", (" ".join(prefix), "italic"), ":")
        for w, prob in preds:
            text.append(f" {w} ")
            text.append(f"{prob:.3f}", style="bold")
        return text

    # -- actions ----------------------------------------------------------------------------
    def action_time(self, delta: int) -> None:
        if not self.steps:
            self._message("no sentence to step through: press e and type one")
            return
        self.t = max(0, min(len(self.steps) - 1, self.t + delta))
        self._render_gates()
        self._render_predictions()

    def action_unit(self, delta: int) -> None:
        if not self.steps:
            return
        H = self.steps[self.t].h.shape[0]
        self.unit = max(0, min(min(H, MAX_UNITS) - 1, self.unit + delta))
        self._render_gates()

    def action_toggle_cell(self) -> None:
        self.kind = "rnn" if self.kind == "lstm" else "lstm"
        if self.use_trained and self.kind not in self.trained:
            self._message(f"no trained {self.kind.upper()} yet: showing fresh weights "
                          "(t trains one)", level="note")
        self._rerun(keep_t=True)

    def action_toggle_weights(self) -> None:
        if not self.use_trained and self.kind not in self.trained:
            self._message(f"no trained {self.kind.upper()} yet: press t to train the language "
                          "model", level="note")
            return
        self.use_trained = not self.use_trained
        self._rerun(keep_t=True)

    def action_edit(self) -> None:
        self.query_one("#lstm-views", ContentSwitcher).current = "lstm-gates"
        self.query_one("#lstm-sentence", Input).focus()

    def action_corpus_sentence(self) -> None:
        corpus = getattr(self.app, "corpus", None)
        if corpus is None:
            self._message("no corpus: choose one in the Corpus pane first")
            return
        try:
            if self._corpus_iter is None:
                self._corpus_iter = iter(corpus)
            sent = next(self._corpus_iter, None)
            if sent is None:
                self._corpus_iter = iter(corpus)
                sent = next(self._corpus_iter, None)
        except (WordlabError, OSError) as err:
            self._message(str(err))
            return
        if not sent:
            self._message("the corpus has no sentences")
            return
        self.sentence = " ".join(islice(sent, SENTENCE_MAX))
        self.query_one("#lstm-sentence", Input).value = self.sentence
        self._rerun()

    def action_view(self, name: str) -> None:
        self.query_one("#lstm-views", ContentSwitcher).current = f"lstm-{name}"
        if name == "flow":
            self._start_flow()
        if name == "lm":
            self._render_predictions()

    # -- inputs -----------------------------------------------------------------------------
    @on(Input.Submitted, "#lstm-sentence")
    def _sentence_submitted(self, event: Input.Submitted) -> None:
        self.sentence = event.value
        self._rerun()
        if self.steps:
            self.focus()

    @on(Input.Submitted, "#lstm-hidden")
    def _hidden_submitted(self, event: Input.Submitted) -> None:
        try:
            hidden = int(event.value)
        except ValueError:
            self._message(f"hidden size must be an integer (got {event.value!r})")
            return
        old = self.hidden_size
        self.hidden_size = hidden
        try:
            check_sizes(hidden)
        except WordlabError as err:
            self.hidden_size = old
            self._message(str(err))
            return
        self.trained.clear()
        self.use_trained = False
        self._build_fresh()
        self.focus()
