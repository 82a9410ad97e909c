"""Seq2Seq: an encoder LSTM reads the sentence, a decoder LSTM writes the translation
(lecture section 3, "LSTM's limits": ``<SOS> I like`` -> ``나는 머신러닝이 좋다``).

    encoder:  h_t, C_t = LSTM_enc(x_t, h_{t-1}, C_{t-1})        t = 1..T (the source words)
    context:  (h_T, C_T)                                         one fixed-size pair of vectors
    decoder:  s_0, D_0 = h_T, C_T;  s_k, D_k = LSTM_dec(y_{k-1}, s_{k-1}, D_{k-1}), y_0 = <SOS>
              p(y_k) = softmax(W_out s_k + b_out)                greedy: y_k = argmax p(y_k)

Everything the decoder knows of the source is the context vector: the same H numbers for a
3-word sentence and for a 20-word one.  That is the limit the lecture names (장기 의존성 문제:
"Sequence 길이가 길어지는 경우 한계점 발생"), and :func:`degradation` measures it: the share of
correct tokens of greedy translations, by input length.

The data is a tiny language built from the lecture's pair: a clause is a subject, ``like`` or
``hate`` and an object (English S V O), translated to Korean S O V (``i like machine
learning`` -> ``나는 머신러닝이 좋다``); clauses are joined by ``and`` / ``그리고``.  Training
reads the handful of fixed :data:`PAIRS` and sentences of 1 to ``max_clauses`` clauses drawn
with the seed.

Training uses torch (autograd, Adam, a second or two on one core); the weights start from
numpy's seeded generator, so a seed gives the same model every run.  The trained cells are read
back into ``engine.lstm.LSTMCell`` (``from_torch``), and encoding and decoding here are the
lecture's equations in plain numpy: every number the lesson shows comes from them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from engine.errors import ConfigError, TrainingError, UnknownWordError
from engine.lstm import LSTMCell, LSTMStep
from engine.progress import Progress, Throttle
from engine.word2vec.softmax import softmax

SOS, EOS, PAD = "<SOS>", "<EOS>", "<pad>"

#: the lecture's example (the slide: encoder ``I Like ...``, decoder ``<SOS>`` -> 나는 머신러닝이 좋다)
LECTURE_PAIR: tuple[str, str] = ("i like machine learning", "나는 머신러닝이 좋다")

SUBJECTS = {"i": "나는", "you": "너는", "we": "우리는"}
VERBS = {"like": "좋다", "hate": "싫다"}
OBJECTS = {"machine learning": "머신러닝이", "cats": "고양이가", "dogs": "개가",
           "movies": "영화가", "pictures": "그림이", "apples": "사과가"}
AND = ("and", "그리고")

#: a handful of sentence pairs, the lecture's first; training always reads them
PAIRS: tuple[tuple[str, str], ...] = (
    LECTURE_PAIR,
    ("you like cats", "너는 고양이가 좋다"),
    ("we hate dogs", "우리는 개가 싫다"),
    ("i hate movies", "나는 영화가 싫다"),
    ("you like pictures and we hate apples", "너는 그림이 좋다 그리고 우리는 사과가 싫다"),
)


def translate_clause(subject: str, verb: str, obj: str) -> tuple[str, str]:
    """English S V O -> Korean S O V: ``i like cats`` -> ``나는 고양이가 좋다``."""
    for word, table in ((subject, SUBJECTS), (verb, VERBS), (obj, OBJECTS)):
        if word not in table:
            raise UnknownWordError(word)
    return f"{subject} {verb} {obj}", f"{SUBJECTS[subject]} {OBJECTS[obj]} {VERBS[verb]}"


def random_pair(clauses: int, rng: np.random.Generator) -> tuple[str, str]:
    """A sentence of ``clauses`` clauses joined by and / 그리고, and its translation."""
    if clauses < 1:
        raise ConfigError("a sentence has at least one clause")
    src, tgt = [], []
    subjects, verbs, objects = list(SUBJECTS), list(VERBS), list(OBJECTS)
    for _ in range(clauses):
        s, t = translate_clause(subjects[rng.integers(len(subjects))],
                                verbs[rng.integers(len(verbs))],
                                objects[rng.integers(len(objects))])
        src.append(s)
        tgt.append(t)
    return f" {AND[0]} ".join(src), f" {AND[1]} ".join(tgt)


def source_words() -> list[str]:
    words = list(SUBJECTS) + list(VERBS) + [w for o in OBJECTS for w in o.split()] + [AND[0]]
    return list(dict.fromkeys(words))


def target_words() -> list[str]:
    return list(dict.fromkeys([*SUBJECTS.values(), *OBJECTS.values(), *VERBS.values(), AND[1]]))


# -- configuration -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Seq2SeqConfig:
    emb: int = 16               # word vectors x_t of both sides
    hidden: int = 16            # H: the context vector's size
    max_clauses: int = 3        # training sentences: 1..max_clauses clauses
    sentences: int = 400        # generated training pairs (besides PAIRS)
    steps: int = 400            # Adam steps
    batch_size: int = 32
    lr: float = 0.01
    clip: float = 1.0
    seed: int = 1
    threads: int = 1

    def validate(self) -> None:
        for name in ("emb", "hidden", "max_clauses", "steps", "batch_size", "threads"):
            if getattr(self, name) < 1:
                raise ConfigError(f"{name} must be at least 1 (got {getattr(self, name)})")
        if self.sentences < 0:
            raise ConfigError(f"sentences must be 0 or more (got {self.sentences})")
        if not self.lr > 0:
            raise ConfigError(f"lr must be positive (got {self.lr})")


def training_pairs(config: Seq2SeqConfig) -> list[tuple[str, str]]:
    """:data:`PAIRS` and ``config.sentences`` pairs of 1..max_clauses clauses (seeded)."""
    rng = np.random.default_rng(config.seed)
    out = list(PAIRS)
    for _ in range(config.sentences):
        out.append(random_pair(int(rng.integers(1, config.max_clauses + 1)), rng))
    return out


# -- the model, in numpy -------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Encoding:
    words: tuple[str, ...]
    steps: tuple[LSTMStep, ...]         # h_t, C_t for t = 1..T

    @property
    def h(self) -> np.ndarray:          # the context vector: h_T ...
        return self.steps[-1].h

    @property
    def c(self) -> np.ndarray:          # ... and C_T
        return self.steps[-1].c


@dataclass(frozen=True, eq=False)
class DecodeStep:
    k: int                              # 1-based output position
    input: str                          # y_{k-1} (<SOS> first)
    s: np.ndarray                       # decoder hidden s_k
    probs: np.ndarray                   # p(y_k), over Seq2Seq.target_vocab
    word: str                           # argmax
    p: float                            # its probability


@dataclass(frozen=True, eq=False)
class Translation:
    encoding: Encoding
    steps: tuple[DecodeStep, ...]

    @property
    def words(self) -> tuple[str, ...]:
        """The output, without <EOS>."""
        return tuple(s.word for s in self.steps if s.word != EOS)


class Seq2Seq:
    """The trained weights, in the lecture's names: ``E_src``/``E_tgt`` (one row per word),
    ``encoder`` and ``decoder`` (``LSTMCell``), ``W_out``, ``b_out``."""

    def __init__(self, source_vocab, target_vocab, E_src, E_tgt, encoder: LSTMCell,
                 decoder: LSTMCell, W_out, b_out) -> None:
        self.source_vocab = tuple(source_vocab)
        self.target_vocab = tuple(target_vocab)
        self._src = {w: i for i, w in enumerate(self.source_vocab)}
        self._tgt = {w: i for i, w in enumerate(self.target_vocab)}
        self.E_src = np.asarray(E_src, np.float64)
        self.E_tgt = np.asarray(E_tgt, np.float64)
        self.encoder, self.decoder = encoder, decoder
        self.W_out = np.asarray(W_out, np.float64)
        self.b_out = np.asarray(b_out, np.float64)

    @property
    def hidden_size(self) -> int:
        return self.encoder.hidden_size

    def encode(self, sentence: str | Sequence[str]) -> Encoding:
        words = tuple(sentence.split() if isinstance(sentence, str) else sentence)
        if not words:
            raise ConfigError("the encoder needs at least one word")
        for w in words:
            if w not in self._src:
                raise UnknownWordError(w)
        x = self.E_src[[self._src[w] for w in words]]
        return Encoding(words=words, steps=tuple(self.encoder.run(x)))

    def translate(self, sentence: str | Sequence[str], max_len: int | None = None) -> Translation:
        """Greedy decoding from the context vector until <EOS> (or ``max_len`` words)."""
        enc = self.encode(sentence)
        if max_len is None:
            max_len = 2 * len(enc.words) + 2
        s, D = enc.h, enc.c
        y = SOS
        steps = []
        for k in range(1, max_len + 1):
            st = self.decoder.step(self.E_tgt[self._tgt[y]], s, D, k - 1)
            s, D = st.h, st.c
            probs = softmax(self.W_out @ s + self.b_out)
            best = int(np.argmax(probs))
            y = self.target_vocab[best]
            steps.append(DecodeStep(k=k, input=steps[-1].word if steps else SOS, s=s,
                                    probs=probs, word=y, p=float(probs[best])))
            if y == EOS:
                break
        return Translation(encoding=enc, steps=tuple(steps))

    def loss(self, source: str, target: str) -> float:
        """Mean cross-entropy of the reference translation (teacher forcing), numpy."""
        enc = self.encode(source)
        s, D = enc.h, enc.c
        ys = [SOS, *target.split(), EOS]
        total = 0.0
        for k in range(1, len(ys)):
            st = self.decoder.step(self.E_tgt[self._tgt[ys[k - 1]]], s, D)
            s, D = st.h, st.c
            p = softmax(self.W_out @ s + self.b_out)
            total -= float(np.log(p[self._tgt[ys[k]]]))
        return total / (len(ys) - 1)


# -- training (torch) ------------------------------------------------------------------------------
def _token_ids(sentences: Sequence[str], index: dict[str, int], prefix=(), suffix=()):
    rows = [[index[w] for w in (*prefix, *s.split(), *suffix)] for s in sentences]
    lengths = np.array([len(r) for r in rows], dtype=np.int64)
    out = np.zeros((len(rows), int(lengths.max())), dtype=np.int64)   # 0 = <pad>
    for i, r in enumerate(rows):
        out[i, :len(r)] = r
    return out, lengths


class Seq2SeqSession:
    """``run()`` trains; ``model()`` reads the weights back into numpy; ``losses``: the
    training loss after every step (the mean cross-entropy of a batch's target words)."""

    def __init__(self, config: Seq2SeqConfig | None = None,
                 pairs: Sequence[tuple[str, str]] | None = None) -> None:
        self.config = config or Seq2SeqConfig()
        self.config.validate()
        self.pairs = list(pairs) if pairs is not None else training_pairs(self.config)
        if not self.pairs:
            raise ConfigError("Seq2Seq needs at least one sentence pair")
        src_words = {w for s, _ in self.pairs for w in s.split()}
        tgt_words = {w for _, t in self.pairs for w in t.split()}
        self.source_vocab = (PAD, *[w for w in source_words() if w in src_words],
                             *sorted(src_words - set(source_words())))
        self.target_vocab = (PAD, SOS, EOS, *[w for w in target_words() if w in tgt_words],
                             *sorted(tgt_words - set(target_words())))
        self.losses: list[float] = []
        self._weights = self._init_weights()

    def _init_weights(self) -> dict[str, np.ndarray]:
        """Seeded numpy draws (PyTorch's ranges), so a seed is the same model on any machine."""
        cfg = self.config
        rng = np.random.default_rng(cfg.seed)
        E, H = cfg.emb, cfg.hidden
        k = 1.0 / np.sqrt(H)
        u = lambda lim, *shape: rng.uniform(-lim, lim, size=shape)   # noqa: E731
        w = {"E_src": rng.normal(0, 1, (len(self.source_vocab), E)),
             "E_tgt": rng.normal(0, 1, (len(self.target_vocab), E)),
             "W_out": u(k, len(self.target_vocab), H), "b_out": u(k, len(self.target_vocab))}
        for side in ("enc", "dec"):
            w[f"{side}_W_ih"] = u(k, 4 * H, E)
            w[f"{side}_W_hh"] = u(k, 4 * H, H)
            w[f"{side}_b_ih"] = u(k, 4 * H)
            w[f"{side}_b_hh"] = u(k, 4 * H)
        return w

    def untrained_loss(self) -> float:
        """ln V_target: a uniform guess over the target words."""
        return float(np.log(len(self.target_vocab)))

    def run(self, callback: Callable[[Progress], None] | None = None,
            cancel_event: threading.Event | None = None) -> Progress:
        try:
            import torch
        except ImportError as err:       # one line for the app and the CLI, not a traceback
            raise TrainingError(f"Seq2Seq training needs torch, which did not import: {err}") \
                from err

        old = torch.get_num_threads()
        torch.set_num_threads(self.config.threads)
        try:
            return self._run(torch, callback, cancel_event)
        finally:
            torch.set_num_threads(old)

    def _run(self, torch, callback, cancel_event) -> Progress:
        import torch.nn.functional as F
        from torch.nn.utils.rnn import pack_padded_sequence

        cfg = self.config
        w = self._weights
        enc, dec = self._lstm(torch, "enc"), self._lstm(torch, "dec")
        E_src, E_tgt, W_out, b_out = (torch.tensor(w[k], dtype=torch.float32, requires_grad=True)
                                      for k in ("E_src", "E_tgt", "W_out", "b_out"))
        params = [E_src, E_tgt, W_out, b_out, *enc.parameters(), *dec.parameters()]
        opt = torch.optim.Adam(params, lr=cfg.lr)
        src_index = {w: i for i, w in enumerate(self.source_vocab)}
        tgt_index = {w: i for i, w in enumerate(self.target_vocab)}
        src, src_len = _token_ids([s for s, _ in self.pairs], src_index)
        dec_in, _ = _token_ids([t for _, t in self.pairs], tgt_index, prefix=(SOS,))
        dec_out, _ = _token_ids([t for _, t in self.pairs], tgt_index, suffix=(EOS,))
        src, dec_in, dec_out = map(torch.from_numpy, (src, dec_in, dec_out))
        rng = np.random.default_rng(cfg.seed + 1)
        throttle = Throttle(0.1)
        start = time.perf_counter()
        n = len(self.pairs)
        loss = float("nan")

        def event(step: int, finished: bool = False) -> Progress:
            elapsed = time.perf_counter() - start
            return Progress(done=step, total=cfg.steps, loss=loss, rate=step / max(elapsed, 1e-9),
                            lr=cfg.lr, epoch=1, epochs=1, elapsed=elapsed, finished=finished)

        def keep() -> None:
            self._keep(E_src, E_tgt, W_out, b_out, enc, dec)

        for step in range(1, cfg.steps + 1):
            if cancel_event is not None and cancel_event.is_set():
                keep()
                return event(step - 1)
            b = rng.choice(n, size=min(cfg.batch_size, n), replace=False)
            lens = src_len[b]
            bt = torch.from_numpy(b)
            # the encoder reads each sentence to its own end: (h_T, C_T) of its last word
            packed = pack_padded_sequence(E_src[src[bt]], torch.from_numpy(lens),
                                          batch_first=True, enforce_sorted=False)
            _, context = enc(packed)
            # teacher forcing: the decoder reads <SOS> y_1 .. y_K from the context vector
            s, _ = dec(E_tgt[dec_in[bt]], context)
            logits = s @ W_out.T + b_out
            ce = F.cross_entropy(logits.reshape(-1, logits.shape[-1]),
                                 dec_out[bt].reshape(-1), ignore_index=0)   # 0: <pad>
            opt.zero_grad()
            ce.backward()
            torch.nn.utils.clip_grad_norm_(params, cfg.clip)
            opt.step()
            loss = float(ce.detach())
            if not np.isfinite(loss):
                raise TrainingError(f"the Seq2Seq loss became {loss} at step {step}")
            self.losses.append(loss)
            if callback is not None and throttle.ready():
                callback(event(step))
        keep()
        final = event(cfg.steps, finished=True)
        if callback is not None:
            callback(final)
        return final

    def _lstm(self, torch, side: str):
        """A one-layer ``torch.nn.LSTM`` (batch first) holding this side's weights."""
        w = self._weights
        cell = LSTMCell(w[f"{side}_W_ih"], w[f"{side}_W_hh"], w[f"{side}_b_ih"],
                        w[f"{side}_b_hh"], dtype=np.float32)
        m = cell.to_torch()
        m.batch_first = True
        return m

    def _keep(self, E_src, E_tgt, W_out, b_out, enc, dec) -> None:
        out = lambda t: t.detach().numpy().astype(np.float64)   # noqa: E731
        w = {"E_src": out(E_src), "E_tgt": out(E_tgt), "W_out": out(W_out), "b_out": out(b_out)}
        for side, m in (("enc", enc), ("dec", dec)):
            cell = LSTMCell.from_torch(m)
            W_ih, W_hh, b_ih, b_hh = cell.stacked()
            w.update({f"{side}_W_ih": W_ih, f"{side}_W_hh": W_hh, f"{side}_b_ih": b_ih,
                      f"{side}_b_hh": b_hh})
        self._weights = {k: np.asarray(v, np.float64) for k, v in w.items()}

    def model(self) -> Seq2Seq:
        w = self._weights
        cell = lambda side: LSTMCell(w[f"{side}_W_ih"], w[f"{side}_W_hh"],   # noqa: E731
                                     w[f"{side}_b_ih"], w[f"{side}_b_hh"], dtype=np.float64)
        return Seq2Seq(self.source_vocab, self.target_vocab, w["E_src"], w["E_tgt"],
                       cell("enc"), cell("dec"), w["W_out"], w["b_out"])


# -- the limit: long inputs ------------------------------------------------------------------------
@dataclass(frozen=True)
class LengthScore:
    clauses: int
    words: float                # mean input length, in words
    token_accuracy: float       # reference tokens the greedy output has right, at their position
    exact: float                # whole translations right
    sentences: int
    trained: bool               # this length occurs in the training data


def score(output: Sequence[str], reference: Sequence[str]) -> tuple[int, int]:
    """(correct, total): reference positions the output matches; missing words are wrong."""
    return sum(1 for o, r in zip(output, reference) if o == r), len(reference)


def degradation(model: Seq2Seq, config: Seq2SeqConfig, clauses: Sequence[int] = (1, 2, 3, 4, 5),
                per_length: int = 20, seed: int = 7) -> list[LengthScore]:
    """Greedy translations of fresh sentences of each length (``seed``, not the training
    draw), scored against their references."""
    rng = np.random.default_rng(seed)
    out = []
    for n in clauses:
        right = total = exact = words = 0
        for _ in range(per_length):
            src, tgt = random_pair(n, rng)
            got = model.translate(src).words
            ref = tuple(tgt.split())
            r, t_ = score(got, ref)
            right, total = right + r, total + t_
            exact += got == ref
            words += len(src.split())
        out.append(LengthScore(clauses=n, words=words / per_length, token_accuracy=right / total,
                               exact=exact / per_length, sentences=per_length,
                               trained=n <= config.max_clauses))
    return out
