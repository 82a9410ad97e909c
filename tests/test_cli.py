"""The ``wordlab`` command, driven in-process through ``cli.main.main(argv)``.

Every bad input must give exactly one line on stderr, exit code 2 and no traceback.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.cli_support import assert_one_line_error, call, make_unreadable

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def vec_file(tmp_path) -> Path:
    """A hand-written word2vec text file with known geometry (no trainer involved)."""
    rows = {
        "king": [1.0, 1.0, 0.0], "queen": [1.0, -1.0, 0.05], "man": [0.0, 1.0, 0.0],
        "woman": [0.0, -1.0, 0.05], "apple": [0.0, 0.0, 1.0], "pear": [0.1, 0.0, 1.0],
    }
    path = tmp_path / "hand.vec"
    lines = [f"{len(rows)} 3"] + [f"{w} " + " ".join(f"{x:.6f}" for x in v)
                                 for w, v in rows.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ------------------------------------------------------------------------ query
def test_query_analogy_json(vec_file, capsys):
    code, out, err = call(["query", vec_file, "--analogy", "man", "king", "woman",
                           "-k", "3", "--json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["query"] == {"analogy": ["man", "king", "woman"], "method": "add", "k": 3}
    words = [r["word"] for r in data["results"]]
    assert words[0] == "queen"
    assert not {"man", "king", "woman"} & set(words)      # query words excluded
    # gensim's 3CosAdd: cosine of queen with unit(king) - unit(man) + unit(woman)
    unit = {w: np.array(v) / np.linalg.norm(v) for w, v in
            {"king": [1, 1, 0], "man": [0, 1, 0], "woman": [0, -1, 0.05],
             "queen": [1, -1, 0.05]}.items()}
    target = unit["king"] - unit["man"] + unit["woman"]
    want = float(unit["queen"] @ target / np.linalg.norm(target))
    assert data["results"][0]["score"] == pytest.approx(want, abs=1e-5)


def test_query_analogy_cosmul_and_plain_table(vec_file, capsys):
    code, out, err = call(["query", vec_file, "--analogy", "man", "king", "woman",
                           "--cosmul"], capsys)
    assert code == 0, err
    assert "queen" in out and "3CosMul" in out


def test_query_similar_plain_and_json(vec_file, capsys):
    code, out, err = call(["query", vec_file, "--similar", "apple", "-k", "2"], capsys)
    assert code == 0 and err == ""
    rows = [ln.split() for ln in out.splitlines() if ln.strip()[:1].isdigit()]
    assert [r[:2] for r in rows][0] == ["1", "pear"] and len(rows) == 2
    code, out, _ = call(["query", vec_file, "--similar", "apple", "-k", "2", "--json"], capsys)
    data = json.loads(out)
    assert data["query"] == {"similar": "apple", "k": 2}
    assert len(data["results"]) == 2 and data["results"][0]["word"] == "pear"
    assert data["results"][0]["score"] > data["results"][1]["score"]


def test_query_similarity_and_doesnt_match(vec_file, capsys):
    code, out, _ = call(["query", vec_file, "--similarity", "apple", "pear", "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    a, b = np.array([0.0, 0.0, 1.0]), np.array([0.1, 0.0, 1.0])
    assert data["similarity"] == pytest.approx(a @ b / np.linalg.norm(b), abs=1e-4)
    code, out, _ = call(["query", vec_file, "--doesnt-match", "apple", "king", "pear",
                         "--json"], capsys)
    assert code == 0 and json.loads(out) == {"query": {"doesnt_match": ["apple", "king", "pear"]},
                                             "result": "king"}
    code, out, _ = call(["query", vec_file, "--doesnt-match", "man", "apple", "pear"], capsys)
    assert code == 0 and out.strip().endswith("man")


def test_query_reads_gensim_binary(tmp_path, capsys):
    import gensim.models as gensim_models
    kv = gensim_models.KeyedVectors(vector_size=4)
    kv.add_vectors(["a", "b", "c"], np.eye(3, 4, dtype=np.float32) + 0.1)
    path = tmp_path / "g.bin"
    kv.save_word2vec_format(str(path), binary=True)
    code, out, err = call(["query", path, "--similar", "a", "-k", "1", "--json"], capsys)
    assert code == 0, err
    res = json.loads(out)["results"][0]
    want = kv.most_similar("a", topn=1)[0]
    assert res["word"] == want[0] and res["score"] == pytest.approx(want[1], abs=1e-5)


def test_query_oov_word_one_line_with_hint(vec_file, capsys):
    line = assert_one_line_error(*call(["query", vec_file, "--similar", "kingg"], capsys),
                                 "unknown word", "kingg")
    assert "king" in line.replace("kingg", "")  # the engine's close-match hint
    assert_one_line_error(*call(["query", vec_file, "--analogy", "man", "king", "wman"],
                                capsys), "wman")


def test_query_missing_file(tmp_path, capsys):
    assert_one_line_error(*call(["query", tmp_path / "nope.vec", "--similar", "a"], capsys),
                          "nope.vec")


def test_query_directory_instead_of_file(tmp_path, capsys):
    assert_one_line_error(*call(["query", tmp_path, "--similar", "a"], capsys))


def test_query_unreadable_file(vec_file, capsys, monkeypatch):
    make_unreadable(monkeypatch, vec_file)  # chmod 000 stops no one when the suite runs as root
    assert_one_line_error(*call(["query", vec_file, "--similar", "king"], capsys),
                          "hand.vec", "permission denied")


@pytest.mark.parametrize("content", [
    b"[build-system]\nrequires = []\n",           # text, not word2vec
    b"3 2\nking 1.0\n",                            # truncated / wrong width
    b"\x00\x01\x02\xff\xfe garbage",               # binary junk
    b"",                                           # empty
])
def test_query_not_word2vec(tmp_path, capsys, content):
    path = tmp_path / "bad.vec"
    path.write_bytes(content)
    assert_one_line_error(*call(["query", path, "--similar", "king"], capsys), "bad.vec")


def test_query_usage_errors_are_one_line(vec_file, capsys):
    for argv in (["query", vec_file],                                  # no mode
                 ["query", vec_file, "--similar", "a", "--analogy", "a", "b", "c"],
                 ["query", vec_file, "--analogy", "a", "b"],
                 ["query", vec_file, "--similar", "king", "-k", "0"],
                 ["query", vec_file, "--similar", "king", "-k", "many"],
                 ["query", vec_file, "--similar", "king", "--cosmul"],
                 ["query", vec_file, "--doesnt-match", "king"],
                 ["frobnicate"]):
        assert_one_line_error(*call(argv, capsys))


def test_version(capsys):
    code, out, _ = call(["--version"], capsys)
    assert code == 0 and out.startswith("wordlab ") and out.split()[1][0].isdigit()


# ------------------------------------------------------------------------- eval
def _write_eval_files(tmp_path):
    questions = tmp_path / "q.txt"
    questions.write_text(": gender\nman king woman queen\nman king woman apple\n"
                         "man king woman zebra\n: fruit\napple pear king queen\n",
                         encoding="utf-8")
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("king\tqueen\t8.0\napple\tpear\t9.0\nking\tapple\t1.0\n"
                     "zebra\tking\t2.0\n", encoding="utf-8")
    return questions, pairs


def test_eval_json_figures_and_skips(vec_file, tmp_path, capsys):
    questions, pairs = _write_eval_files(tmp_path)
    code, out, err = call(["eval", vec_file, "--analogies", questions, "--pairs", pairs,
                           "--json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    a = data["analogies"]
    assert a["skipped"] == 1                          # the zebra question
    assert a["total"] == 3
    assert data["analogy_accuracy"] == pytest.approx(a["correct"] / a["total"])
    assert [s["name"] for s in a["sections"]] == ["gender", "fruit"]
    p = data["pairs"]
    assert p["used"] == 3 and p["skipped"] == 1 and p["oov_ratio"] == pytest.approx(0.25)
    assert data["pairs_spearman"] == p["spearman"]
    assert -1.0 <= p["spearman"] <= 1.0


def test_eval_only_pairs_leaves_analogies_null(vec_file, tmp_path, capsys):
    _, pairs = _write_eval_files(tmp_path)
    code, out, _ = call(["eval", vec_file, "--pairs", pairs, "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["analogy_accuracy"] is None and data["analogies"] is None
    assert data["pairs_spearman"] is not None


def test_eval_default_runs_both_shipped_sets(vec_file, capsys):
    code, out, err = call(["eval", vec_file, "--json"], capsys)
    if code == 2 and "missing" in err:
        pytest.skip(f"shipped evaluation sets not present: {err.strip()}")
    assert code == 0, err
    data = json.loads(out)
    assert data["analogies"]["source"] == "google" and data["pairs"]["source"] == "wordsim353"
    # google has 19,544 questions; our 6-word file answers a couple of 'family' ones
    assert data["analogies"]["total"] + data["analogies"]["skipped"] == 19544
    assert len(data["analogies"]["sections"]) == 14


def test_eval_plain_output(vec_file, tmp_path, capsys):
    questions, pairs = _write_eval_files(tmp_path)
    code, out, _ = call(["eval", vec_file, "--analogies", questions, "--pairs", pairs], capsys)
    assert code == 0
    for needle in ("gender", "fruit", "total", "Spearman", "skipped 1 question"):
        assert needle in out


def test_eval_agrees_with_gensim(vec_file, tmp_path, capsys):
    """The command reports exactly what gensim's evaluate_word_analogies / _pairs find."""
    import gensim.models as gensim_models
    questions, pairs = _write_eval_files(tmp_path)
    code, out, _ = call(["eval", vec_file, "--analogies", questions, "--pairs", pairs,
                         "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    kv = gensim_models.KeyedVectors.load_word2vec_format(str(vec_file))
    score, sections = kv.evaluate_word_analogies(str(questions))
    assert data["analogy_accuracy"] == pytest.approx(score, abs=1e-9)
    by_name = {s["name"]: s for s in data["analogies"]["sections"]}
    for sec in sections:
        if sec["section"] == "Total accuracy":
            continue
        ours = by_name[sec["section"]]
        assert ours["correct"] == len(sec["correct"])
        assert ours["total"] == len(sec["correct"]) + len(sec["incorrect"])
    (pearson, _), (spearman, _), oov = kv.evaluate_word_pairs(str(pairs))
    assert data["pairs_spearman"] == pytest.approx(spearman, abs=1e-9)
    assert data["pairs"]["pearson"] == pytest.approx(pearson, abs=1e-9)
    assert 100 * data["pairs"]["oov_ratio"] == pytest.approx(oov)


def test_eval_toy_world_set_by_name(vec_file, capsys):
    code, out, err = call(["eval", vec_file, "--analogies", "toy-world", "--json"], capsys)
    assert code == 0, err
    a = json.loads(out)["analogies"]
    assert a["source"] == "toy-world" and a["path"].endswith(".txt")
    assert a["total"] + a["skipped"] > 0 and len(a["sections"]) >= 2


def test_eval_bad_inputs(vec_file, tmp_path, capsys):
    assert_one_line_error(*call(["eval", vec_file, "--analogies", "nosuchset"], capsys),
                          "nosuchset")
    assert_one_line_error(*call(["eval", tmp_path / "nope.vec", "--pairs", "wordsim353"],
                                capsys), "nope.vec")
    assert_one_line_error(*call(["eval", vec_file, "--analogies", "google",
                                 "--restrict-vocab", "0"], capsys), "restrict-vocab")
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01binary\x00")
    assert_one_line_error(*call(["eval", vec_file, "--analogies", binary], capsys))


# ----------------------------------------------------------------- the app path
def test_no_subcommand_without_terminal_is_one_line():
    proc = subprocess.run([sys.executable, "-m", "cli"], cwd=ROOT, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "terminal" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_cli_import_is_light():
    """Parsing must not pull in torch, textual, rich's progress machinery or numpy: `wordlab`
    alone builds the parser before opening the app, whose first screen needs no numpy (the
    help text fetches the engine's defaults only when shown: cli/defaults.py)."""
    code = ("import sys; from cli.main import build_parser; build_parser().parse_args(['query',"
            " 'x', '--similar', 'y']); import cli.train, cli.query, cli.eval_cmd, "
            "cli.corpora_cmd; print(sorted(m for m in ('torch', 'textual', 'rich', 'numpy') "
            "if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_query_and_eval_defaults_are_the_engines(vec_file, capsys):
    """One definition: -k and --restrict-vocab default to the engine's own parameters, shown
    in --help; cli/ repeats no default value."""
    import inspect

    from engine.evaluate import evaluate_analogies
    from engine.vectors import KeyedVectors

    topn = inspect.signature(KeyedVectors.most_similar).parameters["topn"].default
    restrict = inspect.signature(evaluate_analogies).parameters["restrict_vocab"].default
    code, out, _ = call(["query", "--help"], capsys)
    assert code == 0 and f"(default {topn})" in " ".join(out.split())
    code, out, _ = call(["eval", "--help"], capsys)
    assert code == 0 and f"(default {restrict})" in " ".join(out.split())
    code, out, _ = call(["query", vec_file, "--similar", "king", "--json"], capsys)
    assert code == 0
    assert json.loads(out)["query"]["k"] == topn
    for name in ("query.py", "eval_cmd.py", "train.py"):
        source = (ROOT / "cli" / name).read_text(encoding="utf-8")
        assert "default=%" not in source and "%(default)s" not in source, name
