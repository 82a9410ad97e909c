"""KeyedVectors: gensim-identical queries, word2vec C formats both ways, one-line errors."""

from __future__ import annotations

import os
import struct

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.errors import FormatError, UnknownWordError, WordlabError
from engine.vectors import KeyedVectors, QueryError

import gensim.models.keyedvectors as gensim_kv  # a test requirement: fail loudly, never skip

# gensim's cosmul calls its own deprecated init_sims(); not our concern
pytestmark = pytest.mark.filterwarnings("ignore:Call to deprecated:DeprecationWarning")

WORDS = ["the", "king", "queen", "man", "woman", "왕", "여왕", "남자", "여자", "café",
         "King", "prince", "princess"] + [f"w{i:03d}" for i in range(87)]


@pytest.fixture(scope="module")
def rand_kv() -> KeyedVectors:
    rng = np.random.default_rng(7)
    return KeyedVectors(WORDS, rng.standard_normal((len(WORDS), 12)),
                        counts=np.arange(len(WORDS), 0, -1))


@pytest.fixture(scope="module")
def gensim_twin(rand_kv):
    g = gensim_kv.KeyedVectors(rand_kv.dim)
    g.add_vectors(rand_kv.words, rand_kv.vectors)
    return g


def same_ranking(ours, theirs, tol=1e-5):
    assert [w for w, _ in ours] == [w for w, _ in theirs]
    np.testing.assert_allclose([s for _, s in ours], [s for _, s in theirs], atol=tol)


# ------------------------------------------------------------------ queries vs gensim
@pytest.mark.parametrize("pos,neg", [
    (["king"], []),
    (["king", "woman"], ["man"]),
    (["왕", "여자"], ["남자"]),
    (["queen", "prince", "w010"], ["the", "w050"]),
    ([], ["king"]),
])
@pytest.mark.parametrize("restrict", [None, 40])
def test_most_similar_matches_gensim(rand_kv, gensim_twin, pos, neg, restrict):
    ours = rand_kv.most_similar(positive=pos, negative=neg, topn=8, restrict_vocab=restrict)
    theirs = gensim_twin.most_similar(positive=pos, negative=neg, topn=8,
                                      restrict_vocab=restrict)
    same_ranking(ours, theirs)
    assert not set(pos + neg) & {w for w, _ in ours}  # query words are never answers
    if restrict:
        assert all(rand_kv.index[w] < restrict for w, _ in ours)


@pytest.mark.parametrize("pos,neg", [(["king", "woman"], ["man"]), (["queen"], []),
                                     (["왕", "여자", "w001"], ["남자", "w002"])])
def test_cosmul_matches_gensim(rand_kv, gensim_twin, pos, neg):
    same_ranking(rand_kv.most_similar_cosmul(positive=pos, negative=neg, topn=6),
                 gensim_twin.most_similar_cosmul(positive=pos, negative=neg, topn=6))


def test_doesnt_match_and_similarity_match_gensim(rand_kv, gensim_twin):
    rng = np.random.default_rng(3)
    for _ in range(20):
        words = list(rng.choice(WORDS, size=5, replace=False))
        assert rand_kv.doesnt_match(words) == gensim_twin.doesnt_match(words)
    assert rand_kv.similarity("king", "queen") == pytest.approx(
        float(gensim_twin.similarity("king", "queen")), abs=1e-6)


def test_analogy_reads_a_is_to_b_as_c_is_to(rand_kv):
    assert rand_kv.analogy("man", "king", "woman", topn=3) == rand_kv.most_similar(
        positive=["king", "woman"], negative=["man"], topn=3)
    assert rand_kv.analogy("man", "king", "woman", topn=3, method="mul") == \
        rand_kv.most_similar_cosmul(positive=["king", "woman"], negative=["man"], topn=3)
    with pytest.raises(QueryError):
        rand_kv.analogy("man", "king", "woman", method="sub")


def test_planted_analogy_is_answered():
    # queen = king - man + woman exactly, plus distractors: both methods must find it.
    rng = np.random.default_rng(0)
    base = {w: rng.standard_normal(16) for w in ["royal", "male", "female", "x", "y", "z"]}
    vecs = {
        "king": base["royal"] + base["male"], "queen": base["royal"] + base["female"],
        "man": base["male"], "woman": base["female"],
        **{w: base[w] for w in ("x", "y", "z")},
    }
    kv = KeyedVectors(list(vecs), np.array(list(vecs.values())))
    assert kv.analogy("man", "king", "woman")[0][0] == "queen"
    assert kv.analogy("man", "king", "woman", method="mul")[0][0] == "queen"


