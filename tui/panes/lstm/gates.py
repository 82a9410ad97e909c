"""The gate table: one row per hidden unit (f_t, i_t, C~_t, C_t, o_t, h_t at step t), and beside
it the lecture's equations filled in with the selected unit's numbers.  Every number comes
from the engine's step traces (engine/lstm.py, engine/rnn.py via engine/gateview.py)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Static

from engine.gateview import rnn_terms, unit_terms
from tui.i18n import t as msg
from tui.panes.lstm.common import MAX_UNITS, fmt, paren

LSTM_COLUMNS = (("f", "f_t"), ("i", "i_t"), ("g", "C~_t"), ("c", "C_t"), ("o", "o_t"), ("h", "h_t"))
RNN_COLUMNS = (("h_prev", "h_t-1"), ("a", "W·[h,x]+b"), ("h", "h_t"))


def tr_unit(unit: int) -> str:
    return msg("lstm.gates.unit", unit=unit)


class GateView(Vertical):
    """Table + equations for one cell, one sentence, one time step."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._table_kind: str | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="lstm-gates-top"):
            table = DataTable(id="lstm-table", cursor_type="row", zebra_stripes=False)
            table.can_focus = False
            yield table
            yield Static(id="lstm-eq")
        yield Static(id="lstm-legend")
        yield Static(id="lstm-predict-inline")

    @staticmethod
    def columns(kind: str):
        return LSTM_COLUMNS if kind == "lstm" else RNN_COLUMNS

    def _style(self, v: float, gate: bool) -> str:
        """Colour by value, from the theme: gates near 1 open, near 0 closed; states by sign."""
        var = self.app.get_css_variables()
        if gate:
            if v >= 0.67:
                return f"bold {var.get('success', 'green')}"
            if v <= 0.33:
                return var.get("error", "red")
            return ""
        if abs(v) < 0.1:
            return "dim"
        colour = var.get("success", "green") if v > 0 else var.get("error", "red")
        return f"bold {colour}" if abs(v) >= 0.5 else colour

    def _set_kind(self, kind: str) -> DataTable:
        table = self.query_one("#lstm-table", DataTable)
        if self._table_kind != kind:
            table.clear(columns=True)
            table.add_column("u", key="unit")
            for key, label in self.columns(kind):
                table.add_column(Text(label), key=key, width=max(5, len(label)))
            self._table_kind = kind
        return table

    def clear(self, kind: str) -> None:
        """No sentence: an empty table, no equations."""
        table = self._set_kind(kind)
        table.clear()
        self.query_one("#lstm-eq", Static).update("")
        self.query_one("#lstm-legend", Static).update("")

    def show(self, kind: str, steps: list, tokens, t: int, unit: int, cell) -> None:
        """The table at step ``t`` and the equations of ``unit``; ``cell`` is the engine cell
        that produced ``steps`` (the RNN's equation splits its pre-activation)."""
        table = self._set_kind(kind)
        if not steps:
            self.clear(kind)
            return
        step = steps[t]
        H = step.h.shape[0]
        shown = min(H, MAX_UNITS)
        rows = [unit_terms(step, k).values for k in range(shown)]
        cols = self.columns(kind)
        with self.app.batch_update():
            if table.row_count != shown:
                table.clear()
                for k in range(shown):
                    table.add_row(*([str(k)] + [""] * len(cols)), key=str(k))
            for k, vals in enumerate(rows):
                for key, _ in cols:
                    gate = key in ("f", "i", "o")
                    table.update_cell(str(k), key, Text(fmt(vals[key]), style=self._style(
                        vals[key], gate), justify="right"))
        if unit < shown:
            table.move_cursor(row=unit)
        note = msg("lstm.gates.units", last=shown - 1, H=H) if H > shown else ""
        word = tokens.tokens[t] if tokens else ""
        self._equations(kind, step, unit, t, word, cell, note)
        if kind == "lstm":
            legend = msg("lstm.gates.legend.lstm") + " "
        else:
            legend = msg("lstm.gates.legend.rnn") + " "
        legend += msg("lstm.gates.legend.x", n=step.x.shape[0])
        self.query_one("#lstm-legend", Static).update(Text(legend, style="dim"))

    def _equations(self, kind, step, unit, t, word, cell, note: str) -> None:
        u = unit_terms(step, unit).values
        lines = [Text.assemble((tr_unit(unit), "bold"), f"  t={t} ", (word, "italic"))]
        if kind == "lstm":
            lines += [
                f"f_t  = σ({fmt(u['a_f'])}) = {fmt(u['f'])}",
                f"i_t  = σ({fmt(u['a_i'])}) = {fmt(u['i'])}",
                f"C~_t = tanh({fmt(u['a_g'])}) = {fmt(u['g'])}",
                "C_t  = f_t·C_t-1 + i_t·C~_t",
                f"  = {paren(u['f'])}·{paren(u['c_prev'])} + {paren(u['i'])}·{paren(u['g'])}",
                f"  = {paren(u['kept'])} + {paren(u['written'])} = {fmt(u['c'])}",
                f"o_t  = σ({fmt(u['a_o'])}) = {fmt(u['o'])}",
                "h_t  = o_t·tanh(C_t)",
                f"  = {paren(u['o'])}·{paren(u['tanh_c'])} = {fmt(u['h'])}",
            ]
        else:
            xh, hh, b = (float(v[unit]) for v in rnn_terms(cell, step))
            lines += [
                "h_t = tanh(W_xh x_t",
                "         + W_hh h_t-1 + b_h)",
                f"    = tanh({paren(xh)} + {paren(hh)}",
                f"         + {paren(b)})",
                f"    = tanh({fmt(u['a'])}) = {fmt(u['h'])}",
                f"h_t-1 = {fmt(u['h_prev'])}",
            ]
        if note:
            lines.append(Text(note, style="dim"))
        out = Text()
        for k, line in enumerate(lines):
            if k:
                out.append("\n")
            out.append(line if isinstance(line, Text) else Text(line))
        self.query_one("#lstm-eq", Static).update(out)

    def show_predictions(self, text: Text) -> None:
        self.query_one("#lstm-predict-inline", Static).update(text)
