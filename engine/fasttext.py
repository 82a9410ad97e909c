"""FastText's subwords (Bojanowski et al. 2017): a word is the sum of its character n-grams.

The lecture's third method represents ``where`` by its own vector plus the vectors of its
character n-grams ``<wh, whe, her, ere, re>, <whe, ...`` (3 to 6 characters, with ``<`` and
``>`` marking the word's start and end), so a word never seen in training still gets a vector
from the n-grams it shares with words that were.  The n-grams are not stored by name: each is
hashed into one of ``bucket`` rows (2,000,000 by default) with fastText's own hash, so that
the rows of a wordlab model line up with those of Facebook's fastText and gensim.

This module is that addressing, exactly as fastText's ``Dictionary::computeSubwords`` and
``Dictionary::hash`` do it (checked against gensim's implementation in the tests):

* n-grams are taken over characters, not bytes (a Korean syllable is one character: three
  UTF-8 bytes), in order of their first character, shortest first;
* the whole bracketed word is an n-gram too when it is short enough; the lone ``<`` and ``>``
  are not;
* the hash is 32-bit FNV-1a over the UTF-8 bytes, each byte sign-extended first (fastText
  casts ``char`` to ``int8_t``), which differs from textbook FNV-1a for non-ASCII text.
"""

from __future__ import annotations

FNV_OFFSET = 2166136261
FNV_PRIME = 16777619
MINN, MAXN, BUCKET = 3, 6, 2_000_000      # fastText's defaults for skipgram / cbow


def ft_hash(text: str | bytes) -> int:
    """fastText's 32-bit hash of ``text`` (its UTF-8 bytes)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    h = FNV_OFFSET
    for byte in data:
        signed = byte - 256 if byte >= 128 else byte      # int8_t(char) ...
        h ^= signed & 0xFFFFFFFF                          # ... widened to uint32_t
        h = (h * FNV_PRIME) & 0xFFFFFFFF
    return h


def ngrams(word: str, minn: int = MINN, maxn: int = MAXN) -> list[str]:
    """The character n-grams of ``<word>`` with minn <= n <= maxn, in fastText's order."""
    if minn < 1 or maxn < minn:
        return []
    w = f"<{word}>"
    out = []
    for i in range(len(w)):
        for n in range(minn, maxn + 1):
            if i + n > len(w):
                break
            if n == 1 and (i == 0 or i + n == len(w)):
                continue                                  # the lone '<' and '>'
            out.append(w[i:i + n])
    return out


def ngram_buckets(word: str, minn: int = MINN, maxn: int = MAXN, bucket: int = BUCKET) -> list[int]:
    """The bucket (row, counted from the first n-gram row) of each n-gram of ``word``."""
    if bucket <= 0:
        return []
    return [ft_hash(g) % bucket for g in ngrams(word, minn, maxn)]
