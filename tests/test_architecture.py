"""The engine knows nothing of the UI (harlequin's import contract, as a test).

engine/ and corpora/ must import without textual or rich, so the CLI and other
programs can use them headless; and the app's first screen must not pay for torch (nor
numba: the compiled kernels are imported when training starts).
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _modules(package: str) -> list[str]:
    path = ROOT / package
    return [f"{package}.{m.name}" for m in pkgutil.iter_modules([str(path)])]


def _imported_after(module: str) -> set[str]:
    code = (
        "import sys, importlib; importlib.import_module(%r); "
        "print('\\n'.join(sorted(m.split('.')[0] for m in sys.modules)))" % module
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


@pytest.mark.parametrize("module", _modules("engine") + _modules("corpora"))
def test_engine_and_corpora_never_import_the_ui(module: str) -> None:
    loaded = _imported_after(module)
    assert "textual" not in loaded, f"{module} pulls in textual"
    assert "rich" not in loaded, f"{module} pulls in rich"


@pytest.mark.parametrize("module", ["engine", "corpora", "cli.main", "tui.app"])
def test_light_imports_do_not_load_torch(module: str) -> None:
    loaded = _imported_after(module)
    for heavy in ("torch", "gensim", "scipy", "numba"):
        assert heavy not in loaded, f"importing {module} loads {heavy} (slow start-up)"
