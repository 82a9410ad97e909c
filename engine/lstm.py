"""The LSTM cell of the lecture (section 3), in plain numpy.

    f_t  = sigma(W_f . [h_{t-1}, x_t] + b_f)      forget gate
    i_t  = sigma(W_i . [h_{t-1}, x_t] + b_i)      input gate
    g_t  = C~_t = tanh(W_C . [h_{t-1}, x_t] + b_C) candidate cell state
    c_t  = f_t * c_{t-1} + i_t * g_t               cell state (long-term memory)
    o_t  = sigma(W_o . [h_{t-1}, x_t] + b_o)      output gate
    h_t  = o_t * tanh(c_t)                         hidden state (short-term memory)

The lecture's review slide splits each ``W . [h_{t-1}, x_t]`` into ``W_x* x_t + W_h* h_{t-1}``;
the cell stores the weights that way (``W_xf``, ``W_hf``, ...), which is also PyTorch's layout:
``nn.LSTM`` stacks ``weight_ih_l{k}`` (4H x I) and ``weight_hh_l{k}`` (4H x H) in the gate order
i, f, g, o, with two biases ``bias_ih`` and ``bias_hh``.  Both biases are kept so that
numpy -> torch -> numpy is exact; ``b_f`` etc. (their sums) and ``W_f`` etc. (the
concatenation ``[W_hf, W_xf]`` acting on ``[h_{t-1}, x_t]``) are there for display.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.errors import ConfigError
from engine.word2vec.negative import sigmoid  # noqa: F401 - the engine's one sigma (re-exported)
from engine.rnn import as_sequence

GATES = ("i", "f", "g", "o")   # PyTorch's stacking order


@dataclass(frozen=True, eq=False)   # holds arrays: equality is identity
class LSTMStep:
    """Everything one LSTM time step computed, named as in the lecture."""

    t: int
    x: np.ndarray          # x_t
    h_prev: np.ndarray     # h_{t-1}
    c_prev: np.ndarray     # C_{t-1}
    a_f: np.ndarray        # pre-activations W . [h_{t-1}, x_t] + b
    a_i: np.ndarray
    a_g: np.ndarray
    a_o: np.ndarray
    f: np.ndarray          # f_t
    i: np.ndarray          # i_t
    g: np.ndarray          # g_t = C~_t
    c: np.ndarray          # C_t = f_t * C_{t-1} + i_t * g_t
    o: np.ndarray          # o_t
    tanh_c: np.ndarray     # tanh(C_t)
    h: np.ndarray          # h_t = o_t * tanh(C_t)

    @property
    def f_c_prev(self) -> np.ndarray:
        """f_t * C_{t-1}: what the forget gate keeps of the old cell state."""
        return self.f * self.c_prev

    @property
    def i_g(self) -> np.ndarray:
        """i_t * C~_t: what the input gate writes."""
        return self.i * self.g


def cell_update(f, c_prev, i, g) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The lecture's cell update, elementwise: returns (f * C_{t-1}, i * C~_t, C_t).

    Shared by :class:`LSTMCell` and ``engine.presets`` so the lecture's tables are computed by
    the very code the cell runs.
    """
    kept = np.multiply(f, c_prev)
    written = np.multiply(i, g)
    return kept, written, kept + written


