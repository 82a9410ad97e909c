"""The lesson's steps, in the lecture's order (issue 10, section 1).  Plain data: no textual.

Each step's title and text are the i18n keys ``lesson.<key>.title`` / ``lesson.<key>.text``;
the live view ``tui/lesson/views.py`` builds for it is ``VIEWS[key]``.  Every step of the
issue's list is here: Seq2Seq (issue 10 step 5: ``seq2seq``, ``seq2seq-long``) after the LSTM
steps, as in the lecture, and king - man + woman on vectors trained on toy-world, the largest
corpus wordlab ships (``king-queen``; text8 is a download and trains in minutes, not seconds).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    key: str          # i18n: lesson.<key>.title, lesson.<key>.text
    section: str      # the lecture's section (i18n: lesson.section.<section>)


STEPS: tuple[Step, ...] = (
    # 1. RNN review
    Step("rnn", "rnn"),
    Step("shapes", "rnn"),
    Step("bptt", "rnn"),
    Step("vanishing", "rnn"),
    # 2. LSTM review
    Step("forget-all", "lstm"),
    Step("remember-all", "lstm"),
    Step("input-gate", "lstm"),
    Step("cell-update", "lstm"),
    Step("lstm-sentence", "lstm"),
    Step("flow", "lstm"),
    # 2b. LSTM's limits: Seq2Seq
    Step("seq2seq", "lstm"),
    Step("seq2seq-long", "lstm"),
    # 3. word representations
    Step("onehot", "words"),
    Step("onehot-size", "words"),
    Step("onehot-distance", "words"),
    Step("embedding", "words"),
    # 4. training Word2Vec
    Step("model-untrained", "word2vec"),
    Step("model-trained", "word2vec"),
    Step("cbow", "word2vec"),
    Step("skipgram", "word2vec"),
    # 5. what practitioners use
    Step("output-cost", "word2vec"),
    Step("negative", "word2vec"),
    Step("hierarchical", "word2vec"),
    Step("train-corpus", "word2vec"),
    Step("king-queen", "word2vec"),
)

KEYS: tuple[str, ...] = tuple(s.key for s in STEPS)


def step_count() -> int:
    return len(STEPS)


def check_step(number: int) -> int:
    """The 0-based index of step ``number`` (1-based, as on screen); ValueError with one line."""
    if not 1 <= number <= len(STEPS):
        raise ValueError(f"there is no lesson step {number}: the steps are 1 to {len(STEPS)}")
    return number - 1
