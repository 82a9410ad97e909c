"""Streaming holds end to end: training on a file much bigger than what the process holds.

Issue 3's "done when": a test trains on a generated file while the process's peak memory
stays well below the file's size.  Runs in a fresh interpreter so that ru_maxrss (the peak
resident set) belongs to this experiment alone; the baseline is taken after a warm-up run on
the lecture corpus, so imports and one-off allocations are not counted against streaming.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = r"""
import dataclasses, json, resource, sys
from corpora import open_corpus
from engine.word2vec import TrainingSession, Word2VecConfig

def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB

# sample=1e-5 drops most of this 500-word corpus: the test is about memory, not quality
config = Word2VecConfig(dim=16, epochs=1, sample=1e-5, min_count=1, threads=2)
TrainingSession(config, open_corpus("lecture")).run()
base = peak()
corpus = open_corpus(sys.argv[1])
session = TrainingSession(dataclasses.replace(config, min_count=5), corpus)
progress = session.run()
print(json.dumps({"growth": peak() - base, "tokens": corpus.tokens_seen,
                  "vocab": len(session.vocab), "finished": bool(progress.finished)}))
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in KiB on Linux only")
def test_training_on_a_big_file_streams(tmp_path):
    path = tmp_path / "big.txt"
    words = [f"streamingmemorytestword{i:03d}" for i in range(500)]
    line = " ".join(words) + " "
    with open(path, "w") as f:  # ~48 MB, one line, no newline: text8's shape
        for _ in range(48_000_000 // len(line)):
            f.write(line)
    size = path.stat().st_size
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(path)], cwd=ROOT,
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["finished"] and result["vocab"] == 500
    assert result["tokens"] == size // len(line) * 500
    assert result["growth"] < size / 2, (
        f"peak memory grew by {result['growth'] / 1e6:.0f} MB training on a {size / 1e6:.0f} MB file")
