"""Pane 3, Train: the hyper-parameter form, one training worker, live loss, save and load."""

from __future__ import annotations

import threading
from dataclasses import fields as dc_fields
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, ProgressBar, Select, Static

from engine.names import ARCHS as ENGINE_ARCHS
from engine.names import LOSSES as ENGINE_LOSSES
from tui.i18n import has, t
from tui.localize import Msg, binding, say, tr
from tui.messages import (TrainingFailed, TrainingFinished, TrainingProgress, TrainingStarted,
                          TrainingStatus)
from tui.state import Provenance
from tui.widgets.dialogs import PathScreen
from tui.widgets.pane import FocusTarget, Pane
from tui.widgets.plots import Plot
from tui.widgets.sparkline import LossSparkline

#: the form's text fields: (config field, label, parser); the label shown is ``train.field.<name>``
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
    ("minn", "minn", int),
    ("maxn", "maxn", int),
    ("bucket", "bucket", int),
]
MODELS = [("Word2Vec", "word2vec"), ("GloVe", "glove"), ("FastText", "fasttext")]
MODEL_NAMES = tuple(value for _, value in MODELS)
#: the models that use a field (the others hide it: the class not-<model> on its row); a field
#: not named here belongs to all three
FIELD_MODELS: dict[str, set[str]] = {
    "arch": {"word2vec", "fasttext"},
    "loss": {"word2vec"},
    "negative": {"word2vec", "fasttext"},
    "alpha": {"word2vec", "fasttext"},
    "sample": {"word2vec", "fasttext"},
    "x_max": {"glove"},
    "eta": {"glove"},
    "minn": {"fasttext"},
    "maxn": {"fasttext"},
    "bucket": {"fasttext"},
    "subwords": {"fasttext"},
}
#: FastText's n-grams: over characters or over Hangul jamo (engine.fasttext.SUBWORDS)
SUBWORDS = ("chars", "jamo")


def uses(model: str, name: str) -> bool:
    """Whether ``model`` trains with the form's field ``name``."""
    return model in FIELD_MODELS.get(name, MODEL_NAMES)


def hidden_in(name: str) -> str:
    """The CSS classes that hide a field's row for the models that do not use it."""
    return "".join(f" not-{m}" for m in MODEL_NAMES if not uses(m, name))


def subwords_options() -> list[tuple[str, str]]:
    return [(t(f"train.option.{name}"), name) for name in SUBWORDS]
# the engine's names (engine.word2vec.ARCHS / LOSSES), each with the label the form shows (the
# message train.option.<name>): a name the engine adds without a label fails the i18n tests
def arch_options() -> list[tuple[str, str]]:
    return [(t(f"train.option.{name}"), name) for name in ENGINE_ARCHS]


def loss_options() -> list[tuple[str, str]]:
    return [(t(f"train.option.{name}"), name) for name in ENGINE_LOSSES]


def field_label(name: str) -> str:
    """A setting's name in the app's language ("learning rate" is 학습률); the engine's name
    for a setting the form does not have."""
    return t(f"train.field.{name}") if has(f"train.field.{name}") else name
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


def fasttext_config(corpus: Any) -> Any:
    """FastText's settings for ``corpus``, as ``wordlab train --model fasttext`` takes them."""
    from engine.settings import fasttext_settings

    return fasttext_settings(getattr(corpus, "name", None))


