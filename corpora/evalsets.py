"""The evaluation sets shipped with wordlab, by name.

``google`` (the Google analogy questions), ``wordsim353`` (WordSimilarity-353 pairs) live in
``corpora/data/eval/`` (see its README.md for attribution and licences); ``toy-world`` is the
analogy file of the generated ``toy-world`` corpus, resolved lazily through
``corpora.open_corpus("toy-world").analogies``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from engine.errors import CorpusError, WordlabError

__all__ = ["EvalSet", "EVAL_DIR", "list_eval_sets", "eval_set_path", "resolve_eval_source"]

EVAL_DIR = Path(__file__).resolve().parent / "data" / "eval"


@dataclass(frozen=True)
class EvalSet:
    name: str
    kind: str          # "analogies" | "pairs"
    description: str


_SETS = (
    EvalSet("google", "analogies",
            "Google analogy questions (Mikolov et al. 2013), 19,544 in 14 sections"),
    EvalSet("wordsim353", "pairs",
            "WordSimilarity-353 (Finkelstein et al. 2002), 353 pairs with human scores"),
    EvalSet("toy-world", "analogies",
            "planted analogies of the generated toy-world corpus"),
)
_FILES = {"google": "questions-words.txt", "wordsim353": "wordsim353.tsv"}


def list_eval_sets() -> list[EvalSet]:
    """The shipped evaluation sets (names usable with ``eval_set_path``)."""
    return list(_SETS)


def _known() -> str:
    return ", ".join(s.name for s in _SETS)


def eval_set_path(name: str) -> Path:
    """Path of the shipped evaluation set ``name``; CorpusError for unknown or missing sets."""
    if name in _FILES:
        path = EVAL_DIR / _FILES[name]
        if not path.is_file():
            raise CorpusError(f"the shipped evaluation set {name!r} is missing ({path}); "
                              "reinstall wordlab")
        return path
    if name == "toy-world":
        try:
            from corpora import open_corpus
            analogies = open_corpus("toy-world").analogies
        except WordlabError as e:
            raise CorpusError(f"the toy-world analogy set is not available: {e}") from None
        except (ImportError, AttributeError) as e:
            raise CorpusError(f"the toy-world analogy set is not available ({e})") from None
        if analogies is None or not Path(analogies).is_file():
            raise CorpusError("the toy-world analogy set is not available: the toy-world "
                              "corpus provides no analogy file")
        return Path(analogies)
    raise CorpusError(f"unknown evaluation set {name!r} (known: {_known()})")


def resolve_eval_source(name_or_path: str | os.PathLike) -> Path:
    """An existing file path as given, else a shipped set's name (``google``, ...).

    CorpusError with the known names when it is neither.
    """
    path = Path(name_or_path)
    if path.exists():
        if not path.is_file():
            raise CorpusError(f"{path} is not a file")
        return path
    name = os.fspath(name_or_path)
    if name in {s.name for s in _SETS}:
        return eval_set_path(name)
    raise CorpusError(f"no such file or evaluation set: {name!r} "
                      f"(shipped sets: {_known()})")
