"""``wordlab train``: train Word2Vec on a corpus and save the vectors in word2vec format.

Training runs in a worker thread while the main thread waits on it, so Ctrl-C lands in
the main thread: it sets the cancel event (the engine looks at it at least every 100 ms),
saves the vectors trained so far (atomically) and exits 130.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
import threading
import time
from pathlib import Path

from cli import corpora_cmd, output

# gensim's defaults (Word2Vec(vector_size=100, window=5, min_count=5, negative=5,
# sample=1e-3, epochs=5, alpha=0.025, min_alpha=0.0001)); tests check that they match
# engine.word2vec.Word2VecConfig's own defaults.
DEFAULTS = dict(arch="sg", loss="neg", dim=100, window=5, min_count=5, max_vocab=None,
                negative=5, sample=1e-3, epochs=5, alpha=0.025, min_alpha=0.0001,
                seed=1, threads=2)

INTERRUPT_JOIN_S = 30.0  # the engine promises <= 100 ms; this only guards against a bug


def add_parser(sub) -> None:
    d = DEFAULTS
    p = sub.add_parser(
        "train", help="train Word2Vec on a corpus and save the vectors",
        description="Train Word2Vec (Skip-gram or CBOW; full softmax, negative sampling or "
                    "hierarchical softmax) and save the vectors in word2vec's C format, "
                    "which gensim reads. Defaults follow gensim.",
        epilog="Example: wordlab train --corpus toy-world --arch sg --loss neg --out toy.vec")
    p.add_argument("--corpus", required=True, metavar="NAME|PATH",
                   help="a built-in corpus (see 'wordlab corpora') or a .txt file / folder")
    p.add_argument("--out", required=True, metavar="FILE", help="where to save the vectors")
    p.add_argument("--binary", action="store_true",
                   help="save in word2vec's binary format (default: text)")
    p.add_argument("--arch", choices=("sg", "cbow"), default=d["arch"],
                   help="sg: Skip-gram (centre -> context); cbow: context -> centre "
                        "(default %(default)s)")
    p.add_argument("--loss", choices=("softmax", "neg", "hs"), default=d["loss"],
                   help="output layer: full softmax (the lecture's), negative sampling, "
                        "hierarchical softmax (default %(default)s)")
    p.add_argument("--dim", type=int, default=d["dim"], metavar="N",
                   help="embedding size d (default %(default)s)")
    p.add_argument("--window", type=int, default=d["window"], metavar="N",
                   help="maximum context window; word2vec.c reduces it at random "
                        "(default %(default)s)")
    p.add_argument("--min-count", type=int, default=None, metavar="N",
                   help=f"ignore words seen fewer than N times (default {d['min_count']})")
    p.add_argument("--max-vocab", type=int, default=d["max_vocab"], metavar="N",
                   help="keep only the N most frequent words (default: no limit)")
    p.add_argument("--negative", type=int, default=d["negative"], metavar="K",
                   help="negative samples per example with --loss neg (default %(default)s)")
    p.add_argument("--sample", type=float, default=d["sample"], metavar="S",
                   help="subsampling threshold for frequent words, 0 = off "
                        "(default %(default)s)")
    p.add_argument("--epochs", type=int, default=d["epochs"], metavar="N",
                   help="passes over the corpus (default %(default)s)")
    p.add_argument("--alpha", type=float, default=d["alpha"], metavar="LR",
                   help="initial learning rate (default %(default)s)")
    p.add_argument("--min-alpha", type=float, default=d["min_alpha"], metavar="LR",
                   help="final learning rate; decays linearly (default %(default)s)")
    p.add_argument("--cbow-sum", action="store_true",
                   help="CBOW: sum the context vectors instead of averaging them")
    p.add_argument("--seed", type=int, default=d["seed"], metavar="N",
                   help="random seed; same seed, same vectors (default %(default)s)")
    p.add_argument("--threads", type=int, default=d["threads"], metavar="N",
                   help="upper bound on compute threads (default %(default)s); wordlab's "
                        "fast path computes on one thread, which measured faster on 2 cores "
                        "than torch's threads (engine/fast.py)")
    p.add_argument("--quiet", "-q", action="store_true",
                   help="no progress bar or notes: only the summary line, errors, and a "
                        "note if undecodable bytes in the corpus were replaced")
    corpora_cmd.add_corpus_options(p)
    p.set_defaults(handler=run)


def build_config(args: argparse.Namespace):
    """A validated ``Word2VecConfig`` from the arguments (ConfigError: one clear line)."""
    from engine.errors import ConfigError
    from engine.word2vec import Word2VecConfig

    config = Word2VecConfig(
        arch=args.arch, loss=args.loss, dim=args.dim, window=args.window,
        negative=args.negative, sample=args.sample,
        min_count=DEFAULTS["min_count"] if args.min_count is None else args.min_count,
        max_vocab=args.max_vocab, epochs=args.epochs, alpha=args.alpha,
        min_alpha=args.min_alpha, cbow_mean=not args.cbow_sum, seed=args.seed,
        threads=args.threads)
    try:
        config.validate()
    except ConfigError as err:
        raise ConfigError(_as_flag(str(err))) from None
    return config


# Config fields as the user typed them: "min_alpha must be ..." reads "--min-alpha must be ...".
_FLAGS = {name: "--" + name.replace("_", "-") for name in (
    "dim", "window", "negative", "sample", "min_count", "max_vocab", "epochs", "alpha",
    "min_alpha", "seed", "threads")}


def _as_flag(message: str) -> str:
    head, sep, rest = message.partition(" ")
    return _FLAGS[head] + sep + rest if head in _FLAGS else message


def check_writable(path: Path) -> None:
    """Fail before training, not after it, when ``--out`` cannot be written."""
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such directory to save into", str(parent))
    if not os.access(parent, os.W_OK | os.X_OK):
        raise PermissionError(errno.EACCES, "cannot write in this directory", str(parent))
    if path.exists() and not os.access(path, os.W_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))


def _has_any_token(corpus) -> bool:
    for sentence in corpus:
        if len(sentence):
            return True
    return False


def make_session(config, corpus, min_count_given: bool):
    """Build the vocabulary (inside ``TrainingSession``); explain an empty one."""
    from engine.errors import CorpusError
    from engine.word2vec import TrainingSession

    try:
        return TrainingSession(config, corpus)
    except CorpusError as err:
        # "No word above min_count" on a tiny corpus (the built-in lecture ones): the way out
        # is a lower --min-count.  An empty corpus is a different problem: leave it alone.
        if config.min_count > 1 and "--min-count" not in str(err) and _has_any_token(corpus):
            hint = ("try --min-count 1" if not min_count_given
                    else f"try a --min-count below {config.min_count}")
            raise CorpusError(f"{err} ({hint})") from None
        raise


class _Display:
    """Shows Progress events: a rich bar on a terminal, a line per 10% otherwise."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.last = None            # the latest Progress event (read by the main thread)
        self._bar = None
        self._task = None
        self._printed_decile = -1
        if quiet:
            return
        if sys.stderr.isatty():
            self._bar = _two_line_progress()

    def __enter__(self):
        if self._bar is not None:
            self._bar.start()
            self._task = self._bar.add_task("train", total=1, epoch="-", words="0",
                                            eta="?", stats="starting...")
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()

    def __call__(self, p) -> None:  # called from the training thread
        self.last = p
        if self.quiet:
            return
        if self._bar is not None:
            self._bar.update(
                self._task, total=max(1, p.total), completed=p.done,
                epoch=f"{p.epoch}/{p.epochs}", words=f"{_short(p.done)}/{_short(p.total)}",
                eta=output.fmt_seconds(p.eta),
                stats=f"loss {output.fmt_loss(p.loss)}   {p.rate:,.0f} words/s   lr {p.lr:.5f}   "
                      f"{output.fmt_seconds(p.elapsed)} elapsed")
            return
        decile = int(p.fraction * 10)
        if decile > self._printed_decile:
            self._printed_decile = decile
            output.note(f"{p.fraction:4.0%}  epoch {p.epoch}/{p.epochs}  "
                        f"{output.fmt_count(p.done)}/{output.fmt_count(p.total)} words  "
                        f"loss {output.fmt_loss(p.loss)}  {p.rate:,.0f} words/s  lr {p.lr:.5f}  "
                        f"ETA {output.fmt_seconds(p.eta)}")


