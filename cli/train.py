"""``wordlab train``: train Word2Vec on a corpus and save the vectors in word2vec format.

Training runs in a worker thread while the main thread waits on it, so Ctrl-C lands in
the main thread: it sets the cancel event (the engine looks at it at least every 100 ms),
saves the vectors trained so far (atomically) and exits 130.

``--out`` names the format (``.bin`` word2vec binary, ``.txt``/``.vec`` text, ``.gz``
compressed; ``--binary``/``--text`` override).  ``--log FILE`` writes one JSON object per
progress event as training runs (JSON Lines: ``words``, ``total``, ``loss``, ``lr``,
``words_per_s``, ``epoch``, ``epochs``, ``elapsed``, ``finished``; GloVe counts ``cells``
and ``cells_per_s``).  ``--json`` prints the result as JSON: ``{"out", "format", "words",
"dim", "trained", "unit", "seconds", "rate", "loss", "interrupted", "log"}``.
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
from cli.defaults import ENGINE as _ENGINE
from cli.defaults import EngineDefaultsFormatter, engine_default

INTERRUPT_JOIN_S = 30.0  # the engine promises <= 100 ms; this only guards against a bug

# The training flags default to None ("not given"): the settings come from
# engine.settings.training_settings(corpus, **given flags), the one definition the app's Train
# form uses too (the engine's general defaults, gensim's, with the corpus's suggestions over
# them: `wordlab train --corpus lecture` trains with the lecture's).  The help text shows the
# engine's values through cli.defaults, which imports the engine only when help is shown.
_SETTINGS = "{per-corpus settings}"   # in the epilog: the per-corpus table


class _HelpFormatter(EngineDefaultsFormatter):
    """The engine's defaults and the per-corpus table, filled in when help is shown."""

    def _format_text(self, text):
        if _SETTINGS in text:
            text = text.replace(_SETTINGS, settings_table())
        return super()._format_text(text)


def _glove_default(name: str):
    """GloVe's default of setting ``name`` (imported when help is shown)."""
    from engine.glove import GloveConfig

    return getattr(GloveConfig(), name)


def _fasttext_default(name: str):
    """FastText's default of setting ``name`` (imported when help is shown)."""
    from engine.fasttext import FastTextConfig

    return getattr(FastTextConfig(), name)


def _general(name: str):
    """The engine's general default of setting ``name`` (imported when help is shown)."""
    from engine.settings import GENERAL

    return getattr(GENERAL, name)


def settings_table() -> str:
    """The settings each built-in corpus changes from the general defaults (for --help)."""
    from corpora.registry import BUILTINS
    from engine.settings import suggested

    lines = []
    for name in BUILTINS:
        hints = suggested(name)
        what = ", ".join(f"{k.replace('_', '-')} {v:g}" if isinstance(v, float) else
                         f"{k.replace('_', '-')} {v}" for k, v in hints.items())
        lines.append(f"  {name:<11} {what or 'the general defaults'}")
    return "\n".join(lines)


