"""FastText's subwords (Bojanowski et al. 2017): a word is the sum of its character n-grams.

The lecture's third method represents ``where`` by its own vector plus the vectors of its
character n-grams ``<wh, whe, her, ere, re>, <whe, ...`` (3 to 6 characters, with ``<`` and
``>`` marking the word's start and end), so a word never seen in training still gets a vector
from the n-grams it shares with words that were.  The n-grams are not stored by name: each is
hashed into one of ``bucket`` rows (2,000,000 by default) with fastText's own hash, so that
the rows of a wordlab model line up with those of Facebook's fastText and gensim.

This module holds that addressing, then the model and its training (below: ``FastTextConfig``,
``FastText``, ``reference_update``, ``FastTextSession``; the compiled loop in
engine/fasttext/kernels.py, the vectors for unseen words and the ``.vec`` / Facebook ``.bin``
files in engine/fasttext/vectors.py).  The addressing is exactly fastText's
``Dictionary::computeSubwords`` and ``Dictionary::hash`` (checked against gensim's
implementation in the tests):

* n-grams are taken over characters, not bytes (a Korean syllable is one character: three
  UTF-8 bytes), in order of their first character, shortest first; with ``subwords="jamo"``
  (wordlab's option, not fastText's) over Hangul jamo instead, see ``to_jamo`` below;
* the whole bracketed word is an n-gram too when it is short enough; the lone ``<`` and ``>``
  are not;
* the hash is 32-bit FNV-1a over the UTF-8 bytes, each byte sign-extended first (fastText
  casts ``char`` to ``int8_t``), which differs from textbook FNV-1a for non-ASCII text.
"""

from __future__ import annotations

FNV_OFFSET = 2166136261
FNV_PRIME = 16777619
MINN, MAXN, BUCKET = 3, 6, 2_000_000      # fastText's defaults for skipgram / cbow


