"""Word2Vec as the lecture teaches it: one-hot in, W_in, hidden h, W_out, output layer.

    one-hot x (V)  --W_in-->  h (d)  --W_out-->  scores  -->  softmax / sigmoids  -->  loss

The embedding of a word is its row of the trained ``W_in`` (a one-hot vector times W_in
*selects* that row, so ``h = W_in[id]``; CBOW averages or sums the context rows).

* ``Word2VecConfig``: the hyper-parameters (word2vec.c / gensim defaults), ``validate()``;
* ``Word2Vec``: the model (vocab, config, ``W_in``, ``W_out``; HS: one W_out row per inner
  node of the Huffman tree);
* ``TrainingSession``: drives training.  ``step()`` trains exactly one example with the
  plain-numpy reference path below and returns a ``StepTrace`` of everything the lecture
  draws; ``run()`` trains the whole schedule with the compiled kernels (engine/word2vec/kernels.py:
  numba, no GIL, ``threads`` Hogwild threads), or the batched torch path (engine/word2vec/fast.py)
  for the full softmax and ``device="cuda"``.

Semantics follow word2vec.c: subsampling with ``Vocab.keep_prob``, the dynamic window
(engine/word2vec/examples.py), negative sampling that skips noise draws equal to the true word, a
learning rate decaying linearly from ``alpha`` to ``min_alpha`` over all epochs (per word
processed), ``W_out = 0`` and ``W_in ~ U(-1/d, 1/d)`` (gensim 4's initialisation; word2vec.c
draws U(-0.5/d, 0.5/d): the wider one measured +0.015 WordSim-353 on wiki-bench, issue 9).
Choices to know about:

* Skip-gram's example is (context word in, centre word out): the context word's W_in row
  is h, and the output layer scores the centre.  This is word2vec.c's and gensim's loop;
  the lecture draws centre -> context, and over a corpus both directions see exactly the
  same (centre, context) pairs.  We chose the word2vec.c direction for the reference *and*
  the kernels (they are tested equal) because the fast Skip-gram form shares one draw of
  negatives among the contexts of a centre (the centre is the one true output row of the
  block); the same sharing with the centre row as input and the contexts as outputs ran
  faster but halved analogy accuracy (issue 9's prototype).
* CBOW adds the error ``-lr * grad_h`` to *every* context row, in mean and in sum mode, as
  word2vec.c does.  In sum mode that is the exact gradient; in mean mode the exact gradient
  of each row is ``grad_h / n_context`` (``Word2Vec.gradients`` returns the exact ones).
* Each example's gradients are taken at the weights before the example (duplicate noise
  draws are summed), where word2vec.c updates W_out row by row inside an example; the two
  differ only when a noise word is drawn twice.
* ``W_out`` starts at zero for the full softmax too: every probability starts at 1/V, so
  the first loss is exactly ln V (ln 4 = 1.386 for the lecture's 4 words), and the first
  example already moves W_out (only W_in waits one example for a non-zero W_out).
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields

import numpy as np

from engine.word2vec import negative as ns
from engine.word2vec import softmax as sm
from engine.errors import ConfigError, CorpusError, TrainingError
from engine.word2vec.examples import Examples, build_examples
from engine.word2vec.huffman import HuffmanTree, build_huffman
from engine.onehot import one_hot      # one_hot(V, ids): the lecture's input vectors
from engine.names import ARCHS, DEVICES, LOSSES, UPDATES  # noqa: F401  (re-exported)
from engine.progress import Progress, Throttle
from engine.vocab import Vocab

MAX_SENTENCE = 10_000      # longer sentences are cut (gensim's MAX_WORDS_IN_BATCH)
CHUNK_WORDS = 10_000       # words per planning chunk (subsampling, windows, noise draws)
MAX_MODEL_BYTES = 16 * 2**30   # W_in + W_out beyond this is a mistake, not a model
JOB_WORDS = 10_000         # words per kernel call: events, pause and cancel every few ms
# The full softmax costs V x d per example: on wiki-bench (0.7M words, 5 epochs) at
# V = 20k it already takes about an hour on 2 cores; beyond this it is refused.
MAX_SOFTMAX_VOCAB = 20_000


def available_cores() -> int:
    """The cores this process may run on (the default ``threads``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


# ---------------------------------------------------------------------------------------
# configuration
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Word2VecConfig:
    arch: str = "sg"        # "sg" | "cbow"
    loss: str = "neg"       # "softmax" | "neg" | "hs"
    dim: int = 100
    window: int = 5
    negative: int = 5
    ns_exponent: float = 0.75
    sample: float = 1e-3
    min_count: int = 5
    max_vocab: int | None = None
    epochs: int = 5
    alpha: float = 0.025
    min_alpha: float = 0.0001
    cbow_mean: bool = True
    seed: int = 1
    threads: int = field(default_factory=lambda: available_cores())   # Hogwild kernel threads
    batch_size: int = 512   # examples per torch batch (softmax, device="cuda"; 1 = the reference)
    update: str = "shared"  # Skip-gram + NS kernel: "shared" negatives per centre | "pair"
    device: str = "cpu"     # "cpu": compiled kernels; "cuda": the batched torch path on a GPU

    def validate(self) -> None:
        """Raise ConfigError with one clear line for the first absurd or inconsistent setting."""
        problems = self.problems()
        if problems:
            raise problems[0]

    def problems(self) -> list[ConfigError]:
        """Every absurd or inconsistent setting, one ``ConfigError`` each (``.field`` names it),
        so a form can mark all its bad fields at once."""
        found: list[ConfigError] = []

        def bad(name: str, message: str) -> None:
            found.append(ConfigError(message, field=name))

        def integer(name: str, lo: int, hi: int) -> None:
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)):
                bad(name, f"{name} must be an integer (got {v!r})")
            elif v < lo:
                what = "a positive integer" if lo == 1 else f"an integer >= {lo}"
                bad(name, f"{name} must be {what} (got {v})")
            elif v > hi:
                bad(name, f"{name} = {v} is absurdly large (at most {hi})")

        def number(name: str) -> float | None:
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, (int, float, np.integer, np.floating)):
                bad(name, f"{name} must be a number (got {v!r})")
                return None
            if not math.isfinite(v):
                bad(name, f"{name} must be finite (got {v})")
                return None
            return float(v)

        if self.arch not in ARCHS:
            bad("arch", f"unknown arch {self.arch!r} (choose sg or cbow)")
        if self.loss not in LOSSES:
            bad("loss", f"unknown loss {self.loss!r} (choose softmax, neg or hs)")
        integer("dim", 1, 10_000)
        integer("window", 1, 1_000)
        integer("epochs", 1, 100_000)
        integer("min_count", 1, 10**12)
        integer("threads", 1, 1_024)
        integer("batch_size", 1, 1_000_000)
        if not isinstance(self.seed, (int, np.integer)) or isinstance(self.seed, bool) or self.seed < 0:
            bad("seed", f"seed must be an integer >= 0 (got {self.seed!r})")
        if self.loss == "neg":
            integer("negative", 1, 1_000)
        if self.max_vocab is not None:
            integer("max_vocab", 2, 10**9)
        alpha = number("alpha")
        if alpha is not None and alpha <= 0:
            bad("alpha", f"alpha must be > 0 (got {self.alpha})")
        elif alpha is not None and alpha > 100:
            bad("alpha", f"alpha = {self.alpha} is absurdly large (at most 100)")
        min_alpha = number("min_alpha")
        if min_alpha is not None and alpha is not None and (min_alpha < 0 or min_alpha > alpha):
            bad("min_alpha", f"min_alpha must be between 0 and alpha = {self.alpha} (got {self.min_alpha})")
        sample = number("sample")
        if sample is not None and sample < 0:
            bad("sample", f"sample must be >= 0 (got {self.sample}; 0 turns subsampling off)")
        number("ns_exponent")
        if not isinstance(self.cbow_mean, (bool, np.bool_)):
            bad("cbow_mean", f"cbow_mean must be true or false (got {self.cbow_mean!r})")
        if self.update not in UPDATES:
            bad("update", f"unknown update {self.update!r} (choose shared or pair)")
        if self.device not in DEVICES:
            bad("device", f"unknown device {self.device!r} (choose cpu or cuda)")
        return found

    def replace(self, **changes) -> "Word2VecConfig":
        names = {f.name for f in fields(self)}
        bad = sorted(set(changes) - names)
        if bad:
            raise ConfigError(f"unknown Word2Vec setting: {bad[0]}")
        return Word2VecConfig(**{**{n: getattr(self, n) for n in names}, **changes})


