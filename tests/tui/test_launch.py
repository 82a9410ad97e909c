"""``wordlab toy-world toy.vec`` as the app sees it: the keyword arguments cli.main passes.

Needs ``WordlabApp(corpus_name=..., vectors_path=...)``: the app opens the corpus and loads
the vectors file in workers after its first frame."""

from __future__ import annotations

import numpy as np

from tests.tui.conftest import settle
from tui.app import WordlabApp


async def test_corpus_name_and_vectors_path_are_opened(tmp_path):
    from engine.vectors import KeyedVectors

    path = tmp_path / "toy.vec"
    KeyedVectors(["king", "queen", "man", "woman"], np.eye(4, 3, dtype=np.float32)).save(path)
    app = WordlabApp(corpus_name="toy-world", vectors_path=str(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.corpus is not None and app.corpus.name == "toy-world"
        assert app.vectors is not None and "queen" in app.vectors
        provenance = getattr(app.state, "provenance", None)
        assert provenance is not None and provenance.path == str(path)


async def test_a_bad_vectors_file_is_a_notice_not_a_crash(tmp_path):
    """The command line checks the header only; a file damaged further in is reported in
    the app, which keeps running on its corpus."""
    path = tmp_path / "bad.vec"
    path.write_text("2 3\nking 1 0\n", encoding="utf-8")
    app = WordlabApp(corpus_name="lecture", vectors_path=str(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.corpus is not None and app.vectors is None
        assert any("bad.vec" in str(n.message) for n in app._notifications)
