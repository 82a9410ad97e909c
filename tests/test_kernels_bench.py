"""Tiny-corpus runs of the Word2Vec bench scripts, so that they cannot rot (a few seconds)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_word2vec_quick_on_a_tiny_corpus(tmp_path, capsys):
    from corpora.toyworld import ToyWorld

    path = tmp_path / "tiny.txt"
    path.write_text("\n".join(" ".join(s) for s in ToyWorld(seed=1, size=600)) + "\n")
    bench = load("bench_word2vec")
    combos = ["sg/neg", "cbow/hs", "sg/softmax"]
    assert bench.main(["--quick", "--corpus", str(path), "--combos", *combos]) == 0
    out = capsys.readouterr()
    rows = [line for line in out.out.splitlines() if line.startswith("| sg/") or line.startswith("| cbow/")]
    assert [r.split("|")[1].strip() for r in rows] == combos
    if importlib.util.find_spec("gensim") is not None:
        assert rows[0].split("|")[5].strip() != "-"                 # a ratio for sg/neg
        assert "gensim has no full softmax" in out.err             # the peer is skipped there
    assert rows[2].split("|")[4].strip() == "-"


def test_bench_word2vec_skips_a_missing_corpus(tmp_path, capsys):
    assert load("bench_word2vec").main(["--corpus", str(tmp_path / "absent.txt")]) == 0
    assert "skipped" in capsys.readouterr().out


@pytest.mark.parametrize("arch,loss", [("sg", "neg"), ("cbow", "hs")])
def test_bench_toyworld_on_a_small_world(arch, loss, capsys):
    bench = load("bench_toyworld")
    code = bench.main(["--size", "3000", "--dim", "30", "--arch", arch, "--loss", loss])
    out = capsys.readouterr().out
    assert f"wordlab {arch}/{loss} seed 1" in out and "analogies" in out
    assert code in (0, 1)                     # a small world may miss the 90% bar


def test_bench_lm_on_a_tiny_corpus(tmp_path, capsys):
    """bench/bench_lm.py head to head with PyTorch's word_language_model loop, tiny sizes."""
    from corpora.toyworld import ToyWorld

    path = tmp_path / "tiny.txt"
    path.write_text("\n".join(" ".join(s) for s in ToyWorld(seed=1, size=400)) + "\n")
    bench = load("bench_lm")
    code = bench.main(["--corpus", str(path), "--minutes", "0.02", "--emb", "8", "--hidden", "8",
                       "--bptt", "5", "--batch-size", "4", "--ref-batches", "3", "--rounds", "1",
                       "--threads", "1", "--min-count", "1"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "tokens/s" in out and "perplexity" in out.lower()


def test_bench_glove_on_a_tiny_corpus(tmp_path, capsys):
    """bench/bench_glove.py end to end on a small toy-world file (mittens, the peer, runs
    when installed; without it the script says so and times wordlab alone)."""
    from corpora.toyworld import ToyWorld

    path = tmp_path / "tiny.txt"
    path.write_text("\n".join(" ".join(s) for s in ToyWorld(seed=1, size=600)) + "\n")
    bench = load("bench_glove")
    assert bench.main(["--corpus", str(path), "--max-vocab", "200", "--epochs", "2",
                       "--dim", "8", "--threads", "1"]) == 0
    out = capsys.readouterr()
    rows = [line for line in out.out.splitlines() if line.startswith("| wordlab") or line.startswith("| mittens")]
    assert len(rows) == 2 and "non-zero cells" in out.out
    if importlib.util.find_spec("mittens") is None:
        assert "mittens is not installed" in out.err


def test_bench_glove_skips_a_missing_corpus(tmp_path, capsys):
    assert load("bench_glove").main(["--corpus", str(tmp_path / "absent.txt")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_bench_fasttext_quick_on_a_tiny_corpus(tmp_path, capsys):
    """bench/bench_fasttext.py against gensim's FastText and Facebook's fastText (each when
    installed), tiny sizes: a row per tool and architecture, wordlab's ratio on each peer's
    row, the OOV check's pairs counted."""
    from corpora.toyworld import ToyWorld

    path = tmp_path / "tiny.txt"
    path.write_text("\n".join(" ".join(s) for s in ToyWorld(seed=1, size=600)) + "\n")
    bench = load("bench_fasttext")
    assert bench.main(["--quick", "--corpus", str(path)]) == 0
    captured = capsys.readouterr()
    out = captured.out
    rows = [line.split("|") for line in out.splitlines() if line.startswith(("| sg", "| cbow"))]
    tools = ["wordlab"] + [t for t, module in (("gensim", "gensim"), ("fasttext", "fasttext"))
                           if importlib.util.find_spec(module)]
    assert [(r[1].strip(), r[2].strip()) for r in rows] == [
        (arch, tool) for arch in ("sg", "cbow") for tool in tools]
    for r in rows:
        assert (float(r[4]) > 0) if r[2].strip() != "wordlab" else r[4].strip() == ""
    assert all("pairs)" in r[9] for r in rows)
    if "fasttext" in tools:
        assert "its own report" in out                  # fastText's words/sec/thread, checked
    else:
        assert "fasttext" in captured.err and "not installed" in captured.err


def test_bench_fasttext_without_facebook_fasttext(tmp_path, capsys, monkeypatch):
    """Without the ``fasttext`` package the bench says so once and leaves its column out."""
    import sys

    from corpora.toyworld import ToyWorld

    path = tmp_path / "tiny.txt"
    path.write_text("\n".join(" ".join(s) for s in ToyWorld(seed=1, size=300)) + "\n")
    monkeypatch.setitem(sys.modules, "fasttext", None)           # import fasttext fails
    bench = load("bench_fasttext")
    assert bench.main(["--quick", "--corpus", str(path), "--archs", "sg"]) == 0
    captured = capsys.readouterr()
    rows = [line.split("|") for line in captured.out.splitlines() if line.startswith("| sg")]
    assert "fasttext" not in [r[2].strip() for r in rows] and rows[0][2].strip() == "wordlab"
    assert "fasttext" in captured.err and "not installed" in captured.err
    assert "fasttext (absent)" in captured.out                   # the versions line


def test_bench_fasttext_skips_a_missing_corpus(tmp_path, capsys):
    assert load("bench_fasttext").main(["--corpus", str(tmp_path / "absent.txt")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_bench_hs_tree_quick_on_a_tiny_corpus(tmp_path, capsys):
    """bench/bench_hs_tree.py: every tree it tries is a Huffman tree of the same vocabulary
    (the same weighted path length), and the table has a row per tree."""
    import numpy as np

    from corpora.toyworld import ToyWorld
    from engine.word2vec.huffman import build_huffman

    path = tmp_path / "tiny.txt"
    path.write_text("\n".join(" ".join(s) for s in ToyWorld(seed=1, size=600)) + "\n")
    bench = load("bench_hs_tree")
    counts = np.array([9, 5, 5, 5, 5, 3, 3, 1, 1, 1], dtype=np.int64)
    base = build_huffman(counts)
    for seed in (1, 2, 3):
        tree = bench.shuffled_ties_tree(counts, seed)
        assert (tree.lengths * counts).sum() == (base.lengths * counts).sum()
    assert bench.main(["--quick", "--corpus", str(path)]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| wordlab")]
    have_gensim = importlib.util.find_spec("gensim") is not None
    assert len(rows) == 3 + int(have_gensim)      # ours, 2 shuffled, and gensim's tree
