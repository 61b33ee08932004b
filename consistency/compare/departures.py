"""How a named person left a post, told two ways by outlets of one story: "Rowe, who resigned last year" / "the
president fired Rowe".

A resignation and a firing are one departure told as the person's own act or as another's, and a fact-checker
notes which it was. Each article is read for the named people it says resigned (stepped down, quit, tendered a
resignation) and those it says were fired (ousted, dismissed, sacked). "Fired" is read only with a named person as
what was fired ("fired Jim Rowe", "Rowe was fired", "after being fired ..., Rowe said"), never of shots. A person an
article gives both departures ("forced to resign", "fired, or resigned, as he tells it") is left out of that article,
and so is a departure denied ("was not fired", "denied he resigned"). Two outlets of one story that give one person
the two departures make a ``polarity`` flag.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from ..records import Claim, Flag
from .base import claims_by_story, readings_flag
from .explain import explain_departure
from .person_names import plain_name_words

CONFIDENCE = 0.6
RESIGNED, FIRED = "resigned", "fired"
_RESIGN_WORDS = r"(?:resigned|stepped\s+down|quit|(?:tendered|submitted|announced|offered)\s+(?:his|her)\s+resignation)"
_FIRE_WORDS = r"(?:fired|ousted|dismissed|sacked|axed|let\s+go)"
# After the name: "Rowe resigned", "Rowe, who resigned", "Rowe, the adviser who resigned", "Rowe had tendered his
# resignation", and across an appositive set off by a comma or a dash ("Rowe, the embattled adviser whose ... --
# had tendered his resignation").
_RESIGNED_AFTER = re.compile(rf"^\s*(?:,\s*(?:(?:the|a|an)\s+[^,.;]{{0,80}}?\s+)?who\s+)?(?:has\s+|had\s+|have\s+)?"
                             rf"{_RESIGN_WORDS}\b", re.I)
_RESIGNED_ACROSS = re.compile(rf"^\s*[,\u2014\u2013-][^.;!?]{{0,200}}?[,\u2014\u2013-]\s*(?:who\s+)?(?:has\s+|had\s+)?"
                              rf"{_RESIGN_WORDS}\b", re.I)
# Shots are fired "upon" a car or "from a" gun; a person is fired from a post ("from the FBI").
_FIRED_AFTER = re.compile(rf"^\s*(?:,[^,.;]{{0,80}},\s*)?(?:was|were|had\s+been|has\s+been|is\s+being|got)\s+"
                          rf"(?:abruptly\s+|summarily\s+|unceremoniously\s+)?{_FIRE_WORDS}\b"
                          r"(?!\s+(?:upon|on|at|into|toward|towards|from\s+(?:a|an)\b))", re.I)
# Before the name: "fired Jim Rowe", "firing Defense Secretary Jim Rowe" (title words only in between, so "fired
# at Rowe" and "fired shots" are not read), "after being fired from his post Friday, Rowe said".
_FIRED_BEFORE = re.compile(r"\b(?:fired|firing|ousted|ousting|dismissed|dismissing|sacked|sacking)\s+"
                           r"(?:[A-Z][\w.'\u2019-]*\s+){0,3}$")
# A firing weighed, not done ("considered firing Rowe", "threatened to fire"): the bare "fire" is never read.
_FIRING_WEIGHED = re.compile(r"\b(?:consider(?:s|ed|ing)?|threat(?:en|ens|ened|ening)|weigh(?:s|ed|ing)?|"
                             r"mull(?:s|ed|ing)?|against|about|talk\s+of)\s+(?:firing|ousting|dismissing|sacking)\s",
                             re.I)
_POSSESSIVE = re.compile(r"^['\u2019]s\b")
_FIRED_CLAUSE_BEFORE = re.compile(r"\b(?:after|since|before|days?\s+after|hours?\s+after)\s+(?:being|his|her)\s+"
                                  r"(?:fired|firing|ouster|dismissal|sacking)\b[^.;!?]{0,120},\s*$", re.I)
# The name is what a shot hit, not the one "fired": "the bullet that killed Rowe was fired in self-defense".
_HIT_BY = re.compile(r"\b(?:killed|shot|hit|struck|wounded|injured|at|toward|towards)\s+$", re.I)
_DENIED = re.compile(r"\b(?:not|n't|never|den(?:y|ied|ies)|refused\s+to|rather\s+than)\b", re.I)
_BOTH = re.compile(r"\bforced\s+(?:to\s+resign|out)\b|\bpushed\s+out\b|\basked\s+(?:him|her)\s+to\s+resign\b", re.I)


@dataclass(frozen=True, eq=False)
class Departure:
    """One sentence telling how a named person left."""

    claim: Claim
    span: tuple[int, int]  # article offsets of the words that tell it
    text: str
    person: str  # the surname, lower-cased
    how: str  # RESIGNED or FIRED


def departures(c: Claim) -> list[Departure]:
    """The departures a sentence tells of the named people in it."""
    if _BOTH.search(c.text):
        return []
    out = []
    for e in c.entities:
        if e.label != "PERSON" or not (words := plain_name_words(e.text)):
            continue
        s, t = e.start - c.start, e.end - c.start
        before, after = c.text[:s], c.text[t:]
        for how, match in ((RESIGNED, _RESIGNED_AFTER.match(after) or _RESIGNED_ACROSS.match(after)),
                           (FIRED, None if _HIT_BY.search(before) else _FIRED_AFTER.match(after))):
            if match and not _DENIED.search(match.group(0)) and not _DENIED.search(before[-30:]):
                end = e.end + match.end()
                out.append(Departure(c, (e.start, end), c.text[s:t + match.end()].strip(), words[-1], how))
        if _POSSESSIVE.match(after):
            continue  # "fired Rowe's gun": the name is the owner, not the one fired
        for match in (_FIRED_BEFORE.search(before), _FIRED_CLAUSE_BEFORE.search(before)):
            lead = before[max(0, match.start() - 30):] if match else ""
            if match and not _DENIED.search(lead) and not _FIRING_WEIGHED.search(lead):
                start = c.start + match.start()
                out.append(Departure(c, (start, e.end), c.text[match.start():t].strip(), words[-1], FIRED))
    return out


def departure_flags(claims: Iterable[Claim]) -> list[Flag]:
    """One ``polarity`` flag per person of a story whom one outlet tells resigned and another tells fired."""
    flags = []
    for story in claims_by_story(claims):
        by_article: dict[str, list[Departure]] = defaultdict(list)
        for c in sorted(story, key=lambda c: (c.published, c.article_id, c.start)):
            by_article[c.article_id].extend(departures(c))
        told: dict[str, dict[str, Departure]] = defaultdict(dict)  # person -> outlet -> its first telling
        for rows in by_article.values():
            for person in dict.fromkeys(d.person for d in rows):
                mine = [d for d in rows if d.person == person]
                if len({d.how for d in mine}) == 1 and mine[0].claim.outlet not in told[person]:
                    told[person][mine[0].claim.outlet] = mine[0]
        for person, by_outlet in told.items():
            if len({d.how for d in by_outlet.values()}) == 2:
                shown = list(by_outlet.values())
                flags.append(readings_flag("polarity", shown, CONFIDENCE,
                                           explain_departure([(d.claim, d.text) for d in shown])))
    return flags