def ft_hash(text: str | bytes) -> int:
    """fastText's 32-bit hash of ``text`` (its UTF-8 bytes)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    h = FNV_OFFSET
    for byte in data:
        signed = byte - 256 if byte >= 128 else byte      # int8_t(char) ...
        h ^= signed & 0xFFFFFFFF                          # ... widened to uint32_t
        h = (h * FNV_PRIME) & 0xFFFFFFFF
    return h


# ---------------------------------------------------------------------------------------------
# Korean: n-grams over jamo.  A Hangul syllable is one character, so ``고양이는`` has only 4 and
# its n-grams of 3+ characters barely overlap those of ``고양이를``; a stem of one syllable
# (``개``: ``개를``, ``개가``, ``개는``) shares none at all.  The Korean FastText literature (Park
# et al., "Subword-level Word Vector Representations for Korean", ACL 2018) takes the n-grams
# over the letters instead: each syllable split into its initial consonant, its vowel and its
# final consonant, with a placeholder ``e`` where there is no final, so that every syllable is
# three letters and n-grams line up.  The split is Unicode arithmetic (the standard's own
# "Hangul syllable decomposition"): syllable = 0xAC00 + (L * 21 + V) * 28 + T.
# ---------------------------------------------------------------------------------------------

SUBWORDS = ("chars", "jamo")   # what n-grams are taken over
EMPTY_FINAL = "e"              # Park et al.'s symbol for a syllable without a final consonant
_S_BASE, _S_COUNT = 0xAC00, 11_172          # 가 .. 힣: 19 initials x 21 vowels x 28 finals
_L_BASE, _V_BASE, _T_BASE = 0x1100, 0x1161, 0x11A7   # conjoining jamo (T_BASE + 0: no final)


def to_jamo(word: str) -> str:
    """``word`` with each precomposed Hangul syllable replaced by its three conjoining jamo
    (initial, vowel, final or ``EMPTY_FINAL``); every other character is kept:
    ``to_jamo("고양이") == "고e양이e"``.  Conjoining jamo (not the compatibility
    letters ㄱ ㅏ of chat text) keep an initial and a final consonant apart (ᄀ vs ᆨ)."""
    out = []
    for ch in word:
        k = ord(ch) - _S_BASE
        if 0 <= k < _S_COUNT:
            t = k % 28
            out += (chr(_L_BASE + k // 588), chr(_V_BASE + (k % 588) // 28),
                    chr(_T_BASE + t) if t else EMPTY_FINAL)
        else:
            out.append(ch)
    return "".join(out)


def from_jamo(text: str) -> str:
    """The inverse of ``to_jamo``: ``from_jamo(to_jamo(w)) == w`` for every ``w`` without
    conjoining jamo of its own (U+1100-U+11FF: only un-normalised NFD text has them, and
    wordlab's corpus reader normalises to NFC)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if i + 2 < n and 0 <= ord(ch) - _L_BASE < 19 and 0 <= ord(text[i + 1]) - _V_BASE < 21:
            last = text[i + 2]
            t = 0 if last == EMPTY_FINAL else ord(last) - _T_BASE
            if 0 <= t < 28 and (t or last == EMPTY_FINAL):
                out.append(chr(_S_BASE + ((ord(ch) - _L_BASE) * 21 + ord(text[i + 1]) - _V_BASE)
                               * 28 + t))
                i += 3
                continue
        out.append(ch)
        i += 1
    return "".join(out)


def ngrams(word: str, minn: int = MINN, maxn: int = MAXN, subwords: str = "chars") -> list[str]:
    """The character n-grams of ``<word>`` with minn <= n <= maxn, in fastText's order;
    ``subwords="jamo"``: of ``<to_jamo(word)>`` (n counts jamo and the placeholder)."""
    if minn < 1 or maxn < minn:
        return []
    w = f"<{to_jamo(word) if subwords == 'jamo' else word}>"
    out = []
    for i in range(len(w)):
        for n in range(minn, maxn + 1):
            if i + n > len(w):
                break
            if n == 1 and (i == 0 or i + n == len(w)):
                continue                                  # the lone '<' and '>'
            out.append(w[i:i + n])
    return out


def ngram_buckets(word: str, minn: int = MINN, maxn: int = MAXN, bucket: int = BUCKET,
                  subwords: str = "chars") -> list[int]:
    """The bucket (row, counted from the first n-gram row) of each n-gram of ``word``."""
    if bucket <= 0:
        return []
    return [ft_hash(g) % bucket for g in ngrams(word, minn, maxn, subwords)]


# =============================================================================================
# Training: Skip-gram and CBOW with negative sampling over word + n-gram rows
# =============================================================================================
#
# fastText's model is Word2Vec's with one change at the input: a word is not one row of the
# input matrix but the *mean* of several, its own row and the rows of its n-grams:
#
#     W_in   ((V + bucket) x d):  rows 0..V-1 the words, rows V + b the n-gram bucket b
#     rows(w) = [w] + [V + hash(g) % bucket for g in ngrams(w)]      (``Subwords``)
#     h      = mean of W_in[rows(w)]              (CBOW: of the rows of all context words)
#     f_t    = W_out[row_t] . h,   g_t = lr (label_t - sigma(f_t))   (the centre/context word
#                                                                     label 1, k noise words 0)
#     W_out[row_t] += g_t h,       W_in[r] += sum_t g_t W_out[row_t]  for *every* input row r
#
# as fastText's ``Model::update`` does for skipgram and cbow: the whole gradient of h goes to
# each input row, not 1/n of it.  Skip-gram's input is the centre word (its subwords) and each
# context word in turn the output, with its own k noise words (fastText's
# ``FastText::skipgram``); CBOW's input is the bag of the context words' subwords, the output
# the centre word.  The rest is word2vec.c's, shared with engine/word2vec/kernels.py: subsampling
# (fastText's ``t``, the same formula), a window drawn from 1..window per centre, noise words
# from the unigram distribution raised to ``ns_exponent`` (fastText: 0.5), a draw equal to the
# true word skipped, the learning rate falling linearly to ``min_alpha`` over all words, and
# gensim's rule that a score beyond +-6 leaves its row alone.
#
# Initialisation as fastText: W_in uniform in (-1/d, 1/d), W_out zero.

import math  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Iterable  # noqa: E402
from dataclasses import dataclass, field, fields, replace  # noqa: E402

import numpy as np  # noqa: E402

from engine.errors import ConfigError, CorpusError, TrainingError  # noqa: E402
from engine.progress import Progress, Throttle  # noqa: E402
from engine.vocab import Vocab  # noqa: E402

MAX_EXP = 6.0                  # |f| >= MAX_EXP: the row's update is skipped (engine/word2vec/kernels.py)
JOB_WORDS = 10_000             # words per kernel call: events, pause and cancel every few ms
MAX_MODEL_BYTES = 16 * 2**30   # W_in + W_out beyond this is a mistake, not a model
_KERNEL_READY: set = set()     # non-empty once this process has compiled (or loaded) the kernel
_DIVERGED_FACTOR = 10.0        # a job whose mean loss is this many times the untrained loss


def _cores() -> int:
    from engine.word2vec import available_cores

    return available_cores()


@dataclass(frozen=True)
class FastTextConfig:
    """FastText's settings; the defaults are Facebook fastText's for ``skipgram`` (dim 100,
    ws 5, epoch 5, minCount 5, neg 5, lr 0.05, minn 3, maxn 6, bucket 2,000,000) and its
    noise distribution (counts^0.5), except the subsampling threshold: 1e-3 (gensim's and
    Word2Vec's here) rather than fastText's 1e-4, which on a small corpus drops most tokens
    (toy-world, 84k tokens, 5 epochs: analogies 61% with 1e-4, 99% with 1e-3).
    ``subwords="jamo"`` takes the n-grams over Hangul jamo (``to_jamo``) instead of
    characters; the word rows stay keyed by the word as written."""

    arch: str = "sg"              # "sg" | "cbow"
    dim: int = 100
    window: int = 5
    negative: int = 5
    ns_exponent: float = 0.5
    sample: float = 1e-3
    min_count: int = 5
    max_vocab: int | None = None
    epochs: int = 5
    alpha: float = 0.05
    min_alpha: float = 0.0
    minn: int = MINN
    maxn: int = MAXN
    bucket: int = BUCKET
    subwords: str = "chars"       # "chars" | "jamo"
    seed: int = 1
    threads: int = field(default_factory=_cores)

    def replace(self, **changes) -> "FastTextConfig":
        names = {f.name for f in fields(self)}
        unknown = sorted(set(changes) - names)
        if unknown:
            raise ConfigError(f"unknown FastText setting {unknown[0]!r}", field=unknown[0])
        return replace(self, **changes)

    def problems(self) -> list[ConfigError]:
        """Every invalid setting, each a ConfigError naming its field."""
        out: list[ConfigError] = []

        def bad(name: str, why: str) -> None:
            out.append(ConfigError(f"{name} {why} (got {getattr(self, name)!r})", field=name))

        def integer(v) -> bool:
            return isinstance(v, (int, np.integer)) and not isinstance(v, bool)

        def number(v) -> bool:
            return isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool) \
                and math.isfinite(v)

        if self.arch not in ("sg", "cbow"):
            bad("arch", "must be sg or cbow")
        if self.subwords not in SUBWORDS:
            bad("subwords", "must be chars or jamo")
        for name, lo, hi in (("dim", 1, 10_000), ("window", 1, 1_000), ("negative", 1, 1_000),
                             ("epochs", 1, 100_000), ("min_count", 1, 10**12),
                             ("threads", 1, 1_024), ("minn", 0, 100), ("maxn", 0, 100),
                             ("bucket", 0, 100_000_000), ("seed", 0, 2**63 - 1)):
            v = getattr(self, name)
            if not integer(v) or v < lo or v > hi:
                bad(name, f"must be an integer from {lo} to {hi:,}")
        if integer(self.minn) and integer(self.maxn) and self.maxn > 0 and self.maxn < self.minn:
            bad("maxn", f"must be at least minn = {self.minn}, or 0 for no n-grams")
        if self.max_vocab is not None and (not integer(self.max_vocab) or self.max_vocab < 2):
            bad("max_vocab", "must be an integer of at least 2, or None")
        if not number(self.alpha) or not (0 < self.alpha <= 100):
            bad("alpha", "must be a number above 0 and at most 100")
        elif not number(self.min_alpha) or not (0 <= self.min_alpha <= self.alpha):
            bad("min_alpha", f"must be between 0 and alpha = {self.alpha}")
        if not number(self.sample) or self.sample < 0:
            bad("sample", "must be a number >= 0 (0 turns subsampling off)")
        if not number(self.ns_exponent):
            bad("ns_exponent", "must be a finite number")
        return out

    def validate(self) -> None:
        problems = self.problems()
        if problems:
            raise problems[0]

    @property
    def ngram_range(self) -> tuple[int, int]:
        """(minn, maxn) as ``ngrams`` takes them; (1, 0) (none) when maxn is 0 or bucket 0."""
        if self.maxn == 0 or self.bucket == 0:
            return 1, 0
        return self.minn, self.maxn


