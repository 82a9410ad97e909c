"""LSTMCell against torch.nn.LSTM: every gate and state at every step, float64."""

import numpy as np
import pytest

import torch  # a requirement: a broken install must fail, not skip the module

from engine.errors import ConfigError
from engine.lstm import LSTMCell, sigmoid


def torch_gates(module, x, layer_input=None):
    """Gates computed by hand from nn.LSTM's own weights (order i, f, g, o), layer 0."""
    W_ih = module.weight_ih_l0.detach().numpy()
    W_hh = module.weight_hh_l0.detach().numpy()
    b = module.bias_ih_l0.detach().numpy() + module.bias_hh_l0.detach().numpy()
    H = module.hidden_size
    out, (h_n, c_n) = module(torch.from_numpy(x)[:, None, :])
    hs = out[:, 0, :].detach().numpy()
    gates = []
    h_prev = np.zeros(H)
    c_prev = np.zeros(H)
    for t in range(x.shape[0]):
        a = W_ih @ x[t] + W_hh @ h_prev + b
        i, f = sigmoid(a[:H]), sigmoid(a[H:2 * H])
        g, o = np.tanh(a[2 * H:3 * H]), sigmoid(a[3 * H:])
        c = f * c_prev + i * g
        gates.append(dict(i=i, f=f, g=g, o=o, c=c))
        h_prev, c_prev = hs[t], c
    return gates, hs, c_n[-1, 0].detach().numpy()


@pytest.mark.parametrize("seed,I,H,T", [(0, 3, 4, 7), (1, 5, 8, 12), (2, 1, 1, 3)])
def test_parity_with_torch_every_gate_every_step(seed, I, H, T):
    torch.manual_seed(seed)
    module = torch.nn.LSTM(I, H, dtype=torch.float64)
    with torch.no_grad():
        for p in module.parameters():
            p.uniform_(-1.0, 1.0)      # larger than the default init: exercise saturation too
    x = np.random.default_rng(seed).standard_normal((T, I))
    cell = LSTMCell.from_torch(module)
    steps = cell.run(x)
    gates, hs, c_last = torch_gates(module, x)
    assert len(steps) == T
    for t, s in enumerate(steps):
        for name in ("i", "f", "g", "o", "c"):
            np.testing.assert_allclose(getattr(s, name), gates[t][name], atol=1e-6, rtol=0)
        np.testing.assert_allclose(s.h, hs[t], atol=1e-6, rtol=0)
        np.testing.assert_allclose(s.tanh_c, np.tanh(s.c), atol=1e-12)
        assert s.c.dtype == np.float64
    np.testing.assert_allclose(steps[-1].c, c_last, atol=1e-6, rtol=0)


def test_trace_chains_states_and_follows_the_lecture_equations():
    cell = LSTMCell.random(3, 5, seed=4)
    x = np.random.default_rng(0).standard_normal((4, 3))
    steps = cell.run(x)
    assert np.all(steps[0].h_prev == 0) and np.all(steps[0].c_prev == 0)
    for prev, s in zip(steps, steps[1:]):
        assert np.array_equal(s.h_prev, prev.h) and np.array_equal(s.c_prev, prev.c)
    s = steps[2]
    hx = np.concatenate([s.h_prev, s.x])          # [h_{t-1}, x_t] as in the lecture
    np.testing.assert_allclose(s.f, sigmoid(cell.W_f @ hx + cell.b_f), atol=1e-12)
    np.testing.assert_allclose(s.i, sigmoid(cell.W_i @ hx + cell.b_i), atol=1e-12)
    np.testing.assert_allclose(s.g, np.tanh(cell.W_C @ hx + cell.b_C), atol=1e-12)
    np.testing.assert_allclose(s.o, sigmoid(cell.W_o @ hx + cell.b_o), atol=1e-12)
    np.testing.assert_allclose(s.c, s.f * s.c_prev + s.i * s.g, atol=1e-12)
    np.testing.assert_allclose(s.h, s.o * np.tanh(s.c), atol=1e-12)
    np.testing.assert_allclose(s.a_f, cell.W_f @ hx + cell.b_f, atol=1e-12)


