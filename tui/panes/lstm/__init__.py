"""The LSTM pane (tab 7), one widget per view: ``GateView`` (gates.py), ``LectureView``
(lecture.py), ``FlowView`` (flow.py) and ``LMView`` (lm.py), composed by ``LSTMPane``
(pane.py), which holds what they share (sentence, cell, t, unit, fresh or trained weights)."""

from tui.panes.lstm.flow import FlowView
from tui.panes.lstm.gates import GateView
from tui.panes.lstm.lecture import LectureView
from tui.panes.lstm.lm import LMView
from tui.panes.lstm.pane import LSTMPane

__all__ = ["LSTMPane", "GateView", "LectureView", "FlowView", "LMView"]
