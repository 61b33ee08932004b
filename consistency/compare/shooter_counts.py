"""How many fired, counted two ways by outlets of one story: "a man walked up and opened fire" in one report,
"two men stepped out of an alley and began firing" in another; "four officers discharged their weapons"
against "two officers fired".

No sentence of one report is a copy of the other's, and the count is of the people who shot, not of those hurt,
so neither the aligned pairs nor the tolls hold them side by side. Each sentence is read for a subject that says
how many (a, an, one, someone, a lone; two, 3, several) with a noun of people, followed in its clause by a verb of
firing ("opened fire", "fired", "started shooting"), perhaps after what they did first ("walked up to the porch
and"). Police who fired (officers, deputies, troopers, agents) are one group and the attackers another.
A count of people present, of whom a part fired or whom the sentence leaves out of its firing clause ("two men drove
up, and one of them got out and fired"; "three men inside in dark hoods, and opened fire"), is no count of who fired.

A report that gives one group two counts that cannot both be right (a roundup of shootings, a count revised in
its own text) says nothing sure of it and is left out, and so are the other reports of its outlet, which carry its
paragraphs on; a part of a group ("two of the three men") is no count of the whole. Two reports clash when their
counts cannot both be right ("at least two" is not "three" disputed). Reports of one day are a ``number``; reports
days apart an ``update`` (the later account has usually been through an investigation).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterable

from ..extract.quantities import SMALL_NUMBERS
from ..records import Claim, Flag
from .base import claims_by_story, readings_flag, tells_of_another_incident
from .explain import explain_shooter_count

CONFIDENCE = 0.55
DAYS_APART = 1  # reports further apart than this: the later count is an update

_POLICE = r"(?:police\s+)?(?:officers?|deputies|deputy|troopers?|agents?)"
_ATTACKERS = (r"(?:gunm[ae]n|shooters?|offenders?|suspects?|assailants?|attackers?|m[ae]n|males?|persons?|people|"
              r"individuals?|teens?|teenagers?)")
_COUNT = (r"(?:at\s+least\s+)?(?:a|an|one|a\s+lone|two|three|four|five|six|seven|eight|nine|ten|several|multiple|"
          r"\d{1,2})")
_FIRED = (r"(?:fired|opened\s+fire|start(?:ed)?\s+(?:shooting|firing)|began\s+(?:shooting|firing)|"
          r"shot\s+(?:at|into)|unloaded|discharged)")
# What may stand between the subject and its firing: what they did first ("walked up to the porch and", "were
# believed to have"), not a clause of other people ("were shot after a gunman"): no second subject of people,
# no verb of being hurt, no clause word that starts another happening.
_GAP = (r"(?:(?!\b(?:shot|wounded|killed|struck|hit|injured|after|when|because|before|by|said|says|told)\b)"
        r"(?:\b(?:[A-Z]|St|Ave|Rd|Blvd|Dr)\.|[^.;!?]))")  # "in the block of W. Elm and fired": no sentence end
_SUBJECT = re.compile(rf"(?<![\w-])(?P<count>{_COUNT})(?:\s+(?:unknown|unidentified|masked|armed|"
                      rf"other|young|older|black|white|hispanic))?\s*(?P<noun>{_POLICE}|{_ATTACKERS})?\b", re.I)
_ACT = re.compile(rf"^(?P<gap>{_GAP}{{0,120}}?)\b{_FIRED}\b(?!\s+back)", re.I)
_OBJECT = re.compile(r"\b(?:of|to|with|at|on|into|in|for|from|among|toward|towards|about|than|filled|up\s+to)\s+$",
                     re.I)
_ANOTHER = re.compile(r"\b(?:second|another|other|more|additional)\s+(?:suspect|shooter|gunman|gunmen|attacker|"
                      r"assailant|offender)s?\b", re.I)
# Those counted are the people present, not those who fired: the sentence goes on to a part of them ("two men drove
# up, and one of them got out and fired", "it's unclear how many fired"), or tells where they were and leaves the
# firing to a clause of its own ("three men inside in dark hoods, and opened fire").
_SOME_OF = re.compile(r"\b(?:one|two|three|some|either|neither|none)\s+of\s+(?:the|those|these|them)\b|\bhow\s+many\b",
                      re.I)
_PRESENT_THEN = re.compile(r"\b(?:inside|in\s+(?:a|an|the))\b[^,]*,\s*and\s+(?:then\s+)?$", re.I)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s*$", re.I)  # "were shot at": the people fired on
_PART = re.compile(r"\bof\s+(?:the|those|these|them|his|their)?\s*$|\b(?:one|two|three|four|five|each|both|all|none|"
                   r"any|some)\s+$", re.I)


@dataclass(frozen=True, eq=False)
class Count:
    """How many of one group fired, as one sentence tells it."""

    claim: Claim
    group: str  # "police" or "attackers"
    low: float
    high: float
    span: tuple[int, int]
    text: str


def _bounds(count: str) -> tuple[float, float] | None:
    word = " ".join(count.casefold().split())
    hedged = word.startswith("at least ")
    word = word.removeprefix("at least ")
    if word in ("a", "an", "one", "a lone"):
        value = 1.0
    elif word in ("several", "multiple"):
        return 2.0, math.inf
    elif word.isdigit():
        value = float(word)
    elif word in SMALL_NUMBERS:
        value = float(SMALL_NUMBERS[word])
    else:
        return None
    return (value, math.inf) if hedged else (value, value)


def counts(c: Claim) -> list[Count]:
    """The counts of people who fired that one sentence gives, by group."""
    text = c.text
    if tells_of_another_incident(text):
        return []
    out = []
    for m in _SUBJECT.finditer(text):
        noun, count = m.group("noun"), m.group("count")
        if noun is None:
            continue  # a count with no noun of people ("one fired") says not who fired
        if _PART.search(text[:m.start()]) or re.match(r"\s+of\b", text[m.end():], re.I):
            continue  # a part of a group ("two of the three men", "one of four men"), or a group's part
        if _OBJECT.search(text[:m.start()]):
            continue  # people the sentence puts after a preposition ("a party of 20 people and fired") did not fire
        act = _ACT.match(text[m.end():])
        if act is None:
            continue
        gap = act.group("gap")
        if _another_subject(gap) or any(p.search(gap) for p in (_PASSIVE, _SOME_OF, _PRESENT_THEN)):
            continue
        bounds = _bounds(count)
        if bounds is None or bounds[0] <= 0:
            continue
        group = "police" if re.fullmatch(_POLICE, noun, re.I) else "attackers"
        end = m.end() + act.end()
        out.append(Count(c, group, *bounds, (c.start + m.start(), c.start + end), text[m.start():end]))
    return out


_OTHER_SUBJECT = re.compile(rf"\b(?:{_COUNT}\s+(?:\w+\s+)?(?:{_POLICE}|{_ATTACKERS})|someone|somebody|"
                            rf"(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+(?:\w+\s+)?"
                            rf"(?:wom[ae]n|children|kids|boys|girls|victims|adults|others))\b", re.I)


def _another_subject(gap: str) -> bool:
    """The words before the firing name other people, who may be the ones who fired."""
    return bool(_OTHER_SUBJECT.search(gap))


def _disagree(x: Count, y: Count) -> bool:
    return x.high < y.low or y.high < x.low


def article_counts(article: list[Claim]) -> dict[str, Count]:
    """Group -> the one count one article gives of it; a group it counts two ways is left out, and so is a lone
    attacker where the article speaks of a second one ("a man kicked in the door" / "searching for a second
    suspect"): that one is one of the attackers, not all."""
    found = _found(article)
    more = any(_ANOTHER.search(c.text) for c in article)
    return {g: ns[0] for g, ns in found.items() if g not in _two_ways(found)
            and not (g == "attackers" and more and ns[0].high < 2)}


def _found(article: list[Claim]) -> dict[str, list[Count]]:
    """Group -> every count the article gives of it, in its order."""
    found: dict[str, list[Count]] = {}
    for c in article:
        for n in counts(c):
            found.setdefault(n.group, []).append(n)
    return found


def _two_ways(found: dict[str, list[Count]]) -> set[str]:
    """The groups an article counts in two ways that cannot both be right."""
    return {g for g, ns in found.items() if any(_disagree(x, y) for x in ns for y in ns)}


def shooter_count_flags(claims: Iterable[Claim]) -> list[Flag]:
    """One flag per story and group where two outlets count those who fired in ways that cannot both be right."""
    flags = []
    for story in claims_by_story(claims):
        articles: dict[str, list[Claim]] = {}
        for c in sorted(story, key=lambda c: (c.published, c.article_id, c.start)):
            articles.setdefault(c.article_id, []).append(c)
        # An outlet that counts a group two ways in one report (a roundup, another shooting recalled) is unsure of
        # it in all its reports: its follow-ups carry the earlier report's paragraphs, the other shooting's too.
        unsure = {(a[0].outlet, g) for a in articles.values() for g in _two_ways(_found(a))}
        by_group: dict[str, list[Count]] = {}
        for article in articles.values():
            for group, n in article_counts(article).items():
                if (n.claim.outlet, group) not in unsure:
                    by_group.setdefault(group, []).append(n)
        for group, told in by_group.items():
            pairs = [(x, y) for i, x in enumerate(told) for y in told[i + 1:]
                     if x.claim.outlet != y.claim.outlet and _disagree(x, y)]
            if not pairs:
                continue
            shown = list(dict.fromkeys(n for pair in pairs for n in pair))
            apart = any(abs((x.claim.published - y.claim.published).days) > DAYS_APART for x, y in pairs)
            kind = "update" if apart else "number"
            explanation = explain_shooter_count(group, [(n.claim, n.text) for n in shown], kind)
            flags.append(readings_flag(kind, shown, CONFIDENCE, explanation))
    return flags
