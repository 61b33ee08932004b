"""One person told a boy by one outlet and a girl by another: "a 7-year-old boy was shot" / "his 7-year-old
sister"; "a 30-year-old man" / "the woman, 30,".

The person is matched by an age as the lone ages are: each of two reports of one incident (within weeks, both
giving another age alike, naming one person, or writing the surname of a person one of them names) gives that age
to one person only, never to "another 15-year-old" or to two people of one sentence, and two names given with it
are one person's. Each report tells the sex by the
word set against the age (a kin word, a man or a woman). A report that gives a child's age with no such word
("a 2-year-old child") tells it by "the girl" or "the boy" when the age is the only child's age it gives and all its
words for children and kin are of one sex. A report whose words for the person are of both sexes is unsure of it
and left out, and so is a person whose age the other report gives near to someone of the first one's sex ("a
12-year-old boy" / "an 11-year-old boy and a 12-year-old girl"): the age may be the slip, not the sex."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from ..records import Claim, Flag
from .ages import FEMALE_KIN, MALE_KIN, YEAR_OLD, AgeMention, age_mentions, one_part, same_named_person, story_surnames
from .base import claims_by_story, readings_flag, tells_of_another_incident
from .explain import explain_person_sex
from .lone_ages import (MAX_DAYS, ages_read, every_age, one_holder, one_of_several, people_named, same_people,
                        sex_of)

CONFIDENCE = 0.55
NEAR = 2  # ages this near of one sex may be one person's, one age misreported
ADULT = 18  # "the girl" is said of a child
_SEX_WORDS = {**{w: "m" for w in MALE_KIN | {"man", "male"}}, **{w: "f" for w in FEMALE_KIN | {"woman", "female"}}}
_SEX_ALTERNATIVES = "|".join(sorted(_SEX_WORDS, key=len, reverse=True))
# The description's own word right after the age ("-year-old baby girl", "-year-old Lakeview boy"), or the word the
# age is set after ("his sister, 15,"); never a word past "and" or a comma ("8 years old and two women").
_WORD_AFTER_AGE = re.compile(rf"(?i:{YEAR_OLD})?\s+(?:(?:little|young|baby|[A-Z][\w'’.-]*)\s+){{0,2}}"
                             rf"(?i:({_SEX_ALTERNATIVES}))\b")
_WORD_BEFORE_AGE = re.compile(rf"\b({_SEX_ALTERNATIVES}),\s*(?:aged?\s+)?$", re.I)
_COUNTED = re.compile(r"\b(?:two|three|four|five|six|both|several|\d+)\s+$", re.I)
_PLURAL_AFTER = re.compile(rf"{YEAR_OLD}\s+(?:[a-z]+\s+)?(?:men|women|males|females|boys|girls|teens|teenagers|"
                           rf"brothers|sisters|sons|daughters|children|kids|siblings|twins)\b", re.I)
# "the girl was taken to hospital": a child the report has spoken of, told by sex.
_THE_CHILD = re.compile(r"\bthe\s+(?:little\s+|young\s+)?(boy|girl)\b", re.I)
# Every word of the report for a child or a relative, whose sex must be one for "the girl" to be the aged child.
_FAMILY_WORD = re.compile(r"\b(boys?|girls?|sons?|daughters?|brothers?|sisters?)\b", re.I)


@dataclass(frozen=True, eq=False, slots=True)
class SexSaid:
    """The sex one report gives the person of an age, with the words that give it."""

    claim: Claim
    span: tuple[int, int]
    text: str
    sex: str  # "m" or "f"
    mention: AgeMention


def person_sex_flags(claims: Iterable[Claim]) -> list[Flag]:
    """One flag per story and age whose one holder two outlets' reports of one incident give two sexes."""
    flags = []
    for story in claims_by_story(claims):
        for value, said in _clashes(story).items():
            said.sort(key=lambda r: (r.claim.published, r.claim.article_id))
            flags.append(readings_flag("polarity", said, CONFIDENCE,
                                       explain_person_sex(f"{value:g}", [(r.claim, r.text) for r in said])))
    return flags


def _clashes(story: list[Claim]) -> dict[float, list[SexSaid]]:
    """Each age of the story with the reports' words that give its one holder two sexes."""
    surnames = story_surnames(story)
    held = age_mentions(story)
    ages, people = ages_read(story, held), people_named(story)
    by_article: dict[str, list[AgeMention]] = defaultdict(list)
    for m in every_age(story, held):
        by_article[m.claim.article_id].append(m)
    texts: dict[str, list[Claim]] = defaultdict(list)
    for c in story:
        texts[c.article_id].append(c)
    many_named = _ages_of_many_named(held, surnames)
    told = {x: _sexes_told(ms, texts[x], ages[x], surnames, many_named) for x, ms in by_article.items()}
    written = {x: " ".join(c.text for c in cs) for x, cs in texts.items()}

    def one_incident(xa: str, xb: str, a: SexSaid, b: SexSaid) -> bool:
        return same_people(a.mention, b.mention, ages, people, surnames) or _surname_in_both(people, written, xa, xb)

    out: dict[float, list[SexSaid]] = defaultdict(list)
    articles = sorted(told)
    for i, xa in enumerate(articles):
        for xb in articles[i + 1:]:
            for value in told[xa].keys() & told[xb].keys():
                a, b = told[xa][value], told[xb][value]
                if _clash(a, b, surnames) and not _near_of_sex(a, ages[xb], by_article[xb]) \
                        and not _near_of_sex(b, ages[xa], by_article[xa]) \
                        and one_incident(xa, xb, a, b):
                    out[value] += [r for r in (a, b) if r not in out[value]]
    return out


