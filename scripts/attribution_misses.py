"""What kind of gold attribution the extractor misses: a table of missed frames and source misses by class.

Usage: ``python3 scripts/attribution_misses.py DIR [--cv K --fold-taggers PATTERN] [--cache FILE] [--json]
[--examples N]``

Scores DIR (a PolNeAR split, as ``bench_attribution.py``; with ``--cv`` each fold by its own tagger)
and sorts every gold relation:

- a gold frame is *missed* when no predicted cue overlaps its cue; missed frames are counted by the
  kind of their cue (read off the parse): "according to", a cue in the headline, a colon or other
  punctuation, a noun ("the report", "his claim"), an adjective ("wary of"), a verb of saying or
  writing, a verb of belief or intent ("believes", "wants", "hopes"), another verb; and, across those,
  by a trait of the frame: no source, a pronoun source, the source in another sentence than the
  cue, the cue inside another gold frame's content (nested);
- a gold source with a frame found but no exact predicted source is a *boundary* miss when a
  predicted source overlaps it, else a *wrong or missing mention*.

Each row gives the weighted count (an article marked by k annotators weighs 1/k per file), its
share of the misses and, for cue kinds, the recall of frames of that kind. ``--examples N``
prints N missed cues of each kind in context, to read the mechanism.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_attribution as bench  # noqa: E402

from consistency.extract.nlp import load_nlp  # noqa: E402

SAYING = frozenset("""
    say tell add write state announce claim report note explain argue insist warn ask answer reply respond
    declare suggest comment remark tweet post testify acknowledge admit confirm deny concede contend assert
    maintain describe call predict promise pledge vow urge accuse criticize criticise praise blame charge
    allege recall repeat reiterate mention point quote cite release publish show find conclude estimate
""".split())
BELIEF = frozenset("""
    believe think want hope expect fear feel know see consider doubt wish like love hate prefer plan intend
    worry suspect assume guess figure understand realize realise agree disagree support oppose favor favour
    need seek try decide choose refuse trust view regard imagine mean
