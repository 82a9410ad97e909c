"""Ctrl+S: the current screen saved for the lecturer's notes, as SVG (Textual's screenshot,
with colours) and as plain text (what a terminal shows), named after the pane or the lesson
step, into a folder chosen once and remembered in the user's config directory."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path
from typing import Any

SETTINGS = "screenshots.json"


def _settings_file() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("wordlab")) / SETTINGS


def remembered_folder() -> str | None:
    """The folder chosen before, if it is still a folder (a settings file that cannot be
    read is treated as none: it is asked again)."""
    try:
        folder = json.loads(_settings_file().read_text(encoding="utf-8")).get("folder")
    except (OSError, ValueError, AttributeError):
        return None
    return folder if isinstance(folder, str) and os.path.isdir(folder) else None


def choose_folder(path: str) -> str:
    """Make ``path`` the screenshot folder (created if missing; OSError when it cannot be
    written) and remember it.  Returns the absolute folder."""
    folder = os.path.abspath(os.path.expanduser(path.strip() or "."))
    os.makedirs(folder, exist_ok=True)
    if not os.access(folder, os.W_OK | os.X_OK):
        from tui.i18n import t

        raise PermissionError(t("app.screen.cannot-write", folder=folder))
    settings = _settings_file()
    settings.parent.mkdir(parents=True, exist_ok=True)
    _write(settings, json.dumps({"folder": folder}, ensure_ascii=False) + "\n")
    return folder


def screen_name(app: Any) -> str:
    """'lesson-08-lstm-update' on a lesson step, else the pane: 'train', 'explore', ..."""
    screen = app.screen
    step = getattr(screen, "step", None)
    index = getattr(screen, "index", None)
    if step is not None and isinstance(index, int):
        key = re.sub(r"[^A-Za-z0-9_-]+", "-", str(getattr(step, "key", ""))).strip("-")
        return f"lesson-{index + 1:02d}" + (f"-{key}" if key else "")
    pane = app.current_pane() if hasattr(app, "current_pane") else None
    pane_id = getattr(pane, "id", None) or "screen"
    return pane_id.removesuffix("-pane")


def screen_text(app: Any) -> str:
    """The screen as plain text, a line per terminal row (trailing spaces removed)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text.rstrip() for strip in strips) + "\n"


def save_screen(app: Any, folder: str) -> tuple[str, str]:
    """Write NAME-YYYYmmdd-HHMMSS.svg and .txt into ``folder``; returns both paths."""
    base = os.path.join(folder, f"{screen_name(app)}-{time.strftime('%Y%m%d-%H%M%S')}")
    n = 1
    while os.path.exists(base + ".svg") or os.path.exists(base + ".txt"):
        n += 1
        base = base.rsplit("~", 1)[0] + f"~{n}"
    svg = app.export_screenshot(title=f"wordlab · {screen_name(app)}")
    _write(Path(base + ".svg"), svg)
    _write(Path(base + ".txt"), screen_text(app))
    return base + ".svg", base + ".txt"


def _write(path: Path, text: str) -> None:
    """Atomically (engine.vectors.atomic_write: a temporary file beside it, then a rename)."""
    from engine.vectors import atomic_write

    atomic_write(path, lambda f: f.write(text.encode("utf-8")))