def _ages_of_many_named(held: list[AgeMention], surnames) -> set[float]:
    """The ages the story gives two named people ("Tom Hale, 15," and "Ann Roe, 15,")."""
    names: dict[float, list[tuple[str, ...]]] = defaultdict(list)
    for m in held:
        if m.name and not any(same_named_person(m.name, n, surnames) for n in names[m.value]):
            names[m.value].append(m.name)
    return {value for value, held_by in names.items() if len(held_by) > 1}


def _near_of_sex(said: SexSaid, ages: set[float], mentions: list[AgeMention]) -> bool:
    """The other report gives an age near the person's to someone it does not tell of the other sex ("a 12-year-old
    boy" here, "an 11-year-old boy" or "her 11-year-old cousin" there): one age may be misreported, and the person of
    the age alike another."""
    for v in ages:
        if 0 < abs(v - said.mention.value) <= NEAR:
            sexes = {sex_of(m) for m in mentions if m.value == v}
            if sexes != {"m" if said.sex == "f" else "f"}:
                return True
    return False


def _clash(a: SexSaid, b: SexSaid, surnames) -> bool:
    """Two outlets' reports within weeks give the one person of an age two sexes, names and parts alike."""
    ma, mb = a.mention, b.mention
    if a.sex == b.sex or a.claim.outlet == b.claim.outlet or \
            abs((a.claim.published - b.claim.published).days) > MAX_DAYS:
        return False
    if ma.name and mb.name and not same_named_person(ma.name, mb.name, surnames):
        return False
    if ma.part and mb.part and not one_part(ma.part, mb.part):
        return False
    return True


def _surname_in_both(people: dict[str, set[tuple[str, ...]]], written: dict[str, str], xa: str, xb: str) -> bool:
    """The surname of a person one report names in full is written in the other too (a name the tagger missed there,
    or spelt another way: "Kendra Vale" / "Kendrah Vale")."""
    return any(re.search(rf"\b{re.escape(name[-1])}\b", written[y], re.I)
               for x, y in ((xa, xb), (xb, xa)) for name in people[x])


def _sexes_told(mentions: list[AgeMention], claims: list[Claim], ages: set[float], surnames,
                many_named: set[float]) -> dict[float, SexSaid]:
    """Each age the report gives one person only, with the sex it tells that person by (``many_named``: the ages
    the story gives two named people, of which an unnamed mention may be either)."""
    out = {}
    for value in {m.value for m in mentions}:
        ms = [m for m in mentions if m.value == value]
        if not _one_person(ms, surnames):
            continue
        said = [s for m in ms if (m.name or value not in many_named) and (s := _said_by_word(m)) is not None]
        if not said and value < ADULT and value not in many_named and {v for v in ages if v < ADULT} == {value}:
            said = _said_as_the_child(ms[0], claims)
        if said and len({s.sex for s in said}) == 1:
            out[value] = said[0]
    return out


def _one_person(ms: list[AgeMention], surnames) -> bool:
    """A report's mentions of one age are of one person: one name at most, never "another 15-year-old", "two
    15-year-old boys" or two of the age in one sentence, and one named holder with no part of another side beside
    an unnamed one."""
    spans = [(m.claim.id, m.span) for m in ms]
    if len({cid for cid, _ in spans}) < len(set(spans)) or any(one_of_several(m) or _several(m) for m in ms):
        return False
    if not all(one_holder(m, ms, surnames) for m in ms):
        return False
    parts = {m.part for m in ms if m.part}
    return all(one_part(p, q) for p in parts for q in parts)


def _several(m: AgeMention) -> bool:
    """The age is said of several people ("two 15-year-old boys", "15-year-old males")."""
    text, at, end = m.claim.text, m.span[0] - m.claim.start, m.span[1] - m.claim.start
    return bool(_COUNTED.search(text[:at]) or _PLURAL_AFTER.match(text[end:]))


def _said_by_word(m: AgeMention) -> SexSaid | None:
    """The sex the word set against an age tells ("15-year-old sister", "his sister, 15,", "a man, 30,"), with the
    words; None when the word is not the description's own ("8 years old and two women")."""
    sex = sex_of(m)
    if sex is None:
        return None
    text, at, end = m.claim.text, m.span[0] - m.claim.start, m.span[1] - m.claim.start
    after = _WORD_AFTER_AGE.match(text, end)
    before = _WORD_BEFORE_AGE.search(text[:at])
    if after and _SEX_WORDS[after.group(1).casefold()] == sex:
        a, b = at, after.end()
    elif before and _SEX_WORDS[before.group(1).casefold()] == sex:
        a, b = before.start(1), end
    else:
        return None
    return SexSaid(m.claim, (m.claim.start + a, m.claim.start + b), text[a:b], sex, m)


def _said_as_the_child(m: AgeMention, claims: list[Claim]) -> list[SexSaid]:
    """"The girl" or "the boy" of a report whose child and kin words are all of one sex, said of the one child whose
    age it gives."""
    if any(tells_of_another_incident(c.text) for c in claims if _THE_CHILD.search(c.text)):
        return []
    words = {_SEX_WORDS[w.group(1).casefold().rstrip("s")] for c in claims for w in _FAMILY_WORD.finditer(c.text)}
    if len(words) != 1:
        return []
    out = []
    for c in claims:
        for w in _THE_CHILD.finditer(c.text):
            sex = _SEX_WORDS[w.group(1).casefold()]
            out.append(SexSaid(c, (c.start + w.start(), c.start + w.end()), w.group(0), sex, m))
    return out[:1]
