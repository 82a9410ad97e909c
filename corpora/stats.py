"""Corpus statistics for the UI: how big, how many word types, what min_count keeps, Zipf.

One pass over the corpus with a ``Counter`` (C-level counting of each sentence), so it costs
about as much as tokenizing: wiki-bench (4 MB, 686k tokens) takes well under a second.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["CorpusStats", "corpus_stats", "zipf_points"]

ZIPF_POINTS = 200


@dataclass(frozen=True)
class CorpusStats:
    tokens: int                               # running words
    types: int                                # distinct words
    sentences: int
    min_count: int
    types_at_min_count: int                   # the vocabulary a trainer with this min_count keeps
    coverage: float                           # fraction of tokens whose word is kept at min_count
    top: tuple[tuple[str, int], ...]          # most frequent words, with counts
    zipf: tuple[tuple[int, int], ...]         # (rank, count), rank 1 = most frequent; log-spaced
    replaced_bytes: int                       # bytes replaced by the non-UTF-8 fallback
    notes: tuple[str, ...] = ()               # e.g. "latin1.txt: not valid UTF-8; 3 bytes replaced ..."


def zipf_points(sorted_counts: list[int], points: int = ZIPF_POINTS) -> tuple[tuple[int, int], ...]:
    """(rank, count) at about ``points`` log-spaced ranks, always including the first and last."""
    n = len(sorted_counts)
    if n == 0:
        return ()
    if n <= points:
        ranks = list(range(1, n + 1))
    else:
        step = math.log(n) / (points - 1)
        ranks = sorted({min(n, max(1, round(math.exp(i * step)))) for i in range(points)} | {1, n})
    return tuple((r, sorted_counts[r - 1]) for r in ranks)


def corpus_stats(corpus: Iterable[list[str]], min_count: int = 5, top: int = 20) -> CorpusStats:
    """Count one pass of ``corpus`` (any iterable of token lists; a Corpus gives replaced_bytes)."""
    counts: Counter[str] = Counter()
    sentences = 0
    update = counts.update
    for sentence in corpus:
        update(sentence)
        sentences += 1
    ordered = counts.most_common()          # sorted by count, ties in first-seen order
    values = [c for _, c in ordered]
    tokens = sum(values)
    kept = [c for c in values if c >= min_count]
    return CorpusStats(
        tokens=tokens,
        types=len(values),
        sentences=sentences,
        min_count=min_count,
        types_at_min_count=len(kept),
        coverage=(sum(kept) / tokens) if tokens else 0.0,
        top=tuple(ordered[:max(0, top)]),
        zipf=zipf_points(values),
        replaced_bytes=int(getattr(corpus, "replaced_bytes", 0) or 0),
        notes=tuple(getattr(corpus, "notes", ()) or ()),
    )
