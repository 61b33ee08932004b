"""A learned tagger of attribution spans: BIO tags for cue, source and content over spaCy tokens.

Each token is read through spaCy's own contextual vectors (``doc.tensor``), its parse labels,
lemma and quotation state; a BiLSTM runs over runs of whole sentences and three softmax heads
tag the token as outside, beginning or inside a cue, a source and a content span. A model file
holds one such BiLSTM or an ensemble of them trained from different seeds, whose per-role
probabilities are averaged; each role is decoded as the best sequence in which no span opens
on an inside tag. The trained weights ship as ``models/attribution_tagger.npz`` (float16),
written by ``scripts/train_attribution.py``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_PUNCT,
    IS_SPACE,
    IS_TITLE,
    IS_UPPER,
    LEMMA,
    POS,
    SENT_START,
    TAG,
)
from spacy.tokens import Doc

from ...models import model_path
from .quotes import quote_spans

TAGGER_PATH = model_path("attribution_tagger.npz")
ROLES = ("cue", "source", "content")
CATS = ("pos", "tag", "dep", "hdep", "ent", "lemma", "hlemma")
N_DENSE = 14
# with a cue lexicon: how often the token's lemma, and its head's, is a cue in the training articles
N_RATES = 2
MAX_CHUNK = 320
OPEN_QUOTES = frozenset({"“", "‘"})
QUOTE_CHARS = frozenset({'"', "“", "”", "''", "``", "‘", "’"})


def _cat_values(doc: Doc) -> list[list[str]]:
    """The categorical inputs of each token, as strings (mapped to ids by the model's vocabularies)."""
    cols = doc.to_array([POS, TAG, DEP, ENT_TYPE, LEMMA])
    strings = doc.vocab.strings
    names: dict[int, str] = {0: ""}
    lowered: dict[int, str] = {}
    for h in np.unique(cols[:, :4]).tolist():
        names.setdefault(h, strings[h])
    for h in np.unique(cols[:, 4]).tolist():
        lowered[h] = strings[h].lower()
    heads = np.arange(len(doc)) + doc.to_array([HEAD]).view(np.int64)
    return [
        [names[p], names[t], names[d], names[hd], names[e] or "-", lowered[lem], lowered[hlem]]
        for p, t, d, hd, e, lem, hlem in zip(cols[:, 0].tolist(), cols[:, 1].tolist(), cols[:, 2].tolist(),
                                              cols[heads, 2].tolist(), cols[:, 3].tolist(), cols[:, 4].tolist(),
                                              cols[heads, 4].tolist())
    ]


def _dense(doc: Doc, quotes: Sequence[tuple[int, int]] | None = None) -> np.ndarray:
    """Hand-made numeric inputs: quotation state, layout and a little syntax."""
    text = doc.text
    inside = np.zeros(len(text) + 1, dtype=np.int8)
    for a, b in quote_spans(text) if quotes is None else quotes:
        inside[a:b] = 1
    n = len(doc)
    # whole-doc arrays: reading these per token through spaCy's objects costs more than the tagger itself
    cols = doc.to_array([HEAD, DEP, IDX, SENT_START, IS_SPACE, IS_TITLE, IS_UPPER, IS_PUNCT]).view(np.int64)
    rel, dep, idx = cols[:, 0], cols[:, 1], cols[:, 2]
    words = [t.text for t in doc]
    spaces = [t.whitespace_ for t in doc]
    heads = np.arange(n) + rel
    has_child = {}
    for group in (("ccomp", "xcomp"), ("nsubj", "nsubjpass"), ("dobj",)):
        flags = np.zeros(n, dtype=bool)
        kids = np.isin(dep, [doc.vocab.strings[d] for d in group]) & (rel != 0)
        flags[heads[kids]] = True
        has_child[group[0]] = flags
    out = np.zeros((n, N_DENSE), dtype=np.float32)
    quoted = inside[idx]
    out[:, 0] = quoted
    out[:, 1] = [w in QUOTE_CHARS for w in words]
    out[:, 2] = [w in OPEN_QUOTES or (w == '"' and sp == "" and q == 1) for w, sp, q in zip(words, spaces, quoted)]
    out[:, 3] = cols[:, 3] == 1
    out[0, 3] = 1
    out[:, 4] = [k == 0 or "\n" in spaces[k - 1] or "\n" in words[k - 1] for k in range(n)]
    out[:, 5:7] = cols[:, 4:6]
    out[:, 7] = (cols[:, 6] == 1) & np.array([len(w) > 1 for w in words], dtype=bool)
    out[:, 8] = cols[:, 7]
    out[:, 9] = np.clip(rel, -8, 8) / 8.0
    out[:, 10] = has_child["ccomp"]
    out[:, 11] = has_child["nsubj"]
    out[:, 12] = has_child["dobj"]
    out[:, 13] = dep == doc.vocab.strings["ROOT"]
    return out


def doc_inputs(doc: Doc, quotes: Sequence[tuple[int, int]] | None = None) -> tuple[list[list[str]], np.ndarray]:
    """(categorical strings, dense float32 matrix) for every token; ``quotes`` are the doc's quote spans when known."""
    tensor = doc.tensor if doc.tensor is not None and len(doc.tensor) == len(doc) else None
    if tensor is None or tensor.shape[1] == 0:
        tensor = np.zeros((len(doc), 96), dtype=np.float32)
    return _cat_values(doc), np.concatenate([tensor.astype(np.float32), _dense(doc, quotes)], axis=1)


def cue_rate_columns(cats: list[list[str]], rates: dict[str, float]) -> np.ndarray:
    """(tokens, N_RATES) float32: the cue rate of each token's lemma and of its head's lemma (0 when unseen)."""
    lem, hlem = CATS.index("lemma"), CATS.index("hlemma")
    return np.array([[rates.get(row[lem], 0.0), rates.get(row[hlem], 0.0)] for row in cats],
                    dtype=np.float32).reshape(len(cats), N_RATES)


def encode_cats(cats: list[list[str]], vocabs: dict[str, dict[str, int]]) -> np.ndarray:
    """Categorical strings to an id matrix (unknown values map to 0)."""
    out = np.zeros((len(cats), len(CATS)), dtype=np.int64)
    for k, c in enumerate(CATS):
        v = vocabs[c]
        out[:, k] = [v.get(row[k], 0) for row in cats]
    return out


def chunk_ranges(sent_starts: list[int], n: int, limit: int = MAX_CHUNK) -> list[tuple[int, int]]:
    """Token ranges of runs of whole sentences, each at most ``limit`` tokens."""
    cuts = sorted(set(sent_starts) | {n})
    out: list[tuple[int, int]] = []
    start = prev = 0
    for c in cuts[1:]:
        if c - start > limit:
            if prev > start:
                out.append((start, prev))
                start = prev
            while c - start > limit:
                out.append((start, start + limit))
                start += limit
        prev = c
    if start < n:
        out.append((start, n))
    return out


def decode(tags: np.ndarray) -> list[tuple[int, int]]:
    """Token spans [start, end) from one role's tag ids (0 outside, 1 begin, 2 inside)."""
    spans: list[tuple[int, int]] = []
    start = None
    for i, t in enumerate(tags):
        if t == 1 or (t == 2 and start is None):
            if start is not None:
                spans.append((start, i))
            start = i
        elif t == 0 and start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(tags)))
    return spans


