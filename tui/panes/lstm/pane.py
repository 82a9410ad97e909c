"""The LSTM pane (tab 7): the sentence, the cell and the time step, and four views of them.

Views (one at a time, keys g / k / d / m), each a widget of its own in this package:
- ``GateView`` (gates.py): one row per hidden unit (f, i, C~, C, o, h at step t) beside the
  equations filled in with the selected unit's numbers;
- ``LectureView`` (lecture.py): the lecture's worked forget/input gate tables, exactly;
- ``FlowView`` (flow.py): ||dL/dh_t|| against t for an RNN and an LSTM, log scale;
- ``LMView`` (lm.py): the language model's training (loss, perplexity beside the unigram
  baseline) and next-word predictions for the sentence so far.

The pane holds what the views share: the sentence, the cell (RNN/LSTM), t, the selected unit,
fresh or trained weights.  It keeps no copy of the corpus or of the language model: both are
read from ``app.state`` (tui/state.py), and when the state's generation numbers change the
pane redraws what was computed from them.  A trained language model goes to the app with
``app.set_language_model`` and its ``Provenance`` (which corpus, which settings, how far).

No arithmetic here: every number comes from the engine (engine/gateview.py, lstm.py, rnn.py,
presets.py, gradflow.py, lm.py).
"""

from __future__ import annotations

import threading
from itertools import islice

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ContentSwitcher, Input, Label, Static

from engine.errors import WordlabError
from engine.gateview import UNK, FreshModel, TrainedModel, check_sizes, run_cell
from tui.panes.lstm.common import (DEFAULT_SENTENCE, SENTENCE_MAX, STATUS_WORDS, LMFinished,
                                   LMProgress, LMStarted)
from tui.panes.lstm.flow import FlowView
from tui.panes.lstm.gates import GateView
from tui.panes.lstm.lecture import LectureView
from tui.panes.lstm.lm import LMView
from tui.i18n import t
from tui.localize import Msg, binding, say, tr
from tui.state import Provenance
from tui.widgets.pane import FocusTarget, Pane

VIEWS = ("gates", "lecture", "flow", "lm")


