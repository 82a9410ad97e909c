"""wordlab's FastText against gensim 4.x's FastText and Facebook's fastText (its Python
bindings, the ``fasttext-wheel`` package): the same sentences and settings, alternately.

    .venv/bin/python bench/bench_fasttext.py                  # the table of docs/BENCHMARKS.md
    .venv/bin/python bench/bench_fasttext.py --archs sg --reps 1 --no-process
    .venv/bin/python bench/bench_fasttext.py --quick          # tiny: a smoke run (seconds)

Corpus: ``../shared/corpora/wiki-bench.txt`` (skipped with a message when absent), one
sentence per line, ``line.split()`` tokens, read once into a list that wordlab and gensim train
on; fastText, which reads a file, gets those lists written back one per line (the same tokens).
Settings (issue 11), the same for all: dim 100, window 5, min_count 5, minn 3, maxn 6,
bucket 2,000,000, negative 5, epochs 5, ``--threads`` 2 threads / workers; and where the
tools' defaults differ, fastText's: alpha 0.05, noise exponent 0.5 (gensim's default is 0.75),
sample 1e-3 (wordlab's and gensim's; fastText's own default t=1e-4 is too strong for a corpus
this small, so fastText gets t=1e-3), min_alpha 1e-4.  What fastText does not let one set:
its learning rate falls to 0 (not 1e-4), updated every ``lrUpdateRate`` (100) words; it
appends ``</s>`` to every line as a word (trained like one, subsampled away mostly); its 0.9.2
bindings take no seed (its threads seed themselves with their number: the repetitions differ
only by the threads' interleaving).  fastText runs only when ``fasttext`` imports (skipped with
a message otherwise); it is not a dependency.

For each architecture (``sg cbow``), the tools train alternately ``--reps`` times.
Printed: median words/s of each (in-vocabulary words x epochs / training seconds, gensim's
way of counting, for all three: the sum of the vocabulary's counts, fastText's ``</s>``
left out, times epochs), wordlab's ratio to each peer, and the mean over the repetitions of
WordSim-353 Spearman and Google-analogy accuracy (each tool's vocabulary vectors through
engine/evaluate.py, restrict_vocab 30000; fastText's from ``get_words`` / ``get_word_vector``;
each repetition uses seed + rep), and the OOV check: Spearman over *every* WS-353 pair, a word
outside the vocabulary answered from its n-grams (each tool's own vectors: wordlab's and
gensim's ``similarity``, the cosine of fastText's ``get_word_vector``; all three average the
word's n-gram rows), and over the pairs with such a word alone.  Training seconds: wordlab's
exclude the one-off kernel compile, gensim's its ``build_vocab``; fastText's
``train_unsupervised`` is one call, so its setup is timed as the same call with ``epoch=0``
(reading, vocabulary, n-grams, the random 2M-row matrix) and subtracted; fastText's own
``words/sec/thread`` (x threads; it counts ``</s>`` too) is printed below the table as a
check.  Words per CPU second: the same words over the CPU seconds the process spent (all its
threads) while training, which other programs' load moves less than words/s.  Then, unless
``--no-process``, whole-process wall time: ``wordlab train --model
fasttext`` against a gensim script and a fastText script that read the file, train and save
the ``.vec``, fresh ``python`` processes (``--reps`` each, median): this includes what the
words/s leave out (reading, the vocabulary, initialising 2M n-gram rows, the save).  The
machine's load moves every number: compare the ratios of one run, not runs.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

from bench.bench_word2vec import evaluate, machine, mean_se, read_lines  # noqa: E402
from bench.bench_word2vec import versions as _versions  # noqa: E402

ARCHS = ("sg", "cbow")
TOOLS = ("wordlab", "gensim", "fasttext")
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

EOS = "</s>"                 # fastText's end-of-line word
FASTTEXT_SCRIPT = """
import sys
import fasttext
path, out, sg, epochs, threads, dim, bucket, min_count = sys.argv[1:9]
m = fasttext.train_unsupervised(input=path, model="skipgram" if sg == "1" else "cbow",
                                dim=int(dim), ws=5, minCount=int(min_count), minn=%d, maxn=%d,
                                bucket=int(bucket), neg=5, epoch=int(epochs), lr=%r,
                                thread=int(threads), t=%r, loss="ns", verbose=0)
words = m.get_words()
with open(out, "w", encoding="utf-8") as f:
    f.write(f"{len(words)} {m.get_dimension()}\\n")
    for w in words:
        f.write(w + " " + " ".join(f"{x:.5g}" for x in m.get_word_vector(w)) + "\\n")