def _two_line_progress():
    """A rich progress bar with the training figures on a second line, so that nothing is
    squeezed out on an 80-column terminal:

        epoch 2/5 ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━  43% 180.2k/419.3k words ETA 21.3 s
          loss 1.4901   11,034 words/s   lr 0.01431   16.2 s elapsed
    """
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn
    from rich.text import Text

    class TrainProgress(Progress):
        def get_renderables(self):
            yield self.make_tasks_table(self.tasks)
            for task in self.tasks:
                yield Text("  " + task.fields.get("stats", ""), style="dim")

    return TrainProgress(
        TextColumn("epoch {task.fields[epoch]}"), BarColumn(bar_width=None),
        TaskProgressColumn(), TextColumn("{task.fields[words]} words"),
        TextColumn("ETA {task.fields[eta]}"),
        console=output.stderr_console(), transient=False, refresh_per_second=10)


def _percent(fraction: float) -> str:
    """43% (or 0.4% early on, where a rounded 0% would hide that training had begun)."""
    return f"{fraction:.1%}" if fraction < 0.1 else f"{fraction:.0%}"


def _short(n: float) -> str:
    n = float(n)
    for unit, scale in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if abs(n) >= scale:
            return f"{n / scale:.1f}{unit}"
    return f"{n:.0f}"


class Interrupted(Exception):
    """Ctrl-C during training; carries the fraction done when it stopped."""

    def __init__(self, fraction: float) -> None:
        super().__init__(fraction)
        self.fraction = fraction


