"""``wordlab eval``: analogy accuracy and word-pair correlation, as gensim computes them.

``--analogies`` / ``--pairs`` take a file or the name of a shipped set (``google``,
``wordsim353``, ``toy-world``); with neither, both ``google`` and ``wordsim353`` run.
``--json`` prints ``{"vectors", "analogy_accuracy", "pairs_spearman", "analogies",
"pairs"}``; a section that did not run is ``null``, and so is a number that is undefined
(an accuracy over zero questions, a correlation over fewer than two pairs).

Several VECTORS files are compared side by side (e.g. Word2Vec, GloVe and FastText trained on
one corpus): one table, a row per analogy section, all analogies and the pairs' Spearman, a
column per file, each row's best in bold and the spread (best - worst) beside it;
``--json`` prints ``engine.evaluate.Comparison.to_dict()`` with the files as ``models``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cli import output
from cli.defaults import ENGINE, EngineDefaultsFormatter, engine_default, parameter_default

EVALUATE_ANALOGIES = "engine.evaluate:evaluate_analogies"

SHIPPED_SETS = ("google", "wordsim353", "toy-world")


def add_parser(sub) -> None:
    p = sub.add_parser(
        "eval", help="score vectors on analogy questions and word-similarity pairs",
        description="Evaluate word vectors: analogy accuracy per section (3CosAdd, questions "
                    "with unknown words skipped and counted) and the Spearman correlation "
                    "with human similarity judgements (with the OOV ratio). With neither "
                    "--analogies nor --pairs, runs 'google' and 'wordsim353'.",
        epilog="Examples:\n"
               "  wordlab eval toy.vec --analogies toy-world\n"
               "  wordlab eval wiki.vec --json\n"
               "  wordlab eval w2v.vec glove.vec fasttext.vec --analogies toy-world   # side by side",
        formatter_class=EngineDefaultsFormatter)
    p.add_argument("vectors", metavar="VECTORS", nargs="+",
                   help="vectors in word2vec format; several files: compared side by side")
    p.add_argument("--analogies", metavar="FILE|NAME",
                   help="analogy questions in the Google format, or a shipped set: "
                        + ", ".join(SHIPPED_SETS))
    p.add_argument("--pairs", metavar="FILE|NAME",
                   help="word pairs with human scores (WordSim-353 format), or a shipped set")
    engine_default(p.add_argument("--restrict-vocab", type=int, metavar="N",
                                  help="analogies: use only the N most frequent words, as "
                                       f"gensim does (default {ENGINE})"),
                   lambda: parameter_default(EVALUATE_ANALOGIES, "restrict_vocab"))
    p.add_argument("--json", action="store_true", help="machine-readable output on stdout")
    p.set_defaults(handler=run)


def resolve(source: str) -> Path:
    """An existing file as given, else a shipped set's name (CorpusError naming the sets)."""
    from corpora.evalsets import resolve_eval_source

    return Path(resolve_eval_source(source))


def run(args: argparse.Namespace) -> int:
    from cli.main import UsageError
    from engine.evaluate import evaluate_analogies, evaluate_pairs

    if args.restrict_vocab is None:
        args.restrict_vocab = parameter_default(EVALUATE_ANALOGIES, "restrict_vocab")
    if args.restrict_vocab < 1:
        raise UsageError(f"--restrict-vocab must be at least 1 (got {args.restrict_vocab})")
    analogies, pairs = args.analogies, args.pairs
    if analogies is None and pairs is None:
        analogies, pairs = "google", "wordsim353"
    # Resolve every source before the (possibly slow) load, so a typo fails at once.
    analogy_path = resolve(analogies) if analogies is not None else None
    pairs_path = resolve(pairs) if pairs is not None else None
    if len(args.vectors) > 1:
        return _compare(args, analogy_path, pairs_path)
    args.vectors = args.vectors[0]
    from engine.fasttext.vectors import load_vectors   # word2vec's formats or a fastText .bin

    kv = load_vectors(args.vectors)

    report: dict = {"vectors": str(args.vectors), "analogy_accuracy": None,
                    "pairs_spearman": None, "analogies": None, "pairs": None}
    if analogy_path is not None:
        res = evaluate_analogies(kv, analogy_path, restrict_vocab=args.restrict_vocab)
        report["analogy_accuracy"] = output.number(res.accuracy) if res.total else None
        report["analogies"] = {
            "source": analogies, "path": str(analogy_path),
            "restrict_vocab": args.restrict_vocab,
            "correct": res.correct, "total": res.total, "skipped": res.skipped,
            "invalid": res.invalid, "oov_ratio": output.number(res.oov_ratio),
            "accuracy": output.number(res.accuracy) if res.total else None,
            "sections": [{"name": s.name, "correct": s.correct, "total": s.total,
                          "skipped": s.skipped,
                          "accuracy": output.number(s.accuracy) if s.total else None}
                         for s in res.sections],
        }
    if pairs_path is not None:
        res = evaluate_pairs(kv, pairs_path)
        report["pairs_spearman"] = output.number(res.spearman)
        report["pairs"] = {
            "source": pairs, "path": str(pairs_path),
            "spearman": output.number(res.spearman), "pearson": output.number(res.pearson),
            "oov_ratio": output.number(res.oov_ratio), "used": res.used,
            "skipped": res.skipped, "invalid": res.invalid,
        }
    if args.json:
        output.print_json(report)
    else:
        _print_report(report)
    return 0


