"""RNNCell against torch.nn.RNN, float64."""

import numpy as np
import pytest

import torch  # a requirement: a broken install must fail, not skip the module

from engine.errors import ConfigError
from engine.rnn import RNNCell


@pytest.mark.parametrize("seed,I,H,T", [(0, 3, 4, 9), (1, 6, 2, 5)])
def test_parity_with_torch_every_step(seed, I, H, T):
    torch.manual_seed(seed)
    module = torch.nn.RNN(I, H, dtype=torch.float64)
    with torch.no_grad():
        for p in module.parameters():
            p.uniform_(-1.0, 1.0)
    x = np.random.default_rng(seed).standard_normal((T, I))
    h0 = np.random.default_rng(seed + 9).standard_normal(H)
    out, _ = module(torch.from_numpy(x)[:, None, :], torch.from_numpy(h0)[None, None, :])
    out = out[:, 0, :].detach().numpy()
    steps = RNNCell.from_torch(module).run(x, h0=h0)
    for t, s in enumerate(steps):
        np.testing.assert_allclose(s.h, out[t], atol=1e-6, rtol=0)
        np.testing.assert_allclose(np.tanh(s.a_t), s.h, atol=1e-12)
    assert np.array_equal(steps[0].h_prev, h0)


def test_lecture_equation_with_output_layer():
    torch.manual_seed(0)
    rnn = torch.nn.RNN(3, 4, dtype=torch.float64)
    lin = torch.nn.Linear(4, 2, dtype=torch.float64)
    cell = RNNCell.from_torch(rnn, linear=lin)
    x = np.random.default_rng(0).standard_normal((3, 3))
    steps = cell.run(x)
    s = steps[1]
    np.testing.assert_allclose(s.a_t, cell.W_xh @ s.x_t + cell.W_hh @ s.h_prev + cell.b_h,
                               atol=1e-12)
    np.testing.assert_allclose(s.y, cell.W_hy @ s.h + cell.b_y, atol=1e-12)
    np.testing.assert_allclose(
        s.y, lin(torch.from_numpy(s.h)).detach().numpy(), atol=1e-12)
    assert RNNCell.random(3, 4).run(x)[0].y is None


def test_round_trip_keeps_both_biases_exactly():
    cell = RNNCell.random(5, 7, seed=2)
    back = RNNCell.from_torch(cell.to_torch())
    for name in ("W_xh", "W_hh", "b_ih", "b_hh"):
        assert np.array_equal(getattr(cell, name), getattr(back, name)), name
    assert not np.array_equal(cell.b_ih, cell.b_hh)
    np.testing.assert_array_equal(cell.b_h, cell.b_ih + cell.b_hh)


def test_bad_inputs():
    with pytest.raises(ConfigError):
        RNNCell.from_torch(torch.nn.RNN(2, 3, nonlinearity="relu"))
    with pytest.raises(ConfigError):
        RNNCell.random(2, 3).run(np.zeros((2, 4)))
    with pytest.raises(ConfigError):
        RNNCell.random(2, 3).run(np.zeros((2, 2)), h0=np.zeros(2))
