"""wordlab's FastText against gensim 4.x's FastText: the same sentences and settings, alternately.

    .venv/bin/python bench/bench_fasttext.py                  # the table of docs/BENCHMARKS.md
    .venv/bin/python bench/bench_fasttext.py --archs sg --reps 1 --no-process
    .venv/bin/python bench/bench_fasttext.py --quick          # tiny: a smoke run (seconds)

Corpus: ``../shared/corpora/wiki-bench.txt`` (skipped with a message when absent), one
sentence per line, ``line.split()`` tokens, read once into a list that both tools train on.
Settings (issue 11), the same for both: dim 100, window 5, min_count 5, minn 3, maxn 6,
bucket 2,000,000, negative 5, epochs 5, ``--threads`` 2 threads / workers; and where the two
tools' defaults differ, fastText's: alpha 0.05, noise exponent 0.5 (gensim's default is 0.75),
sample 1e-3 (wordlab's and gensim's; fastText's 1e-4 is too strong for a corpus this small),
min_alpha 1e-4.

For each architecture (``sg cbow``), wordlab and gensim train alternately ``--reps`` times.
Printed: median words/s of each (in-vocabulary words x epochs / training seconds, gensim's
way of counting; wordlab's time excludes the one-off kernel compile, gensim's its
``build_vocab``), the ratio, and the mean over the repetitions of WordSim-353 Spearman and
Google-analogy accuracy (both tools' vocabulary vectors through engine/evaluate.py,
restrict_vocab 30000; each repetition uses seed + rep), and the OOV check: Spearman over
*every* WS-353 pair, a word outside the vocabulary answered from its n-grams (each tool's own
``similarity``; both average the word's n-gram rows), and over the pairs with such a word
alone.  Then, unless ``--no-process``, whole-process wall time: ``wordlab train --model
fasttext`` against a gensim script that reads the file, trains and saves the ``.vec``, fresh
``python`` processes (``--reps`` each, median): this includes what the words/s leave out
(reading, the vocabulary, initialising 2M n-gram rows, the save).  The machine's load moves
every number: compare the ratios of one run, not runs.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

from bench.bench_word2vec import evaluate, machine, mean_se, read_lines, versions  # noqa: E402

ARCHS = ("sg", "cbow")
ALPHA, MIN_ALPHA, SAMPLE, NS_EXPONENT, MINN, MAXN = 0.05, 1e-4, 1e-3, 0.5, 3, 6

GENSIM_SCRIPT = """
import sys
from gensim.models import FastText
path, out, sg, epochs, workers, dim, seed, bucket, min_count = sys.argv[1:10]
class Lines:
    def __iter__(self):
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                t = line.split()
                if t:
                    yield t
m = FastText(Lines(), vector_size=int(dim), window=5, min_count=int(min_count), sample=%r,
             sg=int(sg), hs=0, negative=5, ns_exponent=%r, alpha=%r, min_alpha=%r, min_n=%d,
             max_n=%d, bucket=int(bucket), epochs=int(epochs), workers=int(workers),
             seed=int(seed))
m.wv.save_word2vec_format(out)
""" % (SAMPLE, NS_EXPONENT, ALPHA, MIN_ALPHA, MINN, MAXN)


def ws353_pairs(path: Path) -> list[tuple[str, str, float]]:
    """WordSim-353's pairs, lower-cased (the corpus is), as engine/evaluate.py reads them."""
    out = []
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        fields = [x.strip() for x in line.split("\t")]
        if len(fields) != 3:
            fields = line.split()
        if len(fields) == 3:
            try:
                out.append((fields[0].lower(), fields[1].lower(), float(fields[2])))
            except ValueError:
                pass
    return out


def oov_check(pairs, known, similarity) -> tuple[float, float, int]:
    """(Spearman over every pair, over the pairs with an out-of-vocabulary word, how many
    such pairs): the unseen words' vectors from their n-grams, scored by ``similarity``."""
    from engine.evaluate import spearman

    if not pairs:
        return float("nan"), float("nan"), 0
    gold = [s for _, _, s in pairs]
    model = [float(similarity(a, b)) for a, b, _ in pairs]
    oov = [i for i, (a, b, _) in enumerate(pairs) if a not in known or b not in known]
    every = spearman(gold, model)
    some = spearman([gold[i] for i in oov], [model[i] for i in oov]) if len(oov) > 1 else None
    return (float("nan") if every is None else float(every),
            float("nan") if some is None else float(some), len(oov))


