"""Models side by side (issue 11): the same questions, a row per section, the best marked."""

from __future__ import annotations

import json

import numpy as np
import pytest

from engine.errors import ConfigError
from engine.evaluate import compare, evaluate_analogies, evaluate_pairs
from engine.vectors import KeyedVectors
from tests.cli_support import assert_one_line_error, call

# a : b :: c : d holds exactly for "good" (b - a + c = d), not for "noisy"
WORDS = ["man", "woman", "king", "queen", "boy", "girl", "cat"]
QUESTIONS = [": gender", "man woman king queen", "man woman boy girl",
             ": animals", "cat cat cat cat", ": unknown-words", "man woman prince princess"]
PAIRS = ["man\twoman\t8", "king\tqueen\t9", "man\tcat\t1", "boy\tgirl\t8.5", "king\tcat\t0.5"]


def good() -> KeyedVectors:
    base = {"man": [1, 0, 0, 0], "king": [1, 0, 1, 0], "boy": [1, 0, 0, 1]}
    v = {w: np.array(x, dtype=np.float32) for w, x in base.items()}
    shift = np.array([0, 1, 0, 0], dtype=np.float32) * 0.9
    v.update(woman=v["man"] + shift, queen=v["king"] + shift, girl=v["boy"] + shift,
             cat=np.array([0, 0, -1, -1], dtype=np.float32))
    return KeyedVectors(WORDS, np.stack([v[w] for w in WORDS]))


def noisy() -> KeyedVectors:
    rng = np.random.default_rng(3)
    return KeyedVectors(WORDS[:-1], rng.normal(size=(6, 4)).astype(np.float32))


def test_each_column_is_what_evaluate_gives_that_model_alone():
    models = [("good", good()), ("noisy", noisy())]
    result = compare(models, analogies=iter(QUESTIONS), pairs=iter(PAIRS), restrict_vocab=None)
    assert result.names == ("good", "noisy")
    for (name, kv), a, p in zip(models, result.analogies, result.pairs):
        alone = evaluate_analogies(kv, QUESTIONS, restrict_vocab=None)
        assert a == alone
        assert p == evaluate_pairs(kv, PAIRS)
    rows = {r.name: r for r in result.rows}
    assert [r.name for r in result.rows] == ["gender", "animals", "unknown-words",
                                             "all analogies", "word pairs (Spearman)"]
    gender = rows["gender"]
    assert gender.values[0] == 1.0 and gender.answered == (2, 2)
    assert gender.best == 0 and gender.spread == pytest.approx(1.0 - gender.values[1])
    # noisy has no "cat": its "animals" row answered nothing -> no value, no best
    assert rows["animals"].answered[1] == 0 and rows["animals"].values[1] is None
    assert rows["animals"].best is None
    assert rows["unknown-words"].values == (None, None)      # nobody knows prince
    assert rows["all analogies"].values[0] == result.analogies[0].accuracy
    assert rows["word pairs (Spearman)"].values == tuple(p.spearman for p in result.pairs)


def test_equal_models_have_no_best_and_nothing_to_compare_is_refused():
    result = compare([("a", good()), ("b", good())], analogies=QUESTIONS, restrict_vocab=None)
    assert all(r.best is None for r in result.rows)
    with pytest.raises(ConfigError):
        compare([], analogies=QUESTIONS)
    with pytest.raises(ConfigError):
        compare([("a", good())])


def test_cli_compares_files_side_by_side(tmp_path, capsys):
    (tmp_path / "q.txt").write_text("\n".join(QUESTIONS) + "\n", encoding="utf-8")
    (tmp_path / "p.tsv").write_text("\n".join(PAIRS) + "\n", encoding="utf-8")
    good().save(tmp_path / "good.vec")
    noisy().save(tmp_path / "noisy.vec")
    args = ["eval", tmp_path / "good.vec", tmp_path / "noisy.vec", "--analogies", tmp_path / "q.txt",
            "--pairs", tmp_path / "p.tsv", "--restrict-vocab", "100"]
    code, out, err = call(args, capsys)
    assert code == 0, err
    assert "good.vec" in out and "noisy.vec" in out and "gender" in out and "spread" in out
    code, out, _ = call(args + ["--json"], capsys)
    report = json.loads(out)
    assert report["models"] == ["good.vec", "noisy.vec"]
    gender = next(r for r in report["rows"] if r["name"] == "gender")
    assert gender["values"][0] == 1.0 and gender["best"] == 0
    code, out, err = call(["eval", tmp_path / "good.vec", tmp_path / "missing.vec",
                           "--analogies", tmp_path / "q.txt"], capsys)
    assert_one_line_error(code, out, err, "missing.vec")
