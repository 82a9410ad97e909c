"""Pane 3, Train: the hyper-parameter form, one training worker, live loss, save and load."""

from __future__ import annotations

import threading
from dataclasses import fields as dc_fields
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, ProgressBar, Select, Static

from engine.names import ARCHS as ENGINE_ARCHS
from engine.names import LOSSES as ENGINE_LOSSES
from tui.messages import (TrainingFailed, TrainingFinished, TrainingProgress, TrainingStarted,
                          TrainingStatus)
from tui.state import Provenance
from tui.widgets.dialogs import PathScreen
from tui.widgets.pane import FocusTarget, Pane
from tui.widgets.plots import Plot
from tui.widgets.sparkline import LossSparkline

#: the form's text fields: (config field, label, parser)
NUMBER_FIELDS: list[tuple[str, str, type]] = [
    ("dim", "dim", int),
    ("window", "window", int),
    ("negative", "negative", int),
    ("epochs", "epochs", int),
    ("alpha", "alpha", float),
    ("min_count", "min_count", int),
    ("sample", "sample", float),
    ("seed", "seed", int),
    ("x_max", "x_max", float),
    ("eta", "eta", float),
]
#: the fields only one model uses (hidden while the other is chosen)
WORD2VEC_ONLY = {"arch", "loss", "negative", "alpha", "sample"}
GLOVE_ONLY = {"x_max", "eta"}
MODELS = [("Word2Vec", "word2vec"), ("GloVe", "glove")]
# the engine's names (engine.word2vec.ARCHS / LOSSES), each with the label the form shows: a
# name the engine adds without a label here fails at import, not in front of a class
_LABELS = {"sg": "skip-gram (sg)", "cbow": "CBOW (cbow)", "neg": "negative sampling",
           "softmax": "full softmax", "hs": "hierarchical sm"}
ARCHS = [(_LABELS[name], name) for name in ENGINE_ARCHS]
LOSSES = [(_LABELS[name], name) for name in ENGINE_LOSSES]
PLOT_POINTS = 400  # at most this many points drawn in the loss plot
TRAIN_NICE = 10  # the kernel threads' nice value in the app (see TrainingSession.run)
LIVE_HZ = 2  # redraws a second of the figures, progress bar and sparkline while training
PLOT_SECONDS = 2.0  # seconds between redraws of the loss plot


def fmt_duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    m, s = divmod(seconds, 60)
    if m < 60:
        return f"{m}m{s:02d}s"
    h, m = divmod(m, 60)
    return f"{h}h{m:02d}m"


def corpus_config(corpus: Any) -> Any:
    """The settings the CLI would train ``corpus`` with (engine.settings, one definition)."""
    from engine.settings import training_settings

    name = getattr(corpus, "name", None)
    return training_settings(name)


def glove_config(corpus: Any) -> Any:
    """GloVe's settings for ``corpus``, as ``wordlab train --model glove`` takes them: GloVe's
    defaults with the corpus's min_count and window hints."""
    from engine.settings import glove_settings

    return glove_settings(getattr(corpus, "name", None))


