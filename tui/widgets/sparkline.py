"""A sparkline for a falling training curve (loss, perplexity) on an anchored scale.

Textual's ``Sparkline`` stretches its data to the widget's width and scales it from its
minimum to its maximum: the first point of a run fills the whole width, and once the loss
has settled, noise of 0.01 is drawn as jumps from the bottom to the top.  ``LossSparkline``
draws one column per point from the left (a run that has just started is a short stroke),
squeezes a long run into the width by averaging neighbours, and scales every point from
``floor`` (0 by default: a loss or a perplexity cannot go below it) to the largest value
seen (for a loss, its first), so the height of a column means the same thing all run long.
Several rows high, each row adds eight levels (▁ to █).

Assign a new list to ``data`` (``spark.data = list(buf)``), as with Textual's Sparkline.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

BLOCKS = " ▁▂▃▄▅▆▇█"


def column_levels(data: Sequence[float], width: int, height: int = 1,
                  floor: float = 0.0, ceiling: float | None = None) -> list[int]:
    """Each column's height in eighths of a row (0 .. 8 * height), one column per point
    (neighbours averaged when there are more points than columns).  Not-finite values are
    dropped.  The scale runs from ``floor`` to ``ceiling`` (default: the largest value)."""
    values = [float(v) for v in data if v is not None and math.isfinite(v)]
    if width <= 0 or height <= 0 or not values:
        return []
    if len(values) > width:
        per = len(values) / width
        values = [sum(values[int(k * per):max(int(k * per) + 1, int((k + 1) * per))])
                  / max(1, int((k + 1) * per) - int(k * per)) for k in range(width)]
    top = max(values) if ceiling is None else ceiling
    top = max(top, max(values))
    span = top - floor
    levels = 8 * height
    out = []
    for v in values:
        if span <= 0:
            out.append(levels)
            continue
        n = round((v - floor) / span * levels)
        out.append(max(1, min(levels, n)))     # a point is never invisible
    return out


class LossSparkline(Widget):
    """One column per point, scale anchored at ``floor`` .. the largest value (see module)."""

    DEFAULT_CSS = """
    LossSparkline {
        height: 1;
        width: 1fr;
        color: $accent;
    }
    """

    data: reactive[list[float]] = reactive(list, always_update=True)

    def __init__(self, data: Sequence[float] = (), *, floor: float = 0.0,
                 ceiling: float | None = None, name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.floor = floor
        self.ceiling = ceiling
        self.set_reactive(LossSparkline.data, list(data))

    def render(self) -> Text:
        width, height = self.size.width, max(1, self.size.height)
        levels = column_levels(self.data, width, height, self.floor, self.ceiling)
        rows = []
        for r in range(height):
            base = (height - 1 - r) * 8
            rows.append("".join(BLOCKS[max(0, min(8, n - base))] for n in levels))
        return Text("\n".join(rows), no_wrap=True)