def viterbi(scores: np.ndarray) -> np.ndarray:
    """The best valid O/B/I tag sequence of each role from (tokens, roles, 3) log-probabilities."""
    n, roles, _ = scores.shape
    rows = scores.tolist()
    out = np.zeros((n, roles), dtype=np.int64)
    # plain floats: per-token numpy calls on 3x3 arrays cost more than the arithmetic
    for r in range(roles):
        o, b, i = rows[0][r][0], rows[0][r][1], -np.inf
        back = [(0, 0)]
        for k in range(1, n):
            s = rows[k][r]
            # ties go to the earlier tag (O, then B, then I); an inside tag never follows an outside one
            inner, inner_from = (b, 1) if b >= i else (i, 2)
            free, free_from = (o, 0) if o >= inner else (inner, inner_from)
            back.append((free_from, inner_from))
            o, b, i = free + s[0], free + s[1], inner + s[2]
        inner, tag = (b, 1) if b >= i else (i, 2)
        tag = 0 if o >= inner else tag
        for k in range(n - 1, -1, -1):
            out[k, r] = tag
            tag = back[k][tag == 2]
    return out


def build_model(sizes: dict[str, int], dims: dict[str, int], n_dense: int, hidden: int = 96, layers: int = 2):
    """The torch module: embeddings and dense inputs, a projection, a BiLSTM and a tag layer."""
    import torch
    from torch import nn

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.embs = nn.ModuleList(nn.Embedding(sizes[c], dims[c]) for c in CATS)
            width = sum(dims[c] for c in CATS) + n_dense
            self.proj = nn.Linear(width, 128)
            self.drop = nn.Dropout(0.25)
            self.lstm = nn.LSTM(128, hidden, num_layers=layers, bidirectional=True, batch_first=True,
                                dropout=0.2 if layers > 1 else 0.0)
            self.out = nn.Linear(2 * hidden, 3 * len(ROLES))

        def forward(self, cats: "torch.Tensor", dense: "torch.Tensor") -> "torch.Tensor":
            x = torch.cat([e(cats[..., k]) for k, e in enumerate(self.embs)] + [dense], dim=-1)
            x = self.drop(torch.relu(self.proj(x)))
            h, _ = self.lstm(x)
            return self.out(self.drop(h)).view(*h.shape[:2], len(ROLES), 3)

    return Tagger()


def average_log_probs(logits: Sequence) -> np.ndarray:
    """Per-role O/B/I log-probabilities averaged over ensemble members, from each member's logits."""
    import torch

    probs = torch.stack([torch.softmax(x, -1) for x in logits]).mean(0)
    return torch.log(probs.clamp(min=1e-12)).numpy()


