"""Ages a report gives a group ("two men, 23 and 34, were pronounced dead"; "the dead women, ages 41, 45 and 47")
set against the age another outlet gives one named member of it ("Dale Pike, 29, died later"): when the member's
age is none of the group's, and no time between the reports explains it, the two disagree.

A named person is taken for a member when both sentences give one part in the happening (killed or wounded) and,
for a group of men or of women, the words after the member's age say a man or a woman ("he died", "a mother of
two"). A group of "other" or "more" people is part of a larger one and is not read, nor is a group of a report
that names the person itself (the names are then compared as they stand).

Two outlets' lists of a group's ages are set against each other too ("his 11-year-old and 6-year-old" / "her two
children, ages 9 and 8"): lists of one length that share every age but one are one group with one member's age
told two ways, unless either report gives the other's odd age anywhere or the two sentences give different
parts."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from ..extract.quantities import AGE_UNIT
from ..records import Claim, Flag
from .ages import (YEAR_OLD, AgeMention, age_finding, age_mentions, age_quantities, ages_apart, figures_flagged,
                   one_part, one_person_two_ages, same_named_person, story_surnames)
from .base import claims_by_story, make_flag, tells_of_another_incident

_NOUN = (r"(?P<noun>men|women|males|females|people|persons|victims|teens|teenagers|boys|girls|brothers|sisters|sons"
         r"|daughters|children|kids|adults)")
_NOT_AGES = r"(?!\s*(?:%|percent|years?|months?|times|[ap]\.?m\b|p\.?m\b))"
# "two men, 23 and 34," / "the dead men, ages 31, 33 and 33" / "three victims, all women ages 20, 22 and 35"
_LISTED = re.compile(_NOUN + r"(?:,\s+|\s+(?=aged?s?\b))(?:all\s+(?P<all>men|women)\s+)?(?:ages?d?\s+)?"
                     r"(?P<ages>\d{1,2}(?:\s*,\s*\d{1,2})*,?\s+and\s+\d{1,2})\b" + _NOT_AGES, re.I)
# "five men aged 24 to 39" / "four women between the ages of 30 and 50"
_RANGE = re.compile(_NOUN + r"\s+(?:aged?s?\s+(?P<lo>\d{1,2})\s*(?:to|through|-)\s*(?P<hi>\d{1,2})"
                    r"|between\s+the\s+ages\s+of\s+(?P<lo2>\d{1,2})\s+and\s+(?P<hi2>\d{1,2}))\b" + _NOT_AGES, re.I)
# A group said to be a part of a larger one ("two other men", "another three victims").
_PART_OF_MORE = re.compile(r"\b(?:other|another|more|additional|remaining)\s+(?:\w+\s+){0,2}$", re.I)
_MALE_GROUP = frozenset({"men", "males", "boys", "brothers", "sons"})
_FEMALE_GROUP = frozenset({"women", "females", "girls", "sisters", "daughters"})
# The first of these after a member's age says whether the sentence speaks of a man or a woman.
_SEX_WORD = re.compile(r"\b(?P<male>he|his|him|himself|man|boy|father|son|brother|husband)\b"
                       r"|\b(?P<female>she|her|hers|herself|woman|girl|mother|daughter|sister|wife)\b", re.I)
_KILLED = re.compile(r"\b(?:died|dies|dead|deceased|killed|slain|fatally)\b", re.I)
_WOUNDED = re.compile(r"\b(?:wounded|injured|hurt|stable|critical|survived?|recovering)\b", re.I)
# A sentence that speaks of the one who fired or is charged gives no victim's part.
_DOER = re.compile(r"\b(?:charged|arrested|suspect|accused|gunman|shooter|convicted|sentenced|killing|murder)\b",
                   re.I)


@dataclass(frozen=True, slots=True)
class GroupAges:
    """The ages a report gives the members of a group, with the group's part in the happening."""

    claim: Claim
    ages: tuple[int, ...]  # the ages listed, or the two ends of a range
    span: tuple[int, int]
    part: str  # killed or wounded
    sex: str | None  # male or female for a group of men or of women
    spread: bool = False  # a range: every age between its ends is a member's


def victim_part(text: str) -> str | None:
    """Killed or wounded, when the sentence says one of them and speaks of no one charged or firing."""
    killed, wounded = bool(_KILLED.search(text)), bool(_WOUNDED.search(text))
    if killed == wounded or _DOER.search(text):
        return None
    return "killed" if killed else "wounded"


# "was shot once in the arm": hit, neither death nor wound said; "Dale Pike shot three people" is who fired.
_HIT = re.compile(r"\b(?:was|were|been|being|got|is|are)\s+(?:\w+\s+)?(?:shot|hit|struck)\b", re.I)


