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
    # keys.toml (tui/keymap.py)
    "app.keys.ignored": "{path}: ignored {what}",
    "glove.key.help": "help",
    "glove.tip.help": "what this screen shows, in the paper's terms, and its keys",
    "glove.help": """# GloVe step mode

GloVe (Pennington, Socher and Manning 2014) does not slide over the text example by example as
Word2Vec does. It first counts **X**: X_ij is how often word j appears within the window of
word i, each occurrence weighted 1/distance (glove.c's cooccur). Then it fits, for every
non-zero cell,

    w_i · w~_j + b_i + b~_j  ≈  log X_ij

by weighted least squares, J = Σ f(X_ij) (w_i · w~_j + b_i + b~_j - log X_ij)², where
f(x) = (x / x_max)^α below x_max (100) and 1 above (α = 0.75): rare pairs count less, and
very frequent ones do not dominate. A word's vector is w + w~ at the end.

**One cell** (n): the cells are visited in a shuffled order, as glove.c does. The screen shows
X_ij, log X_ij, the weight f, the prediction and its three parts, the error (prediction -
log X) and the cell's loss f·error²/2 before and after the update. The update is **AdaGrad**:
g = eta·f·error, and each weight moves by -g × its partner / √G, where G is that weight's
running sum of squared gradients (starting at 1): w_i's partner is w~_j and back, a bias's
partner is 1. Weights that have been updated often take smaller steps.

**Again** (e) trains the same cell once more: its error shrinks. **Reset** (r) starts from
fresh weights. The matrix below is X itself (the lecture corpus's 12 words fit at 80x24; a
larger vocabulary shows its most frequent words), the cell just trained in reverse video.
""",
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
    # FastText's step mode (tui/panes/fasttext_step.py)
    "ft.title": "FastText, one example at a time",
    "ft.key.next": "next",
    "ft.tip.next": ("train the next example (fastText's order: centre words left to right) and "
                    "show its rows: the input word's own W_in row and one row per n-gram, h their "
                    "mean, and how far the update moved each"),
    "ft.key.again": "again",
    "ft.tip.again": "train the same example again, with the same noise words: watch its loss fall",
    "ft.key.reset": "reset",
    "ft.tip.reset": "fresh weights on the corpus in use",
    "ft.key.arch": "arch",
    "ft.tip.arch": "switch Skip-gram <-> CBOW (a fresh step model)",
    "ft.key.word": "word",
    "ft.key.jamo": "jamo",
    "ft.tip.jamo": ("n-grams over characters <-> over Hangul jamo (each syllable split into initial, "
                    "vowel and final, e for none: the Korean FastText literature's), a fresh model"),
    "ft.tip.word": ("look up any word, one the corpus never had too: its n-grams and buckets, "
                    "which buckets are trained, its vector as their mean, its nearest words"),
    "ft.key.help": "help",
    "ft.tip.help": "what this screen shows, in the lecture's terms, and its keys",
    "ft.help": """# FastText step mode

FastText (Bojanowski et al. 2017) is Word2Vec with one change at the input: a word is not one
row of `W_in` but the **mean** of its own row and the rows of its **character n-grams**. For
`cat` with n = 3..6: `<ca`, `<cat`, `<cat>`, `cat`, `cat>`, `at>` (`<` and `>` mark the
start and the end). The n-grams are not stored by name: each is hashed with fastText's own
hash (FNV-1a) into one of `bucket` rows, row `V + hash(g) % bucket`. fastText has 2,000,000
buckets; this step model has 2^16 = 65,536 and d = 10, so that it is built at once and h
fits on a line (the ids are still fastText's hash, taken mod 2^16).

**One example** (n): Skip-gram takes the centre word's rows as input and one context word as
the target; CBOW the rows of all the context words and the centre as the target. With
**negative sampling** the target (label 1) and a few noise words (label 0) are scored:
f = W_out·h, σ(f); the loss is -log σ(f_target) - Σ log σ(-f_noise). The update moves each
output row by g·h and **every one of the input rows by the same** lr·Σ g·W_out: the word's own
row and each of its n-gram rows. The screen lists those rows with their bucket ids and how far
each moved, the loss before and after. W_out starts at 0 (as in fastText): while the output
rows scored are still 0, dL/dh = 0 and no input row moves.

**Any word** (w or /): a word the corpus never had still has n-grams. Its vector is built from
n-grams: the mean of their rows. The look-up lists its n-grams, their buckets, how often step
mode has moved each (a bucket shared with a known word learns when that word does; the others
are still random) and its nearest known words.

**Korean** (j): a syllable is one character, so `고양이는` has few n-grams in common with
`고양이를`. j takes the n-grams over the letters (jamo) instead, each syllable split into
initial, vowel and final (`e` where there is none), as the Korean FastText literature does:
`고양이` -> `ㄱㅗeㅇㅑㅇㅇㅣe`. Look up `고양이는` on lecture-ko to see the buckets it shares.
""",
    "ft.key.leave": "back",
    "ft.tip.leave": "back to the panes (in the word field: close it)",
    "ft.no-corpus": "no corpus: open one in the Corpus pane (1)",
    "ft.building": "building the step model on {corpus}: its words and their n-gram rows…",
    "ft.header": "FastText · {corpus} · {arch} · V={V} · d={d} · lr {lr} · example {done}",
    "ft.arch.sg": "Skip-gram",
    "ft.arch.cbow": "CBOW",
    "ft.buckets": "n-grams of {minn}-{maxn} {units}; bucket = fastText hash % {bucket} (small; fastText: 2M)",
    "ft.press-n": ("n: train one example. FastText's input is not one row of W_in but the mean "
                   "of the word's own row and the rows of its character n-grams.\n"
                   "w or /: look up any word, one never seen too.\n"
                   "j: n-grams over Hangul jamo instead of characters (Korean: 고양이 -> ㄱㅗeㅇㅑㅇㅇㅣe)."),
    "ft.units.chars": "chars",
    "ft.units.jamo": "jamo",
    "ft.example.sg": "example {k}: input {word} -> target {target}, {neg} noise words (negative sampling)",
    "ft.example.cbow": "example {k}: input the context {context} -> target {target}, {neg} noise words",
    "ft.rows.sg": "h = mean of {n} W_in rows: {word}'s own row + {g} n-grams (Δ: how far each moved)",
    "ft.rows.cbow": "h = mean of {n} W_in rows: {words} words' own rows + {g} n-grams (Δ: moved)",
    "ft.row": "row",
    "ft.out.word": "output",
    "ft.out.label": "label",
    "ft.out.f": "f=W_out·h",
    "ft.out.sigma": "σ(f)",
    "ft.out.moved": "|ΔW_out|",
    "ft.loss": "loss = -log σ(f) - Σ log σ(-f_noise) = {loss}  ->  {after} after the update",
    "ft.changed.sg": "moved: exactly {word}'s {n} W_in rows (each the same Δ) + {out} W_out rows",
    "ft.changed.cbow": "moved: exactly the context's {n} W_in rows (each the same Δ) + {out} W_out rows",
    "ft.changed.none": ("no W_in row moved: these W_out rows were 0 (fastText starts W_out at 0),\n"
                        "so dL/dh = 0: only W_out learned"),
    "ft.lookup.placeholder": "a word, seen or not (Enter; Esc closes)",
    "ft.lookup.hint": "w or /: look up any word (its n-grams, buckets and vector)",
    "ft.lookup.known": "{word}: in the corpus; vector = mean of its row (moved {k}x) + {g} n-gram rows",
    "ft.lookup.unseen": "{word}: never seen; vector built from n-grams (mean of its {g} rows)",
    "ft.lookup.trained": "{trained} of {g} buckets trained (×k: moves; then known words sharing it)",
    "ft.lookup.vector": "vector",
    "ft.lookup.nearest": "nearest known words: {words}",
    "bind.fasttext-step": "FastText step",
    "bind.fasttext-step.tip": "FastText step mode: a word's n-grams and their bucket ids, its vector as their mean, one update and the rows it changed; any word looked up (Esc back)",
    # -- issue 11 in the panes: FastText in Train, unseen words in Explore, models side by
    # side in Evaluate, the tokenizer in Corpus (tui/panes/{train,explore,evaluate,corpus}.py)
    "train.field.subwords": "n-grams",
    "train.field.minn": "minn",
    "train.field.maxn": "maxn",
    "train.field.bucket": "bucket",
    "train.option.chars": "characters",
    "train.option.jamo": "Hangul jamo",
    "train.idle.fasttext": "idle · FastText on {corpus} (FastText's settings)",
    "train.idle.fasttext-own": "idle · FastText, {corpus}'s own settings: {settings} (r restores them)",
    "explore.from-ngrams": "{words}: not in the vocabulary; built from n-grams (FastText)",
    "bind.evaluate-compare": "compare",
    "bind.evaluate-compare.tip": ("compare the models trained on this corpus in this session "
                                  "(Word2Vec, GloVe, FastText: the latest of each) on the "
                                  "analogies and word pairs chosen, side by side"),
    "evaluate.compare.need-two": ("only {model} trained on {corpus} so far: train another "
                                  "model (3) to compare"),
    "evaluate.compare.none": "no model trained on this corpus yet: train two or three (3) to compare",
    "evaluate.compare.running": "comparing {models} on {analogies} and {pairs}…",
    "evaluate.compare.title": ("[b]Side by side[/b] on {corpus}: {analogies}, {pairs} "
                               "(best highlighted)"),
    "evaluate.compare.row.analogies": "all analogies",
    "evaluate.compare.row.pairs": "pairs Spearman",
    "evaluate.col.spread": "spread",
    "bind.corpus-tokenizer": "tokenizer",
    "bind.corpus-tokenizer.tip": ("split a text into words (at spaces) or into Korean morphemes "
                                  "(kiwipiepy: 고양이를 -> 고양이 + 를); reopens the corpus"),
    "corpus.tokenizer": "tokens",
    "corpus.option.words": "words",
    "corpus.option.morphemes": "morphemes",
    "corpus.error.no-kiwi": "morphemes need kiwipiepy: pip install 'wordlab[ko]'",
    "corpus.error.toy-morphemes": "toy-world is generated word by word: morphemes are for text",
    "corpus.tokenized": "split into morphemes (kiwipiepy)",
}
