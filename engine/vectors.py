"""Word vectors: the rows of a trained ``W_in``, the queries the lecture makes with them, and I/O.

The lecture's point is that, once trained, *the embedding of a word is its row of W_in*, and
that distances and directions between those rows carry meaning (woman -> man is parallel to
queen -> king).  :class:`KeyedVectors` is that matrix plus the vocabulary, with the standard
queries, computed exactly as gensim computes them so that results can be checked against it:

* every query works on unit-normalised vectors (cosine similarity); the normalised matrix is
  computed once and cached;
* ``most_similar(positive, negative)`` ranks words by cosine to the mean of the unit vectors of
  the positive words and the negated unit vectors of the negative words (3CosAdd), and never
  returns the query words themselves;
* ``most_similar_cosmul`` is Levy & Goldberg's 3CosMul: cosines shifted to [0, 1], the product
  over positive words divided by the product over negative words plus 1e-6;
* ``analogy(a, b, c)`` reads "a is to b as c is to ?", i.e. ``b - a + c``
  (``analogy("man", "king", "woman")`` -> queen).

Files are word2vec's C formats (readable by ``gensim``'s ``load_word2vec_format``):

* text: a header line ``"V d"``, then one line per word: ``word v1 v2 ... vd``;
* binary: the same header line, then per word ``word`` + a space + ``d`` little-endian float32
  values, optionally followed by ``"\\n"`` (word2vec.c writes it, gensim does not).

Saving follows the name (``x.bin`` binary, ``x.txt``/``x.vec`` text, ``.gz`` compressed, see
:func:`format_from_name`) unless told otherwise; loading follows the bytes, whatever the name.
Saving is atomic: the file is written to a temporary file in the same folder, synced, then moved
over the target with :func:`os.replace`, so an interrupted save never leaves half a file.
Nothing here unpickles anything: gensim's native ``save()`` files (pickles) are refused with
the line that converts them.  :func:`save_projector` writes the TensorBoard Embedding
Projector's ``vectors.tsv`` and ``metadata.tsv``.
"""

from __future__ import annotations

import bisect
import heapq
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import FormatError, UnknownWordError, WordlabError

__all__ = ["KeyedVectors", "QueryError", "format_from_name", "describe_format",
           "save_projector", "ProjectorFiles", "read_counts", "refuse_native"]

_COSMUL_EPSILON = 1e-6
_MAX_HEADER_BYTES = 1024
_MAX_WORD_BYTES = 4096
_BINARY_CHUNK = 1 << 20
_ASCII_SPACE = frozenset(" \t\n\r\v\f")  # what word2vec readers split words on


class QueryError(WordlabError, ValueError):
    """A query that cannot be answered (no words given, a word list too short, ...)."""


def _display(path: os.PathLike | str) -> str:
    return os.fspath(path)


