"""The Corpus pane's tokenizer (issue 11): words or Korean morphemes (kiwipiepy, the extra
wordlab[ko]) passed to open_corpus, shown in the pane; without the analyser one inline line
names the extra, and the corpus in use stays."""

from __future__ import annotations

import sys

import pytest
from textual.widgets import Select

from tests.tui.conftest import settle, text_of
from tui.app import WordlabApp

try:
    import kiwipiepy  # noqa: F401
    HAVE_KIWI = True
except ImportError:
    HAVE_KIWI = False


@pytest.fixture(scope="module")
def lecture_ko():
    from corpora import open_corpus

    return open_corpus("lecture-ko")


def _top_words(app) -> list[str]:
    table = app.query_one("#top-words")
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


@pytest.mark.skipif(not HAVE_KIWI, reason="kiwipiepy is not installed (pip install 'wordlab[ko]')")
async def test_morphemes_reopen_the_corpus_and_say_so(lecture_ko):
    app = WordlabApp(corpus=lecture_ko)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert "고양이를" in _top_words(app) and "고양이" not in _top_words(app)
        assert app.query_one("#tokenizer", Select).value == "words"
        await pilot.press("t")
        await settle(app, pilot)
        assert app.corpus.tokenizer == "morphemes"
        assert app.corpus_options["tokenizer"] == "morphemes"
        assert app.query_one("#tokenizer", Select).value == "morphemes"
        assert "morphemes (kiwipiepy)" in text_of(app, "#corpus-summary")
        assert "고양이" in _top_words(app) and "고양이를" not in _top_words(app)
        await pilot.press("t")                                     # and back to words
        await settle(app, pilot)
        assert app.corpus.tokenizer == "words" and "고양이를" in _top_words(app)
        assert "kiwipiepy" not in text_of(app, "#corpus-summary")


async def test_without_kiwipiepy_one_line_names_the_extra(lecture_ko, monkeypatch):
    monkeypatch.setitem(sys.modules, "kiwipiepy", None)        # import kiwipiepy -> ImportError
    app = WordlabApp(corpus=lecture_ko)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("t")
        await settle(app, pilot)
        error = text_of(app, "#corpus-error")
        assert "pip install 'wordlab[ko]'" in error and "kiwipiepy" in error
        assert app.corpus is lecture_ko and app.corpus.tokenizer == "words"   # still in use
        assert app.query_one("#tokenizer", Select).value == "words"
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("t")
        await settle(app, pilot)
        assert "pip install 'wordlab[ko]'" in text_of(app, "#corpus-error")
        assert "필요" in text_of(app, "#corpus-error")


async def test_toy_world_has_no_morphemes(lecture_ko):
    from corpora import open_corpus

    app = WordlabApp(corpus=open_corpus("toy-world"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("t")
        await settle(app, pilot)
        assert "toy-world is generated word by word" in text_of(app, "#corpus-error")
        assert app.corpus.name == "toy-world" and app.query_one("#tokenizer", Select).value == "words"
