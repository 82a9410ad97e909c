"""The ``wordlab`` command: argument parsing, dispatch, and turning bad input into one line.

``wordlab`` alone opens the Textual app, and so does ``wordlab CORPUS`` (a built-in name, a text
file or a folder of them) or ``wordlab VECTORS_FILE`` (a word2vec file: opened with those
vectors loaded), or both; the subcommands (``train``, ``query``, ``eval``, ``export``,
``corpora``, ``completion``) are headless, and a subcommand's name wins over a file of that name (say ``./train``).  Contract (docs/ARCHITECTURE.md): every ``WordlabError`` and
``OSError`` becomes ONE line on stderr and exit code 2; argparse's usage errors are one
line too (exit 2); Ctrl-C exits 130.  Nothing heavy (torch, textual, rich) is imported
until a subcommand needs it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from cli import output

EXIT_OK = 0
EXIT_USAGE = 2          # bad input of any kind: argparse, WordlabError, OSError
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it

#: in every command's --help, before its examples (docs/CLI.md says the same)
EXIT_CODES = ("Exit codes: 0 done; 2 bad input (a usage error, an unreadable or malformed "
              "file, a bad\nsetting: one line on stderr); 130 interrupted (Ctrl-C).")


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
    from cli import completion, export_cmd
    from cli import corpora_cmd, eval_cmd, lesson_cmd, query, serve, train

    parser = _Parser(
        prog=output.PROG,
        usage="%(prog)s [-h] [--version] [--lang {en,ko}] [CORPUS] [VECTORS_FILE]\n"
              "       %(prog)s COMMAND ...",
        description="Learn how word embeddings and recurrent networks learn.\n"
                    "Without a subcommand, opens the terminal app: on CORPUS (a built-in name:\n"
                    f"{', '.join(_builtin_corpora())}; a text file or a folder of them) "
                    "and/or with\nthe word2vec VECTORS_FILE loaded.",
        epilog="Examples:\n"
               "  wordlab toy-world                 (the app, on the toy-world corpus)\n"
               "  wordlab toy-world toy.vec         (... with the vectors in toy.vec loaded)\n"
               "  wordlab train --corpus toy-world --out toy.vec\n"
               "  wordlab query toy.vec --analogy man king woman\n"
               "  wordlab eval toy.vec --analogies toy-world\n"
               "  wordlab export toy.vec --projector toy-tb   (for the Embedding Projector)\n"
               "  wordlab corpora\n"
               "  wordlab lesson --lang ko          (the lecture, step by step, in Korean)\n"
               "  wordlab completion bash > ~/.local/share/bash-completion/completions/wordlab",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction,
                        help="show the version and exit")
    _add_lang(parser, dest="app_lang")   # not "lang": the lesson subcommand's default would win
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser,
                                prog=output.PROG)  # not derived from the custom usage
    train.add_parser(sub)
    query.add_parser(sub)
    eval_cmd.add_parser(sub)
    export_cmd.add_parser(sub)
    corpora_cmd.add_parser(sub)
    lesson_cmd.add_parser(sub)
    completion.add_parser(sub)
    serve.add_parser(sub)
    for command in (parser, *_all_subparsers(parser)):
        _add_exit_codes(command)
    parser.commands = tuple(sub.choices)  # type: ignore[attr-defined]
    return parser


def _all_subparsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """Every subcommand's parser, nested ones (``corpora stats``) included."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for subparser in action.choices.values():
                found += [subparser, *_all_subparsers(subparser)]
    return found


def _add_exit_codes(parser: argparse.ArgumentParser) -> None:
    """Put the exit codes in ``parser``'s epilog, just before its examples, so that every
    --help ends with examples."""
    epilog = parser.epilog or ""
    if EXIT_CODES in epilog:
        return
    head, sep, examples = epilog.rpartition("Examples:")
    if sep:
        parser.epilog = f"{head}{EXIT_CODES}\n\n{sep}{examples}"
    else:
        parser.epilog = f"{epilog}\n\n{EXIT_CODES}" if epilog else EXIT_CODES


def _add_lang(parser: argparse.ArgumentParser, dest: str = "lang") -> None:
    parser.add_argument("--lang", dest=dest, choices=("en", "ko"), default=None,
                        help="the app's language (its lesson, L); default: the locale's "
                             "(LANG=ko_KR.UTF-8 gives Korean), else English")


def _builtin_corpora() -> tuple[str, ...]:
    from corpora.registry import BUILTINS

    return BUILTINS


def build_app_parser(prog: str = output.PROG) -> argparse.ArgumentParser:
    """The app's own arguments: ``[CORPUS] [VECTORS_FILE]`` (either, both, in any order)."""
    parser = _Parser(
        prog=prog,
        usage="%(prog)s [-h] [--lang {en,ko}] [CORPUS] [VECTORS_FILE]",
        description="Open the wordlab app on CORPUS (a built-in name: "
                    f"{', '.join(_builtin_corpora())}; a text file or a folder of them; default: "
                    "lecture) and/or with the word2vec VECTORS_FILE (text, binary or .gz) loaded.",
    )
    parser.add_argument("targets", nargs="*", metavar="CORPUS|VECTORS_FILE",
                        help="a corpus, a vectors file, or one of each")
    _add_lang(parser)
    return parser


