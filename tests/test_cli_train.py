"""``wordlab train`` and ``wordlab corpora``: bad input, the planted-analogy end-to-end check
against gensim, and Ctrl-C.

The end-to-end tests run the real command in a subprocess, as a user would.
"""

from __future__ import annotations

import dataclasses
import io
import json
import random
import re
import signal
import subprocess
import sys
import threading
import zipfile
from functools import partial
from http.server import (BaseHTTPRequestHandler, HTTPServer, SimpleHTTPRequestHandler,
                         ThreadingHTTPServer)
from pathlib import Path

import pytest

from tests.cli_support import assert_one_line_error, call, make_unreadable

ROOT = Path(__file__).resolve().parent.parent


def wordlab(*argv, timeout=120, **kw):
    return subprocess.run([sys.executable, "-m", "cli", *map(str, argv)], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout, **kw)


def write_planted(path: Path, sentences: int, seed: int = 0) -> Path:
    """Sentences whose words carry a gender (he/his vs she/her) and a status (crown/throne vs
    farm/market vs school/toys) signal, so king - man + woman lands on queen."""
    rng = random.Random(seed)
    gender = {"m": ["he", "him", "his", "himself", "mr"],
              "f": ["she", "her", "hers", "herself", "mrs"]}
    status = {"common": ["works", "farm", "village", "market", "street"],
              "royal": ["crown", "throne", "palace", "rules", "kingdom"],
              "young": ["plays", "school", "toys", "games", "small"]}
    people = {"man": ("m", "common"), "woman": ("f", "common"), "king": ("m", "royal"),
              "queen": ("f", "royal"), "boy": ("m", "young"), "girl": ("f", "young")}
    filler = ["the", "a", "and", "then", "today"]
    lines = []
    for _ in range(sentences):
        person = rng.choice(sorted(people))
        g, s = people[person]
        words = ([person] + rng.sample(gender[g], 2) + rng.sample(status[s], 2)
                 + rng.sample(filler, 2))
        rng.shuffle(words)
        lines.append(" ".join(words))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ------------------------------------------------------------------ bad input
@pytest.mark.parametrize("flags, needle", [
    (["--dim", "0"], "--dim"), (["--dim", "-3"], "--dim"),
    (["--alpha", "0"], "--alpha"), (["--alpha", "-0.1"], "--alpha"),
    (["--window", "0"], "--window"),
    (["--epochs", "0"], "--epochs"),
    (["--min-alpha", "1"], "--min-alpha"),
    (["--max-vocab", "1"], "--max-vocab"),
])
def test_train_bad_hyperparameters(tmp_path, capsys, flags, needle):
    out = tmp_path / "v.vec"
    assert_one_line_error(*call(["train", "--corpus", "lecture", "--out", out, *flags],
                                capsys), needle)
    assert not out.exists()


def test_train_usage_errors(tmp_path, capsys):
    out = tmp_path / "v.vec"
    for argv in (["train", "--out", out],                                # no corpus
                 ["train", "--corpus", "lecture"],                       # no --out
                 ["train", "--corpus", "lecture", "--out", out, "--arch", "rnn"],
                 ["train", "--corpus", "lecture", "--out", out, "--loss", "nce"],
                 ["train", "--corpus", "lecture", "--out", out, "--dim", "ten"]):
        assert_one_line_error(*call(argv, capsys))


