"""The Corpus: a re-iterable stream of sentences (lists of str tokens).

Every ``iter(corpus)`` starts again from the beginning, so a trainer can make one pass to
build its vocabulary and then one pass per epoch.  Nothing is held in memory between
iterations except a few numbers (``replaced_bytes``, ``tokens_seen``, ``notes``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from engine.errors import CorpusError

from .reader import SNIFF, FileReport, iter_sentences, sniff
from .tokenize import tokenizer

__all__ = ["Corpus", "FileCorpus", "human_bytes", "BYTES_PER_TOKEN"]

BYTES_PER_TOKEN = 6.0  # English text: about 5 letters and a space; used only for estimates


def human_bytes(n: int) -> str:
    """SI units, as download sizes are usually given: 100,000,000 bytes -> "100.0 MB"."""
    for unit, div in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= div:
            return f"{n / div:.1f} {unit}"
    return f"{n} B"


class Corpus:
    """Base class.  Subclasses implement :meth:`_sentences`.

    Attributes
    ----------
    name, description : str
    analogies : Path | None     its own analogy file (Google format), e.g. toy-world's
    replaced_bytes : int        after an iteration: bytes replaced by the non-UTF-8 fallback
    notes : list[str]           after an iteration: one line per thing the user should know
    tokens_seen : int           tokens yielded by the last complete iteration
    tokenizer : str             how its text was split: "words" or "morphemes" (corpora.tokenize)
    """

    name: str = ""
    tokenizer: str = "words"
    description: str = ""
    analogies: Path | None = None

    def __init__(self) -> None:
        self.replaced_bytes = 0
        self.notes: list[str] = []
        self.tokens_seen: int | None = None

    # --- cheap estimates for progress bars -------------------------------------------
    @property
    def byte_size(self) -> int | None:
        """Bytes of text on disk (None for generated corpora)."""
        return None

    @property
    def token_estimate(self) -> int | None:
        """Tokens one pass yields: exact once a pass has finished, else an estimate."""
        if self.tokens_seen is not None:
            return self.tokens_seen
        if self.byte_size is not None:
            return max(1, int(self.byte_size / BYTES_PER_TOKEN))
        return None

    @property
    def size(self) -> str:
        """Human-readable size, e.g. ``"4.0 MB"`` or ``"20,000 sentences"``."""
        if self.byte_size is not None:
            return human_bytes(self.byte_size)
        return "unknown size"

    def __iter__(self) -> Iterator[list[str]]:
        tokens = 0
        for sentence in self._sentences():
            tokens += len(sentence)
            yield sentence
        if tokens == 0:
            raise CorpusError(f"{self.name}: no words in it (nothing but spaces, punctuation or symbols)")
        self.tokens_seen = tokens

    def _sentences(self) -> Iterator[list[str]]:  # pragma: no cover - abstract
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r} ({self.size})>"


class FileCorpus(Corpus):
    """One text file, or every ``.txt`` file under a folder (recursive, sorted)."""

    def __init__(
        self,
        paths: list[Path],
        name: str,
        description: str = "",
        *,
        lowercase: bool = True,
        strip_punct: bool = True,
        tokenizer_kind: str = "words",
        chunk: int | None = None,
        encoding: str | None = None,
        analogies: Path | None = None,
    ) -> None:
        super().__init__()
        if not paths:
            raise CorpusError(f"{name}: no text files")
        self.paths = list(paths)
        self.name = name
        self.description = description or f"text from {name}"
        self.analogies = analogies
        self.chunk = chunk
        self.tokenizer = tokenizer_kind
        self._tokenize = tokenizer(lowercase, strip_punct, tokenizer_kind)
        # Refuse binaries and empty files now, not in the middle of training.
        self._codecs = {p: sniff(p, encoding) for p in self.paths}
        self._bytes = sum(os.path.getsize(p) for p in self.paths)
        if self._bytes <= SNIFF:  # small enough to check for words now rather than mid-run
            if not any(self._tokenize(p.read_bytes().decode(self._codecs[p], "replace"))
                       for p in self.paths):
                raise CorpusError(f"{name}: no words in it (nothing but spaces, punctuation or symbols)")
        self.reports: list[FileReport] = []

    @property
    def byte_size(self) -> int:
        return self._bytes

    def _sentences(self) -> Iterator[list[str]]:
        self.replaced_bytes = 0
        self.notes = []
        self.reports = []
        done = 0
        for path in self.paths:
            report = FileReport(path, encoding=self._codecs[path])
            self.reports.append(report)
            for sentence in iter_sentences(path, self._tokenize, report, self.chunk, report.encoding):
                self.replaced_bytes = done + report.replaced_bytes
                yield sentence
            done += report.replaced_bytes
            self.replaced_bytes = done
            note = report.note()
            if note:
                self.notes.append(note)
