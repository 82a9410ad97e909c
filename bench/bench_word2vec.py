"""wordlab's Word2Vec against gensim 4.x: same sentences, same settings, alternating runs.

    .venv/bin/python bench/bench_word2vec.py                      # the table of docs/BENCHMARKS.md
    .venv/bin/python bench/bench_word2vec.py --combos sg/neg cbow/neg --epochs 5 --reps 3
    .venv/bin/python bench/bench_word2vec.py --quick              # tiny: a smoke run (seconds)
    .venv/bin/python bench/bench_word2vec.py --combos cbow/hs --epochs 5 --reps 12 --no-process
                                                    # quality over 12 seeds, +- standard error
    .venv/bin/python bench/bench_word2vec.py --corpus my.txt --combos sg/hs --no-process

Corpus: ``../shared/corpora/wiki-bench.txt`` (skipped with a message when absent), one
sentence per line, ``line.split()`` tokens, read once into a list that both tools train
on.  Settings (issue 9): dim 100, window 5, min_count 5, sample 1e-3, negative 5, alpha
0.025 (sg) / 0.05 (cbow), min_alpha 1e-4, ``--threads`` 2 threads / workers.

For each combination (``sg/neg cbow/neg sg/hs cbow/hs``, and ``sg/softmax`` on request:
gensim has no full softmax, its column stays empty) and each ``--epochs`` value, wordlab
and gensim train alternately ``--reps`` times.  Printed: median words/s of each (in-
vocabulary words x epochs / training seconds, gensim's way of counting; wordlab's time
excludes the one-off kernel compile), the ratio, and the mean over the repetitions of
WordSim-353 Spearman and Google-analogy accuracy (both tools' vectors through
engine/evaluate.py, restrict_vocab 30000; each repetition uses seed + rep).  Then, unless ``--no-process``, whole-process
wall time: ``wordlab train`` against a gensim script that loads the file, trains and saves,
each as a fresh ``python`` process (``--reps`` each, median), since that is what a user waits
for.  The machine's load moves every number: compare the ratios of one run, not runs.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

COMBOS = ("sg/neg", "cbow/neg", "sg/hs", "cbow/hs")

GENSIM_SCRIPT = """
import sys
from gensim.models import Word2Vec
path, out, sg, hs, neg, alpha, epochs, workers, dim, seed = sys.argv[1:11]
class Lines:
    def __iter__(self):
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                t = line.split()
                if t:
                    yield t
m = Word2Vec(Lines(), vector_size=int(dim), window=5, min_count=5, sample=1e-3, sg=int(sg),
             hs=int(hs), negative=int(neg), alpha=float(alpha), min_alpha=0.0001,
             epochs=int(epochs), workers=int(workers), seed=int(seed))