class SpanTagger:
    """An ensemble of trained taggers sharing one set of vocabularies."""

    def __init__(self, models: Sequence, vocabs: dict[str, dict[str, int]],
                 outside_bias: Sequence[float] = (0.0, 0.0, 0.0), cue_rates: dict[str, float] | None = None) -> None:
        self.models = list(models)
        self.vocabs = vocabs
        # a tagger trained with the cue lexicon reads it as two more dense inputs
        self.cue_rates = cue_rates
        # subtracted from each role's outside log-probability: above 0 favours recall
        self.outside_bias = np.asarray(outside_bias, dtype=np.float32)

    def tag(self, doc: Doc, quotes: Sequence[tuple[int, int]] | None = None) -> dict[str, list[tuple[int, int]]]:
        """Predicted token spans of each role in a doc, given its quote spans when already found."""
        if len(doc) == 0:
            return {r: [] for r in ROLES}
        return self.spans(doc, self.log_probs(doc, quotes))

    def log_probs(self, doc: Doc, quotes: Sequence[tuple[int, int]] | None = None) -> np.ndarray:
        """Per-token O/B/I log-probabilities of each role, (tokens, roles, 3), before the outside bias."""
        import torch

        cats, dense = doc_inputs(doc, quotes)
        if self.cue_rates is not None:
            dense = np.concatenate([dense, cue_rate_columns(cats, self.cue_rates)], axis=1)
        ids = torch.from_numpy(encode_cats(cats, self.vocabs))
        feats = torch.from_numpy(dense)
        parts = chunk_ranges([sent.start for sent in doc.sents], len(doc))
        width = max(b - a for a, b in parts)
        ci = torch.zeros((len(parts), width, len(CATS)), dtype=torch.long)
        df = torch.zeros((len(parts), width, feats.shape[1]))
        for k, (a, b) in enumerate(parts):
            ci[k, : b - a] = ids[a:b]
            df[k, : b - a] = feats[a:b]
        # one thread: small recurrent steps only lose time to thread hand-offs on a busy machine
        threads = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            with torch.inference_mode():
                scores = average_log_probs([m(ci, df) for m in self.models])
        finally:
            torch.set_num_threads(threads)
        return np.concatenate([scores[k, : b - a] for k, (a, b) in enumerate(parts)])

    def spans(self, doc: Doc, log_probs: np.ndarray) -> dict[str, list[tuple[int, int]]]:
        """Token spans of each role decoded from ``log_probs`` under the outside bias, run by run of sentences."""
        scores = log_probs.copy()
        scores[..., 0] -= self.outside_bias
        tags = np.zeros((len(doc), len(ROLES)), dtype=np.int64)
        for a, b in chunk_ranges([sent.start for sent in doc.sents], len(doc)):
            tags[a:b] = viterbi(scores[a:b])
        return {r: decode(tags[:, j]) for j, r in enumerate(ROLES)}


def save_tagger(path: Path, models: Sequence, vocabs: dict[str, dict[str, int]], dims: dict[str, int],
                outside_bias: Sequence[float] = (0.0, 0.0, 0.0), cue_rates: dict[str, float] | None = None) -> None:
    """Write the members' weights (float16), the shared vocabularies and the cue lexicon (when the
    members read one) to one .npz file."""
    arrays = {f"w{m}:{k}": v.detach().cpu().numpy().astype(np.float16)
              for m, model in enumerate(models) for k, v in model.state_dict().items()}
    lstm = models[0].lstm
    meta = {"vocabs": {c: sorted(v, key=v.get) for c, v in vocabs.items()}, "dims": dims,
            "n_dense": N_DENSE + (N_RATES if cue_rates is not None else 0), "members": len(models),
            "hidden": lstm.hidden_size, "layers": lstm.num_layers, "outside_bias": [float(b) for b in outside_bias]}
    if cue_rates is not None:
        meta["cue_rates"] = cue_rates
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)
    np.savez_compressed(path, **arrays)


@lru_cache(maxsize=1)
def load_tagger(path: str = str(TAGGER_PATH)) -> SpanTagger | None:
    """The shipped tagger, or None when no model file is present."""
    p = Path(path)
    if not p.exists():
        return None
    import torch

    data = np.load(p)
    meta = json.loads(bytes(data["meta"]).decode("utf-8"))
    vocabs = {c: {s: i for i, s in enumerate(words)} for c, words in meta["vocabs"].items()}
    models = []
    # a file of one model written before ensembles keys its weights "w:"
    for prefix in [f"w{m}:" for m in range(meta["members"])] if "members" in meta else ["w:"]:
        model = build_model({c: len(vocabs[c]) for c in CATS}, meta["dims"], meta["n_dense"] + 96,
                            meta["hidden"], meta["layers"])
        model.load_state_dict({k[len(prefix):]: torch.from_numpy(data[k].astype(np.float32))
                               for k in data.files if k.startswith(prefix)})
        models.append(model.eval())
    return SpanTagger(models, vocabs, meta.get("outside_bias", (0.0, 0.0, 0.0)), meta.get("cue_rates"))
