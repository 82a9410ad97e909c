"""The vanishing gradient, measured: RNN falls geometrically, LSTM with an open forget gate does not."""

import numpy as np
import pytest

import torch  # noqa: F401  a requirement: fail loudly if the install is broken

from engine.errors import ConfigError
from engine.gradflow import GradFlow, gradient_flow


def test_rnn_gradient_falls_geometrically_with_distance():
    g = gradient_flow(steps=30, hidden_size=16, input_size=4, recurrent_scale=0.5,
                      forget_bias=4.0, seed=0)
    assert g.rnn.shape == (31,) and g.t[0] == 0 and g.distance[0] == 30
    assert g.rnn[-1] == pytest.approx(1.0)      # dL/dh_T = v, a unit vector
    dist = g.distance[:-1]
    logn = np.log(g.rnn[:-1])
    slope, intercept = np.polyfit(dist, logn, 1)
    assert slope < -0.3                         # clearly negative: a factor < 0.75 per step
    resid = logn - (slope * dist + intercept)
    r2 = 1 - resid.var() / logn.var()
    assert r2 > 0.95                            # roughly linear in log space: geometric decay
    assert g.rnn[0] < 1e-4 * g.rnn[-2]


def test_lstm_with_open_forget_gate_falls_far_less_on_the_same_sequence():
    g = gradient_flow(steps=30, hidden_size=16, input_size=4, recurrent_scale=0.5,
                      forget_bias=4.0, seed=0)
    assert g.lstm_rate > 0.2 * g.rnn_rate       # rates are negative: LSTM's is 5x flatter
    assert g.lstm[0] / g.lstm[-2] > 1e3 * g.rnn[0] / g.rnn[-2]
    closed = gradient_flow(steps=30, hidden_size=16, input_size=4, recurrent_scale=0.5,
                           forget_bias=-4.0, seed=0)
    assert closed.lstm_rate < g.lstm_rate       # a closed forget gate forgets faster
    np.testing.assert_array_equal(closed.rnn, g.rnn)   # same RNN, same sequence


def test_decay_rate_of_a_pure_geometric_series():
    norms = 0.5 ** np.arange(10)[::-1]          # index t, distance T - t
    assert GradFlow.decay_rate(norms) == pytest.approx(np.log(0.5))


def test_bad_knobs():
    with pytest.raises(ConfigError, match="hidden_size"):
        gradient_flow(hidden_size=0)
    with pytest.raises(ConfigError, match="recurrent_scale"):
        gradient_flow(recurrent_scale=float("nan"))
