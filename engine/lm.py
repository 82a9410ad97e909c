"""A word-level language model: Embedding -> RNN or LSTM (1-2 layers) -> Linear -> softmax.

Lecture section 1-3: a language model predicts the next word from the words so far; the RNN
carries the past in h_t, the LSTM also in its cell state C_t.  Training is truncated BPTT:
the token stream is cut into ``bptt``-long windows, the hidden state is carried from one
window to the next but detached, so gradients flow back at most ``bptt`` steps.

The training loop follows PyTorch's ``examples/word_language_model`` (batchify, get_batch,
repackage_hidden, clip_grad_norm_); see ``bench/word_language_model/`` for the reference copy.
It uses Adam (lr 2e-3) by default rather than that example's plain SGD at lr 20: on 2 CPU cores
a run gets about one epoch of wiki-bench in a few minutes, and Adam's per-parameter step sizes
move the rare words' embeddings and output rows within that epoch, where SGD relies on several
epochs and learning-rate annealing.  Measured on wiki-bench (emb 200, hidden 200, bptt 35,
batch 20, dropout 0.2, the same 140,000 training tokens): held-out perplexity 442 with Adam,
552 with SGD lr 20 (the unigram model: 560).  Adam costs about 15% more CPU per token (its
step touches every weight three times).  ``optimizer="sgd"`` (lr 20) gives the example's loop.

Words outside the vocabulary become ``<unk>``; each sentence ends with ``<eos>``, so the model
also learns where sentences start (a prefix is always read after an ``<eos>``).
"""

from __future__ import annotations

import json
import math
import threading
import time
from array import array
from collections import Counter
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from engine.errors import ConfigError, CorpusError, FormatError, TrainingError
from engine.progress import Progress, Throttle

UNK = "<unk>"          # the one definition of the unknown-word token (engine.gateview re-exports it)
EOS = "<eos>"
FORMAT = "wordlab-lm-1"

#: seconds between the copies of the weights a NaN loss falls back to ("the last good weights")
GOOD_EVERY = 2.0
#: below this many training tokens a corpus is "lecture-sized" (LMConfig.for_corpus)
SMALL_CORPUS = 5_000


