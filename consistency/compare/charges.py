"""What a suspect is charged with, told two ways by outlets of one story: "one count of murder" / "three counts of
capital murder"; "arrested on suspicion of first-degree assault" / "held for reckless manslaughter"; "has not
been charged" / "was charged with manslaughter".

Extraction keeps no slot for charges, so each sentence that says someone is charged, booked, held, indicted or
arraigned is read for the offences it names: the offence ("murder", "manslaughter", "assault", "robbery"), its
grade ("capital", "first-degree", "attempted", "reckless") and its count ("three counts of"). A sentence that
says no charge was brought ("has not been charged") gives the state "not charged". Left out: possible or
expected charges ("could face", "will decide whether"), charges of the past ("in 2009", "previously") and a
sentence that tells the change itself ("was changed to", "upgraded"), and charges of another incident ("facing charges
in another robbery"; "booked on a charge of robbery and an unrelated warrant" keeps its robbery).

Whose charges they are is the person named before the charge word, else the story's one charged person; a
sentence that gives the charges of several unnamed people ("two men are charged with") is no one person's, and
the story then has no one charged person. Two outlets' readings of one person clash when one says not charged and
the other charged, when they share no offence at all, or when they give one offence two grades or two counts (two
degrees of one offence clash whatever other charges both lists share). Charges brought and changed as a case
goes on, so the later report's are an ``update``; on the same day, a ``polarity`` (a count: ``number``). Each report
is cited by its fullest statement of the charges and up to two more of the same person's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from ..lexicon import SEVERAL_COUNT
from ..records import Claim, Flag
from .base import ALSO_CITED, claims_by_story, cited_beside, evidence, readings_flag, tells_of_another_incident
from .explain import explain_charges
from .facts.pairing import WINDOW_DAYS
from .names import story_entities
from .person_names import plain_name_words

CONFIDENCE = 0.6
NOT_CHARGED = "not charged"

_OFFENCES = {
    "murder": "murder", "murders": "murder", "homicide": "homicide", "manslaughter": "manslaughter",
    "assault": "assault", "battery": "battery", "robbery": "robbery", "burglary": "burglary",
    "kidnapping": "kidnapping", "endangerment": "endangerment",
}
_GRADES = {
    "capital": "capital", "aggravated": "aggravated", "first-degree": "first-degree", "first degree": "first-degree",
    "1st degree": "first-degree", "1st-degree": "first-degree", "second-degree": "second-degree",
    "second degree": "second-degree", "2nd degree": "second-degree", "2nd-degree": "second-degree",
    "third-degree": "third-degree", "third degree": "third-degree", "3rd degree": "third-degree",
    "3rd-degree": "third-degree", "felonious": "felonious", "reckless": "reckless", "involuntary": "involuntary",
    "voluntary": "voluntary", "negligent": "negligent", "criminal": "criminal", "felony": "felony",
}
_COUNTS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_GRADE = "|".join(sorted((re.escape(g) for g in _GRADES), key=len, reverse=True))
_OFFENCE = "|".join(sorted(_OFFENCES, key=len, reverse=True))
_CHARGE = re.compile(
    rf"\b(?:(?P<count>\d+|{'|'.join(_COUNTS)})\s+(?:counts?|charges?)\s+of\s+)?"
    rf"(?P<attempted>attempted\s+)?(?P<grade>(?:(?:{_GRADE})[\s-]+){{0,2}})(?P<attempted2>attempted\s+)?"
    rf"(?P<offence>{_OFFENCE})\b(?![\s-]+(?:suspect|victim|case|investigation|scene|weapon|rifle|charges?\s+against))",
    re.I)
# A sentence that says someone is charged: the charge words, and the offences after them.
_CUE = re.compile(r"\b(?:charged|charges?|charging|indicted|booked|arraigned|held|jailed|facing|faces|"
                  r"(?:arrested|detained|jailed|held)\s+(?:on|for)|on\s+suspicion\s+of)\b", re.I)
_NONE = re.compile(r"\b(?:has|have|had|was|were|is|are)\s+not\s+(?:yet\s+)?(?:been\s+)?charged\b|"
                   r"\bnot\s+(?:be\s+)?(?:facing|face)\s+(?:any\s+)?(?:criminal\s+)?charges\b|"
                   r"\bno\s+(?:criminal\s+)?charges\s+(?:have\s+been\s+|had\s+been\s+|were\s+|will\s+be\s+)?"
                   r"(?:filed|brought|laid)\b", re.I)
# Charges that may come, that are told of the past or of the change itself, or that someone says should be brought.
_NOT_A_CHARGE = re.compile(
    r"\b(?:could|may|might|would|should|possible|possibly|potential|likely|expected\s+to|whether|if|will\s+decide|"
    r"preparing|considering|weigh(?:ing)?|pending\s+review|previously|originally|prior|earlier|was\s+changed|"
    r"were\s+changed|upgraded|downgraded|reduced|dropped|dismissed|acquitted|convicted|pleaded|sentenced|"
    r"guilty|sentencing|verdict|jury|trial|in\s+the\s+past|records\s+show|had\s+(?:been\s+)?(?:charged|faced|facing)|"
    r"in\s+(?:19|20)\d\d)\b", re.I)
# A list said to be one part of the charges ("also faces one count of ..."): an offence it leaves out is no clash.
_PART = re.compile(r"\b(?:also|other|among|including|additional|more)\b", re.I)
_ANOTHER = re.compile(rf"\b(?:another|separate|unrelated|different|earlier|previous)\s+(?:[\w-]+\s+)?(?:{_OFFENCE})\b",
                      re.I)
# Several people as the subject: "two men", "both suspects", "the three", "the pair" ("they" is as often the police).
_SEVERAL = re.compile(
    rf"\b(?:{SEVERAL_COUNT}|both|all)\s+(?:[\w-]+\s+){{0,2}}?(?:men|women|suspects|teens|teenagers|people|brothers|"
    r"sisters|juveniles|defendants|adults|boys|girls|others)\b|\bthe\s+(?:two|three|four|five|six|pair)\b", re.I)
_NAME_BEFORE = 120  # characters before the charge words a name is looked for in
# A charge brought more than the fact table's window (a week) after a report of none is the case moving on, not one
# report outdated by another: reports further apart tell other moments.
NEWS_DAYS = WINDOW_DAYS


@dataclass(frozen=True, slots=True)
class Charges:
    """One sentence's reading of one person's charges: the offences (grade, offence) with their counts, or
    none for "not charged"."""

    claim: Claim
    holder: tuple[str, ...] | None  # the plain words of the name, None when the sentence names no one
    offences: dict[tuple[str, str], int | None]
    group: bool  # the sentence names no one and gives the charges of several ("two men are charged")
    partial: bool  # the sentence gives part of the charges ("also faces")
    span: tuple[int, int]
    text: str


def read_charges(c: Claim) -> Charges | None:
    """The charges one sentence gives, or None when it gives none that can be set against another report's."""
    text = c.text
    if _NOT_A_CHARGE.search(text):
        return None
    first = _CHARGE.search(text)
    if first and (tells_of_another_incident(text[:first.end()]) or _ANOTHER.search(text[:first.end()])):
        return None  # "also facing charges in another robbery"; "booked on robbery and an unrelated warrant" stays
    none = _NONE.search(text)
    if none:
        holder = _holder(c, none.start())
        return Charges(c, holder, {}, _group(text, none.start(), holder), False,
                       (c.start + none.start(), c.start + none.end()), none.group(0))
    cue = _CUE.search(text)
    if cue is None:
        return None
    offences: dict[tuple[str, str], int | None] = {}
    # an offence after the first charge word or holding it ("a charge of murder"), or one before another
    found = [m for m in _CHARGE.finditer(text) if m.end() > cue.start() or _CUE.search(text, m.end())]
    for m in found:
        grade = " ".join(_GRADES[g.casefold()] for g in re.findall(_GRADE, m.group("grade"), re.I))
        # an attempt is another offence than the deed, not a grade of it
        attempted = "attempted " if m.group("attempted") or m.group("attempted2") else ""
        key = (grade, attempted + _OFFENCES[m.group("offence").casefold()])
        # one offence named twice is of two kinds the words after it tell apart ("aggravated assault causing
        # injury" / "aggravated assault with a weapon"): its count is not one to set against another's
        offences[key] = None if key in offences else _count_of(m.group("count"))
    if not offences:
        return None
    start, end = found[0].start(), found[-1].end()
    holder = _holder(c, cue.start())
    return Charges(c, holder, offences, _group(text, cue.start(), holder), bool(_PART.search(text)),
                   (c.start + start, c.start + end), text[start:end])


