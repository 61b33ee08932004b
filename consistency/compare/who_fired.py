"""Who fired told two ways by outlets of one story: a child "shot himself" in one report, "was shot by his
brother" (or "his father accidentally shot his son") in another.

Accidental shootings of children are often first told as self-inflicted and later, once police or prosecutors
have looked, as another person's shot (or the other way round). No figure, date or negation carries the
difference, so each sentence is read for one of two accounts of a child's wound:

- self: a child (boy, girl, toddler, son, a teen, an N-year-old) shot or wounded himself, herself or themselves,
  or had a self-inflicted gunshot wound; the last person told before it is that child (not "the girl's father");
- another: a child was shot by someone ("shot by his brother", "shot by another 8-year-old", "a third teen
  accidentally shot them", "the 3-year-old fired, striking the 5-year-old girl", "an uncle shot his nephew", "it
  was his uncle who shot him", "another child was responsible").

A sentence telling an account as withdrawn or disputed ("originally told", "initially denied", "instead said"),
or as a 911 caller's word ("told dispatchers the boy shot himself"), gives neither. Two outlets' accounts clash
when one is self and the other another's, unless the ages say the self-shooter is the other account's shooter (a
4-year-old who shot herself and her mother). Reports of one day are a ``polarity``; reports days apart an
``update`` (the later account has usually been through an investigation), as is any pair in a story where a
report tells one account as the first or a disputed one (the story itself says it moved on).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..records import Claim, Flag
from .base import claims_by_story, readings_flag, tells_of_another_incident
from .explain import explain_who_fired

CONFIDENCE = 0.6

_AGE = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|" \
       r"sixteen|seventeen)-(?:year|month)-old"
_CHILD = (rf"(?:boys?|girls?|child|children|toddlers?|infant|baby|sons?|daughters?|grandsons?|granddaughters?|teens?|"
          rf"teenagers?|youths?|{_AGE})")
_KIN = r"(?:son|daughter|brother|sister|sibling|child|grandson|granddaughter|cousin|nephew|niece)"
_SHOOTER = (r"(?:father|dad|mother|mom|stepfather|brother|sister|sibling|cousin|friend|playmate|grandfather|uncle|"
            r"youth|teen|teenager|boy|girl|child|relative|neighbor)")

SELF = re.compile(r"\b(?:shot|shoots?|shooting|wounded|wounding)\s+(?:himself|herself|themselves|themself|self)\b"
                  r"|\bself[- ]inflicted\s+(?:gunshot|gun\s+shot|shot|wound)", re.I)
# Each pattern with where it leaves the hurt child: told before it, the shooter inside ("was shot by his uncle"),
# "before"; inside it, the shooter before ("the 10-year-old shot his brother"), "inside"; untold, the shooter
# inside ("another child was responsible"), "untold".
_OTHERS = (
    # "an uncle shot his 3-year-old nephew by accident", "the older boy fatally shot his 5-year-old sister"
    (re.compile(rf"\bshot\s+(?:his|her|their)\s+(?:(?:little|younger|older|baby)\s+)?(?:{_AGE}\s+)?{_KIN}\b", re.I),
     "inside"),
    # "a third teen accidentally shot them", "accidentally shot the other two"
    (re.compile(r"\baccidentally\s+shot\s+(?:them|the\s+other(?:\s+\w+)?)\b", re.I), "inside"),
    # "the 3-year-old was wounded in the arm, shot by his uncle", "shot by another youth", "by another 8-year-old"
    (re.compile(rf"\bshot\s+(?:[\w-]+\s+){{0,4}}?by\s+(?:his|her|their|a|an|another|the)\s+(?:(?:older|younger)\s+)?"
                rf"(?:{_AGE}\s+{_SHOOTER}|{_SHOOTER}|{_AGE})\b", re.I), "before"),
    # "he said it was his uncle who shot him", "saying his cousin, 12, accidentally shot her", "my brother shot me"
    (re.compile(rf"\b(?:(?:his|her|their)\s+{_SHOOTER}\b[^.;]{{0,40}}?\bshot\s+(?:him|her|them)|my\s+{_SHOOTER}"
                rf"\s+shot\s+me)\b", re.I), "before"),
    # "said another young child was responsible", "another boy pulled the trigger"
    (re.compile(rf"\banother\s+(?:(?:young|little|older|younger)\s+)?{_CHILD}\s+(?:was\s+responsible|fired|"
                rf"pulled\s+the\s+trigger)\b", re.I), "untold"),
    # "the 3-year-old ... fired once, striking the 5-year-old girl"
    (re.compile(rf"\bfired\b[^.;]{{0,80}}?\bstriking\s+(?:the|a|an|his|her)\s+(?:{_AGE}\s+)?{_CHILD}\b", re.I),
     "inside"),
)
_CHILD_WORD = re.compile(rf"\b{_CHILD}\b", re.I)
_ADULT = re.compile(r"\b(?:man|woman|men|women|mother|father|adult|officer|deputy)\b", re.I)
_PERSON = re.compile(rf"{_CHILD_WORD.pattern}|{_ADULT.pattern}", re.I)
_POSSESSIVE = re.compile(r"['’]s\b")
# An account told as withdrawn, disputed or someone's claim against another: neither account is the report's.
_DISPUTED = re.compile(r"\b(?:originally|initially|first|earlier|at\s+first)\s+(?:\w+\s+)?(?:told|said|reported|"
                       r"believed|thought|claimed|denied)\b|\bdenied\b|\binstead\b|\bclaimed\b|\blied\b", re.I)
# A caller's account as the report retells it ("he told dispatchers the boy shot himself", "called police saying"):
# the first word of the call, not what the report or the police now tell.
_CALLER = re.compile(r"\b(?:told|telling)\s+(?:911\s+)?(?:dispatchers?|operators?)\b"
                     r"|\bcaller\s+(?:reported|said|told)\b"
                     r"|\bcall(?:ed|ing)\s+(?:911|police|authorities)\b[^.;]{0,60}?\bsaying\b", re.I)
_AGE_NUMBER = re.compile(r"\b(\d{1,2}|[a-z]+)-(?:year|month)-old\b", re.I)


@dataclass(frozen=True, eq=False)
class Account:
    """Who fired, as one sentence tells it."""

    claim: Claim
    kind: str  # self, another
    span: tuple[int, int]
    text: str
    victim_age: str | None  # the hurt child's age as written ("8"), when the sentence gives it
    shooter_age: str | None


def _age(m: re.Match | None) -> str | None:
    return m.group(1).casefold() if m else None


def _self_shooter_is_child(before: str) -> bool:
    """The last person told before "shot himself" is a child, and no one was shot by another on the way ("the
    girl's father shot himself", "a 48-year-old man", "a man who shot his son then shot himself" tell of no child's
    wound). A possessive ("found his mother's gun") names no one who fired."""
    people = [m for m in _PERSON.finditer(before) if not _POSSESSIVE.match(before, m.end())]
    if not people or not _CHILD_WORD.fullmatch(people[-1].group()):
        return False
    age = _AGE_NUMBER.fullmatch(people[-1].group())
    if age and age.group(1).isdigit() and int(age.group(1)) >= 18:
        return False
    return not any(rx.search(before) for rx, _ in _OTHERS)


def accounts(c: Claim) -> list[Account]:
    """The accounts of a child's wound a sentence gives: at most one."""
    text = c.text
    if tells_of_another_incident(text) or _DISPUTED.search(text) or _CALLER.search(text):
        return []
    m = SELF.search(text)
    if m and _self_shooter_is_child(text[:m.start()]):
        shooter = _AGE_NUMBER.search(text[:m.start()])
        return [Account(c, "self", (c.start + m.start(), c.start + m.end()), m.group(), None, _age(shooter))]
    for rx, hurt in _OTHERS:
        m = rx.search(text)
        if m is None:
            continue
        before, inside = text[:m.start()], m.group()
        # "A woman was shot by her daughter", "a man said his brother shot him": the hurt is no child
        if hurt == "before" and (_ADULT.search(before) or not _CHILD_WORD.search(before)):
            continue
        if hurt == "before":
            victim, shooter = _AGE_NUMBER.search(before), _AGE_NUMBER.search(inside)
        elif hurt == "untold":
            victim, shooter = None, _AGE_NUMBER.search(inside)
        else:
            shooter = _AGE_NUMBER.search(before)
            victim = _AGE_NUMBER.search(inside.split("striking")[-1] if "striking" in inside else inside)
        return [Account(c, "another", (c.start + m.start(), c.start + m.end()), inside, _age(victim), _age(shooter))]
    return []


