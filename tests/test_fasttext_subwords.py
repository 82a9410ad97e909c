"""FastText's subword addressing (engine/fasttext/__init__.py) equals fastText's, as gensim implements it
for reading Facebook's models: the same n-grams in the same order and the same buckets, for
English, Korean and anything else UTF-8 can hold."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.fasttext import ft_hash, ngram_buckets, ngrams

gensim_ft = pytest.importorskip("gensim.models.fasttext")


def test_the_lectures_example_and_fasttexts_rules():
    assert ngrams("where", 3, 3) == ["<wh", "whe", "her", "ere", "re>"]
    assert "<cat>" in ngrams("cat", 3, 6)           # the whole word, being short enough
    assert ngrams("a", 1, 1) == ["a"]               # never the lone '<' or '>'
    assert ngrams("고양이", 3, 3) == ["<고양", "고양이", "양이>"]   # characters, not bytes


def test_the_hash_sign_extends_bytes_as_fasttext_does():
    assert ft_hash("") == 2166136261
    textbook = 2166136261
    for byte in "é".encode():
        textbook = ((textbook ^ byte) * 16777619) & 0xFFFFFFFF
    assert ft_hash("é") != textbook                  # plain FNV-1a differs for non-ASCII
    assert ft_hash("é") == gensim_ft.ft_hash_bytes("é".encode())


@pytest.mark.parametrize("word", ["cat", "where", "고양이를", "나는", "머신러닝이", "naïve", "🙂ok", "a"])
def test_buckets_equal_gensims(word):
    assert ngram_buckets(word, 3, 6, 2_000_000) == list(gensim_ft.ft_ngram_hashes(word, 3, 6, 2_000_000))


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=12).filter(lambda w: "\x00" not in w),
       st.integers(1, 4), st.integers(0, 3), st.integers(1, 3_000_000))
def test_any_word_any_range_equals_gensim(word, minn, extra, bucket):
    maxn = minn + extra
    assert ngram_buckets(word, minn, maxn, bucket) == list(gensim_ft.ft_ngram_hashes(word, minn, maxn, bucket))
