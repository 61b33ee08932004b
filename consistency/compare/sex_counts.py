"""How many men and how many women were among one story's dead or hurt, counted two ways: "three women and two men
were found dead" in one report, "three men and two women" in another; "six men were shot" against "five men and a
woman were shot".

Such counts sit in sentences no aligned pair holds side by side, and the tolls read only how many, not who. Each
sentence is read for a group of people said wholly in men and women ("two men and a woman", "4 males", "one woman and
three men") that is the subject of a casualty verb ("were shot", "were found dead") or its object ("killing two men
and a woman", "left three women and two men dead"). The group is told hurt (shot, wounded, injured) or dead.

Only the same group is set side by side: one casualty, one total, so a part ("two of the men", "three other women",
"including two women") or a group beside others ("two men and a boy") is never read; a lone sex that the report
counts beside the other sex ("Two women were shot ... Three men were shot"), or a group unlike the report's own toll
of that casualty, is a part. A report that splits one group two ways is unsure of it and left out. Two reports are
set side by side when they are of one incident (within weeks, naming a person or a street in common).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Callable, Iterable, Sequence

from ..extract.quantities import SMALL_NUMBERS
from ..lexicon import WORDS_TO_TWELVE
from ..records import Claim, Flag
from .base import claims_by_story, readings_flag, tells_of_another_incident
from .explain import explain_sex_count
from .lone_ages import MAX_DAYS  # one incident's reports come within weeks
from .tolls import KILLED, SHOT, WOUNDED, Toll, article_tolls, named_in

CONFIDENCE = 0.55
DEAD, HURT = "dead", "hurt"

_COUNT = rf"(?:\d{{1,2}}|a|an|{WORDS_TO_TWELVE})"
_ADJ = r"(?:(?:young|older|adult|unidentified|unknown|black|white|hispanic)\s+)?"
_SEX = r"(?:m[ae]n|wom[ae]n|males?|females?)"
_PART = rf"{_COUNT}\s+{_ADJ}{_SEX}\b"
_GROUP = rf"(?P<group>{_PART}(?:\s*,?\s+and\s+{_PART})?)"
_DEATH = r"(?:killed|dead|slain|shot\s+(?:and\s+killed|dead|to\s+death)|fatally\s+shot|found\s+dead)"
_HURT = r"(?:shot|wounded|injured|hurt|struck|hit|shot\s+and\s+(?:wounded|injured))"
# The group as the subject of a casualty ("two men and a woman were shot", "Four males, all in their 20s, were
# wounded") or the one it was done to ("killing three men", "left two women and a man dead").
_SUBJECT = re.compile(rf"(?<![\w-]){_GROUP}(?P<aside>\s*,[^,.;]{{1,40}},)?\s+(?:who\s+)?(?:were|was|had\s+been|"
                      rf"have\s+been|are)\s+(?:all\s+|both\s+)?(?:critically\s+|seriously\s+)?"
                      rf"(?:(?P<dead>{_DEATH})|(?P<hurt>{_HURT}))\b", re.I)
_OBJECT = re.compile(rf"\b(?:(?P<dead_verb>killed|killing|kills)|(?P<hurt_verb>wounded|wounding|wounds|injured|"
                     rf"injuring|injures|shot|shooting|shoots)|(?P<left>left|leaving))\s+{_GROUP}"
                     rf"(?:\s+(?:(?P<dead>dead)|(?P<hurt>wounded|injured|hurt)))?\b", re.I)
# What shows the group is a part, or one of several: "two of the men", "three other women", "including two women",
# "among them a woman", "another man"; "the men and a boy" after or before the group.
_PART_BEFORE = re.compile(r"(?:\b(?:including|among\s+(?:them|those|the\s+\w+)|of\s+(?:the|them|whom|those)|other|"
                          r"another|more|additional|also|and|plus|besides|with)|\b(?:boys?|girls?|child(?:ren)?|"
                          r"teens?|teenagers?|m[ae]n|wom[ae]n|people|victims|others)\s*,)\s*$", re.I)
_PART_AFTER = re.compile(r"^\s*(?:of\b|,?\s*(?:and|plus|as\s+well\s+as|along\s+with|with)\s+(?:a|an|one|two|three|"
                         r"four|five|six|\d+|another|other|his|her|their|the)\b|"
                         r",\s*(?:a|an|one|two|three|\d+)\s)", re.I)
_HEDGE = re.compile(r"\b(?:possibly|perhaps|maybe|believed|thought|at\s+least|about|around|some|up\s+to|nearly|"
                    r"almost|more\s+than)\s*$", re.I)
_SEXES = {"man": "men", "men": "men", "male": "men", "males": "men",
          "woman": "women", "women": "women", "female": "women", "females": "women"}


@dataclass(frozen=True, eq=False, slots=True)
class SexCount:
    """How many men and women one sentence says were among the dead or the hurt."""

    claim: Claim
    casualty: str  # DEAD or HURT
    men: int
    women: int
    span: tuple[int, int]
    text: str

    @property
    def total(self) -> int:
        return self.men + self.women


def _number(word: str) -> int | None:
    word = word.casefold()
    if word in ("a", "an"):
        return 1
    return int(word) if word.isdigit() else SMALL_NUMBERS.get(word)


_SEX_PART = re.compile(rf"({_COUNT})\s+{_ADJ}({_SEX})\b", re.I)


def breakdown(group: str) -> tuple[int, int] | None:
    """(men, women) of a group said in men and women ("two men and a woman" -> (2, 1)); None when a sex is said
    twice or a count does not fit its noun ("a men")."""
    told: dict[str, int] = {}
    for m in _SEX_PART.finditer(group):
        n, noun = _number(m.group(1)), m.group(2).casefold()
        if n is None or n < 1 or (n == 1) != (noun in ("man", "woman", "male", "female")):
            return None
        sex = _SEXES[noun]
        if sex in told:
            return None
        told[sex] = n
    return (told.get("men", 0), told.get("women", 0)) if told else None


def counts(c: Claim) -> list[SexCount]:
    """The groups of men and women one sentence tells dead or hurt, as a whole."""
    text = c.text
    if tells_of_another_incident(text):
        return []
    out = []
    for pattern in (_SUBJECT, _OBJECT):
        for m in pattern.finditer(text):
            casualty = _casualty(m)
            group = m.group("group")
            start, end = m.start("group"), m.end("group")
            if casualty is None or _PART_BEFORE.search(text[:start]) or _HEDGE.search(text[:start]):
                continue
            if _PART_AFTER.match(text[end:]):
                continue  # "two men and a boy", "two men, a woman and a child": more people than the group
            told = breakdown(group)
            if told is None or sum(told) < 2:
                continue
            out.append(SexCount(c, casualty, *told, (c.start + m.start(), c.start + m.end()), text[m.start():m.end()]))
    return out


def _casualty(m: re.Match) -> str | None:
    named = m.groupdict()
    if named.get("dead") or named.get("dead_verb"):
        return DEAD
    if named.get("hurt") or named.get("hurt_verb"):
        return HURT
    return None  # "left two men" with no casualty after it


def article_counts(article: Sequence[Claim]) -> dict[tuple[str, int], SexCount]:
    """(casualty, total) -> the one breakdown an article gives of that group; a group it breaks down two ways is
    left out."""
    told = [n for c in article for n in counts(c)]
    if not told:
        return {}
    # "Two women were taken to hospitals. Three men were taken too": a lone sex beside the other one's count is a
    # part of the group, and so is a group smaller or larger than the report's own toll of that casualty
    both = {n.casualty for n in told if n.men} & {n.casualty for n in told if n.women}
    toll = article_tolls(article)
    found: dict[tuple[str, int], list[SexCount]] = {}
    for n in told:
        if n.casualty in both and not (n.men and n.women) or not _fits_toll(n, toll):
            continue
        found.setdefault((n.casualty, n.total), []).append(n)
    return {key: ns[0] for key, ns in found.items() if len({(n.men, n.women) for n in ns}) == 1}


def _fits_toll(n: SexCount, toll: dict[str, Toll]) -> bool:
    """The group is as large as the report's toll of its casualty, when the report's lead gives one."""
    kinds = (KILLED,) if n.casualty == DEAD else (SHOT, WOUNDED)
    given = [toll[k].value for k in kinds if k in toll]
    return not given or n.total in given


def sex_count_flags(claims: Iterable[Claim]) -> list[Flag]:
    """One flag per story and group where two outlets split the same dead or hurt into men and women two ways."""
    flags = []
    for story in claims_by_story(claims):
        articles: dict[str, list[Claim]] = {}
        for c in sorted(story, key=lambda c: (c.published, c.article_id, c.start)):
            articles.setdefault(c.article_id, []).append(c)
        named = cache(lambda article_id, articles=articles: named_in(articles[article_id]))
        told: dict[tuple[str, int], list[SexCount]] = {}
        for article in articles.values():
            for key, n in article_counts(article).items():
                told.setdefault(key, []).append(n)
        for (casualty, _), ns in told.items():
            pairs = [(x, y) for i, x in enumerate(ns) for y in ns[i + 1:] if _clash(x, y, named)]
            if not pairs:
                continue
            shown = list(dict.fromkeys(n for pair in pairs for n in pair))
            explanation = explain_sex_count(casualty, [(n.claim, n.text) for n in shown])
            flags.append(readings_flag("number", shown, CONFIDENCE, explanation))
    return flags


def _clash(x: SexCount, y: SexCount, named: Callable[[str], set[str]]) -> bool:
    """Two outlets' breakdowns of one group differ, in reports of one incident: within weeks, naming a person or a
    street in common (``named``: what an article names, by its id)."""
    if x.claim.outlet == y.claim.outlet or (x.men, x.women) == (y.men, y.women):
        return False
    if abs((x.claim.published - y.claim.published).days) > MAX_DAYS:
        return False
    return bool(named(x.claim.article_id) & named(y.claim.article_id))
