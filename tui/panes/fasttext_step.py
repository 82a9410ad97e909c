"""FastText, one training example at a time (issue 11's step mode), over the corpus in use.

Opened with ``F`` or from the palette; ``Esc`` goes back.  At the top the example just trained
(``engine.fasttext.step.FastTextStepTrace``): the input word's rows - its own row of ``W_in``
and one row per character n-gram, each with its bucket id (fastText's hash) and how far the
update moved it - h as their mean, the target and noise words with f = W_out·h, σ(f) and the
label, the loss before and after; below it a look-up (``w`` or ``/``) of any word, one the
corpus never had included: its n-grams and buckets, which of them step mode has trained, its
vector as their mean and its nearest known words.  Every number comes from the engine; this
module lays them out.
"""

from __future__ import annotations

import numpy as np
from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Input, Static

from engine.errors import WordlabError
from tui.i18n import t
from tui.panes.glove_step import fmt, short
from tui.widgets.footer import QuietFooter
from tui.widgets.step_screen import StepModeScreen, scroll_bindings
from tui.widgets.suggest import VocabSuggester

WIDTH = 78          # cells a line of the trace may take (80 columns less the scroll bar)
SHOWN_DIMS = 4      # components of h and of a looked-up vector spelled out
COLUMN = 10         # cells of one output word's column
SHARED = 2          # known words named beside a bucket they share
WORD = 16           # cells a word takes at most in a sentence of the trace


class FastTextReady(Message):
    def __init__(self, session, error: str | None, generation: int) -> None:
        super().__init__()
        self.session, self.error, self.generation = session, error, generation


def fasttext_step_bindings() -> list[Binding]:
    return [
        Binding("n", "next_example", t("ft.key.next"), id="ft.next", tooltip=t("ft.tip.next")),
        Binding("e", "again", t("ft.key.again"), id="ft.again", tooltip=t("ft.tip.again")),
        Binding("r", "reset", t("ft.key.reset"), id="ft.reset", tooltip=t("ft.tip.reset")),
        Binding("a", "arch", t("ft.key.arch"), id="ft.arch", tooltip=t("ft.tip.arch")),
        Binding("j", "jamo", t("ft.key.jamo"), show=False, id="ft.jamo",
                tooltip=t("ft.tip.jamo")),
        Binding("w", "word", t("ft.key.word"), id="ft.word", tooltip=t("ft.tip.word")),
        Binding("slash", "word", t("ft.key.word"), key_display="/", show=False, id="ft.slash",
                tooltip=t("ft.tip.word")),
        Binding("escape", "leave", t("ft.key.leave"), key_display="Esc", id="ft.leave",
                tooltip=t("ft.tip.leave")),
        Binding("question_mark,f1", "help", t("ft.key.help"), key_display="?",
                id="ft.help", tooltip=t("ft.tip.help")),
        *scroll_bindings("ft"),
    ]


# conjoining jamo (engine.fasttext.to_jamo) -> the compatibility letters a terminal shows
# one by one: U+1100.. initials, U+1161.. vowels, U+11A8.. finals (U+1100-U+11FF would be
# drawn composed into syllables again, and an initial and a final look alike anyway)
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_FINALS = "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
_LETTERS = {**{0x1100 + k: c for k, c in enumerate(_INITIALS)},
            **{0x1161 + k: chr(0x314F + k) for k in range(21)},
            **{0x11A8 + k: c for k, c in enumerate(_FINALS)}}


def letters(gram: str) -> str:
    """An n-gram as it is shown: conjoining jamo as the letters ㄱ ㅏ (other text as is)."""
    return gram.translate(_LETTERS)


def vec(v: np.ndarray) -> str:
    """``(0.123, -0.45, ...)``: the first SHOWN_DIMS components."""
    comps = ", ".join(fmt(float(x)) for x in v[:SHOWN_DIMS])
    return f"({comps}{', …' if len(v) > SHOWN_DIMS else ''})"


def pad(text: str, cells: int) -> str:
    return text + " " * max(0, cells - cell_len(text))


