"""Errors that the engine and the corpora raise for bad input.

Every front end (CLI, app) catches :class:`WordlabError` and shows its message as
one clear line; anything else is a bug.  The message must make sense on its own,
e.g. ``"unknown word: 'qeen'"`` or ``"dim must be a positive integer (got 0)"``.
"""

from __future__ import annotations


class WordlabError(Exception):
    """Base class for every user-facing error; ``str(err)`` is the one line to show."""


class ConfigError(WordlabError, ValueError):
    """An absurd or inconsistent hyper-parameter (dim <= 0, alpha <= 0, window < 1, ...).

    ``field`` names the offending setting (``"window"``) when there is one, so a form can mark
    that field without reading the message's text."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class CorpusError(WordlabError):
    """A corpus that cannot be used: missing, binary, empty, no word above min_count, ..."""


class FormatError(WordlabError, ValueError):
    """A file that is not in the expected format (not word2vec text/binary, bad eval file)."""


class UnknownWordError(WordlabError, KeyError):
    """A query word that is not in the vocabulary."""

    def __init__(self, word: str, hint: str = "") -> None:
        self.word = word
        super().__init__(word)
        self._msg = f"unknown word: {word!r}" + (f" ({hint})" if hint else "")

    def __str__(self) -> str:  # KeyError would repr() the argument
        return self._msg


class TrainingError(WordlabError):
    """Training could not go on (a NaN/inf loss, say); the last good weights are kept."""
