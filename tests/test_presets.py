"""The lecture's forget/input gate tables, reproduced exactly."""

import numpy as np
import pytest

from engine.errors import ConfigError
from engine.presets import preset, presets

C_PREV = [0.2, 0.1, 0.3, 0.5, 0.2, 0.2, 0.3]


def test_forget_everything():
    p = preset("forget-all")
    assert p.name_ko == "다 잊는 경우"
    assert p.rounded(p.c_prev) == C_PREV
    assert p.rounded(p.f) == [0.0] * 7
    assert p.rounded(p.kept) == [0.0] * 7
    assert np.all(p.c == 0)
    assert [label for label, _ in p.rows] == ["C_{t-1}", "f_t", "f_t * C_{t-1}"]


def test_remember_everything():
    p = preset("remember-all")
    assert p.name_ko == "모두 기억하는 경우"
    assert p.rounded(p.f) == [1.0] * 7
    assert p.rounded(p.kept) == C_PREV
    np.testing.assert_array_equal(p.c, np.array(C_PREV))   # exact: 1.0 * x == x


def test_input_gate_table():
    p = preset("input")
    assert p.rounded(p.i) == [0.1, 0, 0.8, 0.2, 0.8, 0.7, 1]
    assert p.rounded(p.g) == [0.1, 0.3, 0.6, 0.2, 0.9, 0.1, 0.4]
    expected = [0.01, 0, 0.48, 0.04, 0.72, 0.07, 0.4]
    np.testing.assert_allclose(p.written, expected, atol=1e-12, rtol=0)
    assert p.rounded(p.written) == expected
    assert dict(p.rows)["i_t * C~_t"] is p.written
    # the full update C_t = f_t * C_{t-1} + i_t * C~_t with f_t = 1
    np.testing.assert_allclose(p.c, np.array(C_PREV) + np.array(expected), atol=1e-12)


def test_presets_are_frozen_and_read_only():
    p = presets()[0]
    with pytest.raises(Exception):
        p.name = "x"
    with pytest.raises(ValueError):
        p.c[0] = 1.0
    assert [q.key for q in presets()] == ["forget-all", "remember-all", "input"]
    with pytest.raises(ConfigError, match="unknown preset"):
        preset("nope")


def test_array_holding_records_compare_by_identity_not_elementwise():
    # a reactive or a message queue may compare two of these; == must not raise
    a, b = presets()[0], presets()[0]
    assert a == a and (a == b) is False