# -- configuration ----------------------------------------------------------------------------
@dataclass(frozen=True)
class LMConfig:
    cell: str = "lstm"          # "lstm" | "rnn" (tanh)
    emb: int = 64               # embedding size (the x_t the cell reads)
    hidden: int = 128           # hidden size H
    layers: int = 1             # 1 or 2
    bptt: int = 35              # truncated back-propagation length
    batch_size: int = 20
    lr: float = 2e-3
    clip: float = 0.25          # max global gradient norm; 0 = no clipping
    epochs: int = 3
    dropout: float = 0.0
    seed: int = 1
    min_count: int = 1          # rarer words become <unk>
    max_vocab: int | None = 20000
    val_fraction: float = 0.1   # the last fraction of the tokens, held out
    threads: int = 2
    optimizer: str = "adam"     # "adam" | "sgd" (word_language_model's, use lr 20)
    time_limit: float | None = None   # seconds of training (pauses excluded); None = no limit

    @classmethod
    def for_corpus(cls, n_tokens: int, *, cell: str = "lstm", hidden: int = 8, emb: int = 16,
                   epochs: int = 3, small_epochs: int | None = None, **overrides) -> "LMConfig":
        """The language model the app trains on a corpus of ``n_tokens`` training tokens.

        A large corpus gets the default schedule (batch 20 x bptt 35, Adam lr 2e-3) for
        ``epochs`` epochs.  A lecture-sized one (< SMALL_CORPUS tokens) would get one update an
        epoch from batch_size x bptt = 700 tokens: small batches (4 x 8), a larger lr (1e-2)
        and many epochs (``small_epochs``, default 40) let it learn in a second or two.
        ``overrides`` are any other LMConfig fields."""
        if isinstance(n_tokens, bool) or not isinstance(n_tokens, (int, np.integer)) \
                or n_tokens < 0:
            raise ConfigError(f"n_tokens must be a non-negative integer (got {n_tokens!r})")
        if n_tokens < SMALL_CORPUS:
            config = cls(cell=cell, hidden=hidden, emb=emb,
                         epochs=40 if small_epochs is None else small_epochs,
                         batch_size=4, bptt=8, lr=1e-2, **overrides)
        else:
            config = cls(cell=cell, hidden=hidden, emb=emb, epochs=epochs, **overrides)
        config.validate()
        return config

    def validate(self) -> None:
        def integer(name, lo, hi):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or not lo <= v <= hi:
                raise ConfigError(f"{name} must be an integer in {lo}..{hi} (got {v!r})")

        def number(name, lo, hi, lo_open=False, hi_open=False):
            v = getattr(self, name)
            ok = isinstance(v, (int, float, np.floating)) and not isinstance(v, bool) \
                and math.isfinite(v) and (v > lo if lo_open else v >= lo) \
                and (v < hi if hi_open else v <= hi)
            if not ok:
                lo_s = f"> {lo}" if lo_open else f">= {lo}"
                hi_s = f"< {hi}" if hi_open else f"<= {hi}"
                raise ConfigError(f"{name} must be a number {lo_s} and {hi_s} (got {v!r})")

        if self.cell not in ("lstm", "rnn"):
            raise ConfigError(f"cell must be 'lstm' or 'rnn' (got {self.cell!r})")
        if self.optimizer not in ("adam", "sgd"):
            raise ConfigError(f"optimizer must be 'adam' or 'sgd' (got {self.optimizer!r})")
        integer("emb", 1, 4096)
        integer("hidden", 1, 4096)
        integer("layers", 1, 2)
        integer("bptt", 1, 1000)
        integer("batch_size", 1, 4096)
        integer("epochs", 1, 1000)
        integer("seed", 0, 2**63 - 1)
        integer("min_count", 1, 10**9)
        integer("threads", 1, 256)
        if self.max_vocab is not None:
            integer("max_vocab", 3, 10**7)
        number("lr", 0, 1000, lo_open=True)
        number("clip", 0, 1e6)
        number("dropout", 0, 1, hi_open=True)
        number("val_fraction", 0, 0.5)
        if self.time_limit is not None:
            number("time_limit", 0, 1e7, lo_open=True)


# -- vocabulary -------------------------------------------------------------------------------
class LMVocab:
    """Words by id: ``<unk>`` = 0, ``<eos>`` = 1, then most frequent first (ties: first seen)."""

    def __init__(self, words: list[str], counts: np.ndarray) -> None:
        self.words = list(words)
        self.counts = np.asarray(counts, dtype=np.int64)
        self.index = {w: k for k, w in enumerate(self.words)}
        if self.words[:2] != [UNK, EOS] or len(self.index) != len(self.words):
            raise FormatError("vocabulary must start with <unk>, <eos> and have no duplicates")

    def __len__(self) -> int:
        return len(self.words)

    def __contains__(self, word) -> bool:
        return word in self.index

    @classmethod
    def build(cls, tokens: Iterable[str], min_count: int = 1,
              max_vocab: int | None = None) -> "LMVocab":
        counter = Counter(tokens)      # insertion order = first seen
        return cls.from_counts(list(counter), np.fromiter(counter.values(), np.int64,
                                                          len(counter)), min_count, max_vocab)

    @classmethod
    def from_counts(cls, words: list[str], counts: np.ndarray, min_count: int = 1,
                    max_vocab: int | None = None) -> "LMVocab":
        """``words`` in first-seen order with their counts; literal ``<unk>``/``<eos>`` tokens
        count as those symbols; a stable sort keeps ties in first-seen order."""
        counts = np.asarray(counts, dtype=np.int64)
        special = {UNK: 0, EOS: 0}
        ranked = []
        for k in np.argsort(-counts, kind="stable"):
            w, c = words[k], int(counts[k])
            if w in special:
                special[w] += c
            elif c >= min_count and c > 0:
                ranked.append((w, c))
        if max_vocab is not None:
            ranked = ranked[: max(0, max_vocab - 2)]
        if not ranked:
            raise CorpusError(f"no word occurs at least min_count={min_count} times")
        unk = int(counts.sum()) - special[EOS] - sum(c for _, c in ranked)
        return cls([UNK, EOS] + [w for w, _ in ranked], [unk, special[EOS]] + [c for _, c in ranked])

    def encode(self, tokens: Iterable[str]) -> tuple[np.ndarray, list[str]]:
        """ids (int64) and the tokens actually used: unknown words come back as ``<unk>``."""
        ids = [self.index.get(t, 0) for t in tokens]
        return np.asarray(ids, dtype=np.int64), [self.words[k] for k in ids]


