"""The language model view: how training goes (loss, perplexity beside the unigram baseline)
and what the model predicts after the sentence so far.  The pane runs the training worker
and owns the run; this view only draws what it is given."""

from __future__ import annotations

import math

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, Static

from tui.i18n import t
from tui.localize import say, tr
from tui.panes.lstm.common import SPARK_WINDOW
from tui.widgets.sparkline import LossSparkline


def progress_lines(kind: str, p, unigram: float | None) -> Text:
    """Two lines of at most 80 columns: where the run is, and the figures that matter
    (perplexity next to the unigram baseline it must beat)."""
    line1 = Text.assemble(
        (f"{kind.upper()} ", "bold"),
        t("lstm.lm.where", epoch=p.epoch, epochs=p.epochs, fraction=p.fraction, rate=p.rate))
    parts = [t("lstm.lm.loss", loss=p.loss)] if p.loss is not None and math.isfinite(p.loss) else []
    if p.perplexity is not None:
        parts.append(t("lstm.lm.ppl", ppl=p.perplexity))
    if p.val_perplexity is not None:
        parts.append(t("lstm.lm.held-out", ppl=p.val_perplexity))
    if unigram is not None:
        parts.append(t("lstm.lm.unigram", ppl=unigram))
    return Text.assemble(line1, "\n", " · ".join(parts))


class LMView(Vertical):
    """Status, two anchored sparklines, predictions."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._loss: list[float] = []
        self._ppl: list[float] = []
        self.unigram: float | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="lstm-lm-status")
        yield tr(Label("", id="lstm-loss-label", classes="lstm-spark-label"), "lstm.lm.loss-label")
        yield LossSparkline([], id="lstm-loss")
        yield tr(Label("", id="lstm-ppl-label", classes="lstm-spark-label"), "lstm.lm.ppl-label")
        yield LossSparkline([], id="lstm-ppl")
        yield Static(id="lstm-predict")

    def set_status(self, text) -> None:
        """A str, a Text, a ``tui.localize.Msg`` or a callable that returns one (called again
        after a language switch)."""
        say(self.query_one("#lstm-lm-status", Static), text)

    def reset(self) -> None:
        """A new run (or a new corpus): empty curves, no baseline yet."""
        self._loss, self._ppl = [], []
        self.unigram = None
        self.query_one("#lstm-loss", LossSparkline).data = []
        self.query_one("#lstm-ppl", LossSparkline).data = []
        tr(self.query_one("#lstm-loss-label", Label), "lstm.lm.loss-label")
        tr(self.query_one("#lstm-ppl-label", Label), "lstm.lm.ppl-label")

    @property
    def has_points(self) -> bool:
        return bool(self._loss or self._ppl)

    def progress(self, kind: str, p) -> None:
        if p.loss is not None and math.isfinite(p.loss):
            self._loss = (self._loss + [float(p.loss)])[-SPARK_WINDOW:]
            self.query_one("#lstm-loss", LossSparkline).data = list(self._loss)
            tr(self.query_one("#lstm-loss-label", Label), "lstm.lm.loss-line", loss=p.loss,
               top=max(self._loss))
        if p.perplexity is not None and math.isfinite(p.perplexity):
            self._ppl = (self._ppl + [float(p.perplexity)])[-SPARK_WINDOW:]
            self.query_one("#lstm-ppl", LossSparkline).data = list(self._ppl)
            base = "" if self.unigram is None else f" ({t('lstm.lm.unigram', ppl=self.unigram)})"
            tr(self.query_one("#lstm-ppl-label", Label), "lstm.lm.ppl-line", ppl=p.perplexity,
               base=base, top=max(self._ppl))
        unigram = self.unigram
        self.set_status(lambda: progress_lines(kind, p, unigram))

    def show_predictions(self, text: Text) -> None:
        self.query_one("#lstm-predict", Static).update(text)
