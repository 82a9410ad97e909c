"""Standard intrinsic evaluations of word vectors, computed exactly as gensim computes them.

* **Analogies** (Mikolov et al. 2013, the Google ``questions-words.txt`` format): ``: section``
  lines, then ``a b c d`` lines meaning a : b :: c : d.  A question is answered by 3CosAdd over
  the ``restrict_vocab`` most frequent words (the first rows of the KeyedVectors), excluding
  a, b and c; it is correct when the best remaining word is d.  Questions with a word outside
  those ``restrict_vocab`` words are skipped and counted.  With ``case_insensitive`` (the
  default, as in gensim) vocabulary and questions are upper-cased and a word's first (most
  frequent) case variant stands for it.  This replicates gensim's
  ``KeyedVectors.evaluate_word_analogies`` (``dummy4unknown=False``), but answers a whole
  section with batched matrix products instead of one query at a time.
* **Word-pair similarity** (WordSim-353 style: ``w1<TAB>w2<TAB>score``, ``#`` comments;
  whitespace-separated columns are accepted too): Spearman and Pearson correlation between
  the human scores and the model's cosines over the pairs whose two words are known, and the
  ratio of pairs skipped as out of vocabulary, as gensim's ``evaluate_word_pairs``.

``source`` is a path or any iterable of lines.  Files that are not in the format raise
FormatError with one line naming the file and the problem.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

import numpy as np

from .errors import ConfigError, FormatError

if TYPE_CHECKING:  # pragma: no cover
    from .vectors import KeyedVectors

__all__ = [
    "SectionScore", "AnalogyResult", "PairsResult", "Comparison", "ComparisonRow", "compare",
    "evaluate_analogies", "evaluate_pairs", "spearman", "pearson", "rankdata",
]

_TOP_CANDIDATES = 5  # gensim looks at the 5 best answers, skipping case variants of a, b, c
_BATCH = 512         # questions per matrix product (512 x 30000 float32 = 61 MB)


# ----------------------------------------------------------------------- results
@dataclass(frozen=True)
class SectionScore:
    """One ``: section`` of an analogy file: ``correct`` of the ``total`` answered questions;
    ``skipped`` questions had a word outside the vocabulary."""
    name: str
    correct: int
    total: int
    skipped: int = 0

    @property
    def accuracy(self) -> float:
        """correct / total, 0.0 when nothing was answered (as gensim)."""
        return self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict:
        return {**asdict(self), "accuracy": self.accuracy}


@dataclass(frozen=True)
class AnalogyResult:
    """Analogy accuracy per section and overall.

    ``total`` counts answered questions, ``skipped`` those with out-of-vocabulary words,
    ``invalid`` lines that are not 4 words; ``accuracy`` is correct / total (0.0 when total
    is 0, as gensim)."""
    sections: tuple[SectionScore, ...]
    correct: int
    total: int
    skipped: int
    accuracy: float
    invalid: int = 0
    restrict_vocab: int | None = None

    @property
    def questions(self) -> int:
        """Every well-formed question in the file (answered + skipped)."""
        return self.total + self.skipped

    @property
    def oov_ratio(self) -> float:
        """Fraction (0..1) of questions skipped for unknown words."""
        return self.skipped / self.questions if self.questions else 0.0

    def to_dict(self) -> dict:
        return {
            "accuracy": self.accuracy, "correct": self.correct, "total": self.total,
            "skipped": self.skipped, "invalid": self.invalid, "oov_ratio": self.oov_ratio,
            "restrict_vocab": self.restrict_vocab,
            "sections": [s.to_dict() for s in self.sections],
        }


@dataclass(frozen=True)
class PairsResult:
    """Correlation of model cosines with human similarity scores.

    ``spearman`` / ``pearson`` are None when undefined (fewer than two usable pairs, or
    constant scores); ``oov_ratio`` is a fraction in 0..1 (gensim reports the same number in
    percent); ``used`` pairs were scored, ``skipped`` had an unknown word, ``invalid`` lines
    were not ``w1 w2 score``."""
    spearman: float | None
    pearson: float | None
    oov_ratio: float
    used: int
    skipped: int
    invalid: int = 0
    restrict_vocab: int | None = None

    def to_dict(self) -> dict:
        return {**asdict(self), "oov_percent": 100.0 * self.oov_ratio}


# ------------------------------------------------------------------- statistics
def rankdata(x) -> np.ndarray:
    """Ranks 1..n with ties given their average rank (scipy's ``rankdata(method="average")``)."""
    x = np.asarray(x, dtype=np.float64).ravel()
    n = x.size
    order = np.argsort(x, kind="mergesort")
    xs = x[order]
    ranks = np.empty(n, dtype=np.float64)
    # boundaries of runs of equal values in the sorted array
    starts = np.flatnonzero(np.r_[True, xs[1:] != xs[:-1]]) if n else np.array([], int)
    ends = np.r_[starts[1:], n]
    avg = (starts + ends + 1) / 2.0  # mean of 1-based ranks starts+1 .. ends
    ranks[order] = np.repeat(avg, ends - starts)
    return ranks


def pearson(x, y) -> float | None:
    """Pearson correlation, None when undefined (n < 2 or a constant input)."""
    x = np.asarray(x, dtype=np.float64).ravel()
    y = np.asarray(y, dtype=np.float64).ravel()
    if x.size != y.size:
        raise ValueError("pearson: inputs differ in length")
    if x.size < 2:
        return None
    xm, ym = x - x.mean(), y - y.mean()
    denom = math.sqrt(float(xm @ xm) * float(ym @ ym))
    if denom == 0.0:
        return None
    return max(-1.0, min(1.0, float(xm @ ym) / denom))


def spearman(x, y) -> float | None:
    """Spearman rank correlation (Pearson of average-tie ranks), None when undefined."""
    return pearson(rankdata(x), rankdata(y))


# ---------------------------------------------------------------------- reading
def _lines(source, what: str) -> tuple[str, Iterator[str]]:
    """(display name, iterator of text lines) for a path or an iterable of lines."""
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)

        def gen() -> Iterator[str]:
            try:
                f = open(source, "rb")
            except OSError as e:
                raise FormatError(f"cannot read {what} file {name}: {e.strerror or e}") from None
            with f:
                for no, raw in enumerate(f, 1):
                    if b"\0" in raw:
                        raise FormatError(f"{name} is a binary file, not a {what} file")
                    try:
                        yield raw.decode("utf-8-sig" if no == 1 else "utf-8")
                    except UnicodeDecodeError:
                        raise FormatError(f"{name}: line {no} is not UTF-8 text; "
                                          f"not a {what} file?") from None
        return name, gen()
    name = str(getattr(source, "name", f"<{what} lines>"))

    def lines_of(it) -> Iterator[str]:
        try:
            for no, ln in enumerate(it, 1):  # a text-mode file decodes (and may fail) here
                if isinstance(ln, bytes):
                    try:
                        ln = ln.decode("utf-8")
                    except UnicodeDecodeError:
                        raise FormatError(f"{name}: line {no} is not UTF-8 text; "
                                          f"not a {what} file?") from None
                yield str(ln)
        except UnicodeDecodeError:
            raise FormatError(f"{name} is not UTF-8 text; not a {what} file?") from None
    return name, lines_of(source)


