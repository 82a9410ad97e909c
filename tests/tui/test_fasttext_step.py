"""FastText step mode (issue 11): one example at a time in the real app; the n-grams and bucket
ids on screen are fastText's hash, h the mean of the rows, the rows that moved exactly the
input word's; any word looked up, one never seen included."""

from __future__ import annotations

import numpy as np
from rich.cells import cell_len

from engine.fasttext import ngram_buckets, ngrams
from engine.fasttext.step import STEP_BUCKET, FastTextStepSession, step_config
from tests.tui.conftest import settle, text_of
from tui.app import WordlabApp
from tui.i18n import set_language
from tui.panes.fasttext_step import FastTextStepScreen, open_fasttext_step
from tui.panes.glove_step import fmt


async def open_screen(app, pilot) -> FastTextStepScreen:
    await settle(app, pilot)
    screen = open_fasttext_step(app)
    await settle(app, pilot)
    return screen


def word_rows(session, word: str) -> list[int]:
    V = len(session.vocab)
    return sorted({session.vocab.id(word)} | {V + b for b in ngram_buckets(word, 3, 6, STEP_BUCKET)})


async def test_each_n_shows_the_engines_rows_buckets_h_and_loss(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_screen(app, pilot)
        twin = FastTextStepSession(step_config("lecture"), lecture)    # same seed: same examples
        moved_once = False
        for k in range(8):
            W_before = screen.session.model.W_in.copy()
            await pilot.press("n")
            expected = twin.step()
            tr = screen.trace
            assert (tr.centre, tr.outputs, tr.loss) == (expected.centre, expected.outputs,
                                                       expected.loss)
            shown = text_of(app.screen, "#ft-trace")
            word = tr.centre
            # the n-grams and their bucket ids are fastText's hash, mod the step model's buckets
            grams = [r for r in tr.rows if r.ngram is not None]
            assert [r.ngram for r in grams] == ngrams(word)
            assert [r.bucket for r in grams] == ngram_buckets(word, 3, 6, STEP_BUCKET)
            for r in grams:
                assert f"{r.ngram} {r.bucket} Δ{fmt(r.moved)}" in shown
            assert f"[{word}] row {screen.session.vocab.id(word)}" in shown
            # h is the mean of the word's own row and its n-gram rows, as they were
            rows = [screen.session.vocab.id(word)] + [len(twin.vocab) + b for b in
                                                      ngram_buckets(word, 3, 6, STEP_BUCKET)]
            assert np.allclose(tr.h, W_before[rows].mean(axis=0), atol=1e-6)
            assert f"|h| = {fmt(float(np.linalg.norm(tr.h)))}" in shown
            for number in (*tr.scores, *tr.sigmas):
                assert fmt(float(number)) in shown
            assert f"{fmt(tr.loss)}  ->  {fmt(tr.loss_after)}" in shown
            # the W_in rows that changed are exactly this word's rows (or none while the
            # output rows scored were all still 0)
            changed = np.nonzero(np.any(screen.session.model.W_in != W_before, axis=1))[0]
            if tr.output_was_zero:
                assert len(changed) == 0 and "no W_in row moved" in shown
            else:
                moved_once = True
                assert changed.tolist() == word_rows(screen.session, word) == tr.changed_rows
                assert f"exactly {word}'s {len(changed)} W_in rows" in shown
            assert f"example {k + 1}" in text_of(app.screen, "#ft-header")
        assert moved_once


async def test_again_lowers_the_loss_reset_starts_over_a_switches_to_cbow(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_screen(app, pilot)
        await pilot.press("n", "n", "n")
        first = screen.trace
        await pilot.press("e")
        again = screen.trace
        assert (again.centre, again.outputs) == (first.centre, first.outputs)
        assert again.loss < first.loss and again.loss_after < again.loss
        await pilot.press("r")
        await settle(app, pilot)
        assert screen.trace is None and "example 0" in text_of(app.screen, "#ft-header")
        await pilot.press("a")
        await settle(app, pilot)
        await pilot.press("n", "n", "n")
        tr = screen.trace
        assert tr.arch == "cbow" and "CBOW" in text_of(app.screen, "#ft-header")
        assert tr.outputs[0] == tr.centre and len(tr.inputs) >= 1
        expected = sorted(set().union(*(word_rows(screen.session, w) for w in tr.inputs)))
        assert tr.input_rows == expected
        if not tr.output_was_zero:
            assert tr.changed_rows == expected
        await pilot.press("escape")
        assert not isinstance(app.screen, FastTextStepScreen)


async def test_an_unseen_word_is_built_from_its_ngrams(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_screen(app, pilot)
        await pilot.press(*"nnnnnnnnn")                 # example 8 trains cat's rows
        await pilot.press("w")
        await pilot.press(*"cats", "enter")
        await settle(app, pilot)
        L = screen.looked_up
        assert L.word == "cats" and L.from_ngrams
        shown = text_of(app.screen, "#ft-lookup")
        assert "cats: never seen; vector built from n-grams" in shown
        buckets = ngram_buckets("cats", 3, 6, STEP_BUCKET)
        assert [g.bucket for g in L.ngrams] == buckets
        kv = screen.session.vectors()
        assert np.allclose(L.vector, kv.ngram_rows[buckets].mean(axis=0), atol=1e-6)
        # the buckets it shares with cat have learned (cat was trained); the others not
        cat = set(ngram_buckets("cat", 3, 6, STEP_BUCKET))
        for g in L.ngrams:
            assert (g.updates > 0) == (g.bucket in cat), g
            assert f"{g.ngram} {g.bucket} " in shown
            assert ("cat" in g.shared) == (g.bucket in cat)
        assert f"{L.trained} of {len(buckets)} buckets trained" in shown
        near = kv.most_similar("cats", topn=5)
        assert [w for w, _ in L.neighbours] == [w for w, _ in near]
        assert f"{near[0][0]} {near[0][1]:.2f}" in shown
        # a known word: its own row counts too; Esc in the field closes the field only
        await pilot.press("slash", *"cat", "enter")
        assert screen.looked_up.known and "cat: in the corpus" in text_of(app.screen, "#ft-lookup")
        await pilot.press("w", "escape")
        assert isinstance(app.screen, FastTextStepScreen)
        assert not screen.query_one("#ft-word").has_class("-shown")


async def test_keys_pressed_while_the_model_is_built_are_kept(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = open_fasttext_step(app)
        seen_at = []
        look_up = screen.look_up

        def spy(word):
            seen_at.append((word, screen.session and screen.session.stepped))
            look_up(word)

        screen.look_up = spy
        await pilot.press("n", "n", "n", "w", *"dogs", "enter", "e")    # before the model is there
        await settle(app, pilot)
        assert screen.session.stepped == 4 and screen.trace.number == 4
        assert seen_at[-1] == ("dogs", 3)       # in the order typed: after 3 examples, before e
        assert "example 4" in text_of(app.screen, "#ft-header")
        assert screen.looked_up.word == "dogs"
        assert "dogs: never seen" in text_of(app.screen, "#ft-lookup")


async def test_without_a_corpus_it_says_so_and_keys_do_nothing():
    app = WordlabApp(corpus=None, corpus_name=None)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot)
        await pilot.press("n", "e", "w", *"cat", "enter")
        await settle(app, pilot)
        assert screen.session is None and screen._pending == []
        assert "no corpus" in text_of(app.screen, "#ft-trace")


async def test_at_80x24_in_korean_every_line_fits():
    from corpora import open_corpus

    corpus = open_corpus("lecture-ko")
    try:
        app = WordlabApp(corpus=corpus, lang="ko")
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_screen(app, pilot)
            await pilot.press("n")                      # W_out still 0: nothing moved, why
            assert screen.trace.output_was_zero
            trace = text_of(app.screen, "#ft-trace")
            assert "W_in 행은 그대로" in trace
            for line in trace.splitlines():
                assert cell_len(line) <= 78, line
            await pilot.press(*"nnnn", "w", *"고양이처럼", "enter")
            await settle(app, pilot)
            header = text_of(app.screen, "#ft-header")
            trace = text_of(app.screen, "#ft-trace")
            lookup = text_of(app.screen, "#ft-lookup")
            assert "학습률 0.25" in header and "5번째 예제" in header
            assert "음성 샘플링" in trace and "손실" in trace and "갱신 뒤" in trace
            assert "고양이처럼: 본 적 없음; n-gram으로 만든 벡터" in lookup
            assert screen.looked_up.from_ngrams
            for line in [header] + trace.splitlines() + lookup.splitlines():
                assert cell_len(line) <= 78, line
    finally:
        set_language("en")


async def test_j_takes_the_ngrams_over_jamo_and_an_unseen_korean_form_shares_them():
    from corpora import open_corpus
    from tui.panes.fasttext_step import letters

    try:
        app = WordlabApp(corpus=open_corpus("lecture-ko"), lang="ko")
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_screen(app, pilot)
            await pilot.press("j")
            await settle(app, pilot)
            assert screen.session.config.subwords == "jamo"
            assert "자모 3-6개" in text_of(app.screen, "#ft-trace")
            await pilot.press(*"nnnn")
            tr = screen.trace
            grams = [r for r in tr.rows if r.ngram is not None]
            assert [r.bucket for r in grams] == ngram_buckets(tr.centre, 3, 6, STEP_BUCKET, "jamo")
            shown = text_of(app.screen, "#ft-trace")
            for r in grams:
                assert f"{letters(r.ngram)} {r.bucket} " in shown
            await pilot.press("w", *"고양이는", "enter")
            await settle(app, pilot)
            L = screen.looked_up
            assert L.from_ngrams and "고양이는" not in screen.session.vocab.index
            assert [g.bucket for g in L.ngrams] == ngram_buckets("고양이는", 3, 6, STEP_BUCKET, "jamo")
            first = L.ngrams[0]                         # <ㄱㅗ: the stem's start
            assert letters(first.ngram) == "<ㄱㅗ" and "고양이를" in first.shared
            lookup = text_of(app.screen, "#ft-lookup")
            assert "<ㄱㅗ " in lookup and "고양이는: 본 적 없음" in lookup
            for line in lookup.splitlines() + shown.splitlines():
                assert cell_len(line) <= 78, line
    finally:
        set_language("en")


async def test_at_80x24_long_words_and_cbow_fit():
    from corpora import open_corpus

    app = WordlabApp(corpus=open_corpus("toy-world"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot)
        await pilot.press("a")
        await settle(app, pilot)
        await pilot.press(*"nnnn", "w", *"internationalisation", "enter")
        await settle(app, pilot)
        assert screen.trace.arch == "cbow" and screen.looked_up.from_ngrams
        lines = [text_of(app.screen, "#ft-header")]
        for selector in ("#ft-trace", "#ft-lookup"):
            lines += text_of(app.screen, selector).splitlines()
        for line in lines:
            assert cell_len(line) <= 78, line
        assert any(line.startswith("internationalis…: never seen; vector built from n-grams")
                   for line in lines)


async def test_F_and_the_palette_open_it_with_help(lecture):
    from tui.commands import PaneCommands

    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        texts = [text for text, *_ in PaneCommands(app.screen)._commands()]
        assert "FastText step (F)" in texts
        await pilot.press("F")
        await settle(app, pilot)
        assert isinstance(app.screen, FastTextStepScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        from tui.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("n", "escape")
        assert not isinstance(app.screen, FastTextStepScreen)


def test_snapshot_cats_rows_at_80x24(snap_compare, lecture):
    """Example 8 (cat's word row and n-gram rows move) on one 80x24 screen (seeded)."""
    async def before(pilot):
        await settle(pilot.app, pilot)
        await pilot.press("F")
        await settle(pilot.app, pilot)
        await pilot.press(*"nnnnnnnn")
        await settle(pilot.app, pilot)

    assert snap_compare(WordlabApp(corpus=lecture), terminal_size=(80, 24), run_before=before)
