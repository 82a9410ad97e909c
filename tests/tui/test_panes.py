"""Pilot tests of the Corpus, One-hot, Explore and Evaluate panes with the real engine."""

from __future__ import annotations

from textual.widgets import DataTable, Input, OptionList

from tests.tui.conftest import settle, text_of
from tui.app import WordlabApp
from tui.widgets.dialogs import PathScreen


# ---------------------------------------------------------------- corpus
async def test_corpus_pane_shows_the_lecture_statistics(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        summary = text_of(app, "#corpus-summary")
        assert "lecture" in summary and "tokens" in summary and "coverage" in summary
        table = app.query_one("#top-words", DataTable)
        assert table.row_count >= 4
        assert table.get_row_at(0)[1] == "cat"  # the lecture's most frequent word
        names = [app.query_one("#corpus-options", OptionList).get_option_at_index(i).id
                 for i in range(app.query_one("#corpus-options", OptionList).option_count)]
        assert {"lecture", "lecture-ko", "toy-world"} <= set(names)


async def test_choosing_a_corpus_from_the_list(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        options = app.query_one("#corpus-options", OptionList)
        options.highlighted = options.get_option_index("lecture-ko")
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.corpus.name == "lecture-ko"
        assert "lecture-ko" in text_of(app, "#corpus-summary")


async def test_bad_min_count_is_explained_inline(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("m")
        app.query_one("#min-count", Input).value = "0"
        await pilot.press("enter")
        await pilot.pause()
        assert "min_count must be at least 1" in text_of(app, "#min-count-error")
        app.query_one("#min-count", Input).value = "3"
        await pilot.press("enter")
        await settle(app, pilot)
        assert text_of(app, "#min-count-error") == ""
        assert app.corpus_options["min_count"] == 3
        assert "min_count 3" in text_of(app, "#corpus-summary")


async def test_open_file_errors_inline_then_opens_a_good_file(lecture, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02binary\x00" * 50)
    good = tmp_path / "mine.txt"
    good.write_text("the king rules\nthe queen rules\n")
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, PathScreen)
        for bad in (tmp_path / "missing.txt", empty, binary):
            app.screen.query_one("#path", Input).value = str(bad)
            await pilot.press("enter")
            await settle(app, pilot)
            assert isinstance(app.screen, PathScreen), bad
            assert text_of(app.screen, "#path-error") not in ("", "checking…"), bad
        app.screen.query_one("#path", Input).value = str(good)
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, PathScreen)
        assert app.corpus is not lecture
        assert "tokens 6" in text_of(app, "#corpus-summary")


async def test_path_completion_suggests_files(tmp_path):
    from tui.widgets.suggest import PathSuggester

    (tmp_path / "corpus-one.txt").write_text("a")
    suggester = PathSuggester()
    assert await suggester.get_suggestion(str(tmp_path / "corp")) == str(tmp_path / "corpus-one.txt")
    assert await suggester.get_suggestion(str(tmp_path / "zzz")) is None


def test_vocabulary_suggester_bisects():
    import asyncio

    from tui.widgets.suggest import VocabSuggester

    s = VocabSuggester(["queen", "king", "kingdom", "man"])
    assert asyncio.run(s.get_suggestion("kin")) == "king"
    assert asyncio.run(s.get_suggestion("x")) is None
    multi = VocabSuggester(["queen", "king"], multi=True)
    assert asyncio.run(multi.get_suggestion("king qu")) == "king queen"


# ---------------------------------------------------------------- one-hot
async def test_onehot_before_training_shows_sqrt2_and_asks_to_train(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(app, pilot)
        shown = text_of(app, "#onehot-matrices")
        assert "one-hot L2 distance" in shown and "1.41" in shown
        assert "train a model (3)" in shown
        assert "embedding L2" not in shown and "cosine" not in shown


async def test_onehot_beside_trained_embeddings(lecture, lecture_vectors):
    app = WordlabApp(corpus=lecture, vectors=lecture_vectors)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(app, pilot)
        await pilot.press("w")
        app.query_one("#onehot-input", Input).value = "cat dog movie"
        await pilot.press("enter")
        await pilot.pause()
        shown = text_of(app, "#onehot-matrices")
        assert "embedding L2 (d=10)" in shown and "embedding cosine" in shown
        cos = f"{lecture_vectors.similarity('cat', 'dog'):+.2f}"
        assert cos in shown  # the engine's cosine, as shown
        app.query_one("#onehot-input", Input).value = "cat unicorn"
        await pilot.press("enter")
        await pilot.pause()
        assert "unicorn" in text_of(app, "#onehot-message")


# ---------------------------------------------------------------- explore
async def test_explore_analogy_neighbours_similarity_odd_one_out(lecture, royal_vectors):
    app = WordlabApp(corpus=lecture, vectors=royal_vectors)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "a")
        for field, word in (("an-a", "man"), ("an-b", "king"), ("an-c", "woman")):
            app.query_one(f"#{field}", Input).value = word
        app.query_one("#an-c", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        table = app.query_one("#explore-table", DataTable)
        assert table.get_row_at(0)[1] == "queen"
        assert table.get_row_at(0)[1] == royal_vectors.analogy("man", "king", "woman")[0][0]
        await pilot.press("escape", "n")
        app.query_one("#nn-word", Input).value = "apple"
        await pilot.press("enter")
        await pilot.pause()
        assert table.get_row_at(0)[1] == "banana"
        await pilot.press("escape", "s")
        app.query_one("#sim-1", Input).value = "cat"
        app.query_one("#sim-2", Input).value = "dog"
        await pilot.press("enter")
        await pilot.pause()
        assert table.get_row_at(0)[2] == f"{royal_vectors.similarity('cat', 'dog'):+.3f}"
        await pilot.press("escape", "d")
        app.query_one("#odd", Input).value = "king queen man apple"
        await pilot.press("enter")
        await pilot.pause()
        odd = royal_vectors.doesnt_match("king queen man apple".split())
        assert table.get_row_at(0)[1] == f"{odd}  <- odd one out"
        assert table.row_count == 4


async def test_explore_unknown_word_is_explained_inline(lecture, royal_vectors):
    app = WordlabApp(corpus=lecture, vectors=royal_vectors)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "n")
        app.query_one("#nn-word", Input).value = "qeen"
        await pilot.press("enter")
        await pilot.pause()
        message = text_of(app, "#explore-message")
        assert "unknown word" in message and "qeen" in message


async def test_explore_without_vectors_says_to_train(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "n", *"cat", "enter")
        await pilot.pause()
        assert "train a model" in text_of(app, "#explore-message")


async def test_explore_completes_words_from_the_vocabulary(lecture, royal_vectors):
    app = WordlabApp(corpus=lecture, vectors=royal_vectors)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "n", "q", "u")
        await pilot.pause()
        await pilot.press("right")  # accept the suggestion
        assert app.query_one("#nn-word", Input).value == "queen"


# ---------------------------------------------------------------- evaluate
async def test_evaluate_toy_world_analogies_and_bad_file(lecture, royal_vectors, tmp_path):
    app = WordlabApp(corpus=lecture, vectors=royal_vectors)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6", "a")
        await settle(app, pilot)
        summary = text_of(app, "#analogy-summary")
        assert "skipped" in summary and "toy-world" in summary
        table = app.query_one("#analogy-table", DataTable)
        assert table.row_count >= 2  # the sections and the total
        assert "total" in str(table.get_row_at(table.row_count - 1)[0])
        await pilot.press("p")
        await settle(app, pilot)
        assert "Spearman" in text_of(app, "#pairs-summary")
        from textual.widgets import Select

        app.query_one("#analogy-set", Select).value = "__file__"
        await pilot.pause()
        app.query_one("#analogy-file", Input).value = str(tmp_path / "nope.txt")
        await pilot.press("escape", "a")
        await settle(app, pilot)
        assert "nope.txt" in text_of(app, "#evaluate-message")


async def test_toy_world_starts_with_word2vec_defaults_and_lecture_keeps_every_word(lecture):
    from corpora import open_corpus

    toy = WordlabApp(corpus=open_corpus("toy-world"))
    async with toy.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        assert toy.query_one("#min_count", Input).value == "5"
        assert toy.query_one("#sample", Input).value == "0.001"
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        assert app.query_one("#min_count", Input).value == "1"
        assert app.query_one("#sample", Input).value == "0"
        await settle(app, pilot)


async def test_explore_fills_examples_the_vectors_know(lecture, royal_vectors):
    """A first-time user presses a, Enter and gets an answer: the fields hold known words."""
    app = WordlabApp(corpus=lecture, vectors=royal_vectors)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("5")
        await settle(app, pilot)
        assert [app.query_one(f"#an-{k}", Input).value for k in "abc"] == ["man", "king", "woman"]
        await pilot.press("escape", "a", "enter")
        await settle(app, pilot)
        table = app.query_one("#explore-table", DataTable)
        assert table.get_row_at(0)[1] == "queen"


async def test_explore_never_suggests_words_outside_the_vocabulary(lecture):
    import numpy as np

    from engine.vectors import KeyedVectors

    words = ["the", "apple", "pear", "plum", "fig"]
    kv = KeyedVectors(words, np.eye(5, dtype=np.float32))
    app = WordlabApp(corpus=lecture, vectors=kv)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("5")
        await settle(app, pilot)
        for field_id in ("nn-word", "an-a", "an-b", "an-c", "sim-1", "sim-2", "odd"):
            field = app.query_one(f"#{field_id}", Input)
            shown = (field.value or field.placeholder).split()
            assert shown and all(w in kv for w in shown), (field_id, shown)
