"""``wordlab corpora``: list the corpora, fetch text8, show a corpus's statistics."""

from __future__ import annotations

import argparse

from cli import output
from corpora.tokenize import TOKENIZERS


def add_corpus_options(p: argparse.ArgumentParser) -> None:
    """How a corpus is read: the registry's options, for every command that takes one."""
    g = p.add_argument_group("reading the corpus")
    g.add_argument("--size", type=int, default=None, metavar="N",
                   help="toy-world: how many sentences to generate (default: its standard "
                        "size, listed by 'wordlab corpora')")
    g.add_argument("--chunk", type=int, default=None, metavar="N",
                   help="ignore line breaks and cut every N tokens (text8 defaults to 1000)")
    g.add_argument("--encoding", default=None, metavar="CODEC",
                   help="force a text encoding (default: UTF-8, falling back to "
                        "Windows-1252 and reporting the bytes it replaced)")
    g.add_argument("--no-lowercase", dest="lowercase", action="store_false",
                   help="keep the original case (default: lower-case everything)")
    g.add_argument("--keep-punct", dest="strip_punct", action="store_false",
                   help="keep punctuation as tokens (default: strip it)")
    g.add_argument("--tokenizer", choices=TOKENIZERS, default=None,
                   help="words: split at spaces and punctuation (default); morphemes: Korean "
                        "morphemes by kiwipiepy, so that 고양이를/고양이가 are one word 고양이 "
                        "(needs the extra: pip install 'wordlab[ko]')")


