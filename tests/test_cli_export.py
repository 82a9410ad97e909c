"""The CLI's exports and conventions (issue 12 §2 and §4): ``wordlab export --projector``,
files named by their format, ``train --log``, ``--json``, examples and exit codes in every
--help, and the bash/zsh completion scripts generated from the parser."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess

import numpy as np
import pytest

from cli.main import EXIT_CODES, build_parser
from engine.vectors import KeyedVectors
from tests.cli_support import assert_one_line_error, call

WORDS = ["the", "king", "queen", "man", "woman", "고양이"]


@pytest.fixture
def vec_file(tmp_path):
    rng = np.random.default_rng(7)
    kv = KeyedVectors(WORDS, rng.standard_normal((len(WORDS), 4)).astype(np.float32))
    path = tmp_path / "v.bin"
    kv.save(path)
    return path, kv


def _tsv(path):
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]


# ------------------------------------------------------------------ export --projector
def test_export_writes_the_projectors_two_files(tmp_path, vec_file, capsys):
    path, kv = vec_file
    out = tmp_path / "tb" / "run1"                 # created, parents too
    code, stdout, err = call(["export", path, "--projector", out], capsys)
    assert code == 0, err
    assert "6 vectors of 4 dims" in stdout
    rows = _tsv(out / "vectors.tsv")
    assert len(rows) == 6 and all(len(r) == 4 for r in rows)      # no header row
    np.testing.assert_array_equal(np.array(rows, dtype=np.float32), kv.vectors)
    # one column: the words alone, no header (the Projector's rule)
    assert (out / "metadata.tsv").read_text(encoding="utf-8") == "\n".join(WORDS) + "\n"
    assert sorted(p.name for p in out.iterdir()) == ["metadata.tsv", "vectors.tsv"]  # no temp


def test_export_limit_and_counts_from_a_vocab_file(tmp_path, vec_file, capsys):
    path, kv = vec_file
    vocab = tmp_path / "v.vocab"
    vocab.write_text("the 50\nking 9\nqueen 30\nman 30\nwoman 1\n고양이 12\n", encoding="utf-8")
    out = tmp_path / "tb"
    code, stdout, err = call(["export", path, "--projector", out, "--limit", "3",
                              "--vocab", vocab, "--json"], capsys)
    assert code == 0, err
    report = json.loads(stdout)
    assert report["words"] == 3 and report["dim"] == 4 and report["counts"] is True
    meta = _tsv(out / "metadata.tsv")
    # two columns: a header row; the 3 most frequent, ties in the file's order
    assert meta == [["word", "count"], ["the", "50"], ["queen", "30"], ["man", "30"]]
    rows = np.array(_tsv(out / "vectors.tsv"), dtype=np.float32)
    np.testing.assert_array_equal(rows, kv.vectors[[0, 2, 3]])


def test_export_without_counts_keeps_the_files_order(tmp_path, vec_file, capsys):
    path, _ = vec_file
    code, _, err = call(["export", path, "--projector", tmp_path / "tb", "--limit", "2"], capsys)
    assert code == 0, err
    assert (tmp_path / "tb" / "metadata.tsv").read_text(encoding="utf-8") == "the\nking\n"


def test_export_bad_input_is_one_line(tmp_path, vec_file, capsys):
    path, _ = vec_file
    a_file = tmp_path / "taken"
    a_file.write_text("x")
    assert_one_line_error(*call(["export", path, "--projector", tmp_path / "tb", "--limit",
                                 "0"], capsys), "--limit")
    assert_one_line_error(*call(["export", path, "--projector", a_file], capsys),
                          "not a folder")
    assert_one_line_error(*call(["export", tmp_path / "missing.vec", "--projector",
                                 tmp_path / "tb"], capsys), "missing.vec")
    assert_one_line_error(*call(["export", path], capsys), "--projector")
    vocab = tmp_path / "short.vocab"
    vocab.write_text("the 3\n")
    assert_one_line_error(*call(["export", path, "--projector", tmp_path / "tb", "--vocab",
                                 vocab], capsys), "king")
    assert not (tmp_path / "tb").exists()


# --------------------------------------------------------------- native gensim files
@pytest.mark.parametrize("command", [["query", "{f}", "--similar", "king"], ["eval", "{f}"],
                                     ["export", "{f}", "--projector", "{d}"], ["{f}"]])
def test_gensim_native_saves_are_refused_with_how_to_convert(tmp_path, vec_file, capsys,
                                                             monkeypatch, command):
    gensim_kv = pytest.importorskip("gensim.models.keyedvectors")
    import pickle

    _, kv = vec_file
    g = gensim_kv.KeyedVectors(kv.dim)
    g.add_vectors(kv.words, kv.vectors)
    native = tmp_path / "model.kv"
    g.save(str(native))

    def refuse(*args, **kwargs):
        raise AssertionError("unpickled a user's file")

    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    monkeypatch.setattr(pickle, "Unpickler", refuse)
    argv = [a.format(f=native, d=tmp_path / "tb") for a in command]
    assert_one_line_error(*call(argv, capsys), "pickle", "save_word2vec_format")


# --------------------------------------------------------------------------- train
def test_train_out_name_decides_the_format_and_flags_override(tmp_path, capsys):
    base = ["train", "--corpus", "lecture", "--epochs", "1", "--quiet"]
    code, out, err = call(base + ["--out", tmp_path / "v.bin"], capsys)
    assert code == 0, err
    assert "(word2vec binary)" in out
    assert KeyedVectors.load(tmp_path / "v.bin").file_format == "word2vec binary"
    code, out, err = call(base + ["--out", tmp_path / "t.bin", "--text"], capsys)
    assert code == 0, err
    assert KeyedVectors.load(tmp_path / "t.bin").file_format == "word2vec text"
    code, out, err = call(base + ["--out", tmp_path / "b.vec.gz", "--binary", "--json"], capsys)
    assert code == 0, err
    result = json.loads(out)
    assert result["format"] == "word2vec binary, gzip-compressed"
    assert result["out"] == str(tmp_path / "b.vec.gz") and result["interrupted"] is False
    assert result["words"] > 0 and result["dim"] > 0 and result["loss"] > 0
    assert KeyedVectors.load(tmp_path / "b.vec.gz").file_format == result["format"]
    code, out, err = call(base + ["--out", tmp_path / "x.vec", "--binary", "--text"], capsys)
    assert_one_line_error(code, out, err, "--text")


def test_train_log_is_one_json_object_per_progress_event(tmp_path, capsys):
    log = tmp_path / "run.jsonl"
    code, out, err = call(["train", "--corpus", "lecture", "--epochs", "4", "--quiet",
                           "--out", tmp_path / "v.vec", "--log", log, "--json"], capsys)
    assert code == 0, err
    events = [json.loads(line) for line in log.read_text().splitlines()]
    assert len(events) >= 4                          # at least one per epoch
    for e in events:
        assert set(e) >= {"words", "loss", "lr", "words_per_s", "epoch", "elapsed"}
    assert [e["epoch"] for e in events] == sorted(e["epoch"] for e in events)
    assert events[-1]["finished"] is True and events[-1]["epoch"] == 4
    assert events[-1]["words"] == events[-1]["total"] == json.loads(out)["trained"]
    words = [e["words"] for e in events]
    assert words == sorted(words) and words[0] > 0
    assert json.loads(out)["log"] == str(log)


def test_train_log_is_written_while_training(tmp_path, capsys, monkeypatch):
    """Each event is on disk when the next one arrives (flushed), not at the end."""
    import cli.train as train_cmd

    log = tmp_path / "run.jsonl"
    seen_on_disk = []
    real_write = train_cmd.RunLog.write

    def write(self, p):
        real_write(self, p)
        seen_on_disk.append(len(log.read_text().splitlines()))

    monkeypatch.setattr(train_cmd.RunLog, "write", write)
    code, _, err = call(["train", "--corpus", "lecture", "--epochs", "3", "--quiet",
                         "--out", tmp_path / "v.vec", "--log", log], capsys)
    assert code == 0, err
    assert seen_on_disk == list(range(1, len(seen_on_disk) + 1))


def test_train_log_in_a_missing_folder_fails_before_training(tmp_path, capsys):
    assert_one_line_error(*call(["train", "--corpus", "lecture", "--out", tmp_path / "v.vec",
                                 "--log", tmp_path / "no" / "run.jsonl"], capsys), "no")
    assert not (tmp_path / "v.vec").exists()


# ---------------------------------------------------------------------- conventions
def _commands(parser, path=("wordlab",)):
    """(path, parser) for the root and every subcommand, nested ones included."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, path + (name,))


