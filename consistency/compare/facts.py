"""The per-story fact table: what is counted or dated, by whom, with each outlet's value.

Pairs of aligned sentences miss the same fact stated in other words ("voted on Wednesday" and "the
resolution passed Tuesday"). Here every figure and every date of a story becomes a row keyed by
what it is about (the noun a figure counts, the happening a date attaches to, and that happening's
subject and object, as extraction read them); rows of different outlets about the same thing are
compared by value. A later report with a newer figure, said to revise it, is an update.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterable, Sequence

import numpy as np

from ..lexicon import SPEECH_EVENTS
from ..records import Claim, Quantity, TimeExpr
from .base import Finding, content_words, has_update_cue
from .numbers import _comparable as figures_comparable
from .numbers import _singular, agree
from .timeline import _comparable as dates_comparable
from .timeline import _compatible, _interval, is_stamp

# Happenings too general to say which fact a slot belongs to: a shared subject must do it.
GENERAL_EVENTS = frozenset({"be", "have", "do", "make", "get", "take", "give", "come", "go", "include", "become"})
FORECAST = frozenset({"expected", "possible"})  # what a report says will or may happen
MIN_SIMILARITY = 0.25
RARITY_WEIGHT = 0.2
# Coverage of one happening, updates included, comes within days; a story that spans months holds
# several happenings of one kind (two launches, two hearings), whose figures and dates differ.
WINDOW_DAYS = 7  # claims further apart in meaning than this are about other things


@dataclass(frozen=True, slots=True)
class Fact:
    """One row of a story's fact table: a figure or a date in one claim, with what it is about."""

    kind: str  # "figure" or "date"
    claim: Claim
    row: int  # the claim's row id, for its vector
    slot: Quantity | TimeExpr
    event: str | None
    about: frozenset[str]
    counts: str | None  # the noun a figure counts, in one form
    interval: tuple[date, date] | None = None


def facts_of(row: int, c: Claim) -> list[Fact]:
    """The rows a claim adds to its story's table."""
    if is_stamp(c):
        return []
    out = []
    for q in c.quantities:
        if q.kind == "ordinal" or math.isinf(q.value):
            continue
        out.append(Fact("figure", c, row, q, q.event, frozenset(q.about), _counted(q)))
    for t in c.times:
        iv = _interval(t)
        if iv is None or t.event in SPEECH_EVENTS:
            continue
        out.append(Fact("date", c, row, t, t.event, frozenset(t.about), None, iv))
    return out


def _counted(q: Quantity) -> str | None:
    """What a figure counts: for a count, the noun it measures ("48-page indictment": pages), else its unit."""
    if q.kind == "count" and q.about:
        return " ".join(_singular(w) or w for w in q.about[0].split())
    return _singular(q.unit) if q.unit else None


GRANULARITY = {"time": 0, "day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4, "decade": 5,
               "century": 6}
MAX_GRANULARITY_GAP = 2  # "mid May" may date what "April 30" dates; "2006" does not date "Wednesday", nor "June"


def story_table(claims: dict[int, Claim]) -> dict[str, list[Fact]]:
    """Story id -> its facts, for every claim that belongs to a story."""
    table: dict[str, list[Fact]] = {}
    for row, c in claims.items():
        if c.story_id:
            table.setdefault(c.story_id, []).extend(facts_of(row, c))
    return table


