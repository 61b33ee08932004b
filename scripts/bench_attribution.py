"""Score ``find_attributions`` against a PolNeAR split (source, cue and content P/R/F1).

Usage: ``python3 scripts/bench_attribution.py DIR [--dev DIR] [--cv K [--fold-taggers PATTERN [--fold-bias C S T]]
[--only-folds K,K]] [--json]
[--limit N] [--tagger MODEL.npz] [--agreement] [--cache FILE]``

``--cv K`` cuts DIR (the training split) into K folds of whole articles (by a hash of the article
name) and scores each fold with the tagger ``--fold-taggers`` names for it (a path with ``{k}``,
each trained by ``train_attribution.py DIR --tagger --cv-fold k/K`` without that fold's articles):
the cross-validated figures, their mean and spread; the fold taggers decode under the shipped
tagger's outside bias, part of the recipe, or under ``--fold-bias CUE SOURCE CONTENT`` to try another
one on articles the taggers never saw before it is written into the shipped file (without
``--fold-taggers`` the shipped tagger decodes under it, on folds it saw). Without ``--fold-taggers`` the folds are
scored with the shipped tagger, which saw them: training-set figures, labelled so. ``--dev DIR``
scores the dev split once with the shipped tagger, beside them.

``--cache FILE`` keeps each article's parse and the tagger's scores in FILE (per tagger) and reads
them back on the next run: only the decoding and the rules after the tagger run again, a few
minutes for the five folds instead of a parse of every article.

``--agreement`` scores annotators against each other instead, on the articles two of them
marked: F1 of one annotator against the other, the ceiling a model is measured under.

``DIR`` holds ``text/<article>.txt`` and brat files ``attributions/<article>_<annotator>.ann``.
An article annotated by several annotators is scored against each file and the counts are
averaged (each file weighs 1/k), so that it counts as one article.

Gold relations are the ``E`` lines of type ``Attribution`` and ``Attribution-no-source``
(``Discard``/``Discuss`` are not attributions). A discontinuous gold span (``a b;c d``) is
taken from its first start to its last end; ``Content2`` is merged into the content.

Predictions sharing one cue span (a quote continued over several sentences under one
"he said") are merged into one relation whose content runs from the first to the last quote,
the way PolNeAR annotates them.

Matching, done separately for source, cue and content:
- exact: the same character span after trimming whitespace and punctuation (quotes, commas,
  full stops, colons, dashes) at both edges;
- overlap: the spans share at least one token (a run of word characters); each gold span and
  each predicted span is matched at most once, greedily by the largest token overlap.
P = matched / predicted, R = matched / gold, F1 their harmonic mean, micro-averaged over
articles. Throughput is given for spaCy parsing plus extraction and for extraction alone.

The speaker a claim is given, beside the frames: every sentence (as claims are split) more than
half inside a gold content with a source takes the attribution ``claims`` gives it, and its source
is matched exactly against that gold source (``sentence_speaker_exact``); ``quoted_`` is the same
over the sentences inside quotation marks whose gold cue lies in another sentence (a quotation
run over several sentences, continued under an earlier "he said").
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import statistics
import sys
import time
import zlib
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from consistency.extract.attribution.frames import find_attributions  # noqa: E402
from consistency.extract.nlp import load_nlp  # noqa: E402

ROLES = ("source", "cue", "content")
_EDGE = set(" \t\r\n\"'“”‘’.,;:!?-—–()[]")
_WORD = re.compile(r"\w+")


def trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Shrink a span past whitespace and punctuation at both edges."""
    a, b = span
    while a < b and text[a] in _EDGE:
        a += 1
    while b > a and text[b - 1] in _EDGE:
        b -= 1
    return a, b


