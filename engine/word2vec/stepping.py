"""Step mode: a ``TrainingSession`` to train one example at a time, built for a corpus.

``step_session(corpus, arch=..., loss=..., model=..., corpus_name=...)`` is the factory the
app's Step pane calls (in a worker: a big corpus's vocabulary takes time to build):

* **from the model in use** (``model`` given: the caller passes it only when the model was
  trained on this very corpus): a copy of its vocabulary and weights, so stepping never
  touches the model that Explore and Evaluate use;
* **fresh weights** otherwise: the corpus's own vocabulary (``engine.settings``: the lecture's
  12 words all count), small enough to read (d = 10, window 2).

Why fresh step weights are not word2vec.c's.  word2vec.c starts ``W_out = 0`` and W_in at
1/d of a unit (U(-0.5/d, 0.5/d); gensim 4 U(-1/d, 1/d)), so ``|h|^2`` is about 1/(3d): one
update moves a score by about ``lr * |h|^2``, 0.001 at lr 0.025 - p stayed at 0.083 and every
sigmoid at 0.500 for a hundred examples, and nothing a student could see moved.  Step mode
keeps ``W_out = 0`` (so the first example still shows dL/dh = 0) but draws W_in from
U(-0.5, 0.5), and uses a constant learning rate of at least ``STEP_ALPHA``: repeating one
lecture example then takes p(target) 0.083 -> 0.096 -> 0.112 -> 0.135 -> 0.174 (softmax) and
σ 0.50 -> 0.52 -> 0.54 -> 0.57 (negative sampling), and the mean loss of plain stepping falls
from 2.48 to 2.13 within 400 examples.  At lr 1.0 it diverges within 300 examples.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.errors import CorpusError
from engine.settings import training_settings
from engine.word2vec import StepTrace, TrainingSession, Word2Vec, Word2VecConfig

STEP_DIM = 10           # a fresh step session: h and dL/dh fit on screen
STEP_WINDOW = 2         # ... and a sentence's pairs fit in the pairs table
STEP_ALPHA = 0.25       # the least step learning rate (see the module's docstring)
STEP_INIT = 0.5         # fresh W_in ~ U(-STEP_INIT, STEP_INIT)


def step_config(corpus_name: str | None, arch: str, loss: str,
                model: Word2Vec | None = None, **overrides) -> Word2VecConfig:
    """The step session's settings: the model's (with ``arch``/``loss``) or the corpus's
    training settings made readable; one epoch, no subsampling, a constant learning rate.
    ``overrides`` (None: not given) change the corpus's settings, e.g. the ``min_count`` the
    user chose for the corpus."""
    if model is not None:
        base = model.config
    else:
        base = training_settings(corpus_name, **overrides).replace(dim=STEP_DIM,
                                                                   window=STEP_WINDOW)
    lr = base.alpha if model is not None else max(base.alpha, STEP_ALPHA)
    return base.replace(arch=arch, loss=loss, sample=0.0, epochs=1, alpha=lr, min_alpha=lr,
                        seed=1)


@dataclass(frozen=True, eq=False)
class StepFacts:
    """What the pane explains beside one example's numbers (data only)."""

    #: the W_out rows scored were all zero before the update (word2vec.c's start): every
    #: score was 0, dL/dh = 0 and W_in did not move.
    w_out_was_zero: bool
    #: the pass over this same example (1 = first time; ``repeat()`` adds one).
    passes: int
    #: the centre word's effective window (word2vec.c: window - b, b drawn in [0, window)),
    #: and how many examples that centre gave (Skip-gram) or context words it has (CBOW);
    #: the window is None when the sentence's ends make several windows give that count.
    effective_window: int | None
    centre_examples: int | None
    #: the noise draws equal to the target (skipped, as word2vec.c does), and noise words
    #: drawn more than once (their rows get every update).
    noise_skipped: int = 0
    noise_repeated: tuple[str, ...] = ()
    #: fresh weights: no earlier example had moved the input rows of W_in, so h is W_in as
    #: first drawn (always False when stepping through a trained model)
    h_initial: bool = False