def _ok_vocab(kv: "KeyedVectors", restrict_vocab: int | None, case_insensitive: bool
              ) -> tuple[dict[str, int], int]:
    """gensim's ``ok_vocab``: key -> row over the first ``restrict_vocab`` words; with
    case_insensitive the key is upper-cased and the first (most frequent) variant wins."""
    if restrict_vocab is not None and int(restrict_vocab) < 1:
        raise ConfigError(f"restrict_vocab must be a positive integer (got {restrict_vocab})")
    n = len(kv) if restrict_vocab is None else min(int(restrict_vocab), len(kv))
    ok: dict[str, int] = {}
    for i in range(n):
        key = kv.words[i].upper() if case_insensitive else kv.words[i]
        ok.setdefault(key, i)
    return ok, n


# --------------------------------------------------------------------- analogies
def evaluate_analogies(kv: "KeyedVectors", source, restrict_vocab: int | None = 30000,
                       case_insensitive: bool = True) -> AnalogyResult:
    """Analogy accuracy on a Google-format file (see the module docstring), as gensim's
    ``evaluate_word_analogies(source, restrict_vocab, case_insensitive)``."""
    name, lines = _lines(source, "analogy")
    ok, span = _ok_vocab(kv, restrict_vocab, case_insensitive)
    fold = str.upper if case_insensitive else (lambda s: s)

    # parse: sections of (a, b, c, d) row ids, with skipped / invalid counts
    parsed: list[tuple[str, list[tuple[int, int, int, int]], list[tuple[str, str, str, str]], int]] = []
    invalid = 0
    for line_no, line in enumerate(lines, 1):
        if line.startswith(": "):
            parsed.append((line.lstrip(": ").strip(), [], [], 0))  # as gensim
            continue
        fields = line.split()
        if not fields:
            continue
        if not parsed:
            raise FormatError(f"{name}: line {line_no} comes before the first ': section' "
                              "line; not a Google-format analogy file")
        if len(fields) != 4:
            invalid += 1
            continue
        sec_name, ids, keys, skipped = parsed[-1]
        a, b, c, d = (fold(w) for w in fields)
        if a in ok and b in ok and c in ok and d in ok:
            ids.append((ok[a], ok[b], ok[c], ok[d]))
            keys.append((a, b, c, d))
        else:
            parsed[-1] = (sec_name, ids, keys, skipped + 1)
    if not any(ids or skipped for _, ids, _, skipped in parsed):
        raise FormatError(f"{name} holds no analogy questions ('a b c d' lines after "
                          "': section' lines)")

    unit = kv.unit
    cand = unit[:span]
    folded = [fold(w) for w in kv.words[:span]]
    sections = []
    for sec_name, ids, keys, skipped in parsed:
        correct = 0
        q = np.asarray(ids, dtype=np.int64).reshape(-1, 4)
        for lo in range(0, len(q), _BATCH):
            batch = q[lo:lo + _BATCH]
            # 3CosAdd: cos(x, b - a + c) with unit vectors, as gensim's most_similar
            query = unit[batch[:, 1]] + unit[batch[:, 2]] - unit[batch[:, 0]]
            norms = np.linalg.norm(query, axis=1, keepdims=True)
            norms[norms == 0] = 1.0
            scores = (query / norms) @ cand.T
            rows = np.arange(len(batch))[:, None]
            scores[rows, batch[:, :3]] = -np.inf           # never answer a, b or c
            # the best 5, best first: repeated argmax is ~10x faster than argpartition here
            k = min(_TOP_CANDIDATES, span)
            top = np.empty((len(batch), k), dtype=np.int64)
            top_scores = np.empty((len(batch), k), dtype=scores.dtype)
            flat = rows[:, 0]
            for r in range(k):
                best = scores.argmax(axis=1)
                top[:, r] = best
                top_scores[:, r] = scores[flat, best]
                scores[flat, best] = -np.inf
            for j in range(len(batch)):
                a, b, c, expected = keys[lo + j]
                predicted = None
                for t, s in zip(top[j].tolist(), top_scores[j].tolist()):
                    if s == -np.inf:
                        break
                    predicted = folded[t]
                    if predicted not in (a, b, c):
                        break
                if predicted == expected:
                    correct += 1
        sections.append(SectionScore(sec_name, correct, len(ids), skipped))

    correct = sum(s.correct for s in sections)
    total = sum(s.total for s in sections)
    skipped = sum(s.skipped for s in sections)
    return AnalogyResult(tuple(sections), correct, total, skipped,
                         correct / total if total else 0.0, invalid, restrict_vocab)


