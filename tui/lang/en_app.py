"""English messages of the app around the lesson: panes, help, keys, palette, dialogs.

Merged into ``tui.lang.en.MESSAGES`` (kept apart so the lesson's table and this one can be
edited side by side); tests/test_i18n.py checks every key against ``ko_app.py``.
Keys: ``pane.<id>`` a pane's name, ``help.<id>`` its help (markdown), ``bind.<binding id>``
and ``bind.<binding id>.tip`` a key's footer label and its longer description (help, palette,
tooltip), ``<pane>.*`` what a pane shows.
"""

MESSAGES: dict[str, str] = {
    # -- the app -----------------------------------------------------------------------------
    "app.subtitle": "Word2Vec, RNN and LSTM, live",
    "app.too-small": ("wordlab needs a terminal of at least {width}x{height}.\n"
                      "Please enlarge the window (or reduce the font size)."),
    "app.current-corpus": "the current corpus",
    "app.switch.question": "Training on {current} is running. Stop it and switch to {corpus}?",
    "app.switch.yes": "Stop and switch",
    "app.keep-training": "Keep training",
    "app.quit.question": "Training is running. Stop it and quit wordlab?",
    "app.kept.vectors": "the Word2Vec vectors ({label})",
    "app.kept.lm": "the language model ({label})",
    "app.and": " and ",
    "app.kept": ("Now on {corpus}. Kept {kept} for Explore and Evaluate; Step and One-hot use "
                 "{corpus} with fresh weights."),
    "app.error.corpus": "could not open the corpus {name!r}: {error}",
    "app.error.vectors": "could not load the vectors {path!r}: {error}",
    "app.error.where": " (details in {path})",
    "app.error.display": "an error in the display: {error}{where}. The run goes on.",
    "app.screen.error": "could not save the screen: {error}",
    "app.screen.saved": "saved {svg} and {txt} in {folder}",
    "app.screen.cannot-write": "cannot write in {folder}",
    "app.screen.folder": "Folder for saved screens (asked once; Ctrl+S saves there)",

    "pane.corpus": "Corpus",
    "pane.onehot": "One-hot",
    "pane.train": "Train",
    "pane.step": "Step",
    "pane.explore": "Explore",
    "pane.evaluate": "Evaluate",
    "pane.lstm": "LSTM",

    # -- the app's keys ------------------------------------------------------------------------
    "bind.tab-corpus": "Corpus",
    "bind.tab-corpus.tip": "Show the Corpus pane",
    "bind.tab-onehot": "One-hot",
    "bind.tab-onehot.tip": "Show the One-hot pane",
    "bind.tab-train": "Train",
    "bind.tab-train.tip": "Show the Train pane",
    "bind.tab-step": "Step",
    "bind.tab-step.tip": "Show the Step pane",
    "bind.tab-explore": "Explore",
    "bind.tab-explore.tip": "Show the Explore pane",
    "bind.tab-evaluate": "Evaluate",
    "bind.tab-evaluate.tip": "Show the Evaluate pane",
    "bind.tab-lstm": "LSTM",
    "bind.tab-lstm.tip": "Show the LSTM pane",
    "bind.help": "Help",
    "bind.help.tip": "Explain the current pane and list its keys",
    "bind.help-f1": "Help",
    "bind.help-f1.tip": "Explain the current pane and list its keys",
    "bind.quit": "Quit",
    "bind.quit.tip": "Quit wordlab (asks first while training runs)",
    "bind.ctrl-c": "Quit",
    "bind.ctrl-c.tip": "Quit wordlab (asks first while training runs)",
    "bind.lesson": "Lesson",
    "bind.lesson.tip": "The lecture as a guided lesson (L again resumes at the same step)",
    "bind.screenshot": "Save screen",
    "bind.screenshot.tip": ("Save this screen as SVG and text for your notes (the folder is "
                            "asked once)"),
    "bind.language": "Language: 한국어 / English",
    "bind.language.tip": "Switch the app between English and Korean (한국어), live",
    "bind.palette": "palette",
    "bind.palette.tip": "Open the command palette",
    "bind.leave-field": "Leave field",
    "bind.leave-field.tip": "Leave the text field so that letter and number keys act on the pane",

    # -- Textual's own palette commands ---------------------------------------------------------
    "system.theme": "Theme",
    "system.theme.tip": "Change the current theme",
    "system.keys": "Keys",
    "system.keys.tip": "Show help for the focused widget and a summary of available keys",
    "system.keys.hide": "Hide the keys and widget help panel",
    "system.maximize": "Maximize",
    "system.maximize.tip": "Maximize the focused widget",
    "system.minimize": "Minimize",
    "system.minimize.tip": "Minimize the widget and restore to normal size",
    "system.screenshot": "Screenshot",
    "system.screenshot.tip": "Save an SVG 'screenshot' of the current screen",
    "plot.error": "the plot could not be drawn ({error})",
    "palette.search": "Search for commands…",
    "system.language": "Language: 한국어 / English",

    # -- help ----------------------------------------------------------------------------------
    "help.title": "Help: {title}   (Esc closes, arrows scroll)",
    "help.pane-keys": "Keys in this pane",
    "help.key": "key",
    "help.action": "action",
    "help.global": """\
## Everywhere

| key | action |
|---|---|
| `1`-`7` | switch pane (Corpus, One-hot, Train, Step, Explore, Evaluate, LSTM) |
| `?` / `F1` | this help |
| `Ctrl+P` | command palette: every action of this pane |
| `F2` | language: 한국어 / English (switches live) |
| `Esc` | leave a text field, so that letter keys act on the pane |
| `Tab` / `Shift+Tab` | move between fields |
| `q` / `Ctrl+C` | quit (asks first while training runs) |
""",
    "bind.help-close": "Close",
    "bind.help-close.tip": "Close the help",

    # -- dialogs -------------------------------------------------------------------------------
    "bind.confirm-yes": "Yes",
    "bind.confirm-yes.tip": "Answer yes",
    "bind.confirm-no": "No",
    "bind.confirm-no.tip": "Answer no",
    "bind.path-cancel": "Cancel",
    "bind.path-cancel.tip": "Close without choosing",
    "dialog.path": "path",
    "dialog.verb.open": "open",
    "dialog.verb.save": "save",
    "dialog.verb.load": "load",
    "dialog.verb.use": "use",
    "dialog.hint.save": "Enter: {verb}   Right: accept completion   Esc: cancel",
    "dialog.hint.open": "Enter: {verb} (the completion too)   Right: complete   Esc: cancel",
    "dialog.empty": "type a path first",
    "dialog.not-saved": "not saved: {name} exists; type another name",
    "dialog.exists": "{path} exists already. Replace it?",
    "dialog.replace": "Replace",
    "dialog.keep": "Keep it",
    "dialog.checking": "checking…",

    # -- pane 1: corpus ------------------------------------------------------------------------
    "help.corpus": """# Corpus: the text Word2Vec learns from

A **corpus** is a stream of sentences, each a list of **tokens** (words). Word2Vec only
ever sees which words appear near which: everything the embeddings know comes from here.

- **tokens**: words in the text, counted with repeats; **types**: distinct words.
- **min_count**: words seen fewer times are dropped from the vocabulary (V). The
  **coverage** is the share of tokens whose word is kept.
- **subsampling** (`sample`, word2vec.c's formula): very frequent words ("the", "i") are
  randomly skipped during training, keeping each with probability
  `(sqrt(f/(s*total)) + 1) * (s*total)/f`. 0 switches it off (best for the tiny lecture corpus).
- **lower-case**: "King" and "king" become one word.
- The **Zipf plot** shows frequency against rank on log-log axes: natural text is close to a
  straight line (frequency ~ 1/rank): a few words are very common, most are rare.

The lecture's corpus is `lecture` ("i love cute cat", "we watch movie", ...); `toy-world`
has planted relations (king/queen, man/woman) for the analogy king - man + woman = queen.
The options here are the defaults of the Train pane's min_count and sample.
""",
    "bind.corpus-open": 'Open',
    "bind.corpus-open.tip": 'Open a text file or a folder of .txt files as the corpus',
    "bind.corpus-lower": 'Lower',
    "bind.corpus-lower.tip": 'Toggle lower-casing of the text (reopens the corpus)',
    "bind.corpus-min-count": 'min_count',
    "bind.corpus-min-count.tip": 'Edit min_count (Enter applies)',
    "bind.corpus-sample": 'Sample',
    "bind.corpus-sample.tip": 'Edit the subsampling threshold sample (Enter applies)',
    "bind.corpus-list": 'List',
    "bind.corpus-list.tip": 'Go to the list of corpora',
    "corpus.corpora": 'Corpora (Enter opens)',
    "corpus.preprocessing": 'Preprocessing',
    "corpus.lower": 'lower-case',
    "corpus.zipf": 'Zipf: frequency vs rank (log-log)',
    "corpus.col.word": 'word',
    "corpus.col.count": 'count',
    "corpus.rank": 'rank',
    "corpus.not-downloaded": '{name} (not downloaded)',
    "corpus.open-file": 'Open file…  (o)',
    "corpus.open-title": 'Open a text file, or a folder of .txt files, as the corpus',
    "corpus.sample-set": 'sample = {sample} (used by the Train pane)',
    "corpus.opening": 'opening {source}…',
    "corpus.counting": 'counting {name}…',
    "corpus.kept": 'kept {current}: training goes on (stop it on pane 3 to switch to {corpus})',
    "corpus.still-using": 'still using: {name}',
    "corpus.none": 'no corpus',
    "corpus.stats": 'tokens {tokens:,}   types {types:,}   V at min_count {min_count}: {V:,}   coverage {coverage:.1%}',
    "corpus.replaced": '[b]note[/b]: {n:,} bytes were not UTF-8 and were replaced',
    "corpus.error.min-count-int": 'min_count must be a whole number (got {got})',
    "corpus.error.min-count-low": 'min_count must be at least 1 (got {got})',
    "corpus.error.sample-number": 'sample must be a number such as 1e-3 or 0 (got {got})',
    "corpus.error.sample-range": 'sample must be in [0, 1) (got {got})',

    # -- pane 2: one-hot -----------------------------------------------------------------------
    "help.onehot": """# One-hot vs embeddings: the lecture's argument, shown

**One-hot encoding**: word *i* of a V-word vocabulary is a vector of V zeros with a 1 in
position *i*. Two limits (lecture, section 4):

1. the vector grows with the vocabulary (100,000 words -> 100,000 dimensions);
2. it carries no similarity: with `L2(A, B) = sqrt(sum (A_i - B_i)^2)` every pair of
   different words is `sqrt(1 + 1) = sqrt(2) = 1.414` apart, and their cosine is 0.

After training, each word's **embedding** is its row of `W_in` (d numbers). Its L2
distances and cosine similarities now differ from pair to pair: words used in similar
contexts are closer. The tables show the same words both ways: one-hot (left) and the
trained embeddings (right, cosine below).

Type up to 12 words in the field (completion from the vocabulary), Enter to show them.
""",
    "bind.onehot-words": "Words",
    "bind.onehot-words.tip": "Choose the words to compare",
    "bind.onehot-top": "Top words",
    "bind.onehot-top.tip": "Show the most frequent words of the vocabulary",
    "onehot.words": "words",
    "onehot.vectors": "one-hot vectors",
    "onehot.l2": "one-hot L2 distance",
    "onehot.emb-l2": "embedding L2 (d={dim})",
    "onehot.emb-cos": "embedding cosine",
    "onehot.reading": "reading {corpus}…",
    "onehot.two-words": "type at least two different words",
    "onehot.at-most": "at most {n} words fit: showing the first {n}",
    "onehot.unknown": "not in the vocabulary: {words}",
    "onehot.this-corpus": "this corpus",
    "onehot.unknown-vectors": "the vectors in use ({label}) do not know {words}: train on {corpus} (3) to compare",
    "onehot.train-first": "train a model (3) to compare: the embeddings' distances will differ from pair to pair",
    "onehot.note.untrained": "Every off-diagonal one-hot distance is sqrt(2) = 1.414, and every cosine is 0: one-hot vectors say nothing about which words are alike.",
    "onehot.note.trained": "One-hot: every pair sqrt(2) apart, cosine 0. Embeddings ({label}): the closest pair here is {a} ~ {b} (cosine {cos:+.2f}).",

    # -- pane 3: train -------------------------------------------------------------------------
    "help.train": """# Train: Word2Vec (or GloVe) on the current corpus

The network is the lecture's: a one-hot input (size V) -> a hidden layer **h** of size **d**
(`dim`) -> scores over the vocabulary -> softmax -> cross-entropy loss. The weights `W_in`
(V x d) are the embeddings: a word's vector is its row of the trained `W_in`.

- **arch**: *skip-gram* predicts each context word from the centre word; *CBOW* predicts
  the centre word from the mean of its context (the fill-in-the-blank exam).
- **loss** (output layer): *full softmax* is the lecture's (cost grows with V); *negative
  sampling* scores the true word against `negative` random "noise" words with sigmoids;
  *hierarchical softmax* walks a Huffman tree (log2 V sigmoids).
- **window**: context words on each side (word2vec.c shrinks it at random per example).
- **epochs**, **alpha** (learning rate, decaying linearly to min_alpha), **min_count**,
  **sample** (subsampling of frequent words), **seed** (same seed, same run).
- **model** GloVe instead fits the log of the co-occurrence counts X_ij of the whole corpus,
  `f(X_ij) (w_i . w~_j + b_i + b~_j - log X_ij)^2`, cell by cell with AdaGrad (**eta**);
  **x_max** is the count from which a pair weighs fully. Its progress counts cells, not words.

The loss starts near ln V for a softmax (uniform guesses: ln 4 = 1.386 for 4 words) and
falls as the model learns. The sparkline shows the whole run's loss on a scale from 0, the plot
the same with its axes; words/s, the learning rate, the epoch and an ETA come from the engine.
When training ends the vectors go to the One-hot, Explore and Evaluate panes.
Press Enter in any field to start; invalid values are explained next to the field.
""",
    "bind.train-toggle": "Start/Pause",
    "bind.train-toggle.tip": "Start training, or pause / resume the run",
    "bind.train-stop": "Stop",
    "bind.train-stop.tip": "Stop the run and keep the vectors so far",
    "bind.train-reset": "Reset",
    "bind.train-reset.tip": "Reset the form to the defaults and clear the curves",
    "bind.train-save": "Save",
    "bind.train-save.tip": "Write the vectors to a file (.bin: binary)",
    "bind.train-load": "Load",
    "bind.train-load.tip": "Load vectors from a word2vec text/binary file",
    "bind.train-form": "Form",
    "bind.train-form.tip": "Go to the first field of the form",
    "train.field.model": "model",
    "train.field.arch": "arch",
    "train.field.loss": "loss",
    "train.field.dim": "dim",
    "train.field.window": "window",
    "train.field.negative": "negative",
    "train.field.epochs": "epochs",
    "train.field.alpha": "alpha",
    "train.field.min_count": "min_count",
    "train.field.sample": "sample",
    "train.field.seed": "seed",
    "train.field.x_max": "x_max",
    "train.field.eta": "eta",
    "train.option.sg": "skip-gram (sg)",
    "train.option.cbow": "CBOW (cbow)",
    "train.option.neg": "negative sampling",
    "train.option.softmax": "full softmax",
    "train.option.hs": "hierarchical sm",
    "train.plot": "loss over the run",
    "train.epoch": "epoch",
    "train.loss": "loss",
    "train.idle": "idle",
    "train.idle.none": "idle: no corpus open",
    "train.idle.glove": "idle · GloVe on {corpus} (GloVe's settings)",
    "train.idle.glove-window": "idle · GloVe on {corpus}, with its window {window} (r restores the settings)",
    "train.idle.general": "idle · corpus: {corpus} (general settings)",
    "train.idle.own": "idle · {corpus}'s own settings: {settings} (r restores them)",
    "train.error.int": "{label} must be a whole number (got {got})",
    "train.error.number": "{label} must be a number (got {got})",
    "train.training": "training",
    "train.paused": "paused",
    "train.no-corpus": "no corpus: pick one in the Corpus pane (1)",
    "train.fix-fields": "fix the fields marked above first",
    "train.loading": "loading the engine and building the vocabulary of {corpus}…",
    "train.stopping": "stopping…",
    "train.stop-before-reset": "stop the run (s) before resetting",
    "train.nothing-to-save": "nothing to save yet: train (Space) or load (o) vectors first",
    "train.saved": "saved {n:,} vectors to {path}",
    "train.save-title": "Save the vectors (word2vec format; a .bin name writes binary)",
    "train.stop-before-load": "stop the run (s) before loading other vectors",
    "train.loaded": "loaded {n:,} vectors of dimension {dim} from {path}",
    "train.load-title": "Load vectors (word2vec text or binary)",
    "train.started": "training: V = {V:,} words, {tokens:,} tokens per epoch",
    "train.once": "{text} (once: later runs start at once)",
    "train.stopped": "stopped: the vectors so far ({V:,} words) are in use",
    "train.done": "done: {V:,} vectors ready: try Explore (5) or One-hot (2)",
    "train.failed": "failed: the last good weights are in use",
    "train.failed-early": "failed before the first report: no vectors from this run",
    "train.state.paused": "PAUSED",
    "train.state.training": "TRAINING",
    "train.keys.paused": "Space resume · s stop",
    "train.keys.training": "Space pause · s stop",
    "train.keys.idle": "Space start · Enter in a field starts",
    "train.unit.words": "words",
    "train.unit.cells": "cells",
    "train.eta.done": "done",
    "train.eta": "ETA {eta}",
    "train.figures": """epoch {epoch:,}/{epochs:,} · loss {loss:.4f}
lr {lr:.5f} · {rate:,.0f} {unit}/s
{done:,}/{total:,} · {elapsed} · {eta}""",

    # -- pane 5: explore -----------------------------------------------------------------------
    "help.explore": """# Explore: what the embeddings learned

Each word is now a point in d dimensions (its row of `W_in`). Words used in similar
contexts end up close together, and relations become directions: the lecture's
"woman -> man is parallel to queen -> king".

- **neighbours**: the words with the highest **cosine similarity** `cos(A, B) = A.B / (|A||B|)`
  to the word (1: same direction, 0: unrelated, as every pair of one-hot vectors).
- **analogy** `a : b :: c : ?`: the word closest to `b - a + c` (3CosAdd, as gensim),
  the query words excluded. `man : king :: woman : ?` should give `queen` (train on
  `toy-world` to see it). `m` switches to 3CosMul.
- **similarity**: the cosine of two words.
- **odd one out**: the word furthest from the mean of the others' directions.
- The **plot** projects the words of the last query onto their first two principal
  components (PCA): for an analogy, the four words and the lines a-b, c-d, a-c, b-d,
  which form a parallelogram when the relation was learned.

Words complete from the vocabulary as you type (Right arrow accepts). Press Enter to run
the query of the field you are in.
""",
    "bind.explore-neighbours": "Neighbours",
    "bind.explore-neighbours.tip": "Nearest neighbours of a word (cosine similarity)",
    "bind.explore-analogy": "Analogy",
    "bind.explore-analogy.tip": "Analogy a : b :: c : ? (b - a + c)",
    "bind.explore-similarity": "Similarity",
    "bind.explore-similarity.tip": "Cosine similarity of two words",
    "bind.explore-odd": "Odd one out",
    "bind.explore-odd.tip": "Which word does not match the others",
    "bind.explore-method": "3CosAdd/Mul",
    "bind.explore-method.tip": "Switch the analogy method between 3CosAdd and 3CosMul",
    "bind.explore-export": "Export",
    "bind.explore-export.tip": ("Write the vectors for the TensorBoard Embedding Projector: "
                                "vectors.tsv and metadata.tsv in a folder"),
    "explore.nn": "neighbours",
    "explore.analogy": "analogy",
    "explore.similarity": "similarity",
    "explore.odd": "odd one out",
    "explore.plot": "PCA of the query's words",
    "explore.col.word": "word",
    "explore.col.cosine": "cosine",
    "explore.col.cos-odd": "cos to odd",
    "explore.no-vectors": "No vectors yet: train a model (3), or load vectors there (o).",
    "explore.source": "{n:,} vectors {label} · Enter runs",
    "explore.method": "analogy method: {method}",
    "explore.train-first": "no vectors yet: train a model in the Train pane (3) first",
    "explore.need": "type {n} word(s) first",
    "explore.unknown": "unknown word(s): {words} (not in the vectors {label})",
    "explore.nearest": "nearest to {words}",
    "explore.analogy-three": "an analogy takes one word in each of its three fields",
    "explore.similarity-two": "similarity takes one word in each field",
    "explore.odd-mark": "{word}  <- odd one out",
    "explore.odd-title": "odd one out: {words}",
    "explore.two-words": "needs two different words",
    "explore.export.title": ("Folder for the Embedding Projector's vectors.tsv and metadata.tsv "
                             "(files of those names there are replaced)"),
    "explore.export.verb": "export",
    "explore.export.done": "wrote vectors.tsv + metadata.tsv ({n:,} words, d={dim}) in {folder}",
    "explore.export.done-counts": ("wrote vectors.tsv + metadata.tsv ({n:,} words with counts, "
                                   "d={dim}) in {folder}"),

    # -- pane 6: evaluate ----------------------------------------------------------------------
    "help.evaluate": """# Evaluate: how good are the vectors?

- **Analogies** (Google format: `: section` lines, then `a b c d` questions): for each
  question the model answers `b - a + c` (3CosAdd, query words excluded, among the 30,000
  most frequent words, as gensim's `evaluate_word_analogies`). The table shows, per
  section, how many were right. Questions with a word outside the vocabulary are
  **skipped** and counted, not scored.
- **Word pairs** (WordSim-353: `word1 word2 score` from human judges): the **Spearman**
  rank correlation between the model's cosine similarities and the human scores
  (Pearson too), and the share of pairs that were out of vocabulary (**OOV**).

Sets: `google` and `wordsim353` (English, need a large corpus such as text8), `toy-world`
(the toy world's planted analogies: train on `toy-world` first), or any file.
""",
    "bind.evaluate-analogies": "Run analogies",
    "bind.evaluate-analogies.tip": "Run the analogy evaluation on the current vectors",
    "bind.evaluate-pairs": "Run pairs",
    "bind.evaluate-pairs.tip": "Run the word-pair (similarity) evaluation",
    "bind.evaluate-both": "Run both",
    "bind.evaluate-both.tip": "Run both evaluations",
    "evaluate.analogies": "analogies",
    "evaluate.pairs": "word pairs",
    "evaluate.path": "path (for a file…)",
    "evaluate.own": "the corpus's own",
    "evaluate.file": "a file…",
    "evaluate.analogies.none": "Analogies: not run yet (a)",
    "evaluate.pairs.none": "Word pairs: not run yet (p)",
    "evaluate.col.section": "section",
    "evaluate.col.correct": "correct",
    "evaluate.col.total": "total",
    "evaluate.col.accuracy": "accuracy",
    "evaluate.col.skipped": "skipped",
    "evaluate.total": "total",
    "evaluate.source": """[b]Evaluating[/b]: {label}
[dim]a analogies · p word pairs · e both · Tab: the sets[/dim]""",
    "evaluate.no-vectors": "no vectors yet: train a model (3) or load vectors there (o)",
    "evaluate.running": "running on {name}…",
    "evaluate.failed.analogy": "analogy: failed",
    "evaluate.failed.pairs": "pairs: failed",
    "evaluate.undefined": "undefined",
    "evaluate.pairs.title": "[b]Word pairs[/b] ({name})",
    "evaluate.pairs.used": "pairs used {n:,}",
    "evaluate.pairs.skipped": "skipped   {n:,} (OOV {oov:.1%})",
    "evaluate.pairs.invalid": "malformed lines {n:,}",
    "evaluate.analogies.invalid": ", {n:,} malformed lines",
    "evaluate.analogies.result": "[b]Analogies[/b] ({name}): {correct:,}/{total:,} right ({accuracy:.1%}), {skipped:,} skipped (unknown words){extra}",
    "evaluate.error.path": "type the path of the file to evaluate on",
    "evaluate.error.no-own": "the corpus {name} has no analogy file of its own",

    # -- the app's state (tui/state.py) --------------------------------------------------------
    "state.loaded": "loaded from {path}",
    "state.loaded-file": "loaded from a file",
    "state.trained-on": "trained on {corpus}",
    "state.epochs": "{n} epochs",
    "state.stopped": "stopped early",
    "state.failed": "last good weights of a failed run",
    "state.no-vectors": "no vectors yet: train on pane 3 (Space) or load a file there (o)",
    "state.vectors": "vectors",
    "state.not-on": " (not on {corpus}, the corpus now open)",

    # -- pane 4: step --------------------------------------------------------------------------
    "help.step": """# Step: Word2Vec, one training example at a time

The lecture's network, trained by hand. For the current sentence the table on the left lists
the **training pairs** its window produces: Skip-gram pairs the centre word with each context
word, CBOW predicts the centre word from its whole context (context -> centre). The window is
word2vec's *dynamic* window: for each centre word word2vec.c draws b in [0, window) and uses
window - b, so near words are paired more often than far ones (the pane says which b came up).

For the pair just trained (highlighted), the right side shows the whole pass:

1. **x**: the input word's one-hot vector (length V, one 1);
2. **h = W_in[word]**: the one-hot vector times W_in picks that word's row (CBOW: the mean of
   the context words' rows); h is the hidden layer of size d;
3. **scores** `W_out · h` and the **softmax** over the vocabulary (for a big vocabulary: the
   top words and the target). With negative sampling: the target and k noise words, each a
   **sigmoid** σ(score) with label 1 or 0; hierarchical softmax: the sigmoids of the inner
   nodes on the target's Huffman path;
4. the **loss** (cross-entropy `-ln p(target)`; its value at the start is ln V);
5. the **gradient** dL/dh and the **rows that changed**: `W_in[word] -= lr · dL/dh` and the
   W_out rows that were scored, highlighted by sign.

The top lines always show the input word, the target, its probability and the loss.
W_out starts at zero, as in word2vec.c, so the first example cannot move W_in yet
(dL/dh = 0); the pane says so. Press **e** to train the same example again and watch p of the
target rise pass after pass.

**Which weights.** When the model in use (Train pane) was trained on the corpus now open, Step
steps through a copy of it. Otherwise it starts fresh weights on the corpus (d = 10, window 2,
W_in drawn wider than word2vec.c's 1/d so that one example visibly moves p, and a constant
learning rate of at least 0.25) and says which corpus the model in use came from.

**Skip-gram's direction.** The lecture draws centre -> context; word2vec.c loops the other way
round: the context word's W_in row is the input and the centre word the target. Over a corpus
both train the same (centre, context) pairs. The pairs table's headers and the line above the
numbers say which way the engine went for the example on screen.

**Negative sampling.** k noise words are drawn from unigram^0.75; a draw equal to the target is
skipped (word2vec.c: `if (target == word) continue;`), so a row may show fewer than k, and a
word drawn twice appears twice (its W_out row gets both updates).
""",
    "bind.step.next": "next",
    "bind.step.next.tip": "Train the next example and show every number",
    "bind.step.again": "again",
    "bind.step.again.tip": "Train the same example again: watch p of the target rise",
    "bind.step.next_sentence": "sentence",
    "bind.step.next_sentence.tip": "Skip to the next sentence and train its first example",
    "bind.step.autoplay": "auto",
    "bind.step.autoplay.tip": "Start or stop auto-play (one example every few seconds; f/s: faster/slower)",
    "bind.step.faster": "faster",
    "bind.step.faster.tip": "Auto-play faster",
    "bind.step.slower": "slower",
    "bind.step.slower.tip": "Auto-play slower",
    "bind.step.arch": "sg/cbow",
    "bind.step.arch.tip": "Switch the architecture: Skip-gram <-> CBOW (restarts the step session)",
    "bind.step.loss": "loss",
    "bind.step.loss.tip": "Switch the output layer: softmax -> negative sampling -> hierarchical softmax (restarts the step session)",
    "bind.step.reset": "reset",
    "bind.step.reset.tip": "Start the step session again from the first sentence",
    "bind.step.scroll_down": "scroll",
    "bind.step.scroll_down.tip": "Scroll the numbers column down",
    "bind.step.scroll_up": "scroll up",
    "bind.step.scroll_up.tip": "Scroll the numbers column up",
    "bind.step.page_down": "page down",
    "bind.step.page_down.tip": "Scroll the numbers column a page down",
    "bind.step.page_up": "page up",
    "bind.step.page_up.tip": "Scroll the numbers column a page up",
    "bind.step.top": "top",
    "bind.step.top.tip": "Scroll the numbers column to the top",
    "bind.step.bottom": "bottom",
    "bind.step.bottom.tip": "Scroll the numbers column to the bottom",
    "step.loss-name.softmax": "softmax",
    "step.loss-name.neg": "negative sampling",
    "step.loss-name.hs": "hierarchical softmax",
    "step.model-arrived": "a model trained on this corpus arrived: stepping on from its weights (a copy)…",
    "step.weights.copy": "a copy of the model in use",
    "step.weights.fresh-model": "fresh weights (the model in use was trained on {corpus})",
    "step.weights.fresh-loaded": "fresh weights (the vectors in use were loaded from a file)",
    "step.weights.fresh": "fresh weights",
    "step.no-corpus": "no corpus: open one in the Corpus pane (1)",
    "step.preparing": "preparing the step session…",
    "step.queued": "preparing the step session… ({n} step(s) queued)",
    "step.not-ready": "the step session is not ready (see above; r rebuilds it)",
    "step.nothing-to-repeat": "no example to repeat yet: press n to train one",
    "step.auto": "auto {s}s",
    "step.sentence": "sentence: ",
    "step.first": "n: train the first example",
    "step.where": "epoch {epoch} · example {example} · lr {lr}",
    "step.none-yet": "no example trained yet: press n",
    "step.nodes": "{n} nodes on the path",
    "step.loss": "loss",
    "step.pass": "pass {n}",
    "step.every": "W_out = 0: every {every}",
    "step.centre": "centre",
    "step.context": "context",
    "step.earlier": "… {n} earlier",
    "step.more": "… {n} more",
    "step.one-at": "1 at id {i} of V = {V}",
    "step.mean": "mean",
    "step.sum": "sum",
    "step.h-of": "h = {how} of W_in[{words}]  (d = {d})",
    "step.why.sg-c": "word2vec.c's Skip-gram: context in, centre out.",
    "step.why.sg-lecture": "Skip-gram: the centre word in, a context word out.",
    "step.what.sg.one": "{n} pair",
    "step.what.sg.many": "{n} pairs",
    "step.what.cbow.one": "{n} context word",
    "step.what.cbow.many": "{n} context words",
    "step.why.window-b": "window {window}, b = {b} for '{centre}': window − b = {effective}, {what}.",
    "step.why.window-0": "window {window}, b = 0 for '{centre}': {what}.",
    "step.why.window-end": "window {window}: {what} for '{centre}' (the sentence ends within the window).",
    "step.why.skipped.one": "k = {k}: {n} draw was '{word}' itself, skipped as word2vec.c does.",
    "step.why.skipped.many": "k = {k}: {n} draws were '{word}' itself, skipped as word2vec.c does.",
    "step.why.twice": "Drawn twice: {words} (its row gets both updates).",
    "step.why.zero": "W_out is still all zeros, as word2vec.c starts it: every score is 0, so dL/dh = 0 and W_in does not move on this example.",
    "step.why.h-initial": "h = W_in[{word}] as first drawn: no example moved it yet.",
    "step.why.rows-initial": "W_in[{words}]: as first drawn, no example moved them yet.",
    "step.softmax-title": "softmax(W_out·h) over V = {V}",
    "step.top": ": top {k} + target, in vocabulary order",
    "step.col.word": "word",
    "step.col.score": "score",
    "step.col.node": "node",
    "step.col.label": "label",
    "step.drew-target": " (k = {k}: {n} drew the target)",
    "step.noise-title": "target + {n} noise words{note}: σ(W_out[w]·h)",
    "step.huffman-title": "Huffman path of '{word}': σ(W_out[node]·h)",
    "step.loss-hs": "L = -Σ ln σ(±s_node) on the path = ",
    "step.node": "node {i}",
    "step.each-of": "ΔW_in: each of {rows}",
    "step.changes": "h, dL/dh and the changes Δ = -lr·grad",
    "step.plus-more": " +{n} more",
    "step.rows-changed": "rows changed: ",
    "step.none-zero": "W_in[none: dL/dh = W_outᵀ·error = 0, W_out is still all zeros, as word2vec.c starts it]",
    "step.none-grad": "W_in[none: dL/dh = 0]",
    "step.every-row": "(the softmax moves every W_out row)",

    # -- pane 7: LSTM --------------------------------------------------------------------------
    "help.lstm": """# LSTM: gates, step by step

The lecture's LSTM (section 3), on a sentence you choose. At each time step t the cell reads
x_t (the word's embedding) and h_t-1, and computes

- forget gate `f_t = σ(W_f·[h_t-1, x_t] + b_f)`: how much of C_t-1 to keep (0 forget, 1 keep)
- input gate `i_t = σ(W_i·[h_t-1, x_t] + b_i)` and candidate `C~_t = tanh(W_C·[h_t-1, x_t] + b_C)`
- cell state `C_t = f_t·C_t-1 + i_t·C~_t` (long-term memory)
- output gate `o_t = σ(W_o·[h_t-1, x_t] + b_o)` and `h_t = o_t·tanh(C_t)` (short-term memory)

The table shows one row per hidden unit (the first 8), the panel beside it the equations
filled in with the selected unit's numbers. The RNN (`c`) has one equation,
`h_t = tanh(W_xh x_t + W_hh h_t-1 + b_h)`. Words not in the vocabulary become `<unk>`.

**Lecture tables** (`k`): the forget-everything, remember-everything and input-gate examples;
↑ ↓ PgUp PgDn Home End scroll them.
**Gradient flow** (`d`): ‖dL/dh_t‖ for t = 0..T by autograd: the RNN's product of factors
below 1 vanishes, the LSTM's cell state keeps it (log scale).
**Language model** (`m`): embedding -> RNN/LSTM -> softmax, trained on the current corpus;
`t` starts, `x` stops. Perplexity is shown beside the unigram model's (the baseline: a model
that ignores the context); the trained weights then fill the gate table (`w`). A model
trained on another corpus stays, labelled with the corpus it was trained on.

""",
    "bind.lstm.back": "t-1",
    "bind.lstm.back.tip": "Step back in time: the gates at t-1",
    "bind.lstm.forward": "t+1",
    "bind.lstm.forward.tip": "Step forward in time: the gates at t+1",
    "bind.lstm.unit_up": "unit-/scroll",
    "bind.lstm.unit_up.tip": "Select the previous hidden unit (gates); scroll up (lecture tables)",
    "bind.lstm.unit_down": "unit+/scroll",
    "bind.lstm.unit_down.tip": "Select the next hidden unit (gates); scroll down (lecture tables)",
    "bind.lstm.page_up": "page up",
    "bind.lstm.page_up.tip": "Scroll the lecture tables up a page (first unit in the gate table)",
    "bind.lstm.page_down": "page down",
    "bind.lstm.page_down.tip": "Scroll the lecture tables down a page (last unit in the gate table)",
    "bind.lstm.home": "top",
    "bind.lstm.home.tip": "Scroll the lecture tables to the top",
    "bind.lstm.end": "bottom",
    "bind.lstm.end.tip": "Scroll the lecture tables to the bottom",
    "bind.lstm.cell": "RNN/LSTM",
    "bind.lstm.cell.tip": "Switch the cell between the RNN and the LSTM",
    "bind.lstm.weights": "weights",
    "bind.lstm.weights.tip": "Use freshly initialised or trained (language model) weights",
    "bind.lstm.edit": "sentence",
    "bind.lstm.edit.tip": "Type a sentence to run through the cell",
    "bind.lstm.corpus_sentence": "corpus",
    "bind.lstm.corpus_sentence.tip": "Take the next sentence of the current corpus",
    "bind.lstm.view_gates": "gates",
    "bind.lstm.view_gates.tip": "Show the gate table and the filled-in equations",
    "bind.lstm.view_lecture": "lecture",
    "bind.lstm.view_lecture.tip": "Show the lecture's forget/input gate tables",
    "bind.lstm.view_flow": "flow",
    "bind.lstm.view_flow.tip": "Show the RNN-vs-LSTM gradient flow ||dL/dh_t|| (log scale)",
    "bind.lstm.view_lm": "LM",
    "bind.lstm.view_lm.tip": "Show the language model: training and next-word predictions",
    "bind.lstm.train": "train",
    "bind.lstm.train.tip": "Train the language model on the current corpus (in the background)",
    "bind.lstm.stop": "stop",
    "bind.lstm.stop.tip": "Stop training the language model (keeps the last good weights)",
    "lstm.sentence": "sentence ",
    "lstm.sentence.placeholder": "type a sentence, Enter to run it",
    "lstm.hidden.tip": "hidden size (units, 1-1024); Enter to apply",
    "lstm.not-trained": "not trained: press t to train on the current corpus",
    "lstm.kept": "language model kept: ",
    "lstm.earlier": "trained earlier",
    "lstm.kept.not-on": " (not on {corpus}); t trains one on {corpus}",
    "lstm.unknown": "not in the vocabulary, read as {unk}: {words}",
    "lstm.no-sentence": "{kind} · no sentence (e types one)",
    "lstm.trained": "trained",
    "lstm.fresh": "fresh",
    "lstm.predict.no-sentence": "next-word predictions: no sentence (e types one)",
    "lstm.predict.training": "next-word predictions: when the {kind} has trained (x stops early and keeps what it learned)",
    "lstm.predict.train": "next-word predictions: train the {kind} language model (t)",
    "lstm.predict.after": "next after {prefix}:",
    "lstm.predict.other": "(language model {label}, not on {corpus})",
    "lstm.no-corpus": "no corpus: choose one in the Corpus pane first",
    "lstm.already": "the {kind} language model is already training (x stops it)",
    "lstm.the-corpus": "the corpus",
    "lstm.starting": "training the {kind} language model on {corpus}: building the vocabulary (the first run also loads torch)… x stops",
    "lstm.nothing-training": "nothing is training (t starts)",
    "lstm.stopping": "stopping…",
    "lstm.started": """H={hidden} emb={emb}, {tokens:,} tokens, V={V:,}, {epochs} epochs{base}
first batches… x stops""",
    "lstm.started.unigram": "; unigram perplexity {ppl:.1f}",
    "lstm.stopped-early": "training stopped before the first update",
    "lstm.end.failed": "stopped by an error, the last good weights kept",
    "lstm.end.stopped": "stopped",
    "lstm.end.finished": "finished",
    "lstm.end.held-out": "held-out perplexity {ppl:.1f}",
    "lstm.end.unigram": "unigram {ppl:.1f}",
    "lstm.end.fits": "gate table: trained weights (w: fresh)",
    "lstm.end.not-on": "not on {corpus} (w shows it)",
    "lstm.no-steps": "no sentence to step through: press e and type one",
    "lstm.no-trained.fresh": "no trained {kind} yet: showing fresh weights (t trains one)",
    "lstm.no-trained": "no trained {kind} yet: press t to train the language model",
    "lstm.trained-other": "trained weights: language model {label} (not on {corpus}); words it never saw read as {unk}",
    "lstm.no-sentences": "the corpus has no sentences",
    "lstm.hidden.int": "hidden size must be an integer (got {got})",
    "lstm.lm.where": "epoch {epoch}/{epochs} · {fraction:.0%} · {rate:,.0f} tok/s · x stops",
    "lstm.lm.loss": "loss {loss:.3f}",
    "lstm.lm.ppl": "perplexity {ppl:.1f}",
    "lstm.lm.held-out": "held-out {ppl:.1f}",
    "lstm.lm.unigram": "unigram {ppl:.1f}",
    "lstm.lm.loss-label": "loss",
    "lstm.lm.ppl-label": "perplexity",
    "lstm.lm.loss-line": "loss (cross-entropy) {loss:.3f}   scale 0 .. {top:.2f}",
    "lstm.lm.ppl-line": "perplexity exp(loss) {ppl:.1f}{base}   scale 0 .. {top:.1f}",
    "lstm.gates.unit": "unit {unit}",
    "lstm.gates.units": "units 0-{last} of {H} shown",
    "lstm.gates.legend.lstm": "colour: gates f_t i_t o_t near 1 (open) / near 0 (closed); C~_t C_t h_t by sign.",
    "lstm.gates.legend.rnn": "colour: by sign; |h_t| <= 1 because of tanh.",
    "lstm.gates.legend.x": "x_t = embedding of the word ({n} numbers). ↑↓ unit, ←→ t",
    "lstm.flow.computing": "gradient flow: computing… (torch loads on first use)",
    "lstm.flow.settings": "T={T} H={H}, RNN W_hh x{scale}, LSTM forget bias +{bias}, log scale",
    "lstm.flow.slope": "slope of ln‖dL/dh‖ per step back: ",
    "lstm.flow.xlabel": "t (the loss is at t = T)",
    "lstm.lecture.hint": "↑↓ PgUp PgDn Home End scroll these tables",

    # -- pane 7: the lecture's gate tables (English as engine/presets.py says it) --------------
    "lstm.preset.forget-all.note": "f_t = 0 forgets all of C_{t-1}; nothing is written (i_t = 0), so C_t = 0",
    "lstm.preset.remember-all.note": "f_t = 1 keeps all of C_{t-1}; nothing is written (i_t = 0), so C_t = C_{t-1}",
    "lstm.preset.input.note": "i_t scales the candidate C~_t; with f_t = 1, C_t = C_{t-1} + i_t * C~_t",

    # -- pane 1: the built-in corpora (English as corpora/registry.py says it) -----------------
    "corpus.about.lecture": "the lecture's examples: i love cute cat, we watch movie, you draw picture, cat chase dog",
    "corpus.about.lecture-ko": "the lecture's examples in Korean: 나는 귀여운 고양이를 좋아한다, 나는 머신러닝이 좋다",
    "corpus.about.toy-world": "generated world with planted gender, capital, plural and tense relations + analogy file",
    "corpus.about.text8": "first 100 MB of English Wikipedia, cleaned (Matt Mahoney); `wordlab corpora fetch text8`",
}
