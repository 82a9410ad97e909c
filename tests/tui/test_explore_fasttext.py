"""Explore on FastText's vectors (issue 11): a word outside the vocabulary is answered from its
n-grams and marked so on screen; Word2Vec's vectors still call it an unknown word."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input

from tests.tui.conftest import settle, text_of
from tui.app import WordlabApp
from tui.state import Provenance


@pytest.fixture(scope="module")
def fasttext_vectors(lecture):
    from engine.fasttext import FastTextConfig, FastTextSession

    config = FastTextConfig(dim=10, epochs=5, min_count=1, sample=0.0, bucket=2000, minn=2,
                            maxn=4, seed=3, threads=1)
    session = FastTextSession(config, lecture)
    session.run()
    return session.model.vectors(), config


async def _query(app, pilot, field: str, value: str) -> None:
    app.query_one(f"#{field}", Input).value = value
    app.query_one(f"#{field}", Input).focus()
    await pilot.press("enter")
    await settle(app, pilot)


def _rows(app) -> list[str]:
    table = app.query_one("#explore-table", DataTable)
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


async def test_an_unseen_word_is_answered_from_its_ngrams_and_marked(lecture, fasttext_vectors):
    kv, config = fasttext_vectors
    assert "cats" not in kv and kv.from_ngrams("cats")
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        app.set_vectors(kv, Provenance("trained", corpus="lecture", corpus_gen=app.state.corpus_gen,
                                       config=config, epochs=5))
        await pilot.press("5")
        await pilot.pause()
        assert "FastText sg d=10" in text_of(app, "#explore-source")
        await _query(app, pilot, "nn-word", "cats")
        message = text_of(app, "#explore-message")
        assert "'cats'" in message and "built from n-grams" in message
        want = [w for w, _ in kv.most_similar("cats", topn=10)]
        assert _rows(app) == want and "cat" in want          # the engine's answer, shown
        await _query(app, pilot, "nn-word", "cat")            # a word it has: no note
        assert text_of(app, "#explore-message") == ""
        await _query(app, pilot, "odd", "cats dog movie")
        assert "built from n-grams" in text_of(app, "#explore-message")
        assert kv.doesnt_match(["cats", "dog", "movie"]) in _rows(app)[0]     # the odd one
        await _query(app, pilot, "sim-1", "cats")
        table = app.query_one("#explore-table", DataTable)
        assert table.row_count == 1
        assert f"{kv.similarity('cats', app.query_one('#sim-2', Input).value):+.3f}" == \
            str(table.get_row_at(0)[2])


async def test_word2vec_vectors_still_say_unknown_word(lecture, lecture_vectors):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        app.set_vectors(lecture_vectors, Provenance("loaded", path="w2v.txt"))
        await pilot.press("5")
        await pilot.pause()
        await _query(app, pilot, "nn-word", "cats")
        message = text_of(app, "#explore-message")
        assert "unknown word" in message and "n-grams" not in message
        assert app.query_one("#explore-table", DataTable).row_count == 0
