"""Vector files say their format: the name decides how a file is saved, the bytes how it is
read, and gensim's native (pickled) saves are refused without being unpickled."""

from __future__ import annotations

import gzip
import pickle

import numpy as np
import pytest

from engine.errors import FormatError
from engine.vectors import KeyedVectors, describe_format, format_from_name

gensim_kv = pytest.importorskip("gensim.models.keyedvectors")

#: every suffix a user may type -> (binary, gzipped)
SUFFIXES = {
    "v.bin": (True, False),
    "v.txt": (False, False),
    "v.vec": (False, False),
    "v.w2v": (False, False),       # any other name: text, gensim's default
    "v": (False, False),
    "v.bin.gz": (True, True),
    "v.txt.gz": (False, True),
    "v.vec.gz": (False, True),
    "v.gz": (False, True),
    "V.BIN": (True, False),
    "v.BIN.GZ": (True, True),
    "run.2024.bin": (True, False),
}


@pytest.fixture
def kv():
    rng = np.random.default_rng(3)
    words = ["king", "queen", "man", "woman", "왕", "여왕"]
    return KeyedVectors(words, rng.standard_normal((len(words), 7)).astype(np.float32),
                        counts=[60, 50, 40, 30, 20, 10])


def _body(path):
    """The file's bytes, unpacked when it is gzip-compressed; (bytes, was gzip)."""
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        return gzip.decompress(raw), True
    return raw, False


def _is_text(body: bytes) -> bool:
    try:
        lines = body.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return False
    return all(len(line.split(" ")) == 8 for line in lines[1:])


@pytest.mark.parametrize("name", list(SUFFIXES))
def test_the_name_decides_how_a_file_is_saved(tmp_path, kv, name):
    binary, gzipped = SUFFIXES[name]
    assert format_from_name(name) == (binary, gzipped)
    path = tmp_path / name
    kv.save(path)                                   # binary=None: as the name says
    body, was_gzip = _body(path)
    assert was_gzip == gzipped
    assert body.startswith(b"6 7\n")
    assert _is_text(body) == (not binary)
    back = KeyedVectors.load(path)
    assert back.words == kv.words and np.array_equal(back.vectors, kv.vectors)
    assert back.file_format == describe_format(binary, gzipped)
    g = gensim_kv.KeyedVectors.load_word2vec_format(str(path), binary=binary)
    assert g.index_to_key == kv.words and np.array_equal(g.vectors, kv.vectors)


def test_gensim_reads_our_bin_as_binary(tmp_path, kv):
    path = tmp_path / "vectors.bin"
    kv.save(path)
    g = gensim_kv.KeyedVectors.load_word2vec_format(str(path), binary=True)
    assert g.index_to_key == kv.words
    np.testing.assert_array_equal(g.vectors, kv.vectors)
    with pytest.raises(Exception):   # and it is not text: gensim's text reader refuses it
        gensim_kv.KeyedVectors.load_word2vec_format(str(path), binary=False)


@pytest.mark.parametrize("name,binary", [("v.bin", False), ("v.txt", True), ("v.vec.gz", True),
                                         ("v.bin.gz", False)])
def test_an_explicit_choice_overrides_the_name(tmp_path, kv, name, binary):
    path = tmp_path / name
    kv.save(path, binary=binary)
    body, _ = _body(path)
    assert _is_text(body) == (not binary)
    assert KeyedVectors.load(path).file_format.startswith(describe_format(binary))


# mislabelled files: the name says one thing, the bytes another; loading follows the bytes
MISLABELLED = {
    "binary bytes named .txt": ("v.txt", True, False),
    "text named .bin": ("v.bin", False, False),
    "binary gzip named .txt": ("v.txt", True, True),
    "text gzip named .bin": ("v.bin", False, True),
    "gzip without .gz": ("v.vec", False, True),
    "plain binary named .gz": ("v.bin.gz", True, False),
}


@pytest.mark.parametrize("case", list(MISLABELLED))
def test_loading_reads_the_bytes_not_the_name(tmp_path, kv, case):
    name, binary, gzipped = MISLABELLED[case]
    honest = tmp_path / ("honest" + (".bin" if binary else ".txt") + (".gz" if gzipped else ""))
    kv.save(honest)
    path = tmp_path / name
    path.write_bytes(honest.read_bytes())
    back = KeyedVectors.load(path)
    assert back.words == kv.words and np.array_equal(back.vectors, kv.vectors)
    assert back.file_format == describe_format(binary, gzipped)


def test_a_failure_says_what_the_bytes_were(tmp_path, kv):
    good = tmp_path / "good.bin"
    kv.save(good)
    bad = tmp_path / "vectors.txt"             # binary records, cut short, named .txt
    bad.write_bytes(good.read_bytes()[:60])
    with pytest.raises(FormatError) as err:
        KeyedVectors.load(bad)
    msg = str(err.value)
    assert "\n" not in msg and str(bad) in msg
    assert "found: a word2vec header (6 words x 7 dims) followed by binary records" in msg
    text = tmp_path / "vectors.bin.gz"         # text lines, one short, gzip-compressed
    text.write_bytes(gzip.compress(b"2 3\na 1 2 3\nb 1 2\n"))
    with pytest.raises(FormatError) as err:
        KeyedVectors.load(text)
    assert "line 3" in str(err.value)
    assert "found: gzip-compressed data holding a word2vec header (2 words x 3 dims) " \
           "followed by text lines" in str(err.value)


@pytest.fixture
def no_unpickling(monkeypatch):
    """Any attempt to unpickle fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("wordlab tried to unpickle a file")

    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    monkeypatch.setattr(pickle, "Unpickler", refuse)


def _gensim_twin(kv):
    g = gensim_kv.KeyedVectors(kv.dim)
    g.add_vectors(kv.words, kv.vectors)
    return g


def test_gensim_native_save_is_refused_with_the_way_to_convert(tmp_path, kv, no_unpickling):
    g = _gensim_twin(kv)
    path = tmp_path / "model.kv"
    g.save(str(path))                               # small: one pickle, arrays inside
    with pytest.raises(FormatError) as err:
        KeyedVectors.load(path)
    msg = str(err.value)
    assert "\n" not in msg and str(path) in msg
    assert "pickle" in msg and "save_word2vec_format" in msg


def test_gensim_native_save_with_npy_sidecars_is_refused(tmp_path, kv, no_unpickling):
    g = _gensim_twin(kv)
    path = tmp_path / "big.kv"
    g.save(str(path), sep_limit=0)                  # the arrays beside it, as .npy files
    sidecars = sorted(p.name for p in tmp_path.glob("big.kv.*.npy"))
    assert sidecars, "gensim wrote no .npy sidecar"
    for target in [path] + [tmp_path / s for s in sidecars]:
        with pytest.raises(FormatError) as err:
            KeyedVectors.load(target)
        assert "save_word2vec_format" in str(err.value), target
    gz = tmp_path / "model.kv.gz"                   # gensim compresses a .gz name too
    g.save(str(gz))
    with pytest.raises(FormatError, match="pickle"):
        KeyedVectors.load(gz)