class LSTMCell:
    """One LSTM layer; weights per gate: ``W_x{g}`` (H x I), ``W_h{g}`` (H x H), ``b_x{g}``, ``b_h{g}``."""

    def __init__(self, W_ih, W_hh, b_ih=None, b_hh=None, dtype=None):
        """Build from PyTorch's stacked layout (gate order i, f, g, o)."""
        W_ih = np.asarray(W_ih)
        dtype = np.dtype(dtype) if dtype is not None else (
            W_ih.dtype if W_ih.dtype in (np.float32, np.float64) else np.dtype(np.float64))
        W_ih = np.array(W_ih, dtype=dtype)
        W_hh = np.array(W_hh, dtype=dtype)
        if W_ih.ndim != 2 or W_hh.ndim != 2 or W_ih.shape[0] % 4:
            raise ConfigError("W_ih must be (4H, I) and W_hh (4H, H)")
        H = W_ih.shape[0] // 4
        if W_hh.shape != (4 * H, H):
            raise ConfigError(f"W_hh must be ({4 * H}, {H}) (got {W_hh.shape})")
        b_ih = np.zeros(4 * H, dtype) if b_ih is None else np.array(b_ih, dtype=dtype)
        b_hh = np.zeros(4 * H, dtype) if b_hh is None else np.array(b_hh, dtype=dtype)
        if b_ih.shape != (4 * H,) or b_hh.shape != (4 * H,):
            raise ConfigError(f"biases must have shape ({4 * H},)")
        self.hidden_size = H
        self.input_size = W_ih.shape[1]
        self.dtype = dtype
        for k, gate in enumerate(GATES):
            sl = slice(k * H, (k + 1) * H)
            setattr(self, f"W_x{gate}", W_ih[sl].copy())
            setattr(self, f"W_h{gate}", W_hh[sl].copy())
            setattr(self, f"b_x{gate}", b_ih[sl].copy())
            setattr(self, f"b_h{gate}", b_hh[sl].copy())

    # -- the lecture's view of the weights ------------------------------------------
    def W(self, gate: str) -> np.ndarray:
        """W_gate acting on [h_{t-1}, x_t]: shape (H, H + I)."""
        return np.concatenate([getattr(self, f"W_h{gate}"), getattr(self, f"W_x{gate}")], axis=1)

    def b(self, gate: str) -> np.ndarray:
        return getattr(self, f"b_x{gate}") + getattr(self, f"b_h{gate}")

    W_f = property(lambda self: self.W("f"))
    W_i = property(lambda self: self.W("i"))
    W_C = property(lambda self: self.W("g"))
    W_o = property(lambda self: self.W("o"))
    b_f = property(lambda self: self.b("f"))
    b_i = property(lambda self: self.b("i"))
    b_C = property(lambda self: self.b("g"))
    b_o = property(lambda self: self.b("o"))

    def stacked(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """PyTorch's layout: (weight_ih, weight_hh, bias_ih, bias_hh), gates i, f, g, o."""
        cat = lambda kind: np.concatenate([getattr(self, f"{kind}{g}") for g in GATES])
        return cat("W_x"), cat("W_h"), cat("b_x"), cat("b_h")

    # -- the equations ------------------------------------------------------------
    def _pre(self, gate: str, x_t, h_prev) -> np.ndarray:
        return (getattr(self, f"W_x{gate}") @ x_t + getattr(self, f"b_x{gate}")
                + getattr(self, f"W_h{gate}") @ h_prev + getattr(self, f"b_h{gate}"))

    def step(self, x_t, h_prev, c_prev, t: int = 0) -> LSTMStep:
        x_t = np.asarray(x_t, self.dtype)
        h_prev = np.asarray(h_prev, self.dtype)
        c_prev = np.asarray(c_prev, self.dtype)
        a_f = self._pre("f", x_t, h_prev)
        a_i = self._pre("i", x_t, h_prev)
        a_g = self._pre("g", x_t, h_prev)
        a_o = self._pre("o", x_t, h_prev)
        f_t = sigmoid(a_f)
        i_t = sigmoid(a_i)
        g_t = np.tanh(a_g)
        _, _, c_t = cell_update(f_t, c_prev, i_t, g_t)
        o_t = sigmoid(a_o)
        tanh_c = np.tanh(c_t)
        h_t = o_t * tanh_c
        return LSTMStep(t=t, x=x_t, h_prev=h_prev, c_prev=c_prev, a_f=a_f, a_i=a_i, a_g=a_g,
                        a_o=a_o, f=f_t, i=i_t, g=g_t, c=c_t, o=o_t, tanh_c=tanh_c, h=h_t)

    def run(self, x, h0=None, c0=None) -> list[LSTMStep]:
        """Run over a (T, input_size) sequence from h0, c0 (zeros by default)."""
        xs = as_sequence(x, self.input_size, self.dtype)
        H = self.hidden_size
        h = np.zeros(H, self.dtype) if h0 is None else np.asarray(h0, self.dtype)
        c = np.zeros(H, self.dtype) if c0 is None else np.asarray(c0, self.dtype)
        if h.shape != (H,) or c.shape != (H,):
            raise ConfigError(f"h0 and c0 must have shape ({H},)")
        steps = []
        for t in range(xs.shape[0]):
            s = self.step(xs[t], h, c, t)
            steps.append(s)
            h, c = s.h, s.c
        return steps

    # -- construction ---------------------------------------------------------------
    @classmethod
    def random(cls, input_size: int, hidden_size: int, seed: int = 0,
               forget_bias: float = 0.0, dtype=np.float64) -> "LSTMCell":
        """A fresh cell, PyTorch's init: uniform(-1/sqrt(H), 1/sqrt(H)) for every weight and bias;
        ``forget_bias`` is added to the forget gate's bias (b_xf), opening the gate when > 0."""
        if input_size < 1 or hidden_size < 1:
            raise ConfigError("input_size and hidden_size must be positive")
        rng = np.random.default_rng(seed)
        k = 1.0 / np.sqrt(hidden_size)
        H = hidden_size
        W_ih = rng.uniform(-k, k, (4 * H, input_size))
        W_hh = rng.uniform(-k, k, (4 * H, H))
        b_ih = rng.uniform(-k, k, 4 * H)
        b_hh = rng.uniform(-k, k, 4 * H)
        b_ih[H:2 * H] += forget_bias
        return cls(W_ih, W_hh, b_ih, b_hh, dtype=dtype)

    @classmethod
    def from_torch(cls, module, layer: int = 0) -> "LSTMCell":
        """Read layer ``layer`` of a ``torch.nn.LSTM`` (unidirectional, no projection)."""
        import torch

        if not isinstance(module, torch.nn.LSTM):
            raise ConfigError(f"expected torch.nn.LSTM (got {type(module).__name__})")
        if module.bidirectional or getattr(module, "proj_size", 0):
            raise ConfigError("bidirectional or projected LSTMs are not supported")
        if not 0 <= layer < module.num_layers:
            raise ConfigError(f"layer must be in 0..{module.num_layers - 1} (got {layer})")
        get = lambda name: getattr(module, f"{name}_l{layer}").detach().cpu().numpy().copy()
        W_ih, W_hh = get("weight_ih"), get("weight_hh")
        if module.bias:
            b_ih, b_hh = get("bias_ih"), get("bias_hh")
        else:
            b_ih = b_hh = np.zeros(W_ih.shape[0], W_ih.dtype)
        return cls(W_ih, W_hh, b_ih, b_hh, dtype=W_ih.dtype)

    def to_torch(self):
        """A one-layer ``torch.nn.LSTM`` (batch_first=False) with exactly these weights."""
        import torch

        tdtype = torch.float64 if self.dtype == np.float64 else torch.float32
        m = torch.nn.LSTM(self.input_size, self.hidden_size, num_layers=1, bias=True, dtype=tdtype)
        W_ih, W_hh, b_ih, b_hh = self.stacked()
        with torch.no_grad():
            m.weight_ih_l0.copy_(torch.from_numpy(W_ih))
            m.weight_hh_l0.copy_(torch.from_numpy(W_hh))
            m.bias_ih_l0.copy_(torch.from_numpy(b_ih))
            m.bias_hh_l0.copy_(torch.from_numpy(b_hh))
        return m
