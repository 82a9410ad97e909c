"""Snapshots of Evaluate's side-by-side table at 80x24, in English and Korean: Word2Vec, GloVe
and FastText trained on toy-world by the engine on one thread (the same numbers every run).

Update after reviewing the report: `pytest tests/tui/test_compare_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import pytest

from tests.tui.compare_support import three_models
from tests.tui.conftest import settle


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_evaluate_compares_three_models(snap_compare, lang):
    app, setup = three_models()

    async def before(pilot):
        setup(pilot.app)
        if lang == "ko":
            await pilot.press("f2")
        await pilot.press("6")
        await settle(pilot.app, pilot)
        await pilot.press("c")
        await settle(pilot.app, pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=before)
