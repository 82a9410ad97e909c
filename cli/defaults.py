"""Defaults that live in the engine, shown in ``--help`` without importing the engine early.

A flag whose default is the engine's own has ``default=None`` ("not given": the engine's value
applies) and ``%(engine)s`` in its help; ``EngineDefaultsFormatter`` fills that in from
``engine_default(action)`` only when help is printed.  Importing the engine loads numpy
(~0.2 s), which ``wordlab`` alone - opening the app - must not pay while building the parser.
So the numbers exist once, in the engine (``Word2VecConfig``, the signatures of
``KeyedVectors.most_similar`` and ``evaluate_analogies``), and nothing in cli/ repeats them.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
from collections.abc import Callable
from typing import Any

ENGINE = "%(engine)s"


def parameter_default(where: str, name: str) -> Any:
    """The default of parameter ``name`` of ``where`` ("engine.vectors:KeyedVectors.most_similar")."""
    module, _, path = where.partition(":")
    obj: Any = importlib.import_module(module)
    for part in path.split("."):
        obj = getattr(obj, part)
    return inspect.signature(obj).parameters[name].default


def engine_default(action: argparse.Action, getter: Callable[[], Any]) -> argparse.Action:
    """Mark ``action`` as defaulting to ``getter()`` (called only to show help)."""
    action.engine_default = getter          # type: ignore[attr-defined]
    return action


def show(value: Any) -> str:
    if value is None:
        return "no limit"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class EngineDefaultsFormatter(argparse.RawDescriptionHelpFormatter):
    """Fills ``%(engine)s`` in a flag's help with the engine's default, at help time."""

    def _get_help_string(self, action):
        text = action.help or ""
        getter = getattr(action, "engine_default", None)
        if ENGINE in text and getter is not None:
            text = text.replace(ENGINE, show(getter()))
        return text
