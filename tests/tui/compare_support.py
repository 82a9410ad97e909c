"""Three models trained on toy-world by the engine, one thread each (the same numbers on every
run), for the comparison's snapshot and for looking at it."""

from __future__ import annotations

import functools


@functools.cache
def trained_on_toy_world():
    """[(provenance config, vectors)] of Word2Vec, GloVe and FastText: small and quick."""
    from corpora import open_corpus
    from engine.fasttext import FastTextSession
    from engine.glove import GloveSession
    from engine.settings import fasttext_settings, glove_settings, training_settings
    from engine.word2vec import TrainingSession

    toy = open_corpus("toy-world")
    out = []
    for config, make in ((training_settings("toy-world", dim=16, epochs=1, threads=1), TrainingSession),
                         (glove_settings("toy-world", dim=16, epochs=3, threads=1), GloveSession),
                         (fasttext_settings("toy-world", dim=16, epochs=1, bucket=5000, threads=1),
                          FastTextSession)):
        session = make(config, toy)
        session.run()
        out.append((config, session.model.vectors()))
    return toy, out


def three_models():
    """A WordlabApp on toy-world and a function that hands it the three models, as the Train
    pane does after three runs."""
    from tui.app import WordlabApp
    from tui.state import Provenance

    toy, models = trained_on_toy_world()
    app = WordlabApp(corpus=toy)

    def setup(app) -> None:
        for config, kv in models:
            app.set_vectors(kv, Provenance("trained", corpus="toy-world",
                                           corpus_gen=app.state.corpus_gen, config=config,
                                           epochs=config.epochs))

    return app, setup
