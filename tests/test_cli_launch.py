"""``wordlab CORPUS`` / ``wordlab VECTORS_FILE`` / ``python -m tui ...`` open the app.

The arguments are checked before the app starts: a typo, a missing, binary or unreadable file
is one line on stderr and exit code 2.  The app itself is replaced by a recorder here (it
needs a terminal); tests/tui/test_launch.py opens the real one with the same arguments.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_support import assert_one_line_error, call, make_unreadable, record_app

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def opened(monkeypatch):
    return record_app(monkeypatch)




@pytest.fixture
def vec_file(tmp_path) -> Path:
    path = tmp_path / "tiny.vec"
    path.write_text("2 3\ncat 1 0 0\ndog 0 1 0\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["lecture", "lecture-ko", "toy-world"])
def test_builtin_corpus_opens_the_app_on_it(name, opened, capsys):
    code, out, err = call([name], capsys)
    assert (code, err) == (0, "")
    assert opened == [{"corpus_name": name}]


def test_no_argument_opens_the_default(opened, capsys):
    assert call([], capsys)[0] == 0
    assert opened == [{}]


def test_text_file_and_folder_are_corpora(tmp_path, opened, capsys):
    text = tmp_path / "notes.txt"
    text.write_text("the cat sat on the mat\n", encoding="utf-8")
    assert call([text], capsys)[0] == 0
    assert call([tmp_path], capsys)[0] == 0
    assert opened == [{"corpus_name": str(text)}, {"corpus_name": str(tmp_path)}]


def test_vectors_file_is_loaded(vec_file, opened, capsys):
    assert call([vec_file], capsys)[0] == 0
    assert opened == [{"vectors_path": str(vec_file)}]


def test_gzip_and_binary_vectors_are_recognised(tmp_path, opened, capsys):
    import numpy as np

    from engine.vectors import KeyedVectors

    kv = KeyedVectors(["cat", "dog"], np.eye(2, 3, dtype=np.float32))
    binary, gz = tmp_path / "v.bin", tmp_path / "v.vec.gz"
    kv.save(binary, binary=True)
    kv.save(gz)
    assert call([binary], capsys)[0] == 0
    assert call([gz], capsys)[0] == 0
    assert opened == [{"vectors_path": str(binary)}, {"vectors_path": str(gz)}]


@pytest.mark.parametrize("order", [0, 1])
def test_corpus_and_vectors_together_in_either_order(order, vec_file, opened, capsys):
    args = ["toy-world", vec_file] if order == 0 else [vec_file, "toy-world"]
    assert call(args, capsys)[0] == 0
    assert opened == [{"corpus_name": "toy-world", "vectors_path": str(vec_file)}]


def test_subcommands_still_win(capsys):
    code, out, _ = call(["corpora"], capsys)
    assert code == 0 and "toy-world" in out


def test_unknown_name_is_one_line(opened, capsys):
    line = assert_one_line_error(*call(["toyworld"], capsys), "toyworld", "toy-world", "train")
    assert "invalid choice" not in line
    assert opened == []


def test_missing_file_is_one_line(tmp_path, opened, capsys):
    assert_one_line_error(*call([tmp_path / "nope.vec"], capsys), "nope.vec", "no such file")
    assert opened == []


def test_two_corpora_are_refused(opened, capsys):
    assert_one_line_error(*call(["lecture", "toy-world"], capsys), "two corpora")
    assert opened == []


def test_binary_file_says_what_it_is(tmp_path, opened, capsys):
    exe = tmp_path / "a.out"
    exe.write_bytes(b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64)
    line = assert_one_line_error(*call([exe], capsys), "a.out", "executable")
    assert "\\x" not in line
    assert opened == []


def test_empty_file_is_one_line(tmp_path, opened, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert_one_line_error(*call([empty], capsys), "empty.txt", "empty")


@pytest.mark.parametrize("which", ["text", "vectors"])
def test_unreadable_file_is_one_line(which, tmp_path, vec_file, monkeypatch, opened, capsys):
    path = vec_file
    if which == "text":
        path = tmp_path / "notes.txt"
        path.write_text("the cat sat\n", encoding="utf-8")
    make_unreadable(monkeypatch, path)
    assert_one_line_error(*call([path], capsys), path.name, "permission denied")
    assert opened == []


def test_python_m_tui_checks_the_same_way():
    proc = subprocess.run([sys.executable, "-m", "tui", "toyworld"], cwd=ROOT,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "toyworld" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_python_m_tui_help_names_the_arguments():
    proc = subprocess.run([sys.executable, "-m", "tui", "--help"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    assert "CORPUS" in proc.stdout and "VECTORS_FILE" in proc.stdout