# -- the torch model --------------------------------------------------------------------------
def _build_model(config: LMConfig, vocab_size: int):
    import torch
    from torch import nn

    class RNNLanguageModel(nn.Module):
        """Embedding (W_in) -> RNN/LSTM -> Linear (W_out); the softmax lives in the loss."""

        def __init__(self) -> None:
            super().__init__()
            self.drop = nn.Dropout(config.dropout)
            self.encoder = nn.Embedding(vocab_size, config.emb)
            rnn_dropout = config.dropout if config.layers > 1 else 0.0
            if config.cell == "lstm":
                self.rnn = nn.LSTM(config.emb, config.hidden, config.layers, dropout=rnn_dropout)
            else:
                self.rnn = nn.RNN(config.emb, config.hidden, config.layers,
                                  nonlinearity="tanh", dropout=rnn_dropout)
            self.decoder = nn.Linear(config.hidden, vocab_size)
            nn.init.uniform_(self.encoder.weight, -0.1, 0.1)    # as word_language_model
            nn.init.uniform_(self.decoder.weight, -0.1, 0.1)
            nn.init.zeros_(self.decoder.bias)

        def init_hidden(self, batch: int):
            z = torch.zeros(config.layers, batch, config.hidden)
            return (z, z.clone()) if config.cell == "lstm" else z

        def forward(self, ids, hidden):
            emb = self.drop(self.encoder(ids))
            out, hidden = self.rnn(emb, hidden)
            return self.decoder(self.drop(out)), hidden

    torch.manual_seed(config.seed)
    return RNNLanguageModel()


def _detach(hidden):
    """word_language_model's repackage_hidden: cut the graph between BPTT windows."""
    if isinstance(hidden, tuple):
        return tuple(h.detach() for h in hidden)
    return hidden.detach()


def _batchify(ids: np.ndarray, batch: int):
    """(n,) ids -> (n // batch, batch) columns, as word_language_model's batchify."""
    import torch

    n = len(ids) // batch
    return torch.from_numpy(ids[: n * batch].reshape(batch, n).T.copy())


# -- traces for the app -----------------------------------------------------------------------
@dataclass(frozen=True, eq=False)   # holds arrays: equality is identity
class SentenceTrace:
    words: list[str]          # what was typed
    tokens: list[str]         # what the model read (unknown words as <unk>)
    ids: np.ndarray
    x: np.ndarray             # (T, input_size): the x_t the traced layer read
    steps: list               # LSTMStep or RNNStep per word
    layer: int


# -- the session ------------------------------------------------------------------------------
def _read_tokens(sentences: Iterable[Iterable[str]]) -> tuple[np.ndarray, list[str]]:
    """One pass: provisional ids in first-seen order (4-8 bytes a token, not a str each), an
    ``<eos>`` (id 0) after each non-empty sentence, and the words by provisional id."""
    seen: dict[str, int] = {EOS: 0}
    buf = array("q")
    for sentence in sentences:
        n0 = len(buf)
        buf.extend(seen.setdefault(str(t), len(seen)) for t in sentence)
        if len(buf) > n0:
            buf.append(0)
    if not buf:
        raise CorpusError("the corpus has no tokens")
    return np.frombuffer(buf, dtype=np.int64), list(seen)