def corpus_options(args: argparse.Namespace, seed: int | None = None) -> dict:
    """``open_corpus`` keyword arguments; None means not given (the registry's default)."""
    options = {"size": args.size, "chunk": args.chunk, "encoding": args.encoding,
               "seed": seed, "tokenizer": getattr(args, "tokenizer", None)}
    if not args.lowercase:
        options["lowercase"] = False
    if not args.strip_punct:
        options["strip_punct"] = False
    return {k: v for k, v in options.items() if v is not None}


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
                                       "size and checksum, and cache it in your data directory.",
                           epilog="Examples:\n"
                                  "  wordlab corpora fetch text8\n"
                                  "  wordlab corpora fetch text8 --url https://mirror.example/text8.zip --json",
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    f.add_argument("name", metavar="NAME", choices=("text8",), help="text8")
    f.add_argument("--url", default=None, metavar="URL",
                   help="download from a mirror instead of the canonical address "
                        "(its size is then checked against what the server announces)")
    f.add_argument("--force", action="store_true", help="download again even if cached")
    f.add_argument("--json", action="store_true",
                   help='machine-readable result on stdout: {"corpus", "path", "downloaded"}')
    f.set_defaults(handler=run_fetch)
    s = actions.add_parser("stats", help="token and vocabulary statistics of a corpus",
                           description="Tokens, types, coverage at a min count, the most "
                                       "frequent words.",
                           epilog="Examples:\n"
                                  "  wordlab corpora stats lecture --min-count 1\n"
                                  "  wordlab corpora stats my-texts/ --top 50 --json",
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    s.add_argument("corpus", metavar="NAME|PATH", help="a corpus name or a .txt file / folder")
    s.add_argument("--min-count", type=int, default=5, metavar="N",
                   help="coverage of the words seen at least N times (default %(default)s)")
    s.add_argument("--top", type=int, default=20, metavar="N",
                   help="how many of the most frequent words to show (default %(default)s)")
    s.add_argument("--json", action="store_true", help="machine-readable output on stdout")
    add_corpus_options(s)
    s.set_defaults(handler=run_stats)


def run_list(args: argparse.Namespace) -> int:
    from corpora import list_corpora

    infos = list_corpora()
    if args.json:
        output.print_json([{"name": c.name, "description": c.description, "size": c.size,
                            "available": bool(c.available)} for c in infos])
        return 0
    from rich.markup import escape
    from rich.padding import Padding

    # Two lines per corpus rather than a four-column table: descriptions stay readable on
    # an 80-column SSH terminal.
    console = output.stdout_console()
    width = max(len(c.name) for c in infos) + 2
    for c in infos:
        status = "available" if c.available else "[yellow]not downloaded[/]"
        size = c.size.replace(" (not downloaded)", "")
        console.print(f"[bold]{escape(c.name):<{width}}[/]{status}, {escape(size)}")
        console.print(Padding(escape(c.description), (0, 0, 0, 4)), style="dim")
    if any(not c.available for c in infos):
        console.print("fetch one with 'wordlab corpora fetch NAME'; any .txt file or folder "
                      "works as --corpus PATH")
    return 0


def run_fetch(args: argparse.Namespace) -> int:
    from corpora.text8 import TEXT8_URL, fetch_text8, text8_path

    if text8_path().is_file() and not args.force:
        if args.json:
            output.print_json({"corpus": "text8", "path": str(text8_path()), "downloaded": False})
        else:
            print(f"text8 is already downloaded: {text8_path()}")
        return 0
    with _DownloadBar() as bar:
        try:
            path = fetch_text8(url=args.url or TEXT8_URL, progress=bar, force=args.force)
        except KeyboardInterrupt:
            bar.stop()
            output.note("interrupted: the partial download was removed")
            return 130
    if args.json:
        output.print_json({"corpus": "text8", "path": str(path), "downloaded": True})
    else:
        print(f"text8 is ready: {path}")
    return 0


class _DownloadBar:
    """``progress(done_bytes, total_bytes)`` drawing a rich download bar on stderr (a line
    per 10% when stderr is not a terminal)."""

    def __init__(self) -> None:
        import sys

        self._bar = None
        self._task = None
        self._decile = -1
        if sys.stderr.isatty():
            from rich.progress import (BarColumn, DownloadColumn, Progress, TextColumn,
                                       TimeRemainingColumn, TransferSpeedColumn)

            self._bar = Progress(TextColumn("text8"), BarColumn(bar_width=30),
                                 DownloadColumn(), TransferSpeedColumn(),
                                 TimeRemainingColumn(), console=output.stderr_console())

    def __enter__(self) -> "_DownloadBar":
        if self._bar is not None:
            self._bar.start()
            self._task = self._bar.add_task("text8", total=None)
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()

    def __call__(self, done: int, total: int | None) -> None:
        if self._bar is not None:
            self._bar.update(self._task, completed=done, total=total)
        elif total:
            decile = int(10 * done / total)
            if decile > self._decile:
                self._decile = decile
                output.note(f"text8: {done / total:4.0%} of {total:,} bytes")


def run_stats(args: argparse.Namespace) -> int:
    from cli.main import UsageError
    from corpora import corpus_stats, open_corpus

    if args.min_count < 1:
        raise UsageError(f"--min-count must be at least 1 (got {args.min_count})")
    if args.top < 0:
        raise UsageError(f"--top must not be negative (got {args.top})")
    corpus = open_corpus(args.corpus, **corpus_options(args))
    st = corpus_stats(corpus, min_count=args.min_count, top=args.top)
    if args.json:
        output.print_json({
            "corpus": args.corpus, "tokens": st.tokens, "types": st.types,
            "sentences": st.sentences, "min_count": st.min_count,
            "types_at_min_count": st.types_at_min_count,
            "coverage": output.number(st.coverage),
            "top": [{"word": w, "count": int(n)} for w, n in st.top],
            "zipf": [[int(r), int(n)] for r, n in st.zipf],
            "replaced_bytes": st.replaced_bytes, "notes": list(st.notes),
        })
        return 0
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    console = output.stdout_console()
    console.print(f"{escape(str(args.corpus))}: {output.fmt_count(st.tokens)} tokens in "
                  f"{output.fmt_count(st.sentences)} sentences, "
                  f"{output.fmt_count(st.types)} distinct words")
    console.print(f"min count {st.min_count}: keeps {output.fmt_count(st.types_at_min_count)} "
                  f"words, covering {100 * st.coverage:.1f}% of the tokens")
    if st.top:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False)
        table.add_column("rank", justify="right", style="dim")
        table.add_column("word")
        table.add_column("count", justify="right")
        table.add_column("share", justify="right")
        for rank, (word, count) in enumerate(st.top, 1):
            table.add_row(str(rank), escape(word), output.fmt_count(int(count)),
                          f"{100 * count / st.tokens:.2f}%" if st.tokens else "")
        console.print(table)
    for line in st.notes:
        output.note(line)
    return 0
