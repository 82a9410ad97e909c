"""The Word2Vec settings to start from for a corpus: one definition for the CLI and the app.

    general defaults (``Word2VecConfig()``: gensim's / word2vec.c's)
      + the corpus's suggestions (``corpora.registry.TRAINING_HINTS``: plain data)
      + what the user typed
      = the ``Word2VecConfig`` that trains

``wordlab train --corpus lecture`` with no flags and the app's Train form on ``lecture`` show
and train the same numbers, because both call ``training_settings``.  Nothing here imports
torch; importing it loads numpy (through ``engine.word2vec``).
"""

from __future__ import annotations

import os
from dataclasses import fields

from engine.word2vec import ARCHS, LOSSES, Word2VecConfig

__all__ = ["ARCHS", "LOSSES", "GENERAL", "training_settings", "glove_settings",
           "fasttext_settings", "suggested", "SETTING_NAMES", "SHARED_HINTS"]

#: the corpus suggestions every model family takes (its vocabulary and its window); the rest
#: of TRAINING_HINTS are Word2Vec's (its learning rate, subsampling, epochs)
SHARED_HINTS = ("min_count", "window")

#: the engine's general defaults (what a file, toy-world or text8 trains with)
GENERAL = Word2VecConfig()

#: every setting's name, in the config's order
SETTING_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Word2VecConfig))


def suggested(corpus: str | os.PathLike | None) -> dict:
    """The settings the corpus changes from the general defaults ({} for most corpora)."""
    from corpora.registry import training_hints

    return training_hints(corpus)


def training_settings(corpus: str | os.PathLike | None = None, **overrides) -> Word2VecConfig:
    """The ``Word2VecConfig`` to train ``corpus`` with (a built-in name, a path, or None).

    The general defaults, then the corpus's suggestions, then ``overrides`` (values of None
    are ignored, so argparse's "not given" passes through).  Not validated: call
    ``.problems()`` / ``.validate()`` on the result.  An unknown override name raises
    ``ConfigError``.

        >>> training_settings("lecture").min_count
        1
        >>> training_settings("lecture", epochs=5).epochs
        5
    """
    given = {k: v for k, v in overrides.items() if v is not None}
    return GENERAL.replace(**{**suggested(corpus), **given})


def glove_settings(corpus: str | os.PathLike | None = None, **overrides):
    """The ``GloveConfig`` to train ``corpus`` with: GloVe's defaults (glove.c's), the corpus's
    vocabulary and window suggestions (``SHARED_HINTS``: the lecture's tiny texts need every
    word), GloVe's own suggestions (``corpora.registry.GLOVE_HINTS``), then ``overrides``
    (None ignored).  Not validated.  ``wordlab train --model glove``,
    the Train form and step mode start from it.

        >>> glove_settings("lecture").min_count
        1
    """
    from corpora.registry import glove_hints
    from engine.glove import GloveConfig

    hints = {k: v for k, v in suggested(corpus).items() if k in SHARED_HINTS}
    hints.update(glove_hints(corpus))            # GloVe's own (toy-world: see GLOVE_HINTS)
    given = {k: v for k, v in overrides.items() if v is not None}
    return GloveConfig().replace(**{**hints, **given})


def fasttext_settings(corpus: str | os.PathLike | None = None, **overrides):
    """The ``FastTextConfig`` to train ``corpus`` with: FastText's defaults (fastText's), the
    corpus's suggestions that FastText shares with Word2Vec (its vocabulary, window, learning
    rate, subsampling, epochs: every hint naming a ``FastTextConfig`` field), then
    ``overrides`` (None ignored).  Not validated.  ``wordlab train --model fasttext`` and the
    Train form start from it.

        >>> fasttext_settings("lecture").min_count
        1
    """
    from engine.fasttext import FastTextConfig

    names = set(FastTextConfig.__dataclass_fields__)
    hints = {k: v for k, v in suggested(corpus).items() if k in names}
    given = {k: v for k, v in overrides.items() if v is not None}
    return FastTextConfig().replace(**{**hints, **given})
