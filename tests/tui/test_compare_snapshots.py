"""Snapshots of Evaluate's side-by-side table at 80x24, in English and Korean, over three sets
of hand-made vectors standing for Word2Vec, GloVe and FastText on toy-world (the same numbers
on any CPU; tests/tui/compare_support.py says why, test_compare_models.py trains for real).

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
