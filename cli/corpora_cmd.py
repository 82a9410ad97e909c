"""``wordlab corpora``: list the corpora, fetch text8, show a corpus's statistics."""

from __future__ import annotations

import argparse

from cli import output


def add_parser(sub) -> None:
    p = sub.add_parser(
        "corpora", help="list the corpora; 'fetch text8'; 'stats NAME|PATH'",
        description="Without an action: list the built-in and downloadable corpora. "
                    "Any .txt file or folder of them also works as --corpus PATH.",
        epilog="Examples:\n"
               "  wordlab corpora\n"
               "  wordlab corpora fetch text8\n"
               "  wordlab corpora stats lecture --min-count 1",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--json", action="store_true", help="machine-readable list on stdout")
    p.set_defaults(handler=run_list)
    actions = p.add_subparsers(dest="action", metavar="ACTION",
                               parser_class=type(p))
    f = actions.add_parser("fetch", help="download a corpus (text8) into the data directory",
                           description="Download text8 from its canonical address, check its "
                                       "size and checksum, and cache it in your data directory.")
    f.add_argument("name", metavar="NAME", choices=("text8",), help="text8")
    f.set_defaults(handler=run_fetch)
    s = actions.add_parser("stats", help="token and vocabulary statistics of a corpus",
                           description="Tokens, types, coverage at a min count, the most "
                                       "frequent words.")
    s.add_argument("corpus", metavar="NAME|PATH", help="a corpus name or a .txt file / folder")
    s.add_argument("--min-count", type=int, default=5, metavar="N",
                   help="coverage of the words seen at least N times (default %(default)s)")
    s.add_argument("--top", type=int, default=20, metavar="N",
                   help="how many of the most frequent words to show (default %(default)s)")
    s.add_argument("--json", action="store_true", help="machine-readable output on stdout")
    s.set_defaults(handler=run_stats)


def run_list(args: argparse.Namespace) -> int:
    from corpora import list_corpora

    infos = list_corpora()
    if args.json:
        output.print_json([{"name": c.name, "description": c.description, "size": c.size,
                            "available": bool(c.available)} for c in infos])
        return 0
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("name", style="bold")
    table.add_column("description")
    table.add_column("size", justify="right")
    table.add_column("status")
    for c in infos:
        status = "available" if c.available else "not downloaded"
        table.add_row(c.name, c.description, c.size, status)
    console = output.stdout_console()
    console.print(table)
    if any(not c.available for c in infos):
        console.print("fetch one with 'wordlab corpora fetch NAME'; any .txt file or folder "
                      "works as --corpus PATH")
    return 0


def run_fetch(args: argparse.Namespace) -> int:
    from corpora.text8 import fetch_text8

    path = fetch_text8(progress=_download_progress())
    print(f"text8 is ready: {path}")
    return 0


def _download_progress():
    """A callback ``(done_bytes, total_bytes)`` drawing a rich download bar on stderr."""
    import sys

    if not sys.stderr.isatty():
        return None
    from rich.progress import (BarColumn, DownloadColumn, Progress, TimeRemainingColumn,
                               TransferSpeedColumn)

    bar = Progress(BarColumn(bar_width=30), DownloadColumn(), TransferSpeedColumn(),
                   TimeRemainingColumn(), console=output.stderr_console(), transient=True)
    state: dict = {}

    def update(done: int, total: int | None) -> None:
        if "task" not in state:
            bar.start()
            state["task"] = bar.add_task("text8", total=total)
        bar.update(state["task"], completed=done, total=total)
        if total is not None and done >= total:
            bar.stop()

    return update


def run_stats(args: argparse.Namespace) -> int:
    from cli.main import UsageError
    from corpora import corpus_stats, open_corpus

    if args.min_count < 1:
        raise UsageError(f"--min-count must be at least 1 (got {args.min_count})")
    if args.top < 0:
        raise UsageError(f"--top must not be negative (got {args.top})")
    corpus = open_corpus(args.corpus)
    st = corpus_stats(corpus, min_count=args.min_count, top=args.top)
    if args.json:
        output.print_json({
            "corpus": args.corpus, "tokens": st.tokens, "types": st.types,
            "min_count": args.min_count, "coverage": output.number(st.coverage),
            "top": [{"word": w, "count": int(n)} for w, n in st.top],
        })
        return 0
    from rich import box
    from rich.table import Table

    console = output.stdout_console()
    console.print(f"{args.corpus}: {output.fmt_count(st.tokens)} tokens, "
                  f"{output.fmt_count(st.types)} distinct words; words seen at least "
                  f"{args.min_count} times cover {100 * st.coverage:.1f}% of the tokens")
    if st.top:
        table = Table(box=box.SIMPLE_HEAD)
        table.add_column("rank", justify="right", style="dim")
        table.add_column("word")
        table.add_column("count", justify="right")
        table.add_column("share", justify="right")
        for rank, (word, count) in enumerate(st.top, 1):
            table.add_row(str(rank), word, output.fmt_count(int(count)),
                          f"{100 * count / st.tokens:.2f}%" if st.tokens else "")
        console.print(table)
    for line in getattr(corpus, "notes", []) or []:
        output.note(line)
    return 0