# ------------------------------------------------------------------------- pairs
def evaluate_pairs(kv: "KeyedVectors", source, restrict_vocab: int | None = 300000,
                   case_insensitive: bool = True) -> PairsResult:
    """Spearman / Pearson of model cosines against human scores, as gensim's
    ``evaluate_word_pairs(source, restrict_vocab=..., case_insensitive=...)``."""
    name, lines = _lines(source, "word-pair")
    ok, _ = _ok_vocab(kv, restrict_vocab, case_insensitive)
    fold = str.upper if case_insensitive else (lambda s: s)
    gold: list[float] = []
    ia: list[int] = []
    ib: list[int] = []
    skipped = invalid = 0
    for line in lines:
        if line.startswith("#") or not line.strip():
            continue
        fields = [x.strip() for x in line.split("\t")]
        if len(fields) != 3:
            fields = line.split()
        if len(fields) != 3:
            invalid += 1
            continue
        try:
            score = float(fields[2])
        except ValueError:
            invalid += 1
            continue
        if not math.isfinite(score):
            invalid += 1
            continue
        a, b = fold(fields[0]), fold(fields[1])
        if a in ok and b in ok:
            gold.append(score)
            ia.append(ok[a])
            ib.append(ok[b])
        else:
            skipped += 1
    if not gold and not skipped:
        raise FormatError(f"{name} holds no word pairs ('word1<TAB>word2<TAB>score' lines)")
    unit = kv.unit
    model = np.einsum("ij,ij->i", unit[ia], unit[ib]) if gold else np.zeros(0)
    return PairsResult(spearman(gold, model), pearson(gold, model),
                       skipped / (len(gold) + skipped), len(gold), skipped, invalid,
                       restrict_vocab)