m.wv.save_word2vec_format(out)
"""


def read_lines(path: Path, max_lines: int | None) -> list[list[str]]:
    out = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for i, line in enumerate(f):
            if max_lines is not None and i >= max_lines:
                break
            tokens = line.split()
            if tokens:
                out.append(tokens)
    return out


def evaluate(words, vectors, ws_path: Path, an_path: Path) -> tuple[float, float]:
    """(WordSim-353 Spearman, Google analogy accuracy), both by engine/evaluate.py."""
    from engine.evaluate import evaluate_analogies, evaluate_pairs
    from engine.vectors import KeyedVectors

    kv = KeyedVectors(list(words), vectors)
    ws = an = float("nan")
    if ws_path.exists():
        r = evaluate_pairs(kv, ws_path)
        ws = float(r.spearman) if r.spearman is not None else float("nan")
    if an_path.exists():
        an = float(evaluate_analogies(kv, an_path, restrict_vocab=30000).accuracy)
    return ws, an


def train_wordlab(sentences, arch, loss, epochs, args, rep=0):
    from engine.word2vec import TrainingSession, Word2VecConfig

    alpha = 0.05 if arch == "cbow" else 0.025
    cfg = Word2VecConfig(arch=arch, loss=loss, dim=args.dim, window=5, negative=5, sample=1e-3,
                         min_count=args.min_count, epochs=epochs, alpha=alpha, min_alpha=0.0001,
                         threads=args.threads, seed=args.seed + rep, update=args.update)
    session = TrainingSession(cfg, sentences)
    session.encoded()
    compile_s = []
    t = time.perf_counter()
    p = session.run(status=lambda s: compile_s.append(time.perf_counter()))
    wall = time.perf_counter() - t
    secs = p.elapsed if compile_s else wall        # without the one-off compile
    m = session.model
    return {"rate": p.done / secs, "secs": secs, "words": m.vocab.words, "vectors": m.W_in,
            "compile": wall - secs}


def train_gensim(sentences, arch, loss, epochs, args, rep=0):
    from gensim.models import Word2Vec

    alpha = 0.05 if arch == "cbow" else 0.025
    g = Word2Vec(vector_size=args.dim, window=5, min_count=args.min_count, sample=1e-3,
                 sg=1 if arch == "sg" else 0, hs=1 if loss == "hs" else 0,
                 negative=5 if loss == "neg" else 0, alpha=alpha, min_alpha=0.0001,
                 workers=args.threads, seed=args.seed + rep, epochs=epochs)
    g.build_vocab(sentences)
    t = time.perf_counter()
    g.train(sentences, total_examples=g.corpus_count, epochs=epochs)
    secs = time.perf_counter() - t
    words = list(g.wv.index_to_key)
    total = int(sum(g.wv.get_vecattr(w, "count") for w in words)) * epochs
    return {"rate": total / secs, "secs": secs, "words": words, "vectors": g.wv.vectors}


def process_times(arch, loss, epochs, args) -> tuple[float, float]:
    """Median wall seconds of ``wordlab train`` and of the gensim script, fresh processes."""
    alpha = "0.05" if arch == "cbow" else "0.025"
    wl, gs = [], []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "v.vec"
        wl_cmd = [sys.executable, "-m", "cli", "train", "--corpus", str(args.corpus), "--out", str(out),
                  "--arch", arch, "--loss", loss, "--dim", str(args.dim), "--epochs", str(epochs),
                  "--alpha", alpha, "--min-count", str(args.min_count), "--seed", str(args.seed),
                  "--no-lowercase", "--keep-punct", "--quiet", "--threads", str(args.threads)]
        gs_cmd = [sys.executable, "-c", GENSIM_SCRIPT, str(args.corpus), str(out),
                  "1" if arch == "sg" else "0", "1" if loss == "hs" else "0",
                  "5" if loss == "neg" else "0", alpha, str(epochs), str(args.threads),
                  str(args.dim), str(args.seed)]
        for _ in range(args.reps):
            for cmd, acc in ((wl_cmd, wl), (gs_cmd, gs)):
                t = time.perf_counter()
                subprocess.run(cmd, cwd=REPO, check=True, stdout=subprocess.DEVNULL)
                acc.append(time.perf_counter() - t)
    return statistics.median(wl), statistics.median(gs)


def mean_se(values: list[float], fmt: str) -> str:
    """The mean, and with several repetitions its standard error: seeds move WS-353 by
    +- 0.03 on this corpus, so a difference means something only beside its error."""
    m = statistics.mean(values)
    if len(values) < 2:
        return fmt.format(m)
    return f"{fmt.format(m)} +- {fmt.format(statistics.stdev(values) / len(values) ** 0.5)}"


def versions() -> str:
    import numpy

    parts = [f"python {platform.python_version()}", f"numpy {numpy.__version__}"]
    for mod in ("numba", "gensim"):
        try:
            parts.append(f"{mod} {__import__(mod).__version__}")
        except ImportError:
            parts.append(f"{mod} (absent)")
    return ", ".join(parts)


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {len(os.sched_getaffinity(0))} cores available"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpora" / "wiki-bench.txt")
    ap.add_argument("--combos", nargs="+", default=list(COMBOS), metavar="ARCH/LOSS",
                    help="any of sg/neg cbow/neg sg/hs cbow/hs sg/softmax cbow/softmax")
    ap.add_argument("--epochs", type=int, nargs="+", default=[5, 15])
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--update", choices=("shared", "pair"), default="shared",
                    help="wordlab's Skip-gram + NS form (default shared)")
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-lines", type=int, default=None)
    ap.add_argument("--only", choices=("wordlab", "gensim"), default=None)
    ap.add_argument("--no-process", action="store_true", help="skip the whole-process timing")
    ap.add_argument("--quick", action="store_true",
                    help="smoke run: 2,000 lines, 1 epoch, 1 rep, dim 20, no process timing")
    args = ap.parse_args(argv)
    if args.quick:
        args.max_lines = args.max_lines or 2000
        args.epochs, args.reps, args.dim, args.no_process = [1], 1, 20, True
    if not args.corpus.exists():
        print(f"skipped: corpus not found: {args.corpus}")
        return 0
    ws_path = SHARED / "eval" / "wordsim353.tsv"
    an_path = SHARED / "eval" / "questions-words.txt"
    try:
        import gensim  # noqa: F401
        have_gensim = args.only != "wordlab"
    except ImportError:
        print("gensim is not installed: wordlab only")
        have_gensim = False
    sentences = read_lines(args.corpus, args.max_lines)
    print(f"# {args.corpus.name}: {len(sentences):,} lines, {sum(map(len, sentences)):,} tokens | "
          f"dim {args.dim}, window 5, min_count {args.min_count}, sample 1e-3, negative 5, "
          f"{args.threads} threads, {args.reps} reps, wordlab update={args.update}")
    print(f"# {machine()} | {versions()} | {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print("| arch/loss | epochs | wordlab words/s | gensim words/s | ratio | WS-353 wordlab | "
          "WS-353 gensim | analogy wordlab | analogy gensim | process wordlab s | process gensim s "
          "| process ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for combo in args.combos:
        arch, loss = combo.split("/")
        peer = have_gensim and loss != "softmax"
        if have_gensim and not peer:
            print(f"# {combo}: gensim has no full softmax (hs=0, negative=0 crashes it): wordlab only",
                  file=sys.stderr)
        for epochs in args.epochs:
            runs = {"wordlab": [], "gensim": []}
            for rep in range(args.reps):
                if args.only != "gensim":
                    runs["wordlab"].append(train_wordlab(sentences, arch, loss, epochs, args, rep))
                if peer:
                    runs["gensim"].append(train_gensim(sentences, arch, loss, epochs, args, rep))
            cells = {}
            for name, rs in runs.items():
                if not rs:
                    cells[name] = ("-", "-", "-", None)
                    continue
                rate = statistics.median(r["rate"] for r in rs)
                scores = [evaluate(r["words"], r["vectors"], ws_path, an_path) for r in rs]
                cells[name] = (f"{rate:,.0f}", mean_se([x[0] for x in scores], "{:.3f}"),
                               mean_se([x[1] for x in scores], "{:.2%}"), rate)
            a, b = cells["wordlab"], cells["gensim"]
            ratio = f"{a[3] / b[3]:.2f}" if a[3] and b[3] else "-"
            pw = pg = pr = "-"
            if not args.no_process and peer and args.only is None and args.max_lines is None:
                tw, tg = process_times(arch, loss, epochs, args)
                pw, pg, pr = f"{tw:.1f}", f"{tg:.1f}", f"{tg / tw:.2f}"
            print(f"| {combo} | {epochs} | {a[0]} | {b[0]} | {ratio} | {a[1]} | {b[1]} | {a[2]} | "
                  f"{b[2]} | {pw} | {pg} | {pr} |", flush=True)
    print("# ratio: wordlab words/s / gensim words/s; process ratio: gensim seconds / wordlab seconds;"
          " quality: mean over reps (seed + rep) +- standard error")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
