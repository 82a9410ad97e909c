"""Pane 6, Evaluate: analogy accuracy per section and word-pair correlation, in a worker."""

from __future__ import annotations

import os
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Input, Label, Select, Static

from tui.messages import EvaluationDone, EvaluationFailed
from tui.i18n import t
from tui.localize import Msg, binding, say, tr
from tui.widgets.pane import FocusTarget, Pane
from tui.widgets.suggest import PathSuggester

FILE = "__file__"
CORPUS_OWN = "__corpus__"


def resolve(choice: str, path: str, corpus: Any) -> str:
    """The analogy/pairs source to evaluate: a shipped set's path, the corpus's own file, or a path."""
    from corpora.evalsets import eval_set_path
    from engine.errors import CorpusError

    if choice == FILE:
        if not path.strip():
            raise CorpusError(t("evaluate.error.path"))
        return os.path.expanduser(path.strip())
    if choice == CORPUS_OWN:
        own = getattr(corpus, "analogies", None)
        if own is None:
            raise CorpusError(t("evaluate.error.no-own", name=repr(getattr(corpus, "name", ""))))
        return os.fspath(own)
    return os.fspath(eval_set_path(choice))


class EvaluatePane(Pane):
    PANE_ID = "evaluate"

    BINDINGS = [
        *Pane.BINDINGS,
        binding("a", "run('analogy')", id="evaluate-analogies"),
        binding("p", "run('pairs')", id="evaluate-pairs"),
        binding("e", "run('both')", id="evaluate-both"),
        binding("c", "compare", id="evaluate-compare"),
    ]

    def compose(self) -> ComposeResult:
        # the focus starts on this line, so Tab goes straight on to the controls below
        yield FocusTarget("", id="evaluate-source")
        with Horizontal(classes="field"):
            yield tr(Label("", classes="field-label"), "evaluate.analogies")
            yield Select(self._analogy_options(),
                         value="toy-world", allow_blank=False, compact=True, id="analogy-set")
            yield tr(Input(id="analogy-file", compact=True, suggester=PathSuggester()),
                     "evaluate.path")
        with Horizontal(classes="field"):
            yield tr(Label("", classes="field-label"), "evaluate.pairs")
            yield Select(self._pairs_options(), value="wordsim353",
                         allow_blank=False, compact=True, id="pairs-set")
            yield tr(Input(id="pairs-file", compact=True, suggester=PathSuggester()),
                     "evaluate.path")
        yield Static("", id="evaluate-message", classes="error")
        with Horizontal(id="evaluate-results"):
            with Vertical(id="analogy-box"):
                yield tr(Static("", id="analogy-summary"), "evaluate.analogies.none")
                yield DataTable(id="analogy-table", cursor_type="row", zebra_stripes=True)
            yield tr(Static("", id="pairs-summary"), "evaluate.pairs.none")
        # the models trained on this corpus side by side (c); shown instead of the results above
        with Vertical(id="compare-box"):
            yield Static("", id="compare-summary")
            yield DataTable(id="compare-table", cursor_type="row", zebra_stripes=True)

    COLUMNS = ("section", "correct", "total", "accuracy", "skipped")

    @staticmethod
    def _analogy_options() -> list[tuple[str, str]]:
        return [("toy-world", "toy-world"), ("google", "google"),
                (t("evaluate.own"), CORPUS_OWN), (t("evaluate.file"), FILE)]

    @staticmethod
    def _pairs_options() -> list[tuple[str, str]]:
        return [("wordsim353", "wordsim353"), (t("evaluate.file"), FILE)]

    def relocalize(self) -> None:
        """The choices, the table's columns and the results shown, in the new language."""
        from rich.text import Text

        for select_id, options in (("#analogy-set", self._analogy_options()),
                                   ("#pairs-set", self._pairs_options())):
            select = self.query_one(select_id, Select)
            value = select.value
            with select.prevent(Select.Changed):
                select.set_options(options)
                select.value = value
        table = self.query_one("#analogy-table", DataTable)
        for key in self.COLUMNS:
            table.columns[key].label = Text(t(f"evaluate.col.{key}"))
        table.refresh()
        if getattr(self, "_analogy_result", None) is not None:
            self._show_analogies(*self._analogy_result)
        if getattr(self, "_comparison", None) is not None:
            self._show_comparison(*self._comparison)

    def on_mount(self) -> None:
        table = self.query_one("#analogy-table", DataTable)
        self._analogy_result = None
        for key in self.COLUMNS:
            table.add_column(t(f"evaluate.col.{key}"), key=key)
        self.query_one("#analogy-file", Input).display = False
        self.query_one("#pairs-file", Input).display = False
        self._comparison = None
        self.query_one("#compare-box").display = False
        self._corpus_gen = -1
        self._model_gen = -1
        self._compare_gen = (-1, -1)     # (model_gen, corpus_gen) of the comparison shown
        self.watch(self.app, "state", self._state_changed)

    def _state_changed(self, state: Any) -> None:
        """New vectors: the old scores are cleared (they belong to other vectors); a corpus
        with its own analogy file (toy-world) is evaluated on it by default."""
        if state.corpus_gen != self._corpus_gen:
            self._corpus_gen = state.corpus_gen
            corpus = state.corpus
            if corpus is not None and getattr(corpus, "analogies", None) is not None:
                select = self.query_one("#analogy-set", Select)
                if select.value in ("toy-world", "google"):
                    select.value = "toy-world" if corpus.name == "toy-world" else CORPUS_OWN
        if state.model_gen != self._model_gen:
            self._model_gen = state.model_gen
            self.query_one("#analogy-table", DataTable).clear()
            self._analogy_result = None
            say(self.query_one("#analogy-summary", Static), Msg("evaluate.analogies.none"))
            say(self.query_one("#pairs-summary", Static), Msg("evaluate.pairs.none"))
            self._message("")
        if state.model_gen != self._compare_gen[0] or state.corpus_gen != self._compare_gen[1]:
            self._hide_comparison()     # computed from other models (or another corpus)
        say(self.query_one("#evaluate-source", Static),
            Msg("evaluate.source", label=state.vectors_label))   # a callable: drawn in the language shown

    def action_run(self, which: str) -> None:
        kv = self.app.vectors
        if kv is None:
            self._message(Msg("evaluate.no-vectors"))
            return
        from engine.errors import WordlabError

        jobs = []
        try:
            if which in ("analogy", "both"):
                jobs.append(("analogy", resolve(self.query_one("#analogy-set", Select).value,
                                                self.query_one("#analogy-file", Input).value,
                                                self.app.corpus)))
            if which in ("pairs", "both"):
                jobs.append(("pairs", resolve(self.query_one("#pairs-set", Select).value,
                                              self.query_one("#pairs-file", Input).value,
                                              self.app.corpus)))
        except WordlabError as exc:
            self._message(str(exc))
            return
        self._message("")
        self._hide_comparison()
        for kind, source in jobs:
            target = "#analogy-summary" if kind == "analogy" else "#pairs-summary"
            say(self.query_one(target, Static), Msg("evaluate.running", name=os.path.basename(source)))
            self._evaluate(kind, source, kv, self.app.state.model_gen)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_run("analogy" if event.input.id == "analogy-file" else "pairs")

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        field = self.query_one("#analogy-file" if event.select.id == "analogy-set" else "#pairs-file", Input)
        field.display = event.value == FILE
        if event.value == FILE:
            field.focus()

    @work(thread=True, group="evaluate", exit_on_error=False)
    def _evaluate(self, kind: str, source: str, kv: Any, generation: int) -> None:
        from engine.errors import WordlabError
        from engine.evaluate import evaluate_analogies, evaluate_pairs

        try:
            if kind == "analogy":
                result = evaluate_analogies(kv, source)
            else:
                result = evaluate_pairs(kv, source)
        except (WordlabError, OSError) as exc:
            self.post_message(EvaluationFailed(kind, str(exc), generation))
            return
        self.post_message(EvaluationDone(kind, source, result, generation))

    def on_evaluation_failed(self, message: EvaluationFailed) -> None:
        if message.generation != self.app.state.model_gen:
            return                      # about vectors no longer in use
        target = "#analogy-summary" if message.kind == "analogy" else "#pairs-summary"
        say(self.query_one(target, Static), Msg(f"evaluate.failed.{message.kind}"))
        self._message(message.error)

    def on_evaluation_done(self, message: EvaluationDone) -> None:
        if message.generation != self.app.state.model_gen:
            return                      # about vectors no longer in use
        r = message.result
        name = os.path.basename(message.source)
        if message.kind == "pairs":
            say(self.query_one("#pairs-summary", Static), lambda: self._pairs_text(name, r))
            return
        self._analogy_result = (name, r)
        self._show_analogies(name, r)

    @staticmethod
    def _pairs_text(name: str, r: Any) -> str:
        rho = t("evaluate.undefined") if r.spearman is None else f"{r.spearman:+.3f}"
        pr = t("evaluate.undefined") if r.pearson is None else f"{r.pearson:+.3f}"
        lines = [t("evaluate.pairs.title", name=name), "",
                 f"Spearman  {rho}", f"Pearson   {pr}",
                 t("evaluate.pairs.used", n=r.used),
                 t("evaluate.pairs.skipped", n=r.skipped, oov=r.oov_ratio)]
        if r.invalid:
            lines.append(t("evaluate.pairs.invalid", n=r.invalid))
        return "\n".join(lines)

    def _show_analogies(self, name: str, r: Any) -> None:
        table = self.query_one("#analogy-table", DataTable)
        with self.app.batch_update():
            table.clear()
            for s in r.sections:
                acc = f"{s.correct / s.total:.1%}" if s.total else "–"
                table.add_row(s.name, f"{s.correct:,}", f"{s.total:,}", acc, f"{s.skipped:,}")
            table.add_row(f"[b]{t('evaluate.total')}[/b]", f"{r.correct:,}", f"{r.total:,}",
                          f"{r.accuracy:.1%}" if r.total else "–", f"{r.skipped:,}")
        extra = t("evaluate.analogies.invalid", n=r.invalid) if r.invalid else ""
        say(self.query_one("#analogy-summary", Static),
            t("evaluate.analogies.result", name=name, correct=r.correct, total=r.total,
              accuracy=r.accuracy, skipped=r.skipped, extra=extra))

    # ----------------------------------------------------------------- side by side
    def action_compare(self) -> None:
        """c: the latest Word2Vec, GloVe and FastText trained on this corpus in this session,
        scored by engine.evaluate.compare on the analogies and word pairs chosen above."""
        from engine.errors import WordlabError

        state = self.app.state
        models = state.side_by_side()
        corpus = state.corpus_name or "?"
        if len(models) < 2:
            self._hide_comparison()
            if models:
                self._message(Msg("evaluate.compare.need-two", model=models[0][0], corpus=corpus))
            else:
                self._message(Msg("evaluate.compare.none"))
            return
        try:
            analogies = resolve(self.query_one("#analogy-set", Select).value,
                                self.query_one("#analogy-file", Input).value, self.app.corpus)
            pairs = resolve(self.query_one("#pairs-set", Select).value,
                            self.query_one("#pairs-file", Input).value, self.app.corpus)
        except WordlabError as exc:
            self._message(str(exc))
            return
        self._message("")
        names = [family for family, _, _ in models]
        self._compare_gen = (state.model_gen, state.corpus_gen)
        self.query_one("#evaluate-results").display = False
        self.query_one("#compare-box").display = True
        self.query_one("#compare-table", DataTable).clear(columns=True)
        say(self.query_one("#compare-summary", Static),
            Msg("evaluate.compare.running", models=", ".join(names),
                analogies=os.path.basename(analogies), pairs=os.path.basename(pairs)))
        self._compare([(family, kv) for family, kv, _ in models], analogies, pairs, corpus,
                      self._compare_gen)

    @work(thread=True, exclusive=True, group="compare", exit_on_error=False)
    def _compare(self, models: list, analogies: str, pairs: str, corpus: str,
                 generation: tuple[int, int]) -> None:
        from engine.errors import WordlabError
        from engine.evaluate import compare

        try:
            result = compare(models, analogies, pairs)
        except (WordlabError, OSError) as exc:
            self.app.call_from_thread(self._comparison_failed, str(exc), generation)
            return
        names = (os.path.basename(analogies), os.path.basename(pairs))
        self.app.call_from_thread(self._comparison_done, result, corpus, names, generation)

    def _comparison_failed(self, error: str, generation: tuple[int, int]) -> None:
        if generation == self._compare_gen:
            self._hide_comparison()
            self._message(error)

    def _comparison_done(self, result: Any, corpus: str, names: tuple[str, str],
                         generation: tuple[int, int]) -> None:
        if generation != self._compare_gen:
            return                      # about models no longer the latest
        self._comparison = (result, corpus, names)
        self._show_comparison(result, corpus, names)

    def _hide_comparison(self) -> None:
        self._comparison = None
        self._compare_gen = (-1, -1)
        self.query_one("#compare-box").display = False
        self.query_one("#evaluate-results").display = True

    def _show_comparison(self, result: Any, corpus: str, names: tuple[str, str]) -> None:
        """One row per analogy section, all analogies, the pairs' Spearman; a column per model,
        the best of each row in bold, and the spread (best - worst)."""
        from rich.text import Text

        table = self.query_one("#compare-table", DataTable)

        def value(v: float | None, kind: str) -> str:
            if v is None:
                return "–"
            return f"{v:+.3f}" if kind == "pairs" else f"{v:.1%}"

        def spread(v: float | None, kind: str) -> str:
            if v is None:
                return "–"
            return f"{v:.3f}" if kind == "pairs" else f"{v * 100:.1f} pt"

        with self.app.batch_update():
            table.clear(columns=True)
            table.add_column(t("evaluate.col.section"), key="row")
            for i, name in enumerate(result.names):
                table.add_column(name, key=f"model-{i}")
            table.add_column(t("evaluate.col.spread"), key="spread")
            for row in result.rows:
                label = (row.name if row.kind == "section" else
                         t("evaluate.compare.row.analogies") if row.kind == "analogies" else
                         t("evaluate.compare.row.pairs"))
                cells: list[Any] = [Text(label, style="bold" if row.kind != "section" else "")]
                best = row.best
                for i, v in enumerate(row.values):
                    text = value(v, row.kind)
                    cells.append(Text(text, style="bold reverse") if i == best else text)
                cells.append(spread(row.spread, row.kind))
                table.add_row(*cells)
        say(self.query_one("#compare-summary", Static),
            t("evaluate.compare.title", corpus=corpus, analogies=names[0], pairs=names[1]))

    def _message(self, text: "str | Msg") -> None:
        say(self.query_one("#evaluate-message", Static), text)