def test_unit_vectors_getitem_and_cache(rand_kv):
    assert np.allclose(np.linalg.norm(rand_kv.unit, axis=1), 1.0, atol=1e-6)
    assert rand_kv.unit is rand_kv.unit
    v = rand_kv["king"]
    assert np.array_equal(v, rand_kv.vectors[rand_kv.index["king"]])
    v[:] = 0  # a copy: the model is not changed
    assert np.any(rand_kv["king"] != 0)
    with pytest.raises(ValueError):
        rand_kv.vectors[0, 0] = 1.0


def test_constructor_copies_unless_told_not_to():
    src = np.ones((2, 3), dtype=np.float32)
    kv = KeyedVectors(["a", "b"], src)
    src[0, 0] = 5.0  # the caller's array is not the model's
    assert kv["a"][0] == 1.0 and src.flags.writeable
    adopted = KeyedVectors(["a", "b"], src, copy=False)
    assert adopted.vectors is src and not src.flags.writeable


def test_zero_vector_does_not_produce_nan():
    kv = KeyedVectors(["a", "b", "c"], [[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    res = kv.most_similar("b", topn=2)
    assert all(np.isfinite(s) for _, s in res)


def test_unknown_words_raise_with_hint(rand_kv):
    with pytest.raises(UnknownWordError) as e:
        rand_kv.most_similar("kinq")
    assert "kinq" in str(e.value) and "king" in str(e.value)
    with pytest.raises(UnknownWordError, match="did you mean 'king'"):
        rand_kv["KING"]
    with pytest.raises(UnknownWordError):
        rand_kv.similarity("king", "nosuchword")
    with pytest.raises(UnknownWordError):
        rand_kv.doesnt_match(["king", "zzzz"])
    assert "nosuch" not in rand_kv and 3 not in rand_kv


def test_bad_queries(rand_kv):
    with pytest.raises(QueryError):
        rand_kv.most_similar()
    with pytest.raises(QueryError):
        rand_kv.most_similar_cosmul(negative=["king"])
    with pytest.raises(QueryError):
        rand_kv.doesnt_match(["king"])
    with pytest.raises(QueryError):
        rand_kv.most_similar("king", restrict_vocab=0)
    assert rand_kv.most_similar("king", topn=0) == []
    assert len(rand_kv.most_similar("king", topn=None)) == len(rand_kv) - 1


def test_words_like_bisects_sorted_vocabulary(rand_kv):
    assert rand_kv.words_like("w00", 3) == ["w000", "w001", "w002"]
    assert rand_kv.words_like("w00", 100) == [f"w00{i}" for i in range(10)]
    assert rand_kv.words_like("que") == ["queen"]
    assert rand_kv.words_like("여") == ["여왕", "여자"]
    assert rand_kv.words_like("zzz") == []
    assert rand_kv.words_like("K", 5) == ["King"]
    # by frequency: earliest rows first
    assert rand_kv.words_like("prin", 2, by_frequency=True) == ["prince", "princess"]
    assert rand_kv.words_like("", 2, by_frequency=True) == ["the", "king"]
    assert rand_kv.sorted_words == sorted(WORDS)


def test_constructor_rejects_inconsistent_input():
    with pytest.raises(FormatError):
        KeyedVectors(["a", "b"], np.zeros((3, 2)))
    with pytest.raises(FormatError):
        KeyedVectors(["a", "a"], np.zeros((2, 2)))
    with pytest.raises(FormatError):
        KeyedVectors(["a", "b"], [[0.0, np.nan], [1.0, 1.0]])
    with pytest.raises(FormatError):
        KeyedVectors([], np.zeros((0, 2)))
    with pytest.raises(FormatError):
        KeyedVectors(["a"], np.zeros((1, 1)), counts=[1, 2])


# ----------------------------------------------------------------------------- I/O
@pytest.mark.parametrize("binary", [False, True])
def test_gensim_reads_what_we_write(tmp_path, rand_kv, binary):
    path = tmp_path / "v.w2v"
    rand_kv.save(path, binary=binary)
    g = gensim_kv.KeyedVectors.load_word2vec_format(str(path), binary=binary)
    assert g.index_to_key == rand_kv.words  # unicode words, file order kept
    np.testing.assert_array_equal(g.vectors, rand_kv.vectors)  # float32 exact both formats
    assert [p for p in os.listdir(tmp_path)] == ["v.w2v"]  # no temp file left behind


@pytest.mark.parametrize("binary", [False, True])
def test_we_read_what_gensim_writes(tmp_path, rand_kv, gensim_twin, binary):
    path = tmp_path / "g.w2v"
    gensim_twin.save_word2vec_format(str(path), binary=binary)
    for flag in (binary, None):  # explicit, and sniffed
        kv = KeyedVectors.load(path, binary=flag)
        assert kv.words == rand_kv.words
        np.testing.assert_array_equal(kv.vectors, rand_kv.vectors)


_WORD = st.text(alphabet=st.characters(blacklist_categories=("Cs",),
                                       blacklist_characters=" \t\n\r\x0b\x0c"),
                min_size=1, max_size=6)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(_WORD, min_size=1, max_size=6, unique=True),
       dim=st.integers(1, 5), binary=st.booleans(), seed=st.integers(0, 2**32 - 1))
def test_any_words_round_trip_exactly_with_gensim(tmp_path, words, dim, binary, seed):
    rng = np.random.default_rng(seed)
    vecs = (rng.standard_normal((len(words), dim)) * 10.0 ** rng.integers(-8, 8)).astype(
        np.float32)
    kv = KeyedVectors(words, vecs)
    path = tmp_path / f"h{seed}.w2v"
    kv.save(path, binary=binary)
    back = KeyedVectors.load(path)  # sniffed
    assert back.words == words and np.array_equal(back.vectors, vecs)
    g = gensim_kv.KeyedVectors.load_word2vec_format(str(path), binary=binary)
    assert g.index_to_key == words and np.array_equal(g.vectors, vecs)


@pytest.mark.parametrize("binary", [False, True])
def test_gzip_both_ways(tmp_path, rand_kv, gensim_twin, binary):
    ours = tmp_path / "ours.vec.gz"
    rand_kv.save(ours, binary=binary)
    assert ours.read_bytes()[:2] == b"\x1f\x8b"
    g = gensim_kv.KeyedVectors.load_word2vec_format(str(ours), binary=binary)
    assert g.index_to_key == rand_kv.words and np.array_equal(g.vectors, rand_kv.vectors)
    theirs = tmp_path / "theirs.vec.gz"
    gensim_twin.save_word2vec_format(str(theirs), binary=binary)
    kv = KeyedVectors.load(theirs)
    assert kv.words == rand_kv.words and np.array_equal(kv.vectors, rand_kv.vectors)


def test_damaged_gzip_and_huge_header_in_gzip(tmp_path, rand_kv):
    import gzip

    p = tmp_path / "v.vec.gz"
    rand_kv.save(p, binary=True)
    p.write_bytes(p.read_bytes()[:300])
    with pytest.raises(FormatError, match=str(p)):
        KeyedVectors.load(p)
    # a gzip's size says nothing about what it holds: the header must not drive allocation
    p.write_bytes(gzip.compress(b"1000000000000 300\na 1 2\n"))
    with pytest.raises(FormatError, match="line 2"):
        KeyedVectors.load(p)


def test_round_trip_ours(tmp_path, rand_kv):
    for binary in (False, True):
        p = tmp_path / f"ours{binary}"
        rand_kv.save(p, binary=binary)
        kv = KeyedVectors.load(p)
        assert kv.words == rand_kv.words
        np.testing.assert_array_equal(kv.vectors, rand_kv.vectors)


def test_reads_word2vec_c_variants(tmp_path):
    # word2vec.c text output has a trailing space; binary output a '\n' after each vector.
    t = tmp_path / "c.txt"
    t.write_bytes(b"2 3\nk\xc3\xa9 0.5 -1 2e-3 \nb 1 2 3 \n")
    kv = KeyedVectors.load(t)
    assert kv.words == ["ké", "b"] and kv.vectors[0, 2] == np.float32(2e-3)
    b = tmp_path / "c.bin"
    b.write_bytes(b"2 2\nab " + struct.pack("<2f", 1.0, 2.0) + b"\ncd "
                  + struct.pack("<2f", 3.0, 4.0) + b"\n")
    kv = KeyedVectors.load(b)
    assert kv.words == ["ab", "cd"] and kv.vectors.tolist() == [[1, 2], [3, 4]]


def test_sniffing_is_not_fooled_by_float_bytes_that_look_like_text(tmp_path):
    # the float32 bytes b"7\n\x01\x02" make the first "line" read "a 7": still binary
    raw = b"7\n\x01\x02"
    p = tmp_path / "tricky.bin"
    p.write_bytes(b"1 1\na " + raw + b"\n")
    kv = KeyedVectors.load(p)
    assert kv.words == ["a"] and kv.vectors[0].tobytes() == raw


def test_duplicate_word_in_file_keeps_first(tmp_path):
    p = tmp_path / "dup.txt"
    p.write_text("3 1\na 1\nb 2\na 3\n")
    kv = KeyedVectors.load(p)
    assert kv.words == ["a", "b"] and kv["a"].tolist() == [1.0]


def test_save_is_atomic_and_keeps_old_file_on_failure(tmp_path, rand_kv):
    p = tmp_path / "v.txt"
    p.write_text("old")
    bad = KeyedVectors(["a b"], np.ones((1, 2)))  # a space cannot be stored
    with pytest.raises(FormatError, match="whitespace"):
        bad.save(p)
    assert p.read_text() == "old"
    with pytest.raises(WordlabError, match="cannot save"):
        rand_kv.save(tmp_path / "no" / "such" / "dir.txt")
    rand_kv.save(p)
    assert p.read_text().startswith(f"{len(rand_kv)} 12\n")
    assert sorted(os.listdir(tmp_path)) == ["v.txt"]


BAD_FILES = {
    "random binary": os.urandom(64) + b"\x00\xff\xfe",
    "prose": b"this is not a vectors file\nat all\n",
    "empty": b"",
    "zero header": b"0 5\n",
    "three numbers": b"1 2 3\na 1 2\n",
    "short vector": b"2 3\na 1 2 3\nb 1 2\n",
    "long vector": b"2 3\na 1 2 3\nb 1 2 3 4\n",
    "not a number": b"1 2\na 1 x\n",
    "nan": b"2 2\na 1 2\nb nan 1\n",
    "inf": b"1 2\na inf 1\n",
    "truncated text": b"3 2\na 1 2\nb 1 2\n",
    "too many lines": b"1 2\na 1 2\nb 3 4\n",
    "truncated binary": b"2 2\nab " + struct.pack("<2f", 1, 2) + b"\ncd " + b"\x00\x00",
    "binary nan": b"1 2\nab " + struct.pack("<2f", 1, float("nan")),
    "huge header": b"100000000 300\na 1\n",
    "endless line": b"1 2\na " + b"1" * 20000 + b" 2\n",
    "latin-1 word": b"1 2\ncaf\xe9 1 2\n",
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_not_word2vec_raises_one_clear_line(tmp_path, name):
    p = tmp_path / "bad.vec"
    p.write_bytes(BAD_FILES[name])
    for binary in (None, False, True):
        with pytest.raises(FormatError) as e:
            KeyedVectors.load(p, binary=binary)
        msg = str(e.value)
        assert "\n" not in msg and str(p) in msg, msg


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(FormatError, match="cannot read"):
        KeyedVectors.load(tmp_path / "missing.txt")
    with pytest.raises(FormatError, match="cannot read"):
        KeyedVectors.load(tmp_path)


def test_import_is_light():
    import subprocess
    import sys

    code = ("import sys, engine.vectors, engine.evaluate, engine.onehot; "
            "print(','.join(m for m in ('torch', 'scipy', 'gensim', 'textual', 'rich') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=os.path.dirname(os.path.dirname(__file__)))
    assert out.stdout.strip() == ""


def test_a_binary_file_is_named_by_what_it_looks_like_not_its_bytes(tmp_path):
    from engine.errors import FormatError
    from engine.vectors import KeyedVectors

    path = tmp_path / "prog"
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(200))
    with pytest.raises(FormatError) as err:
        KeyedVectors.load(str(path))
    assert "looks like an executable (ELF)" in str(err.value)
    assert "\\x" not in str(err.value) and "\x7f" not in str(err.value)