@dataclass(frozen=True, eq=False)
class Subwords:
    """The input rows of every vocabulary word, as a CSR table: ``rows[ptr[w]:ptr[w + 1]]``
    is ``[w, V + bucket(g1), V + bucket(g2), ...]`` (its own row first, then its n-grams in
    fastText's order; an n-gram occurring twice in a word is there twice, as in fastText)."""

    ptr: np.ndarray      # int64 (V + 1)
    rows: np.ndarray     # int32

    @classmethod
    def build(cls, words: list[str], minn: int, maxn: int, bucket: int,
              subwords: str = "chars") -> "Subwords":
        V = len(words)
        ptr = np.zeros(V + 1, dtype=np.int64)
        pieces = []
        for w, word in enumerate(words):
            ids = [w] + [V + b for b in ngram_buckets(word, minn, maxn, bucket, subwords)]
            pieces.append(ids)
            ptr[w + 1] = ptr[w] + len(ids)
        rows = np.fromiter((r for p in pieces for r in p), dtype=np.int32, count=int(ptr[-1]))
        return cls(ptr, rows)

    def of(self, w: int) -> np.ndarray:
        return self.rows[self.ptr[w]:self.ptr[w + 1]]

    @property
    def longest(self) -> int:
        return int(np.diff(self.ptr).max()) if len(self.ptr) > 1 else 1


