"""FastText step mode: one training example at a time, every row it reads and moves.

A word enters FastText as the mean of several rows of ``W_in``: its own row and one row per
character n-gram (``<ca``, ``cat``, ..., each row ``V + ft_hash(g) % bucket``,
engine/fasttext/__init__.py).  ``FastTextStepSession.step()`` trains the next example of the corpus with
``engine.fasttext.reference_update`` (the numpy update the compiled kernel is checked against)
and returns a ``FastTextStepTrace``: the input rows with their n-grams and bucket ids, h, the
target and noise words with their scores, sigmoids and labels, the loss before and after, and
how far each row moved.  ``lookup(word)`` answers for any word, one never seen included: its
n-grams, their buckets, how often step mode has moved each bucket's row, which known words
share it, its vector (the mean of its rows; an unseen word: of its n-gram rows only) and its
nearest known words.

The examples are fastText's (``FastText::skipgram`` / ``FastText::cbow``): centre words left
to right, a window drawn from 1..window per centre; Skip-gram's input is the centre word (its
rows), the output each context word in turn with its own noise words; CBOW's input the rows of
all the context words, the output the centre.  A noise draw equal to the target is drawn again
(``getNegative``).

Why a step model is not fastText's defaults (the reasons of engine/word2vec/stepping.py, measured there
for Word2Vec): d = 10 so h fits on a line; 2^16 buckets instead of 2,000,000 (65,536 x 10 floats,
2.6 MB, built in a blink; the ids are still fastText's hash, only taken mod 2^16); no
subsampling, one constant learning rate ``STEP_ALPHA``; ``W_out`` starts at 0 as in fastText
(so until a target's output row has moved, dL/dh = 0 and no input row moves: the trace says
so), ``W_in`` from U(-STEP_INIT, STEP_INIT) rather than U(-1/d, 1/d) so that one update moves a
score visibly.  h is a mean of ~7-20 rows, which shrinks it by about sqrt(rows): hence 1.0.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from engine.errors import CorpusError, UnknownWordError
from engine.fasttext import FastTextConfig, FastTextSession, ngrams, reference_update

STEP_DIM = 10
STEP_WINDOW = 2
STEP_BUCKET = 2**16
STEP_ALPHA = 0.25
STEP_INIT = 1.0


def step_config(corpus_name: str | None = None, arch: str = "sg", **overrides) -> FastTextConfig:
    """The step model's settings: fastText's, the corpus's vocabulary hint (the lecture's
    tiny texts keep every word: ``engine.settings.SHARED_HINTS``), then the readable sizes
    above; ``overrides`` (None ignored) last, e.g. ``subwords="jamo"`` for n-grams over
    Hangul jamo."""
    from engine.settings import SHARED_HINTS, suggested

    hints = {k: v for k, v in suggested(corpus_name).items() if k in SHARED_HINTS}
    hints.pop("window", None)
    given = {k: v for k, v in overrides.items() if v is not None}
    return FastTextConfig().replace(**{
        **hints, "arch": arch, "dim": STEP_DIM, "window": STEP_WINDOW, "bucket": STEP_BUCKET,
        "sample": 0.0, "epochs": 1, "alpha": STEP_ALPHA, "min_alpha": STEP_ALPHA, "seed": 1,
        "threads": 1, **given})


@dataclass(frozen=True, eq=False)
class InputRow:
    """One row of ``W_in`` that h averages: a word's own row (``ngram`` None) or an n-gram's."""

    row: int                 # the W_in row
    word: str                # the input word it belongs to
    ngram: str | None        # None: the word's own row
    bucket: int | None       # ft_hash(ngram) % bucket (row = V + bucket)
    before: np.ndarray       # the row before the update
    delta: np.ndarray        # after - before (a row listed twice got the gradient twice)

    @property
    def moved(self) -> float:
        return float(np.linalg.norm(self.delta))


@dataclass(frozen=True, eq=False)
class FastTextStepTrace:
    """One example's update, every number of it (data only)."""

    arch: str
    number: int                      # 1 for the first example of the session
    centre: str
    inputs: tuple[str, ...]          # Skip-gram: (centre,); CBOW: the context words
    rows: tuple[InputRow, ...]       # h's rows, each input word's own row then its n-grams
    h: np.ndarray                    # mean of the rows, before the update
    outputs: tuple[str, ...]         # the target, then the noise words
    output_ids: np.ndarray
    labels: np.ndarray               # 1 for the target, 0 for noise
    scores: np.ndarray               # f = W_out[out] . h
    sigmas: np.ndarray               # sigma(f)
    lr: float
    loss: float                      # sum -log sigma(+-f), the engine's
    loss_after: float                # the same example with the updated weights
    grad_h: np.ndarray               # sum_t g_t W_out[t] (before): what every input row gained
    output_moved: np.ndarray         # |change| of each output row

    @property
    def changed_rows(self) -> list[int]:
        """The W_in rows whose values changed, ascending."""
        return sorted({r.row for r in self.rows if np.any(r.delta != 0)})

    @property
    def input_rows(self) -> list[int]:
        return sorted({r.row for r in self.rows})

    @property
    def output_was_zero(self) -> bool:
        """Every output row scored was 0 before (fastText's start): dL/dh = 0."""
        return not np.any(self.grad_h)


