"""The ``wordlab`` command: argument parsing, dispatch, and turning bad input into one line.

``wordlab`` alone opens the Textual app; the subcommands (``train``, ``query``, ``eval``,
``corpora``) are headless.  Contract (docs/ARCHITECTURE.md): every ``WordlabError`` and
``OSError`` becomes ONE line on stderr and exit code 2; argparse's usage errors are one
line too (exit 2); Ctrl-C exits 130.  Nothing heavy (torch, textual, rich) is imported
until a subcommand needs it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from cli import output

EXIT_OK = 0
EXIT_USAGE = 2          # bad input of any kind: argparse, WordlabError, OSError
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


class UsageError(Exception):
    """A bad combination of arguments found after parsing; exit 2 with its one line."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (``wordlab train: error: ...``), exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {output.one_line(message)} "
                              f"(see '{self.prog} --help')\n")


def version() -> str:
    """The installed distribution's version, else the one in the checkout's pyproject.toml."""
    from importlib import metadata

    try:
        return metadata.version("wordlab")
    except metadata.PackageNotFoundError:
        pass
    try:
        import tomllib
        from pathlib import Path

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        with pyproject.open("rb") as fh:
            return str(tomllib.load(fh)["project"]["version"])
    except (OSError, KeyError, ValueError):
        return "unknown"


class _VersionAction(argparse.Action):
    """``--version``, looked up only when asked for (importlib.metadata is not free)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS,
                 help=None):
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        sys.stdout.write(f"{parser.prog} {version()}\n")
        parser.exit(0)


def build_parser() -> argparse.ArgumentParser:
    from cli import corpora_cmd, eval_cmd, query, train

    parser = _Parser(
        prog=output.PROG,
        description="Learn how word embeddings and recurrent networks learn. "
                    "Without a subcommand, opens the terminal app.",
        epilog="Examples:\n"
               "  wordlab train --corpus toy-world --out toy.vec\n"
               "  wordlab query toy.vec --analogy man king woman\n"
               "  wordlab eval toy.vec --analogies toy-world\n"
               "  wordlab corpora",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction,
                        help="show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    train.add_parser(sub)
    query.add_parser(sub)
    eval_cmd.add_parser(sub)
    corpora_cmd.add_parser(sub)
    return parser


def open_app() -> int:
    """``wordlab`` with no subcommand: the Textual app (imported only now: it is heavy)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        output.error("the app needs an interactive terminal (over SSH use 'ssh -t'); "
                     "see 'wordlab --help' for the headless commands")
        return EXIT_USAGE
    try:
        from tui.app import WordlabApp
    except ModuleNotFoundError as err:
        if err.name in ("tui.app", "tui"):
            output.error("the terminal app is not part of this build yet; "
                         "see 'wordlab --help' for the headless commands")
            return EXIT_USAGE
        if err.name and err.name.split(".")[0] in ("textual", "rich"):
            output.error(f"the app needs the '{err.name.split('.')[0]}' package "
                         "(pip install wordlab installs it)")
            return EXIT_USAGE
        raise
    app = WordlabApp()
    app.run()
    return getattr(app, "return_code", None) or EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``wordlab`` with ``argv`` (default: ``sys.argv[1:]``); returns the exit code."""
    from engine.errors import WordlabError

    parser = build_parser()
    args = parser.parse_args(argv)  # usage errors exit 2 inside, with one line
    try:
        if args.command is None:
            return open_app()
        return args.handler(args)
    except KeyboardInterrupt:
        output.note("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `wordlab query ... | head`: the reader went away; nothing left to say.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:
            pass
        return 1
    except UsageError as err:
        output.error(str(err))
        return EXIT_USAGE
    except WordlabError as err:
        output.error(str(err))
        return EXIT_USAGE
    except OSError as err:
        output.error(output.describe_os_error(err))
        return EXIT_USAGE


def run() -> None:
    """Console-script entry point (``wordlab = "cli.main:run"``)."""
    try:
        code = main()
    except KeyboardInterrupt:  # Ctrl-C while parsing or importing
        output.note("interrupted")
        code = EXIT_INTERRUPTED
    sys.exit(code)