class TrainPane(Pane):
    PANE_ID = "train"

    BINDINGS = [
        *Pane.BINDINGS,
        binding("space", "toggle", id="train-toggle"),
        binding("s", "stop", id="train-stop"),
        binding("r", "reset", id="train-reset"),
        binding("w", "save", id="train-save"),
        binding("o", "load", id="train-load"),
        binding("f", "focus_form", id="train-form"),
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
        self._status: Any = Msg("train.idle")
        self._run_corpus: tuple[str, int] | None = None   # (name, corpus_gen) of the run
        self._form_corpus: Any = None   # the corpus whose settings the form was filled with
        self._corpus_gen = -1

    # ----------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        with Horizontal():
            with VerticalScroll(id="train-form", classes="-word2vec"):
                with Horizontal(classes="field"):
                    yield tr(Label("", classes="field-label"), "train.field.model")
                    yield Select(MODELS, value="word2vec", allow_blank=False, compact=True, id="model")
                with Horizontal(classes="field" + hidden_in("arch")):
                    yield tr(Label("", classes="field-label"), "train.field.arch")
                    yield Select(arch_options(), value="sg", allow_blank=False, compact=True, id="arch")
                with Horizontal(classes="field" + hidden_in("loss")):
                    yield tr(Label("", classes="field-label"), "train.field.loss")
                    yield Select(loss_options(), value="neg", allow_blank=False, compact=True, id="loss")
                with Horizontal(classes="field" + hidden_in("subwords")):
                    yield tr(Label("", classes="field-label"), "train.field.subwords")
                    yield Select(subwords_options(), value="chars", allow_blank=False, compact=True,
                                 id="subwords")
                for name, label, kind in NUMBER_FIELDS:
                    with Horizontal(classes="field" + hidden_in(name)):
                        yield tr(Label("", classes="field-label"), f"train.field.{name}")
                        yield Input(id=name, compact=True, type="integer" if kind is int else "text")
                    yield Static("", id=f"{name}-error", classes="error field-error")
                yield Static("", id="form-error", classes="error field-error")
            with Vertical(id="train-live"):
                yield FocusTarget("", id="train-status")
                yield Static("", id="train-figures")
                yield ProgressBar(total=100, show_eta=False, id="train-progress")
                yield LossSparkline(id="train-spark")
                yield tr(Plot(t("train.plot"), id="train-plot"), "train.plot")
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
        fasttext = fasttext_config(self.app.corpus)
        if self._model() == "glove":
            values.update({f.name: getattr(glove, f.name) for f in dc_fields(glove)
                           if f.name in ("dim", "window", "epochs", "seed")})
            values["min_count"] = opts.get("min_count", glove.min_count)
        elif self._model() == "fasttext":
            # FastText's own defaults (its learning rate, sample ...) with the corpus's hints
            values.update({f.name: getattr(fasttext, f.name) for f in dc_fields(fasttext)})
            values["min_count"] = opts.get("min_count", fasttext.min_count)
            values["sample"] = opts.get("sample", fasttext.sample)
        values["x_max"], values["eta"] = glove.x_max, glove.eta
        for name in ("minn", "maxn", "bucket"):
            values[name] = getattr(fasttext, name)
        for name, _, _ in NUMBER_FIELDS:
            v = values[name]
            self.query_one(f"#{name}", Input).value = f"{v:g}" if isinstance(v, float) else str(v)
            self._field_error(name, "")
        self.query_one("#arch", Select).value = fasttext.arch if self._model() == "fasttext" else cfg.arch
        self.query_one("#loss", Select).value = cfg.loss
        self.query_one("#subwords", Select).value = fasttext.subwords
        self.query_one("#form-error", Static).update("")

    @on(Select.Changed, "#model")
    def _model_changed(self, event: Select.Changed) -> None:
        """Word2Vec, GloVe or FastText: show that model's fields, filled with its settings."""
        model = str(event.value)
        form = self.query_one("#train-form")
        if form.has_class(f"-{model}"):
            return
        for name in MODEL_NAMES:
            form.set_class(name == model, f"-{name}")
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

    def _idle_status(self) -> Msg:
        """'idle · corpus: lecture (its settings: dim 20, window 3, ...; r restores them)'."""
        from engine.settings import suggested

        corpus = self.app.corpus
        if corpus is None:
            return Msg("train.idle.none")
        own = suggested(corpus.name)
        if self.query("#model") and self._model() == "fasttext":
            from engine.fasttext import FastTextConfig

            own = {k: v for k, v in own.items() if k in FastTextConfig.__dataclass_fields__}
            if not own or set(own) <= {"min_count", "sample"}:
                return Msg("train.idle.fasttext", corpus=corpus.name)
        elif self.query("#model") and self._model() == "glove":
            own = {k: v for k, v in own.items() if k == "window"}
            if not own:
                return Msg("train.idle.glove", corpus=corpus.name)
            return Msg("train.idle.glove-window", corpus=corpus.name, window=own["window"])
        if not own:
            return Msg("train.idle.general", corpus=corpus.name)
        def shown() -> str:
            return ", ".join(f"{field_label(k)} {v:g}" if isinstance(v, float) else f"{field_label(k)} {v}"
                             for k, v in own.items() if k not in ("min_count", "sample"))

        if self.query("#model") and self._model() == "fasttext":
            return Msg("train.idle.fasttext-own", corpus=corpus.name, settings=shown)
        return Msg("train.idle.own", corpus=corpus.name, settings=shown)

    def _options_changed(self, opts: dict) -> None:
        for name in ("min_count", "sample"):
            if name in opts:
                v = opts[name]
                self.query_one(f"#{name}", Input).value = f"{v:g}" if isinstance(v, float) else str(v)

    def _field_error(self, name: str, text: "str | Msg") -> None:
        widget = self.query_one(f"#{name}-error", Static)
        say(widget, text)
        widget.set_class(bool(text), "-shown")
        self.query_one(f"#{name}", Input).set_class(bool(text), "-bad")

    # ----------------------------------------------------------------- the form
    def read_config(self) -> Any | None:
        """A validated Word2VecConfig (or GloveConfig, FastTextConfig) from the form, or None
        with the errors shown inline."""
        from engine.errors import ConfigError
        from engine.word2vec import Word2VecConfig

        model = self._model()

        def make(**values: Any) -> Any:
            # GloVe and FastText: the form's fields over the corpus's settings for that model
            # (toy-world's unweighted counts, the threads ... are not fields of the form)
            if model == "glove":
                return glove_config(self.app.corpus).replace(**values)
            if model == "fasttext":
                return fasttext_config(self.app.corpus).replace(**values)
            return Word2VecConfig(**values)

        values: dict[str, Any] = {name: self.query_one(f"#{name}", Select).value
                                  for name in ("arch", "loss", "subwords") if uses(model, name)}
        ok = True
        unreadable: set[str] = set()
        for name, label, kind in NUMBER_FIELDS:
            if not uses(model, name):
                self._field_error(name, "")
                continue
            text = self.query_one(f"#{name}", Input).value.strip()
            try:
                values[name] = kind(text)
                self._field_error(name, "")
            except ValueError:
                what = "train.error.int" if kind is int else "train.error.number"
                self._field_error(name, Msg(what, label=field_label(name), got=repr(text)))
                unreadable.add(name)
                ok = False
        form_error = self.query_one("#form-error", Static)
        form_error.update("")
        form_error.set_class(False, "-shown")
        if not ok:
            # still judge the fields that were read, so every bad one is marked at once
            # (the unreadable ones take the engine's defaults for this check only)
            try:
                probe = make(**values)
            except ConfigError:
                return None
            for problem in probe.problems():
                if problem.field not in unreadable and problem.field in values:
                    self._field_error(problem.field, str(problem))
            return None
        try:
            config = make(**values)
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
            self._set_status(Msg("train.training"))
        else:
            self._pause.set()
            self._set_status(Msg("train.paused"))

    def start(self) -> bool:
        """Validate the form and start the training worker; False if it could not start."""
        if self._training:
            return False
        corpus = self.app.corpus
        if corpus is None:
            self._message(Msg("train.no-corpus"))
            return False
        config = self.read_config()
        if config is None:
            self._message(Msg("train.fix-fields"))
            return False
        self._message("")
        self._cancel.clear()
        self._pause.clear()
        self._clear_figures()
        self._training = True
        self._run_corpus = (corpus.name, self.app.state.corpus_gen)
        self.set_class(True, "-running")
        self._set_status(Msg("train.loading", corpus=corpus.name))
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
            self._set_status(Msg("train.stopping"))

    def is_training(self) -> bool:
        return self._training

    def stop_workers(self) -> None:
        self._cancel.set()
        self._pause.clear()

    def action_reset(self) -> None:
        if self._training:
            self._message(Msg("train.stop-before-reset"))
            return
        self._fill_form()
        self._clear_figures()
        self._message("")
        self._set_status(self._idle_status())

    def action_save(self) -> None:
        kv = self.app.vectors
        if kv is None:
            self._message(Msg("train.nothing-to-save"))
            return
        corpus = self.app.corpus
        name = getattr(corpus, "name", None) or "vectors"
        facebook = hasattr(kv, "save_facebook")
        # FastText's own model (.bin, with its n-grams: it answers unseen words) unless its
        # n-grams are over jamo, which that format cannot record
        default = (f"{name}.w2v.txt" if not facebook else
                   f"{name}.fasttext.vec" if kv.subwords == "jamo" else f"{name}.fasttext.bin")

        def check(path: str) -> str:
            import os

            full = os.path.expanduser(path)
            if facebook and full.endswith(".bin"):
                kv.save_facebook(full)   # Facebook fastText's model format, as the CLI writes it
            else:
                kv.save(full)   # as the name says: .bin binary, .txt/.vec text, .gz compressed
            return full

        def saved(path: Any) -> None:
            if path:
                self._message("")
                self.notify(t("train.saved", n=len(kv), path=path), timeout=4)

        self.app.push_screen(PathScreen(t("train.save-title"),
                                        value=default, check=check, mode="save"), saved)

    def action_load(self) -> None:
        if self._training:
            self._message(Msg("train.stop-before-load"))
            return

        def check(path: str) -> Any:
            import os

            from engine.fasttext.vectors import load_vectors

            full = os.path.expanduser(path)
            return load_vectors(full), full   # a fastText .bin as FastTextVectors

        def loaded(result: Any) -> None:
            if result is not None:
                kv, path = result
                self.app.set_vectors(kv, Provenance("loaded", path=path))
                self._clear_figures()
                self._message("")
                self._set_status(Msg("train.loaded", n=len(kv), dim=kv.dim, path=path))

        self.app.push_screen(PathScreen(t("train.load-title"), check=check, mode="open",
                                        verb=t("dialog.verb.load")), loaded)

    # ----------------------------------------------------------------- the worker
    @work(thread=True, exclusive=True, group="trainer", exit_on_error=False)
    def _train(self, config: Any, corpus: Any) -> None:
        from engine.errors import WordlabError
        from engine.fasttext import FastTextConfig, FastTextSession
        from engine.glove import GloveConfig, GloveSession
        from engine.word2vec import TrainingSession

        session = None
        try:
            if isinstance(config, GloveConfig):
                session = GloveSession(config, corpus)
            elif isinstance(config, FastTextConfig):
                session = FastTextSession(config, corpus)
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
        self._started = Msg("train.started", V=message.vocab_size, tokens=message.total_words)
        self._set_status(self._started)

    def on_training_status(self, message: TrainingStatus) -> None:
        """"compiling kernels…" (the first run after an install: seconds, the bar has not
        moved yet), then "training"."""
        if message.text == "training":
            self._set_status(getattr(self, "_started", Msg("train.training")))
        else:
            self._set_status(Msg("train.once", text=message.text))

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
            self._set_status(Msg("train.stopped", V=V))
        else:
            self._set_status(Msg("train.done", V=V))
        if message.progress is not None:
            self.on_training_progress(TrainingProgress(message.progress))
        self._redraw_live()
        self._redraw_plot()

    def on_training_failed(self, message: TrainingFailed) -> None:
        self._end_run()
        self._message(message.error)
        if message.model is not None and self._last is not None:
            self._hand_over(message.model, self._provenance("failed", self._last))
            self._set_status(Msg("train.failed"))
        else:
            self._clear_figures()
            self._set_status(Msg("train.failed-early"))

    def _hand_over(self, model: Any, provenance: Provenance) -> None:
        """A Word2Vec model goes to the app whole (Step and One-hot use its weights); GloVe's
        as its vectors (w + w~) and FastText's as ``FastTextVectors`` (the vocabulary's and
        the n-gram rows, for unseen words), which Explore, Evaluate and One-hot use."""
        if hasattr(model, "subwords"):
            # FastText: the n-gram rows handed over, not copied (bucket x d; the run is over)
            self.app.set_vectors(model.vectors(copy=False), provenance)
        elif hasattr(model, "W_in"):
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
    def _message(self, text: "str | Msg") -> None:
        say(self.query_one("#train-message", Static), text)

    def _set_status(self, text: "str | Msg") -> None:
        self._status = text
        self._show_status()

    def _show_status(self) -> None:
        if self._training and self._pause.is_set():
            state = f"[reverse] {t('train.state.paused')} [/reverse] "
        elif self._training:
            state = f"[reverse] {t('train.state.training')} [/reverse] "
        else:
            state = ""
        if self._training and self._pause.is_set():
            keys = t("train.keys.paused")
        elif self._training:
            keys = t("train.keys.training")
        else:
            keys = t("train.keys.idle")
        self.query_one("#train-status", Static).update(f"{state}{self._status}\n[dim]{keys}[/dim]")

    def relocalize(self) -> None:
        """The status, the choices of the form and the live figures in the new language (the
        run, if any, goes on; the fields keep what was typed)."""
        self._show_status()
        for select_id, options in (("#arch", arch_options()), ("#loss", loss_options()),
                                   ("#subwords", subwords_options())):
            select = self.query_one(select_id, Select)
            value = select.value
            select.set_options(options)
            select.value = value
        if self._last is not None:
            self._show_figures(self._last)
        if self._history:
            self._plot_dirty = True
            self._redraw_plot()

    def _unit(self) -> str:
        """What a run counts: GloVe trains co-occurrence cells, Word2Vec running words."""
        return t("train.unit.words" if hasattr(getattr(self, "_run_config", None), "arch")
                 else "train.unit.cells")

    def _show_figures(self, p: Any) -> None:
        # three short lines: the live column is 45 cells wide at 80x24
        eta = t("train.eta.done") if p.finished else t("train.eta", eta=fmt_duration(p.eta))
        self.query_one("#train-figures", Static).update(
            t("train.figures", epoch=p.epoch, epochs=p.epochs, loss=p.loss, lr=p.lr, rate=p.rate,
              unit=self._unit(), done=p.done, total=p.total, elapsed=fmt_duration(p.elapsed),
              eta=eta))

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
                                                 xlabel=t("train.epoch"), ylabel=t("train.loss"))
