"""Reading a story's fact rows from its claims: each figure and date, with what it is about."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from ...extract.quantities import AGE_UNIT
from ...lexicon import HAPPENING_KINDS, SPEECH_EVENTS
from ...records import Claim, Entity, Quantity, TimeExpr
from ..base import STOP
from ..numbers import durations, in_telephone_number, singular
from ..timeline import dates_no_happening, interval_of, is_stamp
from .calls import CALL, reports_call


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
    bodies: tuple[Entity, ...] = ()  # whom a pronoun holder stands for, named in the article before it


def facts_of(row: int, c: Claim, named_before: Mapping[tuple[str, int], Entity] | None = None) -> list[Fact]:
    """The rows a claim adds to its story's table; ``named_before`` gives whom a pronoun holder stands
    for, by (claim id, holder start) (``antecedents.antecedents``)."""
    named_before = named_before or {}
    if is_stamp(c):
        return []
    out = []
    for q in [*_ratios(c), *_durations(c)]:
        if (q.kind == "ordinal" or math.isinf(q.value) or _read_in_part(c, q) or _address(c, q)
                or _position(c, q) or _score(q) or _negated_bound(c, q)
                or in_telephone_number(c, q)):
            continue
        out.append(Fact("figure", c, row, q, q.event, frozenset(q.about), _counted(q),
                        bodies=_stood_for(c, q, named_before)))
    for t in c.times:
        iv = interval_of(t)
        # A date read as the time of a speech ("police said on Tuesday") is no row, unless it closes an
        # opening phrase that names the happening it dates.
        spoken = t.event in SPEECH_EVENTS or t.event in LEARNING_EVENTS
        noun = opening_happening(c, t) if spoken else None
        call = spoken and noun is None and t.event in SPEECH_EVENTS and reports_call(c, t)
        if (iv is None or spoken and noun is None and not call or _recurring(c, t) or update_stamp(c, t)
                or dates_no_happening(c, t)):
            continue
        about = frozenset(t.about) | {noun} if noun else frozenset(t.about)
        event = CALL if call else noun or modified(c, t) or t.event
        out.append(Fact("date", c, row, t, event, about, None, iv, _stood_for(c, t, named_before)))
    return out


def _durations(c: Claim) -> list[Quantity]:
    """The claim's counted durations ("waited six hours", "for 2 1/2 hours") as figures in time units,
    with the happening and holder extraction gave the time."""
    times = {(t.start, t.end): t for t in c.times if t.type == "DURATION"}
    return [replace(q, event=t.event, about=t.about, holder=t.holder)
            for q in durations(c) if (t := times.get((q.start, q.end))) is not None]


def _stood_for(c: Claim, slot: Quantity | TimeExpr, named_before: Mapping[tuple[str, int], Entity]
               ) -> tuple[Entity, ...]:
    body = named_before.get((c.id, slot.holder[0])) if slot.holder else None
    return (body,) if body is not None else ()


def dates_of(f: Fact) -> list[tuple[date, date]]:
    """The days the claim gives the row's own happening ("in 2005, at 71, she told a magazine": the
    telling's), not the days of other verbs of its sentence (a filing disclosed on one day of
    spending years before), nor a day that recurs."""
    c = f.claim
    out = []
    for t in c.times:
        if f.event and t.event == f.event and t.type in ("DATE", "TIME") and not _recurring(c, t):
            iv = interval_of(t)
            if iv is not None:
                out.append(iv)
    return out or _when_dated(f)


# "on Monday against the Hawks, when she scored 31 points": a "when" clause after a date tells what
# happened on that day.
_WHEN = re.compile(r"^[^.;:()]{0,40},\s+when\b[^.;:]*$", re.IGNORECASE)


def _when_dated(f: Fact) -> list[tuple[date, date]]:
    """The day a "when" clause holding the figure hangs from."""
    c = f.claim
    for t in c.times:
        between = c.text[t.end - c.start:f.slot.start - c.start]
        if t.end <= f.slot.start and t.type in ("DATE", "TIME") and _WHEN.match(between):
            iv = interval_of(t)
            if iv is not None:
                return [iv]
    return []


# A figure the text splits with a space after its separator ("$450, 000", "5. 7"): the reader took
# one part of it, so its value is not the one the outlet gave. A thousands group follows one to three
# digits, not a year ("in 2005, 300 people").
_SPLIT = re.compile(r"(?<![\d.,])\d{1,3},\s\d{3}\b|(?<![\d.,])\d+\.\s\d")


# "never scored fewer than 14", "not more than 40": a negated bound turns over, and the reader kept it unturned.
_NEGATED_BOUND = re.compile(r"\b(?:never|not|no|n't)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
BOUNDS = frozenset({"fewer than", "more than", "over", "at least", "up to"})  # the hedges bounding one side


def _negated_bound(c: Claim, q: Quantity) -> bool:
    """The figure's bound is negated ("never scored fewer than 14"): it says the opposite side."""
    return q.hedge in BOUNDS and bool(_NEGATED_BOUND.search(c.text[:q.start - c.start]))


