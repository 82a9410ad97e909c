"""The vanilla RNN cell of the lecture (section 2), in plain numpy.

    h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h)
    y_t = W_hy h_t + b_y

W_xh, W_hh, b_h (and W_hy, b_y) are shared across time steps.  ``run`` returns one
frozen :class:`RNNStep` per time step, so a pane can show every number.

PyTorch's ``nn.RNN`` keeps two biases, ``bias_ih`` and ``bias_hh``; their sum is the
lecture's ``b_h``.  The cell keeps both (``b_ih``, ``b_hh``) so that
numpy -> torch -> numpy is exact; ``b_h`` is their sum, for display and the equation.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.errors import ConfigError


@dataclass(frozen=True, eq=False)   # holds arrays: equality is identity
class RNNStep:
    """One time step: the inputs, the pre-activation a_t and the new hidden state."""

    t: int
    x_t: np.ndarray        # (input_size,)
    h_prev: np.ndarray     # h_{t-1}, (hidden_size,)
    a_t: np.ndarray        # W_xh x_t + W_hh h_{t-1} + b_h
    h: np.ndarray          # h_t = tanh(a_t)
    y: np.ndarray | None = None   # y_t = W_hy h_t + b_y (only when the cell has W_hy)

    @property
    def x(self) -> np.ndarray:
        return self.x_t


def as_sequence(x, input_size: int, dtype) -> np.ndarray:
    """``x`` as a (T, input_size) array of ``dtype`` (one vector is a sequence of length 1)."""
    x = np.asarray(x, dtype=dtype)
    if x.ndim == 1:
        x = x[None, :]
    if x.ndim != 2 or x.shape[1] != input_size:
        raise ConfigError(
            f"input must have shape (T, {input_size}) (got {tuple(np.shape(x))})")
    return x


class RNNCell:
    """An Elman RNN cell with tanh, weights named as in the lecture."""

    def __init__(self, W_xh, W_hh, b_ih=None, b_hh=None, W_hy=None, b_y=None, dtype=None):
        W_xh = np.asarray(W_xh)
        dtype = np.dtype(dtype) if dtype is not None else (
            W_xh.dtype if W_xh.dtype in (np.float32, np.float64) else np.dtype(np.float64))
        self.W_xh = np.array(W_xh, dtype=dtype)
        self.W_hh = np.array(W_hh, dtype=dtype)
        if self.W_xh.ndim != 2 or self.W_hh.ndim != 2:
            raise ConfigError("W_xh and W_hh must be matrices")
        H = self.W_xh.shape[0]
        if self.W_hh.shape != (H, H):
            raise ConfigError(f"W_hh must be ({H}, {H}) (got {self.W_hh.shape})")
        self.b_ih = np.zeros(H, dtype) if b_ih is None else np.array(b_ih, dtype=dtype)
        self.b_hh = np.zeros(H, dtype) if b_hh is None else np.array(b_hh, dtype=dtype)
        if self.b_ih.shape != (H,) or self.b_hh.shape != (H,):
            raise ConfigError(f"biases must have shape ({H},)")
        self.W_hy = None if W_hy is None else np.array(W_hy, dtype=dtype)
        if self.W_hy is not None:
            if self.W_hy.ndim != 2 or self.W_hy.shape[1] != H:
                raise ConfigError(f"W_hy must be (output_size, {H}) (got {self.W_hy.shape})")
            O = self.W_hy.shape[0]
            self.b_y = np.zeros(O, dtype) if b_y is None else np.array(b_y, dtype=dtype)
        else:
            self.b_y = None

    # -- shapes -----------------------------------------------------------------
    @property
    def hidden_size(self) -> int:
        return self.W_xh.shape[0]

    @property
    def input_size(self) -> int:
        return self.W_xh.shape[1]

    @property
    def dtype(self) -> np.dtype:
        return self.W_xh.dtype

    @property
    def b_h(self) -> np.ndarray:
        """The lecture's single bias: PyTorch's b_ih + b_hh."""
        return self.b_ih + self.b_hh

    # -- the equation ---------------------------------------------------------------
    def step(self, x_t, h_prev, t: int = 0) -> RNNStep:
        x_t = np.asarray(x_t, dtype=self.dtype)
        h_prev = np.asarray(h_prev, dtype=self.dtype)
        a_t = self.W_xh @ x_t + self.b_ih + self.W_hh @ h_prev + self.b_hh
        h_t = np.tanh(a_t)
        y_t = None if self.W_hy is None else self.W_hy @ h_t + self.b_y
        return RNNStep(t=t, x_t=x_t, h_prev=h_prev, a_t=a_t, h=h_t, y=y_t)

    def run(self, x, h0=None) -> list[RNNStep]:
        """Run over a (T, input_size) sequence; returns one step per row of x."""
        xs = as_sequence(x, self.input_size, self.dtype)
        h = np.zeros(self.hidden_size, self.dtype) if h0 is None else np.asarray(h0, self.dtype)
        if h.shape != (self.hidden_size,):
            raise ConfigError(f"h0 must have shape ({self.hidden_size},) (got {h.shape})")
        steps = []
        for t in range(xs.shape[0]):
            s = self.step(xs[t], h, t)
            steps.append(s)
            h = s.h
        return steps

    # -- construction -----------------------------------------------------------------
    @classmethod
    def random(cls, input_size: int, hidden_size: int, seed: int = 0,
               recurrent_scale: float = 1.0, dtype=np.float64) -> "RNNCell":
        """PyTorch's init: every weight uniform(-1/sqrt(H), 1/sqrt(H)); W_hh times recurrent_scale."""
        if input_size < 1 or hidden_size < 1:
            raise ConfigError("input_size and hidden_size must be positive")
        rng = np.random.default_rng(seed)
        k = 1.0 / np.sqrt(hidden_size)
        u = lambda *shape: rng.uniform(-k, k, size=shape)
        return cls(u(hidden_size, input_size), recurrent_scale * u(hidden_size, hidden_size),
                   u(hidden_size), u(hidden_size), dtype=dtype)

    @classmethod
    def from_torch(cls, module, layer: int = 0, linear=None) -> "RNNCell":
        """Read layer ``layer`` of a ``torch.nn.RNN`` (tanh, unidirectional).

        ``linear`` (an ``nn.Linear`` of in_features == hidden_size) becomes W_hy, b_y.
        """
        import torch

        if not isinstance(module, torch.nn.RNN):
            raise ConfigError(f"expected torch.nn.RNN (got {type(module).__name__})")
        if getattr(module, "nonlinearity", "tanh") != "tanh":
            raise ConfigError("only the tanh RNN of the lecture is supported")
        if module.bidirectional:
            raise ConfigError("bidirectional RNNs are not supported")
        if not 0 <= layer < module.num_layers:
            raise ConfigError(f"layer must be in 0..{module.num_layers - 1} (got {layer})")
        get = lambda name: getattr(module, f"{name}_l{layer}").detach().cpu().numpy().copy()
        W_ih, W_hh = get("weight_ih"), get("weight_hh")
        H = W_hh.shape[0]
        if module.bias:
            b_ih, b_hh = get("bias_ih"), get("bias_hh")
        else:
            b_ih = b_hh = np.zeros(H, W_ih.dtype)
        W_hy = b_y = None
        if linear is not None:
            W_hy = linear.weight.detach().cpu().numpy().copy()
            b_y = (linear.bias.detach().cpu().numpy().copy() if linear.bias is not None
                   else np.zeros(W_hy.shape[0], W_hy.dtype))
        return cls(W_ih, W_hh, b_ih, b_hh, W_hy, b_y, dtype=W_ih.dtype)

    def to_torch(self):
        """A one-layer ``torch.nn.RNN`` (batch_first=False) with exactly these weights."""
        import torch

        tdtype = torch.float64 if self.dtype == np.float64 else torch.float32
        m = torch.nn.RNN(self.input_size, self.hidden_size, num_layers=1,
                         nonlinearity="tanh", bias=True, dtype=tdtype)
        with torch.no_grad():
            m.weight_ih_l0.copy_(torch.from_numpy(self.W_xh))
            m.weight_hh_l0.copy_(torch.from_numpy(self.W_hh))
            m.bias_ih_l0.copy_(torch.from_numpy(self.b_ih))
            m.bias_hh_l0.copy_(torch.from_numpy(self.b_hh))
        return m
