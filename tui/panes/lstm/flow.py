"""Gradient flow: ||dL/dh_t|| against t for an RNN and an LSTM (engine/gradflow.py), on a log
axis.  The RNN's product of factors below 1 vanishes; the LSTM's cell state keeps it.

The chart plots log10 of the norms with the decades as labels (never plotext's own log
scale, which re-logs the data on every redraw: the crash of issue 8).  Which curve is which is
said in the caption above the chart, in the curves' colours, so no legend box covers a curve."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from engine.errors import WordlabError
from tui.i18n import t
from tui.localize import tr
from tui.panes.lstm.common import FlowReady
from tui.widgets.plots import Plot

#: the measurement shown: long enough for the RNN to vanish, small enough to take a moment
FLOW_SETTINGS = dict(steps=30, hidden_size=16, input_size=8, recurrent_scale=0.5)
RNN_COLOUR, LSTM_COLOUR = "red", "cyan"


class FlowView(Vertical):
    """Caption (settings, decay rates, which colour is which) and the chart."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._started = False
        self.flow = None

    def compose(self) -> ComposeResult:
        yield tr(Static("", id="lstm-flow-caption"), "lstm.flow.computing")
        yield Plot("", id="lstm-flow-chart")

    def start(self) -> None:
        """Measure once, the first time the view is shown."""
        if self._started:
            return
        self._started = True
        self._compute()

    @work(thread=True, exclusive=True, group="lstm-gradflow", exit_on_error=False)
    def _compute(self) -> None:
        try:
            from engine.gradflow import gradient_flow

            flow = gradient_flow(**FLOW_SETTINGS)
        except WordlabError as err:
            self.post_message(FlowReady(None, str(err)))
            return
        self.post_message(FlowReady(flow, None))

    @on(FlowReady)
    def _ready(self, event: FlowReady) -> None:
        event.stop()
        caption = self.query_one("#lstm-flow-caption", Static)
        caption._i18n_key = None               # drawn by relocalize from now on
        if event.error:
            self._started = False
            caption.update(Text(event.error, style="bold"))
            return
        self.flow = event.flow
        self.relocalize()

    def relocalize(self) -> None:
        """The caption and the chart's axis in the current language."""
        flow = self.flow
        if flow is None:
            return
        cfg = flow.config
        self.query_one("#lstm-flow-caption", Static).update(Text.assemble(
            ("‖dL/dh_t‖ vs t", "bold"),
            "  " + t("lstm.flow.settings", T=cfg.steps, H=cfg.hidden_size,
                     scale=f"{cfg.recurrent_scale:g}", bias=f"{cfg.forget_bias:g}") + "\n",
            t("lstm.flow.slope"),
            (f"━ RNN {flow.rnn_rate:.2f}", f"bold {RNN_COLOUR}"), "  ",
            (f"━ LSTM {flow.lstm_rate:.2f}", f"bold {LSTM_COLOUR}")))
        ts = [int(v) for v in flow.t]
        # exact zeros (underflow) cannot go on a log axis: Plot.lines leaves them out
        self.query_one("#lstm-flow-chart", Plot).lines(
            [("RNN", ts, [float(v) for v in flow.rnn], RNN_COLOUR),
             ("LSTM", ts, [float(v) for v in flow.lstm], LSTM_COLOUR)],
            logy=True, xlabel=t("lstm.flow.xlabel"), ylabel="‖dL/dh_t‖", title="")