def _part_of(text: str) -> str | None:
    """The victim's part the sentence gives: killed, wounded, or hit when it says only that they were shot."""
    part = victim_part(text)
    if part is None and not (_KILLED.search(text) or _WOUNDED.search(text) or _DOER.search(text)) \
            and _HIT.search(text):
        return "hit"
    return part


# The people the verb hit: "the gunman fled after hitting a ...", said of them whoever else the sentence names.
_HIT_BEFORE = re.compile(r"\b(?:hitting|striking|wounding|shooting|shot|hit|struck|wounded)\s+(?:a|an|both\s+a)\s+$", re.I)
# "hitting a 21- and 36-year-old": ages of two people written as one description.
_ELLIPTIC = re.compile(r"\b(?P<ages>\d{1,2}-\s+(?:and|or)\s+\d{1,2})-years?-olds?\b", re.I)


def group_ages(claims: Iterable[Claim]) -> list[GroupAges]:
    """Every list or range of ages a claim gives a whole group whose part the sentence says."""
    out = []
    for c in claims:
        if tells_of_another_incident(c.text):
            continue
        part = _part_of(c.text)
        for m in _ELLIPTIC.finditer(c.text):
            hit = part or ("hit" if _HIT_BEFORE.search(c.text[:m.start()]) else None)
            if hit is None:
                continue
            # the sentence's other ages may be of the rest of the hurt ("..., and a 24-year-old in the arm")
            ages = tuple(dict.fromkeys([int(v) for v in re.findall(r"\d+", m.group("ages"))] +
                                       [int(q.value) for q in c.quantities if q.unit == AGE_UNIT]))
            out.append(GroupAges(c, ages, (c.start + m.start("ages"), c.start + m.end("ages")), hit, None))
        if part is None:
            continue
        for pattern in (_LISTED, _RANGE):
            for m in pattern.finditer(c.text):
                if _PART_OF_MORE.search(c.text[:m.start()]):
                    continue
                noun = (m.groupdict().get("all") or m.group("noun")).casefold()
                sex = "male" if noun in _MALE_GROUP else "female" if noun in _FEMALE_GROUP else None
                ages, at = _group_values(m)
                out.append(GroupAges(c, ages, (c.start + at[0], c.start + at[1]), part, sex, pattern is _RANGE))
    return out


def _group_values(m: re.Match) -> tuple[tuple[int, ...], tuple[int, int]]:
    """The ages a match gives and where they are written."""
    if m.groupdict().get("ages"):
        return tuple(int(v) for v in re.findall(r"\d+", m.group("ages"))), m.span("ages")
    lo, hi = ("lo", "hi") if m.group("lo") else ("lo2", "hi2")
    return (int(m.group(lo)), int(m.group(hi))), (m.start(lo), m.end(hi))


def sex_after(m: AgeMention) -> str | None:
    """Whether the words after an age speak of a man or a woman ("Dale Pike, 29, died where he fell")."""
    s = _SEX_WORD.search(m.claim.text[m.span[1] - m.claim.start:])
    return None if s is None else "male" if s.group("male") else "female"


def _member(g: GroupAges, m: AgeMention) -> bool:
    """Whether a named age may be of a member of the group: one part, and the group's sex when it has one."""
    return _part_of(m.claim.text) == g.part and (g.sex is None or sex_after(m) == g.sex)


def _none_of(g: GroupAges, m: AgeMention) -> AgeMention | None:
    """The group's age nearest the member's, when the member's age is none of the group's; None when it is one
    (a range holds every age between its ends)."""
    if g.spread and g.ages[0] <= m.value <= g.ages[1]:
        return None
    given = sorted((AgeMention(g.claim, v, g.span) for v in g.ages), key=lambda a: abs(a.value - m.value))
    if g.spread:
        given = given[:1]  # outside a range, only its nearer end says how far off the member's age is
    if not all(ages_apart(a, m) for a in given):
        return None
    return given[0] if one_person_two_ages(given[0], m) else None


def group_age_flags(claims: Iterable[Claim], flagged: Iterable[Flag] = ()) -> list[Flag]:
    """One flag per group's ages and member whose age is none of them (``flagged``: the story's flags so far; a
    member's age one of them sets against another figure is not flagged again)."""
    done = figures_flagged(flagged)
    flags = []
    for story in claims_by_story(claims):
        held = [m for m in age_mentions(story) if m.name]
        flags += [make_flag(age_finding(a, b)) for a, b in _lists_apart(story, held, done)]
        groups = group_ages(story)
        if not groups:
            continue
        surnames = story_surnames(story)
        named = [m for m in held if (m.claim.id, *m.span) not in done]
        chosen: dict[tuple, tuple[AgeMention, AgeMention]] = {}
        for g in groups:
            for who, m in _named_members(g, named, surnames):
                nearest = _none_of(g, m)
                if nearest is not None:
                    chosen.setdefault((g.ages, who), (nearest, m))
        flags += [make_flag(age_finding(a, b)) for a, b in chosen.values()]
    return flags


