"""A local copy of the essential model and training loop of PyTorch's examples/word_language_model.

wordlab's machines have no network, so this reproduces that example's well-known structure
(model.py's RNNModel, main.py's batchify / get_batch / repackage_hidden / train / evaluate,
plain SGD at lr 20 with clip_grad_norm_ 0.25) rather than importing it.  It is the reference
that bench/bench_lm.py times engine/lm.py against, on the same data and sizes.
"""

from .model import RNNModel
from .main import batchify, evaluate, get_batch, repackage_hidden, train

__all__ = ["RNNModel", "batchify", "get_batch", "repackage_hidden", "train", "evaluate"]
