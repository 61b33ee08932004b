"""Train the attribution models on a PolNeAR split.

Usage: ``python3 scripts/train_attribution.py TRAIN_DIR [--docbin F.. --names F..] [--holdout N] [--out PATH]``
and ``python3 scripts/train_attribution.py TRAIN_DIR --tagger [--epochs 8] [--seed S] [--select N]
[--layers 2] [--hidden 96] [--batch 16] [--cue-lexicon] [--docbin F.. --names F..] [--cache F] [--holdout N] [--out PATH]``
and ``python3 scripts/train_attribution.py TRAIN_DIR --combine A.npz B.npz .. [--cache F]
[--select N | --bias C S T] [--out PATH]``

With ``--tagger`` the span tagger of ``consistency/extract/attribution/tagger.py`` is trained: every token gets gold
O/B/I tags for cue, source and content (a discontinuous span taken from its first start to its
last end, the longer of two nested spans of one role kept), and the BiLSTM is fit with Adam on
runs of whole sentences, lemmas dropped to unknown 5% of the time so it learns unseen words; it
is written to consistency/models/attribution_tagger.npz. ``--select N`` keeps the last N
training articles out, ships the epoch that tags their spans best and picks, per role, how
much to favour tagging a span over leaving a token outside (the outside bias) on them too;
``--cache F`` saves the computed inputs (the parse) to F, or reads them from F when it exists.
``--cue-lexicon`` gives the tagger two more inputs: how often the token's lemma, and its head's,
is tagged a cue in the training articles (each article's own inputs counted without it), and
stores that lexicon in the model file.
``--combine`` joins taggers trained with different ``--seed`` on the same articles into one
ensemble file, with the outside bias given by ``--bias`` or picked on the last N articles of
the split by ``--select N`` (members trained with ``--holdout N`` never saw them).

Otherwise the cue lexicon is counted and written to consistency/models/attribution_cues.json:
how often each lemma heads a gold cue span (the span token whose syntactic head lies outside
the span) among the candidate tokens of ``is_candidate``. The line-layout rules read it to tell
a headline's speech verb from a topic.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench.attribution_training import (  # noqa: E402
    combine_taggers,
    load_docs,
    tagger_input_rows,
    train_tagger,
)
from consistency.extract.attribution.features import (  # noqa: E402
    MODEL_PATH,
    is_candidate,
)
from consistency.extract.attribution.tagger import TAGGER_PATH  # noqa: E402


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


def without_fold(rows: list[tuple], train_dir: Path, spec: str) -> list[tuple]:
    """The tagger rows of the articles outside fold k of K ("k/K"), in the order they were read."""
    from bench_attribution import article_anns, fold_of

    try:
        k, folds = (int(x) for x in spec.split("/"))
    except ValueError:
        sys.exit(f"--cv-fold {spec!r}: give it as k/K, e.g. 0/5")
    if not 0 <= k < folds:
        sys.exit(f"--cv-fold {spec!r}: k must be from 0 to K-1")
    anns = article_anns(train_dir)
    names = [n for n in sorted(p.stem for p in (train_dir / "text").glob("*.txt")) if n in anns]
    if len(names) != len(rows):
        sys.exit(f"{train_dir}: {len(rows)} cached articles but {len(names)} annotated texts; rebuild --cache")
    kept = [r for n, r in zip(names, rows) if fold_of(n, folds) != k]
    print(f"fold {k}/{folds}: training on {len(kept)} of {len(rows)} articles", flush=True)
    return kept


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train_dir", type=Path)
    ap.add_argument("--docbin", type=Path, nargs="*", help="pre-parsed docs (spaCy DocBin files)")
    ap.add_argument("--names", type=Path, nargs="*", help="article names, one a line, per DocBin")
    ap.add_argument("--holdout", type=int, default=0, help="leave the last N articles out (to tune on them)")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--tagger", action="store_true", help="train the span tagger instead of counting the cue lexicon")
    ap.add_argument("--epochs", type=int, default=8, help="tagger training epochs")
    ap.add_argument("--select", type=int, default=0, help="pick the tagger's epoch on the last N training articles")
    ap.add_argument("--layers", type=int, default=2, help="tagger BiLSTM layers")
    ap.add_argument("--hidden", type=int, default=96, help="tagger BiLSTM width")
    ap.add_argument("--batch", type=int, default=16, help="tagger training batch size (chunks)")
    ap.add_argument("--cache", type=Path, default=None, help="save the tagger's inputs here, or read them if present")
    ap.add_argument("--seed", type=int, default=0, help="tagger initialisation and batch-order seed")
    ap.add_argument("--combine", type=Path, nargs="+", default=None, help="join these taggers into one ensemble")
    ap.add_argument("--bias", type=float, nargs=3, default=None, metavar=("CUE", "SOURCE", "CONTENT"),
                    help="the ensemble's outside bias per role (instead of picking it with --select)")
    ap.add_argument("--cue-lexicon", action="store_true",
                    help="with --tagger: the tagger also reads how often each lemma is a cue in the training articles")
    ap.add_argument("--cv-fold", default=None, metavar="k/K",
                    help="with --tagger: leave out fold k of K (bench_attribution.py --cv K scores it)")
    args = ap.parse_args()
    if args.combine:
        if args.select and args.bias:
            sys.exit("--select picks the outside bias that --bias sets: give one of them")
        held = tagger_input_rows(args)[-args.select:] if args.select else []
        combine_taggers(args.combine, args.out or TAGGER_PATH, held, args.bias)
        return
    if args.tagger:
        rows = tagger_input_rows(args)
        if args.cv_fold:
            rows = without_fold(rows, args.train_dir, args.cv_fold)
        if args.holdout:
            rows = rows[: len(rows) - args.holdout]
        train_tagger(rows, args.epochs, args.out or TAGGER_PATH, select=args.select, layers=args.layers,
                     hidden=args.hidden, batch=args.batch, seed=args.seed, cue_lexicon=args.cue_lexicon)
        return
    args.out = args.out or MODEL_PATH
    docs = heads_and_lemmas(args.train_dir, load_docs(args.train_dir, args.docbin, args.names))
    if args.holdout:
        docs = docs[: len(docs) - args.holdout]
    model = {"lexicon": lexicon(docs)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")))
    print(f"{len(docs)} articles, {len(model['lexicon'])} lemmas -> {args.out}")

if __name__ == "__main__":
    main()