# ---------------------------------------------------------------------------------------
# the model
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Gradients:
    """Loss and exact gradients of one example at the current weights (the reference)."""

    h: np.ndarray                 # (d,) hidden vector
    target_rows: np.ndarray       # ids of the W_out rows the output layer scores
    labels: np.ndarray            # their 0/1 labels (softmax: the one-hot y over all rows)
    scores: np.ndarray
    outputs: np.ndarray           # softmax probabilities or sigmoids
    loss: float
    grad_h: np.ndarray            # dL/dh
    grad_W_out: np.ndarray        # dL/dW_out[target_rows] (row per entry of target_rows)
    grad_W_in: dict[int, np.ndarray]   # exact dL/dW_in[id] per input id


class Word2Vec:
    """The model: ``vocab``, ``config``, ``W_in`` (V x d) and ``W_out`` (V x d, or
    (V-1) x d for hierarchical softmax: one row per inner node of ``tree``)."""

    def __init__(self, vocab: Vocab, config: Word2VecConfig, *, dtype=np.float32,
                 W_in: np.ndarray | None = None, W_out: np.ndarray | None = None) -> None:
        config.validate()
        if len(vocab) < 2:
            raise CorpusError(f"need at least 2 distinct words to train (the vocabulary has {len(vocab)})")
        self.vocab = vocab
        self.config = config
        V, d = len(vocab), config.dim
        self.tree: HuffmanTree | None = build_huffman(vocab.counts) if config.loss == "hs" else None
        n_out = V - 1 if config.loss == "hs" else V
        need = (V + n_out) * d * np.dtype(dtype).itemsize
        if need > MAX_MODEL_BYTES:
            raise ConfigError(
                f"the model would need {need / 2**30:.1f} GiB ({V} words x dim {d}, twice): "
                "lower dim, or raise min_count / set max_vocab")
        if W_in is None:
            rng = np.random.default_rng(np.random.SeedSequence([config.seed, 0]))
            W_in = ((2.0 * rng.random((V, d)) - 1.0) / d).astype(dtype)   # gensim 4's init
        if W_out is None:
            W_out = np.zeros((n_out, d), dtype=dtype)
        if W_in.shape != (V, d) or W_out.shape != (n_out, d):
            raise ConfigError(f"weight shapes {W_in.shape}/{W_out.shape} do not match V={V}, d={d}")
        self.W_in = np.ascontiguousarray(W_in)
        self.W_out = np.ascontiguousarray(W_out)

    @property
    def words(self) -> list[str]:
        return self.vocab.words

    def __repr__(self) -> str:
        c = self.config
        return f"Word2Vec({c.arch}/{c.loss}, V={len(self.vocab)}, d={c.dim})"

    def embedding(self, word: str) -> np.ndarray:
        """The word's vector: its row of W_in (a copy)."""
        return self.W_in[self.vocab.id(word)].copy()

    def vectors(self):
        """The trained embeddings as ``engine.vectors.KeyedVectors`` (rows of W_in)."""
        from engine.vectors import KeyedVectors

        return KeyedVectors(list(self.vocab.words), self.W_in.copy(), self.vocab.counts.copy())

    # -- the reference forward/backward of one example -------------------------------
    def hidden(self, input_ids) -> np.ndarray:
        """h: the W_in row of the input word, or the mean (sum) of the context rows."""
        rows = self.W_in[np.asarray(input_ids, dtype=np.int64)]
        if len(rows) == 1:
            return rows[0].copy()
        return rows.mean(axis=0) if self.config.cbow_mean else rows.sum(axis=0)

    def output_rows(self, target: int, negatives=None) -> tuple[np.ndarray, np.ndarray]:
        """The W_out rows an example scores and their labels (NS / HS)."""
        if self.config.loss == "neg":
            return ns.targets_and_labels(target, np.asarray(negatives if negatives is not None else []))
        if self.config.loss == "hs":
            tree = self.tree
            n = tree.lengths[target]
            return tree.points[target, :n].astype(np.int64), 1.0 - tree.codes[target, :n].astype(np.float64)
        raise ValueError("the full softmax scores every row")

    def gradients(self, input_ids, target: int, negatives=None) -> Gradients:
        """Loss and exact gradients of one example (input ids -> target)."""
        input_ids = [int(i) for i in input_ids]
        h = self.hidden(input_ids)
        if self.config.loss == "softmax":
            r = sm.forward_backward(h, self.W_out, int(target))
            rows = np.arange(len(self.W_out))
            labels = np.zeros(len(rows))
            labels[target] = 1.0
            scores, outputs, loss, grad_h, grad_rows = r.scores, r.probs, r.loss, r.grad_h, r.grad_W_out
        else:
            rows, labels = self.output_rows(int(target), negatives)
            r = ns.forward_backward(h, self.W_out[rows], labels)
            scores, outputs, loss, grad_h, grad_rows = r.scores, r.sigmoids, r.loss, r.grad_h, r.grad_rows
        scale = 1.0 / len(input_ids) if (len(input_ids) > 1 and self.config.cbow_mean) else 1.0
        grad_in: dict[int, np.ndarray] = {}
        for i in input_ids:
            grad_in[i] = grad_in.get(i, 0.0) + scale * grad_h
        return Gradients(h, rows, labels, scores, outputs, loss, grad_h, grad_rows, grad_in)


