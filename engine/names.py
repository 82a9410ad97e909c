"""The names of Word2Vec's choices, one definition for the engine, the CLI and the app.

Plain tuples, importable without numpy (the app's form is built before the engine loads)."""

ARCHS = ("sg", "cbow")               # Skip-gram: the centre predicts its context; CBOW: the reverse
LOSSES = ("softmax", "neg", "hs")    # full softmax, negative sampling, hierarchical softmax
UPDATES = ("shared", "pair")         # Skip-gram + NS: negatives shared by a centre's contexts, or per pair
DEVICES = ("cpu", "cuda")            # the compiled kernels, or torch on a GPU
