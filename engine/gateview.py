"""A sentence, run through an RNN or LSTM cell one time step at a time: what the gate pane shows.

The LSTM pane (``tui/panes/lstm/``) does no arithmetic; it asks this module for:

- :func:`tokenize`: the typed sentence as vocabulary tokens, unknown words mapped to ``<unk>``
  (and which positions were mapped, so the pane can say so);
- :class:`FreshModel`: a freshly initialised word embedding plus an RNN and an LSTM cell
  (PyTorch's init, numpy, seeded) over a vocabulary: the "untrained network" of the lecture;
- :func:`run_cell`: the per-step traces (``engine.lstm.LSTMStep`` / ``engine.rnn.RNNStep``);
- :func:`unit_terms`: one hidden unit's numbers at step t, so the equations can be filled in
  (``f_t = sigma(a_f) = 0.73``, ``C_t = f_t * C_{t-1} + i_t * C~_t = ...``).

A trained language model (``engine.lm``) supplies its own embedding and cells through the same
``encode``/``cell`` interface.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

import numpy as np

from engine.errors import ConfigError
from engine.lm import UNK  # noqa: F401 - one <unk> for the engine (re-exported)
from engine.lstm import LSTMCell
from engine.rnn import RNNCell

MAX_HIDDEN = 1024
MAX_EMBED = 1024


@dataclass(frozen=True)
class Tokens:
    """The typed words and the tokens the model sees (``<unk>`` for words it does not know)."""

    typed: tuple[str, ...]
    tokens: tuple[str, ...]
    ids: np.ndarray                 # int64, one id per token
    unknown: tuple[int, ...]        # positions whose typed word became <unk>

    def __len__(self) -> int:
        return len(self.tokens)


def tokenize(sentence: str | Sequence[str], index: Mapping[str, int], unk_id: int) -> Tokens:
    """Split on whitespace and look each word up (exact, then lower-case); unknown -> ``<unk>``.

    Raises ConfigError for an empty sentence.
    """
    words = sentence.split() if isinstance(sentence, str) else [w for w in sentence if w]
    if not words:
        raise ConfigError("the sentence is empty: type a few words (or take one from the corpus)")
    tokens, ids, unknown = [], [], []
    for pos, w in enumerate(words):
        for cand in (w, w.lower()):
            if cand in index:
                tokens.append(cand)
                ids.append(index[cand])
                break
        else:
            tokens.append(UNK)
            ids.append(unk_id)
            unknown.append(pos)
    return Tokens(tuple(words), tuple(tokens), np.asarray(ids, dtype=np.int64), tuple(unknown))


def check_sizes(hidden_size, embed_dim=8) -> None:
    """ConfigError with one line for a hidden size or embedding size a terminal cannot sensibly hold."""
    if isinstance(hidden_size, bool) or not isinstance(hidden_size, (int, np.integer)) \
            or not 1 <= hidden_size <= MAX_HIDDEN:
        raise ConfigError(f"hidden size must be an integer in 1..{MAX_HIDDEN} (got {hidden_size!r})")
    if isinstance(embed_dim, bool) or not isinstance(embed_dim, (int, np.integer)) \
            or not 1 <= embed_dim <= MAX_EMBED:
        raise ConfigError(f"embedding size must be an integer in 1..{MAX_EMBED} (got {embed_dim!r})")


class FreshModel:
    """A freshly initialised embedding (N(0, 1) rows, one per word plus ``<unk>``) and both cells.

    The cells use PyTorch's init (``LSTMCell.random`` / ``RNNCell.random``) with the same seed,
    so switching RNN <-> LSTM shows two networks that saw the same inputs x_t.
    """

    trained = False

    def __init__(self, words: Iterable[str], hidden_size: int = 8, embed_dim: int = 8,
                 seed: int = 0) -> None:
        check_sizes(hidden_size, embed_dim)
        self.words = [w for w in dict.fromkeys(words) if w != UNK] + [UNK]
        self.index = {w: k for k, w in enumerate(self.words)}
        self.unk_id = self.index[UNK]
        self.hidden_size = int(hidden_size)
        self.embed_dim = int(embed_dim)
        self.seed = seed
        rng = np.random.default_rng(seed)
        self.embedding = rng.standard_normal((len(self.words), self.embed_dim))
        self.cells = {
            "lstm": LSTMCell.random(self.embed_dim, self.hidden_size, seed=seed + 1),
            "rnn": RNNCell.random(self.embed_dim, self.hidden_size, seed=seed + 1),
        }

    @classmethod
    def from_sentences(cls, sentences: Iterable[Sequence[str]], hidden_size: int = 8,
                       embed_dim: int = 8, seed: int = 0, max_tokens: int = 200_000,
                       max_words: int = 20_000) -> "FreshModel":
        """Vocabulary = the words of the first ``max_tokens`` tokens (at most ``max_words``,
        first seen first), so a huge corpus costs no more than a glance at its start."""
        check_sizes(hidden_size, embed_dim)
        seen: dict[str, None] = {}
        n = 0
        for sent in sentences:
            for w in sent:
                if len(seen) < max_words:
                    seen.setdefault(w, None)
                n += 1
            if n >= max_tokens or len(seen) >= max_words:
                break
        return cls(seen, hidden_size=hidden_size, embed_dim=embed_dim, seed=seed)

    def encode(self, sentence) -> tuple[Tokens, np.ndarray]:
        """(tokens, x) with x the (T, embed_dim) inputs x_t: the embedding rows of the tokens."""
        toks = tokenize(sentence, self.index, self.unk_id)
        return toks, self.embedding[toks.ids]

    def cell(self, kind: str):
        if kind not in self.cells:
            raise ConfigError(f"cell must be 'rnn' or 'lstm' (got {kind!r})")
        return self.cells[kind]


def run_cell(cell, x: np.ndarray) -> list:
    """The per-step traces of ``cell`` over the inputs x (T, input_size), from zero state."""
    return cell.run(x)


def rnn_terms(cell: RNNCell, step) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The three parts of the RNN's pre-activation: (W_xh x_t, W_hh h_{t-1}, b_h)."""
    return cell.W_xh @ step.x_t, cell.W_hh @ step.h_prev, cell.b_h


