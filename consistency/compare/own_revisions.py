"""An age an outlet took back: its first report of the day gives one age, its later report of that day gives the
age another outlet gives, so the two outlets' ages are an update, not a dispute ("a 12-year-old girl" in a station's
first report, "his 11-year-old stepdaughter" in its later one and in another station's).

A newsroom that rewrites a breaking story the same day replaces its first figure; a report of another day is a new
article, whose figure may as well be the slip. The later report must give the old age to no one (a copy crawled
twice, or one that tells both ages, took nothing back), the first report the new age to no one (two people of those
ages), and the later report must describe the person as both others do: by one name, or by kin words one person may
bear, a boy's word never for a girl."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Iterable

from ..extract.quantities import AGE_UNIT
from ..records import Claim, Flag
from .ages import AgeMention, may_be_one, one_part, same_named_person
from .base import evidence


def ages_by_article(story: Iterable[Claim]) -> dict[str, set[float]]:
    """Every age each report of the story gives, of anyone."""
    out: dict[str, set[float]] = defaultdict(set)
    for c in story:
        out[c.article_id] |= {q.value for q in c.quantities if q.unit == AGE_UNIT}
    return out


def taken_back(old: AgeMention, new: AgeMention, held: Iterable[AgeMention], ages: dict[str, set[float]],
               surnames: dict[str, set[tuple[str, ...]]]) -> AgeMention | None:
    """Where ``old``'s outlet gives ``new``'s age to the same person in a later report of ``old``'s day that gives
    ``old``'s age to no one, when ``old``'s report gives ``new``'s age to no one (``held``: the story's age
    mentions; ``ages``: ``ages_by_article``; ``surnames``: the story's)."""
    if old.claim.outlet == new.claim.outlet or new.value in ages[old.claim.article_id]:
        return None
    day = old.claim.published.date()
    return next((m for m in held if m.claim.outlet == old.claim.outlet and m.claim.article_id != old.claim.article_id
                 and m.value == new.value and m.claim.published.date() == day
                 and m.claim.published >= old.claim.published and old.value not in ages[m.claim.article_id]
                 and described_alike(m, old, surnames) and described_alike(m, new, surnames)), None)


def revision_flag(flag: Flag, old: AgeMention, later: AgeMention) -> Flag:
    """An update flag with the outlet's own later report beside the two it sets apart: its value under that
    report's article, its sentence cited, and the explanation saying the outlet gave the figure itself."""
    c = later.claim
    values = {(f"{k} ({old.claim.article_id})" if k == c.outlet else k): v for k, v in flag.values.items()}
    values[f"{c.outlet} ({c.article_id})"] = c.text[later.span[0] - c.start:later.span[1] - c.start]
    said = (f" {c.outlet} itself gives {values[f'{c.outlet} ({c.article_id})']} in a later report of "
            f"{c.published.date().isoformat()}: {c.text}")
    return replace(flag, claims=flag.claims + (c.id,), articles=tuple(dict.fromkeys(flag.articles + (c.article_id,))),
                   values=values, evidence=flag.evidence + (evidence(c, *later.span),),
                   explanation=flag.explanation + said)


def described_alike(m: AgeMention, n: AgeMention, surnames: dict[str, set[tuple[str, ...]]]) -> bool:
    """Two mentions that describe one person: by one name, or, unnamed, by one role or kin words one person may
    bear; never by two names of two people or two parts no one person had."""
    if m.part and n.part and not one_part(m.part, n.part):
        return False
    if m.name and n.name:
        return same_named_person(m.name, n.name, surnames)
    return bool(m.role and m.role == n.role
                or m.kin and n.kin and all(may_be_one(k, w) for k in m.kin for w in n.kin))