def _same_fact(x: Fact, y: Fact) -> float:
    """How surely two rows are about the same thing (0 when not), from their slots alone: the same
    counted noun or the same granularity of date, the same happening or the same things around it,
    and not said of different named people or organisations."""
    if x.kind != y.kind:
        return 0.0
    shared = x.about & y.about
    same_event = x.event is not None and x.event == y.event and x.event not in GENERAL_EVENTS
    if x.kind == "figure":
        if x.counts is None or x.counts != y.counts:
            return 0.0
        chain = x.slot.about[0] if x.slot.about and x.slot.kind == "count" else ""
        others = shared - {chain, *chain.split()}
        # A named chain of nouns ("the 35-word oath") says what is counted by itself; a sum of money
        # or a bare count needs the same happening, or two things around it in common.
        specific = len(chain.split()) >= 2 and chain in y.slot.about
        near = _near_figures(x.slot, y.slot)
        if not specific and _different_actors(x, y):
            return 0.0  # "the Red Sox offered $184 million", "the Orioles offered $150 million"
        if x.slot.kind == "money" and not (same_event and others or near and (same_event or others)):
            return 0.0
        if not specific and not (same_event and others) and not (near and others) and len(others) < 2:
            return 0.0
        return 0.4 + 0.2 * same_event + 0.2 * specific + 0.1 * near + 0.1 * min(2, len(others))
    gx, gy = GRANULARITY.get(x.slot.granularity, 0), GRANULARITY.get(y.slot.granularity, 0)
    near = _near_dates(x, y)
    if near and not shared and _same_person(x.claim, y.claim):
        shared = frozenset({"(person)"})  # "Brooke served from 1967" / "Brooke held the seat from 1966"
    if abs(gx - gy) > (MAX_GRANULARITY_GAP if max(gx, gy) <= GRANULARITY["month"] else 1) or not shared or not (same_event or near):
        return 0.0
    return 0.4 + 0.2 * same_event + 0.1 * near + 0.15 * min(2, len(shared))


ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _different_actors(x: Fact, y: Fact) -> bool:
    """Both rows are said of named people or organisations (as either claim's entities name them)
    and none in common."""
    named = {w.casefold() for c in (x.claim, y.claim) for e in c.entities if e.label in ACTOR_LABELS
             for w in e.text.split()}
    ax, ay = x.about & named, y.about & named
    return bool(ax and ay and not ax & ay)


NEAR_RATIO = 1.35  # a figure an outlet got slightly wrong: "$5,587.75" for "$5,687.75", "$3.5 billion" for "$3.6"
NEAR_STEPS = {"month": 1, "year": 1}  # a day named wrongly is too common a different day to count alone


def _near_figures(x: Quantity, y: Quantity) -> bool:
    """Values close enough that one reads as a slip for the other, whatever verb each outlet used."""
    lo, hi = sorted((abs(x.value), abs(y.value)))
    return lo > 0 and hi / lo <= NEAR_RATIO


def _near_dates(x: Fact, y: Fact) -> bool:
    """Dates of one granularity a step or two apart ("Tuesday" and "Wednesday", "1966" and "1967")."""
    if x.slot.granularity != y.slot.granularity or x.slot.granularity not in NEAR_STEPS:
        return False
    (a0, _), (b0, _) = x.interval, y.interval
    if x.slot.granularity in ("day", "time"):
        steps = abs((a0 - b0).days)
    elif x.slot.granularity == "month":
        steps = abs((a0.year - b0.year) * 12 + a0.month - b0.month)
    else:
        steps = abs(a0.year - b0.year)
    return 0 < steps <= NEAR_STEPS[x.slot.granularity]


def _same_person(a: Claim, b: Claim) -> bool:
    """The two claims name one person (by the canonical id extraction gave the name)."""
    return bool({e.canonical for e in a.entities if e.label == "PERSON"}
                & {e.canonical for e in b.entities if e.label == "PERSON"})


def _scale_dropped(x: Quantity, y: Quantity) -> bool:
    """"110" and "110 billion": one outlet left the scale word out, which is no disagreement."""
    big, small = max(abs(x.value), abs(y.value)), min(abs(x.value), abs(y.value))
    if small <= 0 or big / small < 1000:
        return False
    ratio = math.log10(big / small)
    return abs(ratio - round(ratio)) < 1e-6 and round(ratio) % 3 == 0


def _fineness(f: Fact) -> int:
    return GRANULARITY.get(f.slot.granularity, 0) if f.kind == "date" else 0


def _differ(x: Fact, y: Fact) -> bool:
    """The two values cannot both be right."""
    if x.kind == "figure":
        if not figures_comparable(x.slot, y.slot):
            return False
        if x.slot.hedge or y.slot.hedge:
            return not agree(x.slot, y.slot)
        # Plain figures agree only when their rounding intervals truly overlap: "$3.5 billion" and
        # "$3.6 billion" merely touch, "$5,587.75" is not "$5,687.75".
        lo, hi = max(x.slot.low, y.slot.low), min(x.slot.high, y.slot.high)
        touching = lo == hi and x.slot.low < x.slot.high and y.slot.low < y.slot.high
        return (lo > hi or touching) and not _scale_dropped(x.slot, y.slot)
    if not dates_comparable(x.slot, y.slot, x.claim, y.claim):
        return False
    return not _compatible(x.slot, x.interval, y.slot, y.interval)


