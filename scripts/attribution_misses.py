"""What kind of gold attribution the extractor misses: a table of missed frames and source misses by class.

Usage: ``python3 scripts/attribution_misses.py DIR [--cv K [--fold-taggers PATTERN] [--only-folds K,K]]
[--cache FILE] [--json] [--examples N] [--content | --sources]``

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

``--sources`` sorts the source exact misses instead, as the bench counts them (each gold and
predicted source span matched once, exactly): a gold source whose frame is never found, whose
frame is found with no source or with another mention, or whose predicted source overlaps it with
another edge (ending early or late, starting early or late); and a predicted source overlapping a
gold source with another edge, given to a frame gold has without a source or with another one, or
to a cue gold does not mark.

``--content`` sorts the content overlap misses instead, each unmatched gold content and each
unmatched predicted content once (matched one-to-one by shared words, as ``bench_attribution.py``
does): a gold frame never found (no predicted cue on its cue, by cue kind), a cue found whose
content went elsewhere or was dropped, a gold content whose overlapping prediction went to another
gold content (one prediction over two frames' contents), a second predicted piece of a gold
content already matched (split), and a predicted content overlapping no gold content (spurious).
The frames never found are also counted by their cue's head word ("lemma/POS") and by how their
content hangs on the cue in the parse (the content root's dependency on the cue, through a
preposition, the cue inside the content, or not linked).

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


def _edge(text: str, pred: tuple[int, int], gold: tuple[int, int]) -> str:
    """How a predicted source overlapping a gold one differs from it at the edges."""
    (a, b), (c, d) = bench.trim(text, pred), bench.trim(text, gold)
    if a == c:
        return "boundary: ends early" if b < d else "boundary: ends late"
    side = "boundary: starts late" if a > c else "boundary: starts early"
    return side if b == d else side + " (and ends elsewhere)"


def _source_counts(text: str, frames: list) -> dict:
    """How many frames hold each trimmed source span: the other side's exact matches, taken one at a time."""
    counts: dict = defaultdict(int)
    for f in frames:
        counts[bench.trim(text, f["source"])] += 1
    return counts


def _take(counts: dict, key) -> bool:
    """Use up one match for ``key``; False when none is left."""
    if counts[key] > 0:
        counts[key] -= 1
        return True
    return False


def source_misses(rows: list) -> dict:
    """Weighted counts of gold sources and predicted sources by how they miss an exact match, one to one
    as the bench matches them; each gold source is paired with the predicted frame on its cue."""
    gold_kinds: dict[str, float] = defaultdict(float)
    pred_kinds: dict[str, float] = defaultdict(float)
    examples: dict[str, list[str]] = defaultdict(list)
    for _name, text, gold, pred, w in rows:
        g_src = [g for g in gold if g["source"] is not None]
        p_src = [p for p in pred if p["source"] is not None]
        left = _source_counts(text, p_src)
        for g in g_src:
            if _take(left, bench.trim(text, g["source"])):
                gold_kinds["exact"] += w
                continue
            on_cue = [p for p in pred if _overlaps(p["cue"], [g["cue"]])]
            if not on_cue:
                kind = "frame never found"
            elif on_cue[0]["source"] is None:
                kind = "frame found, no source"
            elif _overlaps(on_cue[0]["source"], [g["source"]]):
                kind = _edge(text, on_cue[0]["source"], g["source"])
            else:
                kind = "frame found, another mention"
            gold_kinds[kind] += w
            got = on_cue[0]["source"] if on_cue and on_cue[0]["source"] else None
            examples["gold: " + kind].append(
                f"gold [{text[slice(*g['source'])]}] predicted [{text[slice(*got)] if got else ''}] "
                f"cue [{text[slice(*g['cue'])] if g['cue'] else ''}]".replace("\n", " / "))
        left = _source_counts(text, g_src)
        for p in p_src:
            if _take(left, bench.trim(text, p["source"])):
                pred_kinds["exact"] += w
                continue
            frames = [g for g in gold if _overlaps(g["cue"], [p["cue"]])]
            if _overlaps(p["source"], [g["source"] for g in g_src]):
                kind = "overlaps a gold source with another edge"
            elif not frames:
                kind = "on a cue gold does not mark"
            elif all(g["source"] is None for g in frames):
                kind = "on a gold frame without a source"
            else:
                kind = "on a gold frame with another source"
            pred_kinds[kind] += w
            examples["predicted: " + kind].append(
                f"predicted [{text[slice(*p['source'])]}] cue [{text[slice(*p['cue'])] if p['cue'] else ''}]")
    return {"gold": dict(gold_kinds), "predicted": dict(pred_kinds), "examples": examples}