def add_parser(sub) -> None:
    p = sub.add_parser(
        "train", help="train Word2Vec (or GloVe: --model glove) on a corpus and save the vectors",
        formatter_class=_HelpFormatter,
        description="Train Word2Vec (Skip-gram or CBOW; full softmax, negative sampling or "
                    "hierarchical softmax) and save the vectors in word2vec's C format, "
                    "which gensim reads. Settings not given on the command line are the "
                    "corpus's (below), else gensim's defaults, the same as the app's Train form.",
        epilog="Settings per corpus (over the general defaults; any flag overrides them):\n"
               f"{_SETTINGS}\n\n"
               "Examples:\n"
               "  wordlab train --corpus toy-world --arch sg --loss neg --out toy.vec\n"
               "  wordlab train --corpus text8 --out text8.bin      (.bin: word2vec binary)\n"
               "  wordlab train --corpus lecture --out lecture.vec.gz --log run.jsonl\n"
               "  wordlab train --corpus toy-world --model glove --out glove.txt --json")
    p.add_argument("--corpus", required=True, metavar="NAME|PATH",
                   help="a built-in corpus (see 'wordlab corpora') or a .txt file / folder")
    p.add_argument("--model", choices=("word2vec", "glove", "fasttext"),
                   help="word2vec (when not given), glove: a weighted least-squares fit of the "
                        "log co-occurrence counts, or fasttext: Word2Vec over words and their "
                        "character n-grams (each model's own settings below)")
    p.add_argument("--out", required=True, metavar="FILE", help="where to save the vectors")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--binary", action="store_true",
                     help="save in word2vec's binary format whatever --out's name says "
                          "(default: as the name says: .bin binary, .txt/.vec text, a final "
                          ".gz compressed with the format of the suffix before it)")
    fmt.add_argument("--text", dest="binary", action="store_false",
                     help="save in word2vec's text format whatever --out's name says")
    p.set_defaults(binary=None)   # neither flag: as --out's name says
    p.add_argument("--log", metavar="FILE",
                   help="write every progress event to FILE as a JSON line (words, loss, lr, "
                        "words_per_s, epoch, elapsed), as training runs, to plot elsewhere")
    p.add_argument("--json", action="store_true",
                   help="print the result (file, format, words, loss, speed) as JSON on stdout")
    shared = p.add_argument_group("every model")
    w2v = p.add_argument_group("Word2Vec (--model word2vec, the default)")
    w2v.add_argument("--arch", metavar="ARCH",
                   help=f"sg: Skip-gram (centre -> context); cbow: context -> centre "
                        f"(default {_ENGINE})")
    w2v.add_argument("--loss", metavar="LOSS",
                   help=f"output layer: softmax (the lecture's full softmax), neg (negative "
                        f"sampling), hs (hierarchical softmax) (default {_ENGINE})")
    shared.add_argument("--dim", type=int, metavar="N",
                   help=f"embedding size d (default {_ENGINE})")
    shared.add_argument("--window", type=int, metavar="N",
                   help=f"maximum context window; word2vec.c reduces it at random "
                        f"(default {_ENGINE})")
    shared.add_argument("--min-count", type=int, metavar="N",
                   help=f"ignore words seen fewer than N times (default {_ENGINE})")
    shared.add_argument("--max-vocab", type=int, metavar="N",
                   help=f"keep only the N most frequent words (default {_ENGINE})")
    w2v.add_argument("--negative", type=int, metavar="K",
                   help=f"negative samples per example with --loss neg (default {_ENGINE})")
    w2v.add_argument("--sample", type=float, metavar="S",
                   help=f"subsampling threshold for frequent words, 0 = off "
                        f"(default {_ENGINE})")
    shared.add_argument("--epochs", type=int, metavar="N",
                   help=f"passes over the corpus (default {_ENGINE})")
    w2v.add_argument("--alpha", type=float, metavar="LR",
                   help=f"initial learning rate (default {_ENGINE})")
    w2v.add_argument("--min-alpha", type=float, metavar="LR",
                   help=f"final learning rate; decays linearly (default {_ENGINE})")
    w2v.add_argument("--cbow-sum", action="store_true",
                   help="CBOW: sum the context vectors instead of averaging them")
    shared.add_argument("--seed", type=int, metavar="N",
                   help=f"random seed; same seed, same vectors (default {_ENGINE})")
    shared.add_argument("--threads", type=int, metavar="N",
                   help=f"training threads (default {_ENGINE}: the cores available); "
                        "with 1 thread a seed gives bit-identical vectors, more threads "
                        "trade that for speed (Hogwild, as word2vec.c and gensim)")
    w2v.add_argument("--update", choices=("shared", "pair"),
                   help=f"Skip-gram: 'shared' trains a centre word's contexts as one block "
                        f"sharing its negatives (or HS path), 'pair' each (context, centre) "
                        f"pair on its own, as word2vec.c (default {_ENGINE})")
    w2v.add_argument("--device", choices=("cpu", "cuda"),
                   help=f"cpu: the compiled kernels; cuda: the batched torch path on a GPU "
                        f"(default {_ENGINE})")
    g = p.add_argument_group("GloVe (--model glove; with the settings of every model)")
    glove_flags = [
        g.add_argument("--x-max", type=float, metavar="X",
                       help=f"counts at or above X weigh fully, below (count/X)^A (default {_ENGINE})"),
        g.add_argument("--eta", type=float, metavar="LR",
                       help=f"AdaGrad's learning rate (default {_ENGINE})"),
        g.add_argument("--weight-power", type=float, metavar="A",
                       help=f"the weighting function's exponent A, GloVe's alpha (default {_ENGINE})"),
        g.add_argument("--vectors", choices=("sum", "word"),
                       help=f"save w + w~ (sum) or the word vectors w alone (default {_ENGINE})"),
    ]
    for action in glove_flags:
        engine_default(action, lambda name=_GLOVE_FLAGS[action.dest]: _glove_default(name))
    ft = p.add_argument_group(
        "FastText (--model fasttext; with the settings of every model and Word2Vec's --arch, "
        "--negative, --sample, --alpha, --min-alpha; --out NAME.bin saves Facebook's model "
        "format, which answers unseen words, any other name the .vec text format)")
    fasttext_flags = [
        ft.add_argument("--minn", type=int, metavar="N",
                        help=f"shortest character n-gram, counting the < > word marks "
                             f"(default {_ENGINE})"),
        ft.add_argument("--maxn", type=int, metavar="N",
                        help=f"longest character n-gram; 0: no n-grams (default {_ENGINE})"),
        ft.add_argument("--bucket", type=int, metavar="N",
                        help=f"n-gram rows the n-grams are hashed into (default {_ENGINE})"),
        ft.add_argument("--subwords", choices=("chars", "jamo"),
                        help="take the n-grams over characters, or over Hangul jamo (each "
                             "Korean syllable split into initial, vowel and final; saves .vec "
                             f"only) (default {_ENGINE})"),
    ]
    for action in fasttext_flags:
        engine_default(action, lambda name=action.dest: _fasttext_default(name))
    p.add_argument("--quiet", "-q", action="store_true",
                   help="no progress bar or notes: only the summary line, errors, and a "
                        "note if undecodable bytes in the corpus were replaced")
    for action in p._actions:
        if action.dest in _TRAINING_FLAGS:
            engine_default(action, lambda name=action.dest: _general(name))
    corpora_cmd.add_corpus_options(p)
    p.set_defaults(handler=run)


