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


# torch is a dependency, but an install without it (or with a broken one) must still answer
# --version and show the app's first screen: ``sys.modules["torch"] = None`` makes any
# ``import torch`` raise, so these fail if anything on those paths asks for it.
NO_TORCH = "import sys; sys.modules['torch'] = None\n"


def _run_without_torch(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", NO_TORCH + code], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_version_needs_no_torch() -> None:
    proc = _run_without_torch("sys.argv = ['wordlab', '--version']\n"
                              "from cli.main import run\nrun()")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("wordlab ") and proc.stderr == ""


def test_first_screen_needs_no_torch() -> None:
    code = """
import asyncio
from tui.app import WordlabApp

async def main():
    app = WordlabApp()
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(200):   # the corpus is read in a worker: wait for its figures
            await pilot.pause(0.02)
            summary = str(app.query_one("#corpus-summary").render())
            if "tokens" in summary:
                break
        print(app.query_one("#tabs").active)
        print(summary)

asyncio.run(main())
"""
    proc = _run_without_torch(code)
    assert proc.returncode == 0, proc.stderr
    tab, summary = proc.stdout.split("\n", 1)
    assert tab == "corpus"
    assert "lecture" in summary and "tokens 67" in summary, summary
