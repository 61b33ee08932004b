"""Span tagger training for ``train_attribution.py --tagger`` and ``--combine`` (see its docstring)."""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np


def load_docs(root: Path, docbins: list[Path] | None, names_files: list[Path] | None):
    """(name, doc) pairs of a split, parsed now or read from saved DocBins."""
    if docbins and names_files:
        from spacy.tokens import DocBin

        from consistency.extract.nlp import load_nlp

        pairs = []
        for docbin, names_file in zip(docbins, names_files):
            names = names_file.read_text().split("\n")
            tok2vec = load_nlp().get_pipe("tok2vec")
            pairs += [(n, tok2vec(d)) for n, d in zip(names, DocBin().from_disk(docbin).get_docs(load_nlp().vocab))]
        return pairs
    from consistency.extract.nlp import load_nlp

    nlp = load_nlp()
    names = sorted(p.stem for p in (root / "text").glob("*.txt"))
    texts = [(root / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    return list(zip(names, nlp.pipe(texts, batch_size=16)))


def gold_tags(doc, rels: list[dict]) -> np.ndarray:
    """O/B/I tag ids (0/1/2) of every token for each role, from gold relations."""
    from consistency.extract.attribution.tagger import ROLES

    tags = np.zeros((len(doc), len(ROLES)), dtype=np.int64)
    starts = np.array([t.idx for t in doc])
    ends = np.array([t.idx + len(t.text) for t in doc])
    for j, role in enumerate(ROLES):
        # the longer of two nested spans of one role wins: one tag layer holds one span per token
        for a, b in sorted({r[role] for r in rels if r[role]}, key=lambda s: s[0] - s[1]):
            idx = [i for i in np.nonzero((starts < b) & (ends > a))[0] if not doc[i].is_space]
            if idx and not tags[idx, j].any():
                tags[idx, j] = 2
                tags[idx[0], j] = 1
    return tags


def tagger_rows(pairs, root: Path) -> list[tuple]:
    """Per annotated article: (categorical strings, dense inputs as float16, gold tags, sentence starts)."""
    from bench_attribution import article_anns, read_ann

    from consistency.extract.attribution.tagger import doc_inputs

    anns = article_anns(root)
    rows = []
    for k, (name, doc) in enumerate(pairs):
        if name in anns and len(doc):
            cats, dense = doc_inputs(doc)
            # float16, the precision the inputs have when read back from a cache
            rows.append((cats, dense.astype(np.float16), gold_tags(doc, read_ann(anns[name][0])),
                         [s.start for s in doc.sents]))
        if k % 100 == 99:
            print(f"{k + 1}/{len(pairs)} articles read", flush=True)
    return rows


def tagger_examples(rows: list[tuple], vocabs: dict | None = None):
    """Chunks of (category ids, dense inputs, tags), and the vocabularies (built when not given)."""
    from consistency.extract.attribution.tagger import CATS, chunk_ranges, encode_cats

    if vocabs is None:
        counts = {c: defaultdict(int) for c in CATS}
        for cats, *_ in rows:
            for row in cats:
                for k, c in enumerate(CATS):
                    counts[c][row[k]] += 1
        # lemmas seen fewer than three times stay unknown, as unseen words will be
        vocabs = {c: {w: i for i, w in enumerate(["<unk>"] + sorted(
            w for w, n in counts[c].items() if n >= (3 if "lemma" in c else 1)))} for c in CATS}
    out = []
    for cats, dense, tags, starts in rows:
        ids = encode_cats(cats, vocabs)
        out += [(ids[a:b], dense[a:b], tags[a:b]) for a, b in chunk_ranges(starts, len(cats))]
    return out, vocabs


def cue_lexicon_rows(rows: list[tuple], smooth: float = 2.0) -> tuple[list[tuple], dict[str, float]]:
    """The rows with the cue-rate inputs added, and the cue lexicon itself: how often each lemma is
    tagged a cue in the gold of ``rows`` (cue tokens over occurrences plus ``smooth``). A row's own
    inputs are counted without its article, so that a lemma only that article marks as a cue reads
    as it would in an unseen one."""
    from consistency.extract.attribution.tagger import CATS

    lem = CATS.index("lemma")
    per_row = []
    seen: dict[str, int] = defaultdict(int)
    cue: dict[str, int] = defaultdict(int)
    for cats, _, tags, _ in rows:
        s_n: dict[str, int] = defaultdict(int)
        c_n: dict[str, int] = defaultdict(int)
        for row, t in zip(cats, tags[:, 0].tolist()):
            s_n[row[lem]] += 1
            c_n[row[lem]] += t > 0
        per_row.append((s_n, c_n))
        for w, n in s_n.items():
            seen[w] += n
            cue[w] += c_n[w]
    rates = {w: round(cue[w] / (seen[w] + smooth), 4) for w in cue if cue[w]}
    out = []
    for (cats, dense, tags, starts), (s_n, c_n) in zip(rows, per_row):
        words = {row[lem] for row in cats} | {row[CATS.index("hlemma")] for row in cats}
        own = {w: (cue[w] - c_n.get(w, 0)) / (seen[w] - s_n.get(w, 0) + smooth) for w in words if cue.get(w)}
        out.append(_with_rates((cats, dense, tags, starts), own))
    return out, rates


def _batch(chunks):
    import torch

    width = max(len(c[0]) for c in chunks)
    ids = torch.zeros((len(chunks), width, chunks[0][0].shape[1]), dtype=torch.long)
    dense = torch.zeros((len(chunks), width, chunks[0][1].shape[1]))
    tags = torch.full((len(chunks), width, chunks[0][2].shape[1]), -100, dtype=torch.long)
    for k, (i, d, t) in enumerate(chunks):
        ids[k, : len(i)] = torch.from_numpy(i)
        dense[k, : len(i)] = torch.from_numpy(d)
        tags[k, : len(i)] = torch.from_numpy(t)
    return ids, dense, tags


def span_f1(model, chunks) -> dict[str, float]:
    """Exact-span F1 of each role over held-out chunks."""
    import torch

    from consistency.extract.attribution.tagger import ROLES, decode

    counts = defaultdict(int)
    model.eval()
    with torch.inference_mode():
        for i in range(0, len(chunks), 32):
            part = chunks[i: i + 32]
            ids, dense, tags = _batch(part)
            best = model(ids, dense).argmax(-1).numpy()
            for k, (c, _, t) in enumerate(part):
                for j, r in enumerate(ROLES):
                    g, p = set(decode(t[:, j])), set(decode(best[k, : len(c), j]))
                    counts[r + "g"] += len(g)
                    counts[r + "p"] += len(p)
                    counts[r + "t"] += len(g & p)
    model.train()
    return {r: round(2 * counts[r + "t"] / max(1, counts[r + "g"] + counts[r + "p"]), 4) for r in ROLES}


def pick_outside_bias(models: list, chunks,
                      grid: tuple[float, ...] = (-0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0, 1.5)) -> list[float]:
    """Per role, the outside bias under which the ensemble's Viterbi decoding tags the held-out spans best (exact F1)."""
    import torch

    from consistency.extract.attribution.tagger import (
        ROLES,
        average_log_probs,
        decode,
        viterbi,
    )

    scores = []
    for m in models:
        m.eval()
    with torch.inference_mode():
        for i in range(0, len(chunks), 32):
            part = chunks[i: i + 32]
            ids, dense, _ = _batch(part)
            lp = average_log_probs([m(ids, dense) for m in models])
            scores += [lp[k, : len(c)] for k, (c, _, _) in enumerate(part)]
    out = []
    for j, role in enumerate(ROLES):
        best = (-1.0, 0.0)
        for bias in grid:
            g_n = p_n = hit = 0
            for sc, (_, _, tags) in zip(scores, chunks):
                s = sc[:, j: j + 1].copy()
                s[:, 0, 0] -= bias
                g, p = set(decode(tags[:, j])), set(decode(viterbi(s)[:, 0]))
                g_n, p_n, hit = g_n + len(g), p_n + len(p), hit + len(g & p)
            f1 = 2 * hit / max(1, g_n + p_n)
            print(f"{role} outside bias {bias}: held-out span F1 {f1:.4f}", flush=True)
            best = max(best, (f1, -bias))
        out.append(-best[1])
    return out


def _with_rates(row: tuple, rates: dict[str, float]) -> tuple:
    """An article's inputs with its tokens' cue-rate columns added."""
    from consistency.extract.attribution.tagger import cue_rate_columns

    cats, dense, tags, starts = row
    return cats, np.concatenate([dense, cue_rate_columns(cats, rates).astype(dense.dtype)], axis=1), tags, starts


def train_tagger(rows: list[tuple], epochs: int, out: Path, *, select: int = 0, layers: int = 2,
                 hidden: int = 96, batch: int = 16, seed: int = 0, cue_lexicon: bool = False) -> None:
    """Fit the span tagger on per-article inputs and write it to ``out``; with ``cue_lexicon`` it
    also reads how often each token's lemma (and its head's) is a cue in the fitted articles."""
    import copy
    import random

    import torch

    from consistency.extract.attribution.tagger import CATS, build_model, save_tagger

    # one thread: on a shared machine more threads thrash rather than help
    torch.set_num_threads(1)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    fit_rows, held_rows = (rows[: len(rows) - select], rows[len(rows) - select:]) if select else (rows, [])
    rates = None
    if cue_lexicon:
        fit_rows, rates = cue_lexicon_rows(fit_rows)
        held_rows = [_with_rates(r, rates) for r in held_rows]
    data, vocabs = tagger_examples(fit_rows)
    held, _ = tagger_examples(held_rows, vocabs) if held_rows else ([], None)
    dims = {"pos": 8, "tag": 16, "dep": 16, "hdep": 8, "ent": 8, "lemma": 48, "hlemma": 16}
    model = build_model({c: len(vocabs[c]) for c in CATS}, dims, data[0][1].shape[1], hidden, layers)
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    best, best_score = None, -1.0
    for ep in range(epochs):
        # the last two epochs take smaller steps
        for g in opt.param_groups:
            g["lr"] = 2e-3 if ep < epochs - 2 else (7e-4 if ep == epochs - 2 else 3e-4)
        # batches of similar length, in random order
        order = sorted(data, key=lambda c: len(c[0]) + rng.random() * 40)
        batches = [order[i: i + batch] for i in range(0, len(order), batch)]
        rng.shuffle(batches)
        total = 0.0
        for chunk in batches:
            ids, dense, tags = _batch(chunk)
            for k in (CATS.index("lemma"), CATS.index("hlemma")):
                ids[..., k][torch.rand(ids.shape[:2]) < 0.05] = 0
            logits = model(ids, dense)
            loss = torch.nn.functional.cross_entropy(logits.reshape(-1, 3), tags.reshape(-1), ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            total += loss.item()
        line = f"epoch {ep + 1}/{epochs}: loss {total / len(batches):.4f}"
        if held:
            f1 = span_f1(model, held)
            score = sum(f1.values())
            line += f" held-out span F1 {f1}"
            if score > best_score:
                best, best_score = copy.deepcopy(model.state_dict()), score
        print(line, flush=True)
    if best is not None:
        model.load_state_dict(best)
    model.eval()
    bias = pick_outside_bias([model], held) if held else [0.0] * 3
    out.parent.mkdir(parents=True, exist_ok=True)
    save_tagger(out, [model], vocabs, dims, outside_bias=bias, cue_rates=rates)
    print(f"{len(data)} chunks, {sum(p.numel() for p in model.parameters())} weights -> {out}")


def combine_taggers(paths: list[Path], out: Path, held_rows: list[tuple] = (),
                    bias: list[float] | None = None) -> None:
    """Write taggers trained on the same articles as one ensemble, its outside bias picked on ``held_rows``."""
    from consistency.extract.attribution.tagger import load_tagger, save_tagger

    taggers = [load_tagger.__wrapped__(str(p)) for p in paths]
    vocabs = taggers[0].vocabs
    if any(t.vocabs != vocabs or t.cue_rates != taggers[0].cue_rates for t in taggers):
        sys.exit("the taggers were trained on different articles (their vocabularies or cue lexicons differ)")
    dims = json.loads(bytes(np.load(paths[0])["meta"]).decode("utf-8"))["dims"]
    models = [m for t in taggers for m in t.models]
    if bias is None:
        rates = taggers[0].cue_rates
        held = [_with_rates(r, rates) for r in held_rows] if rates is not None else held_rows
        bias = pick_outside_bias(models, tagger_examples(held, vocabs)[0]) if held else [0.0] * 3
    out.parent.mkdir(parents=True, exist_ok=True)
    save_tagger(out, models, vocabs, dims, outside_bias=bias, cue_rates=taggers[0].cue_rates)
    print(f"{len(models)} taggers, outside bias {bias} -> {out}")


def tagger_input_rows(args: argparse.Namespace) -> list[tuple]:
    """The tagger's per-article inputs, read from the cache or computed (and cached)."""
    if args.cache is not None and args.cache.exists():
        with args.cache.open("rb") as f:
            return pickle.load(f)
    rows = tagger_rows(load_docs(args.train_dir, args.docbin, args.names), args.train_dir)
    if args.cache is not None:
        with args.cache.open("wb") as f:
            pickle.dump(rows, f, protocol=pickle.HIGHEST_PROTOCOL)
    return rows