#: the training flags: Word2VecConfig field -> argparse dest (the same name)
_TRAINING_FLAGS = ("arch", "loss", "dim", "window", "min_count", "max_vocab", "negative",
                   "sample", "epochs", "alpha", "min_alpha", "seed", "threads", "update",
                   "device")


def build_config(args: argparse.Namespace):
    """A validated ``Word2VecConfig``: the corpus's settings with the flags given over them
    (ConfigError: one clear line naming the flag)."""
    from engine.errors import ConfigError
    from engine.settings import training_settings

    given = {name: getattr(args, name, None) for name in _TRAINING_FLAGS}
    if getattr(args, "cbow_sum", False):
        given["cbow_mean"] = False
    config = training_settings(args.corpus, **given)
    problems = config.problems()
    if problems:
        err = problems[0]
        raise ConfigError(_as_flag(str(err)), field=getattr(err, "field", None)) from None
    return config


# Config fields as the user typed them: "min_alpha must be ..." reads "--min-alpha must be ...".
_FLAGS = {name: "--" + name.replace("_", "-") for name in _TRAINING_FLAGS}


def _as_flag(message: str) -> str:
    head, sep, rest = message.partition(" ")
    if head == "unknown" and rest.split(" ")[0] in ("arch", "loss"):
        return "unknown --" + rest         # "unknown --arch 'rnn' (choose sg or cbow)"
    return _FLAGS[head] + sep + rest if head in _FLAGS else message


#: Word2Vec's flags that GloVe has no use for (given with --model glove: an error, not ignored)
_WORD2VEC_ONLY = ("arch", "loss", "negative", "sample", "alpha", "min_alpha", "update", "device")
#: GloVe's flags -> GloveConfig fields
_GLOVE_FLAGS = {"dim": "dim", "window": "window", "epochs": "epochs", "min_count": "min_count",
                "max_vocab": "max_vocab", "seed": "seed", "threads": "threads", "x_max": "x_max",
                "eta": "eta", "weight_power": "alpha", "vectors": "vectors"}


def build_glove_config(args: argparse.Namespace):
    """A validated ``GloveConfig`` from the flags given (the rest: GloVe's defaults)."""
    from engine.errors import ConfigError
    from engine.settings import glove_settings

    for name in _WORD2VEC_ONLY + ("cbow_sum",):
        if getattr(args, name, None) not in (None, False):
            raise ConfigError(f"--{name.replace('_', '-')} is a Word2Vec setting; --model glove "
                              "takes --dim, --window, --epochs, --min-count, --x-max, --eta, "
                              "--weight-power, --vectors")
    # the corpus's vocabulary and window settings (the lecture's tiny texts: every word)
    config = glove_settings(args.corpus, **{field: getattr(args, flag, None)
                                            for flag, field in _GLOVE_FLAGS.items()})
    problems = config.problems()
    if problems:
        err = problems[0]
        flag = {v: k for k, v in _GLOVE_FLAGS.items()}.get(err.field, err.field)
        text = str(err)
        if err.field and text.startswith(err.field + " "):
            text = "--" + flag.replace("_", "-") + text[len(err.field):]
        raise ConfigError(text, field=err.field) from None
    return config