def _wait_ignoring_interrupts(event: threading.Event, timeout: float) -> bool:
    """Wait for ``event``; a second Ctrl-C while the worker is already stopping is ignored
    (leaving now, under a thread inside torch, would abort the process)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return event.wait(max(0.0, deadline - time.monotonic()))
        except KeyboardInterrupt:
            continue


def train_with_interrupt(session, display: _Display):
    """Run ``session.run`` in a worker thread; Ctrl-C in the main thread cancels it.

    The main thread waits on an Event, not on ``Thread.join``: in CPython 3.11 a join that
    KeyboardInterrupt breaks can leave ``is_alive()`` False while the thread still runs
    (fixed in 3.13), and exiting under a thread that is inside torch aborts the process.
    """
    cancel = threading.Event()
    finished = threading.Event()
    outcome: dict = {}

    def work() -> None:
        try:
            outcome["progress"] = session.run(callback=display, cancel_event=cancel)
        except BaseException as err:  # handed to the main thread, re-raised there
            outcome["error"] = err
        finally:
            finished.set()

    worker = threading.Thread(target=work, name="wordlab-train", daemon=True)
    worker.start()
    try:
        while not finished.wait(0.05):
            pass
    except KeyboardInterrupt:
        cancel.set()
        if not _wait_ignoring_interrupts(finished, INTERRUPT_JOIN_S):
            # An engine bug: the worker ignores the cancel event.  Exiting normally under a
            # thread inside torch aborts with a C++ message, so leave at once, saying why.
            output.error(f"training did not stop within {INTERRUPT_JOIN_S:.0f} s of Ctrl-C; "
                         "nothing was saved")
            sys.stdout.flush()
            os._exit(130)
        last = outcome.get("progress") or display.last
        raise Interrupted(last.fraction if last is not None else 0.0) from None
    worker.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["progress"]


def _report_reading(corpus) -> None:
    """What the reader found (non-UTF-8 bytes replaced, ...); shown even with --quiet: the
    user should know when their text was altered on the way in."""
    notes = list(getattr(corpus, "notes", None) or [])
    for line in notes:
        output.note(line)
    replaced = getattr(corpus, "replaced_bytes", 0) or 0
    if replaced and not any("replaced" in line for line in notes):
        output.note(f"the corpus is not valid UTF-8: {output.fmt_count(replaced)} byte(s) "
                    "could not be decoded and were replaced")


def _preload_torch() -> None:
    """Import torch (the engine's fast path) here in the main thread, where Ctrl-C during
    its seconds-long import lands at once, rather than inside the training worker."""
    import importlib.util

    if importlib.util.find_spec("torch") is not None:
        import torch  # noqa: F401


def run(args: argparse.Namespace) -> int:
    from corpora import open_corpus
    from engine.errors import TrainingError

    config = build_config(args)
    out = Path(args.out)
    check_writable(out)
    corpus = open_corpus(args.corpus, **corpora_cmd.corpus_options(args, seed=args.seed))
    if not args.quiet:
        output.note(f"reading {args.corpus!r} and building the vocabulary "
                    f"(min count {config.min_count})...")
    t0 = time.perf_counter()
    try:
        session = make_session(config, corpus, min_count_given=args.min_count is not None)
        _preload_torch()
    except KeyboardInterrupt:
        output.note("interrupted before training started: nothing was saved")
        return 130
    vocab_size = len(session.vocab)
    if not args.quiet:
        output.note(f"{output.fmt_count(vocab_size)} words in the vocabulary, "
                    f"{output.fmt_count(int(session.vocab.total))} tokens; "
                    f"training {config.arch}/{config.loss}, dim {config.dim}")
    display = _Display(args.quiet)
    try:
        with display:
            final = train_with_interrupt(session, display)
    except TrainingError as err:
        raise TrainingError(f"{err}; nothing was saved to {str(out)!r}") from None
    except Interrupted as stop:
        session.model.vectors().save(str(out), binary=args.binary)
        output.note(f"interrupted at {_percent(stop.fraction)}: saved the partially trained "
                    f"vectors to {str(out)!r}")
        return 130
    _report_reading(corpus)
    session.model.vectors().save(str(out), binary=args.binary)
    seconds = final.elapsed if final is not None and final.elapsed > 0 else (
        time.perf_counter() - t0)
    words = final.done if final is not None else 0
    rate = words / seconds if seconds > 0 else 0.0
    loss = output.fmt_loss(final.loss if final is not None else None)
    print(f"saved {output.fmt_count(vocab_size)} words x {config.dim} dims to {str(out)!r}: "
          f"trained on {output.fmt_count(words)} words in {output.fmt_seconds(seconds)} "
          f"({rate:,.0f} words/s), final loss {loss}")
    if getattr(corpus, "analogies", None) is not None and not args.quiet:
        from cli.eval_cmd import SHIPPED_SETS

        source = args.corpus if args.corpus in SHIPPED_SETS else str(corpus.analogies)
        output.note(f"score the corpus's planted analogies with: wordlab eval "
                    f"{_shell_word(str(out))} --analogies {_shell_word(source)}")
    return 0


def _shell_word(text: str) -> str:
    import shlex

    return shlex.quote(text)
