"""Progress events: what a training run reports, knowing nothing of who listens.

Word2Vec and the language model report the same event, so the CLI's progress bar
and the app's sparklines serve both.  Events are small frozen dataclasses, sent at
most ~10 times a second (see ``Throttle``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Progress:
    done: int                 # words (Word2Vec) or tokens (language model) processed so far
    total: int                # done == total at the end of the last epoch
    loss: float               # average loss over the examples since the previous event
    rate: float               # words/s or tokens/s over the run so far
    lr: float                 # current learning rate (alpha)
    epoch: int                # 1-based
    epochs: int
    elapsed: float            # seconds since the run started (pauses excluded)
    perplexity: float | None = None      # language model: exp(loss)
    val_perplexity: float | None = None  # language model: after each epoch
    finished: bool = False    # True on the final event of a completed run

    @property
    def fraction(self) -> float:
        return 0.0 if self.total <= 0 else min(1.0, self.done / self.total)

    @property
    def eta(self) -> float | None:
        """Seconds left at the current rate, or None before the rate is known."""
        if self.rate <= 0 or self.total <= 0:
            return None
        return max(0.0, (self.total - self.done) / self.rate)


class Throttle:
    """``ready()`` is True at most once per ``interval`` seconds (first call: True)."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self._last = -float("inf")

    def ready(self, now: float | None = None) -> bool:
        now = time.perf_counter() if now is None else now
        if now - self._last >= self.interval:
            self._last = now
            return True
        return False