#: FastText's flags (each the FastTextConfig field of the same name)
_FASTTEXT_FLAGS = ("arch", "dim", "window", "negative", "sample", "epochs", "alpha", "min_alpha",
                   "min_count", "max_vocab", "seed", "threads", "minn", "maxn", "bucket",
                   "subwords")
_FASTTEXT_ONLY = ("minn", "maxn", "bucket", "subwords")


def _reject_fasttext_flags(args: argparse.Namespace) -> None:
    """--minn/--maxn/--bucket/--subwords without --model fasttext: one clear error."""
    from engine.errors import ConfigError

    for name in _FASTTEXT_ONLY:
        if getattr(args, name, None) is not None:
            raise ConfigError(f"--{name} is a FastText setting: add --model fasttext")


def build_fasttext_config(args: argparse.Namespace):
    """A validated ``FastTextConfig``: FastText's defaults, the corpus's settings (the
    lecture's: every word, no subsampling, ...) and the flags given over them."""
    from engine.errors import ConfigError

    others = ("update", "device", "cbow_sum") + tuple(_GLOVE_FLAGS.keys() - set(_FASTTEXT_FLAGS))
    for name in others:
        if getattr(args, name, None) not in (None, False):
            raise ConfigError(f"--{name.replace('_', '-')} is not a FastText setting; --model "
                              "fasttext takes --arch, --dim, --window, --negative, --sample, "
                              "--epochs, --alpha, --min-count, --minn, --maxn, --bucket")
    if getattr(args, "loss", None) not in (None, "neg"):
        raise ConfigError("--model fasttext trains with negative sampling only (--loss neg)")
    if getattr(args, "binary", None) is not None:
        raise ConfigError("--binary/--text are word2vec's formats; with --model fasttext --out's "
                          "name says: NAME.bin (Facebook's model) or NAME.vec (text)")
    from engine.settings import fasttext_settings

    config = fasttext_settings(args.corpus, **{name: getattr(args, name, None)
                                               for name in _FASTTEXT_FLAGS})
    problems = config.problems()
    if problems:
        err = problems[0]
        text = str(err)
        if err.field and text.startswith(err.field + " "):
            text = "--" + err.field.replace("_", "-") + text[len(err.field):]
        raise ConfigError(text, field=err.field) from None
    return config


FACEBOOK_BIN = "facebook"   # ``binary`` for FastText to a .bin name: Facebook's model format


def _save(session, out: Path, binary) -> None:
    """Save the trained vectors: FastText to a ``.bin`` name (``binary == FACEBOOK_BIN``) as
    Facebook's model format, with its n-grams; everything else in word2vec's formats."""
    model = session.model
    # FastText's n-gram rows (bucket x dim: 800 MB by default) are handed over, not copied
    # again: training is over
    vectors = model.vectors(copy=False) if hasattr(model, "subwords") else model.vectors()
    if binary == FACEBOOK_BIN:
        vectors.save_facebook(out)
    else:
        vectors.save(str(out), binary=binary)