class _LastGood:
    """The weights at the end of the last good epoch, to put back when training diverges,
    without a second (V + bucket) x d matrix (800 MB at the default 2M buckets).  Training
    writes only the ``W_in`` rows some vocabulary word reads (its own row and its n-gram
    buckets: ``trained_rows``) and ``W_out``; every other bucket keeps its initial value, so
    those rows and ``W_out`` are all there is to keep.  toy-world (334 words, default
    settings) trains 4,070 rows: 1.6 MB kept instead of 800 MB; ``wordlab train --corpus
    toy-world --model fasttext`` peaks at 0.98 GB of memory instead of 1.95 GB
    (``/usr/bin/time -v``, maximum resident set size)."""

    BLOCK = 65_536

    def __init__(self, model: "FastText") -> None:
        self.rows = model.trained_rows()
        self.W_in = np.empty((len(self.rows), model.W_in.shape[1]), dtype=np.float32)
        self.W_out = np.empty_like(model.W_out)
        self.save(model)

    def _blocks(self):
        for a in range(0, len(self.rows), self.BLOCK):
            yield a, min(a + self.BLOCK, len(self.rows))

    def finite(self, model: "FastText") -> bool:
        """No NaN or infinity in any row training can have changed."""
        return bool(np.isfinite(model.W_out).all()) and all(
            np.isfinite(model.W_in[self.rows[a:b]]).all() for a, b in self._blocks())

    def save(self, model: "FastText") -> None:
        for a, b in self._blocks():       # 'clip': np.take unbuffered, no whole-size temporary
            np.take(model.W_in, self.rows[a:b], axis=0, out=self.W_in[a:b], mode="clip")
        np.copyto(self.W_out, model.W_out)

    def restore(self, model: "FastText") -> None:
        for a, b in self._blocks():
            model.W_in[self.rows[a:b]] = self.W_in[a:b]
        np.copyto(model.W_out, self.W_out)


