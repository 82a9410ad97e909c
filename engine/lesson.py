"""The lecture's small worked examples, computed, for lesson mode (no UI here: data only).

Each function builds one figure of the lecture from the engine's own code, so the lesson
shows numbers the engine computed, never numbers typed in:

- :func:`rnn_demo`: the RNN of section 2 on "i love cute cat" (one-hot x_t, h_t, y_t per step);
- :func:`rnn_shapes`: one-to-many, many-to-one and many-to-many run on that input;
- :func:`onehot_sizes`: limit 1 of one-hot vectors (100,000 words), against an embedding;
- :class:`FourWordModel`: the 4-word Word2Vec model ('i', 'love', 'cute', 'cat'), untrained
  (CE = ln 4 = 1.386) and trained (the loss falls; a word's embedding is its row of W_in);
- :func:`blanks`: the fill-in-the-blank sentences of CBOW, from a corpus;
- :func:`output_costs`: the W_out rows one example touches with the full softmax, negative
  sampling and hierarchical softmax (the Huffman tree's mean path), counted;
- :func:`seq2seq_demo`: section 3's Seq2Seq (``<SOS> I like`` -> 나는 머신러닝이 좋다) trained,
  its context vector, a greedy translation, and the share of right words by input length;
- :func:`corpus_analogy`: king - man + woman on vectors trained on a shipped corpus.

The BPTT figures are in ``engine/bptt.py``, the gate tables in ``engine/presets.py``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from engine.errors import ConfigError
from engine.onehot import one_hot
from engine.rnn import RNNCell, RNNStep

#: the lecture's sentence (section 5's 4-word model; also the RNN's input in section 2)
LECTURE_SENTENCE: tuple[str, ...] = ("i", "love", "cute", "cat")
#: the lecture's one-hot example vocabulary (section 4)
ONEHOT_WORDS: tuple[str, ...] = ("cat", "apple", "dog", "banana")
#: "Ex. 100,000개 단어에 대한 one-hot encoding"
BIG_VOCAB = 100_000
FLOAT32_BYTES = np.dtype(np.float32).itemsize


# -- section 2: the RNN, step by step ------------------------------------------------------
@dataclass(frozen=True, eq=False)   # holds arrays: equality is identity
class RNNDemo:
    vocab: tuple[str, ...]          # the words, in one-hot order
    words: tuple[str, ...]          # the input sequence
    ids: tuple[int, ...]
    x: np.ndarray                   # (T, V): one-hot x_t
    cell: RNNCell                   # W_xh, W_hh, b_h, W_hy, b_y: the same at every step
    steps: tuple[RNNStep, ...]      # h_t, y_t for t = 1..T

    def predicted(self, t: int) -> str:
        """The word with the highest y_t score (untrained weights: a guess)."""
        return self.vocab[int(np.argmax(self.steps[t].y))]


def _random_rnn(V: int, H: int, seed: int) -> RNNCell:
    rng = np.random.default_rng(seed)
    u = lambda *shape: rng.uniform(-1.0, 1.0, size=shape)   # noqa: E731 - visible numbers
    return RNNCell(u(H, V), u(H, H), u(H), np.zeros(H), W_hy=u(V, H), b_y=np.zeros(V))


def rnn_demo(words: Sequence[str] = LECTURE_SENTENCE, hidden_size: int = 3,
             seed: int = 0) -> RNNDemo:
    """The RNN of the lecture on ``words``: x_t one-hot over their vocabulary, H hidden units,
    weights uniform in [-1, 1] (seeded), h_0 = 0."""
    words = tuple(words)
    if not words:
        raise ConfigError("the RNN needs at least one word")
    vocab = tuple(dict.fromkeys(words))
    ids = tuple(vocab.index(w) for w in words)
    x = one_hot(len(vocab), list(ids))
    cell = _random_rnn(len(vocab), hidden_size, seed)
    return RNNDemo(vocab=vocab, words=words, ids=ids, x=x, cell=cell, steps=tuple(cell.run(x)))


@dataclass(frozen=True)
class ShapeRun:
    """One recurrent shape run on the demo's input: which x_t go in, which y_t are used."""

    key: str                            # "one-to-many" | "many-to-one" | "many-to-many"
    inputs: tuple[str | None, ...]      # the word fed at each step (None: no input, x_t = 0)
    outputs: tuple[str | None, ...]     # the top word of each y_t used (None: ignored)


SHAPES = ("one-to-many", "many-to-one", "many-to-many")


