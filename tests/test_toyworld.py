"""toy-world: deterministic by seed and size, consistent analogy file, learnable relations."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest

from corpora import open_corpus
from corpora.toyworld import (
    ANALOGIES_PATH,
    DEFAULT_SIZE,
    FAMILIES,
    TEMPLATES,
    ToyWorld,
    analogy_lines,
    target_words,
)
from engine.errors import CorpusError


def test_deterministic_by_seed_and_size():
    a = list(ToyWorld(seed=7, size=500))
    assert a == list(ToyWorld(seed=7, size=500))
    assert a != list(ToyWorld(seed=8, size=500))
    assert len(a) == 500 and len(list(ToyWorld(seed=7, size=123))) == 123
    # a bigger world with the same seed starts with the same sentences
    assert list(ToyWorld(seed=7, size=800))[:500] == a


def test_reiterable_and_opened_by_name():
    corpus = open_corpus("toy-world", seed=3, size=300)
    assert corpus.name == "toy-world" and corpus.analogies == ANALOGIES_PATH
    first = list(corpus)
    assert list(corpus) == first
    assert corpus.token_estimate == sum(map(len, first))
    assert corpus.size == "300 sentences"


@pytest.mark.parametrize("size", [0, -5, 2.5, "big", True])
def test_bad_size(size):
    with pytest.raises(CorpusError, match="toy-world size"):
        open_corpus("toy-world", size=size)


def test_bad_seed():
    with pytest.raises(CorpusError, match="toy-world seed"):
        open_corpus("toy-world", seed="abc")


def test_target_words_are_balanced():
    targets = target_words()
    size = 10 * len(targets) + 3
    counts = Counter(w for s in ToyWorld(seed=1, size=size) for w in s)
    assert {counts[w] for w in targets} <= {10, 11}


def test_world_is_well_formed():
    """Targets, pair contexts, side contexts and template fillers never overlap: each word
    plays one role, which is what makes the relations clean vector offsets."""
    targets = target_words()
    assert len(targets) == len(set(targets))
    pair_ctx = [c for pairs, _ in FAMILIES.values() for _, _, cs in pairs for c in cs]
    assert len(pair_ctx) == len(set(pair_ctx))
    sides = [w for _, ss in FAMILIES.values() for side in ss for w in side]
    assert len(sides) == len(set(sides))
    fillers = {w.lower() for ts in TEMPLATES.values() for t in ts for w in t.split()} - set("WPS")
    groups = [set(targets), set(pair_ctx), set(sides), fillers]
    for x, y in itertools.combinations(groups, 2):
        assert not x & y, x & y


def test_analogy_file_is_generated_from_the_tables():
    assert ANALOGIES_PATH.read_text(encoding="utf-8").splitlines() == analogy_lines()
    lines = analogy_lines()
    sections = [ln[2:] for ln in lines if ln.startswith(": ")]
    assert sections == list(FAMILIES)
    questions = [ln.split() for ln in lines if not ln.startswith(":")]
    assert all(len(q) == 4 and len(set(q)) == 4 for q in questions)
    n = sum(len(p) * (len(p) - 1) for p, _ in FAMILIES.values())
    assert len(questions) == n


def test_every_analogy_word_reaches_min_count_at_default_size():
    assert open_corpus("toy-world").size == f"{DEFAULT_SIZE:,} sentences"
    counts = Counter(w for s in open_corpus("toy-world") for w in s)
    words = {w for ln in analogy_lines() if not ln.startswith(":") for w in ln.split()}
    assert min(counts[w] for w in words) >= 5
    assert 150 <= len(counts) <= 1000  # small vocabulary: trains in seconds
    # small enough that wordlab's trainer passes the bar in under a minute (bench_toyworld.py)
    assert 50_000 <= sum(counts.values()) <= 150_000


def test_relations_are_learnable_by_skipgram():
    from gensim.models import Word2Vec

    sentences = list(ToyWorld(seed=2, size=8_000))  # a fifth of the default: a few seconds
    model = Word2Vec(sentences, vector_size=50, window=5, sg=1, negative=5, min_count=5,
                     workers=1, epochs=5, seed=1)
    correct = total = 0
    for line in analogy_lines():
        if line.startswith(":"):
            continue
        a, b, c, d = line.split()
        guess = model.wv.most_similar(positive=[b, c], negative=[a], topn=1)[0][0]  # 3CosAdd
        correct += guess == d
        total += 1
    assert correct / total >= 0.9, f"{correct}/{total}"