def tells_a_withdrawn_account(c: Claim) -> bool:
    """The sentence tells an account of who fired as the first or a disputed one ("was originally reported as a
    self-inflicted wound", "initially told officers he accidentally shot his son"): its story has moved on."""
    text = c.text
    told = bool(SELF.search(text)) or any(rx.search(text) for rx, _ in _OTHERS)
    return told and bool(_DISPUTED.search(text)) and not tells_of_another_incident(text)


def _clash(s: Account, o: Account) -> bool:
    """A self account against another's: unless the ages tell the self-shooter is that account's shooter, or the
    two speak of children of two ages."""
    if o.victim_age and o.victim_age == o.shooter_age:  # "shot by another 8-year-old": ages cannot part the two
        return True
    if s.shooter_age and o.shooter_age and s.shooter_age == o.shooter_age:
        return False
    return not (s.shooter_age and o.victim_age and s.shooter_age != o.victim_age)


def who_fired_flags(claims: Iterable[Claim]) -> list[Flag]:
    """One flag per story whose outlets tell a child's wound as self-inflicted and as another's shot."""
    flags = []
    for story in claims_by_story(claims):
        first: dict[tuple[str, str], Account] = {}
        kinds: dict[str, set[str]] = {}
        withdrawn = any(tells_a_withdrawn_account(c) for c in story)
        for c in sorted(story, key=lambda c: (c.published, c.article_id, c.start)):
            for a in accounts(c):
                first.setdefault((c.article_id, a.kind), a)
                kinds.setdefault(c.article_id, set()).add(a.kind)
        # an article that gives both accounts tells the change itself
        rows = [a for (art, _), a in first.items() if len(kinds[art]) == 1]
        selfs = [a for a in rows if a.kind == "self"]
        others = [a for a in rows if a.kind == "another"]
        pairs = [(s, o) for s in selfs for o in others if s.claim.outlet != o.claim.outlet and _clash(s, o)]
        if not pairs:
            continue
        shown = sorted(dict.fromkeys(a for pair in pairs for a in pair),
                       key=lambda a: (a.claim.published, a.claim.article_id))
        days = {(abs((s.claim.published.date() - o.claim.published.date()).days)) for s, o in pairs}
        kind = "polarity" if 0 in days and not withdrawn else "update"
        explanation = explain_who_fired([(a.claim, a.text) for a in shown], kind)
        flags.append(readings_flag(kind, shown, CONFIDENCE, explanation))
    return flags