def train_wordlab(sentences, arch, args, rep=0) -> dict:
    from engine.fasttext import FastTextConfig, FastTextSession

    cfg = FastTextConfig(arch=arch, dim=args.dim, window=5, negative=5, ns_exponent=NS_EXPONENT,
                         sample=SAMPLE, min_count=args.min_count, epochs=args.epochs, alpha=ALPHA,
                         min_alpha=MIN_ALPHA, minn=MINN, maxn=MAXN, bucket=args.bucket,
                         seed=args.seed + rep, threads=args.threads)
    t = time.perf_counter()
    session = FastTextSession(cfg, sentences)
    session.encoded()
    setup = time.perf_counter() - t
    compiled = []
    t = time.perf_counter()
    p = session.run(status=lambda s: compiled.append(time.perf_counter()))
    wall = time.perf_counter() - t
    secs = p.elapsed if compiled else wall          # without the one-off compile
    kv = session.model.vectors(copy=False)
    return {"rate": p.done / secs, "secs": secs, "setup": setup, "words": kv.words,
            "vectors": kv.vectors, "known": kv.index, "similarity": kv.similarity}


def train_gensim(sentences, arch, args, rep=0) -> dict:
    from gensim.models import FastText

    g = FastText(vector_size=args.dim, window=5, min_count=args.min_count, sample=SAMPLE,
                 sg=1 if arch == "sg" else 0, hs=0, negative=5, ns_exponent=NS_EXPONENT,
                 alpha=ALPHA, min_alpha=MIN_ALPHA, min_n=MINN, max_n=MAXN, bucket=args.bucket,
                 workers=args.threads, seed=args.seed + rep, epochs=args.epochs)
    t = time.perf_counter()
    g.build_vocab(sentences)
    setup = time.perf_counter() - t
    t = time.perf_counter()
    g.train(sentences, total_examples=g.corpus_count, epochs=args.epochs)
    secs = time.perf_counter() - t
    words = list(g.wv.index_to_key)
    total = int(sum(g.wv.get_vecattr(w, "count") for w in words)) * args.epochs
    return {"rate": total / secs, "secs": secs, "setup": setup, "words": words,
            "vectors": g.wv.vectors, "known": g.wv.key_to_index, "similarity": g.wv.similarity}


def scores(run: dict, pairs, ws_path: Path, an_path: Path) -> tuple:
    """(WS-353, analogy, WS-353 over every pair, over the OOV pairs, how many OOV pairs)."""
    ws, an = evaluate(run["words"], run["vectors"], ws_path, an_path)
    every, oov, n_oov = oov_check(pairs, run["known"], run["similarity"])
    return ws, an, every, oov, n_oov