def read_ann(path: Path) -> list[dict[str, tuple[int, int] | None]]:
    """Gold relations of one brat file as role -> (start, end) extents."""
    spans: dict[str, tuple[str, tuple[int, int]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2 and " " in parts[1]:
            label, offsets = parts[1].split(" ", 1)
            frags = [tuple(map(int, f.split())) for f in offsets.split(";")]
            spans[parts[0]] = (label, (min(f[0] for f in frags), max(f[1] for f in frags)))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(parts[1].split())
    rels = []
    for args in events:
        roles = dict(a.split(":", 1) for a in args if ":" in a)
        kind = next(iter(roles), "")
        if kind not in ("Attribution", "Attribution-no-source"):
            continue
        rel: dict[str, tuple[int, int] | None] = {r: None for r in ROLES}
        for role, tid in roles.items():
            if tid not in spans:
                continue
            key = {"Source": "source", "Cue": "cue", "Content": "content", "Content2": "content"}.get(role)
            if key is None:
                continue
            span = spans[tid][1]
            old = rel[key]
            rel[key] = span if old is None else (min(old[0], span[0]), max(old[1], span[1]))
        rels.append(rel)
    return rels


def predicted_relations(attrs: list) -> list[dict[str, tuple[int, int] | None]]:
    """Predictions as role -> span, merging quotes continued under one cue."""
    merged: dict[object, dict[str, tuple[int, int] | None]] = {}
    for i, a in enumerate(attrs):
        key = a.cue_span if a.cue_span is not None else ("solo", i)
        rel = merged.get(key)
        if rel is None:
            merged[key] = {"source": a.source_span, "cue": a.cue_span, "content": a.content_span}
        elif a.content_span is not None:
            old = rel["content"] or a.content_span
            rel["content"] = (min(old[0], a.content_span[0]), max(old[1], a.content_span[1]))
    return list(merged.values())


def _tokens(text: str, span: tuple[int, int]) -> set[int]:
    """Start offsets of the words in a span (``finditer`` with a start position gives offsets into the whole text)."""
    return {m.start() for m in _WORD.finditer(text, span[0], span[1])}


def match_counts(text: str, gold: list, pred: list) -> tuple[int, int]:
    """(exact matches, overlap matches) between two span lists, one-to-one."""
    g_ex = defaultdict(int)
    for s in gold:
        g_ex[trim(text, s)] += 1
    exact = 0
    for s in pred:
        k = trim(text, s)
        if g_ex[k] > 0:
            g_ex[k] -= 1
            exact += 1
    return exact, len(overlap_matches(text, gold, pred)[0])


def overlap_matches(text: str, gold: list, pred: list) -> tuple[set[int], set[int]]:
    """Indices of the gold and predicted spans matched one-to-one by shared words, most shared first."""
    gt = [_tokens(text, s) for s in gold]
    pt = [_tokens(text, s) for s in pred]
    pairs = sorted(
        ((len(g & p), i, j) for i, g in enumerate(gt) for j, p in enumerate(pt) if g & p),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    return used_g, used_p


def prf(tp: float, n_pred: float, n_gold: float) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def article_anns(root: Path) -> dict[str, list[Path]]:
    """Brat files of a split by article name (several when several annotators marked it)."""
    anns: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((root / "attributions").glob("*.ann")):
        anns[re.sub(r"_[0-9a-f]+$", "", ann.stem)].append(ann)
    return anns


def count_matches(c: dict[str, float], text: str, gold: list, pred: list, weight: float = 1.0) -> None:
    """Add one article's gold, predicted and matched span counts per role to ``c``."""
    for role in ROLES:
        g = [r[role] for r in gold if r[role] is not None]
        p = [r[role] for r in pred if r[role] is not None]
        ex, ov = match_counts(text, g, p)
        c[f"{role}_gold"] += weight * len(g)
        c[f"{role}_pred"] += weight * len(p)
        c[f"{role}_exact"] += weight * ex
        c[f"{role}_overlap"] += weight * ov


def fold_of(name: str, folds: int) -> int:
    """An article's cross-validation fold, the same on every machine (a hash of its name)."""
    return zlib.crc32(name.encode("utf-8")) % folds


class ParseCache:
    """Parsed articles and the tagger's scores kept in one file, so that a change to the rules after
    the tagger or to its outside bias re-runs only them (minutes instead of a parse of every article)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.docs: dict[tuple[str, str], bytes] = {}
        self.tags: dict[tuple[str, str], object] = {}
        if path.exists():
            with path.open("rb") as f:
                self.docs, self.tags = pickle.load(f)
        self.dirty = False
        self.tagger_name = "shipped"

    def shipped(self) -> None:
        """Name the shipped tagger by its file's size, so a retrained one is not read from the cache."""
        from consistency.extract.attribution.tagger import TAGGER_PATH

        self.tagger_name = f"shipped:{TAGGER_PATH.stat().st_size if TAGGER_PATH.exists() else 0}"

    def _tag_key(self, root: Path, name: str) -> tuple[str, str]:
        return self.tagger_name + "|" + str(root.resolve()), name

    def doc(self, nlp, root: Path, name: str, text: str):
        """The parsed article: from the cache when its tags are cached too (a cached doc has no
        tensor for the tagger to read), else parsed now."""
        from spacy.tokens import Doc

        key = (str(root.resolve()), name)
        if key in self.docs and self._tag_key(root, name) in self.tags:
            return Doc(nlp.vocab).from_bytes(self.docs[key])
        doc = nlp(text)
        if key not in self.docs:
            self.docs[key] = doc.to_bytes(exclude=["tensor", "user_data"])
            self.dirty = True
        return doc

    def tagging(self, root: Path, name: str):
        """A stand-in for the tagger of one article that answers from the cache when it can."""
        from consistency.extract.attribution import frames as attribution

        real = attribution.load_tagger
        key = self._tag_key(root, name)
        cache = self

        class Cached:
            def tag(self, doc, quotes=None):
                if len(doc) == 0:
                    return real().tag(doc, quotes)
                if key not in cache.tags:
                    # the log-probabilities, so that a change of outside bias is decoded from the cache too
                    cache.tags[key] = real().log_probs(doc, quotes)
                    cache.dirty = True
                return real().spans(doc, cache.tags[key])

        return Cached()

    def save(self) -> None:
        if self.dirty:
            with self.path.open("wb") as f:
                pickle.dump((self.docs, self.tags), f)
            self.dirty = False


CACHE: ParseCache | None = None


def _extract(nlp, root: Path, name: str, text: str) -> tuple[list, object, float, float]:
    """(attributions, the parsed doc, seconds parsing and extracting, seconds extracting) of one article."""
    t0 = time.perf_counter()
    if CACHE is None:
        doc = nlp(text)
        t1 = time.perf_counter()
        attrs = find_attributions(doc)
    else:
        from consistency.extract.attribution import frames as attribution

        doc = CACHE.doc(nlp, root, name, text)
        t1 = time.perf_counter()
        real = attribution.load_tagger
        cached = CACHE.tagging(root, name)
        attribution.load_tagger = lambda: cached
        try:
            attrs = find_attributions(doc)
        finally:
            attribution.load_tagger = real
    t2 = time.perf_counter()
    return attrs, doc, t2 - t0, t2 - t1


def count_speakers(c: dict[str, float], doc, text: str, gold: list, attrs: list, weight: float = 1.0) -> None:
    """Add to ``c`` the sentences a gold content covers and those whose claim names its gold source."""
    from consistency.extract.attribution.quotes import quote_spans
    from consistency.extract.claims import _attribution_for, _sentences

    quotes = quote_spans(text)
    framed = [g for g in gold if g["source"] is not None and g["content"] is not None]
    for sent in _sentences(doc):
        s0, s1 = sent.start_char, sent.end_char
        cover = [(min(s1, g["content"][1]) - max(s0, g["content"][0]), k) for k, g in enumerate(framed)]
        cover = [(n, k) for n, k in cover if n > (s1 - s0) / 2]
        if not cover:
            continue
        g = framed[max(cover)[1]]
        att = _attribution_for(sent, attrs)
        hit = att is not None and att.source_span is not None and trim(text, att.source_span) == trim(text, g["source"])
        quoted = (any(q[0] <= s0 + 2 and s1 <= q[1] + 2 for q in quotes)
                  and (g["cue"] is None or not s0 <= g["cue"][0] < s1))
        for kind in ("sentence", "quoted_sentence") if quoted else ("sentence",):
            c[f"{kind}_n"] += weight
            c[f"{kind}_speaker"] += weight * hit


def run(root: Path, limit: int | None = None, only: set[str] | None = None,
        misses: list | None = None) -> dict[str, float]:
    """Score one split (or only the named articles of it); returns the figures as a flat dict.
    ``misses`` collects (article, text, gold relations, predicted relations, weight) per annotator file."""
    nlp = load_nlp()
    by_article = article_anns(root)
    names = sorted(n for n in by_article if (root / "text" / f"{n}.txt").exists()
                   and (only is None or n in only))
    if limit:
        names = names[:limit]
    c = defaultdict(float)
    elapsed = extracting = 0.0
    for name in names:
        text = (root / "text" / f"{name}.txt").read_text(encoding="utf-8")
        attrs, doc, spent, extract_only = _extract(nlp, root, name, text)
        elapsed += spent
        extracting += extract_only
        pred = predicted_relations(attrs)
        files = by_article[name]
        w = 1.0 / len(files)
        for ann in files:
            gold = read_ann(ann)
            count_matches(c, text, gold, pred, w)
            count_speakers(c, doc, text, gold, attrs, w)
            c["n_gold"] += w * len(gold)
            if misses is not None:
                misses.append((name, text, gold, pred, w))
    if CACHE is not None:
        CACHE.save()
    out: dict[str, float] = {"n_articles": len(names), "n_gold": round(c["n_gold"], 1)}
    for role in ROLES:
        for mode in ("exact", "overlap"):
            s = prf(c[f"{role}_{mode}"], c[f"{role}_pred"], c[f"{role}_gold"])
            for k, v in s.items():
                out[f"{role}_{mode}_{k}"] = round(v, 4)
    for kind in ("sentence", "quoted_sentence"):
        out[f"{kind}s"] = round(c[f"{kind}_n"], 1)
        out[f"{kind}_speaker_exact"] = round(c[f"{kind}_speaker"] / c[f"{kind}_n"], 4) if c[f"{kind}_n"] else 0.0
    out["articles_per_second"] = round(len(names) / elapsed, 2) if elapsed else 0.0
    out["extract_articles_per_second"] = round(len(names) / extracting, 2) if extracting else 0.0
    return out


def agreement(root: Path) -> dict[str, float]:
    """One annotator scored against another on the articles two annotators marked: the human ceiling."""
    c: dict[str, float] = defaultdict(float)
    pairs = 0
    for name, files in sorted(article_anns(root).items()):
        path = root / "text" / f"{name}.txt"
        if len(files) < 2 or not path.exists():
            continue
        pairs += 1
        count_matches(c, path.read_text(encoding="utf-8"), read_ann(files[0]), read_ann(files[1]))
    out: dict[str, float] = {"n_articles": pairs}
    for role in ROLES:
        for mode in ("exact", "overlap"):
            out[f"{role}_{mode}_f1"] = round(prf(c[f"{role}_{mode}"], c[f"{role}_pred"], c[f"{role}_gold"])["f1"], 4)
    return out


HEADLINE = ("source_exact_f1", "cue_exact_f1", "content_overlap_f1")
SPEAKERS = ("sentence_speaker_exact", "quoted_sentence_speaker_exact")


def cross_validate(root: Path, folds: int, fold_taggers: str | None, limit: int | None = None,
                   only: list[int] | None = None, fold_bias: list[float] | None = None) -> dict:
    """Each fold of whole articles scored by its own tagger (or the shipped one): per-fold figures,
    their mean and population spread; ``only`` scores just those folds (a partial run, said so);
    ``fold_bias`` is the folds' outside bias instead of the one in the shipped tagger's file."""
    import numpy as np

    from consistency.extract.attribution import frames as attribution

    shipped = attribution.load_tagger
    names = sorted(article_anns(root))
    per_fold = []
    bias = list(fold_bias) if fold_bias is not None else shipped_bias()
    own = attribution.load_tagger() if fold_bias is not None and not fold_taggers else None
    kept = own.outside_bias if own is not None else None
    if own is not None:
        own.outside_bias = np.asarray(bias, dtype=np.float32)
    try:
        for k in (only if only is not None else range(folds)):
            if fold_taggers:
                use_tagger(Path(fold_taggers.format(k=k)), bias)
            per_fold.append(run(root, limit, {n for n in names if fold_of(n, folds) == k}))
    finally:
        attribution.load_tagger = shipped
        if own is not None:
            own.outside_bias = kept
        if CACHE is not None:
            CACHE.shipped()
    out: dict = {"folds": folds, "scored_folds": list(only) if only is not None else list(range(folds)),
                 "fold_taggers": fold_taggers, "fold_outside_bias": bias if fold_taggers or fold_bias is not None else None,
                 "trained_without_fold": bool(fold_taggers), "per_fold": per_fold}
    for key in HEADLINE + ("source_overlap_f1", "content_exact_f1") + SPEAKERS:
        if not all(key in f for f in per_fold):
            continue
        values = [f[key] for f in per_fold]
        out[f"{key}_mean"] = round(statistics.mean(values), 4)
        out[f"{key}_std"] = round(statistics.pstdev(values), 4)
    return out


def shipped_bias() -> list[float]:
    """The outside bias the shipped tagger decodes under, which the fold taggers take too: it is
    part of the recipe being cross-validated, chosen on the folds (bench/NOTES.md)."""
    from consistency.extract.attribution.tagger import load_tagger

    tagger = load_tagger()
    return [float(b) for b in tagger.outside_bias] if tagger is not None else [0.0, 0.0, 0.0]


def use_tagger(path: Path, outside_bias: list[float] | None = None) -> None:
    """Extract with this tagger model instead of the shipped one, for the rest of the process,
    decoded under ``outside_bias`` when given instead of the one in its file."""
    import numpy as np

    from consistency.extract.attribution import frames as attribution
    from consistency.extract.attribution import tagger as attribution_tagger

    chosen = attribution_tagger.load_tagger(str(path))
    if outside_bias is not None:
        chosen.outside_bias = np.asarray(outside_bias, dtype=np.float32)
    attribution.load_tagger = lambda: chosen
    if CACHE is not None:
        CACHE.tagger_name = str(path.resolve())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--tagger", type=Path, default=None, help="score this tagger model instead of the shipped one")
    ap.add_argument("--agreement", action="store_true",
                    help="score the first annotator against the second where two marked an article, instead")
    ap.add_argument("--cv", type=int, default=0, metavar="K", help="score K folds of whole articles of DIR")
    ap.add_argument("--fold-taggers", default=None, metavar="PATTERN",
                    help="with --cv: the tagger of fold k, a path with {k} (trained with --cv-fold k/K)")
    ap.add_argument("--fold-bias", type=float, nargs=3, default=None, metavar=("CUE", "SOURCE", "CONTENT"),
                    help="with --cv: decode the folds under this outside bias instead of the one in the shipped tagger's file")
    ap.add_argument("--dev", type=Path, default=None, help="with --cv: also score this split once")
    ap.add_argument("--cache", type=Path, default=None, metavar="FILE",
                    help="keep the parse and the tagger's scores of every article in FILE and read them back "
                         "from it, so that a change to the rules after the tagger is scored in minutes")
    ap.add_argument("--only-folds", default=None, metavar="K,K",
                    help="with --cv: score only these folds (e.g. 0,1), when the rest have no tagger yet")
    args = ap.parse_args()
    if args.cache is not None:
        global CACHE
        CACHE = ParseCache(args.cache)
        CACHE.shipped()
    if args.agreement:
        res = agreement(args.dir)
        print(json.dumps(res) if args.json else "\n".join(f"{k:20s} {v}" for k, v in res.items()))
        return
    if args.fold_taggers and not args.cv:
        ap.error("--fold-taggers needs --cv K")
    if args.fold_bias and not args.cv:
        ap.error("--fold-bias needs --cv K")
    if args.cv == 1 or args.cv < 0:
        ap.error("--cv needs at least 2 folds")
    only = None
    if args.only_folds:
        try:
            only = [int(k) for k in args.only_folds.split(",")]
        except ValueError:
            ap.error(f"--only-folds {args.only_folds!r}: give fold numbers separated by commas, e.g. 0,1")
        if not args.cv or not all(0 <= k < args.cv for k in only):
            ap.error("--only-folds needs --cv K and fold numbers from 0 to K-1")
    if args.cv:
        cv = cross_validate(args.dir, args.cv, args.fold_taggers, args.limit, only, args.fold_bias)
        if args.tagger is not None:
            use_tagger(args.tagger)
        dev = run(args.dev, args.limit) if args.dev else None
        if args.json:
            print(json.dumps({"cv": cv, "dev": dev}))
            return
        how = ("each fold scored by a tagger trained without it" if cv["trained_without_fold"] else
               "each fold scored by the shipped tagger, which was trained on it: training-set figures")
        part = "" if only is None else f" (only folds {','.join(map(str, only))} scored: a partial run)"
        if args.fold_bias:
            how += f", decoded under outside bias {' '.join(f'{b:g}' for b in args.fold_bias)}"
        print(f"{args.dir}: {args.cv} folds of whole articles, {how}{part}")
        for key in HEADLINE + SPEAKERS:
            vals = " ".join(f"{f[key]:.3f}" for f in cv["per_fold"])
            print(f"  {key:29s} folds {vals}  mean {cv[key + '_mean']:.3f}  std {cv[key + '_std']:.3f}")
        if dev:
            print(f"dev {args.dev}: {dev['n_articles']} articles, shipped tagger")
            for key in HEADLINE + SPEAKERS:
                print(f"  {key:29s} {dev[key]:.3f}")
        return
    if args.tagger is not None:
        use_tagger(args.tagger)
    res = run(args.dir, args.limit)
    if args.json:
        print(json.dumps(res))
        return
    print(f"{res['n_articles']} articles, {res['n_gold']} gold relations, "
          f"{res['articles_per_second']} articles/s parsed and extracted, "
          f"{res['extract_articles_per_second']} articles/s extraction alone")
    for role in ROLES:
        for mode in ("exact", "overlap"):
            k = f"{role}_{mode}"
            print(f"{k:16s} P {res[k + '_p']:.3f}  R {res[k + '_r']:.3f}  F1 {res[k + '_f1']:.3f}")
    for kind in ("sentence", "quoted_sentence"):
        print(f"{kind + '_speaker_exact':29s} {res[kind + '_speaker_exact']:.3f} of {res[kind + 's']} sentences")


if __name__ == "__main__":
    main()