class FastText:
    """The model: ``vocab``, ``config``, ``W_in`` ((V + bucket) x d: the words, then the
    n-gram buckets), ``W_out`` (V x d) and ``subwords`` (each word's input rows)."""

    def __init__(self, vocab: Vocab, config: FastTextConfig) -> None:
        config.validate()
        if len(vocab) < 2:
            raise CorpusError(f"need at least 2 distinct words to train (the vocabulary has {len(vocab)})")
        V, d = len(vocab), config.dim
        minn, maxn = config.ngram_range
        bucket = config.bucket if maxn else 0
        need = (2 * V + bucket) * d * 4
        if need > MAX_MODEL_BYTES:
            raise ConfigError(f"the model would need {need / 2**30:.1f} GiB ({V:,} words + "
                              f"{bucket:,} buckets, dim {d}): lower dim or bucket", field="bucket")
        self.vocab = vocab
        self.config = config
        self.bucket = bucket
        self.subwords = Subwords.build(vocab.words, minn, maxn, bucket, config.subwords)
        rng = np.random.default_rng(np.random.SeedSequence([config.seed, 11]))
        self.W_in = np.empty((V + bucket, d), dtype=np.float32)
        for a in range(0, V + bucket, 65_536):        # in blocks: no float64 temporary
            block = self.W_in[a:a + 65_536]
            block[...] = rng.random(block.shape, dtype=np.float32)
            block *= np.float32(2.0 / d)
            block -= np.float32(1.0 / d)
        self.W_out = np.zeros((V, d), dtype=np.float32)

    def __repr__(self) -> str:
        c = self.config
        return f"FastText({c.arch}, V={len(self.vocab)}, bucket={self.bucket}, d={c.dim})"

    def trained_rows(self) -> np.ndarray:
        """The ``W_in`` rows training can change, sorted: every word's own row and each
        bucket one of the vocabulary's n-grams hashes to.  No other row is ever read or
        written (an unseen word's n-grams may land on them: they keep their initial value)."""
        return np.unique(self.subwords.rows).astype(np.int64)

    def word_vectors(self) -> np.ndarray:
        """Each vocabulary word's vector: the mean of its input rows (fastText's
        ``getWordVector``)."""
        sw = self.subwords
        V = len(self.vocab)
        out = np.empty((V, self.config.dim), dtype=np.float32)
        for a in range(0, V, 4096):
            b = min(a + 4096, V)
            lo, hi = int(sw.ptr[a]), int(sw.ptr[b])
            sums = np.add.reduceat(self.W_in[sw.rows[lo:hi]], sw.ptr[a:b] - lo, axis=0)
            out[a:b] = sums / np.diff(sw.ptr[a:b + 1])[:, None].astype(np.float32)
        return out

    def vectors(self, copy: bool = True):
        """The trained vectors as ``FastTextVectors``: the vocabulary's word vectors, and the
        n-gram rows for words never seen.  ``copy=False`` hands over views of the rows (no
        second bucket x d matrix, 800 MB by default) for a model that will not train again."""
        from engine.fasttext.vectors import FastTextVectors

        V = len(self.vocab)
        return FastTextVectors(list(self.vocab.words), self.word_vectors(), self.vocab.counts,
                               word_rows=self.W_in[:V], ngram_rows=self.W_in[V:],
                               minn=self.config.minn, maxn=self.config.maxn if self.bucket else 0,
                               output_rows=self.W_out, settings=self.config,
                               subwords=self.config.subwords, copy=copy)


def _softplus(x: np.ndarray) -> np.ndarray:
    return np.logaddexp(0.0, x)


def reference_update(W_in: np.ndarray, W_out: np.ndarray, inputs, rows, labels, lr: float) -> float:
    """One example in plain numpy (the compiled kernel does the same): ``inputs`` are the
    W_in rows whose mean is h (a word and its n-grams; CBOW: those of every context word),
    ``rows`` the W_out rows scored with their 0/1 ``labels``.  Updates both matrices in place
    from the weights before the example; returns the loss
    ``sum_t -log sigma((2 label_t - 1) f_t)``."""
    inputs = np.asarray(inputs, dtype=np.int64)
    rows = np.asarray(rows, dtype=np.int64)
    labels = np.asarray(labels, dtype=np.float32)
    h = W_in[inputs].mean(axis=0, dtype=np.float32) if len(inputs) > 1 else W_in[inputs[0]].copy()
    f = W_out[rows] @ h                                          # scores
    sigma = (1.0 / (1.0 + np.exp(-f.astype(np.float64)))).astype(np.float32)
    g = (labels - sigma) * np.float32(lr)                        # -lr dL/df
    g[(f >= MAX_EXP) | (f <= -MAX_EXP)] = 0.0                    # gensim's skip
    loss = float(_softplus(-(2.0 * labels - 1.0) * f.astype(np.float64)).sum())
    grad_h = g @ W_out[rows]                                     # -lr dL/dh, W_out before
    np.add.at(W_out, rows, g[:, None] * h[None, :])
    np.add.at(W_in, inputs, np.broadcast_to(grad_h, (len(inputs), len(grad_h))))
    return loss