def rnn_shapes(demo: RNNDemo) -> list[ShapeRun]:
    """The three shapes of the lecture, each run through the demo's cell."""
    T = len(demo.words)
    out = []
    for key in SHAPES:
        fed = [t == 0 or key != "one-to-many" for t in range(T)]
        used = [t == T - 1 or key != "many-to-one" for t in range(T)]
        x = demo.x * np.array(fed, dtype=float)[:, None]
        steps = demo.cell.run(x)
        outputs = tuple(demo.vocab[int(np.argmax(s.y))] if u else None
                        for s, u in zip(steps, used))
        inputs = tuple(w if f else None for w, f in zip(demo.words, fed))
        out.append(ShapeRun(key=key, inputs=inputs, outputs=outputs))
    return out


# -- section 4: one-hot vectors --------------------------------------------------------------
@dataclass(frozen=True)
class OneHotSizes:
    """Limit 1: a one-hot vector has V numbers; an embedding has d."""

    vocab_size: int
    dim: int
    itemsize: int
    vector_numbers: int             # one one-hot vector: V numbers
    vector_bytes: int
    table_numbers: int              # every word's one-hot vector: V x V
    table_bytes: int
    nonzero_fraction: float         # 1/V of each vector is not zero
    embedding_numbers: int          # every word's embedding: V x d
    embedding_bytes: int

    @property
    def ratio(self) -> float:
        """How many times larger the one-hot table is than the embedding table."""
        return self.table_bytes / self.embedding_bytes


def onehot_sizes(vocab_size: int = BIG_VOCAB, dim: int | None = None,
                 itemsize: int = FLOAT32_BYTES) -> OneHotSizes:
    """Sizes of one-hot vectors for ``vocab_size`` words against embeddings of ``dim``
    (default: the engine's default d) numbers each, at ``itemsize`` bytes a number."""
    if dim is None:
        from engine.word2vec import Word2VecConfig

        dim = Word2VecConfig().dim
    if vocab_size < 1 or dim < 1 or itemsize < 1:
        raise ConfigError("the vocabulary size, d and the item size must be positive")
    # one vector, built by the engine (V numbers, one of them 1); the V x V table of every
    # word's vector cannot be built (40 GB at V = 100,000), so it is counted
    v = one_hot(vocab_size, 0)
    numbers = int(v.size)
    return OneHotSizes(vocab_size=vocab_size, dim=dim, itemsize=itemsize,
                       vector_numbers=numbers, vector_bytes=numbers * itemsize,
                       table_numbers=numbers * vocab_size,
                       table_bytes=numbers * vocab_size * itemsize,
                       nonzero_fraction=float(np.count_nonzero(v)) / numbers,
                       embedding_numbers=vocab_size * dim,
                       embedding_bytes=vocab_size * dim * itemsize)


# -- section 5: the 4-word model ---------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Example:
    """One CBOW example of the 4-word model at the current weights (every number)."""

    inputs: tuple[str, ...]
    target: str
    words: tuple[str, ...]          # the vocabulary, in the order of the scores
    h: np.ndarray                   # hidden vector (mean of the inputs' W_in rows)
    scores: np.ndarray              # W_out h
    probs: np.ndarray               # softmax(scores)
    loss: float                     # CE = -ln p(target)

    @property
    def p_target(self) -> float:
        return float(self.probs[self.words.index(self.target)])


class FourWordModel:
    """The lecture's Word2Vec model for 'i', 'love', 'cute', 'cat': one-hot x in R^4, a hidden
    layer of size d, a softmax over the 4 words (CBOW, window 1: predict 'love' from 'i' and
    'cute').  Untrained (W_out = 0, engine/word2vec/__init__.py) every p is 1/4 and CE = ln 4."""

    #: the example the lecture follows: 'love' from its context
    EXAMPLE = (("i", "cute"), "love")

    def __init__(self, dim: int = 3, epochs: int = 300, alpha: float = 0.5, seed: int = 1,
                 sentence: Sequence[str] = LECTURE_SENTENCE) -> None:
        from engine.word2vec import TrainingSession, Word2VecConfig

        self.sentences = [list(sentence)]
        self.config = Word2VecConfig(arch="cbow", loss="softmax", dim=dim, window=1,
                                     min_count=1, sample=0.0, epochs=epochs, alpha=alpha,
                                     min_alpha=alpha / 10, seed=seed, threads=1)
        self.session = TrainingSession(self.config, self.sentences, dtype=np.float64)
        self.epochs_done = 0

    @property
    def model(self):
        return self.session.model

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.model.words)

    def one_hot(self) -> np.ndarray:
        """The one-hot vectors of the 4 words (rows, in vocabulary order)."""
        return one_hot(len(self.words), list(range(len(self.words))))

    def untrained_loss(self) -> float:
        """ln V: what the engine says an untrained softmax model scores."""
        return self.session.untrained_loss()

    def example(self, inputs: Iterable[str] | None = None, target: str | None = None) -> Example:
        inputs = tuple(inputs) if inputs is not None else self.EXAMPLE[0]
        target = target if target is not None else self.EXAMPLE[1]
        vocab = self.model.vocab
        g = self.model.gradients([vocab.id(w) for w in inputs], vocab.id(target))
        return Example(inputs=inputs, target=target, words=self.words, h=np.array(g.h),
                       scores=np.array(g.scores), probs=np.array(g.outputs), loss=float(g.loss))

    def train(self, callback: Callable | None = None,
              cancel_event: threading.Event | None = None):
        """Train every epoch with the numpy reference path (a few thousand tiny updates)."""
        progress = self.session.run(callback, cancel_event, reference=True)
        self.epochs_done = progress.epochs if progress.finished else progress.epoch
        return progress

    def embedding(self, word: str) -> np.ndarray:
        """The word's embedding: its row of the trained W_in."""
        return self.model.embedding(word)


