"""FastText's n-grams over Hangul jamo (``subwords="jamo"``, ``--subwords jamo``): the split of
a syllable into initial, vowel and final is exact and reversible, the n-grams are taken over
it, the word rows stay the words as written, and on ``lecture-ko`` an inflected form never
seen (고양이는, 개는) gets its vector from n-grams it shares with the forms that were."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.errors import ConfigError, FormatError
from engine.fasttext import (EMPTY_FINAL, FastTextConfig, FastTextSession, from_jamo,
                             ft_hash, ngram_buckets, ngrams, to_jamo)
from tests.cli_support import assert_one_line_error, call


def test_a_syllable_is_its_initial_vowel_and_final():
    assert to_jamo("각") == "\u1100\u1161\u11a8"               # ᄀ ᅡ ᆨ
    assert to_jamo("가") == "\u1100\u1161" + EMPTY_FINAL        # no final: the placeholder
    assert to_jamo("힣") == "\u1112\u1175\u11c2"               # the last syllable
    assert to_jamo("고양이") == "\u1100\u1169e\u110b\u1163\u11bc\u110b\u1175e"
    assert to_jamo("AI가 ok") == "AI\u1100\u1161e ok"           # the rest is kept
    assert to_jamo("ㅋㅋ") == "ㅋㅋ"                             # chat letters are not syllables
    every = "".join(chr(c) for c in range(0xAC00, 0xD7A4))
    assert len(to_jamo(every)) == 3 * 11_172 and from_jamo(to_jamo(every)) == every


_NO_CONJOINING = st.characters(blacklist_categories=("Cs",),
                               blacklist_characters=[chr(c) for c in range(0x1100, 0x1200)])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_NO_CONJOINING, st.sampled_from("가각힣고양이는e")),
                max_size=12).map("".join))
def test_the_split_is_reversible(word):
    assert from_jamo(to_jamo(word)) == word


def test_ngrams_over_jamo():
    assert ngrams("개는", 3, 3, "jamo") == [
        "<\u1100\u1162", "\u1100\u1162e", "\u1162e\u1102", "e\u1102\u1173",
        "\u1102\u1173\u11ab", "\u1173\u11ab>"]
    assert ngrams("개는", 3, 3) == ["<개는", "개는>"]              # characters: the default
    got = ngram_buckets("고양이는", 3, 6, 2_000_000, "jamo")
    assert got == [ft_hash(g) % 2_000_000 for g in ngrams("고양이는", 3, 6, "jamo")]
    assert len(got) > len(ngram_buckets("고양이는", 3, 6, 2_000_000))


def test_the_setting_is_checked():
    assert {e.field for e in FastTextConfig(subwords="bytes").problems()} == {"subwords"}
    with pytest.raises(ConfigError, match="subwords"):
        FastTextConfig(subwords="bytes").validate()


@pytest.fixture(scope="module")
def lecture_ko():
    """lecture-ko with its lecture settings (dim 20, 50 epochs, every word), the default 2M
    buckets (fewer let an unseen word's n-gram collide with a known one: at 20,000 buckets
    개는's chars n-gram <개는> lands on 고양이가's row), chars and jamo, one seed."""
    from corpora import open_corpus

    sents = list(open_corpus("lecture-ko"))
    out = {}
    for sub in ("chars", "jamo"):
        s = FastTextSession(FastTextConfig(min_count=1, sample=0.0, dim=20, window=3, alpha=0.1,
                                           epochs=50, threads=1, subwords=sub), sents)
        s.run()
        out[sub] = s
    return out


def test_word_rows_stay_keyed_by_the_word(lecture_ko):
    s = lecture_ko["jamo"]
    kv = s.model.vectors()
    assert "고양이를" in kv and "고양이는" not in kv and kv.from_ngrams("고양이는")
    V = len(s.vocab)
    ids = ngram_buckets("고양이는", 3, 6, 2_000_000, "jamo")
    np.testing.assert_allclose(kv["고양이는"], s.model.W_in[V + np.array(ids)].mean(axis=0),
                               rtol=1e-6)
    w = s.vocab.id("고양이를")
    assert list(s.model.subwords.of(w)) == [w] + [V + b for b in ngram_buckets(
        "고양이를", 3, 6, 2_000_000, "jamo")]


@pytest.mark.parametrize("sub", ["chars", "jamo"])
def test_an_unseen_inflected_form_lands_beside_its_stem(lecture_ko, sub):
    """고양이는 (the corpus has 고양이를 x6 and 고양이가 x2): nearest word of the same stem,
    with n-grams over characters and over jamo alike."""
    kv = lecture_ko[sub].model.vectors()
    assert kv.most_similar("고양이는", topn=1)[0][0] in {"고양이를", "고양이가"}


def test_jamo_gives_a_one_syllable_stem_ngrams_to_share(lecture_ko):
    """개는 (the corpus has 개를, 개가): over characters its n-grams (<개는, 개는>, <개는>) are
    shared with no known word, so its vector is untrained noise; over jamo it shares the
    stem's <개e and the particle's 는>, and lands near 개가 and the other 는-words."""
    def shared(sub):
        s = lecture_ko[sub]
        V = len(s.vocab)
        mine = {V + b for b in ngram_buckets("개는", 3, 6, 2_000_000, sub)}
        return mine & set(s.model.trained_rows().tolist())

    assert not shared("chars") and shared("jamo")
    jamo = lecture_ko["jamo"].model.vectors()
    top = [w for w, _ in jamo.most_similar("개는", topn=4)]
    assert "개가" in top and {"나는", "너는", "우리는"} & set(top)
    chars = lecture_ko["chars"].model.vectors()
    assert jamo.similarity("개는", "개가") > chars.similarity("개는", "개가") + 0.2


def test_a_jamo_model_saves_vec_and_refuses_facebooks_bin(lecture_ko, tmp_path):
    kv = lecture_ko["jamo"].model.vectors()
    with pytest.raises(FormatError, match="jamo") as err:
        kv.save_facebook(tmp_path / "m.bin")
    assert "\n" not in str(err.value) and not (tmp_path / "m.bin").exists()
    kv.save(str(tmp_path / "m.vec"), binary=False)
    assert (tmp_path / "m.vec").read_text(encoding="utf-8").startswith("16 20\n")


FAST = ["train", "--corpus", "lecture-ko", "--model", "fasttext", "--bucket", "5000",
        "--threads", "1", "--quiet"]


def test_cli_subwords_jamo(tmp_path, capsys):
    code, out, err = call([*FAST, "--subwords", "jamo", "--out", tmp_path / "ko.vec", "--json"],
                          capsys)
    assert code == 0, err
    assert (tmp_path / "ko.vec").read_text(encoding="utf-8").startswith("16 20\n")
    assert_one_line_error(*call([*FAST, "--subwords", "jamo", "--out", tmp_path / "ko.bin"],
                                capsys), ".bin", "jamo", ".vec")
    assert not (tmp_path / "ko.bin").exists()
    assert_one_line_error(*call(["train", "--corpus", "lecture-ko", "--subwords", "jamo",
                                 "--out", tmp_path / "w.vec"], capsys),
                          "--subwords", "--model fasttext")
    code, out, err = call(["train", "--help"], capsys)
    assert "--subwords" in out and "jamo" in out
