"""Benchmark: wordlab's LSTM language model on wiki-bench, against the unigram model and against
the training loop of PyTorch's examples/word_language_model (bench/word_language_model/).

    .venv/bin/python bench/bench_lm.py --minutes 10

Trains engine/lm.py's LanguageModelSession for a bounded time (``--minutes`` of training, on
``--threads`` threads), prints the validation perplexity (the last ``val_fraction`` of the
tokens, held out) beside the unigram model's on the same split and vocabulary, and tokens/s.
Then runs the word_language_model loop (RNNModel, SGD lr 20, clip 0.25) on the same training
ids with the same sizes for ``--ref-batches`` batches and prints its tokens/s and the ratio.
The corpus is /work/shared/corpora/wiki-bench.txt, tokenised with line.split(); the script
skips politely when it is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

DEFAULT_CORPUS = Path("/work/shared/corpora/wiki-bench.txt")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--minutes", type=float, default=10.0,
                    help="training time budget (0: only the tokens/s head to head)")
    ap.add_argument("--cell", default="lstm", choices=["lstm", "rnn"])
    ap.add_argument("--emb", type=int, default=200)
    ap.add_argument("--hidden", type=int, default=200)
    ap.add_argument("--layers", type=int, default=1)
    ap.add_argument("--bptt", type=int, default=35)
    ap.add_argument("--batch-size", type=int, default=20)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--optimizer", default="adam", choices=["adam", "sgd"])
    ap.add_argument("--lr", type=float, default=None, help="default: 2e-3 (adam), 20 (sgd)")
    ap.add_argument("--clip", type=float, default=0.25)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--ref-batches", type=int, default=60,
                    help="batches of the word_language_model loop to time (0: skip)")
    ap.add_argument("--rounds", type=int, default=2,
                    help="alternations of the tokens/s head to head")
    ap.add_argument("--save", type=Path, default=None, help="save the trained model (.npz)")
    args = ap.parse_args(argv)

    if not args.corpus.is_file():
        print(f"skipped: {args.corpus} is not here (the benchmark corpus lives in /work/shared)")
        return 0

    import warnings

    import torch

    from engine.errors import WordlabError

    # the example passes dropout to a 1-layer nn.LSTM too, which torch warns about; harmless
    warnings.filterwarnings("ignore", message="dropout option adds dropout")
    from engine.lm import LanguageModelSession, LMConfig

    lr = args.lr if args.lr is not None else (2e-3 if args.optimizer == "adam" else 20.0)
    cfg = LMConfig(cell=args.cell, emb=args.emb, hidden=args.hidden, layers=args.layers,
                   bptt=args.bptt, batch_size=args.batch_size, lr=lr, clip=args.clip,
                   epochs=1000, dropout=args.dropout, seed=1, min_count=args.min_count,
                   max_vocab=None, val_fraction=0.1, threads=args.threads,
                   optimizer=args.optimizer, time_limit=max(args.minutes, 1e-3) * 60)
    with args.corpus.open(encoding="utf-8") as f:
        sentences = [line.split() for line in f]
    t0 = time.perf_counter()
    try:
        session = LanguageModelSession(cfg, sentences)
    except WordlabError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f"corpus {args.corpus.name}: {len(session.train_ids):,} training tokens, "
          f"{len(session.val_ids):,} held-out tokens, vocabulary {len(session.vocab):,} "
          f"(min_count {args.min_count}, <unk>, <eos>); built in {time.perf_counter() - t0:.1f}s")
    print(f"config: {cfg}")
    print(f"torch {torch.__version__}, {args.threads} threads")
    unigram = session.unigram_perplexity()
    print(f"unigram perplexity (held-out): {unigram:.1f}")

    if args.minutes > 0:
        train_events = []
        last_print = [0.0]

        def on_progress(p):
            if p.val_perplexity is None and p.epoch == 1:
                train_events.append(p)
            if p.elapsed - last_print[0] >= 15 or p.finished:
                last_print[0] = p.elapsed
                val = "-" if p.val_perplexity is None else f"{p.val_perplexity:.1f}"
                print(f"  {p.elapsed:6.0f}s epoch {p.epoch} tokens {p.done:,} loss {p.loss:.3f} "
                      f"ppl {p.perplexity:.1f} val ppl {val} {p.rate:,.0f} tok/s", flush=True)

        cpu0 = time.process_time()
        try:
            final = session.run(callback=on_progress)
        except WordlabError as e:
            print(f"error: {e}", file=sys.stderr)
            return 2
        cpu = time.process_time() - cpu0
        val = session.evaluate() if final.val_perplexity is None else final.val_perplexity
        ours_rate = train_events[-1].rate if train_events else final.rate
        print(f"wordlab LSTM LM: validation perplexity {val:.1f} vs unigram {unigram:.1f} "
              f"(ratio {val / unigram:.2f}) after {final.elapsed:.0f}s, {final.done:,} tokens, "
              f"{final.epoch} epoch(s), per-epoch val ppl "
              f"{[round(v, 1) for v in session.val_perplexities]}")
        print(f"wordlab training speed: {ours_rate:,.0f} tokens/s ({args.optimizer}, lr {lr}); "
              f"CPU time {cpu:.0f}s over {final.elapsed:.0f}s of wall time "
              f"({cpu / max(final.elapsed, 1e-9):.2f} of {args.threads} cores: "
              f"below {args.threads} means the machine was shared)")
        for words in (["the"], ["in", "the"], ["he", "was", "born", "in"]):
            preds = ", ".join(f"{w} {p:.3f}" for w, p in session.predict_next(words, k=5))
            print(f"  next after {' '.join(words)!r}: {preds}")
        if args.save:
            session.save(args.save)
            print(f"saved {args.save}")

    if args.ref_batches > 0:
        # Throughput, head to head: the machine may be shared, so the two loops alternate,
        # each for about ref_batches batches, and the medians are compared.
        import dataclasses
        import statistics
        import threading

        from word_language_model import RNNModel, batchify
        from word_language_model import train as ref_train

        torch.set_num_threads(args.threads)
        torch.manual_seed(1)
        rnn_type = "LSTM" if args.cell == "lstm" else "RNN_TANH"
        model = RNNModel(rnn_type, len(session.vocab), args.emb, args.hidden, args.layers,
                         dropout=args.dropout)
        data = batchify(torch.from_numpy(session.train_ids), args.batch_size)
        ref_train(model, data, args.bptt, args.batch_size, lr=20.0, clip=args.clip,
                  max_batches=3, log_interval=0)                    # warm-up
        want = args.ref_batches * args.bptt * args.batch_size
        timing_cfg = dataclasses.replace(cfg, epochs=1, time_limit=None)

        def engine_rate(optimizer: str) -> float:
            c = dataclasses.replace(timing_cfg, optimizer=optimizer,
                                    lr=timing_cfg.lr if optimizer == cfg.optimizer else
                                    (20.0 if optimizer == "sgd" else 2e-3))
            s = LanguageModelSession(c, sentences)
            cancel = threading.Event()
            marks = []

            def cb(p):
                marks.append((p.done, p.elapsed, time.process_time()))
                if p.done >= want + marks[0][0]:
                    cancel.set()

            p = s.run(callback=cb, cancel_event=cancel)
            if len(marks) < 2 or marks[-1][1] <= marks[0][1]:
                return p.rate
            # from the first event on: the fresh model's first batch is warm-up, as for the
            # reference loop (whose model is warmed once and reused)
            (d0, t0, c0), (d1, t1, c1) = marks[0], marks[-1]
            cpu_rates.setdefault(optimizer, []).append((d1 - d0) / max(c1 - c0, 1e-9))
            return (d1 - d0) / (t1 - t0)

        def ref_rate() -> float:
            c0 = time.process_time()
            tokens, secs, _ = ref_train(model, data, args.bptt, args.batch_size, lr=20.0,
                                        clip=args.clip, max_batches=args.ref_batches,
                                        log_interval=0)
            cpu_rates.setdefault("reference", []).append(tokens / (time.process_time() - c0))
            return tokens / secs

        ours, ours_sgd, ref = [], [], []
        cpu_rates: dict[str, list[float]] = {}
        for _ in range(args.rounds):
            ref.append(ref_rate())
            ours.append(engine_rate(args.optimizer))
            if args.optimizer != "sgd":
                ours_sgd.append(engine_rate("sgd"))
        r_ours, r_ref = statistics.median(ours), statistics.median(ref)
        print(f"head to head, {args.ref_batches} batches each, alternating {args.rounds} times:")
        print(f"  wordlab engine ({args.optimizer}): {r_ours:,.0f} tokens/s "
              f"({', '.join(f'{r:,.0f}' for r in ours)})")
        if ours_sgd:
            print(f"  wordlab engine (sgd, as the example): "
                  f"{statistics.median(ours_sgd):,.0f} tokens/s "
                  f"({', '.join(f'{r:,.0f}' for r in ours_sgd)})")
        print(f"  word_language_model loop ({rnn_type}, SGD lr 20): {r_ref:,.0f} tokens/s "
              f"({', '.join(f'{r:,.0f}' for r in ref)})")
        print(f"  tokens/s ratio wordlab / word_language_model: {r_ours / r_ref:.2f}")
        cpu_line = ", ".join(f"{k} {statistics.median(v):,.0f}" for k, v in cpu_rates.items())
        print(f"  tokens per CPU-second (less sensitive to a shared machine): {cpu_line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
