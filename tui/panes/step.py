"""Pane 4, Step: train Word2Vec one example at a time and read every number (issue 4).

For the current sentence, the training pairs the window produces (Skip-gram: centre -> context,
CBOW: context -> centre) as a table like the lecture's; for the example just trained, the whole
forward and backward pass of ``TrainingSession.step()``:

    one-hot x -> W_in row(s) -> h -> scores -> softmax (or sigmoids) -> loss -> dL/dh -> rows changed

Every number comes from the engine's ``StepTrace``; this module only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import DataTable, Label, Static

from engine.errors import WordlabError
from engine.word2vec import ARCHS, LOSSES
from tui.i18n import t
from tui.localize import Msg, binding, say
from tui.widgets.pane import FocusTarget, Pane

ARCH_NAMES = {"sg": "Skip-gram", "cbow": "CBOW"}
#: the output layers' names: the messages step.loss-name.<loss>
SPEEDS = (3.0, 2.0, 1.0, 0.5, 0.25, 0.1)   # seconds per example in auto-play
DEFAULT_SPEED = 2                            # 1 s
TOP_K = 8                                    # softmax rows shown for a big vocabulary
SHOW_ALL = 16                                # ... up to this V every word is shown (both lecture texts)
ONE_HOT_MAX = 24                             # spell out the one-hot vector up to this V
PAIRS_SHOWN = 40                             # rows of the pairs table around the current pair
SENTENCE_WORDS = 8                           # words shown either side of the centre word


@dataclass
class SessionReady(Message):
    """A step session was built in the background (or could not be)."""

    session: Any         # an engine.word2vec.stepping.StepSession, or None
    error: str | None
    generation: int


def fmt_p(v: float) -> str:
    """A probability or sigmoid: three decimals (0.083)."""
    return f"{v:.3f}"


def fmt_s(v: float) -> str:
    """A score or a vector entry: signed, four decimals; tiny non-zero values in e-notation."""
    if v == 0:
        return "0"
    if abs(v) < 1e-3:
        return f"{v:+.1e}"
    return f"{v:+.4f}"


class StepPane(Pane):
    """Tab 4: one training example at a time."""

    PANE_ID = "step"

    BINDINGS = [
        # Short labels, f/s off the footer: at 80 columns the footer had cut 'l loss', 'r reset'
        # and the app's own keys off its end.
        binding("n", "next_example", id="step.next"),
        binding("e", "repeat_example", id="step.again"),
        binding("N", "next_sentence", key_display="N", show=False, id="step.next_sentence"),
        binding("p", "autoplay", id="step.autoplay"),
        binding("f", "speed(1)", show=False, id="step.faster"),
        binding("s", "speed(-1)", show=False, id="step.slower"),
        binding("a", "toggle_arch", id="step.arch"),
        binding("l", "cycle_loss", id="step.loss"),
        binding("r", "reset", id="step.reset"),
        binding("down", "scroll_flow('down')", show=False, id="step.scroll_down"),
        binding("up", "scroll_flow('up')", show=False, id="step.scroll_up"),
        binding("pagedown", "scroll_flow('page_down')", show=False, id="step.page_down"),
        binding("pageup", "scroll_flow('page_up')", show=False, id="step.page_up"),
        binding("home", "scroll_flow('home')", show=False, id="step.top"),
        binding("end", "scroll_flow('end')", show=False, id="step.bottom"),
    ]

    def __init__(self, *, id: str | None = None, **kwargs) -> None:
        super().__init__(id=id, **kwargs)
        self.arch = "sg"
        self.loss = "softmax"
        self.session = None                 # an engine.word2vec.stepping.StepSession
        self.trace = None
        self.facts = None                   # engine.word2vec.stepping.StepFacts of ``trace``
        self.pairs: list[tuple[tuple[str, ...], str]] = []
        self.speed = DEFAULT_SPEED
        self._timer: Timer | None = None
        self._generation = 0
        self._inputs: tuple | None = None   # (corpus_gen, model_gen or None) the session is from
        self._weights: Any = ""             # "fresh weights (...)" / "a copy of the model in use"
        self._building = False
        self._pending = 0                   # n presses waiting for the session

    # -- layout ---------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield FocusTarget(id="step-config")
        yield Static(id="step-sentence")
        yield Static(id="step-key")
        yield Static(id="step-message")
        with Horizontal(id="step-body"):
            pairs = DataTable(id="step-pairs", cursor_type="row", zebra_stripes=False)
            pairs.can_focus = False
            yield pairs
            with VerticalScroll(id="step-flow"):
                yield Static(id="step-why")
                yield Static(id="step-input")
                yield Label("", id="step-out-title", classes="step-title")
                out = DataTable(id="step-out", cursor_type="none", zebra_stripes=False)
                out.can_focus = False
                yield out
                yield Static(id="step-loss")
                yield Label("", id="step-vec-title", classes="step-title")
                vec = DataTable(id="step-vec", cursor_type="none", zebra_stripes=False)
                vec.can_focus = False
                yield vec
                yield Static(id="step-changed")

    def on_mount(self) -> None:
        if hasattr(self.app, "state"):
            self.watch(self.app, "state", self._state_changed, init=False)
        self._rebuild()

    def action_scroll_flow(self, how: str) -> None:
        """Scroll the numbers column (the focus stays on the pane's one-line status: focusing
        the column itself restyled all its tables on every tab switch, ~50 ms)."""
        flow = self.query_one("#step-flow", VerticalScroll)
        getattr(flow, f"scroll_{how}")(animate=False)

    # -- the session ------------------------------------------------------------------------
    def _state(self):
        return getattr(self.app, "state", None)

    def _wanted(self) -> tuple:
        """What the session must be built from: the corpus's generation, and the model's when
        it was trained on that corpus (rule: never another corpus's vocabulary)."""
        state = self._state()
        if state is None:
            return (None, None)
        return (state.corpus_gen, state.model_gen if state.model_fits_corpus else None)

    def _state_changed(self, state) -> None:
        """A new corpus or model: rebuild when what the session is built from changed."""
        wanted = self._wanted()
        if wanted == self._inputs:
            label = self._weights_label(state)     # a model from another corpus: say so
            if label != self._weights:
                self._weights = label
                self._render_config()
            return
        model_arrived = wanted[1] is not None and wanted[1] != (self._inputs or (None, None))[1]
        if model_arrived:
            # step through the model with its own architecture and output layer
            self.arch, self.loss = state.model.config.arch, state.model.config.loss
        self._rebuild(force=False)
        if model_arrived and self.session is None and self._building:
            self.query_one("#step-key", Static).update(Text(t("step.model-arrived"), style="dim"))

    def _weights_label(self, state) -> Msg:
        if state is not None and state.model_fits_corpus:
            return Msg("step.weights.copy")
        if state is not None and state.model is not None and state.provenance is not None:
            return Msg("step.weights.fresh-model", corpus=state.provenance.corpus)
        if state is not None and state.vectors is not None:
            return Msg("step.weights.fresh-loaded")
        return Msg("step.weights.fresh")

    def _rebuild(self, force: bool = True) -> None:
        """A new step session (in a worker: building a big corpus's vocabulary takes time).

        ``force=False`` (the same corpus and model announced again) keeps the session."""
        wanted = self._wanted()
        if not force and wanted == self._inputs:
            return
        self._inputs = wanted
        self._stop_autoplay()
        self._generation += 1
        self._building = False
        self.session = None
        self.trace = None
        self.facts = None
        self.pairs = []
        state = self._state()
        corpus = getattr(state, "corpus", None)
        self._weights = self._weights_label(state)
        if corpus is None:
            self._message(Msg("step.no-corpus"))
            self._redraw()
            return
        model = state.model if state.model_fits_corpus else None
        min_count = (state.corpus_options or {}).get("min_count")   # the Corpus pane's choice
        self._message("")
        self.query_one("#step-key", Static).update(Text(t("step.preparing"), style="dim"))
        self._building = True
        self._build(corpus, model, self.arch, self.loss, min_count, self._generation)

    @work(thread=True, exclusive=True, group="step-session", exit_on_error=False)
    def _build(self, corpus, model, arch: str, loss: str, min_count, generation: int) -> None:
        from engine.word2vec.stepping import step_session

        try:
            session = step_session(corpus, arch=arch, loss=loss, model=model,
                                   corpus_name=getattr(corpus, "name", None),
                                   min_count=min_count)
        except (WordlabError, OSError) as err:
            self.post_message(SessionReady(None, str(err), generation))
            return
        self.post_message(SessionReady(session, None, generation))

    @on(SessionReady)
    def _session_ready(self, event: SessionReady) -> None:
        if event.generation != self._generation:
            return                      # a newer rebuild is under way
        self._building = False
        pending, self._pending = self._pending, 0
        if event.error:
            self._message(event.error)
            self.session = None
        else:
            self.session = event.session
            self.pairs = self.session.sentence_pairs()
        self._redraw()
        for _ in range(pending if self.session is not None else 0):
            self.action_next_example()      # n pressed while the session was being built

    # -- actions ------------------------------------------------------------------------------
    def _ready(self, queue: bool = False) -> bool:
        if self.session is None and self._building and queue:
            self._pending += 1
            self._message(Msg("step.queued", n=self._pending))
            return False
        if self.session is None and self._building:
            self._message(Msg("step.preparing"))
            return False
        if self.session is None:
            self._message(Msg("step.not-ready"))
            return False
        return True

    def action_next_example(self) -> None:
        if not self._ready(queue=True):
            return
        try:
            pairs = self.session.sentence_pairs()
            trace = self.session.step()
        except WordlabError as err:
            self._stop_autoplay()
            self._message(str(err))
            return
        self.pairs, self.trace, self.facts = pairs, trace, self.session.facts
        self._message("")
        self._redraw()

    def action_repeat_example(self) -> None:
        """Train the example just trained once more (same input, target, noise, lr)."""
        if not self._ready():
            return
        if not self.session.can_repeat():
            self._message(Msg("step.nothing-to-repeat"))
            return
        try:
            trace = self.session.repeat()
        except WordlabError as err:
            self._stop_autoplay()
            self._message(str(err))
            return
        self.trace, self.facts = trace, self.session.facts
        self._message("")
        self._redraw()

    def action_next_sentence(self) -> None:
        if not self._ready():
            return
        try:
            if self.trace is not None and self.session.peek().pair_index != 0:
                self.session.next_sentence()       # skip the rest of the sentence on screen
        except WordlabError as err:
            self._message(str(err))
            return
        self.action_next_example()

    def action_autoplay(self) -> None:
        if self._timer is not None:
            self._stop_autoplay()
        elif self._ready():
            self._start_autoplay()
        self._render_config()

    def _start_autoplay(self) -> None:
        self._timer = self.set_interval(SPEEDS[self.speed], self.action_next_example)

    def _stop_autoplay(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.is_mounted:
            self._render_config()

    def action_speed(self, delta: int) -> None:
        self.speed = max(0, min(len(SPEEDS) - 1, self.speed + delta))
        if self._timer is not None:
            self._timer.stop()
            self._start_autoplay()
        self._render_config()

    def action_toggle_arch(self) -> None:
        self.arch = ARCHS[(ARCHS.index(self.arch) + 1) % len(ARCHS)]
        self._rebuild()

    def action_cycle_loss(self) -> None:
        self.loss = LOSSES[(LOSSES.index(self.loss) + 1) % len(LOSSES)]
        self._rebuild()

    def action_reset(self) -> None:
        self._rebuild()

    def stop_workers(self) -> None:
        self._stop_autoplay()

    def on_hide(self) -> None:
        # auto-play trains the step session: it stops when the lecturer leaves the pane
        self._stop_autoplay()

    # -- rendering ---------------------------------------------------------------------------
    def _message(self, text: "str | Msg") -> None:
        msg = self.query_one("#step-message", Static)
        say(msg, text)
        msg.set_class(bool(text), "-shown")

    def relocalize(self) -> None:
        """Everything on screen drawn again from the same session and example (no step is
        taken)."""
        if self.session is None and self._building:
            self.query_one("#step-key", Static).update(Text(t("step.preparing"), style="dim"))
            self._render_config()
            return
        self._redraw()

    def _var(self, name: str, fallback: str) -> str:
        return self.app.get_css_variables().get(name, fallback)

    def _signed(self, text: str, v: float, strong: bool = False) -> Text:
        """A number coloured by sign (theme colours), bold when it is a change."""
        if v == 0:
            return Text(text, style="dim", justify="right")
        colour = self._var("success", "green") if v > 0 else self._var("error", "red")
        return Text(text, style=f"bold {colour}" if strong else colour, justify="right")

    def _redraw(self) -> None:
        self._render_config()
        self._render_sentence()
        self._render_key()
        self._render_pairs()
        self._render_flow()

    def _render_config(self) -> None:
        cfg = self.session.config if self.session is not None else None
        parts = Text.assemble((ARCH_NAMES[self.arch], "bold"), " · ",
                              (t(f"step.loss-name.{self.loss}"), "bold"))
        if cfg is not None:
            parts.append(f" · V={len(self.session.vocab)} d={cfg.dim} window={cfg.window}")
        if self._weights:
            parts.append(f" · {self._weights}")
        if self._timer is not None:
            parts.append(f" · ▶ {SPEEDS[self.speed]:g}s", style="bold")
        else:
            parts.append(" · " + t("step.auto", s=f"{SPEEDS[self.speed]:g}"), style="dim")
        self.query_one("#step-config", Static).update(parts)

    def _render_sentence(self) -> None:
        out = self.query_one("#step-sentence", Static)
        tr = self.trace
        if tr is None:
            if self.session is not None:
                nxt = self.session.peek()
                words = nxt.sentence[: 2 * SENTENCE_WORDS + 1]
                more = " …" if len(nxt.sentence) > len(words) else ""
                out.update(Text.assemble(t("step.sentence"), " ".join(words) + more,
                                         ("   " + t("step.first"), "dim")))
            else:
                out.update("")
            return
        text = Text(t("step.sentence"))
        lo = max(0, tr.position - SENTENCE_WORDS)
        hi = min(len(tr.sentence), tr.position + SENTENCE_WORDS + 1)
        if lo > 0:
            text.append("… ", style="dim")
        for k in range(lo, hi):
            w = tr.sentence[k]
            text.append(w, style="reverse bold" if k == tr.position else "")
            text.append(" ")
        if hi < len(tr.sentence):
            text.append("… ", style="dim")
        text.append("  " + t("step.where", epoch=tr.epoch, example=tr.example + 1,
                              lr=f"{tr.lr:.4g}"), style="dim")
        out.update(text)

    def _target_probability(self, tr) -> float | None:
        if tr.probs is not None:
            return float(tr.probs[tr.word_id])
        return None

    def _render_key(self) -> None:
        """The numbers that must be visible without scrolling: input, target, p, loss."""
        out = self.query_one("#step-key", Static)
        tr = self.trace
        if tr is None:
            out.update(Text("" if self.session is None else t("step.none-yet"), style="dim"))
            return
        accent = self._var("accent", "magenta")
        text = Text.assemble((" ".join(tr.input_words), "bold"), " → ",
                             (tr.word, f"bold {accent}"), "   ")
        p = self._target_probability(tr)
        if p is not None:
            text.append(f"p({tr.word}) = ")
            text.append(fmt_p(p), style="bold")
        else:
            true_rows = [k for k, y in enumerate(tr.labels) if y == 1]
            if tr.loss_kind == "neg" and true_rows:
                text.append(f"σ(s_{tr.word}) = ")
                text.append(fmt_p(float(tr.sigmoids[true_rows[0]])), style="bold")
            else:
                text.append(t("step.nodes", n=len(tr.target_ids)))
        text.append("   " + t("step.loss") + " = ")
        text.append(f"{tr.loss:.4f}", style="bold")
        facts = self.facts
        if facts is not None and facts.passes > 1:
            text.append("   " + t("step.pass", n=facts.passes), style="bold")
        elif facts is not None and facts.w_out_was_zero:
            every = "p = 1/V" if tr.loss_kind == "softmax" else "σ = 0.5"
            text.append("   " + t("step.every", every=every), style="dim")
        out.update(text)

    def _render_pairs(self) -> None:
        table = self.query_one("#step-pairs", DataTable)
        if self.arch == "sg" and not self._context_in():
            first, second = (t("step.centre"), t("step.context"))
        else:
            first, second = (t("step.context"), t("step.centre"))
        table.clear(columns=True)
        table.add_column(" ", key="mark", width=1)
        table.add_column(first, key="in", width=11)      # long words and contexts are cropped:
        table.add_column(second, key="out", width=8)     # the key line shows them in full
        done = self.trace.pair_index if self.trace is not None else -1
        # a long sentence (a text8 chunk) has thousands of pairs: show those around the current
        start = max(0, min(done - PAIRS_SHOWN // 4, len(self.pairs) - PAIRS_SHOWN))
        stop = min(len(self.pairs), start + PAIRS_SHOWN)
        if start > 0:
            table.add_row("", Text(t("step.earlier", n=start), style="dim"), "", key="earlier")
        for k in range(start, stop):
            inputs, target = self.pairs[k]
            mark = "✓" if k < done else ("▶" if k == done else "")
            table.add_row(mark, " ".join(inputs), target, key=str(k))
        if stop < len(self.pairs):
            table.add_row("", Text(t("step.more", n=len(self.pairs) - stop), style="dim"), "",
                          key="more")
        if 0 <= done < len(self.pairs):
            table.move_cursor(row=table.get_row_index(str(done)))
        table.show_cursor = done >= 0

    def _render_flow(self) -> None:
        tr = self.trace
        inp = self.query_one("#step-input", Static)
        out_title = self.query_one("#step-out-title", Label)
        out = self.query_one("#step-out", DataTable)
        loss = self.query_one("#step-loss", Static)
        vec_title = self.query_one("#step-vec-title", Label)
        vec = self.query_one("#step-vec", DataTable)
        changed = self.query_one("#step-changed", Static)
        why = self.query_one("#step-why", Static)
        if tr is None:
            for w in (why, inp, loss, changed):
                w.update("")
            out_title.update("")
            vec_title.update("")
            out.clear(columns=True)
            vec.clear(columns=True)
            return
        words = self.session.vocab.words
        V = len(words)
        why.update(self._why_text(tr))
        # 1-2: one-hot in, W_in row(s) out
        text = Text()
        for row, w, i in zip(tr.one_hot, tr.input_words, tr.input_ids):
            text.append("x = one-hot(")
            text.append(w, style="bold")
            text.append(") = ")
            if V <= ONE_HOT_MAX:
                text.append("[")
                for k, v in enumerate(row):
                    text.append(("" if k == 0 else " ") + str(int(v)),
                                style="bold reverse" if v else "dim")
                text.append("]")
            else:
                text.append(t("step.one-at", i=i, V=V))
            text.append("\n")
        if len(tr.input_words) == 1:
            text.append(f"h = x · W_in = W_in[{tr.input_words[0]}]  (d = {len(tr.h)})")
        else:
            how = t("step.mean") if self.session.config.cbow_mean else t("step.sum")
            text.append(t("step.h-of", how=how, words=", ".join(tr.input_words), d=len(tr.h)))
        inp.update(text)
        # 3: scores -> softmax / sigmoids
        self._render_outputs(tr, out_title, out, words)
        # 4: loss
        loss.update(self._loss_text(tr))
        # 5: vectors: h, dL/dh and the changed rows
        self._render_vectors(tr, vec_title, vec, words)
        changed.update(self._changed_text(tr, words))

    def _context_in(self) -> bool:
        """Whether the engine's Skip-gram takes the context word in (word2vec.c's loop) or
        the centre word (the lecture's drawing): read from the example, not assumed."""
        try:
            ex = self.trace if self.trace is not None else (
                self.session.peek() if self.session is not None else None)
        except WordlabError:
            return True
        if ex is None or not 0 <= ex.position < len(ex.sentence):
            return True
        return ex.word == ex.sentence[ex.position] and ex.input_words != [ex.word]

    def _why_text(self, tr) -> Text:
        """Why the numbers below are what they are: the direction, the dynamic window, the
        noise draws, weights still at their start (from ``StepFacts``; no math here)."""
        facts = self.facts
        text = Text(style="dim")
        centre = tr.sentence[tr.position] if 0 <= tr.position < len(tr.sentence) else tr.word
        if tr.arch == "sg":
            if self._context_in():
                text.append(t("step.why.sg-c") + "\n")
            else:
                text.append(t("step.why.sg-lecture") + "\n")
        window = self.session.config.window
        if facts is not None and facts.centre_examples is not None:
            n = facts.centre_examples
            what = t(f"step.what.{tr.arch}.{'one' if n == 1 else 'many'}", n=n)
            if facts.effective_window is not None and facts.effective_window < window:
                b = window - facts.effective_window
                text.append(t("step.why.window-b", window=window, b=b, centre=centre,
                              effective=facts.effective_window, what=what) + "\n")
            elif facts.effective_window is not None:
                text.append(t("step.why.window-0", window=window, centre=centre, what=what) + "\n")
            else:
                text.append(t("step.why.window-end", window=window, centre=centre, what=what)
                            + "\n")
        if facts is not None and (facts.noise_skipped or facts.noise_repeated):
            k = self.session.config.negative
            if facts.noise_skipped:
                one = "one" if facts.noise_skipped == 1 else "many"
                text.append(t(f"step.why.skipped.{one}", k=k, n=facts.noise_skipped, word=tr.word)
                            + " ")
            if facts.noise_repeated:
                text.append(t("step.why.twice", words=", ".join(facts.noise_repeated)))
            text.append("\n")
        if facts is not None and facts.w_out_was_zero:
            text.append(t("step.why.zero") + "\n")
        elif facts is not None and facts.h_initial:
            words = list(dict.fromkeys(tr.input_words))
            if len(words) == 1:
                text.append(t("step.why.h-initial", word=words[0]) + "\n")
            else:
                text.append(t("step.why.rows-initial", words=", ".join(words)) + "\n")
        text.rstrip()
        return text

    def _render_outputs(self, tr, title: Label, table: DataTable, words) -> None:
        accent = self._var("accent", "magenta")
        table.clear(columns=True)
        if tr.loss_kind == "softmax":
            V = len(tr.probs)
            # rows in vocabulary order, never re-sorted by score: a row stays where it was
            # from one example to the next (sorted rows jumped about); a big vocabulary
            # shows its top K and the target, still in vocabulary order
            if V > SHOW_ALL:
                top = np.argsort(-tr.probs, kind="stable")[:TOP_K]
                shown = sorted({int(k) for k in top} | {tr.word_id})
            else:
                shown = list(range(V))
            title.update(t("step.softmax-title", V=V)
                         + (t("step.top", k=TOP_K) if V > SHOW_ALL else ""))
            table.add_column(t("step.col.word"), key="word")
            table.add_column("y", key="y")
            table.add_column(t("step.col.score"), key="score")
            table.add_column("softmax p", key="p")
            for k in shown:
                target = k == tr.word_id
                style = f"bold {accent}" if target else ""
                table.add_row(Text(words[k], style=style), "1" if target else "0",
                              Text(fmt_s(float(tr.scores[k])), justify="right"),
                              Text(fmt_p(float(tr.probs[k])), style=style, justify="right"),
                              key=str(k))
            return
        if tr.loss_kind == "neg":
            k = self.session.config.negative
            drawn = len(tr.target_ids) - 1
            note = t("step.drew-target", k=k, n=k - drawn) if drawn != k else ""
            title.update(t("step.noise-title", n=drawn, note=note))
            first = t("step.col.word")
        else:
            title.update(t("step.huffman-title", word=tr.word))
            first = t("step.col.node")
        table.add_column(first, key="word")
        table.add_column(t("step.col.label"), key="y")
        table.add_column(t("step.col.score"), key="score")
        table.add_column("σ", key="p")
        for k, (name, y) in enumerate(zip(tr.target_words, tr.labels)):
            style = f"bold {accent}" if (tr.loss_kind == "neg" and y == 1) else ""
            table.add_row(Text(name, style=style), str(int(y)),
                          Text(fmt_s(float(tr.scores[k])), justify="right"),
                          Text(fmt_p(float(tr.sigmoids[k])), style=style, justify="right"),
                          key=str(k))

    def _loss_text(self, tr) -> Text:
        text = Text("")
        if tr.loss_kind == "softmax":
            p = self._target_probability(tr)
            text.append(f"L = -ln p({tr.word}) = -ln {fmt_p(p)} = ")
        elif tr.loss_kind == "neg":
            text.append("L = -ln σ(s_target) - Σ ln σ(-s_noise) = ")
        else:
            text.append(t("step.loss-hs"))
        text.append(f"{tr.loss:.4f}", style="bold")
        return text

    def _render_vectors(self, tr, title: Label, table: DataTable, words) -> None:
        in_rows = list(tr.W_in_delta.items())
        out_key = tr.word_id if tr.word_id in tr.W_out_delta else next(iter(tr.W_out_delta), None)
        if tr.loss_kind == "hs":
            out_name = t("step.node", i=out_key) if out_key is not None else ""
        else:
            out_name = words[out_key] if out_key is not None else ""
        # short headers (the table must fit beside the pairs at 80 columns); the title names rows.
        # CBOW gives every context row the same change (word2vec.c): then one column says it all
        same = len(in_rows) > 1 and all(np.array_equal(d, in_rows[0][1]) for _, d in in_rows)
        if same:
            cols = [("ΔW_in", in_rows[0][1])]
            names = [t("step.each-of", rows=", ".join(f"W_in[{words[i]}]" for i, _ in in_rows))]
        else:
            cols = [(f"ΔW_in{'' if len(in_rows[:2]) == 1 else k + 1}", d)
                    for k, (_, d) in enumerate(in_rows[:2])]
            names = [f"{label}: W_in[{words[i]}]" for (label, _), (i, _) in zip(cols, in_rows)]
        if out_key is not None:
            names.append(f"ΔW_out: W_out[{out_name}]")
        title.update(Text(t("step.changes") + "\n" + "\n".join(names)))
        table.clear(columns=True)
        table.add_column("j", key="j")
        table.add_column("h", key="h")
        table.add_column("dL/dh", key="grad")
        for k, (label, _) in enumerate(cols):
            table.add_column(label, key=f"in{k}")
        if out_key is not None:
            table.add_column("ΔW_out", key="out")
        with self.app.batch_update():
            for j in range(len(tr.h)):
                cells = [str(j), self._signed(fmt_s(float(tr.h[j])), float(tr.h[j])),
                         self._signed(fmt_s(float(tr.grad_h[j])), float(tr.grad_h[j]))]
                for _, delta in cols:
                    cells.append(self._signed(fmt_s(float(delta[j])), float(delta[j]), True))
                if out_key is not None:
                    d = float(tr.W_out_delta[out_key][j])
                    cells.append(self._signed(fmt_s(d), d, True))
                table.add_row(*cells, key=str(j))

    def _changed_text(self, tr, words) -> Text:
        def names(ids, node: bool) -> str:
            ids = list(ids)
            shown = [t("step.node", i=i) if node else words[i] for i in ids[:6]]
            more = t("step.plus-more", n=len(ids) - 6) if len(ids) > 6 else ""
            return ", ".join(shown) + more

        moved_in = [i for i, d in tr.W_in_delta.items() if np.any(d != 0)]
        text = Text(t("step.rows-changed"), style="bold")
        if moved_in:
            text.append("W_in[" + names(moved_in, False) + "]")
        elif self.facts is not None and self.facts.w_out_was_zero:
            text.append(t("step.none-zero"))
        else:
            text.append(t("step.none-grad"))
        text.append("  W_out[" + names(tr.W_out_delta, tr.loss_kind == "hs") + "]")
        if tr.loss_kind == "softmax":
            text.append("  " + t("step.every-row"), style="dim")
        return text