class TrainPane(Pane):
    PANE_TITLE = "Train"
    HELP = """
# Train: Word2Vec (or GloVe) on the current corpus

The network is the lecture's: a one-hot input (size V) -> a hidden layer **h** of size **d**
(`dim`) -> scores over the vocabulary -> softmax -> cross-entropy loss. The weights `W_in`
(V x d) are the embeddings: a word's vector is its row of the trained `W_in`.

- **arch**: *skip-gram* predicts each context word from the centre word; *CBOW* predicts
  the centre word from the mean of its context (the fill-in-the-blank exam).
- **loss** (output layer): *full softmax* is the lecture's (cost grows with V); *negative
  sampling* scores the true word against `negative` random "noise" words with sigmoids;
  *hierarchical softmax* walks a Huffman tree (log2 V sigmoids).
- **window**: context words on each side (word2vec.c shrinks it at random per example).
- **epochs**, **alpha** (learning rate, decaying linearly to min_alpha), **min_count**,
  **sample** (subsampling of frequent words), **seed** (same seed, same run).
- **model** GloVe instead fits the log of the co-occurrence counts X_ij of the whole corpus,
  `f(X_ij) (w_i . w~_j + b_i + b~_j - log X_ij)^2`, cell by cell with AdaGrad (**eta**);
  **x_max** is the count from which a pair weighs fully. Its progress counts cells, not words.

The loss starts near ln V for a softmax (uniform guesses: ln 4 = 1.386 for 4 words) and
falls as the model learns. The sparkline shows the whole run's loss on a scale from 0, the plot
the same with its axes; words/s, the learning rate, the epoch and an ETA come from the engine.
When training ends the vectors go to the One-hot, Explore and Evaluate panes.
Press Enter in any field to start; invalid values are explained next to the field.
"""

    BINDINGS = [
        *Pane.BINDINGS,
        Binding("space", "toggle", "Start/Pause", id="train-toggle",
                tooltip="Start training, or pause / resume the run"),
        Binding("s", "stop", "Stop", id="train-stop", tooltip="Stop the run and keep the vectors so far"),
        Binding("r", "reset", "Reset", id="train-reset",
                tooltip="Reset the form to the defaults and clear the curves"),
        Binding("w", "save", "Save", id="train-save", tooltip="Write the vectors to a file (.bin: binary)"),
        Binding("o", "load", "Load", id="train-load", tooltip="Load vectors from a word2vec text/binary file"),
        Binding("f", "focus_form", "Form", id="train-form", tooltip="Go to the first field of the form"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._cancel = threading.Event()
        self._pause = threading.Event()
        self._training = False
        self._history: list[tuple[float, float]] = []  # (epoch position, loss)
        self._last: Any = None
        self._plot_dirty = False
        self._live_dirty = False
        self._status = "idle"
        self._run_corpus: tuple[str, int] | None = None   # (name, corpus_gen) of the run
        self._form_corpus: Any = None   # the corpus whose settings the form was filled with
        self._corpus_gen = -1

    # ----------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        with Horizontal():
            with VerticalScroll(id="train-form"):
                with Horizontal(classes="field"):
                    yield Label("model", classes="field-label")
                    yield Select(MODELS, value="word2vec", allow_blank=False, compact=True, id="model")
                with Horizontal(classes="field w2v-only"):
                    yield Label("arch", classes="field-label")
                    yield Select(ARCHS, value="sg", allow_blank=False, compact=True, id="arch")
                with Horizontal(classes="field w2v-only"):
                    yield Label("loss", classes="field-label")
                    yield Select(LOSSES, value="neg", allow_blank=False, compact=True, id="loss")
                for name, label, kind in NUMBER_FIELDS:
                    only = " w2v-only" if name in WORD2VEC_ONLY else " glove-only" if name in GLOVE_ONLY else ""
                    with Horizontal(classes="field" + only):
                        yield Label(label, classes="field-label")
                        yield Input(id=name, compact=True, type="integer" if kind is int else "text")
                    yield Static("", id=f"{name}-error", classes="error field-error")
                yield Static("", id="form-error", classes="error field-error")
            with Vertical(id="train-live"):
                yield FocusTarget("", id="train-status")
                yield Static("", id="train-figures")
                yield ProgressBar(total=100, show_eta=False, id="train-progress")
                yield LossSparkline(id="train-spark")
                yield Plot("loss over the run", id="train-plot")
                yield Static("", id="train-message", classes="error")

    def on_mount(self) -> None:
        self.watch(self.app, "state", self._state_changed)   # fills the form at once
        self._show_status()
        self.set_interval(1 / LIVE_HZ, self._redraw_live)
        self.set_interval(PLOT_SECONDS, self._redraw_plot)

    def _model(self) -> str:
        return str(self.query_one("#model", Select).value)

    def _fill_form(self) -> None:
        """The corpus's settings for the chosen model (as ``wordlab train --corpus NAME
        [--model glove]`` would use), with the Corpus pane's min_count and sample."""
        cfg = corpus_config(self.app.corpus)
        opts = self.app.corpus_options
        values = {f.name: getattr(cfg, f.name) for f in dc_fields(cfg)}
        values["min_count"] = opts.get("min_count", values["min_count"])
        values["sample"] = opts.get("sample", values["sample"])
        glove = glove_config(self.app.corpus)
        if self._model() == "glove":
            values.update({f.name: getattr(glove, f.name) for f in dc_fields(glove)
                           if f.name in ("dim", "window", "epochs", "seed")})
            values["min_count"] = opts.get("min_count", glove.min_count)
        values["x_max"], values["eta"] = glove.x_max, glove.eta
        for name, _, _ in NUMBER_FIELDS:
            v = values[name]
            self.query_one(f"#{name}", Input).value = f"{v:g}" if isinstance(v, float) else str(v)
            self._field_error(name, "")
        self.query_one("#arch", Select).value = cfg.arch
        self.query_one("#loss", Select).value = cfg.loss
        self.query_one("#form-error", Static).update("")

    @on(Select.Changed, "#model")
    def _model_changed(self, event: Select.Changed) -> None:
        """Word2Vec <-> GloVe: show that model's fields, filled with its settings."""
        glove = event.value == "glove"
        form = self.query_one("#train-form")
        if form.has_class("-glove") == glove:
            return
        form.set_class(glove, "-glove")
        if not self._training:
            self._fill_form()
            self._set_status(self._idle_status())

    def _state_changed(self, state: Any) -> None:
        """A new corpus: its settings go into the form and the last run's figures are
        cleared (they were computed on another corpus); new options (sample) go into the form.
        A run never outlives a corpus switch: the app asks to stop it first."""
        if self._training:
            return
        if state.corpus_gen != self._corpus_gen:
            first = self._corpus_gen < 0
            new_corpus = first or state.corpus is not self._form_corpus
            self._corpus_gen = state.corpus_gen
            if not first:
                self._clear_figures()
                self._message("")
            if new_corpus:
                self._form_corpus = state.corpus
                self._fill_form()              # the new corpus's own settings
            self._set_status(self._idle_status())
        self._options_changed(state.corpus_options)

    def _idle_status(self) -> str:
        """'idle · corpus: lecture (its settings: dim 20, window 3, ...; r restores them)'."""
        from engine.settings import suggested

        corpus = self.app.corpus
        if corpus is None:
            return "idle: no corpus open"
        own = suggested(corpus.name)
        if self.query("#model") and self._model() == "glove":
            own = {k: v for k, v in own.items() if k == "window"}
            if not own:
                return f"idle · GloVe on {corpus.name} (GloVe's settings)"
            return (f"idle · GloVe on {corpus.name}, with its window {own['window']} "
                    "(r restores the settings)")
        if not own:
            return f"idle · corpus: {corpus.name} (general settings)"
        shown = ", ".join(f"{k} {v:g}" if isinstance(v, float) else f"{k} {v}"
                          for k, v in own.items() if k not in ("min_count", "sample"))
        return f"idle · {corpus.name}'s own settings: {shown} (r restores them)"

    def _options_changed(self, opts: dict) -> None:
        for name in ("min_count", "sample"):
            if name in opts:
                v = opts[name]
                self.query_one(f"#{name}", Input).value = f"{v:g}" if isinstance(v, float) else str(v)

    def _field_error(self, name: str, text: str) -> None:
        widget = self.query_one(f"#{name}-error", Static)
        widget.update(text)
        widget.set_class(bool(text), "-shown")
        self.query_one(f"#{name}", Input).set_class(bool(text), "-bad")

    # ----------------------------------------------------------------- the form
    def read_config(self) -> Any | None:
        """A validated Word2VecConfig (or GloveConfig) from the form, or None with the
        errors shown inline."""
        from engine.errors import ConfigError
        from engine.glove import GloveConfig
        from engine.word2vec import Word2VecConfig

        glove = self._model() == "glove"
        values: dict[str, Any] = {} if glove else {
            "arch": self.query_one("#arch", Select).value,
            "loss": self.query_one("#loss", Select).value,
        }
        unused = WORD2VEC_ONLY if glove else GLOVE_ONLY
        ok = True
        unreadable: set[str] = set()
        for name, label, kind in NUMBER_FIELDS:
            if name in unused:
                self._field_error(name, "")
                continue
            text = self.query_one(f"#{name}", Input).value.strip()
            try:
                values[name] = kind(text)
                self._field_error(name, "")
            except ValueError:
                what = "a whole number" if kind is int else "a number"
                self._field_error(name, f"{label} must be {what} (got {text!r})")
                unreadable.add(name)
                ok = False
        form_error = self.query_one("#form-error", Static)
        form_error.update("")
        form_error.set_class(False, "-shown")
        if not ok:
            # still judge the fields that were read, so every bad one is marked at once
            # (the unreadable ones take the engine's defaults for this check only)
            try:
                probe = GloveConfig(**values) if glove else Word2VecConfig(**values)
            except ConfigError:
                return None
            for problem in probe.problems():
                if problem.field not in unreadable and problem.field in values:
                    self._field_error(problem.field, str(problem))
            return None
        try:
            config = GloveConfig(**values) if glove else Word2VecConfig(**values)
        except ConfigError as exc:
            form_error.update(str(exc))
            form_error.set_class(True, "-shown")
            return None
        problems = config.problems()
        fields = {name for name, _, _ in NUMBER_FIELDS}
        others = []
        for problem in problems:       # mark every bad field, not only the first
            if problem.field in fields:
                self._field_error(problem.field, str(problem))
            else:
                others.append(str(problem))
        if others:
            form_error.update("\n".join(others))
            form_error.set_class(True, "-shown")
        return None if problems else config

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self._training:
            self.action_toggle()
        if self._training:
            # the run started from a field: hand the keys back to the pane, so Space pauses
            # and s stops at once (in the field they would be typed as text)
            self.focus_default()

    def action_focus_form(self) -> None:
        self.query_one("#model", Select).focus()

    # ----------------------------------------------------------------- actions
    def action_toggle(self) -> None:
        if not self._training:
            self.start()
        elif self._pause.is_set():
            self._pause.clear()
            self._set_status("training")
        else:
            self._pause.set()
            self._set_status("paused")

    def start(self) -> bool:
        """Validate the form and start the training worker; False if it could not start."""
        if self._training:
            return False
        corpus = self.app.corpus
        if corpus is None:
            self._message("no corpus: pick one in the Corpus pane (1)")
            return False
        config = self.read_config()
        if config is None:
            self._message("fix the fields marked above first")
            return False
        self._message("")
        self._cancel.clear()
        self._pause.clear()
        self._clear_figures()
        self._training = True
        self._run_corpus = (corpus.name, self.app.state.corpus_gen)
        self.set_class(True, "-running")
        self._set_status(f"loading the engine and building the vocabulary of {corpus.name}…")
        self._run_config = config
        self._train(config, corpus)
        return True

    def _clear_figures(self) -> None:
        """Empty the loss history, sparkline, plot and progress bar (a new run, or reset)."""
        self._history.clear()
        self._last = None
        self._live_dirty = self._plot_dirty = False
        self.query_one("#train-figures", Static).update("")
        self.query_one("#train-spark", LossSparkline).data = []
        self.query_one("#train-plot", Plot).clear()
        self.query_one("#train-progress", ProgressBar).update(total=100, progress=0)

    def action_stop(self) -> None:
        if self._training:
            self.stop_workers()
            self._set_status("stopping…")

    def is_training(self) -> bool:
        return self._training

    def stop_workers(self) -> None:
        self._cancel.set()
        self._pause.clear()

    def action_reset(self) -> None:
        if self._training:
            self._message("stop the run (s) before resetting")
            return
        self._fill_form()
        self._clear_figures()
        self._message("")
        self._set_status(self._idle_status())

    def action_save(self) -> None:
        kv = self.app.vectors
        if kv is None:
            self._message("nothing to save yet: train (Space) or load (o) vectors first")
            return
        corpus = self.app.corpus
        default = f"{getattr(corpus, 'name', 'vectors')}.w2v.txt"

        def check(path: str) -> str:
            import os

            full = os.path.expanduser(path)
            kv.save(full, binary=full.endswith(".bin"))
            return full

        def saved(path: Any) -> None:
            if path:
                self._message("")
                self.notify(f"saved {len(kv):,} vectors to {path}", timeout=4)

        self.app.push_screen(PathScreen("Save the vectors (word2vec format; a .bin name writes binary)",
                                        value=default, check=check, mode="save"), saved)

    def action_load(self) -> None:
        if self._training:
            self._message("stop the run (s) before loading other vectors")
            return

        def check(path: str) -> Any:
            import os

            from engine.vectors import KeyedVectors

            full = os.path.expanduser(path)
            return KeyedVectors.load(full), full

        def loaded(result: Any) -> None:
            if result is not None:
                kv, path = result
                self.app.set_vectors(kv, Provenance("loaded", path=path))
                self._clear_figures()
                self._message("")
                self._set_status(f"loaded {len(kv):,} vectors of dimension {kv.dim} from {path}")

        self.app.push_screen(PathScreen("Load vectors (word2vec text or binary)", check=check,
                                        verb="load"), loaded)

    # ----------------------------------------------------------------- the worker
    @work(thread=True, exclusive=True, group="trainer", exit_on_error=False)
    def _train(self, config: Any, corpus: Any) -> None:
        from engine.errors import WordlabError
        from engine.glove import GloveConfig, GloveSession
        from engine.word2vec import TrainingSession

        session = None
        try:
            if isinstance(config, GloveConfig):
                session = GloveSession(config, corpus)
            else:
                session = TrainingSession(config, corpus)
            if getattr(session, "backend", None) == "torch":
                # the full softmax runs on torch: import it before the run starts (seconds
                # on a loaded machine), so words/s measures training, as the CLI's does
                import torch  # noqa: F401
            vocab = session.model.vocab
            self.post_message(TrainingStarted(len(vocab), int(vocab.total)))
            # nice: the kernel threads yield a core to the UI thread when a key arrives
            # (bench/tui_latency.sh: pane switches took up to 150 ms at equal priority)
            final = session.run(callback=lambda p: self.post_message(TrainingProgress(p)),
                                cancel_event=self._cancel, pause_event=self._pause,
                                status=lambda text: self.post_message(TrainingStatus(text)),
                                nice=TRAIN_NICE)
        except (WordlabError, OSError, MemoryError) as exc:
            self.post_message(TrainingFailed(str(exc), session.model if session else None))
            return
        self.post_message(TrainingFinished(session.model, final, stopped=self._cancel.is_set()))

    def on_training_started(self, message: TrainingStarted) -> None:
        freeze = getattr(self.app, "freeze_heap", None)
        if callable(freeze):
            freeze()                 # torch and the corpus's vocabulary are loaded by now
        self._started = (f"training: V = {message.vocab_size:,} words, "
                         f"{message.total_words:,} tokens per epoch")
        self._set_status(self._started)

    def on_training_status(self, message: TrainingStatus) -> None:
        """"compiling kernels…" (the first run after an install: seconds, the bar has not
        moved yet), then "training"."""
        if message.text == "training":
            self._set_status(getattr(self, "_started", "training"))
        else:
            self._set_status(f"{message.text} (once: later runs start at once)")

    def on_training_progress(self, message: TrainingProgress) -> None:
        """Keep the event's numbers; the widgets are redrawn by a timer (``_redraw_live``)."""
        p = message.progress
        self._last = p
        if p.loss == p.loss:  # NaN-free
            self._history.append((p.fraction * p.epochs, float(p.loss)))
            self._plot_dirty = True
        self._live_dirty = True

    def _redraw_live(self) -> None:
        """At most LIVE_HZ redraws a second, and none while the pane is hidden: the
        training thread keeps the CPU (the app trains within 10% of the headless speed)."""
        if not self._live_dirty or self._last is None or not self.is_on_screen:
            return
        self._live_dirty = False
        p = self._last
        # the whole run on a scale anchored at 0 (LossSparkline averages it into its width)
        self.query_one("#train-spark", LossSparkline).data = [y for _, y in self._history]
        self.query_one("#train-progress", ProgressBar).update(total=max(1, p.total), progress=p.done)
        self._show_figures(p)

    def on_training_finished(self, message: TrainingFinished) -> None:
        self._end_run()
        # the model first: nothing drawn below may lose it
        origin = "stopped" if message.stopped else "trained"
        self._hand_over(message.model, self._provenance(origin, message.progress))
        V = len(message.model.vocab)
        if message.stopped:
            self._set_status(f"stopped: the vectors so far ({V:,} words) are in use")
        else:
            self._set_status(f"done: {V:,} vectors ready: try Explore (5) or One-hot (2)")
        if message.progress is not None:
            self.on_training_progress(TrainingProgress(message.progress))
        self._redraw_live()
        self._redraw_plot()

    def on_training_failed(self, message: TrainingFailed) -> None:
        self._end_run()
        self._message(message.error)
        if message.model is not None and self._last is not None:
            self._hand_over(message.model, self._provenance("failed", self._last))
            self._set_status("failed: the last good weights are in use")
        else:
            self._clear_figures()
            self._set_status("failed before the first report: no vectors from this run")

    def _hand_over(self, model: Any, provenance: Provenance) -> None:
        """A Word2Vec model goes to the app whole (Step and One-hot use its weights); GloVe's
        as its vectors (w + w~), which Explore, Evaluate and One-hot use."""
        if hasattr(model, "W_in"):
            self.app.set_model(model, provenance)
        else:
            self.app.set_vectors(model.vectors(), provenance)

    def _provenance(self, origin: str, progress: Any) -> Provenance:
        name, gen = self._run_corpus or (getattr(self.app.corpus, "name", "?"), self.app.state.corpus_gen)
        epochs = None
        if progress is not None:
            epochs = progress.epochs * progress.fraction if origin != "trained" else progress.epochs
        return Provenance(origin, corpus=name, corpus_gen=gen,
                          config=getattr(self, "_run_config", None), epochs=epochs)

    def _end_run(self) -> None:
        self._training = False
        self.set_class(False, "-running")

    # ----------------------------------------------------------------- display
    def _message(self, text: str) -> None:
        self.query_one("#train-message", Static).update(text)

    def _set_status(self, text: str) -> None:
        self._status = text
        self._show_status()

    def _show_status(self) -> None:
        if self._training and self._pause.is_set():
            state = "[reverse] PAUSED [/reverse] "
        elif self._training:
            state = "[reverse] TRAINING [/reverse] "
        else:
            state = ""
        if self._training and self._pause.is_set():
            keys = "Space resume · s stop"
        elif self._training:
            keys = "Space pause · s stop"
        else:
            keys = "Space start · Enter in a field starts"
        self.query_one("#train-status", Static).update(f"{state}{self._status}\n[dim]{keys}[/dim]")

    def _unit(self) -> str:
        """What a run counts: GloVe trains co-occurrence cells, Word2Vec running words."""
        return "words" if hasattr(getattr(self, "_run_config", None), "arch") else "cells"

    def _show_figures(self, p: Any) -> None:
        # three short lines: the live column is 45 cells wide at 80x24
        eta = "done" if p.finished else f"ETA {fmt_duration(p.eta)}"
        self.query_one("#train-figures", Static).update(
            f"epoch {p.epoch:,}/{p.epochs:,} · loss {p.loss:.4f}\n"
            f"lr {p.lr:.5f} · {p.rate:,.0f} {self._unit()}/s\n"
            f"{p.done:,}/{p.total:,} · {fmt_duration(p.elapsed)} · {eta}")

    def on_show(self) -> None:
        """Back on screen: draw what changed while the pane was hidden now, not at the next
        timer tick (a finished run must not show the figures of the moment the user left)."""
        self.call_after_refresh(self._catch_up)

    def _catch_up(self) -> None:
        self._redraw_live()
        self._redraw_plot()

    def _redraw_plot(self) -> None:
        if not self._plot_dirty or not self._history:
            return
        if not self.is_on_screen:
            return
        self._plot_dirty = False
        step = max(1, len(self._history) // PLOT_POINTS)
        pts = self._history[::step]
        if pts[-1] is not self._history[-1]:
            pts.append(self._history[-1])
        self.query_one("#train-plot", Plot).line([x for x, _ in pts], [y for _, y in pts],
                                                 xlabel="epoch", ylabel="loss")