CONTENT_KINDS = (
    "frame never found (no predicted cue on its cue)",
    "cue found, its content given elsewhere or dropped",
    "merged: the predicted content that overlaps it went to another gold content",
    "split: a second predicted piece of a gold content already matched",
    "spurious: a predicted content no gold content overlaps",
)


def content_misses(rows: list, docs: dict) -> dict:
    """Weighted counts of the content overlap misses by kind (each unmatched gold content and each
    unmatched predicted content once), with the trait of the gold frame across kinds."""
    kinds: dict[str, float] = defaultdict(float)
    by_cue: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    traits_n: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    examples: dict[str, list[str]] = defaultdict(list)
    totals = {"gold": 0.0, "pred": 0.0}
    by_lemma: dict[str, float] = defaultdict(float)
    by_construction: dict[str, float] = defaultdict(float)
    for name, text, gold, pred, w in rows:
        doc = docs[name]
        g_rel = [g for g in gold if g["content"] is not None]
        p_rel = [p for p in pred if p["content"] is not None]
        g_sp = [g["content"] for g in g_rel]
        p_sp = [p["content"] for p in p_rel]
        totals["gold"] += w * len(g_sp)
        totals["pred"] += w * len(p_sp)
        used_g, used_p = bench.overlap_matches(text, g_sp, p_sp)
        gt = [bench._tokens(text, s) for s in g_sp]
        pt = [bench._tokens(text, s) for s in p_sp]
        for i, g in enumerate(g_rel):
            if i in used_g:
                continue
            if any(gt[i] & p for p in pt):
                kind = CONTENT_KINDS[2]
            elif g["cue"] is None or not _overlaps(g["cue"], [p["cue"] for p in pred]):
                kind = CONTENT_KINDS[0]
            else:
                kind = CONTENT_KINDS[1]
            kinds[kind] += w
            cue = cue_kind(doc, text, g["cue"]) if g["cue"] else "no cue"
            by_cue[kind][cue] += w
            if kind == CONTENT_KINDS[0] and g["cue"]:
                by_lemma[cue_word(doc, g["cue"])] += w
                by_construction[cue_construction(doc, g)] += w
            span = doc.char_span(*g["content"], alignment_mode="expand")
            sents = len({t.sent.start for t in span}) if span is not None else 1
            nouny = span is not None and span.root.pos_ in ("NOUN", "PROPN", "PRON") and not any(
                t.pos_ in ("VERB", "AUX") for t in span)
            for t, on in (("gold content over 2+ sentences", sents > 1), ("gold content a noun phrase (no verb)", nouny),
                          ("no source", g["source"] is None)):
                if on:
                    traits_n[kind][t] += w
            a, b = g["content"]
            c0, c1 = g["cue"] or (a, a)
            lo, hi = min(a, c0), max(b, c1)
            examples[kind].append(f"{text[max(0, lo - 40):lo]}|{text[lo:hi][:300]}|  cue={text[c0:c1]!r}".replace("\n", " / "))
        for j, p in enumerate(p_rel):
            if j in used_p:
                continue
            kind = CONTENT_KINDS[3] if any(pt[j] & g for g in gt) else CONTENT_KINDS[4]
            kinds[kind] += w
            a, b = p["content"]
            cue = p["cue"] or (a, a)
            by_cue[kind]["predicted cue found in gold" if _overlaps(p["cue"], [g["cue"] for g in gold]) else
                         "predicted cue not a gold cue"] += w
            lo, hi = min(a, cue[0]), max(b, cue[1])
            examples[kind].append(f"{text[max(0, lo - 40):lo]}|{text[lo:hi][:300]}|  cue={text[cue[0]:cue[1]]!r}".replace("\n", " / "))
    return {"kinds": dict(kinds), "by_cue": {k: dict(v) for k, v in by_cue.items()},
            "traits": {k: dict(v) for k, v in traits_n.items()}, "totals": totals, "examples": examples,
            "never_found_by_cue_word": dict(by_lemma), "never_found_by_construction": dict(by_construction)}


def _cue_head(doc, cue: tuple[int, int]):
    span = doc.char_span(*cue, alignment_mode="expand")
    toks = [t for t in span or [] if not t.is_space]
    if not toks:
        return None
    inside = {t.i for t in toks}
    return next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[0])


def cue_word(doc, cue: tuple[int, int]) -> str:
    """A gold cue's head word as "lemma/POS"."""
    head = _cue_head(doc, cue)
    return f"{head.lemma_.lower()}/{head.pos_}" if head is not None else "?"


