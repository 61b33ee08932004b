"""Where attribution recall is lost: gold cues binned by how often their word is a cue in training.

Usage: ``python3 scripts/attribution_cue_rates.py DIR --train TRAIN_DIR [--json] [--tagger MODEL.npz]``

Both folders are PolNeAR splits (``text/*.txt``, brat ``attributions/*.ann``). For every word
lemma, TRAIN_DIR gives its cue rate: the share of its occurrences that the first annotator
marked as part of a cue. Each gold cue of DIR (every annotator file, weighted 1/k as in
``bench_attribution.py``) is binned by the rate of its lemma (its last verb, else its last noun
or adjective, else its last word), and the script prints per bin:

- ``found``: the share of those gold cues that a predicted cue overlaps;
- ``annotators``: on the articles of DIR and TRAIN_DIR that several annotators marked, the
  share of one annotator's cues in that bin that another annotator's cue overlaps.

A bin where ``found`` sits far below ``annotators`` is where a better model could still gain;
a bin where both are low is where the annotators themselves disagree.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import permutations
from pathlib import Path

from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_attribution import article_anns, predicted_relations, read_ann, use_tagger  # noqa: E402

from consistency.extract.attribution.frames import find_attributions  # noqa: E402
from consistency.extract.nlp import load_nlp  # noqa: E402

BINS = ((0.0, "never a cue"), (0.1, "below .1"), (0.3, ".1 to .3"), (0.6, ".3 to .6"), (1.01, ".6 and up"))
UNSEEN = "unseen"


def _parsed(split: Path, nlp, keep: dict) -> Iterator[tuple[list[Path], Doc]]:
    """(annotator files, doc) of each article; docs that several annotators marked go in ``keep``."""
    anns = article_anns(split)
    texts = {n: (split / "text" / f"{n}.txt").read_text(encoding="utf-8")
             for n in sorted(anns) if (split / "text" / f"{n}.txt").exists()}
    for name, doc in zip(texts, nlp.pipe(texts.values(), batch_size=16)):
        if len(anns[name]) > 1:
            keep[(split, name)] = doc
        yield anns[name], doc


def cue_rates(root: Path, nlp, keep: dict | None = None) -> dict[str, float]:
    """Share of each lemma's occurrences inside a first-annotator gold cue."""
    seen: Counter = Counter()
    cued: Counter = Counter()
    for files, doc in _parsed(root, nlp, {} if keep is None else keep):
        inside = set()
        for rel in read_ann(files[0]):
            if rel["cue"]:
                inside.update(range(*rel["cue"]))
        for tok in doc:
            if tok.is_space:
                continue
            lem = tok.lemma_.lower()
            seen[lem] += 1
            cued[lem] += tok.idx in inside
    return {lem: cued[lem] / n for lem, n in seen.items()}


def cue_lemma(doc, span: tuple[int, int]) -> str | None:
    """The word a cue turns on: its last verb, else its last noun or adjective, else its last word."""
    toks = [t for t in (doc.char_span(*span, alignment_mode="expand") or []) if not t.is_space]
    if not toks:
        return None
    for pos in (("VERB",), ("NOUN", "ADJ", "PROPN")):
        hit = [t for t in toks if t.pos_ in pos]
        if hit:
            return hit[-1].lemma_.lower()
    return toks[-1].lemma_.lower()


def bin_of(rate: float | None) -> str:
    if rate is None:
        return UNSEEN
    if rate == 0:
        return BINS[0][1]
    return next(label for top, label in BINS[1:] if rate < top)


def _overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in others)


def _agreement(docs: dict, bin_at) -> dict[str, list[int]]:
    """Per bin: [cues another annotator's cue overlaps, cues], over every ordered annotator pair."""
    pairs: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (split, name), doc in docs.items():
        cues = [[r["cue"] for r in read_ann(f) if r["cue"]] for f in article_anns(split)[name]]
        for i, j in permutations(range(len(cues)), 2):
            for span in cues[i]:
                b = bin_at(doc, span)
                pairs[b][0] += _overlaps(span, cues[j])
                pairs[b][1] += 1
    return pairs


def run(root: Path, train: Path) -> dict[str, dict[str, float]]:
    """Per bin: gold cue count and share, our found rate, and the annotators' agreement."""
    nlp = load_nlp()
    several: dict = {}
    rates = cue_rates(train, nlp, several)

    def bin_at(doc, span: tuple[int, int]) -> str:
        return bin_of(rates.get(cue_lemma(doc, span) or ""))

    gold_n: dict[str, float] = defaultdict(float)
    found: dict[str, float] = defaultdict(float)
    for files, doc in _parsed(root, nlp, several):
        pred = [r["cue"] for r in predicted_relations(find_attributions(doc)) if r["cue"]]
        for ann in files:
            for rel in (r for r in read_ann(ann) if r["cue"] is not None):
                b = bin_at(doc, rel["cue"])
                gold_n[b] += 1 / len(files)
                found[b] += _overlaps(rel["cue"], pred) / len(files)
    pairs = _agreement(several, bin_at)
    total = sum(gold_n.values()) or 1.0
    out = {}
    for label in [UNSEEN] + [label for _, label in BINS]:
        n = gold_n.get(label, 0.0)
        agree, asked = pairs.get(label, (0, 0))
        out[label] = {"gold_cues": round(n, 1), "share": round(n / total, 3),
                      "found": round(found[label] / n, 3) if n else 0.0,
                      "annotators": round(agree / asked, 3) if asked else 0.0}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--train", type=Path, required=True, help="the split that gives each lemma's cue rate")
    ap.add_argument("--tagger", type=Path, default=None, help="score this tagger model instead of the shipped one")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.tagger is not None:
        use_tagger(args.tagger)
    res = run(args.dir, args.train)
    if args.json:
        print(json.dumps(res))
        return
    print(f"{'cue rate in training':22s} {'gold cues':>10s} {'share':>7s} {'found':>7s} {'annotators':>11s}")
    for label, row in res.items():
        print(f"{label:22s} {row['gold_cues']:10.1f} {row['share']:7.1%} {row['found']:7.2f} {row['annotators']:11.2f}")


if __name__ == "__main__":
    main()
