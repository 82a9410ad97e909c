"""Plots drawn in the terminal with plotext (braille), via textual-plotext's PlotextPlot."""

from __future__ import annotations

import math
from collections.abc import Sequence

from textual_plotext import PlotextPlot


def log_ticks(lo: float, hi: float) -> list[float]:
    """Tick values for a log10 axis spanning 10**lo .. 10**hi: the decades, and 2 and 5
    times them when fewer than three decades fit (a short axis still gets labels)."""
    decades = range(math.floor(lo) - 1, math.ceil(hi) + 1)
    inside = [10.0 ** d for d in decades if lo - 1e-9 <= d <= hi + 1e-9]
    if len(inside) >= 3:
        return inside
    return [m * 10.0 ** d for d in decades for m in (1, 2, 5)
            if lo - 1e-9 <= d + math.log10(m) <= hi + 1e-9]


class Plot(PlotextPlot):
    """A PlotextPlot that only redraws while visible and takes whole data sets at once."""

    def __init__(self, title: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._title = title
        self._empty_note = ""

    def on_mount(self) -> None:
        super().on_mount()
        self.clear("")

    def refresh(self, *args, **kwargs):
        # every data change goes through refresh(); the cached drawing is then stale
        self._version = getattr(self, "_version", 0) + 1
        return super().refresh(*args, **kwargs)

    def render(self):
        """plotext rebuilds the whole figure in Python on each call; Textual calls render
        again whenever the widget is shown or the screen repaints (a tab switch), so keep
        the last drawing until the data, the size or the theme changes."""
        key = (self.size, getattr(self, "_version", 0), self.app.theme, self.theme)
        if getattr(self, "_drawn_key", None) != key:
            self._drawn = super().render()
            self._drawn_key = key
        return self._drawn

    def clear(self, note: str = "") -> None:
        plt = self.plt
        plt.clear_figure()
        plt.title(self._title if not note else f"{self._title}: {note}")
        self.refresh()

    def line(self, xs: Sequence[float], ys: Sequence[float], *, xlabel: str = "", ylabel: str = "",
             log: bool = False, marker: str = "braille", title: str | None = None) -> None:
        plt = self.plt
        plt.clear_figure()
        plt.title(self._title if title is None else title)
        xs, ys = list(xs), list(ys)
        if log:
            # plotext's own log scale re-applies log10 on every build (each Textual render),
            # so plot the exponents and label the decades instead.
            pairs = [(x, y) for x, y in zip(xs, ys) if x > 0 and y > 0]
            xs = [math.log10(x) for x, _ in pairs]
            ys = [math.log10(y) for _, y in pairs]
            for ticks, values in ((plt.xticks, xs), (plt.yticks, ys)):
                if values:
                    places = log_ticks(min(values), max(values))
                    ticks([math.log10(v) for v in places], [f"{v:,g}" for v in places])
        if len(xs):
            plt.plot(xs, ys, marker=marker)
        if xlabel:
            plt.xlabel(xlabel)
        if ylabel:
            plt.ylabel(ylabel)
        self.refresh()

    def scatter_labels(self, points: Sequence[tuple[str, float, float]],
                       segments: Sequence[tuple[int, int]] = (), title: str | None = None) -> None:
        """Labelled points; ``segments`` are index pairs joined by a line (an analogy's arrows)."""
        plt = self.plt
        plt.clear_figure()
        plt.title(self._title if title is None else title)
        if not points:
            self.refresh()
            return
        xs = [p[1] for p in points]
        ys = [p[2] for p in points]
        for i, j in segments:
            plt.plot([xs[i], xs[j]], [ys[i], ys[j]], marker="braille")
        plt.scatter(xs, ys, marker="●")
        # labels start one character cell to the right of their point
        dx = (max(xs) - min(xs)) or 1.0
        dy = (max(ys) - min(ys)) or 1.0
        lo_x, hi_x = min(xs) - 0.08 * dx, max(xs) + 0.35 * dx
        cell = (hi_x - lo_x) / max(10, self.size.width - 8)
        for word, x, y in points:
            plt.text(word, x + 1.5 * cell, y, alignment="left")
        plt.xlim(lo_x, hi_x)
        plt.ylim(min(ys) - 0.12 * dy, max(ys) + 0.12 * dy)
        plt.xticks([])
        plt.yticks([])
        self.refresh()