def process_times(arch, args) -> tuple[float, float]:
    """Median wall seconds of ``wordlab train --model fasttext`` and of the gensim script."""
    wl, gs = [], []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "v.vec"
        wl_cmd = [sys.executable, "-m", "cli", "train", "--corpus", str(args.corpus), "--out",
                  str(out), "--model", "fasttext", "--arch", arch, "--dim", str(args.dim),
                  "--epochs", str(args.epochs), "--alpha", str(ALPHA), "--min-alpha",
                  str(MIN_ALPHA), "--sample", str(SAMPLE), "--negative", "5", "--window", "5",
                  "--minn", str(MINN), "--maxn", str(MAXN), "--bucket", str(args.bucket),
                  "--min-count", str(args.min_count), "--seed", str(args.seed),
                  "--no-lowercase", "--keep-punct", "--quiet", "--threads", str(args.threads)]
        gs_cmd = [sys.executable, "-c", GENSIM_SCRIPT, str(args.corpus), str(out),
                  "1" if arch == "sg" else "0", str(args.epochs), str(args.threads),
                  str(args.dim), str(args.seed), str(args.bucket), str(args.min_count)]
        for _ in range(args.reps):
            for cmd, acc in ((wl_cmd, wl), (gs_cmd, gs)):
                t = time.perf_counter()
                subprocess.run(cmd, cwd=REPO, check=True, stdout=subprocess.DEVNULL)
                acc.append(time.perf_counter() - t)
    return statistics.median(wl), statistics.median(gs)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpora" / "wiki-bench.txt")
    ap.add_argument("--archs", nargs="+", choices=ARCHS, default=list(ARCHS))
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--bucket", type=int, default=2_000_000)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-lines", type=int, default=None)
    ap.add_argument("--only", choices=("wordlab", "gensim"), default=None)
    ap.add_argument("--no-process", action="store_true", help="skip the whole-process timing")
    ap.add_argument("--quick", action="store_true",
                    help="smoke run: 2,000 lines, 1 epoch, 1 rep, dim 20, 20,000 buckets, "
                         "no process timing")
    args = ap.parse_args(argv)
    if args.quick:
        args.max_lines = args.max_lines or 2000
        args.epochs, args.reps, args.dim, args.bucket, args.no_process = 1, 1, 20, 20_000, True
    if not args.corpus.exists():
        print(f"skipped: corpus not found: {args.corpus}")
        return 0
    ws_path = SHARED / "eval" / "wordsim353.tsv"
    an_path = SHARED / "eval" / "questions-words.txt"
    try:
        import gensim  # noqa: F401
        have_gensim = args.only != "wordlab"
    except ImportError:
        print("gensim is not installed: wordlab only", file=sys.stderr)
        have_gensim = False
    pairs = ws353_pairs(ws_path)
    sentences = read_lines(args.corpus, args.max_lines)
    t_all = time.perf_counter()
    print(f"# {args.corpus.name}: {len(sentences):,} lines, {sum(map(len, sentences)):,} tokens | "
          f"dim {args.dim}, window 5, min_count {args.min_count}, minn {MINN}, maxn {MAXN}, "
          f"bucket {args.bucket:,}, negative 5, epochs {args.epochs}, alpha {ALPHA}, "
          f"ns_exponent {NS_EXPONENT}, sample {SAMPLE:g}, {args.threads} threads, "
          f"{args.reps} reps")
    print(f"# {machine()} | {versions()} | {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print("| arch | tool | words/s | ratio | setup s | WS-353 | analogy | WS-353 all pairs "
          "(OOV from n-grams) | WS-353 OOV pairs only | process s | process ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for arch in args.archs:
        tools = [t for t in ("wordlab", "gensim") if args.only in (None, t)
                 and (t == "wordlab" or have_gensim)]
        runs: dict[str, list] = {t: [] for t in tools}
        for rep in range(args.reps):
            for tool in tools:                      # alternating; one model alive at a time
                run = (train_wordlab if tool == "wordlab" else train_gensim)(
                    sentences, arch, args, rep)
                runs[tool].append((run["rate"], run["setup"], scores(run, pairs, ws_path, an_path)))
                del run
                gc.collect()
        rate = {t: statistics.median(r[0] for r in rs) for t, rs in runs.items()}
        proc = {}
        if not args.no_process and len(tools) == 2 and args.max_lines is None:
            proc["wordlab"], proc["gensim"] = process_times(arch, args)
        for tool, rs in runs.items():
            q = [r[2] for r in rs]
            ratio = (f"{rate['wordlab'] / rate['gensim']:.2f}"
                     if tool == "wordlab" and "gensim" in rate else "")
            pratio = (f"{proc['gensim'] / proc['wordlab']:.2f}"
                      if tool == "wordlab" and proc else "" if proc else "-")
            ptime = f"{proc[tool]:.1f}" if proc else "-"
            print(f"| {arch} | {tool} | {rate[tool]:,.0f} | {ratio} | "
                  f"{statistics.median(r[1] for r in rs):.1f} | "
                  f"{mean_se([x[0] for x in q], '{:.3f}')} | "
                  f"{mean_se([x[1] for x in q], '{:.2%}')} | "
                  f"{mean_se([x[2] for x in q], '{:.3f}')} | "
                  f"{mean_se([x[3] for x in q], '{:.3f}')} ({q[0][4]} pairs) | {ptime} | "
                  f"{pratio} |", flush=True)
    print("# ratio: wordlab words/s / gensim words/s; process ratio: gensim seconds / wordlab "
          "seconds; setup: vocabulary + n-gram tables + weights before training (gensim: "
          "build_vocab); quality: mean over reps (seed + rep) +- standard error")
    print(f"# wall time of this run: {time.perf_counter() - t_all:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