def _read_in_part(c: Claim, q: Quantity) -> bool:
    """The figure is a part of a longer one that the text splits with a space."""
    start, end = q.start - c.start, q.end - c.start
    return any(m.start() < end and start < m.end() for m in _SPLIT.finditer(c.text))


# "the 4300 block of Elm Street": a street address, not a count of blocks
_ADDRESS_AFTER = re.compile(r"^\s+blocks?\s+of\b", re.IGNORECASE)


def _address(c: Claim, q: Quantity) -> bool:
    """The figure numbers a street block, as addresses do."""
    return bool(_ADDRESS_AFTER.match(c.text[q.end - c.start:]))


# "the 35-yard line", "the 30-metre mark": a place on a field or course, named by its distance.
_POSITION = re.compile(r"\d[\d,.]*\s*-?\s*(?:yard|metre|meter|foot|feet|mile|kilometre|kilometer)s?[\s-]+"
                       r"(?:line|mark|marker)\b", re.IGNORECASE)


def _position(c: Claim, q: Quantity) -> bool:
    """The figure names a place by its distance from a mark, not a distance anything covered."""
    return bool(_POSITION.match(c.text[q.start - c.start:]))


_PAIR = re.compile(r"\d+\s*[-\u2013]\s*\d+")


def _score(q: Quantity) -> bool:
    """Two numbers joined by a dash with nothing counted ("a 17-14 win", "the 2-11 Falcons", "are 5-5"):
    a score or a record, not a range of a count, which names what it counts ("10-15 people")."""
    return q.kind == "count" and q.unit is None and bool(_PAIR.fullmatch(q.text))


# Verbs whose date is when someone learnt of a happening ("we were told this morning of the fire"),
# not when it happened: like a verb of saying, they date the telling.
LEARNING_EVENTS = frozenset({"learn", "realize", "realise"})

# A weekday or date that a recurring expression follows ("the first Monday of every month", "Market
# Day (third Friday of each month)"): a day that comes round, not the day of one happening.
_BEFORE_SET = re.compile(r"^[\s(]*(?:[^\W\d_]+\s+){0,3}of\s+$")
SET_CHARS = 25


def _recurring(c: Claim, t: TimeExpr) -> bool:
    """The date belongs to a recurring expression the claim's set of times reads."""
    for s in c.times:
        if s.type == "SET" and t.end <= s.start <= t.end + SET_CHARS:
            if _BEFORE_SET.match(c.text[t.end - c.start:s.start - c.start]):
                return True
    return False


# A live update headed by its clock time ("9:40 p.m.: two now confirmed hurt", "Update, 10 a.m. - ..."): the
# time is when the line was posted, not when what it reports happened.
_STAMP_BEFORE = re.compile(r"^\W*(?:(?:update[ds]?|posted|edited)\b\W*)?(?:at\s+)?$", re.IGNORECASE)
_STAMP_AFTER = re.compile(r"^\s*(?:[ECMP][SD]?T\b)?\s*(?::|\s[-\u2013\u2014]\s)")


