"""The Train pane's third model, FastText (issue 11): its own fields filled from
engine.settings.fasttext_settings, a run with the real engine on the lecture corpus, the
vectors in the app state labelled as FastText's, saved as .vec or Facebook's .bin by the name."""

from __future__ import annotations

from textual.widgets import Input, Select

from engine.settings import fasttext_settings
from tests.tui.conftest import settle, text_of
from tui.app import WordlabApp
from tui.widgets.dialogs import PathScreen


def _row(app, name):
    return app.query_one(f"#{name}").parent


async def _fasttext_form(pilot, app, **values):
    await pilot.press("3")
    app.query_one("#model", Select).value = "fasttext"
    await pilot.pause()
    for name, value in values.items():
        app.query_one(f"#{name}", Input).value = str(value)


async def test_fasttext_form_shows_its_own_fields_with_the_corpus_settings(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        assert not _row(app, "minn").display and not _row(app, "subwords").display
        await _fasttext_form(pilot, app)
        want = fasttext_settings("lecture")
        for name in ("minn", "maxn", "bucket", "dim", "window", "epochs", "negative"):
            assert _row(app, name).display, name
            assert app.query_one(f"#{name}", Input).value == str(getattr(want, name)), name
        assert app.query_one("#alpha", Input).value == f"{want.alpha:g}"
        assert _row(app, "arch").display and _row(app, "subwords").display
        assert not _row(app, "loss").display and not _row(app, "x_max").display
        assert app.query_one("#subwords", Select).value == "chars"
        assert "FastText" in text_of(app, "#train-status")
        app.query_one("#model", Select).value = "glove"
        await pilot.pause()
        assert not _row(app, "minn").display and _row(app, "x_max").display


async def test_fasttext_trains_from_the_form_and_saves_vec_and_facebook_bin(lecture, tmp_path):
    from engine.fasttext.vectors import FastTextVectors

    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await _fasttext_form(pilot, app, dim=12, epochs=5, bucket=2000, minn=2, maxn=4)
        app.query_one("#maxn", Input).value = "1"          # below minn: the engine says so
        await pilot.press("space")
        await pilot.pause()
        assert not app.training and "maxn" in text_of(app, "#maxn-error")
        app.query_one("#maxn", Input).value = "4"
        await pilot.press("space")
        await settle(app, pilot)
        assert not app.training
        kv = app.vectors
        assert isinstance(kv, FastTextVectors) and kv.dim == 12 and kv.bucket == 2000
        assert (kv.minn, kv.maxn) == (2, 4) and len(kv) == 12
        assert app.model is None
        assert "FastText sg d=12" in app.state.provenance.label()
        assert "words/s" in text_of(app, "#train-figures") and "done" in text_of(app, "#train-status")
        for name in ("m.bin", "m.vec"):
            await pilot.press("w")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, PathScreen)
            screen.query_one(Input).value = str(tmp_path / name)
            await pilot.press("enter")
            await settle(app, pilot)
        back = FastTextVectors.load_facebook(tmp_path / "m.bin")     # Facebook's model format
        assert back.bucket == 2000 and back.words == kv.words
        assert abs(back.similarity("cat", "dog") - kv.similarity("cat", "dog")) < 1e-5
        assert (tmp_path / "m.vec").read_text().split("\n", 1)[0] == "12 12"


async def test_a_diverging_fasttext_run_says_why_and_keeps_no_bad_vectors(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await _fasttext_form(pilot, app, dim=50, epochs=3, alpha=100, bucket=2000)
        await pilot.press("space")
        await settle(app, pilot)
        assert not app.training
        assert "diverged" in text_of(app, "#train-message")
        assert "failed" in text_of(app, "#train-status")
        kv = app.vectors
        if kv is not None:                    # the last good weights, said so, never NaN
            import numpy as np

            assert np.isfinite(kv.vectors).all()
            assert app.state.provenance.origin == "failed"
        assert app.state.side_by_side() == []          # a failed run is not compared
        await pilot.press("2")                         # the app is still usable
        assert app.current_pane().id == "onehot-pane"


async def test_jamo_vectors_refuse_the_bin_format_in_the_dialog(tmp_path):
    from corpora import open_corpus

    app = WordlabApp(corpus=open_corpus("lecture-ko"))
    async with app.run_test(size=(80, 24)) as pilot:
        await _fasttext_form(pilot, app, dim=8, epochs=2, bucket=2000)
        app.query_one("#subwords", Select).value = "jamo"
        await pilot.press("space")
        await settle(app, pilot)
        assert app.vectors.subwords == "jamo"
        await pilot.press("w")
        await pilot.pause()
        field = app.screen.query_one(Input)
        assert field.value.endswith(".fasttext.vec")          # the name offered: a format that fits
        field.value = str(tmp_path / "ko.bin")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PathScreen)              # refused, said in the dialog
        assert "jamo" in " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert not (tmp_path / "ko.bin").exists()
