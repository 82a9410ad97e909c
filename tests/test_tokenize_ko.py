"""Korean morphemes (`--tokenizer morphemes`, kiwipiepy): one word for 고양이를 / 고양이가 / 고양이는.

The analyser is the optional extra ``wordlab[ko]`` (installed with the test extras); the tests
that need it skip with a reason where it is missing, and the default install must keep working
without it (the last tests)."""

from __future__ import annotations

import importlib
import sys

import pytest

from corpora import open_corpus
from engine.errors import CorpusError
from tests.cli_support import assert_one_line_error, call

tok = importlib.import_module("corpora.tokenize")   # the module (corpora.tokenize is also a function)

try:
    import kiwipiepy  # noqa: F401
    HAVE_KIWI = True
except ImportError:
    HAVE_KIWI = False

needs_kiwi = pytest.mark.skipif(not HAVE_KIWI, reason="kiwipiepy is not installed (pip install 'wordlab[ko]')")


def counts(corpus) -> dict[str, int]:
    out: dict[str, int] = {}
    for sentence in corpus:
        for w in sentence:
            out[w] = out.get(w, 0) + 1
    return out


@needs_kiwi
def test_morphemes_split_particles_and_endings_from_their_words():
    words = tok.tokenize("나는 귀여운 고양이를 좋아한다. 고양이가 개를 쫓는다!", kind="morphemes")
    assert words[:5] == ["나", "는", "귀엽", "은", "고양이"]
    assert words.count("고양이") == 2 and "고양이를" not in words
    assert "." not in words and "!" not in words          # punctuation dropped ...
    kept = tok.tokenize("고양이가 좋다.", strip_punct=False, kind="morphemes")
    assert kept[-1] == "."                                  # ... unless asked to keep it
    assert tok.tokenize("Hello World 고양이", kind="morphemes") == ["hello", "world", "고양이"]


@needs_kiwi
def test_lecture_ko_in_morphemes_counts_every_form_of_a_word_as_one():
    by_words = counts(open_corpus("lecture-ko"))
    by_morphemes = counts(open_corpus("lecture-ko", tokenizer="morphemes"))
    forms = [w for w in by_words if w.startswith("고양이")]
    assert sorted(forms) == ["고양이가", "고양이를"]
    assert "고양이" not in by_words
    assert by_morphemes["고양이"] == sum(by_words[w] for w in forms) == 8
    assert by_morphemes["개"] == sum(n for w, n in by_words.items() if w in ("개를", "개가"))
    assert open_corpus("lecture-ko", tokenizer="morphemes").tokenizer == "morphemes"


@needs_kiwi
def test_cli_trains_lecture_ko_on_morphemes_and_cat_finds_dog(tmp_path, capsys):
    out = tmp_path / "ko.vec"
    code, _, err = call(["train", "--corpus", "lecture-ko", "--tokenizer", "morphemes",
                         "--out", out, "--quiet"], capsys)
    assert code == 0, err
    words = [line.split(" ", 1)[0] for line in out.read_text(encoding="utf-8").splitlines()[1:]]
    assert "고양이" in words and "고양이를" not in words
    code, stdout, _ = call(["query", out, "--similar", "고양이", "--json"], capsys)
    assert code == 0
    import json

    nearest = [r["word"] for r in json.loads(stdout)["results"]][:2]
    assert "개" in nearest, nearest


def test_an_unknown_tokenizer_is_one_line():
    with pytest.raises(CorpusError, match="unknown tokenizer 'jamo'"):
        open_corpus("lecture-ko", tokenizer="jamo")
    with pytest.raises(CorpusError, match="toy-world is generated English"):
        open_corpus("toy-world", tokenizer="morphemes")


def test_cli_refuses_an_unknown_tokenizer(capsys):
    code, _, err = call(["corpora", "stats", "lecture-ko", "--tokenizer", "jamo"], capsys)
    assert code == 2 and "invalid choice: 'jamo'" in err


def test_without_kiwipiepy_the_message_names_the_extra(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "kiwipiepy", None)      # import kiwipiepy -> ImportError
    tok._kiwi.cache_clear()
    try:
        with pytest.raises(CorpusError, match=r"pip install 'wordlab\[ko\]'"):
            open_corpus("lecture-ko", tokenizer="morphemes")
        code, out, err = call(["corpora", "stats", "lecture-ko", "--tokenizer", "morphemes"], capsys)
        assert_one_line_error(code, out, err, "kiwipiepy", "wordlab[ko]")
        # the default tokenizer never needs it
        assert counts(open_corpus("lecture-ko"))["고양이를"] == 6
    finally:
        tok._kiwi.cache_clear()
