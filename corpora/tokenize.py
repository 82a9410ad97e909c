"""The one tokenizer every corpus uses.

A token is a run of Unicode letters and digits (``str.isalnum`` semantics, so Hangul,
accented Latin, Cyrillic, ... are all kept), extended by any combining marks that follow
(so Devanagari vowel signs or a decomposed ``e`` + U+0301 stay inside their word).
Everything else -- spaces, punctuation, symbols, underscores -- separates tokens::

    >>> tokenize("Hello, world! 나는 머신러닝이 좋다")
    ['hello', 'world', '나는', '머신러닝이', '좋다']

With ``strip_punct=False`` tokens are simply the whitespace-separated pieces.
The regex runs over a whole block (``findall``), which is what makes it fast.

Korean glues particles and endings to its words: ``고양이를``, ``고양이가`` and ``고양이는`` are
three unrelated tokens above, and Korean embedding work segments text into morphemes first.
``kind="morphemes"`` does that with kiwipiepy's analyser (the optional extra
``wordlab[ko]``): ``나는 귀여운 고양이를 좋아한다`` -> ``나 는 귀엽 은 고양이 를 좋아하 ᆫ다``, the
morphemes' surface forms (no part-of-speech tags), punctuation and symbols dropped unless
``strip_punct=False``.  Text in other scripts passes through it as words.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

__all__ = ["tokenize", "tokenizer", "TOKENIZERS", "MORPHEMES_EXTRA"]

#: the tokenizers a corpus can be read with: ``words`` (the regex above, the default) and
#: ``morphemes`` (Korean morphemes by kiwipiepy)
TOKENIZERS = ("words", "morphemes")
MORPHEMES_EXTRA = "pip install 'wordlab[ko]' (or: pip install kiwipiepy)"
# kiwipiepy's tags for punctuation and symbols (Sejong tag set): dropped with strip_punct.
# SL (Latin letters), SH (hanja) and SN (numbers) are words and stay.
_PUNCT_TAGS = frozenset({"SF", "SP", "SS", "SSO", "SSC", "SE", "SO", "SW", "SB", "W_EMOJI"})


@functools.cache
def _word_regex() -> re.Pattern[str]:
    # Combining marks (categories Mn, Mc, Me) are not \w in Python's re, but they belong
    # to the letter before them.  Built lazily so `import corpora` stays cheap.
    # Marks live in the BMP, plane 1 and plane 14 (variation selectors); planes 2-13 hold
    # only CJK ideographs and unassigned code points, 15-16 private use.  Scanning just
    # those planes keeps this under a few hundredths of a second.
    ranges: list[str] = []
    start = prev = -2
    for cp in itertools.chain(range(0x300, 0x20000), range(0xE0000, 0xE1000)):
        if unicodedata.category(chr(cp))[0] == "M":
            if cp == prev + 1:
                prev = cp
                continue
            if start >= 0:
                ranges.append(_range(start, prev))
            start = prev = cp
    if start >= 0:
        ranges.append(_range(start, prev))
    marks = "".join(ranges)
    return re.compile(rf"[^\W_]+(?:[{marks}]+[^\W_]*)*")


def _range(a: int, b: int) -> str:
    return re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"


# Text made only of ASCII letters, digits and whitespace (text8, wiki-bench, most English
# corpora after normalisation) tokenizes to exactly ``str.split()``, about 6x faster than the
# regex; one C-level scan decides which path a piece of text takes.
_NOT_PLAIN = re.compile(r"[^a-zA-Z0-9 \t\n\r\f\v]")


@functools.cache
def _kiwi():
    """kiwipiepy's analyser, loaded once (about a second: it reads its model)."""
    from engine.errors import CorpusError

    try:
        from kiwipiepy import Kiwi
    except ImportError:
        raise CorpusError("the morphemes tokenizer needs kiwipiepy, the Korean morphological "
                          f"analyser: {MORPHEMES_EXTRA}") from None
    return Kiwi()


def morpheme_tokenizer(lowercase: bool = True, strip_punct: bool = True):
    """``text -> list[str]`` of morphemes (surface forms) by kiwipiepy; see the module doc."""
    kiwi = _kiwi()

    def tokens(text: str) -> list[str]:
        out = [t.form for t in kiwi.tokenize(text)
               if not (strip_punct and t.tag in _PUNCT_TAGS)]
        return [w.lower() for w in out] if lowercase else out

    return tokens


def check_tokenizer(kind: str) -> str:
    if kind not in TOKENIZERS:
        from engine.errors import CorpusError

        raise CorpusError(f"unknown tokenizer {kind!r} (choose from: {', '.join(TOKENIZERS)})")
    return kind


def tokenizer(lowercase: bool = True, strip_punct: bool = True, kind: str = "words"):
    """Return a function ``text -> list[str]`` with the given options."""
    if check_tokenizer(kind) == "morphemes":
        return morpheme_tokenizer(lowercase, strip_punct)
    if strip_punct:
        needs_regex = _NOT_PLAIN.search

        def tokens(text: str) -> list[str]:
            if lowercase:
                text = text.lower()
            # the regex is built on first need: plain ASCII corpora never pay for it
            return _word_regex().findall(text) if needs_regex(text) else text.split()

        return tokens
    if lowercase:
        return lambda text: text.lower().split()
    return str.split


def tokenize(text: str, lowercase: bool = True, strip_punct: bool = True,
             kind: str = "words") -> list[str]:
    """Split ``text`` into tokens: lower-cased, punctuation dropped, Unicode letters kept."""
    return tokenizer(lowercase, strip_punct, kind)(text)
