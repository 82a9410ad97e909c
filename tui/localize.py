"""The app's language, live: key descriptions, labels and messages follow ``tui.i18n``.

Textual keeps a node's key bindings in ``node._bindings`` (a ``BindingsMap`` copied from the
class's ``BINDINGS`` when the node is created); the footer, the palette and the help read the
descriptions and tooltips from there.  A binding with an ``id`` takes both from the message
table (``bind.<id>`` and ``bind.<id>.tip``), so ``localize_bindings(node)`` gives a node its
keys in the current language and ``relocalize(app)`` redoes it for every node after a switch.

Widgets whose text is a message carry it with them, so a switch redraws them in place without
rebuilding the pane (a running training and the user's fields are untouched):

- ``tr(widget, key, **fields)``: a label, checkbox, button or placeholder that is a message;
- ``say(static, content)``: what a status line shows, as a ``Msg``, a plain string, a list of
  them (one line each) or a callable that returns a renderable (called again on a switch);
- a widget with a ``relocalize()`` method (every pane) redraws what it builds itself.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from tui.i18n import has, t


class Msg:
    """A message of the table, formatted when shown (in the language of that moment).

    A field may itself be a ``Msg``, or a callable that returns the field's text (both are
    shown in the same language)."""

    __slots__ = ("key", "fields")

    def __init__(self, key: str, **fields: Any) -> None:
        self.key = key
        self.fields = fields

    def __str__(self) -> str:
        return t(self.key, **{k: (str(v) if isinstance(v, Msg) else v() if callable(v) else v)
                              for k, v in self.fields.items()})

    def __repr__(self) -> str:
        return f"Msg({self.key!r}, {self.fields!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Msg) and (self.key, self.fields) == (other.key, other.fields)

    def __hash__(self) -> int:
        return hash(self.key)


def render(content: Any) -> Any:
    """What ``content`` shows now: a Msg's text, lines joined, a callable's result."""
    if isinstance(content, Msg):
        return str(content)
    if isinstance(content, (list, tuple)):
        return "\n".join(str(render(part)) for part in content)
    if callable(content):
        return content()
    return content


def say(widget: Any, content: Any) -> None:
    """Show ``content`` on a Static and keep it, so that a language switch redraws it."""
    widget._i18n_content = content
    widget.update(render(content))


def tr(widget: Any, key: str, **fields: Any) -> Any:
    """Make the text of ``widget`` the message ``key`` (now and after a switch); returns it."""
    widget._i18n_key = Msg(key, **fields)
    _apply(widget)
    return widget


def _apply(widget: Any) -> None:
    from textual.widgets import Button, Input, Static
    from textual.widgets._toggle_button import ToggleButton

    text = str(widget._i18n_key)
    if isinstance(widget, Input):
        widget.placeholder = text
    elif isinstance(widget, (Button, ToggleButton)):
        widget.label = text
    elif isinstance(widget, Static):
        widget.update(text)
    elif hasattr(widget, "set_title"):
        widget.set_title(text)


def localized(binding: Binding) -> Binding:
    """``binding`` with its description and tooltip in the current language (by its id)."""
    bid = binding.id
    if binding.action in ("command_palette", "app.command_palette") and not bid:
        bid = "palette"                     # Textual's own Ctrl+P, added without an id
    if not bid or not has(f"bind.{bid}"):
        return binding
    description = t(f"bind.{bid}") if binding.description else binding.description
    tip_key = f"bind.{bid}.tip"
    tooltip = t(tip_key) if has(tip_key) else binding.tooltip
    return replace(binding, description=description, tooltip=tooltip)


def binding(key: str, action: str, *, id: str, show: bool = True, **kwargs: Any) -> Binding:
    """A Binding whose description and tooltip are the messages ``bind.<id>`` and
    ``bind.<id>.tip`` (in the language of the moment; nodes are localized again on a switch)."""
    tip_key = f"bind.{id}.tip"
    return Binding(key, action, t(f"bind.{id}"), show=show, id=id,
                   tooltip=t(tip_key) if has(tip_key) else "", **kwargs)


def localize_bindings(node: DOMNode) -> None:
    """Give ``node`` its keys in the current language (Textual reads ``node._bindings``)."""
    bindings = getattr(node, "_bindings", None)
    if not isinstance(bindings, BindingsMap):
        return
    keys = {key: [localized(b) for b in group] for key, group in bindings.key_to_bindings.items()}
    node._bindings = BindingsMap.from_keys(keys)


def own_bindings(node: Any) -> list[Binding]:
    """The bindings a node declares itself (its ``BINDINGS``), in the current language."""
    return [localized(b) if isinstance(b, Binding) else b for b in getattr(node, "BINDINGS", [])]


def relocalize_node(node: DOMNode) -> None:
    localize_bindings(node)
    if getattr(node, "_i18n_key", None) is not None:
        _apply(node)
    if hasattr(node, "_i18n_content"):
        node.update(render(node._i18n_content))
    hook = getattr(node, "relocalize", None)
    if callable(hook):
        hook()


def relocalize(app: Any) -> None:
    """After a language switch: every node of every screen (shown, stacked or installed)
    takes the new language; the footer follows from the bindings."""
    relocalize_node(app)
    screens = list(app.screen_stack)
    for screen in getattr(app, "_installed_screens", {}).values():
        if isinstance(screen, DOMNode) and screen not in screens:
            screens.append(screen)
    for screen in screens:
        for node in screen.walk_children(with_self=True):
            relocalize_node(node)
    for screen in screens:
        screen.refresh_bindings()
