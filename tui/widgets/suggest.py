"""Suggesters: vocabulary completion by bisection, and file-system path completion."""

from __future__ import annotations

import os
from bisect import bisect_left
from collections.abc import Iterable

from textual.suggester import Suggester


class VocabSuggester(Suggester):
    """Completes a word from a vocabulary by bisecting its sorted word list.

    ``SuggestFromList`` scans the whole list on every key; with a 70,000-word
    vocabulary that is noticeable, a bisection is not.  With ``multi=True`` the last
    space-separated word of the value is completed (for odd-one-out lists).
    """

    def __init__(self, words: Iterable[str] = (), *, multi: bool = False) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.multi = multi
        self.set_words(words)

    def set_words(self, words: Iterable[str]) -> None:
        self._words = sorted(words)

    def complete(self, prefix: str) -> str | None:
        """The first vocabulary word (in sorted order) that starts with ``prefix``."""
        if not prefix:
            return None
        i = bisect_left(self._words, prefix)
        if i < len(self._words) and self._words[i].startswith(prefix):
            return self._words[i]
        return None

    async def get_suggestion(self, value: str) -> str | None:
        if self.multi:
            head, sep, last = value.rpartition(" ")
            word = self.complete(last)
            return None if word is None else head + sep + word
        return self.complete(value.strip()) if value == value.strip() else None


class PathSuggester(Suggester):
    """Completes a file-system path: the first entry of the directory that fits."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        expanded = os.path.expanduser(value)
        folder, prefix = os.path.split(expanded)
        try:
            with os.scandir(folder or ".") as it:
                names = sorted(
                    e.name + ("/" if e.is_dir() else "")
                    for e in it
                    if e.name.startswith(prefix) and (prefix.startswith(".") or not e.name.startswith("."))
                )
        except OSError:
            return None
        if not names or names[0] == prefix:
            return None
        # keep what the user typed (e.g. "~/"), append the rest of the name
        return value + names[0][len(prefix):]
