"""Corpora: the lecture's examples, a generated toy world, your own text files, text8.

Nothing here imports torch, numpy, textual or rich, and importing does no work beyond
defining names: the app starts fast.

    >>> from corpora import list_corpora, open_corpus
    >>> corpus = open_corpus("lecture")
    >>> next(iter(corpus))
    ['i', 'love', 'cute', 'cat']
"""

from .corpus import Corpus, FileCorpus
from .registry import BUILTINS, CorpusInfo, list_corpora, open_corpus
from .stats import CorpusStats, corpus_stats
from .text8 import TEXT8_URL, data_dir, fetch_text8, text8_path
from .tokenize import tokenize, tokenizer

__all__ = [
    "BUILTINS",
    "Corpus",
    "CorpusInfo",
    "CorpusStats",
    "FileCorpus",
    "TEXT8_URL",
    "corpus_stats",
    "data_dir",
    "fetch_text8",
    "list_corpora",
    "open_corpus",
    "text8_path",
    "tokenize",
    "tokenizer",
]