""" % (MINN, MAXN, ALPHA, SAMPLE)


def versions() -> str:
    if have_fasttext():
        from importlib.metadata import PackageNotFoundError, version

        for dist in ("fasttext-wheel", "fasttext"):
            try:
                return f"{_versions()}, {dist} {version(dist)}"
            except PackageNotFoundError:
                pass
    return f"{_versions()}, fasttext (absent)"


def have_fasttext() -> bool:
    try:
        import fasttext  # noqa: F401
    except ImportError:
        return False
    return True


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
    compiled = []                                   # the CPU clock when training starts
    t, cpu = time.perf_counter(), time.process_time()
    p = session.run(status=lambda s: compiled.append(time.process_time()))
    wall = time.perf_counter() - t
    cpu = time.process_time() - (compiled[-1] if compiled else cpu)
    secs = p.elapsed if compiled else wall          # without the one-off compile
    kv = session.model.vectors(copy=False)
    return {"rate": p.done / secs, "cpu_rate": p.done / max(cpu, 1e-9), "secs": secs,
            "setup": setup, "words": kv.words,
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
    t, cpu = time.perf_counter(), time.process_time()
    g.train(sentences, total_examples=g.corpus_count, epochs=args.epochs)
    secs = time.perf_counter() - t
    cpu = time.process_time() - cpu
    words = list(g.wv.index_to_key)
    total = int(sum(g.wv.get_vecattr(w, "count") for w in words)) * args.epochs
    return {"rate": total / secs, "cpu_rate": total / max(cpu, 1e-9), "secs": secs,
            "setup": setup, "words": words, "vectors": g.wv.vectors, "known": g.wv.key_to_index, "similarity": g.wv.similarity}


class _Stderr:
    """Captures file descriptor 2 (fastText's C++ ``std::cerr``) into a string."""

    def __enter__(self):
        sys.stderr.flush()
        self.tmp = tempfile.TemporaryFile(mode="w+b")
        self.saved = os.dup(2)
        os.dup2(self.tmp.fileno(), 2)
        return self

    def __exit__(self, *exc):
        os.dup2(self.saved, 2)
        os.close(self.saved)
        self.tmp.seek(0)
        self.text = self.tmp.read().decode("utf-8", "replace")
        self.tmp.close()
        return False


def train_fasttext(path: Path, arch, args, rep=0) -> dict:
    """Facebook's fastText on the file ``path`` (the bench's sentences, one per line)."""
    import fasttext
    import numpy as np

    kw = dict(input=str(path), model="skipgram" if arch == "sg" else "cbow", dim=args.dim,
              ws=5, minCount=args.min_count, minn=MINN, maxn=MAXN, bucket=args.bucket, neg=5,
              lr=ALPHA, thread=args.threads, t=SAMPLE, loss="ns", wordNgrams=1,
              lrUpdateRate=100)
    t, cpu = time.perf_counter(), time.process_time()
    fasttext.train_unsupervised(epoch=0, verbose=0, **kw)       # the setup alone
    setup, setup_cpu = time.perf_counter() - t, time.process_time() - cpu
    gc.collect()
    with _Stderr() as err:
        t, cpu = time.perf_counter(), time.process_time()
        m = fasttext.train_unsupervised(epoch=args.epochs, verbose=2, **kw)
        call, cpu = time.perf_counter() - t, time.process_time() - cpu
    secs = max(call - setup, 1e-9)
    cpu = max(cpu - setup_cpu, 1e-9)
    got, freqs = m.get_words(include_freq=True)
    keep = [i for i, w in enumerate(got) if w != EOS]
    words = [got[i] for i in keep]
    total = int(sum(int(freqs[i]) for i in keep)) * args.epochs
    own = re.findall(r"words/sec/thread:\s*(\d+)", err.text)
    vectors = np.stack([m.get_word_vector(w) for w in words]).astype(np.float32)

    def similarity(a: str, b: str) -> float:
        u, v = m.get_word_vector(a), m.get_word_vector(b)
        n = float(np.linalg.norm(u) * np.linalg.norm(v))
        return float(u @ v) / n if n > 0 else 0.0

    return {"rate": total / secs, "cpu_rate": total / cpu, "secs": secs, "setup": setup,
            "words": words, "vectors": vectors, "known": set(words), "similarity": similarity,
            "own_rate": int(own[-1]) * args.threads if own else None, "call": call}


def scores(run: dict, pairs, ws_path: Path, an_path: Path) -> tuple:
    """(WS-353, analogy, WS-353 over every pair, over the OOV pairs, how many OOV pairs)."""
    ws, an = evaluate(run["words"], run["vectors"], ws_path, an_path)
    every, oov, n_oov = oov_check(pairs, run["known"], run["similarity"])
    return ws, an, every, oov, n_oov


def process_times(arch, args, tools) -> dict[str, float]:
    """Median wall seconds of ``wordlab train --model fasttext`` and of the peers' scripts."""
    times: dict[str, list[float]] = {t: [] for t in tools}
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
        ft_cmd = [sys.executable, "-c", FASTTEXT_SCRIPT, str(args.corpus), str(out),
                  "1" if arch == "sg" else "0", str(args.epochs), str(args.threads),
                  str(args.dim), str(args.bucket), str(args.min_count)]
        cmds = {"wordlab": wl_cmd, "gensim": gs_cmd, "fasttext": ft_cmd}
        for _ in range(args.reps):
            for tool in tools:
                t = time.perf_counter()
                subprocess.run(cmds[tool], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
                times[tool].append(time.perf_counter() - t)
    return {t: statistics.median(v) for t, v in times.items()}


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
    ap.add_argument("--only", choices=TOOLS, default=None)
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
        have_gensim = True
    except ImportError:
        print("gensim is not installed: no gensim column", file=sys.stderr)
        have_gensim = False
    have_ft = have_fasttext()
    if not have_ft:
        print("fasttext (Facebook's fastText, `pip install fasttext-wheel`) is not installed: "
              "no fastText column", file=sys.stderr)
    available = {"wordlab": True, "gensim": have_gensim, "fasttext": have_ft}
    tools = [t for t in TOOLS if available[t] and args.only in (None, t)]
    pairs = ws353_pairs(ws_path)
    sentences = read_lines(args.corpus, args.max_lines)
    tmp = tempfile.TemporaryDirectory()
    ft_input = Path(tmp.name) / "sentences.txt"
    if "fasttext" in tools:
        with open(ft_input, "w", encoding="utf-8") as f:
            for s in sentences:
                f.write(" ".join(s) + "\n")
    t_all = time.perf_counter()
    print(f"# {args.corpus.name}: {len(sentences):,} lines, {sum(map(len, sentences)):,} tokens | "
          f"dim {args.dim}, window 5, min_count {args.min_count}, minn {MINN}, maxn {MAXN}, "
          f"bucket {args.bucket:,}, negative 5, epochs {args.epochs}, alpha {ALPHA}, "
          f"ns_exponent {NS_EXPONENT}, sample {SAMPLE:g}, {args.threads} threads, "
          f"{args.reps} reps")
    print(f"# {machine()} | {versions()} | {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print("| arch | tool | words/s | wordlab's ratio | setup s | WS-353 | analogy | WS-353 all "
          "pairs (OOV from n-grams) | WS-353 OOV pairs only | process s | process ratio | "
          "words per CPU s | wordlab's CPU ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    notes = []
    for arch in args.archs:
        runs: dict[str, list] = {t: [] for t in tools}
        for rep in range(args.reps):
            for tool in tools:                      # alternating; one model alive at a time
                if tool == "fasttext":
                    run = train_fasttext(ft_input, arch, args, rep)
                    own = run["own_rate"]
                    notes.append(f"# {arch} fastText rep {rep}: train_unsupervised "
                                 f"{run['call']:.2f} s - setup (epoch=0) {run['setup']:.2f} s "
                                 f"= {run['secs']:.2f} s, {run['rate']:,.0f} words/s; its own "
                                 f"report: " + (f"{own:,} words/s" if own else "none"))
                else:
                    run = (train_wordlab if tool == "wordlab" else train_gensim)(
                        sentences, arch, args, rep)
                runs[tool].append((run["rate"], run["setup"], scores(run, pairs, ws_path, an_path),
                                   run["cpu_rate"]))
                del run
                gc.collect()
        rate = {t: statistics.median(r[0] for r in rs) for t, rs in runs.items()}
        cpu_rate = {t: statistics.median(r[3] for r in rs) for t, rs in runs.items()}
        proc = {}
        if not args.no_process and "wordlab" in tools and len(tools) > 1 \
                and args.max_lines is None:
            proc = process_times(arch, args, tools)
        for tool, rs in runs.items():
            q = [r[2] for r in rs]
            ratio = (f"{rate['wordlab'] / rate[tool]:.2f}"
                     if tool != "wordlab" and "wordlab" in rate else "")
            pratio = (f"{proc[tool] / proc['wordlab']:.2f}"
                      if tool != "wordlab" and proc else "" if proc else "-")
            ptime = f"{proc[tool]:.1f}" if proc else "-"
            cratio = (f"{cpu_rate['wordlab'] / cpu_rate[tool]:.2f}"
                      if tool != "wordlab" and "wordlab" in cpu_rate else "")
            print(f"| {arch} | {tool} | {rate[tool]:,.0f} | {ratio} | "
                  f"{statistics.median(r[1] for r in rs):.1f} | "
                  f"{mean_se([x[0] for x in q], '{:.3f}')} | "
                  f"{mean_se([x[1] for x in q], '{:.2%}')} | "
                  f"{mean_se([x[2] for x in q], '{:.3f}')} | "
                  f"{mean_se([x[3] for x in q], '{:.3f}')} ({q[0][4]} pairs) | {ptime} | "
                  f"{pratio} | {cpu_rate[tool]:,.0f} | {cratio} |", flush=True)
    tmp.cleanup()
    for line in notes:
        print(line)
    print("# wordlab's ratio: wordlab words/s / this tool's words/s; process ratio: this tool's "
          "seconds / wordlab's seconds; setup: vocabulary + n-gram tables + weights before "
          "training (gensim: build_vocab; fastText: train_unsupervised with epoch=0); words per "
          "CPU s: the same words over the process's CPU seconds (all threads) while training, "
          "less sensitive to other load than words/s; quality: "
          "mean over reps (seed + rep) +- standard error")
    print(f"# wall time of this run: {time.perf_counter() - t_all:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