class LSTMPane(Pane):
    """Tab 7: RNN / LSTM gates step by step, the lecture's tables, gradient flow, language model."""

    PANE_ID = "lstm"
    small_epochs: int | None = None   # epochs on a lecture-sized corpus (None: the engine's choice)
    BINDINGS = [
        # ←/→ are not in the footer (the gate legend says "←→ t"): at 80 columns the footer
        # then has room for every view key and t (train)
        binding("left", "time(-1)", id="lstm.back", show=False),
        binding("right", "time(1)", id="lstm.forward", show=False),
        binding("up", "move('up')", id="lstm.unit_up", show=False),
        binding("down", "move('down')", id="lstm.unit_down", show=False),
        binding("pageup", "move('pageup')", id="lstm.page_up", show=False),
        binding("pagedown", "move('pagedown')", id="lstm.page_down", show=False),
        binding("home", "move('home')", id="lstm.home", show=False),
        binding("end", "move('end')", id="lstm.end", show=False),
        binding("c", "toggle_cell", id="lstm.cell"),
        binding("w", "toggle_weights", id="lstm.weights"),
        binding("e", "edit", id="lstm.edit"),
        binding("s", "corpus_sentence", id="lstm.corpus_sentence", show=False),
        binding("g", "view('gates')", id="lstm.view_gates", show=False),
        binding("k", "view('lecture')", id="lstm.view_lecture"),
        binding("d", "view('flow')", id="lstm.view_flow"),
        binding("m", "view('lm')", id="lstm.view_lm"),
        binding("t", "train", id="lstm.train"),
        binding("x", "stop", id="lstm.stop", show=False),
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
        self._corpus_iter = None
        self._cancel = threading.Event()
        self._training_kind: str | None = None
        self._corpus_gen: int | None = None      # the corpus the sentence and fresh model are from
        self._lm_gen: int | None = None          # the language model the trained view is from
        self._trained_model: TrainedModel | None = None

    # -- layout ---------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="lstm-inputs"):
            yield tr(Label("", classes="lstm-label"), "lstm.sentence")
            yield tr(Input(self.sentence, id="lstm-sentence"), "lstm.sentence.placeholder")
            yield Label(" H ", classes="lstm-label")
            yield Input(str(self.hidden_size), id="lstm-hidden", type="integer",
                        tooltip=t("lstm.hidden.tip"))
        yield FocusTarget(id="lstm-status")
        yield Static(id="lstm-message")
        with ContentSwitcher(initial="lstm-gates", id="lstm-views"):
            yield GateView(id="lstm-gates")
            yield LectureView(id="lstm-lecture")
            yield FlowView(id="lstm-flow")
            yield LMView(id="lstm-lm")

    def on_mount(self) -> None:
        self.watch(self.app, "state", self._state_changed, init=False)
        self._lm_view.set_status(Msg("lstm.not-trained"))
        self._state_changed(self.app.state)

    def relocalize(self) -> None:
        """The status, the gate view's equations and legend and the predictions, in the new
        language (the sentence, t, the unit and a training run are kept)."""
        self.query_one("#lstm-hidden", Input).tooltip = t("lstm.hidden.tip")
        self._render_gates()
        self._render_predictions()

    @property
    def _gates(self) -> GateView:
        return self.query_one(GateView)

    @property
    def _lm_view(self) -> LMView:
        return self.query_one(LMView)

    @property
    def view(self) -> str:
        return (self.query_one("#lstm-views", ContentSwitcher).current or "lstm-gates")[5:]

    # -- the app's state ----------------------------------------------------------------------
    def _state_changed(self, state) -> None:
        """Redraw what was computed from a corpus or a language model that has changed."""
        corpus_changed = state.corpus_gen != self._corpus_gen
        lm_changed = state.lm_gen != self._lm_gen
        if not (corpus_changed or lm_changed):
            return
        if lm_changed:
            self._lm_gen = state.lm_gen
            self._trained_model = None
            if state.lm is not None:
                try:
                    self._trained_model = TrainedModel(state.lm)
                except (WordlabError, OSError) as err:
                    self._message(str(err))
            if self._trained_model is None:
                self.use_trained = False
        if corpus_changed:
            self._corpus_gen = state.corpus_gen
            self._corpus_iter = None
            if not state.lm_fits_corpus:
                self.use_trained = False      # fresh weights over the new corpus's words
            self._new_corpus(state.corpus)
            if state.lm is not None and not state.lm_fits_corpus and not lm_changed:
                provenance, name = state.lm_provenance, state.corpus_name
                self._lm_view.set_status(lambda: Text.assemble(
                    t("lstm.kept"), (provenance.label() if provenance else t("lstm.earlier"),
                                     "bold"),
                    t("lstm.kept.not-on", corpus=name)))
            elif state.lm is None and not self.is_training():
                self._lm_view.reset()
                self._lm_view.set_status(Msg("lstm.not-trained"))
        else:
            self._rerun(keep_t=True)

    def _new_corpus(self, corpus) -> None:
        """The sentence and the fresh model come from the corpus now open."""
        sentences = []
        if corpus is not None:
            try:
                first = next(iter(corpus), None)
                sentences = corpus
                if first:
                    self.sentence = " ".join(islice(first, SENTENCE_MAX))
                    self.query_one("#lstm-sentence", Input).value = self.sentence
            except (WordlabError, OSError) as err:
                self._message(str(err))
                sentences = []
        self._build_fresh(sentences)

    def _build_fresh(self, sentences=None) -> None:
        if sentences is None:
            sentences = self.app.state.corpus
            sentences = [] if sentences is None else sentences
        try:
            self.fresh = FreshModel.from_sentences(sentences, hidden_size=self.hidden_size)
        except (WordlabError, OSError) as err:
            self._message(str(err))
            return
        self._rerun()

    @property
    def trained(self) -> dict[str, TrainedModel]:
        """The app's language model (as the gate table reads it), by cell kind."""
        m = self._trained_model
        return {} if m is None else {m.kind: m}

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
            self._render_predictions()
            return
        self.tokens, self.steps = tokens, steps
        self.t = min(self.t, len(steps) - 1) if keep_t else 0
        self.unit = min(self.unit, model.cell(self.kind).hidden_size - 1)
        if tokens.unknown:
            unknown = ", ".join(repr(tokens.typed[k]) for k in tokens.unknown)
            self._message(Msg("lstm.unknown", unk=UNK, words=unknown), level="note")
        else:
            self._message("")
        self._render_gates()
        self._render_predictions()

    # -- rendering ---------------------------------------------------------------------------
    def _message(self, text: "str | Msg", level: str = "error") -> None:
        msg = self.query_one("#lstm-message", Static)
        say(msg, text)
        msg.set_class(bool(text), "-shown")
        msg.set_class(level == "note", "-note")

    def _render_status(self) -> None:
        status = self.query_one("#lstm-status", Static)
        model = self._model()
        if not self.steps or model is None or self.tokens is None:
            status.update(Text(t("lstm.no-sentence", kind=self.kind.upper()), style="dim"))
            return
        weights = t("lstm.trained" if getattr(model, "trained", False) else "lstm.fresh")
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
            (f"t={self.t}/{len(self.steps) - 1} ", "bold"), words, no_wrap=True,
            overflow="ellipsis"))

    def _render_gates(self) -> None:
        self._render_status()
        if not self.steps:
            self._gates.clear(self.kind)
            return
        self._gates.show(self.kind, self.steps, self.tokens, self.t, self.unit,
                         self._model().cell(self.kind))

    def _render_predictions(self) -> None:
        text = self._predictions()
        self._lm_view.show_predictions(text)
        self._gates.show_predictions(text)

    def _predictions(self) -> Text:
        model = self.trained.get(self.kind)
        if not self.steps or not self.tokens:
            return Text(t("lstm.predict.no-sentence"), style="dim")
        if model is None and self._training_kind == self.kind:
            return Text(t("lstm.predict.training", kind=self.kind.upper()), style="dim")
        if model is None:
            return Text(t("lstm.predict.train", kind=self.kind.upper()), style="dim")
        prefix = list(self.tokens.tokens[: self.t + 1])
        try:
            preds = model.predict_next(prefix, 5)
        except WordlabError as err:
            return Text(str(err))
        before, _, after = t("lstm.predict.after", prefix="\0").partition("\0")
        text = Text.assemble(before, (" ".join(prefix), "italic"), after)
        for w, prob in preds:
            text.append(f" {w} ")
            text.append(f"{prob:.3f}", style="bold")
        state = self.app.state
        if state.lm is not None and not state.lm_fits_corpus and state.lm_provenance is not None:
            text.append("\n" + t("lstm.predict.other", label=state.lm_provenance.label(),
                                  corpus=state.corpus_name), style="dim")
        return text

    # -- language model ---------------------------------------------------------------------
    def action_train(self) -> None:
        state = self.app.state
        corpus = state.corpus
        if corpus is None:
            self._message(Msg("lstm.no-corpus"))
            return
        if self._training_kind is not None:
            self._message(Msg("lstm.already", kind=self._training_kind.upper()), level="note")
            return
        self._cancel = threading.Event()
        self._training_kind = self.kind
        self._lm_view.reset()
        self._lm_view.set_status(Msg("lstm.starting", kind=self.kind.upper(),
                                     corpus=getattr(corpus, "name", None) or Msg("lstm.the-corpus")))
        self.query_one("#lstm-views", ContentSwitcher).current = "lstm-lm"
        self._render_predictions()
        self._train(self.kind, self.hidden_size, corpus, self._cancel,
                    getattr(corpus, "name", "the corpus"), state.corpus_gen)

    def is_training(self) -> bool:
        return self._training_kind is not None

    def stop_workers(self) -> None:
        self._cancel.set()

    def action_stop(self) -> None:
        if self._training_kind is None:
            self._message(Msg("lstm.nothing-training"), level="note")
            return
        self._cancel.set()
        self._lm_view.set_status(Msg("lstm.stopping"))

    @work(thread=True, exclusive=True, group="lm-trainer", exit_on_error=False)
    def _train(self, kind: str, hidden: int, corpus, cancel: threading.Event, name: str,
               corpus_gen: int) -> None:
        """Build and train the language model; errors come back as one line (LMFinished)."""
        from engine.lm import LanguageModelSession

        session = None
        try:
            # the engine chooses the schedule for the corpus's size (engine.lm.LMConfig.for_corpus)
            session = LanguageModelSession.for_corpus(corpus, cell=kind, hidden=hidden,
                                                      small_epochs=self.small_epochs)
            try:
                unigram = session.unigram_perplexity()
            except WordlabError:
                unigram = None
            self.post_message(LMStarted(kind, session.config, len(session.train_ids),
                                        len(session.vocab), unigram))
            if cancel.is_set():
                session = None
            else:
                session.run(callback=lambda p: self.post_message(LMProgress(p)),
                            cancel_event=cancel)
        except (WordlabError, OSError) as err:
            # TrainingError (NaN loss): the session has restored its last good weights
            self.post_message(LMFinished(kind, session, cancel.is_set(), str(err), name,
                                         corpus_gen))
            return
        self.post_message(LMFinished(kind, session, cancel.is_set(), None, name, corpus_gen))

    @on(LMStarted)
    def _lm_started(self, event: LMStarted) -> None:
        view = self._lm_view
        view.unigram = event.unigram
        cfg = event.config
        view.set_status(lambda: Text.assemble(
            (f"{event.kind.upper()} ", "bold"),
            t("lstm.started", hidden=cfg.hidden, emb=cfg.emb, tokens=event.tokens,
              V=event.vocab, epochs=cfg.epochs,
              base="" if event.unigram is None else t("lstm.started.unigram",
                                                      ppl=event.unigram))))

    @on(LMProgress)
    def _lm_progress(self, event: LMProgress) -> None:
        if not self._lm_view.has_points:        # the run's first report: torch is loaded
            freeze = getattr(self.app, "freeze_heap", None)
            if callable(freeze):
                freeze()
        self._lm_view.progress(self._training_kind or self.kind, event.progress)

    @on(LMFinished)
    def _lm_finished(self, event: LMFinished) -> None:
        self._training_kind = None
        if event.error:
            self._message(event.error)
        p = getattr(event.session, "last_progress", None) if event.session is not None else None
        if p is None:
            error = event.error
            self._lm_view.set_status(lambda: Text(error or t("lstm.stopped-early"),
                                                  style="bold" if error else "dim"))
            return
        if event.error:
            origin, state = "failed", "lstm.end.failed"
        elif event.stopped or not p.finished:
            origin, state = "stopped", "lstm.end.stopped"
        else:
            origin, state = "trained", "lstm.end.finished"
        epochs = p.epochs if origin == "trained" else p.epochs * p.fraction
        provenance = Provenance(origin, corpus=event.corpus, corpus_gen=event.corpus_gen,
                                config=event.session.config, epochs=epochs)
        fits = event.corpus_gen == self.app.state.corpus_gen
        if fits:
            self.kind = event.kind
            self.use_trained = True
        self.app.set_language_model(event.session, provenance)
        self._state_changed(self.app.state)       # no-op if the watcher already ran
        if fits:
            self._rerun(keep_t=True)
        unigram, name, kind = self._lm_view.unigram, self.app.state.corpus_name, event.kind

        def status() -> Text:
            figures = []
            if p.val_perplexity is not None:
                figures.append(t("lstm.end.held-out", ppl=p.val_perplexity))
            if unigram is not None:
                figures.append(t("lstm.end.unigram", ppl=unigram))
            figures.append(t("lstm.end.fits") if fits else t("lstm.end.not-on", corpus=name))
            return Text.assemble((f"{kind.upper()} ", "bold"), f"{t(state)}: {provenance.label()}\n",
                                 " · ".join(figures))

        self._lm_view.set_status(status)
        if event.error:
            self._message(event.error)       # after the rerun, which clears old notes

    # -- actions ----------------------------------------------------------------------------
    def action_time(self, delta: int) -> None:
        if not self.steps:
            self._message(Msg("lstm.no-steps"))
            return
        self.t = max(0, min(len(self.steps) - 1, self.t + delta))
        self._render_gates()
        self._render_predictions()

    def action_move(self, how: str) -> None:
        """Up/down/page keys: scroll the lecture tables, or select a unit in the gate table."""
        view = self.view
        if view == "lecture":
            self.query_one(LectureView).scroll(how)
            return
        if view != "gates" or not self.steps:
            return
        from tui.panes.lstm.common import MAX_UNITS

        H = self.steps[self.t].h.shape[0]
        last = min(H, MAX_UNITS) - 1
        target = {"up": self.unit - 1, "down": self.unit + 1, "pageup": 0, "home": 0,
                  "pagedown": last, "end": last}[how]
        self.unit = max(0, min(last, target))
        self._render_gates()

    def action_unit(self, delta: int) -> None:
        self.action_move("down" if delta > 0 else "up")

    def action_toggle_cell(self) -> None:
        self.kind = "rnn" if self.kind == "lstm" else "lstm"
        if self.use_trained and self.kind not in self.trained:
            self._message(Msg("lstm.no-trained.fresh", kind=self.kind.upper()), level="note")
        self._rerun(keep_t=True)

    def action_toggle_weights(self) -> None:
        if not self.use_trained and self.kind not in self.trained:
            self._message(Msg("lstm.no-trained", kind=self.kind.upper()), level="note")
            return
        self.use_trained = not self.use_trained
        self._rerun(keep_t=True)
        state = self.app.state
        if self.use_trained and not state.lm_fits_corpus and state.lm_provenance is not None:
            self._message(Msg("lstm.trained-other", label=state.lm_provenance.label(),
                              corpus=state.corpus_name, unk=UNK), level="note")

    def action_edit(self) -> None:
        self.query_one("#lstm-views", ContentSwitcher).current = "lstm-gates"
        self.query_one("#lstm-sentence", Input).focus()

    def action_corpus_sentence(self) -> None:
        corpus = self.app.state.corpus
        if corpus is None:
            self._message(Msg("lstm.no-corpus"))
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
            self._message(Msg("lstm.no-sentences"))
            return
        self.sentence = " ".join(islice(sent, SENTENCE_MAX))
        self.query_one("#lstm-sentence", Input).value = self.sentence
        self._rerun()

    def action_view(self, name: str) -> None:
        self.query_one("#lstm-views", ContentSwitcher).current = f"lstm-{name}"
        if name == "flow":
            self.query_one(FlowView).start()
        if name == "lm":
            self._render_predictions()

    # -- inputs -----------------------------------------------------------------------------
    @on(Input.Submitted, "#lstm-sentence")
    def _sentence_submitted(self, event: Input.Submitted) -> None:
        self.sentence = event.value
        self._rerun()
        if self.steps:
            self.focus_default()

    @on(Input.Submitted, "#lstm-hidden")
    def _hidden_submitted(self, event: Input.Submitted) -> None:
        try:
            hidden = int(event.value)
        except ValueError:
            self._message(Msg("lstm.hidden.int", got=repr(event.value)))
            return
        try:
            check_sizes(hidden)
        except WordlabError as err:
            self._message(str(err))
            return
        self.hidden_size = hidden
        self.use_trained = False     # the trained model has its own H; t trains one of this H
        self._build_fresh()
        self.focus_default()
