"""The registry: built-in corpora by name, and files/folders by path.

``open_corpus(name_or_path, **options)`` options (all optional):

* ``lowercase`` (bool, default True), ``strip_punct`` (bool, default True): tokenizer options;
* ``tokenizer`` (``"words"``, the default, or ``"morphemes"``: Korean morphemes by kiwipiepy,
  the extra ``wordlab[ko]``; for text corpora, not the generated toy-world);
* ``chunk`` (int): ignore line breaks and cut every ``chunk`` tokens (text8 defaults to 1000);
* ``encoding`` (str): force a codec instead of UTF-8 with the Windows-1252 fallback;
* ``seed`` (int), ``size`` (int, sentences): toy-world's generator; ``seed`` is accepted and
  ignored by corpora that are not random, so a front end may always pass its run seed.

Options whose value is None are treated as not given.

A built-in name wins over a file of the same name in the current folder: say ``./lecture``
for the file.  A folder means every ``.txt``/``.text`` file under it (recursive, sorted,
hidden files and folders skipped, empty files skipped).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from engine.errors import CorpusError

from .corpus import Corpus, FileCorpus, human_bytes
from .text8 import TEXT8_SIZE, text8_path
from .tokenize import check_tokenizer
from .toyworld import DEFAULT_SEED, DEFAULT_SIZE, ToyWorld

__all__ = ["CorpusInfo", "list_corpora", "open_corpus", "training_hints", "glove_hints",
           "BUILTINS", "DATA_DIR", "TRAINING_HINTS", "GLOVE_HINTS"]

DATA_DIR = Path(__file__).resolve().parent / "data"

_LECTURE = "the lecture's examples: i love cute cat, we watch movie, you draw picture, cat chase dog"
_LECTURE_KO = "the lecture's examples in Korean: 나는 귀여운 고양이를 좋아한다, 나는 머신러닝이 좋다"
_TOY = "generated world with planted gender, capital, plural and tense relations + analogy file"
_TEXT8 = "first 100 MB of English Wikipedia, cleaned (Matt Mahoney); `wordlab corpora fetch text8`"

BUILTINS = ("lecture", "lecture-ko", "toy-world", "text8")

#: Word2Vec settings that suit each built-in corpus, as plain data (``Word2VecConfig`` field
#: names): ``engine.settings.training_settings`` lays them over the engine's general defaults
#: (gensim's), and both the CLI and the app's Train form start from the result.  A corpus not
#: listed (toy-world, text8, your files) trains with the general defaults.
#:
#: The lecture's two texts are 20 sentences of 3-5 words (67 tokens, 12 types; Korean 16): every
#: word is needed (min_count 1: with 5 only 9 words survive), subsampling would delete most of
#: a sentence (sample 0), and the general alpha 0.025 over 5 epochs (~340 updates from
#: word2vec.c's tiny initial weights) leaves the loss where it started, (1+5)·ln 2 = 4.16 for
#: skip-gram + negative sampling.  alpha 0.1 over 50 epochs (3,350 words, a fraction of a
#: second) ends near 2.2, and for seeds 1-6 dog is cat's nearest or second-nearest word, picture
#: movie's (72-83% nearest; 고양이를/개를, 영화를/그림을 likewise).  A grid over dim 10-50,
#: window 1-3, alpha 0.025-0.1 and epochs 25-500 chose d=20, window 3: longer runs overfit
#: this tiny text (cos(cat, dog) falls from ~0.9 at 50 epochs of alpha 0.05 to ~0.35 at 300).
#: Checked by tests/test_cli_train.py and tests/test_settings.py.
_LECTURE_SETTINGS = {"min_count": 1, "sample": 0.0, "dim": 20, "window": 3, "alpha": 0.1,
                     "epochs": 50}
TRAINING_HINTS: dict[str, dict] = {
    "lecture": _LECTURE_SETTINGS,
    "lecture-ko": _LECTURE_SETTINGS,
    "toy-world": {},        # 20k generated sentences: the general defaults learn its analogies
    "text8": {},            # what word2vec.c and gensim were tuned on
}


def training_hints(name_or_path: str | os.PathLike | None) -> dict:
    """The settings suggested for a corpus (a copy; empty: the general defaults)."""
    if name_or_path is None:
        return {}
    return dict(TRAINING_HINTS.get(os.fspath(name_or_path), {}))


#: GloVe settings that suit a built-in corpus (``GloveConfig`` field names), laid over GloVe's
#: defaults and the shared vocabulary/window hints by ``engine.settings.glove_settings``.
#:
#: toy-world is 16k generated sentences of ~5 words: 8.5k non-zero cells of X for 334 words.
#: With glove.c's defaults (1/distance weighting, W + W~, 25 epochs) its analogies score 31%,
#: and fitting longer scores less (50 epochs 24%, a full fit ~10%): with so few cells the fit
#: ends up following the counts' noise. In these template sentences a word's position says
#: nothing (1/distance only adds noise) and the context vectors W~ mostly encode the template
#: words; W alone, unweighted counts and 15 epochs score 99.9-100% over corpus seeds 1-5
#: (20 epochs 97.2-99.1%, 25 epochs 93.1-97.4%). Checked by tests/test_glove.py.
GLOVE_HINTS: dict[str, dict] = {
    "toy-world": {"distance_weighting": False, "vectors": "word", "epochs": 15},
}


def glove_hints(name_or_path: str | os.PathLike | None) -> dict:
    """GloVe's own suggestions for a corpus (a copy; empty for most)."""
    if name_or_path is None:
        return {}
    return dict(GLOVE_HINTS.get(os.fspath(name_or_path), {}))