# -- section 5: CBOW's fill-in-the-blank sentences ---------------------------------------------
@dataclass(frozen=True)
class Blank:
    before: tuple[str, ...]
    answer: str
    after: tuple[str, ...]


def blanks(sentences: Iterable[Sequence[str]], length: int = 3, count: int = 4,
           window: int = 1) -> list[Blank]:
    """The first ``count`` distinct sentences of ``length`` words, with the middle word blanked:
    the CBOW example of its middle word (engine.word2vec.examples.teaching_pairs, fixed window)."""
    from engine.word2vec.examples import teaching_pairs

    out: list[Blank] = []
    seen: set[tuple[str, ...]] = set()
    for sentence in sentences:
        words = tuple(sentence)
        if len(words) != length or words in seen:
            continue
        seen.add(words)
        mid = length // 2
        context, centre = teaching_pairs(list(words), window, "cbow")[mid]
        out.append(Blank(before=words[:mid], answer=centre, after=words[mid + 1:]))
        if len(out) == count:
            break
    return out


# -- what practitioners use: the cost of the output layer, counted ---------------------------------
@dataclass(frozen=True)
class OutputCost:
    """W_out rows one training example scores (and updates) with each output layer."""

    vocab_size: int
    softmax_rows: int               # every word: V
    negative_rows: int              # the true word and k noise words: k + 1
    hs_rows: float                  # the Huffman path of the target, on average over the text
    hs_longest: int                 # the longest path (the rarest words)

    def saving(self, rows: float) -> float:
        """How many times fewer rows than the full softmax."""
        return self.softmax_rows / rows


def output_costs(counts: Sequence[int], negative: int | None = None) -> OutputCost:
    """The cost per example for a vocabulary with these word ``counts`` (any order);
    ``negative``: k (default: the engine's)."""
    from engine.word2vec.huffman import build_huffman

    if negative is None:
        from engine.word2vec import Word2VecConfig

        negative = Word2VecConfig().negative
    c = np.sort(np.asarray(counts, dtype=np.int64))[::-1]      # most frequent first
    if len(c) < 2:
        raise ConfigError("need at least 2 words to compare output layers")
    tree = build_huffman(c)
    mean = float((tree.lengths * c).sum() / c.sum())
    return OutputCost(vocab_size=len(c), softmax_rows=len(c), negative_rows=int(negative) + 1,
                      hs_rows=mean, hs_longest=int(tree.lengths.max()))