# ---------------------------------------------------------------------------------------
# the step trace
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class StepTrace:
    """Everything the lecture draws for one training example (data only)."""

    arch: str
    loss_kind: str                  # "softmax" | "neg" | "hs"
    sentence: list[str]             # the sentence as the model saw it (after subsampling)
    position: int                   # index of the centre word in ``sentence``
    input_ids: list[int]
    input_words: list[str]
    one_hot: np.ndarray             # (k, V): one one-hot row per input word
    h: np.ndarray                   # (d,)
    target_ids: list[int]           # W_out rows scored (softmax: the true word only)
    target_words: list[str]         # their words (HS: "node N")
    labels: np.ndarray              # 1 = the true word / the branch taken, 0 = noise
    scores: np.ndarray              # softmax: all V scores; NS/HS: one per target row
    probs: np.ndarray | None        # softmax probabilities (V,) or None
    sigmoids: np.ndarray | None     # NS/HS sigmoid outputs or None
    loss: float
    grad_h: np.ndarray              # dL/dh
    lr: float
    W_in_delta: dict[int, np.ndarray]
    W_out_delta: dict[int, np.ndarray]
    word_id: int = -1               # the word to predict
    word: str = ""
    epoch: int = 1
    example: int = 0                # how many examples step() had trained before this one
    pair_index: int = 0             # index of this example among its sentence's examples


@dataclass(frozen=True)
class ExamplePreview:
    """What the next ``step()`` will train (without training it)."""

    sentence: list[str]
    position: int
    input_ids: list[int]
    input_words: list[str]
    word_id: int
    word: str
    pair_index: int
    epoch: int


# ---------------------------------------------------------------------------------------
# planning: sentences -> subsampled chunks -> examples (+ noise draws)
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class _Plan:
    sentences: list[np.ndarray]     # kept ids per sentence (after subsampling)
    raw_count: int                  # in-vocabulary tokens of the chunk before subsampling
    examples: Examples
    done_at: np.ndarray             # (n,) raw index (in the chunk) of each example's centre
    negatives: np.ndarray | None    # (n, k) noise draws (NS)


