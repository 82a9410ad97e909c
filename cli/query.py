"""``wordlab query``: nearest neighbours, analogies, similarity and the odd one out.

Reads any word2vec C-format file (text or binary, ours or gensim's), and fastText ``.bin``
models (ours, fastText's, gensim's), which also answer words outside their vocabulary from
the words' character n-grams: such words are named on stderr, or listed in the JSON result as
``"from_ngrams": [...]``.  ``--json`` output:

* ``--similar W``:      ``{"query": {"similar": W, "k": N}, "results": [{"word", "score"}...]}``
* ``--analogy A B C``:  ``{"query": {"analogy": [A, B, C], "method": "add"|"mul", "k": N},
  "results": [...]}`` (A is to B as C is to ?, i.e. B - A + C; query words excluded)
* ``--similarity X Y``: ``{"query": {"similarity": [X, Y]}, "similarity": S}``
* ``--doesnt-match W...``: ``{"query": {"doesnt_match": [W...]}, "result": W}``
"""

from __future__ import annotations

import argparse

from cli import output
from cli.defaults import ENGINE, EngineDefaultsFormatter, engine_default, parameter_default

MOST_SIMILAR = "engine.vectors:KeyedVectors.most_similar"


def add_parser(sub) -> None:
    p = sub.add_parser(
        "query", help="ask trained vectors: neighbours, analogies, similarity",
        description="Query word vectors saved in word2vec's C format (text or binary).",
        epilog="Examples:\n"
               "  wordlab query toy.vec --similar king -k 5\n"
               "  wordlab query toy.vec --analogy man king woman   # man : king :: woman : ?\n"
               "  wordlab query toy.vec --similarity cat dog --json",
        formatter_class=EngineDefaultsFormatter)
    p.add_argument("vectors", metavar="FILE",
                   help="vectors in word2vec format, or a fastText .bin model (answers unseen "
                        "words from their character n-grams)")
    mode = p.add_mutually_exclusive_group(required=True)
    mode.add_argument("--similar", metavar="WORD", help="the k nearest words by cosine")
    mode.add_argument("--analogy", nargs=3, metavar=("A", "B", "C"),
                      help="A is to B as C is to ?  (B - A + C, 3CosAdd)")
    mode.add_argument("--similarity", nargs=2, metavar=("W1", "W2"),
                      help="cosine similarity of two words")
    mode.add_argument("--doesnt-match", nargs="+", metavar="WORD",
                      help="the word furthest from the mean of the others")
    engine_default(p.add_argument("-k", "--topn", type=int, metavar="N",
                                  help=f"how many answers for --similar / --analogy "
                                       f"(default {ENGINE})"),
                   lambda: parameter_default(MOST_SIMILAR, "topn"))
    p.add_argument("--cosmul", action="store_true",
                   help="--analogy with 3CosMul (Levy & Goldberg) instead of 3CosAdd")
    p.add_argument("--json", action="store_true", help="machine-readable output on stdout")
    p.set_defaults(handler=run)


def _check(args: argparse.Namespace) -> None:
    from cli.main import UsageError

    if args.topn is None:
        args.topn = parameter_default(MOST_SIMILAR, "topn")     # the engine's default
    if args.topn < 1:
        raise UsageError(f"-k must be at least 1 (got {args.topn})")
    if args.cosmul and args.analogy is None:
        raise UsageError("--cosmul only applies to --analogy")
    if args.doesnt_match is not None and len(args.doesnt_match) < 2:
        raise UsageError("--doesnt-match needs at least two words")


def _results(pairs) -> list[dict]:
    return [{"word": w, "score": output.number(s)} for w, s in pairs]


def _table(title: str, pairs) -> None:
    """The heading on its own line (a table title would wrap to the narrow table's width),
    then rank, word and cosine."""
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    console = output.stdout_console()
    console.print(f"[bold]{escape(title)}[/]")
    if not pairs:
        console.print("  (no other words in the vocabulary)")
        return
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("word")
    table.add_column("cosine" if "3CosMul" not in title else "score", justify="right")
    for rank, (word, score) in enumerate(pairs, 1):
        table.add_row(str(rank), escape(word), output.fmt_score(score))
    console.print(table)


def _load(path: str):
    """word2vec's formats, or a fastText ``.bin`` model (recognised by its magic number),
    whose vectors answer words outside the vocabulary from their character n-grams."""
    from engine.fasttext.vectors import load_vectors

    return load_vectors(path)


def _built_from_ngrams(kv, words) -> list[str]:
    """The query words a fastText model answers from n-grams (not in its vocabulary)."""
    check = getattr(kv, "from_ngrams", None)
    return [w for w in dict.fromkeys(words) if check is not None and check(w)]


def _mark(kv, words, json_out: bool, result: dict | None = None) -> None:
    """Say which words were built from n-grams: a line on stderr, or ``"from_ngrams"`` in
    the JSON result."""
    built = _built_from_ngrams(kv, words)
    if not built:
        return
    if json_out:
        result["from_ngrams"] = built
        return
    for w in built:
        output.note(f"{w!r} is not in the vocabulary: its vector is the mean of its "
                    f"{len(kv.ngram_ids(w))} character n-grams (fastText)")


def run(args: argparse.Namespace) -> int:
    _check(args)
    kv = _load(args.vectors)
    k = args.topn
    if args.similar is not None:
        pairs = kv.most_similar(positive=[args.similar], topn=k)
        if args.json:
            result = {"query": {"similar": args.similar, "k": k}, "results": _results(pairs)}
            _mark(kv, [args.similar], True, result)
            output.print_json(result)
        else:
            _mark(kv, [args.similar], False)
            oov = " (from n-grams)" if _built_from_ngrams(kv, [args.similar]) else ""
            _table(f"nearest to {args.similar!r}{oov}", pairs)
    elif args.analogy is not None:
        a, b, c = args.analogy
        method = "mul" if args.cosmul else "add"
        pairs = kv.analogy(a, b, c, topn=k, method=method)
        if args.json:
            result = {"query": {"analogy": [a, b, c], "method": method, "k": k},
                      "results": _results(pairs)}
            _mark(kv, [a, b, c], True, result)
            output.print_json(result)
        else:
            _mark(kv, [a, b, c], False)
            how = f"= {b} - {a} + {c}" if method == "add" else "by 3CosMul"
            _table(f"{a} : {b} :: {c} : ?   {how}", pairs)
    elif args.similarity is not None:
        w1, w2 = args.similarity
        score = kv.similarity(w1, w2)
        if args.json:
            result = {"query": {"similarity": [w1, w2]}, "similarity": output.number(score)}
            _mark(kv, [w1, w2], True, result)
            output.print_json(result)
        else:
            _mark(kv, [w1, w2], False)
            print(f"cosine({w1}, {w2}) = {output.fmt_score(score)}")
    else:
        words = list(args.doesnt_match)
        odd = kv.doesnt_match(words)
        if args.json:
            output.print_json({"query": {"doesnt_match": words}, "result": odd})
        else:
            print(f"doesn't match: {odd}")
    return 0
