"""The plot and sparkline widgets: ticks that are their values, log axes that survive any number
of redraws, labels measured in cells that never overlap, and a render that never raises."""

from __future__ import annotations

import math

import pytest
from rich.cells import cell_len
from rich.console import Console
from textual.app import App, ComposeResult

from tui.widgets.plots import Plot, decade_ticks, nice_ticks
from tui.widgets.sparkline import LossSparkline, column_levels


def _lines(widget) -> list[str]:
    console = Console(width=widget.size.width, color_system=None, file=open("/dev/null", "w"),
                      legacy_windows=False)
    with console.capture() as cap:
        console.print(widget.render())
    return cap.get().splitlines()


class PlotApp(App):
    def compose(self) -> ComposeResult:
        yield Plot("plot", id="plot")
        yield LossSparkline(id="spark")


# -- ticks ----------------------------------------------------------------------------------
@pytest.mark.parametrize("lo,hi", [(1.59, 4.14), (0.0, 1.0), (3.81, 3.85), (-2.0, 7.5),
                                   (1234.0, 98765.0), (2.0, 2.0), (0.001, 0.0042)])
def test_nice_ticks_are_evenly_spaced_cover_the_data_and_read_exactly(lo, hi):
    values, labels = nice_ticks(lo, hi)
    assert 2 <= len(values) <= 5
    assert values[0] <= lo and values[-1] >= hi
    steps = [b - a for a, b in zip(values, values[1:])]
    assert max(steps) - min(steps) < 1e-9 * max(1.0, abs(max(steps)))
    for v, label in zip(values, labels):
        assert float(label.replace(",", "")) == pytest.approx(v, abs=1e-12)


def test_the_issue_loss_axis_gets_round_labels():
    values, labels = nice_ticks(1.59, 4.14)     # the axis that read 4.14 / 3.71 / 2.86 ...
    assert labels == ["1", "2", "3", "4", "5"]


def test_decade_ticks_thin_out_long_axes_and_keep_the_top():
    assert decade_ticks(-8.2, 0.0) == [-8, -6, -4, -2, 0]
    assert decade_ticks(-2.5, 0.0) == [-3, -2, -1, 0]