class TrainingSession:
    """Trains a Word2Vec model on ``sentences`` (a re-iterable of token lists)."""

    def __init__(self, config: Word2VecConfig, sentences: Iterable[Iterable[str]],
                 vocab: Vocab | None = None, *, dtype=np.float32) -> None:
        config.validate()
        if iter(sentences) is sentences:
            raise CorpusError("sentences must be re-iterable (a list or a corpus), not a one-shot iterator")
        self.config = config
        self.sentences = sentences
        if vocab is None:
            vocab = Vocab.build(sentences, config.min_count, config.max_vocab)
        self.vocab = vocab
        self.model = Word2Vec(vocab, config, dtype=dtype)
        self.rng = np.random.default_rng(np.random.SeedSequence([config.seed, 1]))
        self._keep = vocab.keep_prob(config.sample)
        self._sampler = ns.NoiseSampler(vocab.noise_distribution(config.ns_exponent)) if config.loss == "neg" else None
        self.total_words = config.epochs * vocab.total
        # step-mode state
        self._chunks = None
        self._plan: _Plan | None = None
        self._k = 0
        self._epoch = 0
        self._plan_base = 0          # raw words done before the current plan (step mode)
        self._steps = 0
        self._epoch_examples = 0
        self._encoded: tuple[np.ndarray, np.ndarray] | None = None

    def untrained_loss(self) -> float:
        """The loss per example of weights that know nothing (every score 0, sigma = 1/2):
        (1 + negative) ln 2 for negative sampling, the mean Huffman path length x ln 2 for
        hierarchical softmax (weighted by how often each word is a target), ln V for the
        full softmax.  A run whose loss climbs far above it has diverged."""
        c = self.config
        if c.loss == "neg":
            return (1 + c.negative) * math.log(2)
        if c.loss == "hs":
            counts = self.vocab.counts.astype(np.float64)
            return float((self.model.tree.lengths * counts).sum() / max(counts.sum(), 1)) * math.log(2)
        return math.log(max(len(self.vocab), 2))

    # -- learning rate -----------------------------------------------------------------
    def lr_at(self, done):
        """alpha decayed linearly to min_alpha over all epochs' words (array or scalar)."""
        c = self.config
        frac = np.clip(np.asarray(done, dtype=np.float64) / max(self.total_words, 1), 0.0, 1.0)
        return c.alpha - (c.alpha - c.min_alpha) * frac

    # -- planning ------------------------------------------------------------------------
    def _chunked(self):
        """One epoch of the corpus as lists of id arrays of ~CHUNK_WORDS words."""
        buf: list[np.ndarray] = []
        n = 0
        encode = self.vocab.encode
        for sentence in self.sentences:
            if isinstance(sentence, str):
                raise CorpusError("sentences must be lists of tokens, not strings")
            ids = encode(sentence)
            for s in range(0, max(len(ids), 1), MAX_SENTENCE):
                piece = ids[s:s + MAX_SENTENCE]
                if len(piece) == 0:
                    continue
                buf.append(piece)
                n += len(piece)
                if n >= CHUNK_WORDS:
                    yield buf
                    buf, n = [], 0
        if buf:
            yield buf

    def _make_plan(self, chunk: list[np.ndarray]) -> _Plan:
        c, rng = self.config, self.rng
        lengths = np.array([len(s) for s in chunk], dtype=np.int64)
        raw = np.concatenate(chunk)
        if c.sample > 0:
            keep = rng.random(len(raw)) < self._keep[raw]
        else:
            keep = np.ones(len(raw), dtype=bool)
        bounds = np.cumsum(lengths)[:-1]
        kept = [s[k] for s, k in zip(chunk, np.split(keep, bounds))]
        kept_raw = np.nonzero(keep)[0]
        ex = build_examples(kept, c.window, c.arch, rng)
        negs = None
        if self._sampler is not None:
            negs = self._sampler.draw(rng, (len(ex), c.negative))
        done_at = kept_raw[ex.token] if len(ex) else np.zeros(0, dtype=np.int64)
        return _Plan(kept, len(raw), ex, done_at, negs)

    # -- the reference update of one example ------------------------------------------------
    def _reference_update(self, input_ids, target, negatives, lr: float):
        """Gradients at the current weights, then W -= lr * grad (word2vec.c's step)."""
        m = self.model
        with np.errstate(all="ignore"):        # non-finite values are reported below
            gr = m.gradients(input_ids, target, negatives)
        if not (math.isfinite(gr.loss) and np.isfinite(gr.grad_h).all() and np.isfinite(gr.h).all()):
            raise TrainingError("training diverged (a NaN/inf loss); the last good weights are kept "
                                "- try a smaller learning rate (alpha)")
        d_out = (-lr * gr.grad_W_out).astype(m.W_out.dtype)
        d_in = (-lr * gr.grad_h).astype(m.W_in.dtype)      # to every input row (word2vec.c)
        if not (np.isfinite(d_out).all() and np.isfinite(d_in).all()):
            raise TrainingError("training diverged (an update overflowed); the last good weights are kept "
                                "- try a smaller learning rate (alpha)")
        if self.config.loss == "softmax":
            m.W_out += d_out                                # every row, once
        else:
            np.add.at(m.W_out, gr.target_rows, d_out)       # a noise word may repeat
        ids = np.asarray(input_ids, dtype=np.int64)
        np.add.at(m.W_in, ids, np.broadcast_to(d_in, (len(ids), len(d_in))))
        return gr, d_in, d_out

    # -- step mode -----------------------------------------------------------------------------
    def _ensure_example(self) -> None:
        """Advance (chunk, epoch) until an untrained example is available."""
        empty_epochs = 0
        while self._plan is None or self._k >= len(self._plan.examples):
            if self._plan is not None:
                self._plan_base += self._plan.raw_count
                self._plan = None
            if self._chunks is None:
                self._epoch += 1
                self._epoch_examples = 0
                self._chunks = self._chunked()
            chunk = next(self._chunks, None)
            if chunk is None:
                self._chunks = None
                if self._epoch_examples == 0:
                    empty_epochs += 1
                    if empty_epochs >= 2:
                        raise CorpusError(
                            "no training examples: every sentence is shorter than 2 words after "
                            f"subsampling (sample={self.config.sample}; use sample=0 for tiny corpora)")
                continue
            self._plan = self._make_plan(chunk)
            self._k = 0
            self._epoch_examples += len(self._plan.examples)

    def _describe(self, k: int):
        p = self._plan
        ex = p.examples
        words = self.vocab.words
        s = int(ex.sentence[k])
        sentence = [words[i] for i in p.sentences[s]]
        inputs = [int(i) for i in ex.inputs[k] if i >= 0]
        first = k
        while first > 0 and ex.sentence[first - 1] == s:
            first -= 1
        return sentence, int(ex.position[k]), inputs, int(ex.targets[k]), k - first

    def peek(self) -> ExamplePreview:
        """The example the next ``step()`` trains."""
        self._ensure_example()
        sentence, pos, inputs, target, idx = self._describe(self._k)
        words = self.vocab.words
        return ExamplePreview(sentence, pos, inputs, [words[i] for i in inputs], target,
                              words[target], idx, self._epoch)

    def sentence_pairs(self) -> list[tuple[tuple[str, ...], str]]:
        """All examples (input words, target word) of the sentence the next step is in,
        with this epoch's reduced windows; ``peek().pair_index`` says which is next."""
        self._ensure_example()
        ex = self._plan.examples
        s = ex.sentence[self._k]
        idx = np.nonzero(ex.sentence == s)[0]
        words = self.vocab.words
        return [(tuple(words[i] for i in ex.inputs[k] if i >= 0), words[ex.targets[k]]) for k in idx]

    def next_sentence(self) -> None:
        """Skip the rest of the current sentence's examples (untrained)."""
        self._ensure_example()
        ex = self._plan.examples
        s = ex.sentence[self._k]
        while self._k < len(ex) and ex.sentence[self._k] == s:
            self._k += 1

    def step(self) -> StepTrace:
        """Train exactly one example with the reference path and describe it."""
        self._ensure_example()
        p, k = self._plan, self._k
        sentence, pos, inputs, target, idx = self._describe(k)
        negs = p.negatives[k] if p.negatives is not None else None
        lr = float(self.lr_at(self._plan_base + int(p.done_at[k])))
        words, V = self.vocab.words, len(self.vocab)
        gr, d_in, d_out = self._reference_update(inputs, target, negs, lr)
        self._k += 1
        self._steps += 1
        x = one_hot(V, inputs)                 # x @ W_in selects the rows: h
        W_in_delta: dict[int, np.ndarray] = {}
        for i in inputs:
            W_in_delta[i] = W_in_delta.get(i, 0) + d_in
        W_out_delta: dict[int, np.ndarray] = {}
        for r, row in zip(gr.target_rows.tolist(), d_out):
            W_out_delta[r] = W_out_delta.get(r, 0) + row
        kind = self.config.loss
        if kind == "softmax":
            t_ids, t_words, labels = [target], [words[target]], np.array([1.0])
            probs, sig = gr.outputs, None
        else:
            t_ids = gr.target_rows.tolist()
            t_words = [words[i] for i in t_ids] if kind == "neg" else [f"node {i}" for i in t_ids]
            labels, probs, sig = gr.labels, None, gr.outputs
        return StepTrace(
            arch=self.config.arch, loss_kind=kind, sentence=sentence, position=pos,
            input_ids=inputs, input_words=[words[i] for i in inputs], one_hot=x,
            h=np.array(gr.h, copy=True), target_ids=t_ids, target_words=t_words, labels=labels,
            scores=gr.scores, probs=probs, sigmoids=sig, loss=gr.loss, grad_h=gr.grad_h, lr=lr,
            W_in_delta=W_in_delta, W_out_delta=W_out_delta, word_id=target, word=words[target],
            epoch=self._epoch, example=self._steps - 1, pair_index=idx)

    # -- whole run ----------------------------------------------------------------------------
    @property
    def backend(self) -> str:
        """Who ``run()`` trains with: ``"kernels"`` (negative sampling and hierarchical
        softmax on the CPU, float32) or ``"torch"`` (the full softmax, ``device="cuda"``,
        a float64 model)."""
        use_kernels = (self.config.loss != "softmax" and self.config.device == "cpu"
                       and self.model.W_in.dtype == np.float32)   # the kernels are float32
        return "kernels" if use_kernels else "torch"

    def run(self, callback: Callable[[Progress], None] | None = None,
            cancel_event: threading.Event | None = None,
            pause_event: threading.Event | None = None, *, reference: bool = False,
            status: Callable[[str], None] | None = None, backend: str | None = None,
            nice: int = 0) -> Progress:
        """Train all epochs.  ``callback(Progress)`` at most ~10 times a second and once at
        the end (``finished=True`` when every epoch completed).  While ``pause_event`` is set
        the loop waits; ``cancel_event`` stops it within ~100 ms, keeping the weights trained
        so far.  A NaN/inf loss raises TrainingError and keeps the last good weights.

        Who computes: NS and HS on ``device="cpu"`` use the compiled kernels on
        ``config.threads`` threads (engine/word2vec/kernels.py); the full softmax and
        ``device="cuda"`` the batched torch path (engine/word2vec/fast.py); ``reference=True`` the
        numpy reference, one example at a time.  ``backend`` ("kernels" | "torch") overrides
        the choice (tests run the torch path on the CPU this way).

        ``nice`` > 0 lowers the kernel threads' scheduling priority by that much (Linux
        ``setpriority`` on each thread; ignored elsewhere): the app passes it so that its UI
        thread, at normal priority, gets a core at once when a key arrives while training
        keeps every core busy, and training still has all of them when the UI is idle.

        ``status(text)`` (optional, called from this thread) hears what the run is doing
        before its first progress event: ``"compiling kernels…"`` before the first kernel
        call of the process (1-3 s on a cold cache, ~0.3 s from numba's cache), then
        ``"training"``."""
        if backend not in (None, "kernels", "torch"):
            raise ValueError(f"unknown backend {backend!r}")
        if backend is None:
            backend = self.backend
        if backend == "kernels" and self.config.loss == "softmax":
            raise ConfigError("the compiled kernels train negative sampling and hierarchical "
                              "softmax only", field="loss")
        if not reference and self.config.loss == "softmax" and len(self.vocab) > MAX_SOFTMAX_VOCAB:
            raise ConfigError(
                f"the full softmax over {len(self.vocab):,} words would take hours (it scores "
                f"every word for every example; at most {MAX_SOFTMAX_VOCAB:,}): use negative "
                "sampling (loss neg), or hierarchical softmax (hs)", field="loss")
        runner = _Runner(self, callback, cancel_event, pause_event, reference, status)
        runner.nice = max(0, int(nice))
        if not reference and backend == "kernels":
            return runner.run_kernels()
        return runner.run()

    # -- the corpus as the kernels read it ----------------------------------------------------
    def encoded(self) -> tuple[np.ndarray, np.ndarray]:
        """The corpus encoded once: int32 ids of all in-vocabulary tokens and int64 sentence
        starts (``ids[starts[s]:starts[s + 1]]`` is sentence s; longer than MAX_SENTENCE
        words: cut, as gensim does)."""
        if self._encoded is None:
            # the vocabulary's counts say how many ids there will be: fill one array in place
            # (collecting pieces and concatenating them held the corpus twice at the peak)
            ids = np.empty(int(self.vocab.counts.sum()), dtype=np.int32)
            bounds = [0]
            n = 0
            encode = self.vocab.encode
            for sentence in self.sentences:
                if isinstance(sentence, str):
                    raise CorpusError("sentences must be lists of tokens, not strings")
                piece = encode(sentence)
                if n + len(piece) > len(ids):        # the corpus grew since it was counted
                    ids = np.concatenate([ids[:n], np.empty(max(len(ids), len(piece)), np.int32)])
                ids[n:n + len(piece)] = piece
                for a in range(0, len(piece), MAX_SENTENCE):
                    bounds.append(n + min(a + MAX_SENTENCE, len(piece)))
                n += len(piece)
            ids = ids[:n].copy() if n < len(ids) else ids
            starts = np.asarray(bounds, dtype=np.int64)
            self._encoded = (ids, starts)
        return self._encoded

    def jobs(self) -> list[tuple[int, int, int]]:
        """The kernel jobs of one epoch: ``(first sentence, end sentence, words)``, runs of
        whole sentences of about JOB_WORDS words each."""
        _, starts = self.encoded()
        out: list[tuple[int, int, int]] = []
        first, n = 0, len(starts) - 1
        while first < n:
            end = int(np.searchsorted(starts, starts[first] + JOB_WORDS, side="left"))
            end = min(max(end, first + 1), n)
            out.append((first, end, int(starts[end] - starts[first])))
            first = end
        return out


