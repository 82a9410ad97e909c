"""The lecture's worked gate tables (section 3), computed by the LSTM cell's own update code.

Forget gate, on C_{t-1} = [0.2, 0.1, 0.3, 0.5, 0.2, 0.2, 0.3]:
  - forget everything (다 잊는 경우):   f_t = 0 -> f_t * C_{t-1} = 0
  - remember everything (모두 기억하는 경우): f_t = 1 -> f_t * C_{t-1} = C_{t-1}
Input gate: i_t = [0.1, 0, 0.8, 0.2, 0.8, 0.7, 1], C~_t = [0.1, 0.3, 0.6, 0.2, 0.9, 0.1, 0.4]
  -> i_t * C~_t = [0.01, 0, 0.48, 0.04, 0.72, 0.07, 0.4]

Every preset holds all four vectors of the cell update ``C_t = f_t * C_{t-1} + i_t * C~_t`` and
the products, computed with :func:`engine.lstm.cell_update`.  ``rows`` are exactly the rows the
lecture's table shows; ``note`` says which vectors are wordlab's completion of the table
(the forget tables write nothing, i_t = 0; the input table keeps C_{t-1}, f_t = 1).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.lstm import cell_update

C_PREV = (0.2, 0.1, 0.3, 0.5, 0.2, 0.2, 0.3)
INPUT_GATE = (0.1, 0.0, 0.8, 0.2, 0.8, 0.7, 1.0)
CANDIDATE = (0.1, 0.3, 0.6, 0.2, 0.9, 0.1, 0.4)
PRECISION = 2   # the lecture writes two decimals


@dataclass(frozen=True, eq=False)   # holds arrays: equality is identity
class GatePreset:
    key: str                 # "forget-all" | "remember-all" | "input"
    name: str                # English title
    name_ko: str             # the lecture's Korean title
    gate: str                # "f" or "i": the gate the table is about
    c_prev: np.ndarray       # C_{t-1}
    f: np.ndarray            # f_t
    i: np.ndarray            # i_t
    g: np.ndarray            # C~_t
    kept: np.ndarray         # f_t * C_{t-1}
    written: np.ndarray      # i_t * C~_t
    c: np.ndarray            # C_t = kept + written
    rows: tuple[tuple[str, np.ndarray], ...]   # the lecture's table, (label, vector)
    note: str

    def rounded(self, values: np.ndarray) -> list[float]:
        """Values at the lecture's precision (0.8 * 0.6 = 0.48, not 0.48000000000000004)."""
        return [round(float(v), PRECISION) + 0.0 for v in values]   # + 0.0: no -0.0


def _preset(key, name, name_ko, gate, f, i, rows_spec, note) -> GatePreset:
    c_prev = np.array(C_PREV)
    g = np.array(CANDIDATE)
    f = np.asarray(f, dtype=float)
    i = np.asarray(i, dtype=float)
    kept, written, c = cell_update(f, c_prev, i, g)
    named = {"C_{t-1}": c_prev, "f_t": f, "i_t": i, "C~_t": g,
             "f_t * C_{t-1}": kept, "i_t * C~_t": written, "C_t": c}
    rows = tuple((label, named[label]) for label in rows_spec)
    for arr in (c_prev, f, i, g, kept, written, c):
        arr.setflags(write=False)
    return GatePreset(key=key, name=name, name_ko=name_ko, gate=gate, c_prev=c_prev, f=f, i=i,
                      g=g, kept=kept, written=written, c=c, rows=rows, note=note)


def presets() -> list[GatePreset]:
    """The three worked tables, in the lecture's order."""
    n = len(C_PREV)
    return [
        _preset("forget-all", "forget everything", "다 잊는 경우", "f",
                np.zeros(n), np.zeros(n), ("C_{t-1}", "f_t", "f_t * C_{t-1}"),
                "f_t = 0 forgets all of C_{t-1}; nothing is written (i_t = 0), so C_t = 0"),
        _preset("remember-all", "remember everything", "모두 기억하는 경우", "f",
                np.ones(n), np.zeros(n), ("C_{t-1}", "f_t", "f_t * C_{t-1}"),
                "f_t = 1 keeps all of C_{t-1}; nothing is written (i_t = 0), so C_t = C_{t-1}"),
        _preset("input", "input gate", "입력 게이트", "i",
                np.ones(n), np.array(INPUT_GATE), ("i_t", "C~_t", "i_t * C~_t"),
                "i_t scales the candidate C~_t; with f_t = 1, C_t = C_{t-1} + i_t * C~_t"),
    ]


def preset(key: str) -> GatePreset:
    for p in presets():
        if p.key == key:
            return p
    from engine.errors import ConfigError
    raise ConfigError(f"unknown preset {key!r} (choose from: "
                      f"{', '.join(p.key for p in presets())})")
