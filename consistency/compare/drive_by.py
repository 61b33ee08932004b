"""A drive-by told as fact by one outlet, and told as the dropped first account by another: "suspects drove by
and started shooting" against "initially believed to be a drive-by, but investigators now believe the men got
out of a vehicle and walked up".

Police often first describe a shooting as fired from a passing car, then revise it (the shooters got out, the
victims' story was made up, someone in the group fired). The revising report says so itself, in a sentence that
tells the drive-by as the first account ("initially believed", "originally said") next to a revision ("but",
"now believe", "fabricated", "revised"); a report of another outlet that still tells the drive-by as what
happened clashes with it. The clash is an ``update`` when the revision came days after that report, and a
``polarity`` when the report told the drive-by the same day or after the revision was out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..records import Claim, Flag
from .base import claims_by_story, readings_flag, tells_of_another_incident
from .explain import explain_drive_by

CONFIDENCE = 0.55

_CAR = r"(?:car|vehicle|suv|van|truck|sedan|minivan)"
_FIRED = r"(?:fir(?:ed|ing)|shoot(?:ing)?|shot|opened\s+fire|discharged)"
# How a drive-by is told, the act before the label: the act names what the revision undoes.
_ACTS = (
    # "the men drove by the house and began shooting", "drove past and fired"
    re.compile(rf"\bdr(?:o|i)ve\s+(?:by|past)\b[^.;]{{0,60}}?\b{_FIRED}\b", re.I),
    # "a sedan pulled up beside the porch and fired one round"
    re.compile(rf"\b{_CAR}\s+(?:pulled|drove|rolled)\s+up\b[^.;]{{0,80}}?\b{_FIRED}\b", re.I),
    # "shots were fired from a passing car", "fired from inside the vehicle"
    re.compile(rf"\b{_FIRED}\b[^.;]{{0,60}}?\bfrom\s+(?:inside\s+)?(?:a|the|an)\s+(?:passing\s+|moving\s+)?{_CAR}\b",
               re.I),
)
_LABEL = re.compile(r"\bdrive[- ]?by\b", re.I)
# A drive-by someone reported or suspected, not told as what happened ("reports of a drive-by", "a possible
# drive-by"), or told as how a shooting began ("started as a drive-by", where the targets fired back).
_HEDGED = re.compile(r"\b(?:reports?|report(?:ed|s)?\s+of|calls?|called\s+in|possible|suspected|apparent|what\s+"
                     r"(?:appeared|seemed))\b[^.;]{0,20}?\bdrive[- ]?by\b|\bstarted\s+(?:as|with)\s+a\s+drive", re.I)
_FIRST = re.compile(r"\b(?:initially|originally|at\s+first|first)\s+(?:\w+\s+){0,2}?(?:believed|reported|said|"
                    r"thought|described|called|told|considered)\b", re.I)
_REVISED = re.compile(r"\b(?:but|however|revised|now\s+(?:believe|say|said|think)|fabricated|made\s+up|actually|"
                      r"instead|in\s+fact|turned\s+out|was\s+not|wasn['’]t)\b", re.I)


@dataclass(frozen=True, eq=False)
class Telling:
    """A drive-by as one sentence tells it: as what happened, or as the first account that was dropped."""

    claim: Claim
    dropped: bool
    span: tuple[int, int]
    text: str


def _drive_by(text: str) -> re.Match | None:
    for rx in _ACTS:
        m = rx.search(text)
        if m:
            return m
    return _LABEL.search(text)


def tellings(article: list[Claim]) -> list[Telling]:
    """The drive-by tellings of one article's sentences, in order: a dropped one with the sentence that revises
    it when that is the next one."""
    out = []
    for i, c in enumerate(article):
        m = _drive_by(c.text)
        if m is None or tells_of_another_incident(c.text):
            continue
        span = (c.start + m.start(), c.start + m.end())
        first = _FIRST.search(c.text)
        if first:
            after = article[i + 1] if i + 1 < len(article) else None
            told = f"{first.group()}: {m.group()}"
            if _REVISED.search(c.text):
                out.append(Telling(c, True, span, told))
            elif after is not None and _REVISED.match(after.text.lstrip()):
                revision = " ".join(after.text.split()[:8])
                out += [Telling(c, True, span, told), Telling(after, True, (after.start, after.end), revision)]
            continue
        if not _HEDGED.search(c.text):
            out.append(Telling(c, False, span, m.group()))
    return out


def drive_by_flags(claims: Iterable[Claim]) -> list[Flag]:
    """One flag per story where one outlet tells a drive-by as what happened and another tells it as dropped."""
    flags = []
    for story in claims_by_story(claims):
        articles: dict[str, list[Claim]] = {}
        for c in sorted(story, key=lambda c: (c.published, c.article_id, c.start)):
            articles.setdefault(c.article_id, []).append(c)
        told, dropped = [], []
        for article in articles.values():
            ts = tellings(article)
            if any(t.dropped for t in ts):
                dropped.append([t for t in ts if t.dropped])
            elif ts:
                # the act, when the report tells it, over the bare label
                told.append(next((t for t in ts if not _LABEL.fullmatch(t.text)), ts[0]))
        pairs = [(t, d) for t in told for d in dropped if t.claim.outlet != d[0].claim.outlet]
        if not pairs:
            continue
        shown = sorted(dict.fromkeys([t for t, _ in pairs] + [x for _, d in pairs for x in d]),
                       key=lambda t: (t.claim.published, t.claim.article_id, t.claim.start))
        # a report telling the drive-by on the revision's day or after it still tells what was dropped
        stale = any(t.claim.published.date() >= d[0].claim.published.date() for t, d in pairs)
        kind = "polarity" if stale else "update"
        explanation = explain_drive_by([(t.claim, t.text) for t in shown], kind)
        flags.append(readings_flag(kind, shown, CONFIDENCE, explanation))
    return flags