@dataclass(frozen=True, eq=False)
class NgramInfo:
    ngram: str
    bucket: int
    row: int
    updates: int                     # step updates that moved this row
    shared: tuple[str, ...]          # known words whose rows include this bucket


@dataclass(frozen=True, eq=False)
class WordLookup:
    """What step mode knows of one word, seen or not."""

    word: str
    known: bool                      # in the vocabulary (its own row counts too)
    word_row: int | None
    word_updates: int
    ngrams: tuple[NgramInfo, ...]
    vector: np.ndarray               # the mean of its rows (unseen: of its n-gram rows)
    neighbours: tuple[tuple[str, float], ...]

    @property
    def from_ngrams(self) -> bool:
        return not self.known

    @property
    def trained(self) -> int:
        """How many of its n-gram buckets step mode has moved."""
        return sum(1 for g in self.ngrams if g.updates)


class FastTextStepSession:
    """A small FastText model over ``sentences`` to train one example at a time."""

    def __init__(self, config: FastTextConfig, sentences: Iterable[Iterable[str]]) -> None:
        self.config = config
        self.session = FastTextSession(config, sentences)    # vocabulary, model, encoding
        self.model = self.session.model
        self.vocab = self.session.vocab
        V = len(self.vocab)
        rng = np.random.default_rng(np.random.SeedSequence([config.seed, 13]))
        self.model.W_in[...] = rng.uniform(-STEP_INIT, STEP_INIT, self.model.W_in.shape)
        self.updates = np.zeros(len(self.model.W_in), dtype=np.int64)
        from engine.word2vec.negative import NoiseSampler

        self._noise = NoiseSampler(self.vocab.noise_distribution(config.ns_exponent))
        self._rng = np.random.default_rng(np.random.SeedSequence([config.seed, 14]))
        self._examples = self._walk()
        self.stepped = 0
        self._last: tuple | None = None
        self.V = V

    # -- the examples -----------------------------------------------------------------------
    def _walk(self):
        """(centre id, input word ids, target id), fastText's order, pass after pass; the
        corpus is read a sentence at a time (a big one is never encoded whole)."""
        c = self.config
        while True:
            found = False
            for sentence in self.session.sentences:
                ids = self.vocab.encode(sentence)
                a, b = 0, len(ids)
                for pos in range(a, b):
                    win = int(self._rng.integers(1, c.window + 1))
                    ctx = [int(ids[p]) for p in range(max(a, pos - win), min(b, pos + win + 1))
                           if p != pos]
                    if not ctx:
                        continue
                    found = True
                    centre = int(ids[pos])
                    if c.arch == "sg":
                        for t in ctx:
                            yield centre, (centre,), t
                    else:
                        yield centre, tuple(ctx), centre
            if not found:
                return

    def _negatives(self, target: int) -> np.ndarray:
        out = []
        while len(out) < self.config.negative:
            w = int(self._noise.draw(self._rng, 1)[0])
            if w != target:
                out.append(w)
        return np.array(out, dtype=np.int64)

    # -- training ---------------------------------------------------------------------------
    def step(self) -> FastTextStepTrace:
        """Train the next example (the reference update) and trace it."""
        try:
            centre, inputs, target = next(self._examples)
        except StopIteration:
            raise CorpusError("no sentence has two known words: nothing to train") from None
        self._last = (centre, inputs, target, self._negatives(target))
        return self._train(*self._last)

    def again(self) -> FastTextStepTrace:
        """The last example again, with the same noise words (watch its loss fall)."""
        if self._last is None:
            return self.step()
        return self._train(*self._last)

    def _train(self, centre: int, inputs: tuple[int, ...], target: int,
               negatives: np.ndarray) -> FastTextStepTrace:
        m = self.model
        words = self.vocab.words
        V = self.V
        minn, maxn = self.config.ngram_range
        rows: list[tuple[int, str, str | None, int | None]] = []
        for w in inputs:
            sub = m.subwords.of(w)
            grams = ngrams(words[w], minn, maxn, self.config.subwords) if m.bucket else []
            rows.append((int(sub[0]), words[w], None, None))
            for g, r in zip(grams, sub[1:]):
                rows.append((int(r), words[w], g, int(r) - V))
        in_ids = np.array([r[0] for r in rows], dtype=np.int64)
        out_ids = np.concatenate([[target], negatives]).astype(np.int64)
        labels = np.zeros(len(out_ids), dtype=np.float32)
        labels[0] = 1.0
        lr = float(self.config.alpha)
        before_in = m.W_in[in_ids].copy()
        before_out = m.W_out[out_ids].copy()
        h = before_in.mean(axis=0, dtype=np.float32)
        scores = before_out @ h
        sigmas = (1.0 / (1.0 + np.exp(-scores.astype(np.float64)))).astype(np.float32)
        g = (labels - sigmas) * np.float32(lr)
        g[np.abs(scores) >= 6.0] = 0.0
        grad_h = g @ before_out
        loss = reference_update(m.W_in, m.W_out, in_ids, out_ids, labels, lr)
        after_in = m.W_in[in_ids]
        h_after = after_in.mean(axis=0, dtype=np.float32)
        f_after = (m.W_out[out_ids] @ h_after).astype(np.float64)
        loss_after = float(np.logaddexp(0.0, -(2.0 * labels - 1.0) * f_after).sum())
        delta = after_in.astype(np.float64) - before_in
        moved_rows = {int(r) for r, d in zip(in_ids, delta) if np.any(d != 0)}
        for r in moved_rows:
            self.updates[r] += 1
        out_moved = np.linalg.norm(m.W_out[out_ids].astype(np.float64) - before_out, axis=1)
        self.stepped += 1
        return FastTextStepTrace(
            arch=self.config.arch, number=self.stepped, centre=words[centre],
            inputs=tuple(words[w] for w in inputs),
            rows=tuple(InputRow(r, w, gr, b, before_in[k], delta[k])
                       for k, (r, w, gr, b) in enumerate(rows)),
            h=h, outputs=tuple(words[int(o)] for o in out_ids), output_ids=out_ids,
            labels=labels, scores=scores, sigmas=sigmas, lr=lr, loss=float(loss),
            loss_after=loss_after, grad_h=grad_h, output_moved=out_moved)

    # -- any word ---------------------------------------------------------------------------
    def vectors(self):
        """The step model's ``FastTextVectors`` (views of its rows, as they are now)."""
        return self.model.vectors(copy=False)

    def lookup(self, word: str, topn: int = 5) -> WordLookup:
        """A word's n-grams, buckets and vector, whether the corpus has it or not."""
        word = word.strip()
        if not word:
            raise UnknownWordError(word, "type a word")
        m = self.model
        kv = self.vectors()
        known = word in kv.index
        buckets = kv.ngram_ids(word)
        minn, maxn = self.config.ngram_range
        grams = ngrams(word, minn, maxn, self.config.subwords) if buckets else []
        sw = m.subwords
        infos = []
        for g, b in zip(grams, buckets):
            row = self.V + int(b)
            at = np.nonzero(sw.rows == row)[0]
            owners = np.unique(np.searchsorted(sw.ptr, at, side="right") - 1)
            shared = tuple(self.vocab.words[int(o)] for o in owners
                           if self.vocab.words[int(o)] != word)
            infos.append(NgramInfo(g, int(b), row, int(self.updates[row]), shared))
        vector = np.asarray(kv.vector(word), dtype=np.float32)     # raises for no n-grams
        neighbours = tuple((w, float(s)) for w, s in kv.most_similar(word, topn=topn))
        word_row = kv.index[word] if known else None
        return WordLookup(word, known, word_row,
                          int(self.updates[word_row]) if known else 0, tuple(infos), vector,
                          neighbours)