def describe(config) -> str:
    """The settings that shape a run, in one line: 'sg/neg, dim 20, window 3, 50 epochs,
    alpha 0.1, sample 0'."""
    if hasattr(config, "bucket"):            # FastText
        return (f"FastText {config.arch}/neg, dim {config.dim}, window {config.window}, "
                f"{config.epochs} epochs, alpha {config.alpha:g}, sample {config.sample:g}, "
                f"n-grams {config.minn}-{config.maxn} in {config.bucket:,} buckets"
                + (" (over Hangul jamo)" if config.subwords == "jamo" else ""))
    if not hasattr(config, "arch"):          # GloVe
        return (f"GloVe, dim {config.dim}, window {config.window}, {config.epochs} epochs, "
                f"eta {config.eta:g}, x_max {config.x_max:g}")
    return (f"{config.arch}/{config.loss}, dim {config.dim}, window {config.window}, "
            f"{config.epochs} epochs, alpha {config.alpha:g}, sample {config.sample:g}")


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

    def __init__(self, quiet: bool, unit: str = "words", log: "RunLog | None" = None) -> None:
        self.quiet = quiet
        self.unit = unit
        self.log = log
        self.last = None            # the latest Progress event (read by the main thread)
        self._bar = None
        self._task = None
        self._printed_decile = -1
        if quiet:
            return
        if sys.stderr.isatty():
            self._bar = _two_line_progress(unit)

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
        if self.log is not None:
            self.log.write(p)
        if self.quiet:
            return
        if self._bar is not None:
            self._bar.update(
                self._task, total=max(1, p.total), completed=p.done,
                epoch=f"{p.epoch}/{p.epochs}", words=f"{_short(p.done)}/{_short(p.total)}",
                eta=output.fmt_seconds(p.eta),
                stats=f"loss {output.fmt_loss(p.loss)}   {p.rate:,.0f} {self.unit}/s   lr {p.lr:.5f}   "
                      f"{output.fmt_seconds(p.elapsed)} elapsed")
            return
        decile = int(p.fraction * 10)
        if decile > self._printed_decile:
            self._printed_decile = decile
            output.note(f"{p.fraction:4.0%}  epoch {p.epoch}/{p.epochs}  "
                        f"{output.fmt_count(p.done)}/{output.fmt_count(p.total)} {self.unit}  "
                        f"loss {output.fmt_loss(p.loss)}  {p.rate:,.0f} {self.unit}/s  lr {p.lr:.5f}  "
                        f"ETA {output.fmt_seconds(p.eta)}")


class RunLog:
    """``--log FILE``: one JSON object per progress event (JSON Lines), flushed as it is
    written, so that ``tail -f`` and a plotting script see the run as it goes."""

    def __init__(self, path: Path, unit: str = "words") -> None:
        self.path = path
        self.unit = unit
        self._file = open(path, "w", encoding="utf-8")   # OSError: one line, exit 2

    def write(self, p) -> None:
        import json

        record = {self.unit: p.done, "total": p.total, "loss": output.number(p.loss),
                  "lr": output.number(p.lr), f"{self.unit}_per_s": output.number(p.rate),
                  "epoch": p.epoch, "epochs": p.epochs, "elapsed": output.number(p.elapsed),
                  "finished": bool(p.finished)}
        self._file.write(json.dumps(record, allow_nan=False) + "\n")
        self._file.flush()

    def close(self) -> None:
        self._file.close()


def _two_line_progress(unit: str = "words"):
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
        TaskProgressColumn(), TextColumn("{task.fields[words]} " + unit),
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


def _preload(session) -> None:
    if hasattr(session, "preload"):              # FastText: its own compiled kernel
        session.preload()
        return
    if not hasattr(session, "backend"):          # GloVe: its own compiled kernel
        import engine.glove.kernels  # noqa: F401
        return
    """Import what the run trains with (numba's kernels, or torch for the full softmax and
    the GPU) here in the main thread, where Ctrl-C during a seconds-long import lands at
    once, rather than inside the training worker.  Only that one: torch's import alone
    takes longer than a kernel run on a small corpus."""
    if session.backend == "kernels":
        import engine.word2vec.kernels  # noqa: F401
    else:
        import torch  # noqa: F401