# -------------------------------------------------------------------- side by side
@dataclass(frozen=True)
class ComparisonRow:
    """One line of a side-by-side table: an analogy section, all analogies, or the pairs'
    Spearman, with each model's value (None: nothing answered, or undefined) and how many
    questions / pairs it answered (models with other vocabularies answer other subsets)."""
    name: str
    kind: str                                  # "section" | "analogies" | "pairs"
    values: tuple[float | None, ...]
    answered: tuple[int, ...]

    @property
    def best(self) -> int | None:
        """The index of the best model on this row; None when fewer than two models have a
        value or they are all equal."""
        known = [(v, i) for i, v in enumerate(self.values) if v is not None]
        if len(known) < 2 or len({v for v, _ in known}) == 1:
            return None
        return max(known)[1]

    @property
    def spread(self) -> float | None:
        """Best minus worst value over the models that have one."""
        known = [v for v in self.values if v is not None]
        return max(known) - min(known) if len(known) >= 2 else None

    def to_dict(self) -> dict:
        return {"name": self.name, "kind": self.kind, "values": list(self.values),
                "answered": list(self.answered), "best": self.best, "spread": self.spread}


@dataclass(frozen=True)
class Comparison:
    """Several models scored on the same questions: ``rows`` in the file's section order,
    then all analogies, then the word pairs."""
    names: tuple[str, ...]
    rows: tuple[ComparisonRow, ...]
    analogies: tuple[AnalogyResult | None, ...]
    pairs: tuple[PairsResult | None, ...]

    def to_dict(self) -> dict:
        return {"models": list(self.names), "rows": [r.to_dict() for r in self.rows]}


def compare(models, analogies=None, pairs=None, restrict_vocab: int | None = 30000) -> Comparison:
    """Score ``models`` (``(name, KeyedVectors)`` pairs) on the same analogy file and word
    pairs, each exactly as ``evaluate_analogies`` / ``evaluate_pairs`` score one model, and
    line the results up per section (Evaluate's comparison of Word2Vec, GloVe and FastText
    trained on one corpus)."""
    models = list(models)
    if not models:
        raise ConfigError("nothing to compare: give at least one model")
    if analogies is None and pairs is None:
        raise ConfigError("nothing to compare on: give analogy questions, word pairs or both")
    names = tuple(name for name, _ in models)
    # a source that is an iterator of lines can be read once: keep its lines for every model
    if analogies is not None and not isinstance(analogies, (str, os.PathLike)):
        analogies = list(analogies)
    if pairs is not None and not isinstance(pairs, (str, os.PathLike)):
        pairs = list(pairs)
    a_res = tuple(evaluate_analogies(kv, analogies, restrict_vocab) if analogies is not None
                  else None for _, kv in models)
    p_res = tuple(evaluate_pairs(kv, pairs) if pairs is not None else None for _, kv in models)
    rows: list[ComparisonRow] = []
    if analogies is not None:
        order: list[str] = []
        for res in a_res:
            order.extend(s.name for s in res.sections if s.name not in order)
        for section in order:
            scores = [next((s for s in res.sections if s.name == section), None) for res in a_res]
            rows.append(ComparisonRow(
                section, "section",
                tuple(s.accuracy if s is not None and s.total else None for s in scores),
                tuple(s.total if s is not None else 0 for s in scores)))
        rows.append(ComparisonRow("all analogies", "analogies",
                                  tuple(r.accuracy if r.total else None for r in a_res),
                                  tuple(r.total for r in a_res)))
    if pairs is not None:
        rows.append(ComparisonRow("word pairs (Spearman)", "pairs",
                                  tuple(r.spearman for r in p_res), tuple(r.used for r in p_res)))
    return Comparison(names, tuple(rows), a_res, p_res)
