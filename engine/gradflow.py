"""The vanishing gradient, measured (lecture section 2, "the effect at t = 0").

BPTT multiplies one factor dh_t/dh_{t-1} per step back in time.  For an RNN each factor is
``diag(1 - h_t^2) W_hh``: with small recurrent weights its norm is below 1 and the product
shrinks geometrically, so what happened at t = 0 barely changes the loss at T.  The LSTM's
cell state carries a second path, ``dc_t/dc_{t-1} = diag(f_t)``: with the forget gate biased
open (f_t close to 1) the gradient survives many steps.

``gradient_flow`` runs one random sequence through a random RNN and a random LSTM (the numpy
cells' weights, loaded into torch), takes the loss ``L = v . h_T`` (v a fixed random unit
vector), and returns ``||dL/dh_t||`` for t = 0..T by autograd.  h_0 is the initial state.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.errors import ConfigError


@dataclass(frozen=True)
class GradFlowConfig:
    steps: int = 50                 # T
    input_size: int = 8
    hidden_size: int = 32
    recurrent_scale: float = 1.0    # multiplies W_hh of both cells (PyTorch's init times this)
    forget_bias: float = 3.0        # added to the LSTM's forget-gate bias
    seed: int = 0

    def validate(self) -> None:
        if not isinstance(self.steps, int) or not 1 <= self.steps <= 10_000:
            raise ConfigError(f"steps must be an integer in 1..10000 (got {self.steps!r})")
        if not isinstance(self.input_size, int) or not 1 <= self.input_size <= 4096:
            raise ConfigError(f"input_size must be in 1..4096 (got {self.input_size!r})")
        if not isinstance(self.hidden_size, int) or not 1 <= self.hidden_size <= 4096:
            raise ConfigError(f"hidden_size must be in 1..4096 (got {self.hidden_size!r})")
        if not np.isfinite(self.recurrent_scale) or self.recurrent_scale < 0:
            raise ConfigError(
                f"recurrent_scale must be finite and >= 0 (got {self.recurrent_scale!r})")
        if not np.isfinite(self.forget_bias) or abs(self.forget_bias) > 50:
            raise ConfigError(f"forget_bias must be in -50..50 (got {self.forget_bias!r})")


@dataclass(frozen=True, eq=False)   # holds arrays: equality is identity
class GradFlow:
    config: GradFlowConfig
    t: np.ndarray            # 0..T
    distance: np.ndarray     # T - t: steps back from the loss
    rnn: np.ndarray          # ||dL/dh_t|| for the RNN, t = 0..T
    lstm: np.ndarray         # ||dL/dh_t|| for the LSTM
    lstm_cell: np.ndarray    # ||dL/dc_t|| for the LSTM (the cell-state path)

    @staticmethod
    def decay_rate(norms: np.ndarray) -> float:
        """Slope of log(norm) against distance (per step; < 0 means the gradient fades).

        Fitted over distances 1..T (the norm at distance 0 is ||v|| = 1 by construction);
        exactly-zero norms (underflow) are left out.
        """
        norms = np.asarray(norms, dtype=float)
        dist = np.arange(len(norms))[::-1]
        keep = (dist >= 1) & (norms > 0)
        if keep.sum() < 2:
            return float("nan")
        slope, _ = np.polyfit(dist[keep], np.log(norms[keep]), 1)
        return float(slope)

    @property
    def rnn_rate(self) -> float:
        return self.decay_rate(self.rnn)

    @property
    def lstm_rate(self) -> float:
        return self.decay_rate(self.lstm)


def gradient_flow(config: GradFlowConfig | None = None, **overrides) -> GradFlow:
    """Measure ||dL/dh_t|| for t = 0..T, for an RNN and an LSTM on the same input sequence."""
    import dataclasses

    import torch

    from engine.lstm import LSTMCell
    from engine.rnn import RNNCell

    config = dataclasses.replace(config or GradFlowConfig(), **overrides)
    config.validate()
    T, I, H = config.steps, config.input_size, config.hidden_size
    rng = np.random.default_rng(config.seed)
    x = torch.from_numpy(rng.standard_normal((T, I)))
    v = rng.standard_normal(H)
    v = torch.from_numpy(v / np.linalg.norm(v))

    rnn = RNNCell.random(I, H, seed=config.seed + 1, recurrent_scale=config.recurrent_scale)
    lstm = LSTMCell.random(I, H, seed=config.seed + 2, forget_bias=config.forget_bias)
    W_ih, W_hh, b_ih, b_hh = (torch.from_numpy(a) for a in lstm.stacked())
    W_hh = W_hh * config.recurrent_scale

    # RNN, unrolled by hand so every h_t is a leaf-like node whose gradient we keep
    W_xh, W_hh_r = torch.from_numpy(rnn.W_xh), torch.from_numpy(rnn.W_hh)
    b_h = torch.from_numpy(rnn.b_h)
    h = torch.zeros(H, dtype=torch.float64, requires_grad=True)
    hs = [h]
    for t in range(T):
        h = torch.tanh(W_xh @ x[t] + W_hh_r @ h + b_h)
        h.retain_grad()
        hs.append(h)
    (v @ h).backward()
    rnn_norms = np.array([float(hh.grad.norm()) for hh in hs])

    # LSTM (gate order i, f, g, o as in PyTorch)
    h = torch.zeros(H, dtype=torch.float64, requires_grad=True)
    c = torch.zeros(H, dtype=torch.float64, requires_grad=True)
    hs, cs = [h], [c]
    for t in range(T):
        a = W_ih @ x[t] + b_ih + W_hh @ h + b_hh
        i_t, f_t = torch.sigmoid(a[:H]), torch.sigmoid(a[H:2 * H])
        g_t, o_t = torch.tanh(a[2 * H:3 * H]), torch.sigmoid(a[3 * H:])
        c = f_t * c + i_t * g_t
        h = o_t * torch.tanh(c)
        h.retain_grad()
        c.retain_grad()
        hs.append(h)
        cs.append(c)
    (v @ h).backward()
    lstm_norms = np.array([float(hh.grad.norm()) for hh in hs])
    # c_T only reaches the loss through h_T = o_T * tanh(c_T): its gradient is defined too
    cell_norms = np.array([float(cc.grad.norm()) if cc.grad is not None else 0.0 for cc in cs])

    ts = np.arange(T + 1)
    return GradFlow(config=config, t=ts, distance=T - ts, rnn=rnn_norms, lstm=lstm_norms,
                    lstm_cell=cell_norms)