def run(args: argparse.Namespace) -> int:
    from corpora import open_corpus
    from engine.errors import TrainingError

    glove = getattr(args, "model", None) == "glove"
    fasttext = getattr(args, "model", None) == "fasttext"
    if not fasttext:
        _reject_fasttext_flags(args)
    config = (build_glove_config(args) if glove else
              build_fasttext_config(args) if fasttext else build_config(args))
    out = Path(args.out)
    if fasttext and out.suffix == ".bin" and config.subwords == "jamo":   # before training
        from engine.errors import ConfigError
        from engine.fasttext.vectors import JAMO_BIN_REFUSED

        raise ConfigError(JAMO_BIN_REFUSED.format(path=out), field="subwords")
    check_writable(out)
    if getattr(args, "log", None):
        check_writable(Path(args.log))
    corpus = open_corpus(args.corpus, **corpora_cmd.corpus_options(args, seed=args.seed))
    if not args.quiet:
        output.note(f"reading {args.corpus!r} and building the vocabulary "
                    f"(min count {config.min_count})...")
    t0 = time.perf_counter()
    try:
        if glove:
            from engine.glove import GloveSession

            session = GloveSession(config, corpus)
        elif fasttext:
            from engine.fasttext import FastTextSession

            session = FastTextSession(config, corpus)
        else:
            session = make_session(config, corpus, min_count_given=args.min_count is not None)
        _preload(session)
    except KeyboardInterrupt:
        output.note("interrupted before training started: nothing was saved")
        return 130
    vocab_size = len(session.vocab)
    if not args.quiet:
        output.note(f"{output.fmt_count(vocab_size)} words in the vocabulary, "
                    f"{output.fmt_count(int(session.vocab.total))} tokens; "
                    f"training {describe(config)}")
    unit = "cells" if glove else "words"   # GloVe trains co-occurrence cells, not running text
    if glove and not args.quiet:
        output.note(f"{output.fmt_count(len(session.X))} non-zero co-occurrence cells "
                    f"(window {config.window})")
    log = RunLog(Path(args.log), unit) if getattr(args, "log", None) else None
    display = _Display(args.quiet, unit, log)
    binary = getattr(args, "binary", None)     # None: as --out's name says
    if fasttext and out.suffix == ".bin":
        binary = FACEBOOK_BIN
    try:
        with display:
            final = train_with_interrupt(session, display)
    except TrainingError as err:
        raise TrainingError(f"{err}; nothing was saved to {str(out)!r}") from None
    except Interrupted as stop:
        _save(session, out, binary)
        output.note(f"interrupted at {_percent(stop.fraction)}: saved the partially trained "
                    f"vectors to {str(out)!r}")
        if getattr(args, "json", False):
            _print_result(args, out, binary, vocab_size, config.dim, unit, display.last,
                          time.perf_counter() - t0, interrupted=True)
        return 130
    finally:
        if log is not None:
            log.close()
    _report_reading(corpus)
    _save(session, out, binary)
    if getattr(args, "json", False):
        _print_result(args, out, binary, vocab_size, config.dim, unit, final,
                      time.perf_counter() - t0)
        return 0
    seconds = final.elapsed if final is not None and final.elapsed > 0 else (
        time.perf_counter() - t0)
    words = final.done if final is not None else 0
    rate = words / seconds if seconds > 0 else 0.0
    loss = output.fmt_loss(final.loss if final is not None else None)
    print(f"saved {output.fmt_count(vocab_size)} words x {config.dim} dims to {str(out)!r} "
          f"({_format_of(out, binary)}): "
          f"trained on {output.fmt_count(words)} {unit} in {output.fmt_seconds(seconds)} "
          f"({rate:,.0f} {unit}/s), final loss {loss}")
    if getattr(corpus, "analogies", None) is not None and not args.quiet:
        from cli.eval_cmd import SHIPPED_SETS

        source = args.corpus if args.corpus in SHIPPED_SETS else str(corpus.analogies)
        output.note(f"score the corpus's planted analogies with: wordlab eval "
                    f"{_shell_word(str(out))} --analogies {_shell_word(source)}")
    return 0


def _format_of(out: Path, binary: bool | None) -> str:
    """What ``save(out, binary=binary)`` wrote: "word2vec binary, gzip-compressed", ..."""
    from engine.vectors import describe_format, format_from_name

    if binary == FACEBOOK_BIN:
        return "fastText .bin model, with n-grams"
    by_name, gzipped = format_from_name(out)
    return describe_format(by_name if binary is None else binary, gzipped)


def _print_result(args, out: Path, binary: bool | None, vocab_size: int, dim: int, unit: str,
                  final, wall: float, interrupted: bool = False) -> None:
    """``--json``: the run's result on stdout."""
    seconds = final.elapsed if final is not None and final.elapsed > 0 else wall
    done = final.done if final is not None else 0
    output.print_json({
        "out": str(out), "format": _format_of(out, binary), "words": vocab_size, "dim": dim,
        "trained": done, "unit": unit, "seconds": output.number(seconds),
        "rate": output.number(done / seconds if seconds > 0 else 0.0),
        "loss": output.number(final.loss if final is not None else None),
        "interrupted": interrupted, "log": getattr(args, "log", None)})


def _shell_word(text: str) -> str:
    import shlex

    return shlex.quote(text)
