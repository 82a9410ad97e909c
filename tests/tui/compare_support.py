"""Three sets of vectors for the comparison's snapshot: hand-made test data, not results.

The snapshot checks Evaluate's table (rows, columns, the best of each row, the spread) at
80x24; the Pilot test in test_compare_models.py trains the three models for real.  Vectors
trained by the compiled kernels differ in their last bits between CPUs (float32 sums in
another order), which can move an analogy answer and a percentage in a snapshot taken on
another machine, so these are built with numpy's seeded generator instead: toy-world's words
as random vectors, each analogy pair of a section moved by that section's offset, plus noise
whose size differs per "model" (so the three score differently and some rows have a best).
"""

from __future__ import annotations

import functools

import numpy as np


@functools.cache
def three_vector_sets():
    """[(provenance config, vectors)] standing for Word2Vec, GloVe and FastText on toy-world."""
    from corpora import open_corpus
    from corpora.evalsets import eval_set_path
    from engine.settings import fasttext_settings, glove_settings, training_settings
    from engine.vectors import KeyedVectors
    from engine.vocab import Vocab

    toy = open_corpus("toy-world")
    words = list(Vocab.build(toy, 5).words)
    index = {w: i for i, w in enumerate(words)}
    pairs: dict[str, list[tuple[int, int]]] = {}
    section = ""
    for line in eval_set_path("toy-world").read_text(encoding="utf-8").splitlines():
        if line.startswith(":"):
            section = line[1:].strip()
            continue
        a, b, c, d = line.split()
        for x, y in ((a, b), (c, d)):
            if x in index and y in index and (index[x], index[y]) not in pairs.setdefault(section, []):
                pairs[section].append((index[x], index[y]))
    dim = 16
    out = []
    for k, (noise, config) in enumerate((
            (0.15, training_settings("toy-world", dim=dim)),
            (0.45, glove_settings("toy-world", dim=dim)),
            (0.30, fasttext_settings("toy-world", dim=dim)))):
        rng = np.random.default_rng(100 + k)
        vectors = rng.normal(size=(len(words), dim))
        for sec, offsets in pairs.items():
            shift = rng.normal(size=dim) * 2.0
            for x, y in offsets:
                vectors[y] = vectors[x] + shift + rng.normal(size=dim) * noise * 2.0
        out.append((config, KeyedVectors(words, vectors.astype(np.float32))))
    return toy, out


def three_models():
    """A WordlabApp on toy-world and a function that hands it the three sets of vectors as
    the Train pane does after three runs."""
    from tui.app import WordlabApp
    from tui.state import Provenance

    toy, models = three_vector_sets()
    app = WordlabApp(corpus=toy)

    def setup(app) -> None:
        for config, kv in models:
            app.set_vectors(kv, Provenance("trained", corpus="toy-world",
                                           corpus_gen=app.state.corpus_gen, config=config,
                                           epochs=config.epochs))

    return app, setup
