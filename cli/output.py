"""What every subcommand shares: the stderr console, one-line errors and JSON output.

stdout carries results only (a table, a summary line, or JSON with ``--json``), so
``wordlab query F --similar cat --json | jq`` works; progress bars, notes and errors
go to stderr.
"""

from __future__ import annotations

import json
import math
import sys
from typing import Any

PROG = "wordlab"


def stderr_console():
    """A rich console on stderr (progress bars, notes). Imported lazily: rich is not cheap."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def stdout_console():
    from rich.console import Console

    return Console(highlight=False)


def one_line(text: str) -> str:
    """Collapse a message onto one line (an error must never spill over several)."""
    return " ".join(str(text).split())


def error(message: str) -> None:
    """Print ``wordlab: error: <message>`` as exactly one line on stderr."""
    sys.stderr.write(f"{PROG}: error: {one_line(message)}\n")
    sys.stderr.flush()


def note(message: str) -> None:
    """An informational line on stderr (never on stdout, which may be JSON)."""
    sys.stderr.write(f"{PROG}: {one_line(message)}\n")
    sys.stderr.flush()


def describe_os_error(err: OSError) -> str:
    """``'corpus.txt': No such file or directory`` rather than ``[Errno 2] ...``."""
    reason = err.strerror or str(err) or type(err).__name__
    if err.filename is not None:
        where = repr(str(err.filename))
        if err.filename2 is not None:
            where += f" -> {str(err.filename2)!r}"
        return f"{where}: {reason}"
    return reason


def number(x: Any) -> float | int | None:
    """A JSON-safe number: NaN and infinities (not valid JSON) become null."""
    if x is None:
        return None
    if isinstance(x, bool):
        return x
    if isinstance(x, int):
        return x
    x = float(x)
    return x if math.isfinite(x) else None


def print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
    sys.stdout.flush()


def fmt_count(n: int) -> str:
    return f"{n:,}"


def fmt_seconds(s: float | None) -> str:
    if s is None or not math.isfinite(s):
        return "?"
    s = max(0.0, s)
    if s < 60:
        return f"{s:.1f} s"
    m, sec = divmod(int(round(s)), 60)
    if m < 60:
        return f"{m}:{sec:02d}"
    h, m = divmod(m, 60)
    return f"{h}:{m:02d}:{sec:02d}"


def fmt_score(x: float | None, digits: int = 4) -> str:
    if x is None or not math.isfinite(float(x)):
        return "n/a"
    return f"{float(x):.{digits}f}"


def fmt_loss(x: float | None) -> str:
    """4 decimals for a sane loss, scientific notation for a runaway one."""
    if x is None or not math.isfinite(float(x)):
        return "n/a"
    x = float(x)
    return f"{x:.4f}" if abs(x) < 1e4 else f"{x:.3e}"
