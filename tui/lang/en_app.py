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
}
