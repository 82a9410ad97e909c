"""The vocabulary: which words the model knows, how often each occurs, and two
distributions word2vec derives from the counts.

* ids are given most-frequent-first (ties: the word seen first comes first), so id 0
  is the most common word, like word2vec.c's sorted vocabulary;
* ``keep_prob(sample)``: word2vec.c's subsampling of frequent words.  A word with
  count ``f`` survives with probability ``(sqrt(f / (s * total)) + 1) * (s * total) / f``
  (clipped to 1): rare words are always kept, "the" is mostly dropped;
* ``noise_distribution(0.75)``: the unigram distribution raised to 3/4, from which
  negative sampling draws its "noise" words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np

from engine.errors import ConfigError, CorpusError, UnknownWordError


class Vocab:
    """Words with their counts; ``words[id]`` and ``counts[id]``."""

    def __init__(self, words: list[str], counts) -> None:
        counts = np.asarray(counts, dtype=np.int64)
        if len(words) != len(counts):
            raise ValueError("words and counts differ in length")
        self.words: list[str] = list(words)
        self.counts: np.ndarray = counts
        self.total: int = int(counts.sum())
        self.index: dict[str, int] = {w: i for i, w in enumerate(self.words)}
        if len(self.index) != len(self.words):
            raise ValueError("duplicate words in vocabulary")

    # -- container protocol -------------------------------------------------------
    def __len__(self) -> int:
        return len(self.words)

    def __contains__(self, word: object) -> bool:
        return word in self.index

    def __repr__(self) -> str:
        head = ", ".join(self.words[:5])
        return f"Vocab({len(self)} words, {self.total} tokens: {head}{', ...' if len(self) > 5 else ''})"

    def id(self, word: str) -> int:
        try:
            return self.index[word]
        except KeyError:
            raise UnknownWordError(word) from None

    def encode(self, tokens: Iterable[str]) -> np.ndarray:
        """int32 ids of the tokens that are in the vocabulary (others are dropped)."""
        get = self.index.get
        ids = [i for i in (get(t) for t in tokens) if i is not None]
        return np.asarray(ids, dtype=np.int32)

    # -- building -----------------------------------------------------------------
    @classmethod
    def build(cls, sentences: Iterable[Iterable[str]], min_count: int = 5,
              max_vocab: int | None = None) -> "Vocab":
        """Count tokens, drop words seen fewer than ``min_count`` times, keep at most
        ``max_vocab`` of the most frequent.  Raises CorpusError when nothing is left."""
        if isinstance(min_count, bool) or not isinstance(min_count, (int, np.integer)) or min_count < 1:
            raise ConfigError(f"min_count must be an integer >= 1 (got {min_count!r})")
        if max_vocab is not None and (isinstance(max_vocab, bool)
                                      or not isinstance(max_vocab, (int, np.integer)) or max_vocab < 1):
            raise ConfigError(f"max_vocab must be a positive integer or None (got {max_vocab!r})")
        counter: Counter[str] = Counter()
        for sentence in sentences:
            if isinstance(sentence, str):
                raise CorpusError("sentences must be lists of tokens, not strings")
            counter.update(sentence)
        n_tokens = counter.total()
        if n_tokens == 0:
            raise CorpusError("the corpus is empty: no tokens to build a vocabulary from")
        # Counter keeps insertion (first-seen) order and sorted() is stable, so ties
        # stay in first-seen order.
        kept = [(w, c) for w, c in counter.items() if c >= min_count]
        if not kept:
            best = max(counter.values())
            raise CorpusError(
                f"no word occurs at least {min_count} times (min_count={min_count}; "
                f"the most frequent word occurs {best} times in {n_tokens} tokens)")
        kept.sort(key=lambda wc: -wc[1])
        if max_vocab is not None:
            kept = kept[:max_vocab]
        return cls([w for w, _ in kept], [c for _, c in kept])

    # -- distributions --------------------------------------------------------------
    def frequencies(self) -> np.ndarray:
        return self.counts / max(self.total, 1)

    def keep_prob(self, sample: float) -> np.ndarray:
        """word2vec.c's probability of keeping each word when subsampling with threshold
        ``sample``: ``(sqrt(f/(s*total)) + 1) * (s*total)/f``, clipped to 1.  All ones when
        ``sample == 0`` (no subsampling)."""
        if sample < 0:
            raise ConfigError(f"sample must be >= 0 (got {sample})")
        f = self.counts.astype(np.float64)
        if sample == 0 or len(f) == 0:
            return np.ones(len(f))
        threshold = sample * self.total
        p = (np.sqrt(f / threshold) + 1.0) * threshold / f
        return np.minimum(p, 1.0)

    def noise_distribution(self, power: float = 0.75) -> np.ndarray:
        """Unigram counts raised to ``power`` and normalised (sums to 1)."""
        w = self.counts.astype(np.float64) ** power
        return w / w.sum()