def _count_of(word: str | None) -> int | None:
    """The number of counts a charge is given in ("three counts of"), None when no count is said."""
    if word is None:
        return None
    return int(word) if word.isdigit() else _COUNTS[word.casefold()]


def _holder(c: Claim, at: int) -> tuple[str, ...] | None:
    """The name said last before the charge words, if any (a name with an age beside it counts, whatever the
    tagger called it: ``names.story_entities``)."""
    before = [e for e in story_entities(c) if e.label == "PERSON" and e.end - c.start <= at
              and at - (e.end - c.start) <= _NAME_BEFORE]
    if not before:
        return None
    words = tuple(plain_name_words(max(before, key=lambda e: e.end).text))
    return words or None


def _group(text: str, at: int, holder: tuple[str, ...] | None) -> bool:
    """The words before the charge words make several people its subject and name none of them."""
    return holder is None and _SEVERAL.search(text[:at]) is not None


def _same_person(a: Charges, b: Charges, sole: bool) -> bool:
    """One person's charges: one surname and no two given names, or one side names no one and the story
    charges one person (``sole``); the charges of several unnamed are no one person's."""
    if a.group or b.group:
        return False
    if a.holder and b.holder:
        return _one_name(a.holder, b.holder)
    return sole


def _one_name(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    return x[-1] == y[-1] and (len(x) < 2 or len(y) < 2 or x[0] == y[0])


def _clash(a: Charges, b: Charges) -> str | None:
    """The finding type of two readings of one person's charges (``a`` the earlier), or None when both can
    hold: one list may leave out an offence or a grade the other gives."""
    days = (b.claim.published.date() - a.claim.published.date()).days
    later = days > 0
    if not a.offences or not b.offences:
        # none yet, then charged: the story moving on, also within one day (reports carry no hour); charged,
        # then "not charged" on a later day, is an old copy
        if bool(a.offences) == bool(b.offences) or (later and not b.offences) or days > NEWS_DAYS:
            return None
        return "update"
    alike = _alike(a, b)
    if alike:
        counted = [(a.offences[x], b.offences[y]) for x, y in alike]
        if any(n is not None and m is not None and n != m for n, m in counted):
            return "update" if later else "number"
        if not _regraded(a, b):
            return None
    if a.partial or b.partial:
        return None
    return "update" if later else "polarity"


# Grades of which an offence has one only: a murder charged in the first degree is not also one in the second.
_ONE_OF = ({"first-degree", "second-degree", "third-degree"}, {"voluntary", "involuntary"})


def _regraded(a: Charges, b: Charges) -> bool:
    """Both readings name one offence, every time in grades that exclude each other ("second-degree murder"
    / "first-degree murder"), whatever other charges they share."""
    for offence in {x[1] for x in a.offences} & {y[1] for y in b.offences}:
        pairs = [(set(x[0].split()), set(y[0].split())) for x in a.offences for y in b.offences
                 if x[1] == y[1] == offence]
        if all(any(len(gx & one) == len(gy & one) == 1 and gx & one != gy & one for one in _ONE_OF)
               for gx, gy in pairs):
            return True
    return False


def _alike(a: Charges, b: Charges) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """The charges of the two readings that are one charge: one offence (or a homicide and a murder), the grade
    words of one among the other's ("murder" / "capital murder", "reckless endangerment" / "second-degree
    reckless endangerment"). A charge both readings name alike is paired with itself only: "three counts of
    murder, one count of capital murder" in both is one list, not three murders against one."""
    return [(x, y) for x in a.offences for y in b.offences
            if x == y or x not in b.offences and y not in a.offences and _one_offence(x[1], y[1])
            and (set(x[0].split()) <= set(y[0].split()) or set(y[0].split()) <= set(x[0].split()))]


# "Homicide" is the kind murder and manslaughter are of: a charge of "voluntary homicide" may be one outlet's word
# for another's "murder".
_KINDS_OF = {"homicide": {"murder", "manslaughter"}, "attempted homicide": {"attempted murder", "attempted manslaughter"}}


def _one_offence(x: str, y: str) -> bool:
    return x == y or y in _KINDS_OF.get(x, ()) or x in _KINDS_OF.get(y, ())


def charge_flags(claims: Iterable[Claim]) -> list[Flag]:
    """One flag per person whose charges two outlets of a story give in ways that cannot both hold."""
    flags = []
    for story in claims_by_story(claims):
        readings = [r for c in sorted(story, key=lambda c: (c.published, c.article_id, c.start))
                    if (r := read_charges(c)) is not None]
        charged = _people(r.holder for r in readings if r.holder and r.offences)
        by_article: dict[str, list[Charges]] = defaultdict(list)
        for r in readings:
            by_article[r.claim.article_id].append(r)
        # a charge of several unnamed people ("two men are charged") is more than one person's
        sole = len(charged) <= 1 and not any(r.group and r.offences for r in readings)
        torn = {article for article, rs in by_article.items() if _torn(rs, sole)}
        stale = {id(r) for r in readings if _stale(r, readings, sole)}
        best: dict[str, tuple[tuple[float, int], str, Charges, Charges]] = {}
        for i, a in enumerate(readings):
            for b in readings[i + 1:]:
                if a.claim.outlet == b.claim.outlet or not _same_person(a, b, sole) \
                        or {a.claim.article_id, b.claim.article_id} & torn or {id(a), id(b)} & stale:
                    continue
                kind = _clash(a, b)
                if kind is None:
                    continue
                who = (a.holder or b.holder or (next(iter(charged)) if len(charged) == 1 else ("the suspect",)))[-1]
                # the closest reports, each cited by its fullest statement of the charges
                rank = (abs((b.claim.published - a.claim.published).total_seconds()),
                        -len(a.offences) - len(b.offences))
                if who not in best or rank < best[who][0]:
                    best[who] = (rank, kind, a, b)
        for who, (_, kind, a, b) in best.items():
            reports = [(a.claim, _said(a)), (b.claim, _said(b))]
            flag = readings_flag(kind, [a, b], CONFIDENCE, explain_charges(who.title(), reports, kind))
            flags.append(cited_beside(flag, (evidence(r.claim, *r.span) for x in (a, b)
                                             for r in _also(by_article[x.claim.article_id], x, sole))))
    return flags


def _also(article: list[Charges], r: Charges, sole: bool) -> list[Charges]:
    """Other readings of the report that give the same person's charges the same way (not charged, or charged)."""
    return [x for x in article if x.claim.id != r.claim.id and bool(x.offences) == bool(r.offences)
            and _same_person(x, r, sole)][:ALSO_CITED]


def _people(names: Iterable[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The people the names are of: a surname alone or a fuller name of one person counts once."""
    out: list[tuple[str, ...]] = []
    for name in sorted(set(names), key=len, reverse=True):
        if not any(_one_name(name, known) for known in out):
            out.append(name)
    return set(out)


def _stale(r: Charges, readings: list[Charges], sole: bool) -> bool:
    """A "not charged" told after the story already gave the person's charges on an earlier day: an old copy, so no
    later charge is news to it either."""
    return not r.offences and any(x.offences and x.claim.published.date() < r.claim.published.date()
                                  and _same_person(x, r, sole) for x in readings)


def _torn(article: list[Charges], sole: bool) -> bool:
    """The article itself gives one person clashing charges (it tells a change, or of two people): its
    readings are left out."""
    return any(_same_person(x, y, sole) and _clash(x, y) is not None
               for i, x in enumerate(article) for y in article[i + 1:])


def _said(r: Charges) -> str:
    return NOT_CHARGED if not r.offences else r.text