def test_every_help_documents_exit_codes_and_ends_with_examples():
    parser = build_parser()
    for path, p in _commands(parser):
        text = p.format_help()
        assert " ".join(EXIT_CODES.split()) in " ".join(text.split()), path
        tail = text.rstrip().rsplit("Examples:", 1)
        assert len(tail) == 2, f"{' '.join(path)} --help has no examples"
        assert all(line.startswith("  ") for line in tail[1].strip("\n").splitlines()), path
        assert f"wordlab {' '.join(path[1:])}".strip() in tail[1], path


RESULT_COMMANDS = {"train", "query", "eval", "export", "corpora", "corpora fetch",
                   "corpora stats"}


def test_every_command_with_a_result_has_json():
    parser = build_parser()
    for path, p in _commands(parser):
        name = " ".join(path[1:])
        if name in RESULT_COMMANDS:
            assert "--json" in p._option_string_actions, name


def test_help_and_docs_state_the_exit_codes(capsys):
    from pathlib import Path

    code, out, _ = call(["--help"], capsys)
    assert code == 0 and "130 interrupted" in out and "2 bad input" in out
    docs = (Path(__file__).resolve().parent.parent / "docs" / "CLI.md").read_text()
    assert "130" in docs and "| 2 |" in docs and "wordlab completion bash" in docs


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completion_offers_every_subcommand_and_option(tmp_path, capsys):
    code, script, err = call(["completion", "bash"], capsys)
    assert code == 0, err
    (tmp_path / "wordlab.bash").write_text(script)
    (tmp_path / "toy.txt").write_text("a corpus file\n")
    parser = build_parser()
    cases = []          # (COMP_WORDS, expected words)
    for path, p in _commands(parser):
        options = {s for a in p._actions for s in a.option_strings}
        cases.append((list(path) + ["-"], options))
        subs = [a for a in p._actions if isinstance(a, argparse._SubParsersAction)]
        if subs:
            cases.append((list(path) + [""], set(subs[0].choices)))
    cases += [(["wordlab", "train", "--model", ""], {"word2vec", "glove"}),
              (["wordlab", "train", "--corpus", "toy"], {"toy-world", "toy.txt"}),  # a name or a file
              (["wordlab", "train", "--arch", ""], {"sg", "cbow"}),
              (["wordlab", "eval", "v.vec", "--analogies", "g"], {"google"}),
              (["wordlab", "completion", ""], {"bash", "zsh"})]
    lines = [f"source {tmp_path / 'wordlab.bash'}"]
    for words, _ in cases:
        quoted = " ".join("'" + w + "'" for w in words)
        lines += [f"COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; COMPREPLY=()",
                  "_wordlab", 'echo "@@ ${COMPREPLY[*]}"']
    run = subprocess.run(["bash", "--norc", "--noprofile", "-c", "\n".join(lines)],
                         capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert run.returncode == 0, run.stderr
    replies = [line[3:].split() for line in run.stdout.splitlines() if line.startswith("@@")]
    assert len(replies) == len(cases)
    for (words, expected), reply in zip(cases, replies):
        assert expected <= set(reply), (words, sorted(expected - set(reply)))


def test_zsh_completion_names_every_command_and_option(capsys):
    code, script, err = call(["completion", "zsh"], capsys)
    assert code == 0, err
    assert script.startswith("#compdef wordlab\n") and "compdef _wordlab wordlab" in script
    for path, p in _commands(build_parser()):
        assert f"'{' '.join(path)}'" in script or (len(path) == 1 and "(wordlab)" in script)
        for action in p._actions:
            for flag in action.option_strings:
                assert f"'{flag}:" in script, (path, flag)


#: zsh's completion functions replaced by ones that print what they were given
_ZSH_STUBS = """
compdef() { :; }
_describe() { print -r -- "@@ ${(j: :)${(@)${(P)@[-1]}%%:*}}"; }
compadd() { shift; print -r -- "@@ $*"; }
_files() { :; }
_message() { print -r -- "@@"; }
"""


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_completion_offers_every_subcommand_and_option(tmp_path, capsys):
    code, script, err = call(["completion", "zsh"], capsys)
    assert code == 0, err
    (tmp_path / "_wordlab").write_text(script)
    check = subprocess.run(["zsh", "-n", str(tmp_path / "_wordlab")], capture_output=True,
                           text=True)
    assert check.returncode == 0, check.stderr
    cases = []
    for path, p in _commands(build_parser()):
        cases.append((list(path) + ["-"], {s for a in p._actions for s in a.option_strings}))
        subs = [a for a in p._actions if isinstance(a, argparse._SubParsersAction)]
        if subs:
            cases.append((list(path) + [""], set(subs[0].choices)))
    cases.append((["wordlab", "train", "--model", ""], {"word2vec", "glove"}))
    lines = [_ZSH_STUBS, f"source {tmp_path / '_wordlab'}"]
    for words, _ in cases:
        quoted = " ".join("'" + w + "'" for w in words)
        lines += [f"words=({quoted}); CURRENT={len(words)}; _wordlab"]
    run = subprocess.run(["zsh", "-f", "-c", "\n".join(lines)], capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    replies = [line[3:].split() for line in run.stdout.splitlines() if line.startswith("@@")]
    assert len(replies) == len(cases), run.stdout
    for (words, expected), reply in zip(cases, replies):
        assert expected <= set(reply), (words, sorted(expected - set(reply)))


def test_completion_needs_a_known_shell(capsys):
    assert_one_line_error(*call(["completion", "fish"], capsys), "fish")
