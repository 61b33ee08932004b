"""Train the attribution models on a PolNeAR split.

Usage: ``python3 scripts/train_attribution.py TRAIN_DIR [--docbin F.. --names F..] [--c 0.3]
[--threshold 0.3] [--unsourced-threshold 0.5] [--holdout N] [--out PATH]``
and ``python3 scripts/train_attribution.py TRAIN_DIR --tagger [--epochs 8] [--seed S] [--select N]
[--layers 2] [--hidden 96] [--batch 16] [--docbin F.. --names F..] [--cache F] [--holdout N] [--out PATH]``
and ``python3 scripts/train_attribution.py TRAIN_DIR --combine A.npz B.npz .. [--cache F]
[--select N | --bias C S T] [--out PATH]``

With ``--tagger`` the span tagger of ``attribution_tagger`` is trained: every token gets gold
O/B/I tags for cue, source and content (a discontinuous span taken from its first start to its
last end, the longer of two nested spans of one role kept), and the BiLSTM is fit with Adam on
runs of whole sentences, lemmas dropped to unknown 5% of the time so it learns unseen words; it
is written to consistency/models/attribution_tagger.npz. ``--select N`` keeps the last N
training articles out, ships the epoch that tags their spans best and picks, per role, how
much to favour tagging a span over leaving a token outside (the outside bias) on them too;
``--cache F`` saves the computed inputs (the parse) to F, or reads them from F when it exists.
``--combine`` joins taggers trained with different ``--seed`` on the same articles into one
ensemble file, with the outside bias given by ``--bias`` or picked on the last N articles of
the split by ``--select N`` (members trained with ``--holdout N`` never saw them).

Otherwise the cue scorer used when no tagger ships is trained and written to
consistency/models/attribution_cues.json:

Each candidate token (see ``is_candidate``) is labelled 1 when it heads a gold cue span (the
span token whose syntactic head lies outside the span). A logistic regression is fit over the
sparse features of ``token_features``; one feature is how often the token's lemma heads a cue
(the lexicon, shipped with the model), computed for each article from the other folds so the
model learns how far to trust it on lemmas it has not seen. The thresholds are picked by
end-to-end F1 on held-out train articles (train with ``--holdout N``, then score those N).
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from consistency.extract.attribution_features import MODEL_PATH, is_candidate, token_features  # noqa: E402
from consistency.extract.attribution_tagger import TAGGER_PATH  # noqa: E402


def gold_cues(ann: Path) -> list[tuple[int, int]]:
    """Character fragments of every cue span in a brat file."""
    out = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2 and parts[1].startswith("Cue "):
            for frag in parts[1].split(" ", 1)[1].split(";"):
                a, b = map(int, frag.split())
                out.append((a, b))
    return out


def cue_heads(doc, spans: list[tuple[int, int]]) -> set[int]:
    """Token indices heading the gold cue spans."""
    heads = set()
    for a, b in spans:
        toks = [t for t in doc if t.idx >= a and t.idx + len(t.text) <= b]
        if not toks:
            continue
        inside = {t.i for t in toks}
        top = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
        cand = [t for t in top if is_candidate(t)] or [t for t in toks if is_candidate(t)]
        if cand:
            heads.add(cand[0].i)
    return heads


def load_docs(root: Path, docbins: list[Path] | None, names_files: list[Path] | None):
    """(name, doc) pairs of a split, parsed now or read from saved DocBins."""
    if docbins and names_files:
        from spacy.tokens import DocBin

        from consistency.nlp import load_nlp

        pairs = []
        for docbin, names_file in zip(docbins, names_files):
            names = names_file.read_text().split("\n")
            tok2vec = load_nlp().get_pipe("tok2vec")
            pairs += [(n, tok2vec(d)) for n, d in zip(names, DocBin().from_disk(docbin).get_docs(load_nlp().vocab))]
        return pairs
    from consistency.nlp import load_nlp

    nlp = load_nlp()
    names = sorted(p.stem for p in (root / "text").glob("*.txt"))
    texts = [(root / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    return list(zip(names, nlp.pipe(texts, batch_size=16)))


def heads_and_lemmas(root: Path, pairs) -> list[tuple[object, set[int]]]:
    """(doc, gold cue-head indices) per annotated article."""
    anns = defaultdict(list)
    for ann in sorted((root / "attributions").glob("*.ann")):
        anns[re.sub(r"_[0-9a-f]+$", "", ann.stem)].append(ann)
    return [(doc, cue_heads(doc, gold_cues(anns[name][0]))) for name, doc in pairs if name in anns]


def lexicon(docs: list[tuple[object, set[int]]]) -> dict[str, float]:
    """Smoothed rate at which each lemma heads a cue, for lemmas that ever do."""
    seen: dict[str, int] = defaultdict(int)
    cue: dict[str, int] = defaultdict(int)
    for doc, heads in docs:
        for tok in doc:
            if is_candidate(tok):
                lem = tok.lemma_.lower()
                seen[lem] += 1
                cue[lem] += tok.i in heads
    return {lem: round(cue[lem] / (seen[lem] + 1), 3) for lem in cue if cue[lem]}


def examples(docs: list[tuple[object, set[int]]], folds: int = 5) -> tuple[list[list[dict]], list[list[int]]]:
    """Per-article feature dicts and labels; the lexicon rate of each article comes from the other folds."""
    X, Y = [], []
    for k in range(folds):
        lex = lexicon([d for i, d in enumerate(docs) if i % folds != k])
        for i, (doc, heads) in enumerate(docs):
            if i % folds != k:
                continue
            xs, ys = [], []
            for tok in doc:
                if is_candidate(tok):
                    xs.append({f: 1 for f in token_features(tok, prior=lex.get(tok.lemma_.lower(), -1.0))})
                    ys.append(int(tok.i in heads))
            X.append(xs)
            Y.append(ys)
    return X, Y


def fit(X: list[dict], y: list[int], c: float) -> tuple[DictVectorizer, LogisticRegression]:
    vec = DictVectorizer()
    m = LogisticRegression(C=c, max_iter=2000, solver="liblinear")
    mat = vec.fit_transform(X).tocsr()
    # liblinear takes 32-bit sparse indices only
    mat.indices = mat.indices.astype(np.int32)
    mat.indptr = mat.indptr.astype(np.int32)
    m.fit(mat, y)
    return vec, m


def article_anns(root: Path) -> dict[str, list[Path]]:
    """Brat files of a split by article name (several when several annotators)."""
    anns: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((root / "attributions").glob("*.ann")):
        anns[re.sub(r"_[0-9a-f]+$", "", ann.stem)].append(ann)
    return anns


def gold_tags(doc, rels: list[dict]) -> np.ndarray:
    """O/B/I tag ids (0/1/2) of every token for each role, from gold relations."""
    from consistency.extract.attribution_tagger import ROLES

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
    from bench_attribution import read_ann

    from consistency.extract.attribution_tagger import doc_inputs

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
    from consistency.extract.attribution_tagger import CATS, chunk_ranges, encode_cats

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

    from consistency.extract.attribution_tagger import ROLES, decode

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

    from consistency.extract.attribution_tagger import ROLES, average_log_probs, decode, viterbi

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


def train_tagger(rows: list[tuple], epochs: int, out: Path, *, select: int = 0, layers: int = 2,
                 hidden: int = 96, tag_weight: float = 1.0, batch: int = 16, seed: int = 0) -> None:
    """Fit the span tagger on per-article inputs and write it to ``out``."""
    import copy
    import random

    import torch

    from consistency.extract.attribution_tagger import CATS, build_model, save_tagger

    # one thread: on a shared machine more threads thrash rather than help
    torch.set_num_threads(1)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    fit_rows, held_rows = (rows[: len(rows) - select], rows[len(rows) - select:]) if select else (rows, [])
    data, vocabs = tagger_examples(fit_rows)
    held, _ = tagger_examples(held_rows, vocabs) if held_rows else ([], None)
    dims = {"pos": 8, "tag": 16, "dep": 16, "hdep": 8, "ent": 8, "lemma": 48, "hlemma": 16}
    model = build_model({c: len(vocabs[c]) for c in CATS}, dims, data[0][1].shape[1], hidden, layers)
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    # begin and inside tags are rarer than outside: weighing them up trades precision for recall
    weight = torch.tensor([1.0, tag_weight, tag_weight])
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
            loss = torch.nn.functional.cross_entropy(logits.reshape(-1, 3), tags.reshape(-1), weight=weight,
                                                     ignore_index=-100)
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
    save_tagger(out, [model], vocabs, dims, outside_bias=bias)
    print(f"{len(data)} chunks, {sum(p.numel() for p in model.parameters())} weights -> {out}")


def combine_taggers(paths: list[Path], out: Path, held_rows: list[tuple] = (),
                    bias: list[float] | None = None) -> None:
    """Write taggers trained on the same articles as one ensemble, its outside bias picked on ``held_rows``."""
    from consistency.extract.attribution_tagger import load_tagger, save_tagger

    taggers = [load_tagger.__wrapped__(str(p)) for p in paths]
    vocabs = taggers[0].vocabs
    if any(t.vocabs != vocabs for t in taggers):
        sys.exit("the taggers were trained on different articles (their vocabularies differ)")
    dims = json.loads(bytes(np.load(paths[0])["meta"]).decode("utf-8"))["dims"]
    models = [m for t in taggers for m in t.models]
    if bias is None:
        bias = pick_outside_bias(models, tagger_examples(held_rows, vocabs)[0]) if held_rows else [0.0] * 3
    out.parent.mkdir(parents=True, exist_ok=True)
    save_tagger(out, models, vocabs, dims, outside_bias=bias)
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train_dir", type=Path)
    ap.add_argument("--docbin", type=Path, nargs="*", help="pre-parsed docs (spaCy DocBin files)")
    ap.add_argument("--names", type=Path, nargs="*", help="article names, one a line, per DocBin")
    ap.add_argument("--c", type=float, default=0.3)
    ap.add_argument("--threshold", type=float, default=0.3, help="decision threshold written with the model")
    ap.add_argument("--unsourced-threshold", type=float, default=0.5,
                    help="threshold for cues whose frame names no source")
    ap.add_argument("--holdout", type=int, default=0, help="leave the last N articles out (to tune on them)")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--tagger", action="store_true", help="train the span tagger instead of the cue scorer")
    ap.add_argument("--epochs", type=int, default=8, help="tagger training epochs")
    ap.add_argument("--select", type=int, default=0, help="pick the tagger's epoch on the last N training articles")
    ap.add_argument("--layers", type=int, default=2, help="tagger BiLSTM layers")
    ap.add_argument("--hidden", type=int, default=96, help="tagger BiLSTM width")
    ap.add_argument("--batch", type=int, default=16, help="tagger training batch size (chunks)")
    ap.add_argument("--tag-weight", type=float, default=1.0, help="loss weight of begin/inside tags against outside")
    ap.add_argument("--cache", type=Path, default=None, help="save the tagger's inputs here, or read them if present")
    ap.add_argument("--seed", type=int, default=0, help="tagger initialisation and batch-order seed")
    ap.add_argument("--combine", type=Path, nargs="+", default=None, help="join these taggers into one ensemble")
    ap.add_argument("--bias", type=float, nargs=3, default=None, metavar=("CUE", "SOURCE", "CONTENT"),
                    help="the ensemble's outside bias per role (instead of picking it with --select)")
    args = ap.parse_args()
    if args.combine:
        if args.select and args.bias:
            sys.exit("--select picks the outside bias that --bias sets: give one of them")
        held = tagger_input_rows(args)[-args.select:] if args.select else []
        combine_taggers(args.combine, args.out or TAGGER_PATH, held, args.bias)
        return
    if args.tagger:
        rows = tagger_input_rows(args)
        if args.holdout:
            rows = rows[: len(rows) - args.holdout]
        train_tagger(rows, args.epochs, args.out or TAGGER_PATH, select=args.select, layers=args.layers,
                     hidden=args.hidden, tag_weight=args.tag_weight, batch=args.batch, seed=args.seed)
        return
    args.out = args.out or MODEL_PATH
    docs = heads_and_lemmas(args.train_dir, load_docs(args.train_dir, args.docbin, args.names))
    if args.holdout:
        docs = docs[: len(docs) - args.holdout]
    X, Y = examples(docs)
    flat = lambda rows: [r for doc in rows for r in doc]  # noqa: E731
    vec, m = fit(flat(X), flat(Y), args.c)
    weights = {name: round(float(w), 3) for name, w in zip(vec.feature_names_, m.coef_[0]) if abs(w) >= 0.1}
    weights["bias"] = round(float(weights.get("bias", 0.0) + m.intercept_[0]), 4)
    model = {"threshold": args.threshold, "threshold_unsourced": args.unsourced_threshold,
             "weights": weights, "lexicon": lexicon(docs)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")))
    print(f"{len(docs)} articles, {len(weights)} weights, {len(model['lexicon'])} lemmas -> {args.out}")


if __name__ == "__main__":
    main()
