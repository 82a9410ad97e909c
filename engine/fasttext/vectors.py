"""FastText's vectors: the vocabulary's, and a vector for any other word from its n-grams.

A trained FastText keeps, besides each vocabulary word's vector (the mean of its own input
row and its n-gram rows), the n-gram rows themselves, so a word never seen in training gets
a vector too: the mean of the rows of its n-grams (fastText's ``getWordVector``; gensim's
``FastTextKeyedVectors.get_vector``).  ``FastTextVectors`` is a ``KeyedVectors`` that answers
every query for such words as well and says which ones it built that way
(``from_ngrams(word)``); the words it ranks are always the vocabulary's.

Files:

* ``.vec``: fastText's text format, the vocabulary's vectors under a ``V d`` header (word2vec's
  text format: ``KeyedVectors.save``); n-grams are not in it;
* ``.bin``: Facebook fastText's model format (version 12), which ``fasttext.load_model`` and
  gensim's ``load_facebook_model`` / ``load_facebook_vectors`` read.  All numbers
  little-endian:

      int32 magic 793712314, int32 version 12
      args:  int32 dim, ws, epoch, minCount, neg, wordNgrams, loss (2 = ns), model
             (1 = cbow, 2 = sg), bucket, minn, maxn, lrUpdateRate; float64 t
      dict:  int32 size, nwords, nlabels; int64 ntokens, pruneidx_size (-1: not pruned);
             per word: UTF-8 bytes, a 0 byte, int64 count, int8 type (0 = word);
             pruneidx_size pairs of int32
      input:  bool quantised (0); int64 rows (V + bucket), int64 d; rows x d float32
      output: bool quantised (0); int64 rows (V), int64 d; rows x d float32

  ``load_facebook`` reads such a file (ours, fastText's, gensim's ``save_facebook_model``)
  with ``struct`` and ``numpy.fromfile`` only, checking every size against the file before it
  allocates; nothing is unpickled.  Quantised (``.ftz``) and supervised models are refused
  with one line.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

import numpy as np

from engine.errors import FormatError, UnknownWordError
from engine.fasttext import MAXN, MINN, SUBWORDS, ngram_buckets
from engine.vectors import KeyedVectors, atomic_write

MAGIC = 793712314
VERSION = 12
LOSS_NS, MODEL_CBOW, MODEL_SG = 2, 1, 2
_ARGS = struct.Struct("<12id")        # dim .. lrUpdateRate, then t
_MAX_WORD_BYTES = 1 << 16
JAMO_BIN_REFUSED = ("cannot save {path} in Facebook's .bin format: its n-grams are over Hangul "
                    "jamo (subwords jamo), which the format cannot record, so fastText and "
                    "gensim would give unseen words wrong vectors; save as .vec")


class FastTextVectors(KeyedVectors):
    """``KeyedVectors`` of the vocabulary plus the n-gram rows: ``vector(word)`` and every
    query accept words outside the vocabulary (their n-grams' mean); ``from_ngrams(word)``
    says whether a word's vector was built that way."""

    def __init__(self, words, vectors, counts=None, *, word_rows, ngram_rows, minn: int = MINN,
                 maxn: int = MAXN, output_rows=None, settings=None, ntokens: int | None = None,
                 subwords: str = "chars", copy: bool = True) -> None:
        super().__init__(words, vectors, counts, copy=copy)
        d = self.dim
        word_rows = np.array(word_rows, dtype=np.float32, copy=copy)
        ngram_rows = np.array(ngram_rows, dtype=np.float32, copy=copy)
        if word_rows.shape != (len(self), d) or ngram_rows.ndim != 2 or \
                (len(ngram_rows) and ngram_rows.shape[1] != d):
            raise FormatError(f"word rows {word_rows.shape} / n-gram rows {ngram_rows.shape} do "
                              f"not match {len(self)} words of {d} dimensions")
        self.word_rows = word_rows                 # the words' own input rows (not averaged)
        self.ngram_rows = ngram_rows               # bucket x d
        self.minn, self.maxn = int(minn), int(maxn)
        if subwords not in SUBWORDS:
            raise FormatError(f"n-grams over {subwords!r}: expected one of {', '.join(SUBWORDS)}")
        self.subwords = subwords                   # n-grams over characters or Hangul jamo
        self.output_rows = None if output_rows is None else np.array(output_rows, dtype=np.float32,
                                                                     copy=copy)
        self.settings = settings                   # the FastTextConfig it was trained with
        self.ntokens = int(ntokens if ntokens is not None else
                           (self.counts.sum() if self.counts is not None else 0))

    def __repr__(self) -> str:
        over = ", over jamo" if self.subwords == "jamo" else ""
        return (f"FastTextVectors({len(self)} words x {self.dim} dims, {self.bucket:,} n-gram "
                f"buckets, n = {self.minn}..{self.maxn}{over})")

    @property
    def bucket(self) -> int:
        return int(self.ngram_rows.shape[0])

    # ------------------------------------------------------------- words outside the vocabulary
    def ngram_ids(self, word: str) -> list[int]:
        """The n-gram rows (bucket ids) of ``word``, in fastText's order."""
        if self.bucket == 0 or self.maxn == 0:
            return []
        return ngram_buckets(word, self.minn, self.maxn, self.bucket, self.subwords)

    def from_ngrams(self, word: str) -> bool:
        """True when ``word`` is not in the vocabulary but has n-grams to build a vector from."""
        return isinstance(word, str) and word not in self.index and bool(word) \
            and bool(self.ngram_ids(word))

    def oov_vector(self, word: str) -> np.ndarray:
        """The mean of the n-gram rows of a word (fastText's vector for an unseen word)."""
        ids = self.ngram_ids(word) if isinstance(word, str) and word else []
        if not ids:
            raise UnknownWordError(str(word), "not in the vocabulary, and it has no n-grams "
                                              "to build a vector from")
        return self.ngram_rows[ids].mean(axis=0, dtype=np.float32)

    def vector(self, word: str, norm: bool = False) -> np.ndarray:
        if word in self.index:
            return super().vector(word, norm)
        vec = self.oov_vector(word)
        if norm:
            n = float(np.linalg.norm(vec))
            vec = vec / np.float32(n) if n > 0 else vec
        return vec

    def __getitem__(self, word: str) -> np.ndarray:
        return self.vector(word)

    def _terms(self, items, sign: float):
        """As ``KeyedVectors._terms``, with a word outside the vocabulary as its unit n-gram
        vector (row id None: nothing to exclude from the ranking)."""
        if isinstance(items, str):
            items = [items]
        out = []
        for item in items or ():
            word, weight = (item if isinstance(item, tuple) else (item, sign))
            if isinstance(word, str) and word not in self.index:
                out.append((self.vector(word, norm=True), float(weight), None))
            else:
                out.extend(super()._terms([(word, float(weight))], sign))
        return out

    def similarity(self, w1: str, w2: str) -> float:
        return float(self.vector(w1, norm=True) @ self.vector(w2, norm=True))

    def similarities(self, word: str, others) -> np.ndarray:
        me = self.vector(word, norm=True)
        return np.array([float(self.vector(w, norm=True) @ me) for w in others], dtype=np.float32)

    def doesnt_match(self, words) -> str:
        """As ``KeyedVectors.doesnt_match``, a word outside the vocabulary by its n-gram
        vector."""
        words = [words] if isinstance(words, str) else list(words)
        if len(words) < 2:
            return super().doesnt_match(words)          # its one-line error
        vecs = np.stack([self.vector(w, norm=True) for w in words])
        mean = vecs.mean(axis=0)
        norm = float(np.linalg.norm(mean))
        if norm > 0:
            mean = mean / np.float32(norm)
        dists = vecs @ mean
        return sorted(zip(dists.tolist(), words), reverse=True)[-1][1]

    # ------------------------------------------------------------------------------- files
    def save_facebook(self, path: os.PathLike | str) -> None:
        """Write Facebook fastText's ``.bin`` model format (see the module's doc), atomically.
        Refused for n-grams over jamo: the format has no field to say so, and fastText or
        gensim would build every unseen word from the wrong (character) n-grams."""
        path = Path(path)
        if self.subwords == "jamo":
            raise FormatError(JAMO_BIN_REFUSED.format(path=path))
        for w in self.words:
            if "\0" in w or any(ch.isspace() for ch in w):
                raise FormatError(f"cannot save {path}: the word {w!r} contains whitespace or a "
                                  "NUL, which fastText's format cannot store")
        s = self.settings
        V, d = len(self), self.dim
        arch = getattr(s, "arch", "sg")
        args = _ARGS.pack(d, int(getattr(s, "window", 5)), int(getattr(s, "epochs", 5)),
                          int(getattr(s, "min_count", 1)), int(getattr(s, "negative", 5)), 1,
                          LOSS_NS, MODEL_SG if arch == "sg" else MODEL_CBOW, self.bucket,
                          self.minn, self.maxn, 100, float(getattr(s, "sample", 1e-4)))
        counts = self.counts if self.counts is not None else np.ones(V, dtype=np.int64)
        output = self.output_rows if self.output_rows is not None else np.zeros((V, d), np.float32)

        def write(f) -> None:
            f.write(struct.pack("<2i", MAGIC, VERSION))
            f.write(args)
            f.write(struct.pack("<3i2q", V, V, 0, self.ntokens, -1))
            f.write(b"".join(w.encode("utf-8") + b"\0" + struct.pack("<qb", int(c), 0)
                             for w, c in zip(self.words, counts.tolist())))
            f.write(struct.pack("<?2q", False, V + self.bucket, d))
            f.write(self.word_rows.astype("<f4", copy=False).tobytes())
            for a in range(0, self.bucket, 65_536):
                f.write(self.ngram_rows[a:a + 65_536].astype("<f4", copy=False).tobytes())
            f.write(struct.pack("<?2q", False, output.shape[0], output.shape[1]))
            f.write(output.astype("<f4", copy=False).tobytes())

        atomic_write(path, write)

    @classmethod
    def load_facebook(cls, path: os.PathLike | str) -> "FastTextVectors":
        """Read a Facebook fastText ``.bin`` model (ours, fastText's or gensim's)."""
        name = os.fspath(path)
        try:
            f = open(path, "rb")
        except OSError as e:
            raise FormatError(f"cannot read fastText model {name}: {e.strerror or e}") from None
        with f:
            try:
                size = os.fstat(f.fileno()).st_size
                return _read_facebook(cls, f, name, size)
            except OSError as e:
                raise FormatError(f"cannot read fastText model {name}: {e.strerror or e}") from None


def is_facebook_bin(path: os.PathLike | str) -> bool:
    """True when the file starts with fastText's magic number (a ``.bin`` model)."""
    try:
        with open(path, "rb") as f:
            head = f.read(4)
    except OSError:
        return False
    return len(head) == 4 and struct.unpack("<i", head)[0] == MAGIC


def _read_facebook(cls, f, name: str, size: int) -> FastTextVectors:
    def need(n: int, what: str) -> bytes:
        data = f.read(n)
        if len(data) != n:
            raise FormatError(f"{name} is truncated in the {what} (not a complete fastText model)")
        return data

    magic, version = struct.unpack("<2i", need(8, "header"))
    if magic != MAGIC:
        raise FormatError(f"{name} is not a fastText .bin model (its first bytes are not "
                          "fastText's magic number)")
    if version > VERSION or version < 11:
        raise FormatError(f"{name}: fastText format version {version} is not supported (11-12)")
    (dim, ws, epoch, min_count, neg, _word_ngrams, loss, model, bucket, minn, maxn, _lr_rate,
     t) = _ARGS.unpack(need(_ARGS.size, "settings"))
    if model not in (MODEL_CBOW, MODEL_SG):
        raise FormatError(f"{name} is a supervised fastText model (text classification), "
                          "not word vectors")
    if not (0 < dim <= 10_000) or bucket < 0 or minn < 0 or maxn < 0:
        raise FormatError(f"{name}: impossible settings (dim {dim}, bucket {bucket})")
    n_all, nwords, nlabels = struct.unpack("<3i", need(12, "dictionary"))
    ntokens, = struct.unpack("<q", need(8, "dictionary"))
    prune = -1
    if version >= 12:
        prune, = struct.unpack("<q", need(8, "dictionary"))
    if nlabels or n_all != nwords or nwords < 1:
        raise FormatError(f"{name}: {nwords} words and {nlabels} labels: not a word-vector model")
    if nwords > size:
        raise FormatError(f"{name} is truncated: the dictionary promises {nwords:,} words")
    words: list[str] = []
    counts = np.empty(nwords, dtype=np.int64)
    buf = b""
    for k in range(nwords):
        end = buf.find(b"\0")
        while end < 0:
            more = f.read(1 << 16)
            if not more or len(buf) > _MAX_WORD_BYTES:
                raise FormatError(f"{name}: word {k + 1} of the dictionary does not end "
                                  "(a damaged or truncated model)")
            buf += more
            end = buf.find(b"\0")
        while len(buf) < end + 10:
            more = f.read(1 << 16)
            if not more:
                raise FormatError(f"{name} is truncated in the dictionary")
            buf += more
        try:
            word = buf[:end].decode("utf-8")
        except UnicodeDecodeError:
            raise FormatError(f"{name}: word {k + 1} of the dictionary is not UTF-8") from None
        counts[k], kind = struct.unpack("<qb", buf[end + 1:end + 10])
        if kind != 0:
            raise FormatError(f"{name}: entry {k + 1} is a label, not a word")
        words.append(word)
        buf = buf[end + 10:]
    buf += f.read(max(0, 8 * prune + 17 - len(buf)) if prune > 0 else max(0, 17 - len(buf)))
    pos = 8 * prune if prune > 0 else 0
    if len(buf) < pos + 17:
        raise FormatError(f"{name} is truncated before the vectors")
    quant, rows, d = struct.unpack("<?2q", buf[pos:pos + 17])
    if quant:
        raise FormatError(f"{name} is a quantised fastText model (.ftz): not supported, use the "
                          ".bin it was made from")
    if d != dim or rows != nwords + bucket:
        raise FormatError(f"{name}: the input matrix is {rows:,} x {d}, expected "
                          f"{nwords + bucket:,} x {dim} (words + buckets)")
    f.seek(f.tell() - (len(buf) - pos - 17))
    start = f.tell()
    if start + rows * d * 4 > size:
        raise FormatError(f"{name} is truncated: the input matrix needs {rows * d * 4:,} bytes, "
                          f"{size - start:,} are left")
    matrix = np.fromfile(f, dtype="<f4", count=rows * d).reshape(rows, d)
    output = None
    tail = f.read(17)
    if len(tail) == 17:
        oquant, orows, od = struct.unpack("<?2q", tail)
        if not oquant and od == d and 0 < orows and f.tell() + orows * d * 4 <= size:
            output = np.fromfile(f, dtype="<f4", count=orows * d).reshape(orows, d)
    if not np.isfinite(matrix).all():
        raise FormatError(f"{name}: the input matrix contains NaN or infinity")
    from engine.fasttext import FastTextConfig

    settings = FastTextConfig(arch="sg" if model == MODEL_SG else "cbow", dim=dim, window=ws,
                              negative=max(neg, 1), sample=t, min_count=max(min_count, 1),
                              epochs=max(epoch, 1), minn=minn, maxn=maxn, bucket=bucket, threads=1)
    word_rows, ngram_rows = matrix[:nwords], matrix[nwords:]
    vectors = _compose(words, word_rows, ngram_rows, minn, maxn)
    return cls(words, vectors, counts, word_rows=word_rows, ngram_rows=ngram_rows, minn=minn,
               maxn=maxn, output_rows=output, settings=settings, ntokens=ntokens, copy=False)


def _compose(words, word_rows, ngram_rows, minn, maxn) -> np.ndarray:
    """Each word's vector: the mean of its own row and its n-gram rows."""
    bucket = len(ngram_rows)
    out = np.array(word_rows, dtype=np.float32, copy=True)
    if bucket == 0 or maxn == 0:
        return out
    for i, w in enumerate(words):
        ids = ngram_buckets(w, minn, maxn, bucket)
        if ids:
            out[i] = (word_rows[i] + ngram_rows[ids].sum(axis=0)) / np.float32(len(ids) + 1)
    return out


def load_vectors(path: os.PathLike | str) -> KeyedVectors:
    """Any vectors file wordlab reads: a fastText ``.bin`` model (by its magic number) as
    ``FastTextVectors``, anything else as word2vec's formats (``KeyedVectors.load``)."""
    if is_facebook_bin(path):
        return FastTextVectors.load_facebook(path)
    return KeyedVectors.load(path)
