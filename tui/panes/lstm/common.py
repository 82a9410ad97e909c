"""What the LSTM pane's views share: number formats, sizes, and the pane's own messages."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

MAX_UNITS = 8          # rows shown in the gate table
SENTENCE_MAX = 30      # words taken from a corpus sentence (a text8 chunk has thousands)
STATUS_WORDS = 4       # words shown either side of x_t in the status line
SPARK_WINDOW = 5_000   # points kept (the whole run: the sparkline averages them into its width)
DEFAULT_SENTENCE = "i love cute cat"


def fmt(v: float) -> str:
    """Two decimals as in the lecture; -0.00 shown as 0.00."""
    s = f"{v:.2f}"
    return "0.00" if s == "-0.00" else s


def paren(v: float) -> str:
    """A number inside an equation: negative ones in parentheses."""
    s = fmt(v)
    return f"({s})" if s.startswith("-") else s


# -- messages (pane-local: only the LSTM pane sends and receives them) -------------------------
@dataclass
class LMStarted(Message):
    """The language model's data and vocabulary are built; training starts now."""

    kind: str
    config: object            # engine.lm.LMConfig
    tokens: int               # training tokens
    vocab: int                # vocabulary size, <unk> and <eos> included
    unigram: float | None     # the unigram model's held-out perplexity: the baseline


@dataclass
class LMProgress(Message):
    """A throttled training event from the language-model worker."""

    progress: object

    def can_replace(self, message: Message) -> bool:   # a newer tick replaces a queued one
        return isinstance(message, LMProgress) and not getattr(message.progress, "finished", False)


@dataclass
class LMFinished(Message):
    kind: str
    session: object
    stopped: bool
    error: str | None
    corpus: str               # the corpus it was trained on (its name) ...
    corpus_gen: int           # ... and the app state's corpus generation when the run started


@dataclass
class FlowReady(Message):
    flow: object
    error: str | None