def _overlap(a: Claim, b: Claim) -> float:
    wa, wb = content_words(a.content), content_words(b.content)
    return 2 * len(wa & wb) / max(1, len(wa) + len(wb))


Similarity = Callable[[int, int], float]


def fact_findings(facts: Sequence[Fact], similarity: Similarity) -> list[tuple[Finding, float]]:
    """Findings between rows of one story's table that are about the same thing and differ in value.

    A value that some row of the other claim agrees with is that row's ("from 1965 to 1970" against
    "from 1965 to 1970": 1965 is not set against 1970); of the rest, each claim pair gives its surest."""
    # A word few rows of the story share ("primary") says more about which fact it is than one
    # many share ("election"): shared words count by their rarity in the story's table.
    df: dict[str, int] = {}
    for f in facts:
        for w in f.about:
            df[w] = df.get(w, 0) + 1
    by_claims: dict[tuple[int, int], list[tuple[Fact, Fact, float]]] = {}
    for i, x in enumerate(facts):
        for y in facts[i + 1:]:
            if x.claim.outlet == y.claim.outlet or x.claim.article_id == y.claim.article_id:
                continue
            if abs((x.claim.published - y.claim.published).days) > WINDOW_DAYS:
                continue  # reports weeks apart are of different happenings as often as of one
            same = _same_fact(x, y)
            if same:
                rare = max((1 / df[w] for w in x.about & y.about), default=0.0)
                by_claims.setdefault((x.row, y.row), []).append((x, y, same + RARITY_WEIGHT * rare))
    out = []
    for (ra, rb), rows in by_claims.items():
        # A coarser value ("earlier this week") agreeing with a finer one ("Friday") does not vouch for it.
        agreed = {id(f) for x, y, _ in rows if not _differ(x, y) for f, g in ((x, y), (y, x))
                  if _fineness(g) <= _fineness(f)}
        conflicts = [(x, y, same) for x, y, same in rows if id(x) not in agreed and id(y) not in agreed
                     and _differ(x, y)]
        if not conflicts:
            continue
        sim = similarity(ra, rb)
        if sim < MIN_SIMILARITY:
            continue
        x, y, same = max(conflicts, key=lambda r: r[2])
        a, b = (x, y) if (x.claim.published, x.claim.id) <= (y.claim.published, y.claim.id) else (y, x)
        score = fact_score(same, sim, _overlap(a.claim, b.claim))
        out.append((_finding(a, b, score), sim))
    return out


def fact_score(same: float, similarity: float, overlap: float) -> float:
    """One raw score for a pair of rows, higher the surer they state the same fact."""
    return round(0.4 * same + 0.4 * similarity + 0.2 * overlap, 3)


def _finding(a: Fact, b: Fact, score: float) -> Finding:
    kind = "number" if a.kind == "figure" else "timeline"
    if b.claim.published > a.claim.published and (
            has_update_cue(b.claim) and not has_update_cue(a.claim)
            or a.claim.modality in FORECAST and b.claim.modality not in FORECAST):
        kind = "update"  # the later report revises the figure, or reports what the earlier one forecast
    return Finding(kind, a.claim, b.claim, a.slot.text, b.slot.text, (a.slot.start, a.slot.end),
                   (b.slot.start, b.slot.end), confidence=score)


def compare_facts(claims: dict[int, Claim], vectors: Callable[[Sequence[int]], np.ndarray]
                  ) -> dict[str, list[tuple[Finding, float]]]:
    """Story id -> the findings of its fact table; ``vectors`` gives the claims' meaning vectors by row."""
    out: dict[str, list[tuple[Finding, float]]] = {}
    for story, facts in story_table(claims).items():
        rows = sorted({f.row for f in facts})
        if len({f.claim.outlet for f in facts}) < 2:
            continue
        index = {r: i for i, r in enumerate(rows)}
        vecs = vectors(rows)
        found = fact_findings(facts, lambda r, s: float(vecs[index[r]] @ vecs[index[s]]))
        if found:
            out[story] = found
    return out


def stories_of(claims: Iterable[Claim]) -> set[str]:
    """The stories these claims belong to."""
    return {c.story_id for c in claims if c.story_id}