def _named_members(g: GroupAges, named: list[AgeMention], surnames) -> list[tuple[tuple, AgeMention]]:
    """The named ages another outlet gives a possible member of the group, earliest first, unless the group's
    own report names that person."""
    own = [m.name for m in named if m.claim.article_id == g.claim.article_id]
    return [(m.name, m) for m in sorted(named, key=lambda n: n.claim.published)
            if m.claim.outlet != g.claim.outlet and _member(g, m)
            and not any(same_named_person(m.name, n, surnames) for n in own)]


# What stands between two ages of one list: "10-year-old and 8-year-old", "ages 9 and 8", "a 5-year-old girl and
# 7-year-old boy", "14, 18 and 19".
_BETWEEN = re.compile(rf"^(?:{YEAR_OLD})?(?:\s+[a-z]+)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:an?\s+)?$")


@dataclass(frozen=True, slots=True)
class AgeList:
    """Ages one sentence lists of a group of unnamed people, in the order written."""

    claim: Claim
    ages: tuple[int, ...]
    span: tuple[int, int]
    at: tuple[tuple[int, int], ...]  # where each age is written


def age_lists(claims: Iterable[Claim], named: set[tuple[str, tuple[int, int]]] = frozenset()) -> list[AgeList]:
    """Every list of two or more whole ages a sentence writes one after another, none of them a named person's
    (``named``: (claim id, span) of ages given beside a name)."""
    out = []
    for c in claims:
        if tells_of_another_incident(c.text):
            continue
        run: list = []
        for q in sorted(age_quantities(c), key=lambda q: q.start) + [None]:
            whole = q is not None and q.value == int(q.value) and not q.hedge
            if whole and run and _BETWEEN.match(c.text[run[-1].end - c.start:q.start - c.start]):
                run.append(q)
                continue
            if len(run) > 1 and not any((c.id, (r.start, r.end)) in named for r in run):
                out.append(AgeList(c, tuple(int(r.value) for r in run), (run[0].start, run[-1].end),
                                   tuple((r.start, r.end) for r in run)))
            run = [q] if whole else []
    return out


def _lists_apart(story: list[Claim], held: list[AgeMention],
                 done: set[tuple[str, int, int]]) -> list[tuple[AgeMention, AgeMention]]:
    """Pairs of two outlets' lists of one group's ages, as the two odd ages, each list's span cited: lists of one
    length that differ in one age only, the odd ages apart by more than the time between the reports explains
    (``held``: the story's named age mentions)."""
    named = {(m.claim.id, m.span) for m in held}
    lists = [g for g in age_lists(story, named) if (g.claim.id, *g.span) not in done]
    if len(lists) < 2:
        return []
    ages: dict[str, set[float]] = {}
    for c in story:
        ages.setdefault(c.article_id, set()).update(q.value for q in age_quantities(c))
    chosen: dict[tuple, tuple[AgeMention, AgeMention]] = {}
    for i, x in enumerate(lists):
        for y in lists[i + 1:]:
            if x.claim.outlet == y.claim.outlet or len(x.ages) != len(y.ages):
                continue
            odd_x, odd_y = Counter(x.ages) - Counter(y.ages), Counter(y.ages) - Counter(x.ages)
            if sum(odd_x.values()) != 1 or sum(odd_y.values()) != 1:
                continue
            a, b = AgeMention(x.claim, next(iter(odd_x)), x.span), AgeMention(y.claim, next(iter(odd_y)), y.span)
            if any((g.claim.id, *at) in done for g, m in ((x, a), (y, b))
                   for v, at in zip(g.ages, g.at) if v == m.value):
                continue  # the odd ages are already set against another figure
            if b.value in ages[x.claim.article_id] or a.value in ages[y.claim.article_id]:
                continue  # the report gives the other age too: of someone else, or said two ways itself
            pa, pb = _part_of(x.claim.text), _part_of(y.claim.text)
            if pa and pb and not one_part(pa, pb) or not one_person_two_ages(a, b):
                continue
            chosen.setdefault((tuple(sorted(x.ages)), tuple(sorted(y.ages))), (a, b))
    return list(chosen.values())
