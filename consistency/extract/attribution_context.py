"""Contextual token states for the attribution tagger: the sentence encoder's last layer, per spaCy token.

Each sentence is run through all-MiniLM-L6-v2 (the model ``consistency.embed`` loads), its word
pieces' states are averaged onto the spaCy tokens they overlap, and tokens of sentences that
are not encoded keep zeros. The same pass yields each sentence's embedding, which is handed to
``consistency.embed`` so that embedding that sentence again later costs nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from spacy.tokens import Doc, Span

DIM = 384
MAX_PIECES = 256
BATCH = 32


def encode_sentences(texts: Sequence[str]) -> tuple[list[np.ndarray], list[list[tuple[int, int]]]]:
    """Last-layer word-piece states and their character offsets for each text (one encoder pass)."""
    import torch

    from consistency.embed import _load_minilm, remember

    model = _load_minilm("cpu")
    tokenizer, bert = model.tokenizer, model[0].auto_model
    states: list[np.ndarray] = [np.zeros((0, DIM), dtype=np.float32)] * len(texts)
    offsets: list[list[tuple[int, int]]] = [[] for _ in texts]
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for b in range(0, len(order), BATCH):
        idx = order[b: b + BATCH]
        enc = tokenizer([texts[i] for i in idx], return_offsets_mapping=True, truncation=True,
                        max_length=MAX_PIECES, padding=True, return_tensors="pt")
        offs = enc.pop("offset_mapping").numpy()
        with torch.inference_mode():
            hidden = bert(**enc).last_hidden_state
            mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            # mean pooling and L2 norm: the sentence embedding the encoder's own pipeline computes
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
        ids = enc["input_ids"].numpy()
        lengths = enc["attention_mask"].sum(1).numpy()
        for k, i in enumerate(idx):
            n = int(lengths[k])
            states[i] = hidden[k, :n].numpy()
            offsets[i] = [tuple(map(int, o)) for o in offs[k, :n]]
            remember(tuple(ids[k, :n].tolist()), pooled[k].numpy())
    return states, offsets


def _pool(sent: Span, text: str, start: int, states: np.ndarray, offsets: list[tuple[int, int]], out: np.ndarray) -> None:
    """Average the word-piece states onto the tokens of one sentence (in place)."""
    starts = np.array([t.idx - start for t in sent])
    ends = starts + np.array([len(t.text) for t in sent])
    acc = np.zeros((len(sent), DIM), dtype=np.float32)
    count = np.zeros(len(sent), dtype=np.float32)
    for w, (a, b) in enumerate(offsets):
        if b <= a:
            continue  # [CLS], [SEP]
        hit = np.nonzero((starts < b) & (ends > a))[0]
        acc[hit] += states[w]
        count[hit] += 1
    seen = count > 0
    acc[seen] /= count[seen, None]
    out[sent.start: sent.end] = acc


def context_states(doc: Doc, keep: Sequence[bool] | None = None) -> np.ndarray:
    """(len(doc), 384) float32 encoder states per token; ``keep`` picks the sentences to encode."""
    out = np.zeros((len(doc), DIM), dtype=np.float32)
    sents = [s for k, s in enumerate(doc.sents) if keep is None or keep[k]]
    texts, lead = [], []
    for s in sents:
        raw = s.text
        # the encoder strips its input: offsets then count from the first non-space character
        skip = len(raw) - len(raw.lstrip())
        texts.append(raw.strip())
        lead.append(s.start_char + skip)
    if not texts:
        return out
    states, offsets = encode_sentences(texts)
    for s, text, start, st, off in zip(sents, texts, lead, states, offsets):
        _pool(s, text, start, st, off, out)
    return out