def test_train_empty_corpus(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert_one_line_error(*call(["train", "--corpus", empty, "--out", tmp_path / "v.vec"],
                                capsys), "empty")
    blank = tmp_path / "blank.txt"
    blank.write_text("  ... !!! \n\n", encoding="utf-8")
    assert_one_line_error(*call(["train", "--corpus", blank, "--out", tmp_path / "v.vec"],
                                capsys), "no words")


def test_train_no_word_above_min_count_suggests_lower(tmp_path, capsys):
    few = tmp_path / "few.txt"
    few.write_text("alpha beta gamma\ndelta alpha\n", encoding="utf-8")
    line = assert_one_line_error(*call(["train", "--corpus", few, "--out", tmp_path / "v.vec",
                                        "--quiet"], capsys), "min")
    assert "--min-count 1" in line
    line = assert_one_line_error(*call(["train", "--corpus", few, "--out", tmp_path / "v.vec",
                                        "--min-count", "3", "--quiet"], capsys))
    assert "--min-count below 3" in line


def test_train_missing_and_unreadable_corpus(tmp_path, capsys, monkeypatch):
    assert_one_line_error(*call(["train", "--corpus", tmp_path / "nope.txt",
                                 "--out", tmp_path / "v.vec"], capsys), "nope.txt")
    assert_one_line_error(*call(["train", "--corpus", "no-such-corpus",
                                 "--out", tmp_path / "v.vec"], capsys), "no-such-corpus")
    locked = tmp_path / "locked.txt"
    locked.write_text("a b c\n" * 10, encoding="utf-8")
    make_unreadable(monkeypatch, locked)   # chmod 000 stops no one when the suite runs as root
    assert_one_line_error(*call(["train", "--corpus", locked, "--out", tmp_path / "v.vec"],
                                capsys), "locked.txt", "permission denied")
    assert not (tmp_path / "v.vec").exists()


def test_train_binary_file_and_empty_folder(tmp_path, capsys):
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    assert_one_line_error(*call(["train", "--corpus", binary, "--out", tmp_path / "v.vec"],
                                capsys))
    folder = tmp_path / "nothing"
    folder.mkdir()
    (folder / "notes.md").write_text("not a txt", encoding="utf-8")
    assert_one_line_error(*call(["train", "--corpus", folder, "--out", tmp_path / "v.vec"],
                                capsys), "nothing")


def test_train_unwritable_out_fails_before_training(tmp_path, capsys):
    assert_one_line_error(*call(["train", "--corpus", "lecture", "--min-count", "1",
                                 "--out", tmp_path / "no" / "dir" / "v.vec"], capsys),
                          "no")
    line = assert_one_line_error(*call(["train", "--corpus", "lecture", "--min-count", "1",
                                        "--out", tmp_path], capsys))
    assert "directory" in line.lower()


def test_train_divergence_is_one_line_and_saves_nothing(tmp_path, capsys):
    out = tmp_path / "nan.vec"
    line = assert_one_line_error(*call(["train", "--corpus", "toy-world", "--size", "300",
                                        "--alpha", "99", "--min-alpha", "99", "--dim", "50",
                                        "--epochs", "3", "--loss", "softmax", "--quiet",
                                        "--out", out], capsys), "nothing was saved")
    assert "alpha" in line
    assert not out.exists()


def test_defaults_are_the_engines_settings():
    """One set of defaults: with no flags the CLI trains with engine.settings.training_settings
    (the engine's own config for a file; the corpus's suggestions for a built-in one), the
    function the app's Train form fills itself from; and cli/ repeats no default literally."""
    from cli.main import build_parser
    from cli.train import build_config
    from engine.settings import training_settings
    from engine.word2vec import Word2VecConfig

    parser = build_parser()
    for corpus in ("some/file.txt", "toy-world", "lecture", "lecture-ko"):
        args = parser.parse_args(["train", "--corpus", corpus, "--out", "y"])
        assert build_config(args) == training_settings(corpus), corpus
    assert training_settings("some/file.txt") == Word2VecConfig()
    engine = Word2VecConfig()
    assert (engine.dim, engine.window, engine.min_count, engine.negative, engine.sample,
            engine.epochs, engine.alpha, engine.min_alpha) == (
            100, 5, 5, 5, 1e-3, 5, 0.025, 0.0001)
    # a flag wins over the corpus's suggestion
    args = parser.parse_args(["train", "--corpus", "lecture", "--out", "y", "--epochs", "7",
                              "--cbow-sum"])
    assert build_config(args) == training_settings("lecture", epochs=7, cbow_mean=False)
    source = (ROOT / "cli" / "train.py").read_text(encoding="utf-8")
    assert "default=" not in source.split("def add_parser", 1)[1].split("def build_config")[0]


def test_help_names_the_engines_defaults_and_the_per_corpus_settings(capsys):
    code, out, _ = call(["train", "--help"], capsys)
    assert code == 0
    flat = " ".join(out.split())
    assert "initial learning rate (default 0.025)" in flat
    assert "lecture min-count 1, sample 0" in flat and "toy-world the general defaults" in flat


def test_train_lecture_with_its_defaults_learns(tmp_path):
    """Issue 8 §3: `wordlab train --corpus lecture` with no flags keeps all 12 words, the loss
    falls well below its start ((1+k)·ln 2 = 4.16: W_out = 0 makes every sigmoid 0.5), and
    similar words end up close.  With gensim's defaults (min_count 5, alpha 0.025, 5 epochs)
    it kept 9 words and ended at 4.16."""
    import math

    from engine.vectors import KeyedVectors

    out = tmp_path / "lecture.vec"
    proc = wordlab("train", "--corpus", "lecture", "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert "12 words in the vocabulary" in proc.stderr
    assert "sg/neg, dim 20, window 3, 50 epochs, alpha 0.1, sample 0" in proc.stderr
    final = float(re.search(r"final loss (\d+\.\d+)", proc.stdout).group(1))
    start = 6 * math.log(2)
    assert final < 0.75 * start, (final, start)
    kv = KeyedVectors.load(str(out))
    assert len(kv.words) == 12
    assert "dog" in [w for w, _ in kv.most_similar("cat", topn=2)]
    assert "picture" in [w for w, _ in kv.most_similar("movie", topn=2)]


# ------------------------------------------------------------- training works
def test_train_latin1_file_reports_replaced_bytes(tmp_path, capsys):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("café crème déjà vu café\n".encode("latin-1") * 6)
    out = tmp_path / "v.vec"
    code, stdout, err = call(["train", "--corpus", latin, "--out", out, "--min-count", "1",
                              "--dim", "5", "--epochs", "1", "--quiet"], capsys)
    assert code == 0, err
    assert "saved" in stdout and out.is_file()
    notes = [ln for ln in err.splitlines() if "replaced" in ln]
    assert len(notes) == 1 and re.search(r"\b\d+ bytes?\b", notes[0]), err


def test_train_lecture_binary_readable_by_gensim(tmp_path, capsys):
    import gensim.models as gensim_models
    out = tmp_path / "lecture.bin"
    code, stdout, err = call(["train", "--corpus", "lecture", "--min-count", "1", "--dim", "8",
                              "--epochs", "2", "--loss", "hs", "--arch", "cbow", "--binary",
                              "--out", out], capsys)
    assert code == 0, err
    summary = stdout.strip().splitlines()
    assert len(summary) == 1 and str(out) in summary[0] and "words" in summary[0]
    kv = gensim_models.KeyedVectors.load_word2vec_format(str(out), binary=True)
    assert kv.vector_size == 8 and "cat" in kv.key_to_index
    n_words = int(re.search(r"saved (\d+) words", summary[0]).group(1))
    assert len(kv.key_to_index) == n_words


def test_planted_analogy_end_to_end_agrees_with_gensim(tmp_path):
    """Issue 2: Skip-gram + negative sampling on planted structure answers man : king ::
    woman : queen, through the real commands, and gensim reading the file agrees."""
    import gensim.models as gensim_models
    corpus = write_planted(tmp_path / "planted.txt", sentences=1200)
    out = tmp_path / "planted.vec"
    proc = wordlab("train", "--corpus", corpus, "--arch", "sg", "--loss", "neg", "--dim", "10",
                   "--window", "5", "--epochs", "5", "--sample", "0", "--min-count", "1",
                   "--seed", "3", "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    proc = wordlab("query", out, "--analogy", "man", "king", "woman", "-k", "3", "--json")
    assert proc.returncode == 0, proc.stderr
    ours = json.loads(proc.stdout)["results"]
    assert ours[0]["word"] == "queen", ours
    kv = gensim_models.KeyedVectors.load_word2vec_format(str(out))
    theirs = kv.most_similar(positive=["king", "woman"], negative=["man"], topn=3)
    assert theirs[0][0] == "queen"
    assert [w for w, _ in theirs] == [r["word"] for r in ours]
    for (_, s), r in zip(theirs, ours):
        assert r["score"] == pytest.approx(s, abs=1e-4)


def test_ctrl_c_saves_partial_vectors_and_exits_130(tmp_path):
    import gensim.models as gensim_models
    corpus = write_planted(tmp_path / "planted.txt", sentences=500)
    out = tmp_path / "partial.vec"
    proc = subprocess.Popen(
        [sys.executable, "-m", "cli", "train", "--corpus", str(corpus), "--dim", "6",
         "--epochs", "100000", "--min-count", "1", "--sample", "0", "--out", str(out)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watchdog = threading.Timer(120, proc.kill)  # never hang the suite on a stuck child
    watchdog.start()
    try:
        seen = []
        # wait for the training to start (the first progress line), then press Ctrl-C
        for line in proc.stderr:
            seen.append(line)
            if "epoch 1/100000" in line:
                break
        else:
            pytest.fail("training never started: " + "".join(seen))
        proc.send_signal(signal.SIGINT)
        stdout, rest = proc.communicate(timeout=60)
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, (stdout, rest)
    assert "Traceback" not in rest
    last = rest.strip().splitlines()
    assert len(last) == 1, rest
    assert re.fullmatch(r"wordlab: interrupted at \d+(\.\d)?%: saved the partially trained "
                        r"vectors to '.*partial\.vec'", last[0]), last[0]
    assert stdout == ""
    kv = gensim_models.KeyedVectors.load_word2vec_format(str(out))
    assert kv.vector_size == 6 and "queen" in kv.key_to_index
    assert not list(tmp_path.glob("*.tmp*")) and not list(tmp_path.glob(".*partial*"))


# -------------------------------------------------------------------- corpora
def test_corpora_lists_the_registry(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("WORDLAB_DATA_DIR", str(tmp_path))
    code, out, _ = call(["corpora", "--json"], capsys)
    assert code == 0
    listing = {c["name"]: c for c in json.loads(out)}
    assert {"lecture", "lecture-ko", "toy-world", "text8"} <= set(listing)
    assert listing["text8"]["available"] is False and listing["lecture"]["available"] is True
    code, out, _ = call(["corpora"], capsys)
    assert code == 0
    assert re.search(r"^text8\s+not downloaded", out, re.M)
    assert re.search(r"^lecture-ko\s+available", out, re.M)


def test_corpora_stats(tmp_path, capsys):
    code, out, err = call(["corpora", "stats", "lecture", "--min-count", "1", "--json"], capsys)
    assert code == 0, err
    st = json.loads(out)
    assert st["coverage"] == 1.0 and st["types_at_min_count"] == st["types"]
    assert sum(t["count"] for t in st["top"]) <= st["tokens"]
    text = tmp_path / "t.txt"
    text.write_text("b a b c b a\n", encoding="utf-8")
    code, out, _ = call(["corpora", "stats", text, "--min-count", "2", "--json"], capsys)
    st = json.loads(out)
    assert (st["tokens"], st["types"], st["types_at_min_count"]) == (6, 3, 2)
    assert st["coverage"] == pytest.approx(5 / 6)
    assert st["top"][0] == {"word": "b", "count": 3}
    code, out, _ = call(["corpora", "stats", text, "--min-count", "2"], capsys)
    assert code == 0 and "83.3%" in out
    assert_one_line_error(*call(["corpora", "stats", tmp_path / "none.txt"], capsys))
    assert_one_line_error(*call(["corpora", "stats", "lecture", "--min-count", "0"], capsys))


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_corpora_fetch_from_local_mirror_and_no_network(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("WORDLAB_DATA_DIR", str(tmp_path / "data"))
    served = tmp_path / "www"
    served.mkdir()
    text = b"the quick brown fox " * 500
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("text8", text)
    (served / "text8.zip").write_bytes(buf.getvalue())
    server = HTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(served)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/text8.zip"
        code, out, err = call(["corpora", "fetch", "text8", "--url", url], capsys)
        assert code == 0, err
        cached = tmp_path / "data" / "text8"
        assert cached.read_bytes() == text and str(cached) in out
        code, out, _ = call(["corpora", "fetch", "text8", "--url", url], capsys)
        assert code == 0 and "already" in out
        # a missing file on the mirror, then no server at all: one line, exit 2
        code, out, err = call(["corpora", "fetch", "text8", "--force", "--url", url + "x"],
                              capsys)
        assert_one_line_error(code, out, err, "--corpus PATH")
    finally:
        server.shutdown()
        server.server_close()
    code, out, err = call(["corpora", "fetch", "text8", "--force", "--url", url], capsys)
    assert_one_line_error(code, out, err, "--corpus PATH")
    assert cached.read_bytes() == text  # a failed re-download never damages the cache
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["text8"]


class _Trickle(BaseHTTPRequestHandler):
    """Announces 10 MB and sends it slowly, so a download is still running when Ctrl-C comes."""

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Length", str(10_000_000))
        self.end_headers()
        try:
            for _ in range(400):
                self.wfile.write(b"\0" * 4096)
                self.wfile.flush()
                threading.Event().wait(0.05)
        except OSError:  # the client went away: that is the point
            pass

    def log_message(self, *args):
        pass


def test_corpora_fetch_ctrl_c_removes_the_partial_download(tmp_path):
    import os

    data = tmp_path / "data"
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Trickle)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        env = {**os.environ, "WORDLAB_DATA_DIR": str(data)}
        proc = subprocess.Popen(
            [sys.executable, "-m", "cli", "corpora", "fetch", "text8", "--url",
             f"http://127.0.0.1:{server.server_port}/text8.zip"],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        watchdog = threading.Timer(120, proc.kill)
        watchdog.start()
        try:
            first = proc.stderr.readline()          # the first progress line: bytes flowing
            assert "text8" in first, first
            assert list(data.iterdir()), "no partial file while downloading?"
            proc.send_signal(signal.SIGINT)
            stdout, rest = proc.communicate(timeout=60)
        finally:
            watchdog.cancel()
            if proc.poll() is None:
                proc.kill()
    finally:
        server.shutdown()
        server.server_close()
    assert proc.returncode == 130, rest
    assert rest.strip().splitlines() == ["wordlab: interrupted: the partial download was removed"]
    assert stdout == ""
    assert list(data.iterdir()) == []


def test_train_glove_writes_vectors_gensim_reads(tmp_path, capsys):
    """--model glove: GloVe's counts and fit, the same file format (gensim reads it)."""
    from gensim.models import KeyedVectors as GensimKV

    out = tmp_path / "glove.vec"
    code, said, err = call(["train", "--corpus", "lecture", "--model", "glove",
                            "--dim", "8", "--epochs", "30", "--quiet", "--out", out], capsys)
    assert code == 0, err
    assert "cells" in said and "final loss" in said
    kv = GensimKV.load_word2vec_format(str(out))
    assert len(kv.index_to_key) == 12 and kv.vector_size == 8


def test_train_glove_rejects_word2vec_flags_and_bad_values(tmp_path, capsys):
    out = tmp_path / "g.vec"
    line = assert_one_line_error(*call(["train", "--corpus", "lecture", "--model", "glove",
                                        "--negative", "5", "--out", out], capsys))
    assert "--negative is a Word2Vec setting" in line
    line = assert_one_line_error(*call(["train", "--corpus", "lecture", "--model", "glove",
                                        "--eta", "0", "--out", out], capsys))
    assert line.startswith("wordlab: error: --eta")
    assert not out.exists()
