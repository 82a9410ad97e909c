"""``wordlab lesson [--step N] [--lang ko|en]``: the app, opened on the lecture as a lesson.

The step number is checked before the app starts (a bad N is one line and exit code 2), with
the step list of ``tui/lesson/steps.py``, which imports no textual.
"""

from __future__ import annotations

import argparse


def add_parser(sub) -> None:
    p = sub.add_parser(
        "lesson", help="the lecture as a guided lesson in the app (English or Korean)",
        description="Open the app on the lecture's steps: RNN, BPTT and the vanishing gradient, "
                    "the LSTM's gate tables, Seq2Seq and long inputs, one-hot vectors, the "
                    "4-word model, CBOW and Skip-gram, king - man + woman. Right arrow / Space: "
                    "next step, left arrow: back, Esc: the free panes (L comes back).",
        epilog="Examples:\n"
               "  wordlab lesson\n"
               "  wordlab lesson --lang ko          (in Korean; LANG=ko_KR.UTF-8 does the same)\n"
               "  wordlab lesson --step 7",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--step", type=int, default=None, metavar="N",
                   help="open step N (1 = the first; default 1)")
    p.add_argument("--lang", choices=("en", "ko"), default=None,
                   help="the language of the lesson (default: the locale's, else English)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from cli.main import UsageError, open_app
    from tui.lesson.steps import check_step

    step = 1 if args.step is None else args.step
    try:
        index = check_step(step)
    except ValueError as err:
        raise UsageError(str(err)) from None
    from tui.i18n import detect_language

    # wordlab --lang ko lesson: the app's --lang counts too
    lang = args.lang or getattr(args, "app_lang", None) or detect_language()
    # the lecture's text in the lesson's language: the lesson's last step trains on it and
    # leaves its vectors to the panes, which then work on the same corpus
    corpus = "lecture-ko" if lang == "ko" else None
    return open_app(corpus, lesson=index, lang=lang)