class KeyedVectors:
    """A vocabulary and its vectors: ``vectors[i]`` is the embedding of ``words[i]``.

    ``words`` are kept in the given order (for trained models: most frequent first, which is
    what ``restrict_vocab`` relies on).  ``vectors`` is copied to a read-only float32 matrix so
    that the cached unit-normalised matrix can never go stale.  ``counts`` (optional) are the
    corpus counts of the words, kept as given.
    """

    def __init__(self, words: Sequence[str], vectors: np.ndarray,
                 counts: np.ndarray | Sequence[int] | None = None, *,
                 copy: bool = True) -> None:
        words = list(words)
        # copy=False adopts a float32 array as is (and makes it read-only): no second copy
        # of a large matrix when the caller hands over one it will not touch again.
        matrix = np.array(vectors, dtype=np.float32, copy=True) if copy else \
            np.asarray(vectors, dtype=np.float32)
        if matrix.ndim != 2:
            raise FormatError(f"vectors must be a 2-D matrix (got {matrix.ndim} dimensions)")
        if matrix.shape[0] != len(words):
            raise FormatError(
                f"{len(words)} words but {matrix.shape[0]} vector rows: they must match")
        if not words:
            raise FormatError("no words: a KeyedVectors needs at least one word")
        if matrix.shape[1] < 1:
            raise FormatError("vectors must have at least one dimension")
        index: dict[str, int] = {}
        for i, w in enumerate(words):
            if not isinstance(w, str) or not w:
                raise FormatError(f"word {i} is not a non-empty string: {w!r}")
            if w in index:
                raise FormatError(f"duplicate word {w!r} (rows {index[w]} and {i})")
            index[w] = i
        for lo in range(0, len(words), 65536):  # in blocks: no V x d temporary
            block = matrix[lo:lo + 65536]
            if not np.isfinite(block).all():
                bad = lo + int(np.flatnonzero(~np.isfinite(block).all(axis=1))[0])
                raise FormatError(f"the vector of {words[bad]!r} contains NaN or infinity")
        matrix.setflags(write=False)
        if counts is not None:
            counts = np.array(counts, dtype=np.int64, copy=True)
            if counts.shape != (len(words),):
                raise FormatError(f"counts must have one entry per word ({len(words)}), "
                                  f"got shape {counts.shape}")
            counts.setflags(write=False)
        self.words: list[str] = words
        self.vectors: np.ndarray = matrix
        self.counts: np.ndarray | None = counts
        self.index: dict[str, int] = index
        self._unit: np.ndarray | None = None
        self._sorted: list[str] | None = None
        self._sorted_ids: list[int] | None = None
        #: what the file it was loaded from held ("word2vec binary, gzip-compressed"), or None
        self.file_format: str | None = None

    # ------------------------------------------------------------------ basics
    def __len__(self) -> int:
        return len(self.words)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word in self.index

    def __getitem__(self, word: str) -> np.ndarray:
        """The vector of ``word`` (its row of W_in, a copy); UnknownWordError if absent."""
        return self.vectors[self.id(word)].copy()

    def __repr__(self) -> str:
        return f"KeyedVectors({len(self)} words x {self.dim} dims)"

    @property
    def dim(self) -> int:
        """The embedding dimension d."""
        return int(self.vectors.shape[1])

    @property
    def unit(self) -> np.ndarray:
        """The unit-normalised matrix (rows of length 1; a zero row stays zero), cached."""
        if self._unit is None:
            norms = np.linalg.norm(self.vectors, axis=1, keepdims=True)
            norms[norms == 0] = 1.0
            unit = np.divide(self.vectors, norms, dtype=np.float32)
            unit.setflags(write=False)
            self._unit = unit
        return self._unit

    def id(self, word: str) -> int:
        """Row index of ``word``; UnknownWordError (with a close-match hint) if absent."""
        try:
            return self.index[word]
        except (KeyError, TypeError):
            raise UnknownWordError(str(word), self._hint(str(word))) from None

    def vector(self, word: str, norm: bool = False) -> np.ndarray:
        """The vector of ``word``, unit-normalised when ``norm``."""
        i = self.id(word)
        return (self.unit[i] if norm else self.vectors[i]).copy()

    # ------------------------------------------------------------ completion
    @property
    def sorted_words(self) -> list[str]:
        """The vocabulary in code-point order (for bisect-based completion), cached."""
        if self._sorted is None:
            order = sorted(range(len(self.words)), key=self.words.__getitem__)
            self._sorted = [self.words[i] for i in order]
            self._sorted_ids = order
        return self._sorted

    def _prefix_range(self, prefix: str) -> tuple[int, int]:
        sw = self.sorted_words
        lo = bisect.bisect_left(sw, prefix)
        hi = bisect.bisect_left(sw, prefix + "\U0010ffff", lo)
        # a word equal to prefix + U+10FFFF... is absurd; everything else starting with the
        # prefix sorts before prefix + the largest code point.
        return lo, hi

    def words_like(self, prefix: str, k: int = 10, by_frequency: bool = False) -> list[str]:
        """Up to ``k`` vocabulary words starting with ``prefix``.

        Alphabetical by default; with ``by_frequency`` the earliest (most frequent) words first.
        Costs O(log V) plus the size of the answer (the whole prefix range when by_frequency).
        """
        if k <= 0:
            return []
        lo, hi = self._prefix_range(prefix)
        if not by_frequency:
            return self.sorted_words[lo:min(hi, lo + k)]
        assert self._sorted_ids is not None
        ids = heapq.nsmallest(k, self._sorted_ids[lo:hi])
        return [self.words[i] for i in ids]

    def _hint(self, word: str) -> str:
        """A cheap "did you mean" for an unknown word: a case variant or a difflib match among
        words sharing its first letter (at most a few thousand are compared)."""
        if not word:
            return ""
        for variant in (word.lower(), word.upper(), word.capitalize()):
            if variant != word and variant in self.index:
                return f"did you mean {variant!r}?"
        import difflib

        lo, hi = self._prefix_range(word[0])
        candidates = self.sorted_words[lo:min(hi, lo + 5000)]
        close = difflib.get_close_matches(word, candidates, n=3, cutoff=0.75)
        if close:
            return "did you mean " + " or ".join(repr(c) for c in close) + "?"
        return ""

    # --------------------------------------------------------------- queries
    def _terms(self, items, sign: float) -> list[tuple[np.ndarray, float, int | None]]:
        """(unit vector, weight, row id or None) for each query item: a word, a vector, or a
        (word-or-vector, weight) pair, as gensim accepts."""
        if items is None:
            return []
        if isinstance(items, (str, np.ndarray)):
            items = [items]
        out = []
        for item in items:
            weight = sign
            if isinstance(item, tuple):
                item, weight = item[0], float(item[1])
            if isinstance(item, np.ndarray):
                vec = np.asarray(item, dtype=np.float32)
                if vec.shape != (self.dim,):
                    raise QueryError(f"a query vector must have {self.dim} values "
                                     f"(got shape {vec.shape})")
                out.append((vec, weight, None))
            else:
                i = self.id(item)
                out.append((self.unit[i], weight, i))
        return out

    def _span(self, restrict_vocab: int | None) -> int:
        if restrict_vocab is None:
            return len(self)
        if int(restrict_vocab) < 1:
            raise QueryError(f"restrict_vocab must be a positive integer (got {restrict_vocab})")
        return min(int(restrict_vocab), len(self))

    def _ranked(self, scores: np.ndarray, exclude: set[int], topn: int | None
                ) -> list[tuple[str, float]]:
        n = scores.shape[0]
        want = n if topn is None else min(n, topn + len(exclude))
        if want < n:
            best = np.argpartition(-scores, want - 1)[:want]
            best = best[np.argsort(-scores[best], kind="stable")]
        else:
            best = np.argsort(-scores, kind="stable")
        result = [(self.words[i], float(scores[i])) for i in best.tolist() if i not in exclude]
        return result if topn is None else result[:topn]

    def most_similar(self, positive=(), negative=(), topn: int | None = 10,
                     restrict_vocab: int | None = None) -> list[tuple[str, float]]:
        """Words closest (cosine) to the mean of the positive unit vectors and the negated
        negative ones, as gensim's ``most_similar``; the query words are never returned.

        ``restrict_vocab=N`` searches only the first N words; ``topn=None`` ranks them all.
        """
        if topn is not None and topn < 1:
            return []
        terms = self._terms(positive, 1.0) + self._terms(negative, -1.0)
        if not terms:
            raise QueryError("most_similar needs at least one word")
        mean = np.zeros(self.dim, dtype=np.float32)
        total = 0.0
        for vec, weight, _ in terms:
            mean += np.float32(weight) * vec
            total += abs(weight)
        if total > 0:
            mean /= np.float32(total)
        norm = float(np.linalg.norm(mean))
        if norm > 0:
            mean /= np.float32(norm)
        span = self._span(restrict_vocab)
        scores = self.unit[:span] @ mean
        exclude = {i for _, _, i in terms if i is not None}
        return self._ranked(scores, exclude, topn)

    def most_similar_cosmul(self, positive=(), negative=(), topn: int | None = 10,
                            restrict_vocab: int | None = None) -> list[tuple[str, float]]:
        """3CosMul (Levy & Goldberg 2014) as gensim computes it: with cos shifted to
        (1 + cos) / 2, score = prod over positive / (prod over negative + 1e-6)."""
        if topn is not None and topn < 1:
            return []
        pos = self._terms(positive, 1.0)
        neg = self._terms(negative, -1.0)
        if not pos:
            raise QueryError("most_similar_cosmul needs at least one positive word")
        span = self._span(restrict_vocab)
        unit = self.unit[:span]

        def shifted(terms):
            return [(1.0 + unit @ vec) / 2.0 for vec, _, _ in terms]

        pos_d, neg_d = shifted(pos), shifted(neg)
        scores = np.prod(pos_d, axis=0) / (
            (np.prod(neg_d, axis=0) if neg_d else np.float32(1.0)) + _COSMUL_EPSILON)
        exclude = {i for _, _, i in pos + neg if i is not None}
        return self._ranked(np.asarray(scores), exclude, topn)

    def analogy(self, a: str, b: str, c: str, topn: int = 1, method: str = "add",
                restrict_vocab: int | None = None) -> list[tuple[str, float]]:
        """a : b :: c : ?  -- the words closest to ``b - a + c`` (3CosAdd, ``method="add"``) or
        by 3CosMul (``method="mul"``); a, b and c themselves are excluded.

        ``analogy("man", "king", "woman")`` ranks queen first on well-trained vectors.
        """
        if method == "add":
            return self.most_similar(positive=[b, c], negative=[a], topn=topn,
                                     restrict_vocab=restrict_vocab)
        if method == "mul":
            return self.most_similar_cosmul(positive=[b, c], negative=[a], topn=topn,
                                            restrict_vocab=restrict_vocab)
        raise QueryError(f"analogy method must be 'add' or 'mul' (got {method!r})")

    def similarity(self, w1: str, w2: str) -> float:
        """Cosine similarity of two words."""
        return float(self.unit[self.id(w1)] @ self.unit[self.id(w2)])

    def similarities(self, word: str, others: Iterable[str]) -> np.ndarray:
        """Cosine similarities of ``word`` to each of ``others``."""
        ids = [self.id(w) for w in others]
        return self.unit[ids] @ self.unit[self.id(word)]

    def doesnt_match(self, words: Sequence[str]) -> str:
        """The word furthest (by cosine) from the normalised mean of the words' unit vectors,
        as gensim's ``doesnt_match``."""
        words = [words] if isinstance(words, str) else list(words)
        if len(words) < 2:
            raise QueryError("doesnt_match needs at least two words")
        ids = [self.id(w) for w in words]
        vecs = self.unit[ids]
        mean = vecs.mean(axis=0)
        norm = float(np.linalg.norm(mean))
        if norm > 0:
            mean = mean / np.float32(norm)
        dists = vecs @ mean
        return sorted(zip(dists.tolist(), words), reverse=True)[-1][1]

    # ------------------------------------------------------------------- I/O
    def save(self, path: os.PathLike | str, binary: bool | None = None) -> None:
        """Write word2vec's C format, atomically: binary or text as ``binary`` says, or, when
        it is None, as the name says (:func:`format_from_name`: ``.bin`` binary, ``.txt``,
        ``.vec`` and anything else text); gzip-compressed when the name ends in ``.gz``."""
        path = Path(path)
        if binary is None:
            binary = format_from_name(path)[0]
        for w in self.words:
            if any(ch in _ASCII_SPACE for ch in w):
                raise FormatError(f"cannot save {path}: the word {w!r} contains whitespace, "
                                  "which the word2vec format cannot store")
        header = f"{len(self)} {self.dim}\n".encode("ascii")

        def write(f) -> None:
            f.write(header)
            if binary:
                vecs = self.vectors.astype("<f4", copy=False)
                for w, row in zip(self.words, vecs):
                    f.write(w.encode("utf-8") + b" " + row.tobytes() + b"\n")
            else:
                # %.9g: nine significant digits give back every float32 exactly (%.17g every
                # float64), and C's formatting of a whole row at once is 1.7x faster than
                # str() per value (a 10k x 100 save took 0.7 s of a 3.3 s wordlab train)
                digits = 9 if self.vectors.dtype.itemsize <= 4 else 17
                row_format = " ".join([f"%.{digits}g"] * self.dim) + "\n"
                lines = []
                for w, row in zip(self.words, self.vectors.tolist()):
                    lines.append(w + " " + row_format % tuple(row))
                    if len(lines) >= 1000:
                        f.write("".join(lines).encode("utf-8"))
                        lines.clear()
                f.write("".join(lines).encode("utf-8"))

        if format_from_name(path)[1]:  # as gensim: a .gz name means gzip-compressed
            import gzip

            plain = write

            def write(f) -> None:
                with gzip.GzipFile(filename="", fileobj=f, mode="wb", mtime=0) as gz:
                    plain(gz)

        atomic_write(path, write)

    @classmethod
    def load(cls, path: os.PathLike | str, binary: bool | None = None) -> "KeyedVectors":
        """Read a word2vec C-format file; ``binary=None`` sniffs text vs binary.  Gzip
        compression is recognised by its magic bytes.

        Anything else raises FormatError naming the file and the problem.  A word repeated in
        the file keeps its first vector (as gensim does).
        """
        name = _display(path)
        try:
            f = open(path, "rb")
        except OSError as e:
            raise FormatError(f"cannot read vectors file {name}: {e.strerror or e}") from None
        with f:
            try:
                if f.read(2) == b"\x1f\x8b":  # gzip (e.g. GoogleNews-vectors...bin.gz)
                    import gzip
                    import zlib

                    f.seek(0)
                    try:
                        with gzip.GzipFile(fileobj=f, mode="rb") as gz:
                            return _read(cls, gz, name, None, binary, gzipped=True)
                    except (gzip.BadGzipFile, EOFError, zlib.error) as e:
                        raise FormatError(f"{name}: damaged gzip data ({e})") from None
                f.seek(0)
                return _read(cls, f, name, os.fstat(f.fileno()).st_size, binary)
            except OSError as e:  # a directory, an I/O error
                raise FormatError(f"cannot read vectors file {name}: {e.strerror or e}") from None