def test_round_trip_numpy_torch_numpy_is_exact():
    cell = LSTMCell.random(4, 6, seed=3, forget_bias=1.5)
    back = LSTMCell.from_torch(cell.to_torch())
    for a, b in zip(cell.stacked(), back.stacked()):
        assert a.dtype == b.dtype == np.float64
        assert np.array_equal(a, b)
    x = np.random.default_rng(1).standard_normal((5, 4))
    assert all(np.array_equal(s.h, t.h) for s, t in zip(cell.run(x), back.run(x)))


def test_from_torch_reads_any_layer_and_float32():
    torch.manual_seed(0)
    m = torch.nn.LSTM(3, 4, num_layers=2)
    top = LSTMCell.from_torch(m, layer=1)
    assert top.input_size == 4 and top.dtype == np.float32
    assert np.array_equal(top.W_xf, m.weight_ih_l1.detach().numpy()[4:8])
    with pytest.raises(ConfigError):
        LSTMCell.from_torch(m, layer=2)
    with pytest.raises(ConfigError):
        LSTMCell.from_torch(torch.nn.RNN(3, 4))


def test_random_matches_pytorch_init_range_and_forget_bias():
    H = 16
    cell = LSTMCell.random(8, H, seed=0, forget_bias=4.0)
    k = 1 / np.sqrt(H)
    W_ih, W_hh, b_ih, b_hh = cell.stacked()
    assert np.abs(W_ih).max() <= k and np.abs(W_hh).max() <= k
    assert np.all(cell.b_f >= 4.0 - 2 * k) and np.abs(cell.b_i).max() <= 2 * k
    again = LSTMCell.random(8, H, seed=0, forget_bias=4.0)
    assert np.array_equal(again.stacked()[0], W_ih)


def test_bad_input_shape_is_a_config_error():
    cell = LSTMCell.random(3, 2, seed=0)
    with pytest.raises(ConfigError, match="shape"):
        cell.run(np.zeros((4, 5)))
    with pytest.raises(ConfigError):
        LSTMCell.random(0, 2)


def test_importing_engine_lstm_does_not_import_torch():
    import subprocess
    import sys
    code = "import sys, engine.lstm, engine.rnn, engine.presets, engine.gradflow, engine.lm; " \
           "print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_parity_for_any_small_shape():
    from hypothesis import given, settings, strategies as st

    @settings(max_examples=15, deadline=None)
    @given(I=st.integers(1, 5), H=st.integers(1, 6), T=st.integers(1, 6),
           seed=st.integers(0, 2**31 - 1), scale=st.floats(0.1, 3.0))
    def check(I, H, T, seed, scale):
        rng = np.random.default_rng(seed)
        cell = LSTMCell(rng.uniform(-scale, scale, (4 * H, I)), rng.uniform(-scale, scale, (4 * H, H)),
                        rng.uniform(-scale, scale, 4 * H), rng.uniform(-scale, scale, 4 * H))
        x = rng.standard_normal((T, I)) * scale
        out, (h_n, c_n) = cell.to_torch()(torch.from_numpy(x)[:, None, :])
        steps = cell.run(x)
        np.testing.assert_allclose(np.stack([s.h for s in steps]), out[:, 0].detach().numpy(),
                                   atol=1e-6, rtol=0)
        np.testing.assert_allclose(steps[-1].c, c_n[0, 0].detach().numpy(), atol=1e-6, rtol=0)

    check()


def test_steps_compare_without_raising():
    s = LSTMCell.random(2, 3, seed=0).run(np.ones((2, 2)))
    assert s[0] == s[0] and s[0] != s[1]
