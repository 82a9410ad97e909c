"""English messages (the reference table: tests/test_i18n.py checks ko.py against it)."""

MESSAGES: dict[str, str] = {
    # -- the lesson screen ------------------------------------------------------------------
    "lesson.title": "Lesson",
    "lesson.header": "Lesson {n}/{total} · {section} · {title}",
    "lesson.section.rnn": "RNN",
    "lesson.section.lstm": "LSTM",
    "lesson.section.words": "Word vectors",
    "lesson.section.word2vec": "Word2Vec",
    "lesson.key.next": "next",
    "lesson.key.back": "back",
    "lesson.key.advance": "advance",
    "lesson.key.leave": "panes",
    "lesson.key.help": "help",
    "lesson.key.language": "한국어",
    "lesson.tip.next": "The next step of the lesson",
    "lesson.tip.back": "The previous step of the lesson",
    "lesson.tip.advance": "Inside this step: the next time step, word or training example",
    "lesson.tip.leave": "Leave to the free panes (L comes back to this step)",
    "lesson.tip.help": "Explain this step, list the steps and the keys",
    "lesson.tip.language": "Switch the lesson to Korean (한국어)",
    "lesson.tip.to": "Leave the lesson and show the {pane} pane",
    "lesson.help.title": "Help: {title}   (Esc closes, arrows scroll)",
    "lesson.help.steps": "The steps",
    "lesson.help.keys": "Keys",
    "lesson.help.key": "key",
    "lesson.help.action": "action",
    "lesson.help.panes": "leave the lesson to pane 1-7 (L comes back)",
    "lesson.help.palette": "command palette: every key of the lesson",
    "lesson.help.quit": "quit wordlab",

    # -- 1. RNN ----------------------------------------------------------------------------------
    "lesson.rnn.title": "the recurrent neural network, step by step",
    "lesson.rnn.text": (
        "h_t = tanh(W_xh x_t + W_hh h_t-1 + b_h),  y_t = W_hy h_t + b_y. The words go in one at "
        "a time; h_t carries what came before into the next step. h_t-1 is the row above's "
        "h_t. n: the equation at the next t."),
    "lesson.rnn.onehot": "x_t (one-hot)",
    "lesson.rnn.top": "top y_t",
    "lesson.rnn.shared": ("W_xh, W_hh, b_h, W_hy, b_y (V={V}, H={H}): the same numbers at every "
                          "time step (shared)"),
    "lesson.rnn.at": "t={t} ({word}):",
    "lesson.rnn.column": "(column '{word}' of W_xh)",

    # -- 2. shapes -------------------------------------------------------------------------------
    "lesson.shapes.title": "one-to-many, many-to-one, many-to-many",
    "lesson.shapes.text": (
        "The same cell, three ways to use it, by the lengths of the input and output sequences. "
        "Each row is run through the cell: – is no input (x_t = 0), · an output computed but "
        "ignored. Many-to-many (sequence to sequence) uses every y_t."),
    "lesson.shapes.one-to-many": "one-to-many",
    "lesson.shapes.many-to-one": "many-to-one",
    "lesson.shapes.many-to-many": "many-to-many",
    "lesson.shapes.ignored": "·",
    "lesson.shapes.legend": ("y_t: the word with the highest score (untrained weights, so only "
                             "a guess)"),

    # -- 3. BPTT -----------------------------------------------------------------------------------
    "lesson.bptt.title": "training: back-propagation through time",
    "lesson.bptt.text": (
        "W_hh is used at every step, so dL/dW_hh is a sum with one term per step: the effect at t, "
        "at t-1, ... Each step further back multiplies one more factor J_t = dh_t/dh_t-1. "
        "Look at the factors' sizes in brackets and at how the term shrinks."),
    "lesson.bptt.loss": (
        "input: {inputs}   L = CE(y_{T}, {target}) = -ln p({target}) = -ln {p} = {loss}"),
    "lesson.bptt.term": "W_hh at",
    "lesson.bptt.chain": "chain of factors (‖J‖)",
    "lesson.bptt.size": "‖term‖",
    "lesson.bptt.sum": "‖sum‖",
    "lesson.bptt.factors": "J_t = dh_t/dh_t-1 = diag(1 − h_t²)·W_hh; in brackets its size ‖J_t‖",
    "lesson.bptt.h0": "at t=1 W_hh multiplies h_0 = 0: that term is 0, but ‖dL/dh_1‖ is not",

    # -- 4. vanishing --------------------------------------------------------------------------------
    "lesson.vanishing.title": "the long-term dependency problem",
    "lesson.vanishing.text": (
        "On a long sequence the effect of t = 0 on the loss at T goes through T factors, each "
        "between 0 and 1: their product goes to ~0, the gradient vanishes and W_hh stops learning "
        "from the start of the sequence."),
    "lesson.vanishing.factors": "the factors of a random RNN over T = {T} steps",
    "lesson.vanishing.range": "(all between {lo} and {hi})",
    "lesson.vanishing.products": "their product ‖dh{T}/dh_t‖, the effect of h_t on the loss:",

    # -- 5-8. LSTM tables ------------------------------------------------------------------------------
    "lesson.forget-all.title": "forget gate: forget everything",
    "lesson.forget-all.text": (
        "The LSTM eases the long-term dependency problem with a cell state C_t and three gates. "
        "The forget gate f_t (a sigmoid: between 0 and 1) scales the old cell state element by "
        "element. With f_t = 0 nothing of C_t-1 is kept."),
    "lesson.forget-all.equation": "f_t = σ(W_f · [h_t-1, x_t] + b_f)",
    "lesson.forget-all.note": "f_t ⊗ C_t-1: computed by the LSTM cell's own update code",
    "lesson.remember-all.title": "forget gate: remember everything",
    "lesson.remember-all.text": (
        "The same C_t-1 with f_t = 1: the old cell state passes through unchanged. Between the "
        "two, a gate of 0.5 keeps half: the network learns per element how much to keep."),
    "lesson.remember-all.equation": "f_t = σ(W_f · [h_t-1, x_t] + b_f)",
    "lesson.remember-all.note": "f_t = 1 keeps all of C_t-1: the long-term memory is carried on",
    "lesson.input-gate.title": "input gate",
    "lesson.input-gate.text": (
        "The input gate i_t chooses how much of the candidate C~_t (a tanh: between -1 and 1) is "
        "written into the cell state. Look at element 3: 0.8 of 0.6 is 0.48."),
    "lesson.input-gate.equation": (
        "i_t = σ(W_i · [h_t-1, x_t] + b_i)    C~_t = tanh(W_C · [h_t-1, x_t] + b_C)"),
    "lesson.input-gate.note": "i_t ⊗ C~_t is what the input gate writes (the lecture's table)",
    "lesson.cell-update.title": "the cell state update",
    "lesson.cell-update.text": (
        "C_t = f_t ⊗ C_t-1 + i_t ⊗ C~_t: the previous cell state with the unneeded information "
        "removed, plus the current candidate. Here f_t = 1 (keep everything) and the lecture's "
        "input gate: every number below is computed by the engine's cell update."),
    "lesson.cell-update.equation": "C_t = f_t ⊗ C_t-1 + i_t ⊗ C~_t",
    "lesson.cell-update.table": "the lecture's input gate, with C_t-1 kept (f_t = 1)",
    "lesson.cell-update.note": (
        "then o_t = σ(W_o·[h_t-1, x_t] + b_o) and h_t = o_t ⊗ tanh(C_t): next step"),
    "lesson.lstm-sentence.title": "the LSTM cell on a sentence",
    "lesson.lstm-sentence.text": (
        "The same equations on 'i love cute cat' (fresh weights): one row per hidden unit, and "
        "the equations of unit 0 filled in. o_t decides how much of tanh(C_t) becomes h_t, the "
        "short-term memory. Press n for the next word."),
    "lesson.lstm-sentence.status": "{sentence}   t={t}   H={H} (fresh weights)",
    "lesson.lstm-sentence.legend": (
        "colour: gates near 1 (open) / near 0 (closed); C~_t, C_t, h_t by sign. n: the "
        "next word"),
    "lesson.flow.title": "RNN vs LSTM: the gradient flow",
    "lesson.flow.text": (
        "‖dL/dh_t‖ for t = 0..T, measured by autograd on the same random input: the RNN's "
        "product of factors vanishes, the LSTM's cell state (forget gate near 1) carries the "
        "gradient back much further. Log scale: each line down is 10 times smaller."),

    # -- LSTM's limits: Seq2Seq (engine/seq2seq.py) ------------------------------------------------
    "lesson.seq2seq.title": "LSTM's limits: Seq2Seq",
    "lesson.seq2seq.text": (
        "An encoder LSTM reads the sentence; its last h_T and C_T, the context vector, is all the "
        "decoder LSTM gets. From <SOS> it writes one word at a time, each the most probable "
        "(greedy), and reads it back in. Trained just now on sentence pairs. n: next word."),
    "lesson.seq2seq.training": "training the encoder and decoder (a few seconds)…",
    "lesson.seq2seq.trained": (
        "trained on {pairs} sentence pairs, {steps} Adam steps, H = {H}; "
        "loss {before} -> {after}"),
    "lesson.seq2seq.encoder": "encoder reads '{sentence}' (T = {T}): context vector, H = {H}",
    "lesson.seq2seq.decoder": "decoder, greedy, from the context vector:",
    "lesson.seq2seq.input": "input y_k-1",
    "lesson.seq2seq.output": "output y_k",
    "lesson.seq2seq.so-far": "translation so far: {words}",
    "lesson.seq2seq.press": "n: the next output word (p: its softmax probability)",
    "lesson.seq2seq-long.title": "Seq2Seq: long inputs",
    "lesson.seq2seq-long.text": (
        "The long-term dependency problem remains: a short input and a long one are squeezed "
        "into the same context vector. Below, greedy translations of new sentences, scored word "
        "by word against the right translation: the longer the input, the more words go wrong."),
    "lesson.seq2seq-long.measured": (
        "{n} new sentences per length, trained on 1-{hi} clauses, context H = {H}:"),
    "lesson.seq2seq-long.clauses": "clauses",
    "lesson.seq2seq-long.words": "words in",
    "lesson.seq2seq-long.right": "right words",
    "lesson.seq2seq-long.exact": "whole sentence",
    "lesson.seq2seq-long.trained": "(trained length)",
    "lesson.seq2seq-long.example": "one long input ({n} words); wrong words reversed:",
    "lesson.seq2seq-long.input": "in",
    "lesson.seq2seq-long.output": "out",
    "lesson.seq2seq-long.reference": "right",

    # -- 11-13. one-hot --------------------------------------------------------------------------------
    "lesson.onehot.title": "one-hot encoding",
    "lesson.onehot.text": (
        "The traditional way to feed words to a network: give every word an index and a vector "
        "of zeros with a single 1 at that index. The lecture's four words: cat, apple, dog, "
        "banana."),
    "lesson.onehot.index": "(a 1 at index {i})",
    "lesson.onehot-size.title": "limit 1: the vector grows with the vocabulary",
    "lesson.onehot-size.text": (
        "With 100,000 words every one-hot vector has 100,000 numbers, and all but one are 0: "
        "memory and computation grow with the vocabulary. Word2Vec gives each word a short real "
        "vector instead (the embedding); its size d is a hyper-parameter."),
    "lesson.onehot-size.numbers": "numbers",
    "lesson.onehot-size.memory": "memory",
    "lesson.onehot-size.vector": "one one-hot vector (V = {V})",
    "lesson.onehot-size.table": "all {V} one-hot vectors",
    "lesson.onehot-size.embedding": "all {V} embeddings, d = {d}",
    "lesson.onehot-size.nonzero": "Non-zero in a one-hot vector: {pct}% of its numbers.",
    "lesson.onehot-size.ratio": (
        "The one-hot vectors take {ratio} times the memory of embeddings of d = {d}."),
    "lesson.onehot-size.float32": "at {bytes} bytes a number (float32)",
    "lesson.onehot-distance.title": "limit 2: no similarity between words",
    "lesson.onehot-distance.text": (
        "The L2 distance between any two different one-hot vectors is the same, √2: cat is as "
        "far from dog as from banana. One-hot vectors cannot say which words are alike."),
    "lesson.onehot-distance.l2": "L2 distance",
    "lesson.onehot-distance.cosine": "cosine",
    "lesson.onehot-distance.same": ("Every pair of different words: L2 = {values} (√2), "
                                    "cosine = {cos}."),

    "lesson.embedding.title": "Word2Vec: distances and relations",
    "lesson.embedding.text": (
        "Word2Vec gives each word a short real vector, its embedding (d is a "
        "hyper-parameter). Trained well, similar words are close and relations become "
        "vectors: woman → man is parallel to queen → king. Trained just now on toy-world "
        "(20,000 generated sentences); plotted: their first two principal components."),
    "lesson.embedding.trained": "{corpus}: {arch}/{loss}, d={dim}, {epochs} epochs; loss {before} -> {after}",
    "lesson.embedding.parallel": "cos({b} − {a}, {d} − {c}) = {cos}: the two arrows point the same way",
    "lesson.embedding.plot": "PCA of the four vectors",
    # -- 14-15. the 4-word model ------------------------------------------------------------------------
    "lesson.model-untrained.title": "the 4-word model, untrained",
    "lesson.model-untrained.text": (
        "'i', 'love', 'cute', 'cat' as one-hot vectors in R^4 -> a hidden layer of size d (a "
        "hyper-parameter) -> softmax over the 4 words. Untrained, every word gets p = 1/4: the "
        "cross-entropy is ln 4."),
    "lesson.model.shape": (
        "one-hot x (V={V}) -> W_in (V x d) -> h (d={d}) -> W_out -> softmax (V={V})"),
    "lesson.model.example": "CBOW: {inputs} -> {target}?   h = mean of their W_in rows = {h}",
    "lesson.model.word": "word",
    "lesson.model.score": "score",
    "lesson.model.ce": ("CE(Y, Ŷ) = -Σ Y_i log Ŷ_i = -ln p({target}) = -ln {p} = {loss}   "
                        "(= ln {V} = {ln})"),
    "lesson.model-trained.title": "the 4-word model, trained",
    "lesson.model-trained.text": (
        "The same model after training on 'i love cute cat': the loss is low, and the hidden "
        "vector holds enough about 'love' to predict it. Important: a word's embedding vector "
        "is its row of the trained weight matrix W_in."),
    "lesson.model-trained.training": "training the 4-word model…",
    "lesson.model-trained.loss": ("after {epochs} epochs: loss {before} -> {after},  "
                                  "p({target}) = {p}"),
    "lesson.model-trained.row": "embedding('{word}') = W_in['{word}'] = {row}",
    "lesson.model-trained.note": ("Trained word by word, the model cannot relate words: CBOW and "
                                  "Skip-gram fix that (next)."),

    # -- 16-17. CBOW and Skip-gram --------------------------------------------------------------------
    "lesson.corpus.opening": "reading the {corpus} corpus…",
    "lesson.cbow.title": "CBOW: fill in the blank",
    "lesson.cbow.text": (
        "Continuous Bag-of-Words: like a fill-in-the-blank exam question, predict the centre word "
        "from its context. Any large set of sentences is enough: the words learn their relations "
        "from the contexts they share."),
    "lesson.cbow.blanks": "sentences of the {corpus} corpus, the centre word blanked:",
    "lesson.pairs.input": "input",
    "lesson.pairs.output": "output",
    "lesson.pairs.title": "{arch} training data, window {window}: {sentence}",
    "lesson.pairs.short": "{arch}",
    "lesson.skipgram.title": "Skip-gram: the other way round",
    "lesson.skipgram.text": (
        "Skip-gram: given one word, output the words that can appear around it. CBOW: several "
        "words in, one word out; Skip-gram: one word in, several out (one pair each)."),
    "lesson.skipgram.sentence": "training data from '{sentence}', window {window}:",
    "lesson.skipgram.count": (
        "The same sentence gives {cbow} CBOW examples and {sg} Skip-gram pairs."),

    # -- what practitioners use ------------------------------------------------------------------
    "lesson.output-cost.title": "what practitioners use: the cost of the output layer",
    "lesson.output-cost.text": (
        "The full softmax scores every word of the vocabulary for every example: V rows "
        "of W_out. Negative sampling scores the true word and k noise words; hierarchical "
        "softmax the inner nodes on the word's path in a Huffman tree (about log2 V). "
        "Counted for the lecture's words and for 100,000 words."),
    "lesson.cost.title-line": "W_out rows scored and updated per training example",
    "lesson.cost.layer": "output layer",
    "lesson.cost.rows": "{corpus} (V={V})",
    "lesson.cost.negative": "negative sampling (k={k})",
    "lesson.cost.hs": "hierarchical softmax",
    "lesson.cost.hs-big": "{mean} (at most {longest})",
    "lesson.cost.saving": (
        "At V = {V}: negative sampling does {ns} times less work than the softmax, "
        "hierarchical softmax {hs} times less."),
    "lesson.negative.title": "negative sampling, one example",
    "lesson.negative.text": (
        "Skip-gram on the lecture's sentences: the true word gets label 1, and k noise "
        "words drawn from the unigram^0.75 distribution label 0; each is one sigmoid "
        "instead of a softmax over V. W_out starts at 0, so every σ is 0.5 at first. "
        "Press n for the next example."),
    "lesson.hierarchical.title": "hierarchical softmax, one example",
    "lesson.hierarchical.text": (
        "A word's probability is the product of binary decisions on its path from the "
        "root of a Huffman tree (frequent words have short paths). Each inner node on the "
        "path is one row of W_out and one sigmoid. Press n for the next example."),
    "lesson.step.node": "inner node",
    "lesson.step.label": "label",
    "lesson.step.example": "example {n}: {inputs} -> {target}   (sentence: {sentence})",
    "lesson.step.rows": "{rows} rows of W_out scored (the full softmax: all {V})",
    "lesson.step.loss-neg": "L = -ln σ(s_true) - Σ ln σ(-s_noise) = {loss}",
    "lesson.step.loss-hs": "L = -Σ ln σ(±s) along the path = {loss}",
    "lesson.step.press": (
        "n: train this example and show the next (the Step pane, 4, does the same)"),

    # -- 18. training on the corpus --------------------------------------------------------------------
    "lesson.train-corpus.title": "training on the lecture's sentences",
    "lesson.train-corpus.text": (
        "Word2Vec trained on all the lecture's sentences with their own settings (as pane 3 and "
        "'wordlab train' do). Distances now mean something: words used in the same contexts "
        "are close. Esc: the panes then have these vectors (5 Explore, 2 One-hot)."),
    "lesson.train.settings": ("{corpus}: {arch}/{loss}, d={dim}, window {window}, "
                              "learning rate {alpha}, {epochs} epochs"),
    "lesson.train.loss": "loss per example: {before} untrained -> {after} trained",
    "lesson.train.word": "word",
    "lesson.train.nearest": "nearest words (cosine)",
    "lesson.train.similarity": (
        "cos({a}, {b}) = {cos}: the one-hot vectors of any two words had cosine 0."),
    "lesson.train.note": "Try it: Esc, then 5 (Explore) and n: the nearest words of any word.",

    "lesson.king-queen.title": "king - man + woman on a shipped corpus",
    "lesson.king-queen.text": (
        "Word2Vec trained just now on toy-world, the largest corpus wordlab ships: generated "
        "sentences in which gender, capitals, plurals and tenses are planted (real text, text8, "
        "is a download and trains in minutes). Then: which word is closest to king - man + woman?"),
    "lesson.king-queen.trained": (
        "{corpus}: {arch}/{loss}, d={dim}, {epochs} epochs of {tokens} words, V={V}, "
        "{seconds} s"),
    "lesson.king-queen.word": "word",
    "lesson.king-queen.cosine": "cosine",
    "lesson.king-queen.found": (
        "The answer is {answer} (cosine {cos}): the lecture's king - man + woman = {expected}, "
        "computed."),
    "lesson.king-queen.missed": (
        "These vectors answer {answer} (cosine {cos}), not {expected}: this training did not "
        "learn the relation."),
}

# the app around the lesson (panes, help, keys, palette, dialogs): tui/lang/en_app.py
from tui.lang.en_app import MESSAGES as _APP  # noqa: E402

assert not set(_APP) & set(MESSAGES), sorted(set(_APP) & set(MESSAGES))
MESSAGES.update(_APP)

# the other model families' views (GloVe's step mode): tui/lang/en_models.py
from tui.lang.en_models import MESSAGES as _MODELS  # noqa: E402

assert not set(_MODELS) & set(MESSAGES), sorted(set(_MODELS) & set(MESSAGES))
MESSAGES.update(_MODELS)