def update_stamp(c: Claim, t: TimeExpr) -> bool:
    """The clock time heads the sentence as the time stamp of a live update, a colon or dash after it."""
    if t.granularity != "time" or not re.search(r"\d", t.text):
        return False
    return bool(_STAMP_BEFORE.match(c.text[:max(0, t.start - c.start)])
                and _STAMP_AFTER.match(c.text[t.end - c.start:]))


# Words that may follow a year without the year qualifying them ("in 2017 amid an inquiry").
_NOT_QUALIFIED = STOP | frozenset({"amid", "during", "since", "until", "through", "under", "against", "despite",
                                   "following", "ahead", "because", "till", "unless", "if", "so", "yet", "nor"})


def modified(c: Claim, t: TimeExpr) -> str | None:
    """The noun a year stands before as its qualifier ("a 2030 campaign", "the 2016 race"): the
    year dates that, not the clause's verb ("stepped down ... ahead of a 2030 campaign" dates no
    stepping down)."""
    if t.granularity != "year":
        return None
    m = re.match(r"[ -]([a-z]+)\b", c.text[t.end - c.start:])
    if m is None or m.group(1) in _NOT_QUALIFIED:
        return None
    return m.group(1)


# "After the suspect's arrest on Tuesday morning, police said ...": a date closing an opening phrase of
# "after", "before" or "following" dates the happening that phrase names, not the main clause's verb.
_OPENING_PHRASE = re.compile(r"^\W*(?:after|before|following|since)\s+((?:[\w'\u2019.-]+\s+){1,5}?)(?:on|at|in|of)?\s*$",
                             re.IGNORECASE)


def opening_happening(c: Claim, t: TimeExpr) -> str | None:
    """The happening noun of an opening "after ..." phrase that the date closes (a comma follows it),
    in the form the happening lexicon keys ("arrest"), else None."""
    if not re.match(r"\s*,", c.text[t.end - c.start:]):
        return None
    m = _OPENING_PHRASE.match(c.text[:max(0, t.start - c.start)])
    if m is None:
        return None
    nouns = [w.strip(".").casefold() for w in m.group(1).split()]
    return next((w for w in reversed(nouns) if w in HAPPENING_KINDS), None)


_RATIO_GAP = re.compile(r"^(?:\s+|-)(?:in|out\s+of)(?:\s+|-)$", re.I)


def _ratios(c: Claim) -> list[Quantity]:
    """The claim's figures with "1 in 3" or "one-in-three" read as one share in percent: its two
    numbers are not two counts, and set crosswise against another outlet's they seem to differ."""
    qs = sorted(c.quantities, key=lambda q: q.start)
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        q = qs[i]
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        gap = c.text[q.end - c.start:nxt.start - c.start] if nxt else ""
        if nxt and q.kind == nxt.kind == "count" and nxt.value > 0 and _RATIO_GAP.match(gap):
            share = 100 * q.value / nxt.value
            slack = 100 * max(q.high / nxt.value - q.value / nxt.value, q.value / nxt.value - q.low / nxt.value)
            out.append(Quantity(c.text[q.start - c.start:nxt.end - c.start], q.start, nxt.end, share,
                                share - slack, share + slack, unit="percent", hedge=q.hedge, kind="percent",
                                event=nxt.event or q.event, about=nxt.about or q.about))
            i += 2
            continue
        out.append(q)
        i += 1
    return out


def _counted(q: Quantity) -> str | None:
    """What a figure counts: for a count, the noun it measures ("48-page indictment": word chain "page
    indictment"), an age for "68-year-old" or "Mattis, 68,"; else its unit. A count the quantity reader
    found no noun for counts something unknown: the first noun around it ("to 400,000 in the last
    fiscal year") is not what it counts."""
    if q.kind == "count" and q.unit == AGE_UNIT:
        return "age"
    if q.kind == "count" and q.unit is None:
        return None
    unit = singular(q.unit) if q.unit else None
    if q.kind == "count" and q.about:
        chain = [singular(w) or w for w in q.about[0].split()]
        if unit is None or chain[-1] == unit:
            return " ".join(chain)
    return unit
