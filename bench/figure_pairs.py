"""Figures of one fact given differently by two outlets, weighed by a model learned from labelled coverage
(a measured idea, not part of the check: see ``bench/NOTES.md``, "a learned comparison of figure pairs").

The rule finders each read one kind of figure (a toll, an age, a count of shots) in the words news
uses for it. This finder reads any two figure rows of a story's fact table that come from different
outlets within days of each other and whose values cannot both be right, and a logistic model weighs
whether they state one fact: what they count, the happening they belong to, the words around them,
how close the values are, whether the rules' own sameness test holds, and whether either outlet also
gives the other's value (then it knows both, and they are two facts). ``scripts/fit_figure_pairs.py``
fits and cross-validates it with folds grouped by labelled set.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from consistency.compare.facts.pairing import WINDOW_DAYS, Similarity
from consistency.compare.facts.rows import Fact

FEATURES = ("similarity", "context", "about", "same_counts", "counts_known", "same_event", "one_fact",
            "related", "near", "log_ratio", "echo", "mutual_best", "age", "hedged", "small", "days_apart",
            "rows")
CONTEXT_WORDS = 5  # words either side of a figure that say what it is
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class FigurePair:
    """Two figure rows of one story from different outlets whose values cannot both be right."""

    a: Fact  # the row of the earlier claim
    b: Fact
    x: tuple[float, ...]  # the features, in the order of FEATURES


def _context(f: Fact) -> frozenset[str]:
    """Lower-cased words within a few words of the figure in its sentence, the figure's own text left out."""
    from consistency.compare.base import STOP

    text, at = f.claim.text, f.claim.start
    before = _WORD.findall(text[:max(0, f.slot.start - at)].casefold())[-CONTEXT_WORDS:]
    after = _WORD.findall(text[max(0, f.slot.end - at):].casefold())[:CONTEXT_WORDS]
    return frozenset(w for w in [*before, *after] if w not in STOP and len(w) > 1)


def marked(f: Fact) -> str:
    """The figure's sentence with the figure between double brackets, as the pair reader reads it."""
    text, at = f.claim.text, f.claim.start
    i, j = max(0, f.slot.start - at), max(0, f.slot.end - at)
    return f"{text[:i]}[[{text[i:j]}]]{text[j:]}"


def _jaccard(x: frozenset[str], y: frozenset[str]) -> float:
    return len(x & y) / len(x | y) if x | y else 0.0


def _log_ratio(x: Fact, y: Fact) -> float:
    a, b = abs(x.slot.value), abs(y.slot.value)
    if a == 0 or b == 0:
        return 3.0
    return min(3.0, abs(math.log(a / b)))


def _same_value(f: Fact, g: Fact) -> bool:
    return f.slot.kind == g.slot.kind and f.slot.value == g.slot.value and f.slot.unit == g.slot.unit


def pairs(facts: Sequence[Fact], similarity: Similarity) -> list[FigurePair]:
    """Every pair of figure rows of one story from different outlets and articles, at most
    ``WINDOW_DAYS`` apart, of one kind of figure and values that cannot both be right, with features."""
    from consistency.compare.facts.sameness import one_fact, related
    from consistency.compare.facts.statistics import is_age
    from consistency.compare.facts.values import differ

    figures = [f for f in facts if f.kind == "figure"]
    by_article: dict[str, list[Fact]] = {}
    for f in figures:
        by_article.setdefault(f.claim.article_id, []).append(f)
    context = {id(f): _context(f) for f in figures}
    rows = math.log(1 + len(figures))
    raw: list[tuple[Fact, Fact, float, float]] = []
    for i, x in enumerate(figures):
        for y in figures[i + 1:]:
            if x.claim.outlet == y.claim.outlet or x.claim.article_id == y.claim.article_id:
                continue
            if x.slot.kind != y.slot.kind or abs((x.claim.published - y.claim.published).days) > WINDOW_DAYS:
                continue
            if not differ(x, y):
                continue
            sim = similarity(x.row, y.row)
            raw.append((x, y, sim, _jaccard(context[id(x)], context[id(y)])))
    # How each row ranks its partners in the other article: the likeliest partner is the one whose
    # sentence and words around the figure are closest.
    best: dict[tuple[int, str], float] = {}
    for x, y, sim, ctx in raw:
        for f, g in ((x, y), (y, x)):
            key = (id(f), g.claim.article_id)
            best[key] = max(best.get(key, -1.0), sim + ctx)
    out = []
    for x, y, sim, ctx in raw:
        a, b = (x, y) if (x.claim.published, x.claim.id) <= (y.claim.published, y.claim.id) else (y, x)
        echo = (any(_same_value(a, g) for g in by_article.get(b.claim.article_id, ()))
                or any(_same_value(b, g) for g in by_article.get(a.claim.article_id, ())))
        mutual = (best[(id(x), y.claim.article_id)] <= sim + ctx + 1e-9
                  and best[(id(y), x.claim.article_id)] <= sim + ctx + 1e-9)
        lr = _log_ratio(x, y)
        feats = (sim, ctx, _jaccard(x.about, y.about),
                 float(x.counts is not None and x.counts == y.counts),
                 float(x.counts is not None and y.counts is not None),
                 float(x.event is not None and x.event == y.event),
                 float(one_fact(a, b)), float(related(x, y)), float(lr <= math.log(1.5)), lr, float(echo),
                 float(mutual), float(is_age(x) and is_age(y)), float(bool(x.slot.hedge or y.slot.hedge)),
                 float(max(abs(x.slot.value), abs(y.slot.value)) <= 10),
                 min(7.0, abs((x.claim.published - y.claim.published).total_seconds()) / 86400) / 7, rows)
        out.append(FigurePair(a, b, feats))
    return out
