"""English messages of the other model families' views: GloVe's step mode (tui/panes/glove_step.py).

Merged into ``tui.lang.en.MESSAGES``; tests/test_i18n.py checks every key against
``ko_models.py``."""

MESSAGES: dict[str, str] = {
    "glove.title": "GloVe, one cell at a time",
    "glove.key.next": "next cell",
    "glove.tip.next": ("train the next co-occurrence cell (in GloVe's shuffled order) and show "
                       "its update: each weight moves by g x its partner / sqrt(G), G its running "
                       "sum of squared gradients (from 1), so often-updated weights move less"),
    "glove.key.again": "again",
    "glove.tip.again": "train the same cell again: watch its error and loss shrink",
    "glove.key.reset": "reset",
    "glove.tip.reset": "fresh weights on the corpus in use",
    "glove.key.leave": "back",
    "glove.tip.leave": "back to the panes",
    "glove.no-corpus": "no corpus: open one in the Corpus pane (1)",
    "glove.counting": "counting the co-occurrences of {corpus}…",
    "glove.header": "GloVe · {corpus} · V={V} · {cells} cells of X · d={d} · eta {eta} · cell {done}",
    "glove.press-n": ("n: train one co-occurrence cell. GloVe fits w_i · w~_j + b_i + b~_j to "
                      "log X_ij, each cell weighted by f(X_ij), with AdaGrad."),
    "glove.cell": "cell ({word}, {context}):",
    "glove.prediction": "prediction",
    "glove.error": "error = prediction - log X",
    "glove.loss": "loss",
    "glove.after": "{loss} after the update",
    "glove.matrix": ("X, co-occurrences (window {window}, 1/distance): row i = word, "
                     "column j = context"),
    "glove.matrix-top": ("X for the {n} most frequent of {V} words (window {window}, "
                         "1/distance)"),
    "glove.outside": "(this cell, {word} × {context}, is outside the words shown)",
    "bind.glove-step": "GloVe step",
    "bind.glove-step.tip": "GloVe step mode: one co-occurrence cell at a time, every number of its AdaGrad update, the matrix X (Esc back)",
}
