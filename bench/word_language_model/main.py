"""The training loop of PyTorch's examples/word_language_model/main.py, as functions.

The example keeps ``args``, ``model``, ``criterion`` and ``lr`` as globals; here they are
parameters, and ``train`` can stop after ``max_batches`` (for timing).  The loop itself is the
example's: batchify into columns, get_batch windows of ``bptt``, repackage_hidden between
windows, NLLLoss on log_softmax, clip_grad_norm_, then a manual SGD step ``p -= lr * grad``.
"""

import math
import time

import torch
import torch.nn as nn


def batchify(data, bsz, device="cpu"):
    # Work out how cleanly we can divide the dataset into bsz parts.
    nbatch = data.size(0) // bsz
    # Trim off any extra elements that wouldn't cleanly fit (remainders).
    data = data.narrow(0, 0, nbatch * bsz)
    # Evenly divide the data across the bsz batches.
    data = data.view(bsz, -1).t().contiguous()
    return data.to(device)


def repackage_hidden(h):
    """Wraps hidden states in new Tensors, to detach them from their history."""
    if isinstance(h, torch.Tensor):
        return h.detach()
    return tuple(repackage_hidden(v) for v in h)


def get_batch(source, i, bptt):
    seq_len = min(bptt, len(source) - 1 - i)
    data = source[i:i + seq_len]
    target = source[i + 1:i + 1 + seq_len].view(-1)
    return data, target


def evaluate(model, data_source, bptt, eval_batch_size=10):
    """Average NLL per token on ``data_source`` (already batchified with eval_batch_size)."""
    criterion = nn.NLLLoss()
    model.eval()
    total_loss = 0.0
    hidden = model.init_hidden(eval_batch_size)
    with torch.no_grad():
        for i in range(0, data_source.size(0) - 1, bptt):
            data, targets = get_batch(data_source, i, bptt)
            output, hidden = model(data, hidden)
            hidden = repackage_hidden(hidden)
            total_loss += len(data) * criterion(output, targets).item()
    return total_loss / (len(data_source) - 1)


def train(model, train_data, bptt, batch_size, lr=20.0, clip=0.25, max_batches=None,
          log_interval=200, log=print):
    """One epoch (or ``max_batches`` batches); returns (tokens trained, seconds, mean loss)."""
    criterion = nn.NLLLoss()
    model.train()
    total_loss = 0.0
    epoch_loss, n_batches, tokens = 0.0, 0, 0
    start_time = time.time()
    t0 = start_time
    hidden = model.init_hidden(batch_size)
    for batch, i in enumerate(range(0, train_data.size(0) - 1, bptt)):
        if max_batches is not None and batch >= max_batches:
            break
        data, targets = get_batch(train_data, i, bptt)
        # Starting each batch, we detach the hidden state from how it was previously produced.
        # If we didn't, the model would try backpropagating all the way to start of the dataset.
        model.zero_grad()
        hidden = repackage_hidden(hidden)
        output, hidden = model(data, hidden)
        loss = criterion(output, targets)
        loss.backward()

        # `clip_grad_norm` helps prevent the exploding gradient problem in RNNs / LSTMs.
        torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
        for p in model.parameters():
            p.data.add_(p.grad, alpha=-lr)

        total_loss += loss.item()
        epoch_loss += loss.item()
        n_batches += 1
        tokens += data.numel()

        if log_interval and batch % log_interval == 0 and batch > 0:
            cur_loss = total_loss / log_interval
            elapsed = time.time() - start_time
            log(f"| {batch:5d} batches | lr {lr:02.2f} | ms/batch "
                f"{elapsed * 1000 / log_interval:5.2f} | loss {cur_loss:5.2f} | "
                f"ppl {math.exp(cur_loss):8.2f}")
            total_loss = 0
            start_time = time.time()
    return tokens, time.time() - t0, epoch_loss / max(1, n_batches)