# -- log axes and errors -------------------------------------------------------------------------
async def test_a_log_plot_survives_redraws_and_resizes():
    """plotext's own log scale re-logged the data on each build (ValueError: math domain
    error on the second draw): the exponents are plotted instead."""
    app = PlotApp()
    async with app.run_test(size=(80, 24)) as pilot:
        plot = app.query_one(Plot)
        plot.lines([("a", [0, 1, 2, 3], [1e-9, 1e-5, 0.0, 1.0], "red"),
                    ("b", [0, 1, 2, 3], [0.2, 0.4, 0.6, 1.0], "cyan")], logy=True)
        await pilot.pause()
        first = "\n".join(_lines(plot))
        for size in ((60, 20), (100, 30), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            text = "\n".join(_lines(plot))
            assert "could not be drawn" not in text
        assert "1e-8" in first and "1e-2" in first
        assert "math domain" not in first


async def test_render_shows_one_line_instead_of_raising():
    app = PlotApp()
    async with app.run_test(size=(80, 24)) as pilot:
        plot = app.query_one(Plot)
        plot.plt.yscale("log")
        plot.plt.plot([1, 2, 3], [-1.0, 0.0, -5.0])     # what plotext cannot draw
        plot.refresh()
        await pilot.pause()
        lines = _lines(plot)
        assert lines and "the plot could not be drawn" in lines[0]
        assert app.is_running


# -- labelled points ------------------------------------------------------------------------------
async def test_korean_labels_keep_the_frame_and_no_label_overwrites_another():
    app = PlotApp()
    async with app.run_test(size=(80, 24)) as pilot:
        plot = app.query_one(Plot)
        points = [("고양이", 0.0, 0.0), ("강아지", 0.02, 0.01), ("draw", 1.0, 1.0),
                  ("cute", 1.06, 1.0), ("영화를 보다", 0.5, 0.5), ("picture", 0.9, 0.3),
                  ("movie", 0.88, 0.3)]
        plot.scatter_labels(points, title="PCA")
        await pilot.pause()
        lines = _lines(plot)
        widths = {cell_len(ln) for ln in lines if ln.strip()}
        assert widths == {plot.size.width}             # every row as wide as the widget
        body = "\n".join(lines)
        assert body.count("●") == len(points)          # every point is drawn
        for word in ("영화를 보다", "draw", "picture", "강아지"):
            assert word in body
        assert "drawute" not in body and "● drawute" not in body
        # a label is either whole or absent: no fragments of two labels run together
        for ln in lines:
            for word, _, _ in points:
                if word[:2] in ln and word not in ln and len(word) > 2:
                    assert word[:3] not in ln, (word, ln)


# -- sparkline ------------------------------------------------------------------------------------
def test_sparkline_levels_are_anchored_and_one_column_per_point():
    assert column_levels([4.0], width=40) == [8]                  # one point: one column
    levels = column_levels([4.0, 3.99, 4.01, 3.98], width=40)    # noise stays noise
    assert len(levels) == 4 and max(levels) - min(levels) <= 1
    assert column_levels([4.0, 2.0, 1.0], width=40, height=1) == [8, 4, 2]
    assert len(column_levels(list(range(100, 0, -1)), width=10)) == 10
    assert column_levels([float("nan"), 1.0], width=5) == [8]
    assert column_levels([], width=5) == []


async def test_sparkline_widget_draws_a_short_stroke_for_a_short_run():
    app = PlotApp()
    async with app.run_test(size=(40, 24)) as pilot:
        spark = app.query_one(LossSparkline)
        spark.data = [3.0]
        await pilot.pause()
        row = _lines(spark)[0]
        assert row.strip() == "█" and row.startswith("█")
        spark.data = [3.0, 1.5]
        await pilot.pause()
        assert _lines(spark)[0].rstrip() == "█▄"
        assert math.isclose(len(_lines(spark)[0].rstrip()), 2)


async def test_linear_y_ticks_sit_on_evenly_spaced_rows_with_their_exact_values():
    import re

    app = PlotApp()
    for height in (8, 11, 14, 17, 20):
        async with app.run_test(size=(60, height + 1)) as pilot:
            plot = app.query_one(Plot)
            plot.styles.height = height
            plot.line([1, 2, 3, 4, 5], [3.95, 3.93, 3.925, 3.912, 3.91], xlabel="epoch",
                      ylabel="loss")
            await pilot.pause()
            lines = _lines(plot)
            top = next(i for i, ln in enumerate(lines) if "┌" in ln)
            bottom = next(i for i, ln in enumerate(lines) if "└" in ln)
            ticks = [(i, float(m.group(1))) for i, ln in enumerate(lines)
                     if (m := re.match(r"\s*([-\d.,]+)┤", ln))]
            assert len(ticks) >= 2, lines
            rows = [i for i, _ in ticks]
            gaps = {b - a for a, b in zip(rows, rows[1:])}
            assert len(gaps) == 1, lines                        # evenly spaced
            assert ticks[-1][0] == bottom - 1                    # the first tick on the bottom row
            # each label is the value of its row: linear from the bottom tick
            (r0, v0), (r1, v1) = ticks[-1], ticks[-2]
            per_row = (v1 - v0) / (r0 - r1)
            for r, v in ticks:
                assert v == pytest.approx(v0 + (r0 - r) * per_row, abs=1e-9)
            assert top < rows[0]
        app = PlotApp()


async def test_two_wide_labels_on_one_row_each_sit_beside_their_own_point():
    """A Korean label written first used to shift every later label on its row by its extra
    cells (a label 2-4 cells away from its point read as a neighbour's)."""
    app = PlotApp()
    async with app.run_test(size=(80, 24)) as pilot:
        plot = app.query_one(Plot)
        plot.scatter_labels([("나는", 0.0, 0.0), ("너는", 0.4, 0.0), ("고양이를", 0.8, 0.0),
                             ("x", 0.4, 1.0)], title="PCA")
        await pilot.pause()
        row = next(ln for ln in _lines(plot) if "나는" in ln)
        assert "● 나는" in row and "● 너는" in row and "● 고양이를" in row, row


async def test_the_rightmost_label_has_room_on_the_right():
    app = PlotApp()
    async with app.run_test(size=(42, 14)) as pilot:
        plot = app.query_one(Plot)
        plot.scatter_labels([("좋아한다", 0.0, 0.0), ("고양이를", 1.0, 0.05), ("개를", 0.5, 1.0)])
        await pilot.pause()
        body = "\n".join(_lines(plot))
        assert "● 고양이를" in body and "● 좋아한다" in body
