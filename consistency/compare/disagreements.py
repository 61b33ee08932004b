"""One flag per disagreement: findings that set the same two values of the same outlets against each
other are one disagreement read off several sentences, and are told once, on the sentences that
state the values most plainly.

A story often gives one figure in several sentences of one article (the lede, a photo caption, a
quoted post, a later recap); each pair of such sentences across two outlets is a finding of its own,
and a reader would see the one disagreement flagged several times, most of them on the sentences
least fit to cite.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Sequence

from ..records import Claim, TimeExpr
from .finding import Finding
from .numbers import figure_at, figure_given
from .timeline import anchor_kind

# Page furniture around a sentence: a photo caption's button or credit, a video's running time
# ("| 01:42"), a headline's separator.
FURNITURE = re.compile(r"\bview (?:full )?caption\b|\bphoto(?:s|graph)? (?:by|courtesy)\b|\b(?:photo|image|credit)\s*:|"
                       r"\|\s*\d{1,2}:\d{2}\b|\s\|\s", re.I)
# A social-media post quoted in the article: a handle, a hashtag, a link.
POST = re.compile(r"(?:^|\s)[@#](?:\w|\s)|https?://|\bpic\.twitter\b", re.I)
# The value sits in a relative clause ("the man who shot 4 people", "the cinema where a 40-year-old
# opened fire"): said of someone or somewhere the sentence picks out, not stated as the happening itself.
RELATIVE_BEFORE = re.compile(r"\b(?:who|which|that|where|when)\s+(?:\w+\s+){0,2}$", re.I)
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s*$")
# The kinds whose two values name the fact they are of: two polarity findings of a story both set
# "said" against "denied", two speaker findings may name the same two people, each of other words.
VALUED = frozenset({"number", "update", "timeline"})


def side_key(kind: str, c: Claim, value: str, span: tuple[int, int]) -> str:
    """What one side of a finding says: a figure by its amount ("three" and "3" are one), a date by
    the days it names, anything else by its words."""
    if kind in ("number", "update"):
        q = figure_at(c, span)
        if q is not None:
            return f"{q.value:g}"
    from . import value_key  # local: the package imports this module

    return value_key(kind, c, value, span)


def sides(f: Finding) -> dict[str, str]:
    """Outlet -> the value it gives, as ``side_key`` reads it."""
    return {f.a.outlet: side_key(f.type, f.a, f.value_a, f.span_a),
            f.b.outlet: side_key(f.type, f.b, f.value_b, f.span_b)}


def one_disagreement(f: Finding, g: Finding, x: dict[str, str] | None = None, y: dict[str, str] | None = None) -> bool:
    """Two findings of one kind set the same two values against each other, with an outlet in common
    that gives the same value in both (``x``, ``y``: their ``sides``, when already read)."""
    if f.type != g.type or f.type not in VALUED:
        return False
    x, y = x or sides(f), y or sides(g)
    shared = x.keys() & y.keys()
    return (len(set(x.values())) == 2 and set(x.values()) == set(y.values()) and bool(shared)
            and all(x[o] == y[o] for o in shared))


def indirectness(c: Claim, span: tuple[int, int]) -> int:
    """How many signs say a sentence states its value other than plainly: page furniture (a caption,
    a video's running time), a quoted post, the value in a relative clause, no sentence end (a headline)."""
    before = c.text[:max(0, span[0] - c.start)]
    signs = (FURNITURE.search(c.text), POST.search(c.text), RELATIVE_BEFORE.search(before),
             not SENTENCE_END.search(c.text))
    return sum(1 for s in signs if s)


def plainness(f: Finding) -> tuple[int, float]:
    """Rank of a finding as the one to cite: fewest signs of indirect statement on its two sentences,
    then the surest."""
    return (-(indirectness(f.a, f.span_a) + indirectness(f.b, f.span_b)), f.confidence)


def one_per_disagreement(findings: Sequence[Finding], story: Iterable[Claim] = ()) -> list[Finding]:
    """The findings with each disagreement told once: of those that set the same two values of
    overlapping outlets against each other, the one whose sentences state the values most plainly
    (the first of equals), in the place of the first of them. With ``story`` (every claim of the
    story), every figure or date disagreement, read off one pair of sentences or several, cites on each
    side its article's plainest sentence giving that figure or date of the same happening."""
    groups: list[list[Finding]] = []
    heads: list[dict[str, str] | None] = []  # the sides of each group's first finding, read once
    for f in findings:
        own = sides(f) if f.type in VALUED else None
        at = next((i for i, g in enumerate(groups) if one_disagreement(g[0], f, heads[i], own)), None)
        if at is None:
            groups.append([f])
            heads.append(own)
        else:
            groups[at].append(f)
    by_article: dict[str, list[Claim]] = {}
    for c in story:
        by_article.setdefault(c.article_id, []).append(c)
    return [plainest_sides(max(g, key=plainness), by_article) for g in groups]


def plainest_sides(f: Finding, by_article: dict[str, list[Claim]]) -> Finding:
    """``f`` with each side moved to its article's plainest sentence that gives the same figure or date of
    the same happening: fewest signs of indirect statement, then the earliest (a report states its facts
    first, its recaps and quotes later)."""
    if f.type == "timeline":
        pick = plainest_date
    elif f.type in ("number", "update"):
        pick = plainest
    else:
        return f
    a, value_a, span_a = pick(f.a, f.span_a, by_article.get(f.a.article_id, ()))
    b, value_b, span_b = pick(f.b, f.span_b, by_article.get(f.b.article_id, ()))
    if a is f.a and b is f.b:
        return f
    return replace(f, a=a, b=b, value_a=value_a, value_b=value_b, span_a=span_a, span_b=span_b)


def plainest(c: Claim, span: tuple[int, int], article: Sequence[Claim]) -> tuple[Claim, str, tuple[int, int]]:
    """The sentence of ``c``'s article that states its figure at ``span`` most plainly, with that
    figure's words and place (``c`` itself unless another is plainer)."""
    q = figure_at(c, span)
    best = (c, c.text[span[0] - c.start:span[1] - c.start], span)
    if q is None or not q.event:
        return best
    rank = (indirectness(c, span), c.start)
    for d in article:
        y = figure_given(d, q) if d.id != c.id else None
        if y is None or not one_happening(q.event, y.event):
            continue
        at = (y.start, y.end)
        if (indirectness(d, at), d.start) < rank:
            rank, best = (indirectness(d, at), d.start), (d, d.text[y.start - d.start:y.end - d.start], at)
    return best


def plainest_date(c: Claim, span: tuple[int, int], article: Sequence[Claim]) -> tuple[Claim, str, tuple[int, int]]:
    """The sentence of ``c``'s article that states its date at ``span`` most plainly: the same words dating
    the same happening, with the fewest signs of indirect statement, then the earliest (a photo caption
    restating the lede's date further down is the lede's date, told less plainly)."""
    t = next((t for t in c.times if (t.start, t.end) == span), None)
    best = (c, c.text[span[0] - c.start:span[1] - c.start], span)
    # a word relative to the report's day ("last year") may date anything: only a named day is moved
    if t is None or not t.event or anchor_kind(t) not in ("absolute", "weekday"):
        return best
    rank = (indirectness(c, span), c.start)
    for d in article:
        if d.id == c.id:
            continue
        for y in d.times:
            if _words(y.text) != _words(t.text) or not dates_happening(t.event, d, y):
                continue
            at = (y.start, y.end)
            if (indirectness(d, at), d.start) < rank:
                rank, best = (indirectness(d, at), d.start), (d, y.text, at)
    return best


def dates_happening(event: str, d: Claim, y: TimeExpr) -> bool:
    """The date ``y`` of sentence ``d`` dates the happening ``event``: its own verb is that verb, or a form of
    that verb comes before it in the sentence ("was shot and killed on Monday" dates the shooting too)."""
    if one_happening(event, y.event):
        return True
    from .facts.sameness import verb_forms  # local: the fact table reads the comparators

    before = set(re.findall(r"[a-z]+", d.text[:max(0, y.start - d.start)].casefold()))
    return bool(before & verb_forms(event))


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def one_happening(x: str | None, y: str | None) -> bool:
    """Two figures' verbs are one verb, whichever of its forms extraction kept ("shot" of shoot)."""
    from .facts.sameness import verb_forms  # local: the fact table reads the comparators

    return bool(x and y) and (x == y or y in verb_forms(x) or x in verb_forms(y))