def cue_construction(doc, gold: dict) -> str:
    """How a gold content hangs on its cue in the parse: the cue head's part of speech and the
    dependency that joins the content's root to it (directly, through a preposition, or not)."""
    head = _cue_head(doc, gold["cue"])
    span = doc.char_span(*gold["content"], alignment_mode="expand") if gold["content"] else None
    if head is None or span is None:
        return "?"
    root = span.root
    if root.head.i == head.i:
        link = root.dep_
    elif root.head.head.i == head.i and root.head.pos_ == "ADP":
        link = f"prep {root.head.lower_} + {root.dep_}"
    elif head.head.i == root.i or head.head.i in {t.i for t in span}:
        link = f"cue inside content ({head.dep_})"
    else:
        link = "not linked"
    return f"{head.pos_}: {link}"


def collect(root: Path, folds: int, fold_taggers: str | None, only: list[int] | None = None) -> tuple[list, dict]:
    """(scored rows, docs by article) over DIR, fold by fold when ``folds`` (only those in ``only``)."""
    rows: list = []
    if folds:
        from consistency.extract.attribution import frames as attribution

        shipped = attribution.load_tagger
        names = sorted(bench.article_anns(root))
        try:
            for k in (only if only is not None else range(folds)):
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
    ap.add_argument("--only-folds", default=None, metavar="K,K", help="with --cv: read only these folds")
    ap.add_argument("--sources", action="store_true",
                    help="sort the source exact misses instead (gold and predicted sources by how they miss)")
    ap.add_argument("--content", action="store_true",
                    help="sort the content overlap misses instead (unmatched gold and predicted contents by kind)")
    args = ap.parse_args()
    if args.fold_taggers and not args.cv:
        ap.error("--fold-taggers needs --cv K")
    if args.content and args.sources:
        ap.error("--content and --sources sort different misses: give one of them")
    if args.cache is not None:
        bench.CACHE = bench.ParseCache(args.cache)
        bench.CACHE.shipped()
    only = [int(k) for k in args.only_folds.split(",")] if args.only_folds else None
    rows, docs = collect(args.dir, args.cv, args.fold_taggers, only)
    if args.content:
        _print_content(content_misses(rows, docs), args.examples, args.json)
        return
    if args.sources:
        _print_sources(source_misses(rows), args.examples, args.json)
        return
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


def _print_sources(res: dict, n_examples: int, as_json: bool) -> None:
    examples = res.pop("examples")
    if as_json:
        print(json.dumps(res))
        return
    for side in ("gold", "predicted"):
        total = sum(res[side].values()) or 1.0
        print(f"{side} sources: {total:.1f}")
        for kind, n in sorted(res[side].items(), key=lambda x: -x[1]):
            print(f"{n:8.1f} {n / total:6.1%}  {kind}")
    rng = random.Random(0)
    for kind, lines in sorted(examples.items()):
        if n_examples:
            print(f"\n== {kind}")
            for line in rng.sample(lines, min(n_examples, len(lines))):
                print("  " + line)


def _print_content(res: dict, n_examples: int, as_json: bool) -> None:
    examples = res.pop("examples")
    if as_json:
        print(json.dumps(res))
        return
    g, p = res["totals"]["gold"], res["totals"]["pred"]
    print(f"content overlap misses: {g:.1f} gold contents, {p:.1f} predicted")
    total = sum(res["kinds"].values()) or 1.0
    for kind, n in sorted(res["kinds"].items(), key=lambda x: -x[1]):
        print(f"{n:8.1f} {n / total:6.1%}  {kind}")
        for sub, m in sorted(res["by_cue"].get(kind, {}).items(), key=lambda x: -x[1]):
            print(f"{'':18s}{m:8.1f}  {sub}")
        for sub, m in sorted(res["traits"].get(kind, {}).items(), key=lambda x: -x[1]):
            print(f"{'':18s}{m:8.1f}  trait: {sub}")
    for key, title in (("never_found_by_cue_word", "cue words of the frames never found"),
                       ("never_found_by_construction", "how their content hangs on the cue")):
        print(f"\n{title} (the 40 most)")
        for word, n in sorted(res[key].items(), key=lambda x: -x[1])[:40]:
            print(f"{n:8.1f}  {word}")
    rng = random.Random(0)
    for kind, lines in examples.items():
        if n_examples:
            print(f"\n== {kind}")
            for line in rng.sample(lines, min(n_examples, len(lines))):
                print("  " + line)


if __name__ == "__main__":
    main()
