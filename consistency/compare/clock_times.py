"""The hour of the happening told two ways by outlets of one story: "the shooting happened shortly after 10 p.m." /
"shots were fired around 11:15 p.m.".

Day conflicts are the timeline finder's; a clock time names the hour within the day, which extraction gives as the
time value of the expression ("T22:00") with the verb of the happening it dates. Each article is read for the hour
it gives the happening itself: a clock time dating a verb of the happening (happened, occurred, shot, fired, opened
fire, erupted), not of what followed it (a call, officers arriving, a victim found or pronounced dead, an arrest, a
road reopened): those are other moments of one night. An article that gives the happening two hours apart (its own
timeline, or two happenings) is left out. Outlets whose hours lie ``MIN_APART`` to ``MAX_APART`` minutes apart,
around the clock, make a ``timeline`` flag: reports round to the quarter or half hour, so nearer hours are one time
told loosely.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from ..records import Claim, Flag, TimeExpr
from .base import claims_by_story, readings_flag, tells_of_another_incident
from .explain import explain_clock_time
from .timeline import CLOCK, clock_of

CONFIDENCE = 0.6
MIN_APART = 45  # minutes
# Hours farther apart are more often two moments the verb does not tell apart (the first shot and the last, a
# shooting and the standoff it began) or a morning and an evening mixed up than one hour misreported.
MAX_APART = 150
_DAY = 24 * 60
# A time with its zone is a page's stamp ("10:14 AM EDT") or one told in another zone than the scene's ("8:30 p.m.
# ET" of a shooting in Central time): no hour to set against a local one.
_ZONE = re.compile(r"\b(?:[ECMP][SD]?T|GMT|UTC)\b")
_ZONE_AFTER = re.compile(r"^\s*\(?(?:[ECMP][SD]?T|GMT|UTC)\b")
# Clock times written as words; the rest are figures with a.m., p.m. or a colon (``CLOCK``).
_NOON_OR_MIDNIGHT = re.compile(r"\b(?:noon|midnight)\b", re.I)

# Verbs of the happening itself (lemmas of the expression's event); "open" only as in "opened fire" (a road
# "re-opened" after the shooting is a later moment).
HAPPENING = frozenset({"happen", "occur", "shoot", "fire", "open", "erupt", "break", "unfold", "wound", "strike"})
_OPENED_FIRE = re.compile(r"\bopen(?:s|ed|ing)?\s+fire\b", re.I)
# Other moments told with those verbs: officers shooting the gunman (the end of it), one of several shootings of a
# round-up ("the first shooting happened ...", "the most violent of the shootings").
_GUNMAN_SHOT = re.compile(r"\b(?:suspect|gunman|shooter|attacker)s?\s+(?:was|were|had\s+been)\s+(?:also\s+)?(?:shot|"
                          r"killed|wounded)\b|\b(?:police|officers?|deputies|deputy|SWAT|troopers?)\b[^.;]{0,40}\b"
                          r"(?:shot|killed|wounded)\s+(?:the\s+)?(?:suspect|gunman|shooter|attacker)\b", re.I)
# A plural alone is as often one incident with several shot ("the shootings took place near 11 p.m.").
_ONE_OF_SEVERAL = re.compile(r"\bof\s+the\s+shootings\b|\b(?:first|second|third|latest|last|earlier|later|other|"
                             r"another|most\s+recent)\s+shootings?\b", re.I)


@dataclass(frozen=True, eq=False)
class Hour:
    """The hour one sentence gives the happening."""

    claim: Claim
    span: tuple[int, int]  # article offsets of the time expression
    text: str
    minute: int  # minutes after midnight


def _minute(t: TimeExpr) -> int | None:
    """Minutes after midnight of a clock time ("10:15 p.m."), none for a time of day without one ("tonight")."""
    hhmm = clock_of(t)
    if hhmm is None or not (CLOCK.search(t.text) or _NOON_OR_MIDNIGHT.search(t.text)) \
            or _ZONE.search(t.text):
        return None
    return int(hhmm[:2]) * 60 + int(hhmm[3:])


def hours(c: Claim) -> list[Hour]:
    """The clock times a sentence gives the happening itself."""
    if tells_of_another_incident(c.text) or _GUNMAN_SHOT.search(c.text) or _ONE_OF_SEVERAL.search(c.text):
        return []
    out = []
    for t in c.times:
        minute = _minute(t)
        if minute is None or t.granularity != "time" or t.event not in HAPPENING \
                or _ZONE_AFTER.match(c.text[t.end - c.start:]):
            continue
        if t.event != "open" or _OPENED_FIRE.search(c.text):
            out.append(Hour(c, (t.start, t.end), t.text, minute))
    return out


def apart(a: int, b: int) -> int:
    """Minutes between two clock times, around the clock (11:30 p.m. and 12:15 a.m. are 45 apart)."""
    d = abs(a - b) % _DAY
    return min(d, _DAY - d)


def clash(a: int, b: int) -> bool:
    """Two hours of one happening too far apart to be one time rounded, and near enough to be one time misreported."""
    return MIN_APART <= apart(a, b) <= MAX_APART


def _article_hour(rows: list[Hour]) -> Hour | None:
    """The article's hour of the happening: its first, when every hour it gives lies near it."""
    if not rows or any(apart(rows[0].minute, h.minute) >= MIN_APART for h in rows[1:]):
        return None
    return rows[0]


def clock_time_flags(claims: Iterable[Claim]) -> list[Flag]:
    """One ``timeline`` flag per story whose outlets give the happening hours that clash (:func:`clash`)."""
    flags = []
    for story in claims_by_story(claims):
        by_article: dict[str, list[Hour]] = defaultdict(list)
        for c in sorted(story, key=lambda c: (c.published, c.article_id, c.start)):
            by_article[c.article_id].extend(hours(c))
        firsts: dict[str, Hour] = {}
        for rows in by_article.values():
            h = _article_hour(rows)
            if h is not None and h.claim.outlet not in firsts:
                firsts[h.claim.outlet] = h
        shown = [h for h in firsts.values() if any(clash(h.minute, o.minute) for o in firsts.values())]
        if len(shown) >= 2:
            shown.sort(key=lambda h: (h.claim.published, h.claim.article_id))
            flags.append(readings_flag("timeline", shown, CONFIDENCE,
                                       explain_clock_time([(h.claim, h.text) for h in shown])))
    return flags