class StepSession:
    """A ``TrainingSession`` driven one example at a time, with ``repeat()``."""

    def __init__(self, session: TrainingSession, source: str) -> None:
        self.session = session
        #: "model": a copy of the model in use; "fresh": new weights on the corpus
        self.source = source
        self.last: StepTrace | None = None
        self.facts: StepFacts | None = None
        self._mark = None       # (plan, k) after the last step: repeat() needs them unchanged
        self._moved: set[int] = set()   # W_in rows an example has moved (fresh weights)

    # delegation ------------------------------------------------------------------
    @property
    def vocab(self):
        return self.session.vocab

    @property
    def config(self) -> Word2VecConfig:
        return self.session.config

    @property
    def model(self) -> Word2Vec:
        return self.session.model

    def peek(self):
        return self.session.peek()

    def sentence_pairs(self):
        return self.session.sentence_pairs()

    def next_sentence(self) -> None:
        self.session.next_sentence()

    # stepping --------------------------------------------------------------------
    def step(self) -> StepTrace:
        """Train the next example."""
        s = self.session
        trace = s.step()
        self._mark = (s._plan, s._k)
        self._remember(trace, passes=1)
        return trace

    def can_repeat(self) -> bool:
        s = self.session
        return self.last is not None and self._mark == (s._plan, s._k)

    def repeat(self) -> StepTrace:
        """Train the example just trained once more: the same input, target, noise draws and
        learning rate, from the weights it left (p of the target rises pass after pass)."""
        if not self.can_repeat():
            raise CorpusError("no example to repeat yet: train one first")
        s = self.session
        s._k -= 1                   # the plan still holds it: step() trains it again
        s._steps -= 1               # ... as the same example, not a new one
        trace = s.step()
        self._mark = (s._plan, s._k)
        self._remember(trace, passes=self.facts.passes + 1)
        return trace

    def _remember(self, trace: StepTrace, passes: int) -> None:
        self.last = trace
        window, count = self._centre_window(trace)
        h_initial = self.source == "fresh" and not (set(trace.input_ids) & self._moved)
        self._moved.update(i for i, d in trace.W_in_delta.items() if np.any(d))
        self.facts = StepFacts(
            w_out_was_zero=self._w_out_was_zero(trace), passes=passes,
            effective_window=window, centre_examples=count,
            noise_skipped=self._noise_skipped(trace), noise_repeated=self._noise_repeated(trace),
            h_initial=h_initial)

    def _w_out_was_zero(self, trace: StepTrace) -> bool:
        W_out = self.model.W_out
        rows = list(trace.W_out_delta)
        before = W_out[rows] - np.stack([trace.W_out_delta[r] for r in rows])
        return not np.any(before)

    def _noise_skipped(self, trace: StepTrace) -> int:
        if trace.loss_kind != "neg":
            return 0
        return max(0, self.config.negative - (len(trace.target_ids) - 1))

    def _noise_repeated(self, trace: StepTrace) -> tuple[str, ...]:
        if trace.loss_kind != "neg":
            return ()
        noise = trace.target_words[1:]
        return tuple(sorted({w for w in noise if noise.count(w) > 1}))

    def _centre_window(self, trace: StepTrace) -> tuple[int | None, int | None]:
        """The effective window word2vec.c drew for this example's centre word, from the
        number of examples that centre gave (sentence ends cut some windows short: then
        the smallest window that explains the count)."""
        plan = getattr(self.session, "_plan", None)
        ex = getattr(plan, "examples", None)
        k = self.session._k - 1
        if ex is None or not 0 <= k < len(ex):
            return None, None
        same = (ex.sentence == ex.sentence[k]) & (ex.position == ex.position[k])
        # Skip-gram: one example per context word; CBOW: one example with every context word
        count = int(same.sum()) if trace.arch == "sg" else int(ex.n_inputs[k])
        length, pos = len(trace.sentence), trace.position
        fits = [w for w in range(1, self.config.window + 1)
                if min(pos, w) + min(length - 1 - pos, w) == count]
        # several windows give the same count where the sentence's ends cut them: unknown
        return (fits[0] if len(fits) == 1 else None), count


def step_session(corpus, *, arch: str = "sg", loss: str = "softmax",
                 model: Word2Vec | None = None, corpus_name: str | None = None,
                 **overrides) -> StepSession:
    """A step session on ``corpus``: from a copy of ``model`` (which must have been trained on
    this corpus: its vocabulary is used as is) or from fresh weights (see the module's doc).

    ``overrides`` go to the fresh session's settings (``min_count=1``; ignored with a model).
    Raises ``WordlabError`` (``CorpusError`` for a corpus with no examples, ``ConfigError``);
    plans the first sentence, so a corpus too small fails here and not on the first step."""
    config = step_config(corpus_name if corpus_name is not None else getattr(corpus, "name", None),
                         arch, loss, model, **overrides)
    if model is not None:
        session = TrainingSession(config, corpus, vocab=model.vocab)
        np.copyto(session.model.W_in, model.W_in)          # a copy: the model is untouched
        same_rows = (config.loss == "hs") == (model.config.loss == "hs")
        if same_rows and session.model.W_out.shape == model.W_out.shape:
            np.copyto(session.model.W_out, model.W_out)
        source = "model"
    else:
        session = TrainingSession(config, corpus)
        rng = np.random.default_rng(np.random.SeedSequence([config.seed, 2]))
        W_in = session.model.W_in
        W_in[...] = ((2.0 * rng.random(W_in.shape) - 1.0) * STEP_INIT).astype(W_in.dtype)
        source = "fresh"
    session.sentence_pairs()        # plans the first chunk; raises for a corpus too small
    return StepSession(session, source)
