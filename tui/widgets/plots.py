"""Plots drawn in the terminal with plotext (braille), via textual-plotext's PlotextPlot.

Three rules, each from a bug seen on screen (issue 8):

- **Never plotext's log scale.**  plotext re-applies log10 to the data on every build, and
  Textual builds again on every repaint (a tab switch, a resize): the second build takes the
  log of a log and raises ``ValueError: math domain error``.  Log axes are drawn by plotting
  the exponents (``log10(y)``) with the decades as tick labels.
- **Ticks are ours.**  plotext's automatic linear ticks are unevenly spaced and their labels
  are rounded off the rows they sit on (``4.14 / 3.71 / 2.86`` on equal rows): ``nice_ticks``
  gives evenly spaced 1-2-2.5-5 values, and at render time (when the height is known) the y
  axis is stretched so that every tick sits exactly on a row, the same number of rows apart.
- **Labels are measured in cells.**  plotext writes one character per cell, so a Korean
  (double-width) label pushed the border out and blanked the row below.  Scatter labels are
  drawn over plotext's output, measured with ``rich.cells.cell_len``, and a label that would
  collide with another label or a point moves to the point's other side, or is left out
  (the point stays).  A title or axis label with double-width characters (Korean) goes to
  plotext as a stand-in of as many narrow characters as it takes cells (``_narrow``), and
  the real text replaces the stand-in in the drawing.

``Plot.render`` never raises: if plotext fails the widget shows one line saying so, so a
redraw can never take the app (and a training run in it) down.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual_plotext import PlotextPlot

#: stand-in characters for wide texts (one per text of a figure: title, x label, y label)
_STAND_INS = "¤¦§"


def log_ticks(lo: float, hi: float) -> list[float]:
    """Tick values for a log10 axis spanning 10**lo .. 10**hi: the decades, and 2 and 5
    times them when fewer than three decades fit (a short axis still gets labels)."""
    decades = range(math.floor(lo) - 1, math.ceil(hi) + 1)
    inside = [10.0 ** d for d in decades if lo - 1e-9 <= d <= hi + 1e-9]
    if len(inside) >= 3:
        return inside
    return [m * 10.0 ** d for d in decades for m in (1, 2, 5)
            if lo - 1e-9 <= d + math.log10(m) <= hi + 1e-9]


def decade_ticks(lo: float, hi: float, most: int = 6) -> list[int]:
    """Whole exponents k covering lo..hi (exponents of ten), at most ``most`` of them (every
    second, third ... decade on a long axis), always including the top one."""
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return []
    ks = list(range(math.floor(lo), math.ceil(hi) + 1))
    step = max(1, math.ceil(len(ks) / most))
    return ks[::-1][::step][::-1]


def nice_ticks(lo: float, hi: float, most: int = 5) -> tuple[list[float], list[str]]:
    """Evenly spaced round tick values covering ``lo..hi`` (steps of 1, 2, 2.5 or 5 times a
    power of ten, at most ``most`` ticks) and their labels, written with as many decimals as
    the step needs, so every label is exactly its value."""
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return [], []
    if hi < lo:
        lo, hi = hi, lo
    if hi - lo < 1e-12 * max(1.0, abs(lo)):
        pad = abs(lo) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    most = max(2, most)
    raw = (hi - lo) / (most - 1)
    mag = 10.0 ** math.floor(math.log10(raw))
    for m in (1.0, 2.0, 2.5, 5.0, 10.0, 20.0):
        step = m * mag
        start = math.floor(lo / step + 1e-9) * step
        stop = math.ceil(hi / step - 1e-9) * step
        count = int(round((stop - start) / step)) + 1
        if count <= most:
            break
    decimals = max(0, -math.floor(math.log10(step) + 1e-9))
    if abs(step / 10.0 ** -decimals - round(step / 10.0 ** -decimals)) > 1e-6:
        decimals += 1          # 2.5, 0.25: one more place
    values = [start + k * step for k in range(count)]
    values = [round(v, decimals + 2) for v in values]
    labels = [_tick_label(v, decimals) for v in values]
    return values, labels


def _tick_label(v: float, decimals: int) -> str:
    if abs(v) >= 1e6 and decimals == 0:
        return f"{v:,.0f}"
    s = f"{v:,.{decimals}f}"
    return s[1:] if s.startswith("-") and float(s.replace(",", "")) == 0 else s


class Plot(PlotextPlot):
    """A PlotextPlot that only redraws while visible, takes whole data sets at once and never
    raises from ``render``."""

    def __init__(self, title: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._title = title
        self._empty_note = ""
        self._labels: list[tuple[str, float, float]] = []
        self._limits: tuple[float, float, float, float] | None = None
        self._yrange: tuple[float, float] | None = None
        self._axis_labels = False
        self._shown_title = title
        self._wide: dict[str, str] = {}     # stand-in -> the wide text it stands for

    def set_title(self, title: str) -> None:
        """A new title (a language switch): shown at the next drawing of the figure."""
        if self._shown_title == self._title:
            self._shown_title = title
        self._title = title

    def _narrow(self, text: str) -> str:
        """``text`` as plotext may take it: itself when every character is one cell wide,
        else a run of one stand-in character as long as the text is wide (``render`` puts the
        text back over it)."""
        width = cell_len(text)
        if width == len(text) or len(self._wide) >= len(_STAND_INS):
            return text
        stand_in = _STAND_INS[len(self._wide)] * width
        self._wide[stand_in] = text
        return stand_in

    def _put_back_wide(self, drawn: Text) -> Text:
        """The wide texts over their stand-ins (same cells), keeping the styles around them."""
        for stand_in, text in self._wide.items():
            at = drawn.plain.find(stand_in)
            if at < 0:
                continue
            old = drawn[at:at + len(stand_in)]
            new = Text(text, style=old.style)
            for span in old.spans:
                new.stylize(span.style, 0, len(text))
            drawn = Text.assemble(drawn[:at], new, drawn[at + len(stand_in):])
        return drawn

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
        the last drawing until the data, the size or the theme changes.  An error in plotext
        becomes one line on screen instead of an exception that would end the app."""
        key = (self.size, getattr(self, "_version", 0), self.app.theme, self.theme)
        if getattr(self, "_drawn_key", None) != key:
            try:
                if self._yrange is not None:
                    self._fit_y_ticks(self._plot_rows())
                drawn = super().render()
                if self._yrange is not None:
                    box = _frame(drawn.plain.split("\n"))
                    if box is not None and box[2] - box[0] - 1 != self._plot_rows():
                        self._fit_y_ticks(box[2] - box[0] - 1)   # plotext's own count wins
                        drawn = super().render()
                if self._labels and self._limits is not None:
                    drawn = self._overlay_labels(drawn)
                if self._wide:
                    drawn = self._put_back_wide(drawn)
            except Exception as exc:   # noqa: BLE001 - a redraw must never end the app
                from tui.i18n import t

                drawn = Text(t("plot.error", error=f"{type(exc).__name__}: {exc}"),
                             style="bold", no_wrap=True, overflow="ellipsis")
            self._drawn = drawn
            self._drawn_key = key
        return self._drawn

    def _reset(self, title: str | None) -> None:
        plt = self.plt
        plt.clear_figure()
        self._shown_title = self._title if title is None else title
        self._wide = {}
        plt.title(self._narrow(self._shown_title))
        self._labels = []
        self._limits = None
        self._yrange: tuple[float, float] | None = None   # a linear y axis: ticks at render
        self._axis_labels = False

    def _plot_rows(self) -> int:
        """Rows inside plotext's frame: the widget's height less the title, the frame, the x
        tick labels and the axis-label row."""
        return self.size.height - 3 - bool(self._shown_title) - self._axis_labels

    def _fit_y_ticks(self, rows: int) -> None:
        """Round, evenly spaced ticks that each sit exactly on a row: plotext maps ylim's low
        end to the bottom row and its high end to the top one, so with ``g`` rows between
        ticks the axis runs from the first tick to first + step * (rows - 1) / g."""
        lo, hi = self._yrange
        if rows < 2:
            return
        values, labels = nice_ticks(lo, hi, most=max(2, min(5, (rows - 1) // 2 + 1)))
        while len(values) > 2 and (rows - 1) // (len(values) - 1) < 1:
            values, labels = nice_ticks(lo, hi, most=len(values) - 1)
        if len(values) < 2:
            return
        step = values[1] - values[0]
        gap = max(1, (rows - 1) // (len(values) - 1))
        top = values[0] + step * (rows - 1) / gap
        keep = [(v, t) for v, t in zip(values, labels) if v <= top + 1e-9 * abs(step)]
        self.plt.ylim(values[0], top)
        self.plt.yticks([v for v, _ in keep], [t for _, t in keep])

    def clear(self, note: str = "") -> None:
        self._reset(self._title if not note else f"{self._title}: {note}")
        self.refresh()

    # -- lines ---------------------------------------------------------------------------
    def line(self, xs: Sequence[float], ys: Sequence[float], *, xlabel: str = "", ylabel: str = "",
             log: bool = False, marker: str = "braille", title: str | None = None) -> None:
        """One series; ``log``: both axes log10 (the exponents are plotted, decades labelled)."""
        self.lines([("", xs, ys, None)], xlabel=xlabel, ylabel=ylabel, logx=log, logy=log,
                   marker=marker, title=title)

    def lines(self, series: Sequence[tuple[str, Sequence[float], Sequence[float], str | None]], *,
              xlabel: str = "", ylabel: str = "", logx: bool = False, logy: bool = False,
              marker: str = "braille", title: str | None = None) -> None:
        """Several series ``(name, xs, ys, colour)`` on the same axes.  Names are not drawn
        inside the chart (plotext's legend box covers the curves): say which is which beside
        it, in the colour given.  On a log axis values <= 0 are left out, not invented."""
        self._reset(title)
        plt = self.plt
        cleaned = []
        for name, xs, ys, colour in series:
            pts = [(float(x), float(y)) for x, y in zip(xs, ys)
                   if math.isfinite(x) and math.isfinite(y)
                   and (not logx or x > 0) and (not logy or y > 0)]
            if logx:
                pts = [(math.log10(x), y) for x, y in pts]
            if logy:
                pts = [(x, math.log10(y)) for x, y in pts]
            cleaned.append((name, pts, colour))
        all_x = [x for _, pts, _ in cleaned for x, _ in pts]
        all_y = [y for _, pts, _ in cleaned for _, y in pts]
        for axis, values, log in (("x", all_x, logx), ("y", all_y, logy)):
            if not values:
                continue
            ticks, lim = (plt.xticks, plt.xlim) if axis == "x" else (plt.yticks, plt.ylim)
            if log:
                lo, hi = min(values), max(values)
                if hi - lo >= 2:
                    ks = decade_ticks(lo, hi)
                    ticks([float(k) for k in ks], [_decade_label(k) for k in ks])
                else:
                    places = log_ticks(lo, hi)
                    ticks([math.log10(v) for v in places], [f"{v:,g}" for v in places])
            elif axis == "y":
                self._yrange = (min(values), max(values))      # ticks fitted to the rows
            else:
                vals, labels = nice_ticks(min(values), max(values))
                if vals:
                    ticks(vals, labels)
                    lim(vals[0], vals[-1])
        for name, pts, colour in cleaned:
            if pts:
                kwargs = {"marker": marker}
                if colour:
                    kwargs["color"] = colour
                plt.plot([x for x, _ in pts], [y for _, y in pts], **kwargs)
        if xlabel:
            plt.xlabel(self._narrow(xlabel))
        if ylabel:
            plt.ylabel(self._narrow(ylabel))
        self._axis_labels = bool(xlabel or ylabel)
        self.refresh()

    # -- labelled points -------------------------------------------------------------------
    def scatter_labels(self, points: Sequence[tuple[str, float, float]],
                       segments: Sequence[tuple[int, int]] = (), title: str | None = None) -> None:
        """Labelled points; ``segments`` are index pairs joined by a line (an analogy's arrows).

        Earlier points win: a label that would overlap one already placed (or a point) is moved
        to the left of its point, and left out if that collides too."""
        self._reset(title)
        plt = self.plt
        if not points:
            self.refresh()
            return
        xs = [float(p[1]) for p in points]
        ys = [float(p[2]) for p in points]
        for i, j in segments:
            plt.plot([xs[i], xs[j]], [ys[i], ys[j]], marker="braille")
        plt.scatter(xs, ys, marker="●")
        dx = (max(xs) - min(xs)) or 1.0
        dy = (max(ys) - min(ys)) or 1.0
        widest = max(cell_len(str(p[0])) for p in points)
        # room on the right of the rightmost point for the widest label (and its gap), so
        # that label need not go to the left where it could read as a neighbour's
        lo_x = min(xs) - 0.08 * dx
        span = (self.size.width or 80) - 3            # cells between the frame's sides
        room = max(span - widest - 3, span / 3)
        hi_x = lo_x + (max(xs) - lo_x) * span / room
        lo_y, hi_y = min(ys) - 0.12 * dy, max(ys) + 0.12 * dy
        plt.xlim(lo_x, hi_x)
        plt.ylim(lo_y, hi_y)
        plt.xticks([])
        plt.yticks([])
        self._labels = [(str(w), float(x), float(y)) for w, x, y in points]
        self._limits = (lo_x, hi_x, lo_y, hi_y)
        self.refresh()

    def _overlay_labels(self, drawn: Text) -> Text:
        """Write the scatter labels into plotext's drawing, cell by cell."""
        lines = drawn.split("\n", allow_blank=True)
        plain = [ln.plain for ln in lines]
        box = _frame(plain)
        if box is None:
            return drawn
        top, left, bottom, right = box       # the frame's corner cells
        rows = bottom - top - 1               # plot cells inside the frame
        cols = right - left - 1
        if rows < 1 or cols < 1:
            return drawn
        lo_x, hi_x, lo_y, hi_y = self._limits

        def cell(x: float, y: float) -> tuple[int, int]:
            c = left + 1 + round((x - lo_x) / (hi_x - lo_x) * (cols - 1))
            r = top + 1 + round((hi_y - y) / (hi_y - lo_y) * (rows - 1))
            return r, c

        # the points as drawn: each label goes to the nearest unclaimed one (plotext rounds
        # its own way), and no label may cover any of them
        dots = {(r, c) for r in range(top + 1, bottom) for c, ch in enumerate(plain[r])
                if ch == "●" and left < c < right}
        claimed: set[tuple[int, int]] = set()

        def snap(r: int, c: int) -> tuple[int, int]:
            # unclaimed first; two points in one cell share it (the second label goes left)
            near = sorted(((r + dr, c + dc) in claimed, abs(dr) + abs(dc), r + dr, c + dc)
                          for dr in range(-2, 3) for dc in range(-2, 3)
                          if (r + dr, c + dc) in dots)
            spot = near[0][2:] if near else (r, c)
            claimed.add(spot)
            return spot

        spots = [snap(*cell(x, y)) for _, x, y in self._labels]
        taken: dict[int, list[tuple[int, int]]] = {}   # row -> [(start, end)) of cells in use
        for r, c in dots | set(spots):
            taken.setdefault(r, []).append((c, c + 1))

        def free(r: int, a: int, b: int, own: int) -> bool:
            if a <= left or b > right:
                return False
            # one blank cell between neighbouring labels; a label may touch only its own point
            return all(b + 1 <= s or e + 1 <= a for s, e in taken.get(r, [])
                       if (s, e) != (own, own + 1))

        placed: list[tuple[int, int, str]] = []
        for (word, _, _), (r, c) in zip(self._labels, spots):
            w = cell_len(word)
            if not top < r < bottom or w == 0:
                continue
            for a in (c + 2, c - 1 - w):     # right of the point, else left of it
                if free(r, a, a + w, c):
                    taken[r].append((a, a + w))
                    placed.append((r, a, word))
                    break
        # right to left along a row: a wide label written first would shift the cells after it
        for r, a, word in sorted(placed, key=lambda p: (p[0], -p[1])):
            lines[r] = _put(lines[r], a, word)
        out = Text("\n").join(lines)
        return out


def _decade_label(k: int) -> str:
    return {0: "1", 1: "10", 2: "100", 3: "1,000"}.get(k, f"1e{k}")


def _frame(plain: list[str]) -> tuple[int, int, int, int] | None:
    """(top, left, bottom, right) of plotext's frame (the ┌ ┐ └ ┘ corners), or None."""
    top = next((r for r, ln in enumerate(plain) if "┌" in ln), None)
    bottom = next((r for r in range(len(plain) - 1, -1, -1) if "└" in plain[r]), None)
    if top is None or bottom is None or bottom <= top:
        return None
    left = plain[top].index("┌")
    right = plain[top].rfind("┐")
    if right <= left:
        return None
    return top, left, bottom, right


def _put(line: Text, start: int, word: str) -> Text:
    """``line`` (one character per cell, as plotext draws) with ``word`` written over the cells
    from ``start``, as many cells as the word is wide (a Korean syllable takes two)."""
    w = cell_len(word)
    head = line[:start]
    tail = line[start + w:]
    # the label keeps the background of the cells underneath, in the text's own colour
    style = Style()
    for span in line.spans:
        if span.start <= start < span.end:
            s = span.style if isinstance(span.style, Style) else Style.parse(str(span.style))
            style += s.background_style
    return Text.assemble(head, Text(word, style=style), tail)