def _looks_like_vectors(head: bytes) -> bool:
    """A word2vec file starts with a ``<words> <dimensions>`` line (text and binary alike), or
    is gzip-compressed (a text corpus never is: the corpus reader refuses gzip)."""
    if head.startswith(b"\x1f\x8b"):
        return True
    first = head.split(b"\n", 1)[0].strip()
    fields = first.split()
    return len(fields) == 2 and all(f.isdigit() for f in fields)


def app_target(arg: str) -> tuple[str, str]:
    """What ``wordlab ARG`` means: ``("corpus", name_or_path)`` or ``("vectors", path)``.

    Checked now, so that a typo or an unreadable file is one line and exit 2 rather than a
    notice inside the app.  Raises UsageError, CorpusError or OSError."""
    from corpora import open_corpus
    from corpora.registry import BUILTINS

    if arg in BUILTINS:
        open_corpus(arg)  # cheap; says e.g. that text8 is not downloaded yet
        return "corpus", arg
    path = Path(arg).expanduser()
    if not path.exists():
        if os.sep in arg or "/" in arg or "." in arg:
            raise UsageError(f"no such file or folder: {arg} (the app takes a corpus and/or a "
                             "word2vec vectors file)")
        raise UsageError(f"{arg!r} is not a command (train, query, eval, corpora), a built-in "
                         f"corpus ({', '.join(BUILTINS)}), nor a file or folder here")
    if path.is_file():
        with path.open("rb") as f:  # PermissionError & co. become one line in main()
            head = f.read(4096)
        if head[:1] in (b"\x80", b"\x93"):   # a pickle (gensim's native save) or a .npy
            from engine.vectors import refuse_native

            refuse_native(str(path), head)   # how to convert it, in one line
        if _looks_like_vectors(head):
            return "vectors", str(path)
    open_corpus(path)  # refuses binaries, empty files and folders without text, in one line
    return "corpus", str(path)


def app_main(argv: Sequence[str], prog: str = output.PROG) -> int:
    """``wordlab [CORPUS] [VECTORS_FILE]``: check the arguments, then open the app."""
    args = build_app_parser(prog).parse_args(list(argv))
    chosen: dict[str, str] = {}
    for arg in args.targets:
        kind, value = app_target(arg)
        if kind in chosen:
            raise UsageError(f"two {'corpora' if kind == 'corpus' else 'vectors files'} given "
                             f"({chosen[kind]!r} and {value!r}); the app takes one of each")
        chosen[kind] = value
    return open_app(corpus=chosen.get("corpus"), vectors=chosen.get("vectors"), lang=args.lang)


def _interactive() -> bool:
    # wordlab serve: each browser tab's app talks to the page through Textual's web driver
    if "web_driver" in os.environ.get("TEXTUAL_DRIVER", ""):
        return True
    return sys.stdin.isatty() and sys.stdout.isatty()


def open_app(corpus: str | None = None, vectors: str | None = None, *,
             lesson: int | None = None, lang: str | None = None) -> int:
    """The Textual app (imported only now: it is heavy), on ``corpus`` (default: the app's,
    the lecture) with the vectors file ``vectors`` loaded; ``lesson``: open the lesson at that
    step (0-based); ``lang``: "en" or "ko" (None: the locale's)."""
    if not _interactive():
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
    kwargs: dict = {}
    if corpus is not None:
        kwargs["corpus_name"] = corpus
    if vectors is not None:
        kwargs["vectors_path"] = vectors
    if lesson is not None:
        kwargs["lesson"] = lesson
    if lang is not None:
        kwargs["lang"] = lang
    app = WordlabApp(**kwargs)
    app.run()
    return getattr(app, "return_code", None) or EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``wordlab`` with ``argv`` (default: ``sys.argv[1:]``); returns the exit code."""
    argv = [str(a) for a in (sys.argv[1:] if argv is None else argv)]
    parser = build_parser()
    first = _first_positional(argv)
    if first is not None and first not in parser.commands:
        return _guarded(lambda: app_main(argv))   # wordlab [--lang L] CORPUS / VECTORS_FILE
    args = parser.parse_args(argv)  # usage errors exit 2 inside, with one line
    return _guarded(lambda: open_app(lang=args.app_lang) if args.command is None
                    else args.handler(args))


def _first_positional(argv: Sequence[str]) -> str | None:
    """The first argument that is neither an option nor ``--lang``'s value: a subcommand's
    name, or the app's CORPUS / VECTORS_FILE."""
    value_of_lang = False
    for arg in argv:
        if value_of_lang:
            value_of_lang = False
        elif arg == "--lang":
            value_of_lang = True
        elif not arg.startswith("-"):
            return arg
    return None


def main_app(argv: Sequence[str] | None = None, prog: str = "python -m tui") -> int:
    """``python -m tui [CORPUS] [VECTORS_FILE]``: the app only, same checks as ``wordlab``."""
    argv = [str(a) for a in (sys.argv[1:] if argv is None else argv)]
    return _guarded(lambda: app_main(argv, prog))


def _guarded(action) -> int:
    """Run ``action()``; every error a user can cause becomes one line and exit code 2."""
    from engine.errors import WordlabError

    try:
        return action()
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
