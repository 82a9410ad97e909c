"""``wordlab train --model fasttext`` and ``wordlab query`` on its ``.bin``: FastText's own flags,
the file by --out's suffix, unseen words answered from n-grams and marked, and flags that do
not belong to FastText as one clear line."""

from __future__ import annotations

import json

import pytest

from tests.cli_support import assert_one_line_error, call

FAST = ["--corpus", "lecture", "--model", "fasttext", "--bucket", "1000", "--threads", "1",
        "--quiet"]


@pytest.fixture(scope="module")
def lecture_bin(tmp_path_factory):
    path = tmp_path_factory.mktemp("ft") / "lecture.bin"
    from cli.main import main

    assert main(["train", *FAST, "--minn", "2", "--maxn", "4", "--out", str(path)]) == 0
    return path


def test_train_writes_facebooks_bin_and_query_answers_unseen_words(lecture_bin, capsys):
    from engine.fasttext.vectors import FastTextVectors

    kv = FastTextVectors.load_facebook(lecture_bin)
    assert "cat" in kv and (kv.minn, kv.maxn, kv.bucket) == (2, 4, 1000)
    assert kv.settings.dim == 20 and kv.settings.epochs == 50       # the lecture's settings
    code, out, err = call(["query", lecture_bin, "--similar", "cats", "-k", "3"], capsys)
    assert code == 0 and "nearest to 'cats' (from n-grams)" in out
    assert "'cats' is not in the vocabulary" in err and "n-grams" in err
    code, out, _ = call(["query", lecture_bin, "--similar", "cats", "-k", "3", "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["from_ngrams"] == ["cats"] and len(data["results"]) == 3
    assert {r["word"] for r in data["results"]} <= set(kv.words)
    code, out, _ = call(["query", lecture_bin, "--similar", "cat", "--json"], capsys)
    assert code == 0 and "from_ngrams" not in json.loads(out)       # a known word: unmarked
    code, out, _ = call(["query", lecture_bin, "--similarity", "cats", "dog", "--json"], capsys)
    assert code == 0 and json.loads(out)["from_ngrams"] == ["cats"]


def test_the_summary_names_the_format(tmp_path, capsys):
    code, out, err = call(["train", *FAST, "--out", tmp_path / "m.bin", "--json"], capsys)
    assert code == 0 and json.loads(out)["format"] == "fastText .bin model, with n-grams"


def test_train_to_vec_is_text_with_a_v_d_header(tmp_path, capsys):
    path = tmp_path / "lecture.vec"
    code, out, err = call(["train", *FAST, "--arch", "cbow", "--dim", "8", "--out", path], capsys)
    assert code == 0, err
    assert path.read_text(encoding="utf-8").split("\n")[0] == "12 8"


@pytest.mark.parametrize("argv, needles", [
    (["--corpus", "lecture", "--minn", "2"], ["--minn", "--model fasttext"]),
    (["--corpus", "lecture", "--model", "glove", "--bucket", "10"], ["--bucket", "fasttext"]),
    ([*FAST, "--loss", "hs"], ["negative sampling"]),
    ([*FAST, "--x-max", "10"], ["--x-max", "not a FastText setting"]),
    ([*FAST, "--binary"], ["--binary", ".bin"]),
    ([*FAST, "--minn", "5", "--maxn", "3"], ["--maxn", "minn"]),
    ([*FAST, "--bucket", "-1"], ["--bucket"]),
])
def test_flags_that_do_not_fit_are_one_line(tmp_path, capsys, argv, needles):
    assert_one_line_error(*call(["train", *argv, "--out", tmp_path / "x.bin"], capsys), *needles)
    assert not (tmp_path / "x.bin").exists()


def test_eval_scores_a_fasttext_bin_beside_word2vec(lecture_bin, tmp_path, capsys):
    """``wordlab eval`` reads the .bin too, alone and in the side-by-side table."""
    analogies = tmp_path / "a.txt"
    analogies.write_text(": s\ncat dog movie picture\n", encoding="utf-8")
    code, out, err = call(["eval", lecture_bin, "--analogies", analogies, "--json"], capsys)
    assert code == 0, err
    assert json.loads(out)["analogies"]["total"] == 1            # cat dog movie picture
    w2v = tmp_path / "w.vec"
    assert call(["train", "--corpus", "lecture", "--quiet", "--out", w2v], capsys)[0] == 0
    code, out, err = call(["eval", lecture_bin, w2v, "--analogies", analogies], capsys)
    assert code == 0, err
