"""Every custom message of the app, as dataclass ``Message``s.

Workers post these from their threads (``post_message`` is thread-safe); panes and
the app handle them on the UI thread.  High-rate messages (``TrainingProgress``)
override ``can_replace`` so a newer one replaces a queued one: the UI never falls
behind the engine, it only skips stale frames.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message


@dataclass
class TrainingStarted(Message):
    """A training run began (the vocabulary is built, the first example is next)."""

    vocab_size: int
    total_words: int


@dataclass
class TrainingStatus(Message):
    """What the run is doing before its first progress event ("compiling kernels…" the
    first time a process trains, then "training")."""

    text: str


@dataclass
class TrainingProgress(Message):
    """One throttled progress event from ``TrainingSession.run`` (engine ``Progress``)."""

    progress: Any  # engine.progress.Progress

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, TrainingProgress)


@dataclass
class TrainingFinished(Message):
    """The run ended: completed, or stopped by the user (``stopped``)."""

    model: Any  # engine.word2vec.Word2Vec
    progress: Any  # last engine Progress, or None when stopped before the first event
    stopped: bool


@dataclass
class TrainingFailed(Message):
    """The run could not go on (TrainingError, ConfigError, CorpusError...).

    ``model`` holds the last good weights when there are any.
    """

    error: str
    model: Any | None


@dataclass
class CorpusLoaded(Message):
    """A corpus was opened and its statistics computed (in a worker)."""

    corpus: Any  # corpora Corpus
    stats: Any  # corpora.stats.CorpusStats
    options: dict


@dataclass
class CorpusFailed(Message):
    """Opening a corpus or computing its statistics failed; ``error`` is one line."""

    error: str


@dataclass
class EvaluationDone(Message):
    """An evaluation finished: ``kind`` is "analogy" or "pairs"."""

    kind: str
    source: str
    result: Any
    generation: int = 0  # the app state's model_gen the vectors came from


@dataclass
class EvaluationFailed(Message):
    kind: str
    error: str
    generation: int = 0