def _pct(x) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def _print_report(report: dict) -> None:
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    console = output.stdout_console()
    a = report["analogies"]
    if a is not None:
        console.print(f"[bold]analogies: {escape(a['source'])}[/] (3CosAdd over the "
                      f"{output.fmt_count(a['restrict_vocab'])} most frequent words)")
        table = Table(box=box.SIMPLE_HEAD, show_edge=False)
        table.add_column("section")
        table.add_column("correct", justify="right")
        table.add_column("answered", justify="right")
        table.add_column("skipped", justify="right")
        table.add_column("accuracy", justify="right")
        for s in a["sections"]:
            table.add_row(escape(s["name"]), output.fmt_count(s["correct"]),
                          output.fmt_count(s["total"]), output.fmt_count(s["skipped"]),
                          _pct(s["accuracy"]))
        table.add_section()
        table.add_row("total", output.fmt_count(a["correct"]), output.fmt_count(a["total"]),
                      output.fmt_count(a["skipped"]), _pct(a["accuracy"]), style="bold")
        console.print(table)
        console.print(f"skipped {output.fmt_count(a['skipped'])} question(s) with words "
                      f"outside the vocabulary ({_pct(a['oov_ratio'])})"
                      + (f"; {output.fmt_count(a['invalid'])} malformed line(s) ignored"
                         if a["invalid"] else ""))
    p = report["pairs"]
    if p is not None:
        if a is not None:
            console.print()
        console.print(f"[bold]word pairs: {escape(p['source'])}[/]")
        table = Table(box=box.SIMPLE_HEAD, show_edge=False)
        table.add_column("measure")
        table.add_column("value", justify="right")
        table.add_row("Spearman rho", output.fmt_score(p["spearman"]))
        table.add_row("Pearson r", output.fmt_score(p["pearson"]))
        table.add_row("pairs used", output.fmt_count(p["used"]))
        table.add_row("pairs skipped (OOV)", output.fmt_count(p["skipped"]))
        table.add_row("OOV ratio", _pct(p["oov_ratio"]))
        if p["invalid"]:
            table.add_row("malformed lines", output.fmt_count(p["invalid"]))
        console.print(table)
    totals = []
    if a is not None:
        totals.append(f"analogy accuracy: {_pct(report['analogy_accuracy'])}")
    if p is not None:
        totals.append(f"pairs Spearman: {output.fmt_score(report['pairs_spearman'])}")
    console.print("   ".join(totals), style="bold")


def _model_names(paths: list[str]) -> list[str]:
    """Column names: the files' names, or their paths where two names are the same."""
    names = [Path(p).name for p in paths]
    return names if len(set(names)) == len(names) else [str(p) for p in paths]


def _compare(args: argparse.Namespace, analogy_path, pairs_path) -> int:
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    from engine.evaluate import compare
    from engine.fasttext.vectors import load_vectors

    models = [(name, load_vectors(path))
              for name, path in zip(_model_names(args.vectors), args.vectors)]
    result = compare(models, analogy_path, pairs_path, restrict_vocab=args.restrict_vocab)
    if args.json:
        report = result.to_dict()
        report["files"] = [str(p) for p in args.vectors]
        for row in report["rows"]:
            row["values"] = [output.number(v) for v in row["values"]]
            row["spread"] = output.number(row["spread"])
        output.print_json(report)
        return 0
    console = output.stdout_console()
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column("")
    for name in result.names:
        table.add_column(escape(name), justify="right")
    table.add_column("spread", justify="right")
    for row in result.rows:
        if row.kind != "section":
            table.add_section()
        cells = []
        for i, (v, n) in enumerate(zip(row.values, row.answered)):
            text = "n/a" if v is None else (f"{v:.3f}" if row.kind == "pairs" else _pct(v))
            text += f" ({output.fmt_count(n)})"
            cells.append(f"[bold green]{text}[/]" if i == row.best else text)
        spread = row.spread
        spread_text = ("" if spread is None else
                       f"{spread:.3f}" if row.kind == "pairs" else f"{100 * spread:.1f} pt")
        table.add_row(escape(row.name), *cells, spread_text,
                      style="bold" if row.kind != "section" else None)
    console.print(table)
    console.print("each cell: the score (questions or pairs answered); a model answers only "
                  "the questions whose words it knows; best of each row in bold")
    return 0