_TEXT_OPTIONS = {"lowercase", "strip_punct", "chunk", "encoding", "seed", "tokenizer"}
_TOY_OPTIONS = {"lowercase", "strip_punct", "seed", "size"}


@dataclass(frozen=True)
class CorpusInfo:
    name: str
    description: str
    size: str
    available: bool


def _small_text_size(path: Path) -> str:
    lines = [ln.split() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    vocab = {w for ln in lines for w in ln}
    return f"{len(lines)} sentences, {len(vocab)} words"


def list_corpora() -> list[CorpusInfo]:
    """The built-in corpora, in the order a menu shows them."""
    t8 = text8_path()
    return [
        CorpusInfo("lecture", _LECTURE, _small_text_size(DATA_DIR / "lecture.txt"), True),
        CorpusInfo("lecture-ko", _LECTURE_KO, _small_text_size(DATA_DIR / "lecture-ko.txt"), True),
        CorpusInfo("toy-world", _TOY, f"{DEFAULT_SIZE:,} sentences (generated)", True),
        CorpusInfo(
            "text8", _TEXT8,
            human_bytes(TEXT8_SIZE) if t8.is_file() else f"{human_bytes(TEXT8_SIZE)} (not downloaded)",
            t8.is_file(),
        ),
    ]


def _check_options(where: str, options: dict, allowed: set[str]) -> dict:
    given = {k: v for k, v in options.items() if v is not None}
    unknown = sorted(set(given) - allowed)
    if unknown:
        raise CorpusError(f"{where} does not take the option {unknown[0]!r} "
                          f"(it takes: {', '.join(sorted(allowed))})")
    chunk = given.get("chunk")
    if chunk is not None and (isinstance(chunk, bool) or not isinstance(chunk, int) or chunk < 1):
        raise CorpusError(f"chunk must be a positive number of tokens (got {chunk!r})")
    if "size" not in allowed:
        given.pop("seed", None)  # the run's seed means nothing to a fixed text
    if "tokenizer" in given:
        given["tokenizer_kind"] = check_tokenizer(given.pop("tokenizer"))
    return given


def _text_files(folder: Path) -> list[Path]:
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files.extend(Path(root) / n for n in names
                     if not n.startswith(".") and n.lower().endswith((".txt", ".text")))
    return sorted(files)


def open_corpus(name_or_path: str | os.PathLike, **options) -> Corpus:
    """A built-in corpus by name, or a ``.txt`` file / folder of them by path."""
    key = os.fspath(name_or_path)
    if key in ("lecture", "lecture-ko"):
        opts = _check_options(key, options, _TEXT_OPTIONS)
        return FileCorpus([DATA_DIR / f"{key}.txt"], key,
                          _LECTURE if key == "lecture" else _LECTURE_KO, **opts)
    if key == "toy-world":
        if options.get("tokenizer") not in (None, "words"):
            check_tokenizer(options["tokenizer"])
            raise CorpusError("toy-world is generated English word by word: the morphemes "
                              "tokenizer is for Korean text files (e.g. lecture-ko)")
        options = {k: v for k, v in options.items() if k != "tokenizer"}
        opts = _check_options(key, options, _TOY_OPTIONS)
        return ToyWorld(seed=opts.pop("seed", DEFAULT_SEED), size=opts.pop("size", DEFAULT_SIZE), **opts)
    if key == "text8":
        opts = _check_options(key, options, _TEXT_OPTIONS)
        path = text8_path()
        if not path.is_file():
            raise CorpusError("text8 is not downloaded yet: run `wordlab corpora fetch text8`, "
                              "or train on your own text with --corpus PATH")
        opts.setdefault("chunk", 1000)
        return FileCorpus([path], "text8", _TEXT8, **opts)

    path = Path(key).expanduser()
    opts = _check_options(str(path), options, _TEXT_OPTIONS)
    if path.is_dir():
        files = _text_files(path)
        if not files:
            raise CorpusError(f"{path} is a folder with no .txt files in it")
        nonempty = [f for f in files if f.stat().st_size > 0]
        if not nonempty:
            raise CorpusError(f"{path}: all {len(files)} .txt files in it are empty")
        corpus = FileCorpus(nonempty, path.name or str(path), f"{len(nonempty)} text files under {path}", **opts)
        skipped = len(files) - len(nonempty)
        if skipped:
            corpus.description += f" ({skipped} empty skipped)"
        return corpus
    if path.exists() and not path.is_file():
        raise CorpusError(f"{path} is not a regular file or folder")
    if not path.exists():
        if os.sep not in key and "/" not in key and "." not in key:
            raise CorpusError(f"unknown corpus {key!r}: not one of {', '.join(BUILTINS)}, "
                              f"and no file or folder by that name")
        raise CorpusError(f"no such file or folder: {path}")
    return FileCorpus([path], path.name, f"text file {path}", **opts)