def flow(entries: list[tuple[str, str]], indent: int = 2, width: int = WIDTH) -> Text:
    """Entries (text, style) of one width side by side, as many to a line as fit."""
    out = Text()
    if not entries:
        return out
    each = max(cell_len(e) for e, _ in entries)
    per_line = max(1, (width - indent) // (each + 2))
    for k, (entry, style) in enumerate(entries):
        out.append(" " * indent if k % per_line == 0 else "  ")
        out.append(pad(entry, each) if (k + 1) % per_line and k + 1 < len(entries) else entry,
                   style=style)
        if (k + 1) % per_line == 0 and k + 1 < len(entries):
            out.append("\n")
    return out


class FastTextStepScreen(StepModeScreen):
    """FastText step mode."""

    PREFIX = "ft"
    BODY = "ft-body"
    make_bindings = staticmethod(fasttext_step_bindings)

    AUTO_FOCUS = "#ft-body"

    def __init__(self) -> None:
        super().__init__(id="fasttext-step-screen")
        self.session = None
        self.trace = None
        self.looked_up = None          # the last WordLookup
        self.lookup_error: str | None = None
        self.arch = "sg"
        self.subwords = "chars"        # n-grams over characters or Hangul jamo (j)
        self.corpus_name = ""
        self._generation = 0
        #: what was asked while the model was being built, in order: ("next_example",),
        #: ("again",), ("look_up", word)
        self._pending: list[tuple[str, ...]] = []
        self._building = False

    def compose(self) -> ComposeResult:
        yield Static(id="ft-header")
        yield Input(placeholder=t("ft.lookup.placeholder"), id="ft-word", suggester=VocabSuggester())
        with VerticalScroll(id="ft-body"):
            yield Static(id="ft-trace")
            yield Static(id="ft-lookup")
        yield QuietFooter()

    def on_mount(self) -> None:
        self.action_reset()

    # -- the session --------------------------------------------------------------------------
    def action_reset(self) -> None:
        """Fresh weights on the corpus in use (the vocabulary and n-gram rows in a worker)."""
        state = getattr(self.app, "state", None)
        corpus = getattr(state, "corpus", None)
        self._generation += 1
        self.session, self.trace, self.looked_up, self.lookup_error = None, None, None, None
        self._building = corpus is not None
        if corpus is None:
            self._show_message(t("ft.no-corpus"))
            return
        self.corpus_name = getattr(corpus, "name", "") or ""
        self._show_message(t("ft.building", corpus=self.corpus_name))
        self._build(corpus, self.arch, self.subwords, self._generation)

    @work(thread=True, exclusive=True, group="fasttext-step", exit_on_error=False)
    def _build(self, corpus, arch: str, subwords: str, generation: int) -> None:
        from engine.fasttext.step import FastTextStepSession, step_config

        try:
            config = step_config(self.corpus_name or None, arch=arch, subwords=subwords)
            session = FastTextStepSession(config, corpus)
        except (WordlabError, OSError) as err:
            self.post_message(FastTextReady(None, str(err), generation))
            return
        self.post_message(FastTextReady(session, None, generation))

    @on(FastTextReady)
    def _ready(self, event: FastTextReady) -> None:
        if event.generation != self._generation:
            return
        self._building = False
        if event.error:
            self._pending.clear()
            self._show_message(event.error)
            return
        self.session = event.session
        self.query_one("#ft-word", Input).suggester.set_words(self.session.vocab.words)
        pending, self._pending = self._pending, []
        self._redraw()
        for action, *args in pending:
            if action == "look_up":
                self.look_up(*args)
            else:
                getattr(self, f"action_{action}")()

    # -- keys ---------------------------------------------------------------------------------
    def _train(self, how: str) -> None:
        if self.session is None:
            if self._building:          # pressed while the model is built: done when it is
                self._pending.append((how,))
            return
        try:
            self.trace = self.session.step() if how == "next_example" else self.session.again()
        except WordlabError as err:
            self._show_message(str(err))
            return
        self._redraw()

    def action_next_example(self) -> None:
        self._train("next_example")

    def action_again(self) -> None:
        self._train("again")

    def action_arch(self) -> None:
        """Skip-gram <-> CBOW: a fresh session with the other architecture."""
        self.arch = "cbow" if self.arch == "sg" else "sg"
        self._pending.clear()
        self.action_reset()

    def action_jamo(self) -> None:
        """n-grams over characters <-> over Hangul jamo: a fresh session."""
        self.subwords = "jamo" if self.subwords == "chars" else "chars"
        self._pending.clear()
        self.action_reset()

    def action_word(self) -> None:
        field = self.query_one("#ft-word", Input)
        field.add_class("-shown")
        field.focus()

    @on(Input.Submitted, "#ft-word")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        word = event.value.strip()
        self._close_field()
        if word:
            self.look_up(word)

    def look_up(self, word: str) -> None:
        """Show ``word``'s n-grams, buckets, vector and neighbours (queued while building)."""
        if self.session is None:
            if self._building:
                self._pending.append(("look_up", word))
            return
        try:
            self.looked_up, self.lookup_error = self.session.lookup(word), None
        except WordlabError as err:
            self.looked_up, self.lookup_error = None, str(err)
        self._draw_lookup()
        self.query_one("#ft-body", VerticalScroll).scroll_end(animate=False)

    def _close_field(self) -> None:
        field = self.query_one("#ft-word", Input)
        field.value = ""
        field.remove_class("-shown")
        self.query_one("#ft-body", VerticalScroll).focus()

    def action_leave(self) -> None:
        field = self.query_one("#ft-word", Input)
        if field.has_class("-shown"):
            self._close_field()           # Esc in the word field closes it, not the screen
            return
        if self.app.screen is self:
            self.app.pop_screen()

    def redraw_language(self) -> None:
        self.query_one("#ft-word", Input).placeholder = t("ft.lookup.placeholder")
        if self.session is not None:
            self._redraw()

    # -- drawing ------------------------------------------------------------------------------
    def _show_message(self, text: str) -> None:
        self.query_one("#ft-header", Static).update(Text(t("ft.title"), style="bold"))
        self.query_one("#ft-trace", Static).update(Text(text, style="dim"))
        self.query_one("#ft-lookup", Static).update("")

    def _redraw(self) -> None:
        s = self.session
        c = s.config
        self.query_one("#ft-header", Static).update(Text(t(
            "ft.header", corpus=self.corpus_name, arch=t(f"ft.arch.{c.arch}"), V=len(s.vocab),
            d=c.dim, lr=fmt(c.alpha), done=s.stepped), style="bold"))
        self.query_one("#ft-trace", Static).update(self._trace_text())
        self._draw_lookup()

    def _trace_text(self) -> Text:
        s = self.session
        c = s.config
        minn, maxn = c.ngram_range
        out = Text(t("ft.buckets", minn=minn, maxn=maxn, bucket=f"{s.model.bucket:,}",
                     units=t(f"ft.units.{c.subwords}")) + "\n",
                   style="dim")
        tr = self.trace
        if tr is None:
            out.append(t("ft.press-n"), style="dim")
            return out
        neg = len(tr.outputs) - 1
        if tr.arch == "sg":
            out.append(t("ft.example.sg", k=tr.number, word=short(tr.centre, WORD),
                         target=short(tr.outputs[0], WORD),
                         neg=neg), style="bold")
        else:
            out.append(t("ft.example.cbow", k=tr.number,
                         context=", ".join(short(w, WORD) for w in tr.inputs),
                         target=short(tr.outputs[0], WORD), neg=neg), style="bold")
        grams = sum(1 for r in tr.rows if r.ngram is not None)
        out.append("\n" + (t("ft.rows.sg", n=len(tr.rows), word=short(tr.centre, WORD), g=grams)
                           if tr.arch == "sg" else
                           t("ft.rows.cbow", n=len(tr.rows), words=len(tr.inputs), g=grams)) + "\n")
        groups: list[list] = []
        for r in tr.rows:                 # each input word: its own row, then its n-grams
            if r.ngram is None:
                groups.append([])
            groups[-1].append(r)
        for group in groups:
            word = group[0].word
            if tr.arch == "cbow":
                out.append(f" {short(word, WIDTH - 2)}:\n", style="bold")
            entries = [(f"[{short(word, WORD)}] {t('ft.row')} {r.row} Δ{fmt(r.moved)}", "bold")
                       if r.ngram is None else (f"{letters(r.ngram)} {r.bucket} Δ{fmt(r.moved)}", "")
                       for r in group]
            out.append_text(flow(entries))
            out.append("\n")
        out.append(f"h = {vec(tr.h)}  |h| = {fmt(float(np.linalg.norm(tr.h)))}\n")
        out.append_text(self._outputs_table(tr))
        out.append(t("ft.loss", loss=fmt(tr.loss), after=fmt(tr.loss_after)) + "\n")
        if tr.output_was_zero:
            out.append(t("ft.changed.none"), style="yellow")
        else:
            changed = tr.changed_rows
            out.append(t("ft.changed.sg" if tr.arch == "sg" else "ft.changed.cbow",
                         n=len(changed), word=short(tr.centre, WORD), out=int(np.count_nonzero(tr.output_moved))),
                       style="green")
        return out

    def _outputs_table(self, tr) -> Text:
        """The target and the noise words as columns: label, f, σ(f), how far W_out moved."""
        label_w = max(cell_len(t(k)) for k in ("ft.out.word", "ft.out.label", "ft.out.f",
                                                "ft.out.sigma", "ft.out.moved")) + 1
        out = Text()
        lines = [
            (t("ft.out.word"), [short(w, COLUMN - 1) for w in tr.outputs]),
            (t("ft.out.label"), [f"{int(x)}" for x in tr.labels]),
            (t("ft.out.f"), [fmt(float(x)) for x in tr.scores]),
            (t("ft.out.sigma"), [fmt(float(x)) for x in tr.sigmas]),
            (t("ft.out.moved"), [fmt(float(x)) for x in tr.output_moved]),
        ]
        for name, cells in lines:
            out.append(pad(name, label_w), style="dim")
            for k, cell in enumerate(cells):
                style = ("bold green" if k == 0 else "") if name == t("ft.out.word") else ""
                out.append(" " * (COLUMN - cell_len(cell)) + cell, style=style)
            out.append("\n")
        return out

    def _draw_lookup(self) -> None:
        widget = self.query_one("#ft-lookup", Static)
        if self.lookup_error is not None:
            widget.update(Text(self.lookup_error, style="bold red"))
            return
        L = self.looked_up
        if L is None:
            widget.update(Text(t("ft.lookup.hint"), style="dim"))
            return
        out = Text()
        g = len(L.ngrams)
        if L.known:
            out.append(t("ft.lookup.known", word=short(L.word, WORD), k=L.word_updates, g=g), style="bold")
        else:
            out.append(t("ft.lookup.unseen", word=short(L.word, WORD), g=g), style="bold yellow")
        out.append("\n" + t("ft.lookup.trained", trained=L.trained, g=g) + "\n", style="dim")
        entries = []
        for n in L.ngrams:
            mark = f"×{n.updates}" if n.updates else "·"
            shared = ",".join(n.shared[:SHARED]) + ("…" if len(n.shared) > SHARED else "")
            entries.append((f"{letters(n.ngram)} {n.bucket} {mark} {short(shared, 16)}".rstrip(),
                            "" if n.updates else "dim"))
        out.append_text(flow(entries))
        out.append(f"\n{t('ft.lookup.vector')} = {vec(L.vector)}  "
                   f"|v| = {fmt(float(np.linalg.norm(L.vector)))}\n")
        near = ""
        for w, sim in L.neighbours:           # as many as fit on the line
            more = f"{near}, {w} {sim:.2f}" if near else f"{w} {sim:.2f}"
            if near and cell_len(t("ft.lookup.nearest", words=more)) > WIDTH:
                break
            near = more
        out.append(t("ft.lookup.nearest", words=near))
        widget.update(out)


def open_fasttext_step(app) -> FastTextStepScreen:
    screen = FastTextStepScreen()
    app.push_screen(screen)
    return screen