class FastTextSession:
    """Trains FastText on ``sentences`` (a re-iterable of token lists) with the compiled
    kernel (engine/fasttext/kernels.py) on ``threads`` Hogwild threads."""

    def __init__(self, config: FastTextConfig, sentences: Iterable[Iterable[str]],
                 vocab: Vocab | None = None) -> None:
        config.validate()
        if iter(sentences) is sentences:
            raise CorpusError("sentences must be re-iterable (a list or a corpus), not a one-shot iterator")
        self.config = config
        self.sentences = sentences
        self.vocab = vocab if vocab is not None else Vocab.build(sentences, config.min_count,
                                                                  config.max_vocab)
        self.model = FastText(self.vocab, config)
        self.total_words = config.epochs * self.vocab.total
        self._encoded: tuple[np.ndarray, np.ndarray] | None = None

    def untrained_loss(self) -> float:
        """(1 + negative) ln 2: every score 0, every sigma 1/2."""
        return (1 + self.config.negative) * math.log(2)

    def lr_at(self, done):
        c = self.config
        frac = np.clip(np.asarray(done, dtype=np.float64) / max(self.total_words, 1), 0.0, 1.0)
        return c.alpha - (c.alpha - c.min_alpha) * frac

    def encoded(self) -> tuple[np.ndarray, np.ndarray]:
        """The corpus as ids and sentence starts (Word2Vec's encoding, MAX_SENTENCE cuts)."""
        if self._encoded is None:
            from engine.word2vec import MAX_SENTENCE

            pieces: list[np.ndarray] = []
            for sentence in self.sentences:
                if isinstance(sentence, str):
                    raise CorpusError("sentences must be lists of tokens, not strings")
                ids = self.vocab.encode(sentence)
                pieces.extend(ids[a:a + MAX_SENTENCE] for a in range(0, len(ids), MAX_SENTENCE))
            starts = np.zeros(len(pieces) + 1, dtype=np.int64)
            np.cumsum([len(p) for p in pieces], out=starts[1:])
            ids = np.concatenate(pieces).astype(np.int32) if pieces else np.zeros(0, np.int32)
            self._encoded = (ids, starts)
        return self._encoded

    def jobs(self) -> list[tuple[int, int, int]]:
        """One epoch's kernel jobs: (first sentence, end sentence, words), ~JOB_WORDS each."""
        _, starts = self.encoded()
        out: list[tuple[int, int, int]] = []
        first, n = 0, len(starts) - 1
        while first < n:
            end = int(np.searchsorted(starts, starts[first] + JOB_WORDS, side="left"))
            end = min(max(end, first + 1), n)
            out.append((first, end, int(starts[end] - starts[first])))
            first = end
        return out

    def preload(self) -> None:
        """Import the compiled kernel's module (numba) in the calling thread."""
        import engine.fasttext.kernels  # noqa: F401

    def run(self, callback: Callable[[Progress], None] | None = None,
            cancel_event: threading.Event | None = None,
            pause_event: threading.Event | None = None, *,
            status: Callable[[str], None] | None = None, nice: int = 0) -> Progress:
        """All epochs; the contract of ``TrainingSession.run``: ``Progress`` events (done and
        total count words), pause and cancel between jobs, a NaN/inf loss or one that climbs
        past 10x the untrained loss raises TrainingError with the last good epoch's weights
        kept."""
        from engine.fasttext import kernels as K

        c = self.config
        m = self.model
        if status is not None and not _KERNEL_READY:
            status("compiling kernels\u2026")
        ids, starts = self.encoded()
        jobs = self.jobs()
        keep = self.vocab.keep_prob(c.sample).astype(np.float32)
        from engine.word2vec.negative import NoiseSampler

        table = NoiseSampler(self.vocab.noise_distribution(c.ns_exponent)).table
        fixed = (keep, c.sample > 0, table, m.subwords.ptr, m.subwords.rows,
                 K.ARCH_SG if c.arch == "sg" else K.ARCH_CBOW, int(c.window), int(c.negative))
        K.train_job(m.W_in, m.W_out, ids, starts, 0, 0, *fixed, 0.0, 0.0, 1)   # compile
        _KERNEL_READY.add(True)
        if status is not None:
            status("training")
        lock = threading.Lock()
        throttle = Throttle(0.1)
        st = {"done": 0, "loss": 0.0, "n": 0, "last": float("nan"), "lr": float(c.alpha),
              "epoch": 1, "paused": 0.0}
        t0 = time.perf_counter()

        def event(finished: bool = False) -> Progress:
            with lock:
                if st["n"]:
                    st["last"], st["loss"], st["n"] = st["loss"] / st["n"], 0.0, 0
            elapsed = max(time.perf_counter() - t0 - st["paused"], 1e-9)
            return Progress(done=int(st["done"]), total=int(self.total_words), loss=float(st["last"]),
                            rate=st["done"] / elapsed, lr=float(st["lr"]), epoch=st["epoch"],
                            epochs=c.epochs, elapsed=elapsed, finished=finished)

        def stopped() -> bool:
            if pause_event is not None and pause_event.is_set():
                t = time.perf_counter()
                while pause_event.is_set() and not (cancel_event is not None and cancel_event.is_set()):
                    time.sleep(0.02)
                st["paused"] += time.perf_counter() - t
            return cancel_event is not None and cancel_event.is_set()

        def finish(finished: bool) -> Progress:
            p = event(finished)
            if callback is not None:
                callback(p)
            return p

        untrained = self.untrained_loss()
        good = _LastGood(m)
        try:
            for epoch in range(1, c.epochs + 1):
                st["epoch"] = epoch
                if stopped():
                    return finish(False)
                cancelled = self._epoch(K, ids, starts, jobs, fixed, epoch, st, lock, stopped,
                                        untrained, nice,
                                        lambda: callback(event()) if callback is not None
                                        and st["n"] and throttle.ready() else None,
                                        pause_event)
                if cancelled:
                    return finish(False)
                if not good.finite(m):
                    raise TrainingError(_diverged_text(c.alpha))
                if epoch < c.epochs:
                    good.save(m)
                if callback is not None and epoch < c.epochs and st["n"]:
                    callback(event())
            st["done"] = self.total_words
            st["lr"] = c.min_alpha
            return finish(True)
        except TrainingError:
            good.restore(m)                # the weights at the end of the last good epoch
            raise

    def _epoch(self, K, ids, starts, jobs, fixed, epoch, st, lock, stopped, untrained, nice,
               report, pause=None) -> bool:
        """One epoch's jobs on ``threads`` threads (Hogwild); True when cancelled."""
        from engine.word2vec import _lower_priority

        c = self.config
        m = self.model
        halt = threading.Event()
        state = {"next": 0, "error": None}

        def worker() -> None:
            if nice:
                _lower_priority(nice)
            try:
                while not halt.is_set():
                    if pause is not None and pause.is_set():
                        time.sleep(0.01)           # paused: the workers idle too
                        continue
                    with lock:
                        k = state["next"]
                        if k >= len(jobs):
                            return
                        state["next"] = k + 1
                        at = st["done"]
                    s0, s1, words = jobs[k]
                    lr0, lr1 = (float(x) for x in self.lr_at([at, at + words]))
                    seed = int(np.random.SeedSequence([c.seed, 12, epoch, k])
                               .generate_state(1, np.uint64)[0]) >> 1
                    loss, n, w = K.train_job(m.W_in, m.W_out, ids, starts, s0, s1, *fixed,
                                             lr0, lr1, seed)
                    with lock:
                        st["done"] += int(w)
                        st["loss"] += float(loss)
                        st["n"] += int(n)
                        st["lr"] = min(st["lr"], lr1)
                    if not math.isfinite(loss):
                        state["error"] = TrainingError(_diverged_text(c.alpha))
                        halt.set()
                    elif n and loss / n > _DIVERGED_FACTOR * untrained:
                        state["error"] = TrainingError(
                            f"training diverged: the loss per example reached {loss / n:.3g}, over "
                            f"{_DIVERGED_FACTOR:g}x the untrained {untrained:.2f}; the last good "
                            f"weights are kept - alpha={c.alpha:g} is too large, try a smaller "
                            "learning rate (alpha)")
                        halt.set()
            except BaseException as err:           # handed to the calling thread
                state["error"] = err
                halt.set()

        threads = [threading.Thread(target=worker, daemon=True, name=f"wordlab-fasttext-{i}")
                   for i in range(max(1, min(c.threads, len(jobs))))]
        for t in threads:
            t.start()
        cancelled = False
        while any(t.is_alive() for t in threads):
            threads[0].join(0.02)
            report()
            if stopped():                      # waits here while paused
                cancelled = True
                halt.set()
        for t in threads:
            t.join()
        if state["error"] is not None:
            raise state["error"]
        return cancelled or state["next"] < len(jobs)


def _diverged_text(alpha: float) -> str:
    return (f"training diverged (a NaN/inf loss); the last good weights are kept - alpha={alpha:g} "
            "is too large, try a smaller learning rate (alpha)")