# ---------------------------------------------------------------------- writing
def format_from_name(path: os.PathLike | str) -> tuple[bool, bool]:
    """``(binary, gzipped)``: the format a file's name asks for when saving.

    ``.bin`` is word2vec's binary format; ``.txt``, ``.vec`` and any other name its text
    format (gensim's default); a final ``.gz`` compresses with gzip, the suffix before it
    choosing binary or text (``x.bin.gz``: binary, ``x.vec.gz`` and ``x.gz``: text).  Loading
    never asks the name: :meth:`KeyedVectors.load` reads the format from the bytes."""
    suffixes = [s.lower() for s in Path(path).suffixes]
    gzipped = bool(suffixes) and suffixes[-1] == ".gz"
    if gzipped:
        suffixes = suffixes[:-1]
    return bool(suffixes) and suffixes[-1] == ".bin", gzipped


def describe_format(binary: bool, gzipped: bool = False) -> str:
    """``"word2vec binary"``, ``"word2vec text, gzip-compressed"``, ... for messages."""
    return f"word2vec {'binary' if binary else 'text'}" + (", gzip-compressed" if gzipped else "")


def atomic_write(path: Path, write) -> None:
    """Write through ``write(binary_file)`` into a temp file next to ``path``, fsync, then
    os.replace it over ``path``; the temp file is removed on any failure."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as e:
        raise WordlabError(f"cannot save {path}: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp creates 0600; give the file the mode a plain open() would have.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise WordlabError(f"cannot save {path}: {e.strerror or e}") from None
        raise
    try:  # make the rename itself durable; not possible everywhere (e.g. Windows)
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


# ------------------------------------------------------- the Embedding Projector
@dataclass(frozen=True)
class ProjectorFiles:
    """What :func:`save_projector` wrote: ``words`` rows of ``dim`` numbers in ``vectors``,
    and their labels in ``metadata`` (with a ``count`` column when ``counts`` is True)."""

    folder: Path
    vectors: Path
    metadata: Path
    words: int
    dim: int
    counts: bool


def save_projector(kv: KeyedVectors, folder: os.PathLike | str, limit: int | None = None,
                   counts: Mapping[str, int] | None = None) -> ProjectorFiles:
    """Write ``vectors.tsv`` and ``metadata.tsv`` into ``folder`` (created if missing) for
    the TensorBoard Embedding Projector (projector.tensorflow.org: "Load").

    ``vectors.tsv``: one word's vector per line, tab-separated, no header.  ``metadata.tsv``:
    the words in the same order; with counts (``counts`` given, else the vectors' own), a
    ``word<TAB>count`` header row and two columns, else the words alone and no header (the
    Projector reads a one-column file without a header).  ``limit``: only the ``limit`` most
    frequent words: by count when counts are known, else the file's order (word2vec tools
    write the most frequent words first).  Both files are written atomically."""
    if limit is not None and limit < 1:
        raise WordlabError(f"the word limit must be at least 1 (got {limit})")
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise WordlabError(f"cannot export into {folder}: it is a file, not a folder")
    if counts is not None:
        missing = [w for w in kv.words if w not in counts]
        if missing:
            raise FormatError(f"the counts have no entry for {len(missing):,} of the words, "
                              f"e.g. {missing[0]!r}")
        freq = np.array([int(counts[w]) for w in kv.words], dtype=np.int64)
    else:
        freq = kv.counts
    order = np.arange(len(kv))
    if freq is not None:
        order = np.argsort(-freq, kind="stable")   # ties keep the file's order
    if limit is not None:
        order = order[:limit]
    words = [kv.words[i] for i in order]
    for w in words:
        if "\t" in w or "\n" in w or "\r" in w:
            raise FormatError(f"cannot export the word {w!r}: a tab or line break in a word "
                              "would break the Projector's tab-separated rows")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise WordlabError(f"cannot create the folder {folder}: {e.strerror or e}") from None
    matrix = kv.vectors[order]
    row_format = "\t".join(["%.9g"] * kv.dim) + "\n"

    def write_vectors(f) -> None:
        for lo in range(0, len(matrix), 1000):
            f.write("".join(row_format % tuple(row)
                            for row in matrix[lo:lo + 1000].tolist()).encode("utf-8"))

    def write_metadata(f) -> None:
        if freq is None:
            lines = [w + "\n" for w in words]
        else:
            lines = ["word\tcount\n"] + [f"{w}\t{int(freq[i])}\n" for w, i in zip(words, order)]
        f.write("".join(lines).encode("utf-8"))

    vectors_path, metadata_path = folder / "vectors.tsv", folder / "metadata.tsv"
    atomic_write(vectors_path, write_vectors)
    atomic_write(metadata_path, write_metadata)
    return ProjectorFiles(folder, vectors_path, metadata_path, len(words), kv.dim,
                          freq is not None)


def read_counts(path: os.PathLike | str) -> dict[str, int]:
    """A vocabulary file of ``word count`` lines (word2vec.c's ``-save-vocab``, gensim's
    ``fvocab``): word -> count; a word listed twice keeps its first count."""
    name = _display(path)
    counts: dict[str, int] = {}
    try:
        with open(path, "rb") as f:
            for line_no, raw in enumerate(f, 1):
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError:
                    raise FormatError(f"{name}: line {line_no} is not UTF-8 text") from None
                if not text.strip():
                    continue
                parts = text.split()
                if len(parts) != 2 or not parts[1].isdigit():
                    raise FormatError(f"{name}: line {line_no} should be a word and its count "
                                      f"(got {text.strip()[:40]!r})")
                counts.setdefault(parts[0], int(parts[1]))
    except OSError as e:
        raise FormatError(f"cannot read the vocabulary file {name}: {e.strerror or e}") from None
    if not counts:
        raise FormatError(f"{name} is empty: a vocabulary file has 'word count' lines")
    return counts


# ---------------------------------------------------------------------- reading
def _read(cls, f, name: str, size: int | None, binary: bool | None,
          gzipped: bool = False) -> KeyedVectors:
    head = f.readline(_MAX_HEADER_BYTES)
    if not head:
        raise FormatError(f"{name} is empty, not a word2vec vectors file")
    refuse_native(name, head, gzipped)
    try:
        fields = head.decode("ascii").split()
        if len(fields) != 2:
            raise ValueError
        n_words, dim = int(fields[0]), int(fields[1])
    except (UnicodeDecodeError, ValueError):
        from corpora.reader import looks_like   # here: engine does not load corpora at import

        what = looks_like(head[:64])
        if what:
            raise FormatError(f"{name} looks like {what}, not a word2vec vectors file") from None
        shown = head[:40].decode("utf-8", errors="replace").strip()
        if not shown.isprintable():
            shown = shown.encode("ascii", errors="replace").decode()
        raise FormatError(f"{name} is not a word2vec file: the first line should be "
                          f"'<words> <dimensions>' (got {shown!r})") from None
    if n_words < 1 or dim < 1:
        raise FormatError(f"{name}: the header says {n_words} words of {dim} dimensions; "
                          "both must be positive")
    start = f.tell()
    remaining = None if size is None else size - start  # unknown for gzip

    def parse(as_binary: bool):
        f.seek(start)
        min_record = (4 * dim + 2) if as_binary else (2 * dim + 2)
        if remaining is not None and n_words * min_record > remaining:
            raise FormatError(f"{name} is truncated: the header promises {n_words} vectors of "
                              f"{dim} dimensions but only {remaining} bytes follow")
        # the header's count is trusted for the allocation only once the file size backs it
        rows = _Rows(n_words if remaining is not None else min(n_words, 1 << 16), dim)
        words, matrix = (_read_binary if as_binary else _read_text)(f, name, n_words, dim, rows)
        return words, matrix

    def read(as_binary: bool) -> KeyedVectors:
        kv = cls(*parse(as_binary), copy=False)
        kv.file_format = describe_format(as_binary, gzipped)
        return kv

    if binary is not None:
        return read(binary)
    # Sniff, then try the likelier format first and the other if it fails.  When both fail,
    # a file that reads as text gets the text reader's (precise) error, and the message says
    # what the bytes looked like: the name's suffix decided nothing.
    parses, texty = _sniff_text(f, dim, min(n_words, 3))
    binary_first = not parses
    found = (f"found: {'gzip-compressed data holding ' if gzipped else ''}a word2vec header "
             f"({n_words} words x {dim} dims) followed by "
             f"{'text lines' if texty else 'binary records'}")
    try:
        return read(binary_first)
    except FormatError as err:
        if binary_first and not texty:
            raise FormatError(f"{err} ({found})") from None
        try:
            return read(not binary_first)
        except FormatError as err2:
            raise FormatError(f"{err2 if binary_first else err} ({found})") from None


#: the first bytes of a pickle of protocol 2 to 5 (what gensim's ``save()`` writes)
_PICKLE_PROTOCOLS = tuple(bytes([0x80, p]) for p in range(2, 6))


def refuse_native(name: str, head: bytes, gzipped: bool = False) -> None:
    """A gensim native save (``KeyedVectors.save()``, ``Word2Vec.save()``: a pickle, maybe
    beside ``.npy`` files) or one of its ``.npy`` arrays: refuse it, without unpickling (a
    pickle can run any code when loaded), and say how gensim converts it."""
    convert = ("convert it with gensim where you trust the file: "
               "KeyedVectors.load(path).save_word2vec_format('vectors.bin', binary=True) "
               "(a whole model: model.wv.save_word2vec_format(...))")
    if head.startswith(_PICKLE_PROTOCOLS):
        raise FormatError(f"{name} is a Python pickle ({'gzip-compressed, ' if gzipped else ''}"
                          "gensim's native save() format?), which wordlab does not load: "
                          f"unpickling can run any code; {convert}")
    if head.startswith(b"\x93NUMPY"):
        raise FormatError(f"{name} is a NumPy array (.npy) without the words (gensim's native "
                          "save() keeps them in the pickle beside it, which wordlab does not "
                          f"load); {convert}")


def _sniff_text(f, dim: int, records: int) -> tuple[bool, bool]:
    """Look at the first ``records`` records after the header: (each parses as a text line
    ``word v1 .. vd``, the first reads as UTF-8 text without control characters).

    Raw float32 bytes almost never pass the first test on several lines; the weaker second
    one only decides whether a damaged file is reported as text or as binary.
    """
    texty = None
    for k in range(records):
        line = f.readline(64 * (dim + 16))
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            return False, bool(texty)
        if texty is None:
            texty = not any(ord(ch) < 32 and ch not in "\t\r\n" for ch in text)
        parts = text.rstrip().split(" ")
        if not text.endswith("\n") and k < records - 1 or len(parts) != dim + 1:
            return False, texty
        try:
            [float(x) for x in parts[1:]]
        except ValueError:
            return False, texty
    return True, bool(texty)


def _check_row(name: str, word: str, row: np.ndarray, where: str) -> None:
    if not np.isfinite(row).all():
        raise FormatError(f"{name}: the vector of {word!r} ({where}) contains NaN or infinity")


class _Rows:
    """A float32 row buffer that starts at ``capacity`` rows and doubles when full."""

    def __init__(self, capacity: int, dim: int) -> None:
        self.data = np.empty((max(capacity, 1), dim), dtype=np.float32)
        self.n = 0

    def append(self, vec: np.ndarray) -> None:
        if self.n == len(self.data):
            bigger = np.empty((2 * len(self.data), self.data.shape[1]), dtype=np.float32)
            bigger[:self.n] = self.data
            self.data = bigger
        self.data[self.n] = vec
        self.n += 1

    def matrix(self) -> np.ndarray:
        return self.data[:self.n]


def _read_text(f, name: str, n_words: int, dim: int, rows: _Rows
               ) -> tuple[list[str], np.ndarray]:
    words: list[str] = []
    seen: set[str] = set()
    line_no = 1
    limit = _MAX_WORD_BYTES + 64 * dim  # a word and d numbers; never read a huge line whole
    for _ in range(n_words):
        raw = f.readline(limit)
        line_no += 1
        if len(raw) == limit and not raw.endswith(b"\n"):
            raise FormatError(f"{name}: line {line_no} is longer than a word and {dim} "
                              "numbers can be (not a word2vec text file?)")
        if not raw:
            raise FormatError(f"{name} is truncated: the header says {n_words} words but the "
                              f"file ends after {line_no - 2}")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise FormatError(f"{name}: line {line_no} is not UTF-8 text") from None
        parts = text.rstrip().split(" ")
        if len(parts) != dim + 1 or not parts[0]:
            raise FormatError(f"{name}: line {line_no} should be a word and {dim} numbers "
                              f"(found {len(parts) - 1} values)")
        word = parts[0]
        try:
            vec = np.array(parts[1:], dtype=np.float32)
        except ValueError:
            raise FormatError(f"{name}: line {line_no} ({word!r}) has a value that is not "
                              "a number") from None
        _check_row(name, word, vec, f"line {line_no}")
        if word in seen:  # gensim keeps the first vector of a repeated word
            continue
        seen.add(word)
        words.append(word)
        rows.append(vec)
    rest = f.read(4096)
    if rest.strip():
        raise FormatError(f"{name}: the header says {n_words} words but there is more data "
                          f"after line {line_no}")
    return words, rows.matrix()


def _read_binary(f, name: str, n_words: int, dim: int, rows: _Rows
                 ) -> tuple[list[str], np.ndarray]:
    words: list[str] = []
    seen: set[str] = set()
    nbytes = 4 * dim
    buf = b""
    pos = 0
    eof = False

    def fill(need: int) -> bool:
        """Make sure buf[pos:] holds at least ``need`` bytes (or EOF); True if it does."""
        nonlocal buf, pos, eof
        while len(buf) - pos < need and not eof:
            chunk = f.read(max(_BINARY_CHUNK, need))
            if not chunk:
                eof = True
                break
            buf = buf[pos:] + chunk
            pos = 0
        return len(buf) - pos >= need

    for k in range(n_words):
        # skip the optional '\n' after the previous vector (word2vec.c writes it)
        while fill(1) and buf[pos:pos + 1] == b"\n":
            pos += 1
        space = -1
        while True:
            space = buf.find(b" ", pos, pos + _MAX_WORD_BYTES + 1)
            if space != -1 or len(buf) - pos > _MAX_WORD_BYTES or eof:
                break
            fill(len(buf) - pos + _BINARY_CHUNK)
        if space == -1:
            if len(buf) - pos == 0:
                raise FormatError(f"{name} is truncated: the header says {n_words} words but "
                                  f"the file ends after {k}")
            raise FormatError(f"{name}: record {k + 1} has no word followed by a space "
                              "(not word2vec binary format, or a damaged file)")
        raw_word = buf[pos:space]
        pos = space + 1
        try:
            word = raw_word.decode("utf-8")
        except UnicodeDecodeError:
            raise FormatError(f"{name}: word {k + 1} is not valid UTF-8 "
                              "(not word2vec binary format, or a damaged file)") from None
        if not word:
            raise FormatError(f"{name}: record {k + 1} has an empty word "
                              "(not word2vec binary format, or a damaged file)")
        if not fill(nbytes):
            raise FormatError(f"{name} is truncated inside the vector of {word!r} "
                              f"(word {k + 1} of {n_words})")
        vec = np.frombuffer(buf, dtype="<f4", count=dim, offset=pos)
        pos += nbytes
        _check_row(name, word, vec, f"word {k + 1}")
        if word in seen:
            continue
        seen.add(word)
        words.append(word)
        rows.append(vec)
    fill(1)
    rest = buf[pos:pos + 4096] + (b"" if eof else f.read(4096))
    if rest.strip():
        raise FormatError(f"{name}: the header says {n_words} words but there is more data "
                          "after the last vector (wrong header, or not word2vec binary)")
    return words, rows.matrix()