@dataclass(frozen=True)
class UnitTerms:
    """One hidden unit's numbers at one time step, for the filled-in equations."""

    kind: str                    # "lstm" | "rnn"
    unit: int
    t: int
    values: dict                 # name -> float: a_f, f, a_i, i, a_g, g, c_prev, c, a_o, o, tanh_c, h, kept, written
                                 # (RNN: a, h_prev, h)


def unit_terms(step, unit: int) -> UnitTerms:
    """Pick unit ``unit`` out of an LSTMStep or RNNStep (ConfigError if out of range)."""
    H = step.h.shape[0]
    if not 0 <= unit < H:
        raise ConfigError(f"unit must be in 0..{H - 1} (got {unit})")
    k = unit
    if hasattr(step, "f"):
        v = dict(a_f=step.a_f[k], f=step.f[k], a_i=step.a_i[k], i=step.i[k], a_g=step.a_g[k],
                 g=step.g[k], c_prev=step.c_prev[k], c=step.c[k], a_o=step.a_o[k], o=step.o[k],
                 tanh_c=step.tanh_c[k], h=step.h[k], h_prev=step.h_prev[k],
                 kept=step.f_c_prev[k], written=step.i_g[k])
        kind = "lstm"
    else:
        v = dict(a=step.a_t[k], h_prev=step.h_prev[k], h=step.h[k])
        kind = "rnn"
    return UnitTerms(kind=kind, unit=unit, t=step.t, values={n: float(x) for n, x in v.items()})


class TrainedModel:
    """A trained ``engine.lm.LanguageModelSession`` behind the same interface as FreshModel:
    its vocabulary (``<unk>`` = id 0), its embedding rows as x_t and its first layer's cell."""

    trained = True

    def __init__(self, session) -> None:
        self.session = session
        self.kind = session.config.cell
        self.index = session.vocab.index
        self.unk_id = self.index[UNK]
        self.embedding = session.embeddings()
        self._cell = session.cell(0)
        self.hidden_size = self._cell.hidden_size

    def encode(self, sentence) -> tuple[Tokens, np.ndarray]:
        toks = tokenize(sentence, self.index, self.unk_id)
        return toks, self.embedding[toks.ids]

    def cell(self, kind: str):
        if kind != self.kind:
            raise ConfigError(f"the trained language model is an {self.kind.upper()}, "
                              f"not an {kind.upper()}")
        return self._cell

    def predict_next(self, words, k: int = 5) -> list[tuple[str, float]]:
        return self.session.predict_next(words, k)