_KERNELS_READY: set = set()   # non-empty once this process has called a kernel (compiled)

_DIVERGED = ("training diverged (a NaN/inf loss); the last good weights are kept "
             "- try a smaller learning rate (alpha)")
EPOCH_REPORTS = 200      # runs of at most this many epochs report every epoch's end
DIVERGED_FACTOR = 10.0   # a job whose mean loss is this many times the untrained loss diverged


def _diverged(alpha: float, loss: float, untrained: float) -> TrainingError:
    return TrainingError(
        f"training diverged: the loss per example reached {loss:.3g}, over "
        f"{DIVERGED_FACTOR:g}x the untrained {untrained:.2f}; the last good weights are kept "
        f"- alpha={alpha:g} is too large, try a smaller learning rate (alpha)")


def _lower_priority(nice: int) -> None:
    """Raise this thread's nice value by ``nice`` (Linux: a thread id is a process id for
    ``setpriority``).  Best effort: nothing happens where that is not supported."""
    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, min(19, os.getpriority(os.PRIO_PROCESS, tid) + nice))
    except (AttributeError, OSError):
        pass


class _Runner:
    nice = 0                 # see TrainingSession.run(nice=)
    """One ``TrainingSession.run()``: epochs -> chunks -> batches, with progress events,
    pause and cancel between batches (each batch takes a few milliseconds)."""

    def __init__(self, session: TrainingSession, callback, cancel_event, pause_event, reference: bool,
                 status=None):
        self.s = session
        self.status = status
        self.lock = threading.Lock()
        self.callback = callback
        self.cancel = cancel_event
        self.pause = pause_event
        self.reference = reference
        self.throttle = Throttle(0.1)
        self.done = 0
        self.loss_sum = 0.0
        self.loss_n = 0
        self.last_loss = float("nan")
        self.lr = session.config.alpha
        self.epoch = 1
        self.paused_for = 0.0
        self.t0 = time.perf_counter()

    # -- events ------------------------------------------------------------------------------
    def _event(self, finished: bool = False) -> Progress:
        with self.lock:
            if self.loss_n:
                self.last_loss = self.loss_sum / self.loss_n
                self.loss_sum, self.loss_n = 0.0, 0
        elapsed = max(time.perf_counter() - self.t0 - self.paused_for, 1e-9)
        c = self.s.config
        return Progress(done=int(self.done), total=int(self.s.total_words), loss=float(self.last_loss),
                        rate=self.done / elapsed, lr=float(self.lr), epoch=self.epoch, epochs=c.epochs,
                        elapsed=elapsed, finished=finished)

    def _report(self) -> None:
        if self.callback is not None and self.throttle.ready():
            self.callback(self._event())

    def _stopped(self) -> bool:
        """Wait while paused; True when cancelled."""
        cancel, pause = self.cancel, self.pause
        if pause is not None and pause.is_set():
            t = time.perf_counter()
            while pause.is_set() and not (cancel is not None and cancel.is_set()):
                time.sleep(0.02)
            self.paused_for += time.perf_counter() - t
        return cancel is not None and cancel.is_set()

    # -- the compiled kernels on N threads -----------------------------------------------------
    def run_kernels(self) -> Progress:
        """Epochs of kernel jobs: ``threads`` Python threads pull jobs (~JOB_WORDS words each)
        in order and train them with ``kernels.train_job``, which holds no GIL, Hogwild over
        the shared weights.  A word counter shared by the threads sets each job's learning
        rate (``lr_at`` at its first and last word) and the events' ``done``.  Each job's
        random numbers are seeded by (seed, epoch, job), so with one thread a seed gives
        bit-identical weights; with more, the interleaving of updates varies run to run (as
        in word2vec.c and gensim).  This thread reports progress, waits while paused and
        stops the workers on cancel; they look at the events between jobs (a few ms)."""
        s, c = self.s, self.s.config
        m = s.model
        if not _KERNELS_READY and self.status is not None:
            self.status("compiling kernels\u2026")
        from engine.word2vec import kernels as K

        ids, starts = s.encoded()
        jobs = s.jobs()
        V = len(s.vocab)
        keep = s._keep.astype(np.float32)
        table = s._sampler.table if s._sampler is not None else np.zeros(1, dtype=np.int32)
        if m.tree is not None:
            points = np.ascontiguousarray(m.tree.points, dtype=np.int32)
            hs_labels = (1.0 - m.tree.codes).astype(np.float32)
            lengths = m.tree.lengths.astype(np.int32)
        else:
            points = np.zeros((V, 1), dtype=np.int32)
            hs_labels = np.zeros((V, 1), dtype=np.float32)
            lengths = np.zeros(V, dtype=np.int32)
        fixed = (keep, c.sample > 0, table, points, hs_labels, lengths,
                 K.ARCH_SG if c.arch == "sg" else K.ARCH_CBOW,
                 K.LOSS_NEG if c.loss == "neg" else K.LOSS_HS,
                 c.update == "shared", bool(c.cbow_mean), int(c.window), int(c.negative))
        # an empty job compiles the kernel (or loads it from numba's cache) before the clock
        K.train_job(m.W_in, m.W_out, ids, starts, 0, 0, *fixed, 0.0, 0.0, 1)
        _KERNELS_READY.add(True)
        if self.status is not None:
            self.status("training")
        self.t0 = time.perf_counter()
        good = (m.W_in.copy(), m.W_out.copy())
        n_threads = max(1, min(int(c.threads), len(jobs)))
        try:
            for epoch in range(1, c.epochs + 1):
                self.epoch = epoch
                if self._kernel_epoch(K, ids, starts, jobs, fixed, epoch, n_threads):
                    return self._finish(False)
                if not (np.isfinite(m.W_in).all() and np.isfinite(m.W_out).all()):
                    raise TrainingError(_DIVERGED)
                if epoch < c.epochs:
                    np.copyto(good[0], m.W_in)
                    np.copyto(good[1], m.W_out)
                    if c.epochs <= EPOCH_REPORTS and self.callback is not None and self.loss_n:
                        # a short run (the lecture's 50 epochs take ~10 ms) would otherwise
                        # give the loss curve two points: report every epoch's end
                        self.callback(self._event())
            self.done = s.total_words
            self.lr = c.min_alpha
            return self._finish(True)
        except TrainingError:
            m.W_in[...] = good[0]       # the weights at the end of the last good epoch
            m.W_out[...] = good[1]
            raise

    def _kernel_epoch(self, K, ids, starts, jobs, fixed, epoch: int, n_threads: int) -> bool:
        """One epoch's jobs on ``n_threads`` threads; True when cancelled."""
        s, c = self.s, self.s.config
        m = s.model
        lock = self.lock
        stop = threading.Event()
        state = {"next": 0, "error": None}
        cancel, pause = self.cancel, self.pause
        untrained = s.untrained_loss()
        limit = DIVERGED_FACTOR * untrained

        def worker() -> None:
            if self.nice:
                _lower_priority(self.nice)
            try:
                while not stop.is_set():
                    if pause is not None and pause.is_set():
                        time.sleep(0.01)
                        continue
                    with lock:
                        k = state["next"]
                        if k >= len(jobs):
                            return
                        state["next"] = k + 1
                        at = self.done
                    s0, s1, words = jobs[k]
                    lr0, lr1 = (float(x) for x in s.lr_at([at, at + words]))
                    seed = int(np.random.SeedSequence([c.seed, 2, epoch, k]).generate_state(1, np.uint64)[0]) >> 1
                    loss, n, w = K.train_job(m.W_in, m.W_out, ids, starts, s0, s1, *fixed, lr0, lr1, seed)
                    with lock:
                        self.done += int(w)
                        self.loss_sum += float(loss)
                        self.loss_n += int(n)
                        self.lr = min(self.lr, lr1)
                    if not math.isfinite(loss):
                        state["error"] = TrainingError(_DIVERGED)
                        stop.set()
                    elif n and loss / n > limit:
                        # word2vec.c clips scores at MAX_EXP, so too large a learning rate
                        # never makes a NaN: the vectors grow and the loss climbs instead
                        state["error"] = _diverged(c.alpha, loss / n, untrained)
                        stop.set()
            except BaseException as err:     # handed to the thread that called run()
                state["error"] = err
                stop.set()

        threads = [threading.Thread(target=worker, name=f"wordlab-kernel-{i}", daemon=True)
                   for i in range(n_threads)]
        for t in threads:
            t.start()
        cancelled = False
        while True:
            threads[0].join(0.02)
            alive = any(t.is_alive() for t in threads)
            if self.loss_n:
                self._report()
            if not alive:
                break
            if self._stopped():          # waits here while paused (the workers idle too)
                cancelled = True
                stop.set()
        for t in threads:
            t.join()
        if state["error"] is not None:
            raise state["error"]
        if not cancelled and self._stopped():
            # an epoch shorter than one join above (a tiny corpus) ends before the loop looks
            # at the events: look now, or a stop would wait for the whole run
            return True
        return cancelled or (cancel is not None and cancel.is_set() and state["next"] < len(jobs))

    # -- the loop ------------------------------------------------------------------------------
    def run(self) -> Progress:
        s, c = self.s, self.s.config
        m = s.model
        good = (m.W_in.copy(), m.W_out.copy())
        torch = None
        old_threads = None
        trainer = None
        if not self.reference:
            import torch

            from engine.word2vec.fast import FastTrainer

            device = "cpu"
            if c.device == "cuda":
                if not torch.cuda.is_available():
                    raise ConfigError("device cuda: torch finds no CUDA GPU here (use device cpu, "
                                      "the compiled kernels)", field="device")
                device = "cuda"
            old_threads = torch.get_num_threads()
            torch.set_num_threads(1)           # see FastTrainer: faster, and no spinning
            trainer = FastTrainer(m.W_in, m.W_out, c.cbow_mean, device=device)
        try:
            for epoch in range(1, c.epochs + 1):
                self.epoch = epoch
                base = (epoch - 1) * s.vocab.total
                for chunk in s._chunked():
                    if self._stopped():
                        if trainer is not None:
                            trainer.sync()
                        return self._finish(False)
                    plan = s._make_plan(chunk)
                    lrs = s.lr_at(base + plan.done_at)
                    if self.reference:
                        stopped = self._reference_chunk(plan, lrs, base)
                    else:
                        stopped = self._fast_chunk(trainer, plan, lrs, base)
                    if stopped:
                        trainer.sync()
                        return self._finish(False)
                    base += plan.raw_count
                    self.done = base
                    self.lr = float(s.lr_at(base))
                    self._report()
                if trainer is not None:
                    trainer.sync()
                if not (np.isfinite(m.W_in).all() and np.isfinite(m.W_out).all()):
                    raise TrainingError(_DIVERGED)
                good = (m.W_in.copy(), m.W_out.copy()) if epoch < c.epochs else good
            self.done = s.total_words
            self.lr = c.min_alpha
            return self._finish(True)
        except TrainingError:
            if not (np.isfinite(m.W_in).all() and np.isfinite(m.W_out).all()):
                m.W_in[...] = good[0]
                m.W_out[...] = good[1]
            raise
        finally:
            if old_threads is not None:
                torch.set_num_threads(old_threads)

    def _finish(self, finished: bool) -> Progress:
        event = self._event(finished)
        if self.callback is not None:
            self.callback(event)
        return event

    def _reference_chunk(self, plan: _Plan, lrs: np.ndarray, base: int) -> bool:
        s = self.s
        ex = plan.examples
        for k in range(len(ex)):
            if k % 64 == 0 and self._stopped():
                return True
            inputs = ex.inputs[k][ex.inputs[k] >= 0]
            negs = plan.negatives[k] if plan.negatives is not None else None
            gr, _, _ = s._reference_update(inputs, int(ex.targets[k]), negs, float(lrs[k]))
            self.loss_sum += gr.loss
            self.loss_n += 1
            self.done = base + int(plan.done_at[k])
            self.lr = float(lrs[k])
            self._report()
        return False

    def _fast_chunk(self, trainer, plan: _Plan, lrs: np.ndarray, base: int) -> bool:
        s, c = self.s, self.s.config
        ex = plan.examples
        n = len(ex)
        if n == 0:
            return False
        t = trainer.tensor
        inputs = t(ex.inputs)
        lr_t = t(lrs, float_=True)
        # A small vocabulary means every row is hit by most examples of a batch: cut the
        # batch so that summed (stale) updates stay close to word2vec.c's sequential ones.
        V = len(s.vocab)
        B = min(c.batch_size, max(16, 2 * V))
        if c.loss == "softmax":
            # every example updates every row: small batches (no damping), and well under
            # 100 ms per batch for big vocabularies
            B = max(1, min(c.batch_size, V // 4, 200_000 // V))
            targets = t(ex.targets)
        elif c.loss == "neg":
            # the true word (label 1) and the noise draws (label 0) of each example
            rows = np.concatenate([ex.targets[:, None], plan.negatives], axis=1)
            mask = np.ones(rows.shape)
            mask[:, 1:] = plan.negatives != ex.targets[:, None]   # word2vec.c skips these
            labels = np.zeros(rows.shape)
            labels[:, 0] = 1.0
            rows_t, labels_t, mask_t = t(rows), t(labels, float_=True), t(mask, float_=True)
        else:
            # hierarchical softmax: a flat list of (example, inner node) pairs
            tree = s.model.tree
            L = tree.lengths[ex.targets].astype(np.int64)
            offsets = np.concatenate([[0], np.cumsum(L)])
            pair_ex = np.repeat(np.arange(n), L)
            depth = np.arange(offsets[-1]) - np.repeat(offsets[:-1], L)
            tgt = ex.targets[pair_ex]
            path_rows = t(tree.points[tgt, depth])
            path_labels = t(1.0 - tree.codes[tgt, depth], float_=True)
            path_lr = t(lrs[pair_ex], float_=True)
            pair_ex_t = t(pair_ex)
        for a in range(0, n, B):
            if self._stopped():
                return True
            b = min(a + B, n)
            if c.loss == "softmax":
                loss = trainer.softmax_batch(inputs[a:b], targets[a:b], lr_t[a:b])
            elif c.loss == "hs":
                pa, pb = int(offsets[a]), int(offsets[b])
                loss = trainer.path_batch(inputs[a:b], pair_ex_t[pa:pb] - a,
                                          path_rows[pa:pb], path_labels[pa:pb], path_lr[pa:pb])
            else:
                loss = trainer.sigmoid_batch(inputs[a:b], rows_t[a:b], labels_t[a:b], mask_t[a:b], lr_t[a:b])
            self.loss_sum += loss
            self.loss_n += b - a
            self.done = base + int(plan.done_at[b - 1]) + 1
            self.lr = float(lrs[b - 1])
            self._report()
        return False
