"""``wordlab export VECTORS --projector DIR``: files for the TensorBoard Embedding Projector.

Writes ``DIR/vectors.tsv`` (one vector per line, tab-separated, no header) and
``DIR/metadata.tsv`` (the words; with ``--vocab FILE`` a ``word<TAB>count`` header and a count
column), atomically; load them at https://projector.tensorflow.org ("Load").  ``--json``
prints ``{"vectors", "folder", "files": {"vectors", "metadata"}, "words", "dim",
"counts", "limit"}``.
"""

from __future__ import annotations

import argparse

from cli import output


def add_parser(sub) -> None:
    p = sub.add_parser(
        "export", help="write vectors for the TensorBoard Embedding Projector",
        description="Write VECTORS (a word2vec file: text, binary or .gz) as the TensorBoard "
                    "Embedding Projector's vectors.tsv and metadata.tsv in DIR (created if "
                    "missing; files there of those names are replaced). Load both at "
                    "https://projector.tensorflow.org or point TensorBoard's projector at them.",
        epilog="Examples:\n"
               "  wordlab export toy.vec --projector toy-projector\n"
               "  wordlab export wiki.bin --projector wiki-tb --limit 10000\n"
               "  wordlab export wiki.bin --projector wiki-tb --vocab wiki.vocab --json",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("vectors", metavar="VECTORS", help="vectors in word2vec format")
    p.add_argument("--projector", required=True, metavar="DIR",
                   help="the folder to write vectors.tsv and metadata.tsv into")
    p.add_argument("--limit", type=int, default=None, metavar="N",
                   help="only the N most frequent words (by --vocab's counts, else the file's "
                        "order: word2vec files list the most frequent words first); "
                        "default: all")
    p.add_argument("--vocab", default=None, metavar="FILE",
                   help="a 'word count' file (word2vec's -save-vocab, gensim's fvocab): "
                        "adds a count column to metadata.tsv")
    p.add_argument("--json", action="store_true", help="machine-readable output on stdout")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from cli.main import UsageError
    from engine.vectors import KeyedVectors, read_counts, save_projector

    if args.limit is not None and args.limit < 1:
        raise UsageError(f"--limit must be at least 1 (got {args.limit})")
    counts = read_counts(args.vocab) if args.vocab is not None else None
    kv = KeyedVectors.load(args.vectors)
    files = save_projector(kv, args.projector, limit=args.limit, counts=counts)
    if args.json:
        output.print_json({"vectors": str(args.vectors), "folder": str(files.folder),
                           "files": {"vectors": str(files.vectors),
                                     "metadata": str(files.metadata)},
                           "words": files.words, "dim": files.dim, "counts": files.counts,
                           "limit": args.limit})
    else:
        columns = "word and count" if files.counts else "word"
        print(f"wrote {output.fmt_count(files.words)} vectors of {files.dim} dims to "
              f"{str(files.vectors)!r} and their {columns} to {str(files.metadata)!r} "
              "(load both at https://projector.tensorflow.org)")
    return 0
