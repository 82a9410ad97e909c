"""Keys the user chooses: ``keys.toml`` in the platform's config directory (issue 12 §4).

Every key of the app has a binding id (``bind.<id>`` names it in the help); the file maps ids
to keys, in Textual's key names, several separated by commas::

    # ~/.config/wordlab/keys.toml   (Linux; `wordlab --help` says where on this machine)
    [keys]
    glove-step = "ctrl+g"
    "step.next" = "n,j"
    quit = "ctrl+q"

Textual's own keymap (``App.set_keymap``) applies it, so the footer, the palette and the help
show the chosen keys.  A file that cannot be read or has unknown ids is not fatal: the app
starts with what it could use and says in one notice what it ignored.  Plain data only
(``tomllib``): nothing in it is executed.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ENV = "WORDLAB_KEYS"        # a keys.toml elsewhere (tests, a lecturer's shared setup)


def keymap_path() -> Path:
    """Where the app looks for keys.toml (``WORDLAB_KEYS`` overrides)."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV]).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("wordlab")) / "keys.toml"


@dataclass
class Keymap:
    keys: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    path: Path | None = None


def load_keymap(known_ids: set[str], path: Path | None = None) -> Keymap:
    """The ``[keys]`` table of keys.toml: {binding id: keys} for the ids the app knows, and one
    line per thing ignored.  A missing file is an empty keymap, not a problem."""
    path = keymap_path() if path is None else path
    out = Keymap(path=path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return out
    except (OSError, UnicodeDecodeError) as err:
        out.problems.append(f"could not read {path}: {err}")
        return out
    except tomllib.TOMLDecodeError as err:
        out.problems.append(f"{path} is not valid TOML: {err}")
        return out
    table = data.get("keys", {})
    if not isinstance(table, dict):
        out.problems.append(f"{path}: [keys] must be a table of binding id = \"key\"")
        return out
    for bid, keys in table.items():
        if bid not in known_ids:
            out.problems.append(f"unknown key id {bid!r}")
        elif not isinstance(keys, str) or not keys.strip():
            out.problems.append(f"{bid}: the key must be a string such as \"ctrl+g\" (got {keys!r})")
        else:
            out.keys[bid] = ",".join(k.strip() for k in keys.split(",") if k.strip())
    for section in data:
        if section != "keys":
            out.problems.append(f"{path}: unknown section [{section}] (only [keys])")
    return out


def binding_ids() -> set[str]:
    """Every binding id of the app: the classes' ``BINDINGS`` (app, panes, widgets) and the
    screens that build theirs when opened (lesson, GloVe and FastText step modes)."""
    from textual.binding import Binding
    from textual.dom import DOMNode

    import importlib
    import pkgutil

    import tui.panes
    import tui.widgets

    for package in (tui.panes, tui.widgets):   # every pane and widget class, mounted or not
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            importlib.import_module(info.name)
    import tui.app  # noqa: F401
    from tui.lesson.screen import lesson_bindings
    from tui.panes.fasttext_step import fasttext_step_bindings
    from tui.panes.glove_step import glove_step_bindings

    ids: set[str] = set()

    def add(bindings) -> None:
        for b in bindings:
            if isinstance(b, Binding) and b.id:
                ids.add(b.id)

    stack = list(DOMNode.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.__module__.startswith("tui."):
            add(cls.__dict__.get("BINDINGS", []))
    for make in (lesson_bindings, glove_step_bindings, fasttext_step_bindings):
        add(make())
    return ids