""".split())
KINDS = ("according to", "headline", "punctuation", "noun", "adjective", "verb of saying", "verb of belief or intent",
         "other verb", "other")


def cue_kind(doc, text: str, cue: tuple[int, int]) -> str:
    """The kind of a gold cue, from its words and their parse."""
    first_line = text.find("\n")
    if 0 <= first_line and cue[0] < first_line:
        return "headline"
    span = doc.char_span(*cue, alignment_mode="expand")
    toks = [t for t in span or [] if not t.is_space]
    if any(t.lower_ == "according" for t in toks):
        return "according to"
    if not any(t.is_alpha for t in toks):
        return "punctuation"
    verbs = [t for t in toks if t.pos_ in ("VERB", "AUX") and t.lemma_ not in ("be", "have", "do", "will", "would")]
    if verbs:
        lemma = verbs[-1].lemma_.lower()
        if lemma in SAYING:
            return "verb of saying"
        if lemma in BELIEF:
            return "verb of belief or intent"
        return "other verb"
    if any(t.pos_ in ("NOUN", "PROPN") for t in toks):
        return "noun"
    if any(t.pos_ == "ADJ" for t in toks):
        return "adjective"
    return "other"


def _overlaps(span: tuple[int, int] | None, others: list) -> bool:
    return span is not None and any(o is not None and o[0] < span[1] and span[0] < o[1] for o in others)


def traits(doc, gold: dict, all_gold: list[dict]) -> list[str]:
    """Traits of a gold frame that cut across cue kinds."""
    out = []
    src, cue = gold["source"], gold["cue"]
    if src is None:
        out.append("no source")
    else:
        s = doc.char_span(*src, alignment_mode="expand")
        if s is not None and len(s) == 1 and s[0].pos_ == "PRON":
            out.append("pronoun source")
        c = doc.char_span(*cue, alignment_mode="expand") if cue else None
        if s is not None and c is not None and s[0].sent.start != c[0].sent.start:
            out.append("source in another sentence")
    if cue and any(g is not gold and g["content"] and g["content"][0] <= cue[0] and cue[1] <= g["content"][1]
                   for g in all_gold):
        out.append("nested in another content")
    return out


def classify(rows: list, docs: dict) -> dict:
    """Weighted counts of missed frames by cue kind and trait, and of source misses by cause."""
    kinds: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])  # [gold frames, missed]
    trait_n: dict[str, float] = defaultdict(float)
    source: dict[str, float] = defaultdict(float)
    examples: dict[str, list[str]] = defaultdict(list)
    for name, text, gold, pred, w in rows:
        doc = docs[name]
        pred_cues = [p["cue"] for p in pred]
        pred_src = {bench.trim(text, p["source"]) for p in pred if p["source"]}
        for g in gold:
            if g["cue"] is None:
                continue
            kind = cue_kind(doc, text, g["cue"])
            kinds[kind][0] += w
            found = _overlaps(g["cue"], pred_cues)
            if not found:
                kinds[kind][1] += w
                for t in traits(doc, g, gold):
                    trait_n[t] += w
                a, b = g["cue"]
                examples[kind].append(f"{text[max(0, a - 70):a]}[[{text[a:b]}]]{text[b:b + 50]}".replace("\n", " / "))
            if g["source"] is None:
                continue
            if bench.trim(text, g["source"]) in pred_src:
                source["exact"] += w
            elif not found:
                source["frame missed"] += w
            elif _overlaps(g["source"], [p["source"] for p in pred]):
                source["boundary (overlaps a predicted source)"] += w
            else:
                source["wrong or missing mention"] += w
    return {"kinds": {k: kinds[k] for k in KINDS if k in kinds}, "traits": dict(trait_n),
            "source": dict(source), "examples": examples}


def collect(root: Path, folds: int, fold_taggers: str | None) -> tuple[list, dict]:
    """(scored rows, docs by article) over DIR, fold by fold when ``folds``."""
    rows: list = []
    if folds:
        from consistency.extract.attribution import frames as attribution

        shipped = attribution.load_tagger
        names = sorted(bench.article_anns(root))
        try:
            for k in range(folds):
                if fold_taggers:
                    bench.use_tagger(Path(fold_taggers.format(k=k)))
                bench.run(root, None, {n for n in names if bench.fold_of(n, folds) == k}, rows)
        finally:
            attribution.load_tagger = shipped
    else:
        bench.run(root, None, None, rows)
    nlp = load_nlp()
    docs = {}
    for name, text, *_ in rows:
        if name not in docs:
            docs[name] = bench.CACHE.doc(nlp, root, name, text) if bench.CACHE is not None else nlp(text)
    return rows, docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--cv", type=int, default=0, metavar="K")
    ap.add_argument("--fold-taggers", default=None, metavar="PATTERN")
    ap.add_argument("--cache", type=Path, default=None, metavar="FILE")
    ap.add_argument("--examples", type=int, default=0, metavar="N")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.fold_taggers and not args.cv:
        ap.error("--fold-taggers needs --cv K")
    if args.cache is not None:
        bench.CACHE = bench.ParseCache(args.cache)
        bench.CACHE.shipped()
    rows, docs = collect(args.dir, args.cv, args.fold_taggers)
    res = classify(rows, docs)
    examples = res.pop("examples")
    if args.json:
        print(json.dumps(res))
        return
    missed = sum(m for _, m in res["kinds"].values()) or 1.0
    print(f"{'missed gold frames by cue kind':28s} {'gold':>8s} {'missed':>8s} {'of misses':>10s} {'recall':>7s}")
    for kind, (n, m) in sorted(res["kinds"].items(), key=lambda x: -x[1][1]):
        print(f"{kind:28s} {n:8.1f} {m:8.1f} {m / missed:10.1%} {1 - m / n if n else 0:7.2f}")
    print(f"\n{'traits of the missed frames':28s} {'missed':>8s} {'of misses':>10s}")
    for t, n in sorted(res["traits"].items(), key=lambda x: -x[1]):
        print(f"{t:28s} {n:8.1f} {n / missed:10.1%}")
    total = sum(res["source"].values()) or 1.0
    print(f"\n{'gold sources':40s} {'count':>8s} {'share':>7s}")
    for t, n in sorted(res["source"].items(), key=lambda x: -x[1]):
        print(f"{t:40s} {n:8.1f} {n / total:7.1%}")
    rng = random.Random(0)
    for kind, lines in examples.items():
        if args.examples:
            print(f"\n== {kind}")
            for line in rng.sample(lines, min(args.examples, len(lines))):
                print("  " + line)


if __name__ == "__main__":
    main()
