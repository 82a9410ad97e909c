"""Analogy and word-pair evaluation: the same numbers as gensim, clear errors for bad files."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from corpora.evalsets import (EVAL_DIR, eval_set_path, list_eval_sets,
                              resolve_eval_source)
from engine.errors import ConfigError, CorpusError, FormatError
from engine.evaluate import (evaluate_analogies,
                             evaluate_pairs, pearson, rankdata, spearman)
from engine.vectors import KeyedVectors

# gensim and scipy are test requirements: a broken install must fail here, not skip the module
import gensim.models.keyedvectors as gensim_kv  # noqa: E402
import scipy.stats as stats  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# 40 words with case variants (King after king, QUEEN before queen) to exercise gensim's
# upper-casing: the first variant of a word stands for it.
WORDS = (["king", "queen", "man", "woman", "King", "QUEEN", "paris", "france", "berlin",
          "germany", "Rome", "italy", "big", "bigger", "small", "smaller", "왕", "여왕"]
         + [f"w{i:02d}" for i in range(22)])


@pytest.fixture(scope="module")
def kv_pair():
    rng = np.random.default_rng(11)
    vecs = rng.standard_normal((len(WORDS), 6)).astype(np.float32)
    # case variants close to their lower-case twin: they come up as candidates and must be
    # skipped as "the same word" when case-insensitive (gensim's ignore set)
    for variant, twin in (("King", "king"), ("QUEEN", "queen")):
        vecs[WORDS.index(variant)] = vecs[WORDS.index(twin)] + 0.05 * rng.standard_normal(6)
    ours = KeyedVectors(WORDS, vecs)
    g = gensim_kv.KeyedVectors(6)
    g.add_vectors(WORDS, vecs)
    return ours, g


def _questions(g, restrict: int) -> list[str]:
    """A Google-format file: half the answers are what gensim predicts (so accuracy is not
    trivially 0), plus OOV words, words beyond restrict_vocab, mixed case, bad lines."""
    rng = np.random.default_rng(5)
    lines = []
    for sec in ("capital-common", "family", "gram-mixed", "empty-section"):
        lines.append(f": {sec}")
        if sec == "empty-section":
            continue
        for q in range(30):
            a, b, c = rng.choice(WORDS[:restrict], size=3, replace=False)
            if q % 2 == 0:
                with np.errstate(all="ignore"):
                    d = g.most_similar(positive=[b, c], negative=[a], topn=1,
                                       restrict_vocab=restrict)[0][0]
            else:
                d = rng.choice(WORDS)
            if q % 3 == 0:
                a, d = a.upper(), d.capitalize()
            lines.append(f"{a} {b} {c} {d}")
        for b, d in (("king", "queen"), ("queen", "king"), ("king", "Rome")):
            lines.append(f"man {b} woman {d}")            # a variant of b is a candidate
        lines.append("king queen unknownword woman")     # OOV: skipped
        lines.append("King QUEEN w39 w38")                # beyond restrict when restrict < 38
        lines.append("only three words")                  # invalid: not 4 words
    return [ln + "\n" for ln in lines]


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@pytest.mark.parametrize("restrict", [40, 30])
@pytest.mark.parametrize("case_insensitive", [True, False])
def test_analogies_match_gensim(tmp_path, kv_pair, restrict, case_insensitive):
    ours, g = kv_pair
    path = tmp_path / "q.txt"
    path.write_text("".join(_questions(g, restrict)), encoding="utf-8")
    res = evaluate_analogies(ours, path, restrict_vocab=restrict,
                             case_insensitive=case_insensitive)
    score, sections = g.evaluate_word_analogies(str(path), restrict_vocab=restrict,
                                                case_insensitive=case_insensitive)
    total = sections.pop()
    assert [s.name for s in res.sections] == [s["section"] for s in sections]
    for mine, theirs in zip(res.sections, sections):
        assert mine.correct == len(theirs["correct"])
        assert mine.total == len(theirs["correct"]) + len(theirs["incorrect"])
    assert res.correct == len(total["correct"]) and res.correct > 0
    assert res.accuracy == pytest.approx(score)
    assert res.invalid == 3
    assert res.skipped >= 3
    # the same from an iterable of lines
    again = evaluate_analogies(ours, path.read_text(encoding="utf-8").splitlines(),
                               restrict_vocab=restrict, case_insensitive=case_insensitive)
    assert again == res


def test_analogy_batches_agree_with_single_queries(kv_pair, monkeypatch):
    ours, g = kv_pair
    lines = _questions(g, 40)
    import engine.evaluate as ev

    full = evaluate_analogies(ours, lines, restrict_vocab=40)
    monkeypatch.setattr(ev, "_BATCH", 1)
    assert evaluate_analogies(ours, lines, restrict_vocab=40) == full
    monkeypatch.setattr(ev, "_BATCH", 7)
    assert evaluate_analogies(ours, lines, restrict_vocab=40) == full


def test_planted_analogies_all_correct():
    rng = np.random.default_rng(0)
    royal, male, female, cap, fr, de = rng.standard_normal((6, 20))
    vecs = {"king": royal + male, "queen": royal + female, "man": male, "woman": female,
            "paris": cap + fr, "france": fr, "berlin": cap + de, "germany": de}
    kv = KeyedVectors(list(vecs), np.array(list(vecs.values())))
    res = evaluate_analogies(kv, [": family", "man king woman queen", "woman queen man king",
                                  ": capital", "france paris germany berlin",
                                  "france paris germany nowhere"])
    assert [(s.name, s.correct, s.total, s.skipped) for s in res.sections] == [
        ("family", 2, 2, 0), ("capital", 1, 1, 1)]
    assert res.accuracy == 1.0 and res.skipped == 1 and res.questions == 4
    d = res.to_dict()
    assert json.loads(json.dumps(d)) == d and d["sections"][1]["accuracy"] == 1.0


@pytest.mark.parametrize("content,match", [
    ("a b c d\n: sec\n", "before the first"),
    (": only a header\n", "no analogy questions"),
    ("", "no analogy questions"),
])
def test_bad_analogy_files(tmp_path, kv_pair, content, match):
    p = tmp_path / "bad.txt"
    p.write_text(content)
    with pytest.raises(FormatError, match=match) as e:
        evaluate_analogies(kv_pair[0], p)
    assert str(p) in str(e.value) and "\n" not in str(e.value)


def test_utf8_bom_is_accepted(tmp_path, kv_pair):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeff: family\nman king woman queen\n".encode("utf-8"))
    res = evaluate_analogies(kv_pair[0], p)
    assert [s.name for s in res.sections] == ["family"] and res.total == 1


def test_binary_and_missing_eval_files(tmp_path, kv_pair):
    p = tmp_path / "bin.txt"
    p.write_bytes(b": x\n\x00\x01\x02\xff\n")
    with pytest.raises(FormatError, match="binary"):
        evaluate_analogies(kv_pair[0], p)
    p.write_bytes(b"a\tb\t1\n\xff\xfe\t2\n")
    with pytest.raises(FormatError, match="UTF-8"):
        evaluate_pairs(kv_pair[0], p)
    with pytest.raises(FormatError, match="cannot read"):
        evaluate_pairs(kv_pair[0], tmp_path / "missing.tsv")
    with pytest.raises(FormatError, match="line 2 is not UTF-8"):
        evaluate_analogies(kv_pair[0], [b": s\n", b"\xff a b c\n"])
    with pytest.raises(ConfigError):
        evaluate_analogies(kv_pair[0], [": s", "a b c d"], restrict_vocab=0)


def _pairs_file(tmp_path) -> Path:
    rng = np.random.default_rng(2)
    lines = ["# a comment\n", "# Word 1\tWord 2\tHuman (mean)\n"]
    for _ in range(40):
        a, b = rng.choice(WORDS, size=2, replace=False)
        if rng.random() < 0.3:
            a = a.upper()
        lines.append(f"{a}\t{b}\t{rng.integers(0, 20) / 2}\n")  # ties in the gold scores
    lines += ["king\tnotaword\t5.0\n", "Zzz\tqueen\t1\n", "bad line\n", "a\tb\tnotanumber\n"]
    p = tmp_path / "pairs.tsv"
    p.write_text("".join(lines), encoding="utf-8")
    return p


@pytest.mark.parametrize("restrict", [300000, 20])
@pytest.mark.parametrize("case_insensitive", [True, False])
def test_pairs_match_gensim(tmp_path, kv_pair, restrict, case_insensitive):
    ours, g = kv_pair
    p = _pairs_file(tmp_path)
    res = evaluate_pairs(ours, p, restrict_vocab=restrict, case_insensitive=case_insensitive)
    (pr, _), (sr, _), oov = g.evaluate_word_pairs(str(p), restrict_vocab=restrict,
                                                  case_insensitive=case_insensitive)
    assert res.spearman == pytest.approx(sr, abs=1e-6)
    assert res.pearson == pytest.approx(pr, abs=1e-6)
    assert 100 * res.oov_ratio == pytest.approx(oov)
    assert res.invalid == 2 and res.skipped >= 2
    assert res.used + res.skipped == 42


def test_pairs_whitespace_separated_and_to_dict(tmp_path, kv_pair):
    ours, _ = kv_pair
    tab = evaluate_pairs(ours, ["king\tqueen\t8\n", "man\twoman\t7\n", "big\tw00\t1\n"])
    spaces = evaluate_pairs(ours, ["king queen 8", "man   woman 7", "big w00 1"])
    assert tab == spaces and tab.used == 3
    d = spaces.to_dict()
    assert json.loads(json.dumps(d)) == d and d["oov_percent"] == 0.0


def test_pairs_undefined_correlation_is_none(kv_pair):
    ours, _ = kv_pair
    res = evaluate_pairs(ours, ["nope\tnada\t3\n", "king\tqueen\t2\n"])
    assert res.spearman is None and res.pearson is None  # one usable pair
    assert res.used == 1 and res.skipped == 1 and res.oov_ratio == 0.5
    with pytest.raises(FormatError, match="no word pairs"):
        evaluate_pairs(ours, ["# only a comment\n", "one two\n"])


def test_rank_statistics_match_scipy():
    rng = np.random.default_rng(4)
    for n in (2, 3, 10, 57):
        x = rng.integers(0, 5, n).astype(float)  # many ties
        y = rng.standard_normal(n)
        np.testing.assert_allclose(rankdata(x), stats.rankdata(x))
        if np.ptp(x) > 0:
            assert spearman(x, y) == pytest.approx(stats.spearmanr(x, y)[0], abs=1e-12)
            assert pearson(x, y) == pytest.approx(stats.pearsonr(x, y)[0], abs=1e-12)
    assert spearman([1, 1, 1], [1, 2, 3]) is None
    assert pearson([1.0], [2.0]) is None
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)


def test_shipped_eval_sets(tmp_path):
    names = [s.name for s in list_eval_sets()]
    assert names == ["google", "wordsim353", "toy-world"]
    google = eval_set_path("google")
    assert google.parent == EVAL_DIR and google.is_file()
    assert sum(1 for ln in google.open(encoding="utf-8") if not ln.startswith(":")) == 19544
    ws = eval_set_path("wordsim353")
    assert sum(1 for ln in ws.open(encoding="utf-8") if not ln.startswith("#")) == 353
    assert (EVAL_DIR / "README.md").read_text().count("Licence") >= 2
    with pytest.raises(CorpusError, match="known: google, wordsim353, toy-world"):
        eval_set_path("simlex")
    own = tmp_path / "mine.txt"
    own.write_text(": s\na b c d\n")
    assert resolve_eval_source(own) == own
    assert resolve_eval_source("wordsim353") == ws
    with pytest.raises(CorpusError, match="shipped sets"):
        resolve_eval_source(tmp_path / "nope.txt")


def test_toy_world_set_resolves_to_a_google_format_file():
    path = eval_set_path("toy-world")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith(": ")
    words = sorted({w for ln in lines if not ln.startswith(":") for w in ln.split()})
    kv = KeyedVectors(words, np.random.default_rng(0).standard_normal((len(words), 4)))
    res = evaluate_analogies(kv, path)
    assert res.skipped == 0 and res.invalid == 0 and res.total > 0


def test_toy_world_unavailable_fails_with_one_line(monkeypatch):
    import corpora

    def broken(name, **options):
        raise CorpusError(f"cannot generate {name}")

    monkeypatch.setattr(corpora, "open_corpus", broken)
    with pytest.raises(CorpusError, match="toy-world analogy set is not available") as e:
        eval_set_path("toy-world")
    assert "\n" not in str(e.value)


def test_shipped_files_match_shared_copies():
    if not (SHARED / "eval").is_dir():
        pytest.skip("../shared/eval is not present (only on the build machine)")
    for name in ("questions-words.txt", "wordsim353.tsv"):
        assert (EVAL_DIR / name).read_bytes() == (SHARED / "eval" / name).read_bytes()


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_wiki_bench_agrees_with_gensim_to_3_decimals():
    corpus = SHARED / "corpora" / "wiki-bench.txt"
    if not corpus.is_file():
        pytest.skip("../shared/corpora/wiki-bench.txt is not present")
    from gensim.models import Word2Vec

    sentences = [line.split() for line in corpus.open(encoding="utf-8")]
    # 5 epochs rather than 1: one epoch of dim 50 answers no question at all, and a
    # comparison of two zeros would prove nothing.
    model = Word2Vec(sentences, vector_size=50, epochs=5, min_count=5, workers=2, seed=1)
    g = model.wv
    kv = KeyedVectors(g.index_to_key, g.vectors)
    ours = evaluate_analogies(kv, eval_set_path("google"), restrict_vocab=30000)
    score, sections = g.evaluate_word_analogies(str(eval_set_path("google")),
                                                restrict_vocab=30000)
    total = sections.pop()
    assert round(ours.accuracy, 3) == round(score, 3)
    assert ours.correct == len(total["correct"]) > 0
    assert ours.total == len(total["correct"]) + len(total["incorrect"])
    assert ours.questions == 19544
    for mine, theirs in zip(ours.sections, sections):
        assert (mine.name, mine.correct) == (theirs["section"], len(theirs["correct"]))
    pairs = evaluate_pairs(kv, eval_set_path("wordsim353"))
    (pr, _), (sr, _), oov = g.evaluate_word_pairs(str(eval_set_path("wordsim353")))
    assert round(pairs.spearman, 3) == round(sr, 3)
    assert round(pairs.pearson, 3) == round(pr, 3)
    assert round(100 * pairs.oov_ratio, 3) == round(oov, 3)
