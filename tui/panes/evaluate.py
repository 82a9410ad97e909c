"""Pane 6, Evaluate: analogy accuracy per section and word-pair correlation, in a worker."""

from __future__ import annotations

import os
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Input, Label, Select, Static

from tui.messages import EvaluationDone, EvaluationFailed
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
            raise CorpusError("type the path of the file to evaluate on")
        return os.path.expanduser(path.strip())
    if choice == CORPUS_OWN:
        own = getattr(corpus, "analogies", None)
        if own is None:
            raise CorpusError(f"the corpus {getattr(corpus, 'name', '')!r} has no analogy file of its own")
        return os.fspath(own)
    return os.fspath(eval_set_path(choice))


class EvaluatePane(Pane):
    PANE_TITLE = "Evaluate"
    HELP = """
# Evaluate: how good are the vectors?

- **Analogies** (Google format: `: section` lines, then `a b c d` questions): for each
  question the model answers `b - a + c` (3CosAdd, query words excluded, among the 30,000
  most frequent words, as gensim's `evaluate_word_analogies`). The table shows, per
  section, how many were right. Questions with a word outside the vocabulary are
  **skipped** and counted, not scored.
- **Word pairs** (WordSim-353: `word1 word2 score` from human judges): the **Spearman**
  rank correlation between the model's cosine similarities and the human scores
  (Pearson too), and the share of pairs that were out of vocabulary (**OOV**).

Sets: `google` and `wordsim353` (English, need a large corpus such as text8), `toy-world`
(the toy world's planted analogies: train on `toy-world` first), or any file.
"""

    BINDINGS = [
        *Pane.BINDINGS,
        Binding("a", "run('analogy')", "Run analogies", id="evaluate-analogies",
                tooltip="Run the analogy evaluation on the current vectors"),
        Binding("p", "run('pairs')", "Run pairs", id="evaluate-pairs",
                tooltip="Run the word-pair (similarity) evaluation"),
        Binding("e", "run('both')", "Run both", id="evaluate-both", tooltip="Run both evaluations"),
    ]

    def compose(self) -> ComposeResult:
        # the focus starts on this line, so Tab goes straight on to the controls below
        yield FocusTarget("", id="evaluate-source")
        with Horizontal(classes="field"):
            yield Label("analogies", classes="field-label")
            yield Select([("toy-world", "toy-world"), ("google", "google"),
                          ("the corpus's own", CORPUS_OWN), ("a file…", FILE)],
                         value="toy-world", allow_blank=False, compact=True, id="analogy-set")
            yield Input(id="analogy-file", placeholder="path (for a file…)", compact=True,
                        suggester=PathSuggester())
        with Horizontal(classes="field"):
            yield Label("word pairs", classes="field-label")
            yield Select([("wordsim353", "wordsim353"), ("a file…", FILE)], value="wordsim353",
                         allow_blank=False, compact=True, id="pairs-set")
            yield Input(id="pairs-file", placeholder="path (for a file…)", compact=True,
                        suggester=PathSuggester())
        yield Static("", id="evaluate-message", classes="error")
        with Horizontal(id="evaluate-results"):
            with Vertical(id="analogy-box"):
                yield Static("Analogies: not run yet (a)", id="analogy-summary")
                yield DataTable(id="analogy-table", cursor_type="row", zebra_stripes=True)
            yield Static("Word pairs: not run yet (p)", id="pairs-summary")

    def on_mount(self) -> None:
        table = self.query_one("#analogy-table", DataTable)
        for label, key in (("section", "section"), ("correct", "correct"), ("total", "total"),
                           ("accuracy", "accuracy"), ("skipped", "skipped")):
            table.add_column(label, key=key)
        self.query_one("#analogy-file", Input).display = False
        self.query_one("#pairs-file", Input).display = False
        self._corpus_gen = -1
        self._model_gen = -1
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
            self.query_one("#analogy-summary", Static).update("Analogies: not run yet (a)")
            self.query_one("#pairs-summary", Static).update("Word pairs: not run yet (p)")
            self._message("")
        self.query_one("#evaluate-source", Static).update(
            f"[b]Evaluating[/b]: {state.vectors_label()}\n[dim]a analogies · p word pairs · "
            "e both · Tab: the sets[/dim]")

    def action_run(self, which: str) -> None:
        kv = self.app.vectors
        if kv is None:
            self._message("no vectors yet: train a model (3) or load vectors there (o)")
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
        for kind, source in jobs:
            target = "#analogy-summary" if kind == "analogy" else "#pairs-summary"
            self.query_one(target, Static).update(f"running on {os.path.basename(source)}…")
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
        self.query_one(target, Static).update(f"{message.kind}: failed")
        self._message(message.error)

    def on_evaluation_done(self, message: EvaluationDone) -> None:
        if message.generation != self.app.state.model_gen:
            return                      # about vectors no longer in use
        r = message.result
        name = os.path.basename(message.source)
        if message.kind == "pairs":
            rho = "undefined" if r.spearman is None else f"{r.spearman:+.3f}"
            pr = "undefined" if r.pearson is None else f"{r.pearson:+.3f}"
            lines = [f"[b]Word pairs[/b] ({name})", "",
                     f"Spearman  {rho}", f"Pearson   {pr}",
                     f"pairs used {r.used:,}", f"skipped   {r.skipped:,} (OOV {r.oov_ratio:.1%})"]
            if r.invalid:
                lines.append(f"malformed lines {r.invalid:,}")
            self.query_one("#pairs-summary", Static).update("\n".join(lines))
            return
        table = self.query_one("#analogy-table", DataTable)
        with self.app.batch_update():
            table.clear()
            for s in r.sections:
                acc = f"{s.correct / s.total:.1%}" if s.total else "–"
                table.add_row(s.name, f"{s.correct:,}", f"{s.total:,}", acc, f"{s.skipped:,}")
            table.add_row("[b]total[/b]", f"{r.correct:,}", f"{r.total:,}",
                          f"{r.accuracy:.1%}" if r.total else "–", f"{r.skipped:,}")
        extra = f", {r.invalid:,} malformed lines" if r.invalid else ""
        self.query_one("#analogy-summary", Static).update(
            f"[b]Analogies[/b] ({name}): {r.correct:,}/{r.total:,} right"
            f" ({r.accuracy:.1%}), {r.skipped:,} skipped (unknown words){extra}")

    def _message(self, text: str) -> None:
        self.query_one("#evaluate-message", Static).update(text)
