"""FastText's files: ``.vec`` text (a ``V d`` header) and Facebook's ``.bin`` model format,
read by gensim's ``load_facebook_vectors`` / ``load_facebook_model`` from wordlab and by
wordlab from gensim's ``save_facebook_model``: the same vectors for known and unseen words."""

from __future__ import annotations

import struct

import numpy as np
import pytest

from engine.errors import FormatError
from engine.fasttext import FastTextConfig, FastTextSession
from engine.fasttext.vectors import FastTextVectors, is_facebook_bin
from engine.vectors import KeyedVectors

gensim_ft = pytest.importorskip("gensim.models.fasttext")

TINY = [s.split() for s in [
    "the king rules his kingdom", "the queen rules her kingdom",
    "a man walks with his dog", "a woman walks with her dog", "고양이가 개를 좋아한다",
]] * 6
UNSEEN = ["kingship", "dogs", "walked", "고양이는", "x"]


@pytest.fixture(scope="module")
def trained():
    s = FastTextSession(FastTextConfig(dim=8, window=3, min_count=1, epochs=3, threads=1,
                                       bucket=97, arch="cbow"), TINY)
    s.run()
    return s.model.vectors()


def test_vec_is_fasttexts_text_format(trained, tmp_path):
    path = tmp_path / "m.vec"
    trained.save(path)
    head = path.read_text(encoding="utf-8").split("\n")[0]
    assert head == f"{len(trained)} 8"
    back = KeyedVectors.load(path)
    assert back.words == trained.words
    np.testing.assert_allclose(back.vectors, trained.vectors)


def test_gensim_reads_wordlabs_bin(trained, tmp_path):
    path = tmp_path / "m.bin"
    trained.save_facebook(path)
    assert is_facebook_bin(path) and not is_facebook_bin(tmp_path / "missing.bin")
    g = gensim_ft.load_facebook_vectors(str(path))
    assert g.index_to_key == trained.words
    for w in trained.words + UNSEEN:
        np.testing.assert_allclose(g[w], trained[w], rtol=1e-5, atol=1e-7, err_msg=w)
    model = gensim_ft.load_facebook_model(str(path))
    assert (model.sg, model.wv.bucket, model.wv.min_n, model.wv.max_n) == (0, 97, 3, 6)
    np.testing.assert_array_equal(model.syn1neg, trained.output_rows)


def test_wordlab_reads_gensims_bin(tmp_path):
    m = gensim_ft.FastText(vector_size=6, window=2, min_count=1, bucket=101, epochs=2, sg=1,
                           sentences=TINY, seed=1, workers=1)
    path = tmp_path / "g.bin"
    gensim_ft.save_facebook_model(m, str(path))
    ours = FastTextVectors.load_facebook(path)
    assert ours.words == m.wv.index_to_key and ours.bucket == 101 and ours.settings.arch == "sg"
    for w in m.wv.index_to_key + UNSEEN:
        np.testing.assert_allclose(ours[w], m.wv[w], rtol=1e-5, atol=1e-7, err_msg=w)
        assert ours.from_ngrams(w) == (w not in m.wv.key_to_index)
    assert [w for w, _ in ours.most_similar("kingship", topn=3)] == \
        [w for w, _ in m.wv.most_similar("kingship", topn=3)]
    again = tmp_path / "again.bin"                      # and back to gensim unchanged
    ours.save_facebook(again)
    g = gensim_ft.load_facebook_vectors(str(again))
    np.testing.assert_array_equal(g.vectors_ngrams, m.wv.vectors_ngrams)


def test_damaged_files_are_one_clear_line(trained, tmp_path):
    good = tmp_path / "m.bin"
    trained.save_facebook(good)
    data = good.read_bytes()
    cases = {
        "not.bin": (b"4 2\nword 1 2\n", "magic"),
        "cut.bin": (data[: len(data) // 2], "truncated"),
        "head.bin": (data[:30], "truncated"),
        "sup.bin": (data[:8] + data[8:36] + struct.pack("<i", 3) + data[40:], "supervised"),
    }
    for name, (content, needle) in cases.items():
        p = tmp_path / name
        p.write_bytes(content)
        with pytest.raises(FormatError, match=needle) as err:
            FastTextVectors.load_facebook(p)
        assert "\n" not in str(err.value)
    with pytest.raises(FormatError, match="cannot read"):
        FastTextVectors.load_facebook(tmp_path / "absent.bin")