def zipf_counts(vocab_size: int = BIG_VOCAB, top: int = 1_000_000) -> np.ndarray:
    """Word counts that follow Zipf's law (the r-th word ~ top / r times), as a large natural
    text's do: what a 100,000-word vocabulary looks like."""
    ranks = np.arange(1, vocab_size + 1)
    return np.maximum(1, top // ranks).astype(np.int64)


# -- section 4: relations are vectors (woman -> man // queen -> king) ------------------------------
#: the lecture's example: the vector woman -> man and the vector queen -> king look alike
RELATION: tuple[str, str, str, str] = ("woman", "man", "queen", "king")


@dataclass(frozen=True, eq=False)
class Parallelogram:
    """Four words a, b, c, d where a -> b should be parallel to c -> d, on trained vectors."""

    words: tuple[str, str, str, str]
    coords: np.ndarray                       # (4, 2): the vectors' first two principal components
    offset_cosine: float                     # cos(b - a, d - c): 1 for parallel arrows
    answers: tuple[tuple[str, float], ...]   # a : b :: c : ? (3CosAdd), best first


def parallelogram(kv, words: Sequence[str] = RELATION, topn: int = 3) -> Parallelogram:
    """The relation a -> b against c -> d in ``kv`` (``engine.vectors.KeyedVectors``): the
    cosine of the two offsets, the analogy a : b :: c : ?, and a 2-D PCA for the plot."""
    from engine.errors import UnknownWordError
    from engine.projection import pca_2d

    a, b, c, d = words
    for w in words:
        if w not in kv:
            raise UnknownWordError(w)
    X = np.stack([np.asarray(kv.vectors[kv.id(w)], dtype=np.float64) for w in words])
    first, second = X[1] - X[0], X[3] - X[2]
    norm = float(np.linalg.norm(first) * np.linalg.norm(second))
    cosine = float(first @ second / norm) if norm > 0 else 0.0
    answers = tuple((w, float(s)) for w, s in kv.analogy(a, b, c, topn=topn))
    return Parallelogram(words=(a, b, c, d), coords=pca_2d(X), offset_cosine=cosine,
                         answers=answers)


# -- section 3: LSTM's limits, Seq2Seq -------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Seq2SeqDemo:
    config: object                  # engine.seq2seq.Seq2SeqConfig
    pairs: int                      # training pairs read
    untrained_loss: float           # ln V_target
    losses: tuple[float, ...]       # the training loss after every step
    model: object                   # engine.seq2seq.Seq2Seq (numpy)
    lecture: object                 # engine.seq2seq.Translation of the lecture's sentence
    lengths: tuple                  # engine.seq2seq.LengthScore per number of clauses
    long: object                    # a Translation of a long input (example_clauses clauses)
    long_reference: tuple[str, ...]


_seq2seq_cache: dict = {}
_seq2seq_lock = threading.Lock()


def seq2seq_demo(config=None, cancel_event: threading.Event | None = None,
                 clauses: Sequence[int] = (1, 2, 3, 4, 5, 6),
                 example_clauses: int = 4) -> Seq2SeqDemo | None:
    """Train the lecture's Seq2Seq (``engine.seq2seq``, a few seconds), translate the lecture's
    sentence and measure translations by input length.  The same ``config`` gives the same
    result, so a finished run is kept for the next caller (the lesson's two Seq2Seq steps, and
    the lesson again after a language switch).  None when cancelled."""
    from engine.seq2seq import (LECTURE_PAIR, Seq2SeqConfig, Seq2SeqSession, degradation,
                                random_pair)

    config = config or Seq2SeqConfig()
    key = (config, tuple(clauses), example_clauses)
    with _seq2seq_lock:
        if key in _seq2seq_cache:
            return _seq2seq_cache[key]
        session = Seq2SeqSession(config)
        progress = session.run(cancel_event=cancel_event)
        if not progress.finished:
            return None
        model = session.model()
        lengths = degradation(model, config, clauses=clauses)
        src, ref = random_pair(example_clauses, np.random.default_rng(config.seed + 100))
        demo = Seq2SeqDemo(config=config, pairs=len(session.pairs),
                           untrained_loss=session.untrained_loss(),
                           losses=tuple(session.losses), model=model,
                           lecture=model.translate(LECTURE_PAIR[0]), lengths=tuple(lengths),
                           long=model.translate(src), long_reference=tuple(ref.split()))
        _seq2seq_cache[key] = demo
        return demo


# -- what practitioners use: king - man + woman on a shipped corpus --------------------------------
#: king - man + woman = ? (3CosAdd: man : king :: woman : ?) and the answer the lecture expects
KING_QUERY: tuple[str, str, str] = ("man", "king", "woman")
KING_ANSWER = "queen"


@dataclass(frozen=True)
class CorpusAnalogy:
    corpus: str
    config: object                  # engine.word2vec.Word2VecConfig
    words: int                      # the trained vocabulary
    tokens: int                     # corpus words read per epoch
    untrained_loss: float
    loss: float
    seconds: float
    answers: tuple[tuple[str, float], ...]   # best first: (word, cosine)
    expected: str

    @property
    def found(self) -> bool:
        return bool(self.answers) and self.answers[0][0] == self.expected


def corpus_analogy(corpus_name: str = "toy-world", topn: int = 3,
                   cancel_event: threading.Event | None = None) -> CorpusAnalogy | None:
    """Word2Vec on a shipped corpus with its own settings (engine.settings, one thread: about a
    second on toy-world), then king - man + woman.  None when cancelled."""
    from corpora import open_corpus
    from engine.errors import UnknownWordError
    from engine.settings import training_settings
    from engine.word2vec import TrainingSession

    config = training_settings(corpus_name, threads=1)
    session = TrainingSession(config, open_corpus(corpus_name))
    untrained = session.untrained_loss()
    progress = session.run(cancel_event=cancel_event)
    if not progress.finished:
        return None
    kv = session.model.vectors()
    a, b, c = KING_QUERY
    for w in KING_QUERY:
        if w not in kv:
            raise UnknownWordError(w)
    answers = tuple((w, float(s)) for w, s in kv.analogy(a, b, c, topn=topn))
    return CorpusAnalogy(corpus=corpus_name, config=config, words=len(kv),
                         tokens=int(session.vocab.total), untrained_loss=float(untrained),
                         loss=float(progress.loss), seconds=float(progress.elapsed),
                         answers=answers, expected=KING_ANSWER)
