"""A named person's age set against a near age another outlet gives when no other age of either report comes
near: "Tom Hale, 65, was shot" / "a 64-year-old man was wounded there" / "the 64-year-old" are one person.

Names, roles and kin words match only some of the people reports speak of: a wounded man is often "a
64-year-old man" in one report and named in another, and a surname two people of a family bear fits either.
The age itself then tells who is meant, as long as it is the only age near in both reports: a report that
also gives a 62-year-old, or two people the same age, leaves the match open. A bare "the 64-year-old" is matched
only in a report that gives no other age and writes the other report's name for the person.

Two unnamed people are matched alike when both descriptions tell what befell them, one fate and no two sexes ("a
17-year-old who survived" / "a 16-year-old boy was also shot, but survived"); an adult so described may be given
ages some years apart ("a 44-year-old woman was also shot" / "a 48-year-old woman was also wounded"). An age a
report gives only to people of another fate or sex ("a 13-year-old girl killed last year") leaves no doubt."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Callable, Iterable, Iterator

from ..lexicon import NAME_SUFFIXES
from ..records import Claim
from .ages import (AFTER_AGE, FEMALE_KIN, MALE_KIN, YEAR_OLD, AgeMention, age_quantities, described_part,
                   generic_noun, kin_of_another, one_part, one_person_two_ages, same_named_person)
from .base import tells_of_another_incident
from .person_names import plain_name_words

# Ages a year apart may be one person's, one of them misreported (every such pair the tuning sets hold).
NEAR = 1
# An adult's age is misreported by more than a child's: a 44-year-old and a 48-year-old may be one woman, a
# 5-year-old and a 7-year-old are two children. An adult's ages may be this share of the lower one apart.
ADULT = 18
ADULT_SHARE = 8
# Reports of one incident come within weeks; a story's reports months or years apart may tell two incidents of
# one kind, each with a person of about that age.
MAX_DAYS = 30
# Every other age of both reports must be farther from the two than they are from each other, by more than this.
MARGIN = 1
_SEX = {"man": "m", "woman": "f"}
# What a sentence says its people did: charged or fired (a suspect's), or were hit (a victim's); a sentence of
# one side only gives an age of that side ("Tom Hale, 23, was killed" / "a 22-year-old man was arrested").
_DOER = re.compile(r"\b(?:charged|charges|arrested|arrest|suspect|accused|gunman|shooter|opened\s+fire|fired|booked|"
                   r"indicted|in\s+custody|custody)\b", re.I)
_HIT = re.compile(r"\b(?:killed|died|dead|death|wounded|injured|hurt|victims?|(?:was|were|been|fatally)\s+shot|"
                  r"shot\s+and\s+killed|hospital|condition)\b", re.I)
# "the second man arrested, aged 41", "another 24-year-old": an unnamed one of several, whom the age alone may not pick.
_ONE_OF_SEVERAL = re.compile(r"\b(?:second|third|fourth|fifth|another|other)\s+"
                             r"(?:(?:[\w-]+\s+){0,3}[\w-]+,\s*(?:aged?\s+)?)?$", re.I)


def lone_age_pairs(story: Iterable[Claim], held: list[AgeMention], surnames: dict[str, set[tuple[str, ...]]]
                   ) -> Iterator[tuple[AgeMention, AgeMention]]:
    """Each pair of two outlets' near ages of one person, at least one of them named or both told one fate, matched
    by the age when no other age of either report comes near and names, sex and part do not tell two people
    (``held``: the story's ``age_mentions``)."""
    story = list(story)
    mentions = every_age(story, held)
    ages = ages_read(story, held)
    named = _named_ages(story, held)
    people = people_named(story)
    named_before = _named_before(story, ages)
    by_article: dict[str, list[AgeMention]] = defaultdict(list)
    for m in mentions:
        by_article[m.claim.article_id].append(m)
    articles = sorted(by_article)
    for i, xa in enumerate(articles):
        for xb in articles[i + 1:]:
            ma, mb = by_article[xa], by_article[xb]
            if ma[0].claim.outlet == mb[0].claim.outlet or abs(
                    (ma[0].claim.published - mb[0].claim.published).days) > MAX_DAYS:
                continue
            for a in ma:
                for b in mb:
                    if not 0 < abs(a.value - b.value) <= _near(a, b):
                        continue  # _one_by_age's first test, made here before the dearer reading of the others told
                    if not (a.name or b.name or _one_fate(a, b)):
                        continue
                    near = {xa: ages[xa] - _told_of_others(xa, xb, (a, b), named, surnames)
                            - _others_by_fate(ma, (a, b)),
                            xb: ages[xb] - _told_of_others(xb, xa, (a, b), named, surnames)
                            - _others_by_fate(mb, (a, b))}
                    if _one_by_age(a, b, ma, mb, near, surnames, named_before) and \
                            same_people(a, b, ages, people, surnames):
                        yield a, b


def _near(a: AgeMention, b: AgeMention) -> float:
    """How far apart two ages of one person may be: a year, or more for an adult whom both descriptions give one
    sex and one fate ("a 44-year-old woman was also shot" / "a 48-year-old woman was also wounded")."""
    low = min(a.value, b.value)
    sa = sex_of(a)
    if low < ADULT or sa is None or sa != sex_of(b) or not _one_fate(a, b):
        return NEAR
    return max(NEAR, low // ADULT_SHARE)


def _one_fate(a: AgeMention, b: AgeMention) -> bool:
    """Both descriptions give one fate ("a 17-year-old who survived" / "a 16-year-old boy was shot, but survived")
    and no two sexes."""
    sa, sb = sex_of(a), sex_of(b)
    return bool(a.part and b.part and one_part(a.part, b.part)) and not (sa and sb and sa != sb)


def _others_by_fate(mentions: list[AgeMention], pair: tuple[AgeMention, AgeMention]) -> set[float]:
    """The ages a report gives only to people whom a fate or a sex tells from the pair's person ("a 13-year-old girl
    killed last year" beside a girl wounded in both reports): such an age leaves no doubt whom a near age is of."""
    parts = {m.part for m in pair if m.part}
    sexes = {s for m in pair if (s := sex_of(m))}
    by_value: dict[float, list[AgeMention]] = defaultdict(list)
    for m in mentions:
        by_value[m.value].append(m)
    return {v for v, given in by_value.items() if all(_someone_else(m, parts, sexes) for m in given)}


def _someone_else(m: AgeMention, parts: set[str], sexes: set[str]) -> bool:
    """The mention's person had a part one of ``parts`` does not fit, or is of a sex not in ``sexes``."""
    sex = sex_of(m)
    return bool((m.part and any(not one_part(m.part, p) for p in parts)) or (sex and sexes and sex not in sexes))


def _one_by_age(a: AgeMention, b: AgeMention, ma: list[AgeMention], mb: list[AgeMention],
                ages: dict[str, set[float]], surnames, named_before: Callable[[AgeMention, AgeMention], bool]) -> bool:
    """Whether the age alone ties ``a`` and ``b`` to one person, given that one of them is named or both are told one
    fate, and their ages are near (the caller's tests)."""
    gap = abs(a.value - b.value)
    if one_of_several(a) or one_of_several(b):
        return False
    if not (_described(a) or named_before(a, b)) or not (_described(b) or named_before(b, a)):
        return False
    if not (_alone(a, ages[a.claim.article_id], gap) and _alone(b, ages[b.claim.article_id], gap)
            and _alone(b, ages[a.claim.article_id] - {a.value}, gap) and
            _alone(a, ages[b.claim.article_id] - {b.value}, gap)):
        return False
    if not (one_holder(a, ma, surnames) and one_holder(b, mb, surnames)):
        return False
    if a.name and b.name and not _shorter_form(a.name, b.name, surnames):
        return False
    if {_side(a), _side(b)} == {"doer", "hit"}:
        return False
    sa, sb = sex_of(a), sex_of(b)
    if sa and sb and sa != sb or a.part and b.part and not one_part(a.part, b.part):
        return False
    return one_person_two_ages(a, b)


def _named_ages(story: list[Claim], held: list[AgeMention]) -> dict[str, dict[float, list[tuple[str, ...]]]]:
    """Each report's ages given only to named people, with the names; an age the report also gives anyone
    unnamed is left out."""
    names = {(m.claim.id, m.span): m.name for m in held if m.name}
    out: dict[str, dict[float, list[tuple[str, ...]]]] = defaultdict(lambda: defaultdict(list))
    unnamed: dict[str, set[float]] = defaultdict(set)
    for c in story:
        for q in age_quantities(c):
            name = names.get((c.id, (q.start, q.end)))
            if name:
                out[c.article_id][q.value].append(name)
            else:
                unnamed[c.article_id].add(q.value)
    return {x: {v: n for v, n in by_value.items() if v not in unnamed[x]} for x, by_value in out.items()}


def _told_of_others(x: str, y: str, pair: tuple[AgeMention, AgeMention],
                    named: dict[str, dict[float, list[tuple[str, ...]]]], surnames) -> set[float]:
    """The ages report ``x`` gives only to people report ``y`` names with that same age, none of them either
    mention's person ("Ed Cole, 35," in both reports): that age is someone else's in both, so it leaves no doubt
    about whom a near age of the pair is of."""
    out = set()
    for v, names in named.get(x, {}).items():
        if v in (pair[0].value, pair[1].value):
            continue
        theirs = named.get(y, {}).get(v, [])
        if all(any(same_named_person(n, t, surnames) for t in theirs) for n in names) and \
                not any(m.name and same_named_person(m.name, n, surnames) for m in pair for n in names):
            out.add(v)
    return out


def same_people(a: AgeMention, b: AgeMention, ages: dict[str, set[float]],
                 people: dict[str, set[tuple[str, ...]]], surnames) -> bool:
    """The two reports speak of one set of people: both give another age alike, or both name one person
    (two reports of two incidents put in one story share neither)."""
    xa, xb = a.claim.article_id, b.claim.article_id
    if (ages[xa] - {a.value, b.value}) & (ages[xb] - {a.value, b.value}):
        return True
    return any(same_named_person(x, y, surnames) for x in people[xa] for y in people[xb])


def people_named(story: list[Claim]) -> dict[str, set[tuple[str, ...]]]:
    """The full names (two words or more) each report gives a person."""
    out: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for c in story:
        out[c.article_id] |= {n for e in c.entities if e.label == "PERSON" and len(n := tuple(plain_name_words(e.text))) >= 2}
    return out


def _described(m: AgeMention) -> bool:
    """Named, or described as a man, woman, teen, kin or role ("a 64-year-old man") or by what befell them ("a
    17-year-old who survived"); a bare "the 26-year-old" or "the 26-year-old singer" may be anyone the report has
    spoken of."""
    return bool(m.name or m.kin or m.role or m.part or generic_noun(m))


# "the 6-year-old walked in", "the 6-year-old singer": an age said of someone the report has spoken of before.
_BARE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_BARE_AGE = re.compile(rf"^{YEAR_OLD}", re.I)


def _named_before(story: list[Claim], ages: dict[str, set[float]]) -> Callable[[AgeMention, AgeMention], bool]:
    """A test of whether a mention is a bare "the 6-year-old" of a report that gives no other age and writes the
    full name (given name and surname together, tagged or not) of the person the other mention names: the one of
    the report's people that age may be."""
    texts: dict[str, list[str]] = defaultdict(list)
    for c in story:
        texts[c.article_id].append(c.text)

    def named_before(m: AgeMention, other: AgeMention) -> bool:
        at, end = m.span[0] - m.claim.start, m.span[1] - m.claim.start
        if m.name or len(other.name) < 2 or ages[m.claim.article_id] != {m.value}:
            return False
        if not (_BARE_BEFORE.search(m.claim.text[:at]) and _BARE_AGE.match(m.claim.text[end:])):
            return False
        given, surname = other.name[0], [w for w in other.name if w not in NAME_SUFFIXES][-1]
        written = re.compile(rf"\b{re.escape(given)}\s+(?:[\w.]+\s+)?{re.escape(surname)}\b", re.I)
        return any(written.search(t) for t in texts[m.claim.article_id])
    return named_before


def one_of_several(m: AgeMention) -> bool:
    """The age is of an unnamed one of several ("another 24-year-old", "the second man arrested, aged 41")."""
    return not m.name and bool(_ONE_OF_SEVERAL.search(m.claim.text[:m.span[0] - m.claim.start]))


def _alone(m: AgeMention, values: set[float], gap: float) -> bool:
    """No age of ``values`` but the mention's own comes within the two ages' gap and the margin of it."""
    return all(abs(v - m.value) > gap + MARGIN for v in values if v != m.value)


def one_holder(m: AgeMention, mentions: list[AgeMention], surnames) -> bool:
    """The report gives that age to one person only (two people of 24 leave it open)."""
    names = [n.name for n in mentions if n.value == m.value and n.name]
    return all(x == y or same_named_person(x, y, surnames) for x in names for y in names)


def _shorter_form(x: tuple[str, ...], y: tuple[str, ...], surnames) -> bool:
    """One name the other's or a shorter form of it, even when two people of the story bear the surname
    ("Hale" of "Tom Hale" beside a "Bo Hale"): the age tells which."""
    short, long_ = sorted((x, y), key=len)
    return same_named_person(x, y, surnames) or Counter(short) <= Counter(long_)


def _side(m: AgeMention) -> str | None:
    """Which side of the happening the mention's sentence speaks of, when it speaks of one only."""
    doer, hit = bool(_DOER.search(m.claim.text)), bool(_HIT.search(m.claim.text))
    return "doer" if doer and not hit else "hit" if hit and not doer else None


def sex_of(m: AgeMention) -> str | None:
    """"m" or "f" when the mention's kin word or noun tells the person's sex ("his 15-year-old sister", "a 30-year-old
    man"), else None."""
    if m.kin & MALE_KIN:
        return "m"
    if m.kin & FEMALE_KIN:
        return "f"
    return _SEX.get(generic_noun(m) or "")


def every_age(story: list[Claim], held: list[AgeMention]) -> list[AgeMention]:
    """The story's ages with whom they are given of, and also each age of the incident given of no one the
    other readers tell ("a 64-year-old man", "the 15-year-old")."""
    seen = {(m.claim.id, m.span) for m in held}
    out = [m for m in held if not _hedged(m)]  # "about 40" may be 42
    for c in story:
        if tells_of_another_incident(c.text):
            continue
        for q in age_quantities(c):
            if (q.value != int(q.value) or q.hedge or (c.id, (q.start, q.end)) in seen
                    or kin_of_another(c, q.start, q.end)):
                continue
            out.append(AgeMention(c, int(q.value), (q.start, q.end), part=described_part(c, q.start, q.end, AFTER_AGE)))
    return out


def _hedged(m: AgeMention) -> bool:
    return any(q.hedge for q in m.claim.quantities if (q.start, q.end) == m.span)


def ages_read(story: list[Claim], held: list[AgeMention]) -> dict[str, set[float]]:
    """Every age each report gives, of anyone and any incident."""
    out: dict[str, set[float]] = defaultdict(set)
    for m in held:
        out[m.claim.article_id].add(m.value)
    for c in story:
        out[c.article_id] |= {q.value for q in age_quantities(c)}
    return out