class LanguageModelSession:
    """Build the vocabulary and data from ``sentences``, then ``run()`` to train.

    ``sentences`` is a re-iterable of token lists (a corpus, or a list of lists); ``None`` only
    for a session made by :meth:`load`, which can predict and trace but not train.
    """

    def __init__(self, config: LMConfig, sentences: Iterable[Iterable[str]] | None,
                 *, _vocab: LMVocab | None = None,
                 _read: tuple[np.ndarray, list[str]] | None = None) -> None:
        config.validate()
        self.config = config
        self.train_ids: np.ndarray | None = None
        self.val_ids: np.ndarray | None = None
        if sentences is not None:
            prov, words = _read if _read is not None else _read_tokens(sentences)
            n_val = int(round(len(prov) * config.val_fraction))
            n_train = len(prov) - n_val
            if config.val_fraction > 0 and n_val < 2:
                raise CorpusError(f"corpus too small for a validation split: {len(prov)} tokens "
                                  f"x val_fraction {config.val_fraction} < 2 tokens")
            need = 2 * config.batch_size
            if n_train < need:
                raise CorpusError(f"corpus too small: {n_train} training tokens, need at least "
                                  f"{need} for batch_size {config.batch_size}")
            self.vocab = _vocab or LMVocab.from_counts(
                words, np.bincount(prov[:n_train], minlength=len(words)),
                config.min_count, config.max_vocab)
            lookup = np.array([self.vocab.index.get(w, 0) for w in words], dtype=np.int64)
            self.train_ids = lookup[prov[:n_train]]
            self.val_ids = lookup[prov[n_train:]] if n_val else None
        elif _vocab is None:
            raise CorpusError("a language model session needs sentences to train on")
        else:
            self.vocab = _vocab
        self.model = _build_model(config, len(self.vocab))
        self.last_progress: Progress | None = None
        self.val_perplexities: list[float] = []
        self.restored_best = False   # True when a run ended on its best validation epoch's weights
        self._lock = threading.RLock()    # guards the weights between training and queries

    @classmethod
    def for_corpus(cls, sentences: Iterable[Iterable[str]], *, cell: str = "lstm",
                   hidden: int = 8, emb: int = 16, epochs: int = 3,
                   small_epochs: int | None = None, **overrides) -> "LanguageModelSession":
        """A session sized for ``sentences`` by :meth:`LMConfig.for_corpus` (one pass over
        the corpus: the token count decides the schedule, the same pass builds the data)."""
        prov, words = _read_tokens(sentences)
        val_fraction = overrides.get("val_fraction", LMConfig.val_fraction)
        n_train = len(prov) - int(round(len(prov) * val_fraction))
        config = LMConfig.for_corpus(n_train, cell=cell, hidden=hidden, emb=emb, epochs=epochs,
                                     small_epochs=small_epochs, **overrides)
        return cls(config, sentences, _read=(prov, words))

    # -- baseline and evaluation ----------------------------------------------------------
    def unigram_perplexity(self) -> float:
        """Perplexity of the unigram model (add-one smoothed training counts) on the held-out
        split, with the same vocabulary and <unk> mapping: the baseline to beat."""
        if self.train_ids is None:
            raise CorpusError("no training data in this session (loaded from a file)")
        ids = self.val_ids if self.val_ids is not None and len(self.val_ids) else self.train_ids
        counts = np.bincount(self.train_ids, minlength=len(self.vocab)).astype(np.float64) + 1.0
        logp = np.log(counts / counts.sum())
        return float(np.exp(-logp[ids].mean()))

    def evaluate(self, ids: np.ndarray | None = None, cancel_event=None) -> float | None:
        """Perplexity of the model on ``ids`` (default: the held-out split), or None if none."""
        import torch
        import torch.nn.functional as F

        ids = self.val_ids if ids is None else np.asarray(ids, dtype=np.int64)
        if ids is None or len(ids) < 2:
            return None
        batch = max(1, min(10, (len(ids) - 1) // 2))
        data = _batchify(ids, batch)
        total, count = 0.0, 0
        with self._lock, torch.no_grad():
            self.model.eval()
            hidden = self.model.init_hidden(batch)
            for i in range(0, data.size(0) - 1, self.config.bptt):
                if cancel_event is not None and cancel_event.is_set():
                    break
                seq = min(self.config.bptt, data.size(0) - 1 - i)
                out, hidden = self.model(data[i:i + seq], hidden)
                loss = F.cross_entropy(out.reshape(-1, out.size(-1)),
                                       data[i + 1:i + 1 + seq].reshape(-1), reduction="sum")
                total += float(loss)
                count += seq * batch
            self.model.train()
        if count == 0 or (cancel_event is not None and cancel_event.is_set()):
            return None          # cancelled: a perplexity of part of the split would mislead
        return float(math.exp(min(total / count, 700.0)))

    # -- training -------------------------------------------------------------------------
    def run(self, callback: Callable[[Progress], None] | None = None,
            cancel_event: threading.Event | None = None,
            pause_event: threading.Event | None = None) -> Progress:
        """Train for ``config.epochs`` epochs; returns the last Progress (finished=False if
        cancelled).  Raises TrainingError on a NaN/inf loss, keeping the last good weights."""
        import torch

        if self.train_ids is None:
            raise CorpusError("no training data in this session (loaded from a file)")
        cfg = self.config
        old_threads = torch.get_num_threads()
        torch.set_num_threads(cfg.threads)
        try:
            return self._run(torch, cfg, callback, cancel_event, pause_event)
        finally:
            torch.set_num_threads(old_threads)

    def _snapshot(self, torch):
        with self._lock:
            state = {k: v.detach().clone() for k, v in self.model.state_dict().items()}
        if all(bool(torch.isfinite(v).all()) for v in state.values()):
            return state
        return None

    def _run(self, torch, cfg, callback, cancel_event, pause_event) -> Progress:
        import torch.nn.functional as F

        model = self.model
        data = _batchify(self.train_ids, cfg.batch_size)
        n_rows = data.size(0)
        windows = list(range(0, n_rows - 1, cfg.bptt))
        per_epoch = (n_rows - 1) * cfg.batch_size
        total = per_epoch * cfg.epochs
        if cfg.optimizer == "adam":
            try:    # the fused CPU kernel: one pass over the weights instead of several
                opt = torch.optim.Adam(model.parameters(), lr=cfg.lr, fused=True)
            except (RuntimeError, TypeError, ValueError):
                opt = torch.optim.Adam(model.parameters(), lr=cfg.lr)
        else:
            opt = torch.optim.SGD(model.parameters(), lr=cfg.lr)
        lr = cfg.lr
        best_val = float("inf")
        throttle = Throttle(0.1)
        done = 0
        loss_sum, loss_n = 0.0, 0
        last_loss = float("nan")
        val_ppl = None
        paused_for = 0.0
        start = time.perf_counter()
        good = self._snapshot(torch)
        good_at = start
        best = None      # the weights of the best validation epoch (word_language_model keeps them)

        def elapsed() -> float:
            return time.perf_counter() - start - paused_for

        def event(epoch, finished=False) -> Progress:
            nonlocal loss_sum, loss_n, last_loss, good, good_at
            now = time.perf_counter()
            if now - good_at >= GOOD_EVERY:
                # a copy of the weights every GOOD_EVERY s (if finite), taken just before a
                # report: what a callback saw is what a later NaN falls back to
                snap = self._snapshot(torch)
                if snap is not None:
                    good, good_at = snap, now
            if loss_n:
                last_loss = loss_sum / loss_n
                loss_sum, loss_n = 0.0, 0
            el = elapsed()
            p = Progress(done=done, total=total, loss=last_loss,
                         rate=done / el if el > 0 else 0.0, lr=lr, epoch=epoch,
                         epochs=cfg.epochs, elapsed=el,
                         perplexity=math.exp(min(last_loss, 700.0)) if last_loss == last_loss
                         else None, val_perplexity=val_ppl, finished=finished)
            self.last_progress = p
            if callback is not None:
                callback(p)
            return p

        model.train()
        stopped = False
        for epoch in range(1, cfg.epochs + 1):
            hidden = model.init_hidden(cfg.batch_size)
            for b, i in enumerate(windows):
                if pause_event is not None and pause_event.is_set():
                    t0 = time.perf_counter()
                    while pause_event.is_set() and not (cancel_event and cancel_event.is_set()):
                        time.sleep(0.05)
                    paused_for += time.perf_counter() - t0
                if cancel_event is not None and cancel_event.is_set():
                    return event(epoch)
                if cfg.time_limit is not None and elapsed() >= cfg.time_limit:
                    stopped = True
                    break
                seq = min(cfg.bptt, n_rows - 1 - i)
                x, y = data[i:i + seq], data[i + 1:i + 1 + seq]
                hidden = _detach(hidden)
                opt.zero_grad(set_to_none=True)
                out, hidden = model(x, hidden)
                loss = F.cross_entropy(out.reshape(-1, out.size(-1)), y.reshape(-1))
                value = loss.item()
                if not math.isfinite(value):
                    with self._lock:
                        self._restore(good)
                    raise TrainingError(
                        f"loss became {value} at epoch {epoch}, batch {b + 1}; training "
                        f"stopped and the last good weights are kept (try a smaller lr)")
                loss.backward()
                if cfg.clip > 0:
                    torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.clip)
                with self._lock:       # queries see the weights before or after a step
                    opt.step()
                done += seq * cfg.batch_size
                loss_sum += value
                loss_n += 1
                now = time.perf_counter()
                if throttle.ready(now):
                    event(epoch)
            val_ppl = self.evaluate(cancel_event=cancel_event)
            if cancel_event is not None and cancel_event.is_set():
                return event(epoch)
            if val_ppl is not None:
                self.val_perplexities.append(val_ppl)
                if not math.isfinite(val_ppl):
                    with self._lock:
                        self._restore(good)
                    raise TrainingError("validation perplexity is not finite; training stopped "
                                        "and the last good weights are kept (try a smaller lr)")
                if cfg.optimizer == "sgd" and val_ppl >= best_val:
                    lr /= 4.0            # word_language_model's annealing
                    for group in opt.param_groups:
                        group["lr"] = lr
                if val_ppl < best_val:
                    best_val, best = val_ppl, self._snapshot(torch)
            if stopped or epoch == cfg.epochs:
                if best is not None and val_ppl is not None and val_ppl > best_val:
                    # a later epoch overfitted: end with the best epoch's weights, as PyTorch's
                    # word_language_model does (it reloads its best checkpoint)
                    with self._lock:
                        self._restore(best)
                    val_ppl = best_val
                    self.restored_best = True
                return event(epoch, finished=True)
            event(epoch)
        return event(cfg.epochs, finished=True)    # not reached

    def _restore(self, state) -> None:
        if state is not None:
            self.model.load_state_dict(state)

    # -- queries --------------------------------------------------------------------------
    def encode(self, words: Iterable[str]) -> tuple[np.ndarray, list[str]]:
        return self.vocab.encode(words)

    def predict_next(self, words: Iterable[str], k: int = 5) -> list[tuple[str, float]]:
        """The k most probable next words after ``words`` (read after an <eos>), best first.

        Runs the numpy cells (the weights copied under the lock, so it never waits for more
        than one optimizer step and never flips the module's train/eval mode mid-training)."""
        if isinstance(k, bool) or not isinstance(k, int) or k < 1:
            raise ConfigError(f"k must be a positive integer (got {k!r})")
        ids, _ = self.vocab.encode(list(words))
        ids = np.concatenate([[self.vocab.index[EOS]], ids]).astype(np.int64)
        with self._lock:
            x = self.embeddings()[ids]
            cells = [self.cell(layer) for layer in range(self.config.layers)]
            W_out = self.model.decoder.weight.detach().numpy().copy()
            b_out = self.model.decoder.bias.detach().numpy().copy()
        for c in cells:
            x = np.stack([s.h for s in c.run(x)])
        logits = W_out.astype(np.float64) @ x[-1].astype(np.float64) + b_out
        logits -= logits.max()
        probs = np.exp(logits)
        probs /= probs.sum()
        k = min(k, len(self.vocab))
        top = np.argpartition(-probs, k - 1)[:k]
        top = top[np.lexsort((top, -probs[top]))]        # by probability, ties by id
        return [(self.vocab.words[int(j)], float(probs[j])) for j in top]

    def cell(self, layer: int = 0):
        """Layer ``layer`` of the trained network as the numpy reference cell."""
        from engine.lstm import LSTMCell
        from engine.rnn import RNNCell

        if not 0 <= layer < self.config.layers:
            raise ConfigError(f"layer must be in 0..{self.config.layers - 1} (got {layer})")
        with self._lock:
            if self.config.cell == "lstm":
                return LSTMCell.from_torch(self.model.rnn, layer)
            return RNNCell.from_torch(self.model.rnn, layer,
                                      linear=self.model.decoder if layer == self.config.layers - 1
                                      else None)

    def embeddings(self) -> np.ndarray:
        """W_in: (V, emb), a word's vector is its row."""
        with self._lock:
            return self.model.encoder.weight.detach().numpy().copy()

    def trace(self, words: Iterable[str], layer: int = 0) -> SentenceTrace:
        """Per-step numpy traces of ``layer`` for a typed sentence (x_t = the model's embeddings
        for layer 0, the layer below's h_t above), starting from zero state."""
        words = [str(w) for w in words]
        if not words:
            raise ConfigError("type at least one word to trace")
        ids, tokens = self.vocab.encode(words)
        with self._lock:            # one consistent set of weights, even while training
            x = self.embeddings()[ids]
            cells = [self.cell(k) for k in range(layer + 1)]
        for lower, c in enumerate(cells):
            steps = c.run(x)
            if lower < layer:
                x = np.stack([s.h for s in steps])
        return SentenceTrace(words=words, tokens=tokens, ids=ids, x=x, steps=steps, layer=layer)

    # -- files ----------------------------------------------------------------------------
    def save(self, path) -> None:
        """An .npz (no pickle) with the config, the vocabulary and every weight; atomic."""
        path = Path(path)
        with self._lock:
            arrays = {f"param/{k}": v.detach().numpy().copy()
                      for k, v in self.model.state_dict().items()}
        arrays["meta/format"] = np.array(FORMAT)
        arrays["meta/config"] = np.array(json.dumps(asdict(self.config)))
        arrays["vocab/words"] = np.array(self.vocab.words, dtype=str)
        arrays["vocab/counts"] = self.vocab.counts
        from engine.vectors import atomic_write

        atomic_write(path, lambda f: np.savez(f, **arrays))

    @classmethod
    def load(cls, path) -> "LanguageModelSession":
        """A session from :meth:`save`'s file: predicts and traces (no training data)."""
        import torch

        try:
            with np.load(path, allow_pickle=False) as z:
                if "meta/format" not in z.files or str(z["meta/format"]) != FORMAT:
                    raise FormatError(f"{path}: not a wordlab language model file")
                raw = json.loads(str(z["meta/config"]))
                known = {f.name for f in fields(LMConfig)}
                config = LMConfig(**{k: v for k, v in raw.items() if k in known})
                vocab = LMVocab([str(w) for w in z["vocab/words"]], z["vocab/counts"])
                params = {k[len("param/"):]: torch.from_numpy(np.array(z[k]))
                          for k in z.files if k.startswith("param/")}
        except (FormatError, ConfigError):
            raise
        except (OSError, ValueError, KeyError, TypeError) as e:
            if isinstance(e, FileNotFoundError):
                raise
            raise FormatError(f"{path}: not a readable wordlab language model file ({e})") from e
        session = cls(config, None, _vocab=vocab)
        try:
            session.model.load_state_dict(params)
        except RuntimeError as e:
            raise FormatError(f"{path}: weights do not match the saved configuration") from e
        return session
