"""What the app is looking at: one state, owned by the App, that every pane reads.

The state is a frozen snapshot (``AppState``).  The App holds the current one in a single
reactive attribute, ``app.state``, and replaces it only through its own methods
(``WordlabApp.set_corpus``, ``set_model``, ``set_vectors``, ``set_language_model`` ...), which
apply the rules below.  Panes never keep a copy of the corpus or the model: they watch
``app.state`` and compare the generation numbers of what they drew (``corpus_gen``,
``model_gen``, ``lm_gen``) with the new state's, and clear or redraw what changed.

The rules, as the app shows them:

1. **Every model says where it comes from.**  Word2Vec weights and vectors carry a
   ``Provenance``: trained on which corpus (its name and the corpus generation), with which
   settings, how far (finished, stopped early, failed with the last good weights), or loaded
   from which file.  ``Provenance.label()`` is the line the panes print beside any result.
2. **Switching corpus keeps the vectors, labelled.**  A model trained on corpus X stays in
   use for Explore and Evaluate after a switch to Y, labelled "trained on X", and the user is
   told so.  The panes that work on the corpus itself (One-hot's words, Step's examples, Train's
   figures) start from the new corpus: Step steps through fresh weights, since X's vocabulary
   does not cover Y's words.  ``AppState.model_fits_corpus`` says which case holds.
3. **Switching corpus while a run trains asks first** (stop it and switch, or keep training).
4. **Loaded vectors have no corpus**: labelled "loaded from PATH"; they never stand for the
   current corpus's model in step mode.
5. **The language model** (LSTM pane) follows the same rules with its own generation.
6. **Models side by side.**  The latest vectors of each model family (Word2Vec, GloVe,
   FastText) trained in this session on the corpus now open are kept in ``trained``, for
   Evaluate's comparison; a new corpus (or new corpus options) empties it, loaded vectors
   and the last good weights of a failed run never enter it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Provenance:
    """Where a model or a set of vectors comes from."""

    #: "trained" (the run finished), "stopped" (stopped early), "failed" (the last good
    #: weights of a run that failed), "loaded" (read from a file).
    origin: str
    #: the corpus the model was trained on (its display name), None for loaded vectors.
    corpus: str | None = None
    #: the ``AppState.corpus_gen`` it was trained on, None for loaded vectors.
    corpus_gen: int | None = None
    #: the training settings (an engine config), None for loaded vectors.
    config: Any = None
    #: epochs completed (fractional for a stopped run).
    epochs: float | None = None
    #: the file the vectors were loaded from.
    path: str | None = None

    def label(self) -> str:
        """One line for the screen: 'trained on toy-world · sg/neg d=100 · 5 epochs' (in the
        app's language, tui.i18n)."""
        from tui.i18n import t

        if self.origin == "loaded":
            return t("state.loaded", path=self.path) if self.path else t("state.loaded-file")
        parts = [t("state.trained-on", corpus=self.corpus)]
        cfg = self.config
        if cfg is not None and hasattr(cfg, "bucket"):
            parts.append(f"FastText {cfg.arch} d={cfg.dim}")
        elif cfg is not None and hasattr(cfg, "arch"):
            parts.append(f"{cfg.arch}/{cfg.loss} d={cfg.dim}")
        elif cfg is not None and hasattr(cfg, "x_max"):
            parts.append(f"GloVe d={cfg.dim}")
        elif cfg is not None and hasattr(cfg, "cell"):
            parts.append(f"{cfg.cell} H={getattr(cfg, 'hidden', '?')}")
        if self.epochs is not None:
            whole = abs(self.epochs - round(self.epochs)) < 1e-9
            parts.append(t("state.epochs", n=f"{self.epochs:.0f}" if whole else f"{self.epochs:.2f}"))
        if self.origin == "stopped":
            parts.append(t("state.stopped"))
        elif self.origin == "failed":
            parts.append(t("state.failed"))
        return " · ".join(parts)


#: the model families, in the order the app shows them side by side
FAMILIES = ("Word2Vec", "GloVe", "FastText")


def model_family(config: Any) -> str | None:
    """'Word2Vec', 'GloVe' or 'FastText' for an engine config (None for anything else)."""
    if config is None:
        return None
    if hasattr(config, "bucket"):
        return "FastText"
    if hasattr(config, "x_max"):
        return "GloVe"
    if hasattr(config, "arch") and hasattr(config, "loss"):
        return "Word2Vec"
    return None


@dataclass(frozen=True)
class AppState:
    """A snapshot of what the app is looking at.  Replace it, never mutate it."""

    corpus: Any = None                  # a corpora ``Corpus``
    corpus_options: dict = field(default_factory=dict)   # lower, min_count, sample
    corpus_gen: int = 0                 # bumped whenever the corpus (or its options) change
    model: Any = None                   # the engine ``Word2Vec`` (None for loaded vectors)
    vectors: Any = None                 # ``KeyedVectors`` from the model or a file
    provenance: Provenance | None = None
    model_gen: int = 0                  # bumped whenever model/vectors change
    lm: Any = None                      # a trained ``LanguageModelSession``
    lm_provenance: Provenance | None = None
    lm_gen: int = 0
    #: family -> (vectors, provenance): the latest of each trained on this corpus (rule 6)
    trained: dict = field(default_factory=dict)

    # ------------------------------------------------------------------ questions
    @property
    def corpus_name(self) -> str | None:
        return getattr(self.corpus, "name", None)

    @property
    def model_fits_corpus(self) -> bool:
        """True when the Word2Vec model was trained on the corpus now open (rule 2)."""
        p = self.provenance
        return (self.model is not None and p is not None and p.corpus_gen is not None
                and p.corpus_gen == self.corpus_gen)

    @property
    def lm_fits_corpus(self) -> bool:
        p = self.lm_provenance
        return (self.lm is not None and p is not None and p.corpus_gen is not None
                and p.corpus_gen == self.corpus_gen)

    def side_by_side(self) -> list[tuple[str, Any, Provenance]]:
        """(family, vectors, provenance) of the models trained on the corpus now open, in
        ``FAMILIES`` order (rule 6)."""
        return [(f, *self.trained[f]) for f in FAMILIES if f in self.trained]

    def _keep(self, vectors: Any, provenance: Provenance) -> dict:
        """``trained`` with these vectors as their family's latest, when they were trained
        (or stopped early) on the corpus now open."""
        family = model_family(provenance.config)
        if (family is None or vectors is None or provenance.origin not in ("trained", "stopped")
                or provenance.corpus_gen != self.corpus_gen):
            return self.trained
        return {**self.trained, family: (vectors, provenance)}

    def vectors_label(self) -> str:
        """'vectors trained on toy-world · ...' or a hint when there are none."""
        from tui.i18n import t

        if self.vectors is None:
            return t("state.no-vectors")
        label = self.provenance.label() if self.provenance else t("state.vectors")
        if self.model is not None and not self.model_fits_corpus and self.corpus is not None:
            label += t("state.not-on", corpus=self.corpus_name)
        return label

    # ------------------------------------------------------------------ transitions
    def with_corpus(self, corpus: Any, options: dict) -> "AppState":
        """A new corpus (or new options): the model stays, labelled (rule 2)."""
        return replace(self, corpus=corpus, corpus_options=dict(options),
                       corpus_gen=self.corpus_gen + 1, trained={})

    def with_options(self, options: dict) -> "AppState":
        """Options that change training only (sample): the corpus and its figures stay."""
        return replace(self, corpus_options=dict(options))

    def with_model(self, model: Any, vectors: Any, provenance: Provenance) -> "AppState":
        return replace(self, model=model, vectors=vectors, provenance=provenance,
                       model_gen=self.model_gen + 1, trained=self._keep(vectors, provenance))

    def with_vectors(self, vectors: Any, provenance: Provenance) -> "AppState":
        """Vectors without a Word2Vec model: from a file (no corpus, rule 4), or GloVe's and
        FastText's trained here."""
        return replace(self, model=None, vectors=vectors, provenance=provenance,
                       model_gen=self.model_gen + 1, trained=self._keep(vectors, provenance))

    def without_model(self) -> "AppState":
        return replace(self, model=None, vectors=None, provenance=None,
                       model_gen=self.model_gen + 1)

    def with_lm(self, lm: Any, provenance: Provenance | None) -> "AppState":
        return replace(self, lm=lm, lm_provenance=provenance, lm_gen=self.lm_gen + 1)
