"""The language model view: how training goes (loss, perplexity beside the unigram baseline)
and what the model predicts after the sentence so far.  The pane runs the training worker
and owns the run; this view only draws what it is given."""

from __future__ import annotations

import math

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, Static

from tui.panes.lstm.common import SPARK_WINDOW
from tui.widgets.sparkline import LossSparkline


def progress_lines(kind: str, p, unigram: float | None) -> Text:
    """Two lines of at most 80 columns: where the run is, and the figures that matter
    (perplexity next to the unigram baseline it must beat)."""
    line1 = Text.assemble(
        (f"{kind.upper()} ", "bold"),
        f"epoch {p.epoch}/{p.epochs} · {p.fraction:.0%} · {p.rate:,.0f} tok/s · x stops")
    parts = [f"loss {p.loss:.3f}"] if p.loss is not None and math.isfinite(p.loss) else []
    if p.perplexity is not None:
        parts.append(f"perplexity {p.perplexity:.1f}")
    if p.val_perplexity is not None:
        parts.append(f"held-out {p.val_perplexity:.1f}")
    if unigram is not None:
        parts.append(f"unigram {unigram:.1f}")
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
        yield Label("loss", id="lstm-loss-label", classes="lstm-spark-label")
        yield LossSparkline([], id="lstm-loss")
        yield Label("perplexity", id="lstm-ppl-label", classes="lstm-spark-label")
        yield LossSparkline([], id="lstm-ppl")
        yield Static(id="lstm-predict")

    def set_status(self, text: str | Text) -> None:
        self.query_one("#lstm-lm-status", Static).update(text)

    def reset(self) -> None:
        """A new run (or a new corpus): empty curves, no baseline yet."""
        self._loss, self._ppl = [], []
        self.unigram = None
        self.query_one("#lstm-loss", LossSparkline).data = []
        self.query_one("#lstm-ppl", LossSparkline).data = []
        self.query_one("#lstm-loss-label", Label).update("loss")
        self.query_one("#lstm-ppl-label", Label).update("perplexity")

    @property
    def has_points(self) -> bool:
        return bool(self._loss or self._ppl)

    def progress(self, kind: str, p) -> None:
        if p.loss is not None and math.isfinite(p.loss):
            self._loss = (self._loss + [float(p.loss)])[-SPARK_WINDOW:]
            self.query_one("#lstm-loss", LossSparkline).data = list(self._loss)
            self.query_one("#lstm-loss-label", Label).update(
                f"loss (cross-entropy) {p.loss:.3f}   scale 0 .. {max(self._loss):.2f}")
        if p.perplexity is not None and math.isfinite(p.perplexity):
            self._ppl = (self._ppl + [float(p.perplexity)])[-SPARK_WINDOW:]
            self.query_one("#lstm-ppl", LossSparkline).data = list(self._ppl)
            base = "" if self.unigram is None else f" (unigram {self.unigram:.1f})"
            self.query_one("#lstm-ppl-label", Label).update(
                f"perplexity exp(loss) {p.perplexity:.1f}{base}   scale 0 .. {max(self._ppl):.1f}")
        self.set_status(progress_lines(kind, p, self.unigram))

    def show_predictions(self, text: Text) -> None:
        self.query_one("#lstm-predict", Static).update(text)
