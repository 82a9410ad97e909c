"""corpus_stats: counts, coverage at min_count, top words, Zipf points."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from corpora import corpus_stats, open_corpus
from corpora.stats import zipf_points

WIKI = Path("/work/shared/corpora/wiki-bench.txt")


def test_stats_on_a_small_file(tmp_path):
    p = tmp_path / "s.txt"
    p.write_text("the cat sat on the mat\nthe dog sat\nA cat!\n")
    stats = corpus_stats(open_corpus(p), min_count=2, top=3)
    assert stats.tokens == 11 and stats.types == 7 and stats.sentences == 3
    # the:3 cat:2 sat:2 kept at min_count 2 -> 7 of 11 tokens covered
    assert stats.types_at_min_count == 3
    assert stats.coverage == pytest.approx(7 / 11)
    assert stats.top == (("the", 3), ("cat", 2), ("sat", 2))
    assert stats.zipf[0] == (1, 3) and stats.zipf[-1] == (7, 1)
    assert stats.replaced_bytes == 0 and stats.notes == ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        stats.tokens = 0


def test_stats_report_replaced_bytes(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("déjà vu à Noël\n".encode("latin-1"))
    stats = corpus_stats(open_corpus(p), min_count=1)
    assert stats.replaced_bytes == 4 and stats.coverage == 1.0
    assert stats.notes == ("latin1.txt: not valid UTF-8; 4 bytes replaced (read as Windows-1252)",)
    assert dict(stats.top) == {"déjà": 1, "vu": 1, "à": 1, "noël": 1}


def test_stats_on_plain_lists():
    stats = corpus_stats([["a", "b"], ["a"]], min_count=5)
    assert (stats.tokens, stats.types, stats.types_at_min_count, stats.coverage) == (3, 2, 0, 0.0)
    assert corpus_stats([], min_count=1).tokens == 0


def test_lecture_stats():
    stats = corpus_stats(open_corpus("lecture"), min_count=1)
    assert stats.types == 12 and stats.coverage == 1.0 and stats.sentences == 20


def test_zipf_points_are_log_spaced_and_bounded():
    counts = sorted(range(1, 100_001), reverse=True)
    pts = zipf_points(counts)
    ranks = [r for r, _ in pts]
    assert len(pts) <= 201 and ranks[0] == 1 and ranks[-1] == 100_000
    assert ranks == sorted(set(ranks))
    assert all(c == counts[r - 1] for r, c in pts)
    assert sum(r <= 100 for r in ranks) > sum(r > 10_000 for r in ranks) / 2  # dense at the head
    assert zipf_points([5, 3]) == ((1, 5), (2, 3)) and zipf_points([]) == ()


@pytest.mark.skipif(not WIKI.is_file(), reason="needs /work/shared/corpora/wiki-bench.txt")
def test_wiki_bench_figures_match_its_readme():
    stats = corpus_stats(open_corpus(WIKI), min_count=5)
    assert (stats.tokens, stats.types, stats.types_at_min_count) == (686_478, 30_481, 10_645)
    assert stats.top[0] == ("the", 56_525)
    assert 0.9 < stats.coverage < 1.0
