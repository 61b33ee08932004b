"""A person's fate told in words by two outlets of one story: sought, held or dead; expected to live or
died; still in hospital or released.

No figure or status word carries these ("officers are still looking for the gunman" / "a man was held
Monday evening"), so each claim of a story is read for a few fixed states of one person: the story's
suspect (by a role word, an ordinal one such as "a second man", or a name), a named victim, or the hurt
as a group ("all five are expected to survive"). Two outlets disagree when they give one person states
that cannot both hold:

- custody: sought against held or dead, in reports of one day (sought, then held days later, is the story
  moving on; held, then sought days later, is as often a late copy of an earlier version);
- survival: expected to live against a later death of one of them (an ``update`` on a later day);
- hospital: all released against still in hospital, the hospital report of the same day or later.

A clash of one day is a ``polarity``; a forecast of survival that a later day's death undoes is an ``update``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Iterable

from ..records import Claim, Flag
from .ages import claims_by_story, story_surnames
from .base import Finding, make_flag, tells_of_another_incident
from .person_names import plain_name_words

CONFIDENCE = 0.6
ANYONE = "anyone"  # "no arrests have been made": no suspect is held
HURT = "hurt"  # the hurt of the story as a group ("all five", "both", "none of the injuries")
HURT_ONE = "hurt-one"  # one of the hurt, unnamed ("a man wounded in the shooting has died")

_ROLE = r"(?:gunman|shooter|suspect|killer|attacker|assailant|gunmen|shooters|suspects|man|woman|person)"
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5}
# A role word and what stands before it: an ordinal picks out one of several suspects, "other" or
# "one of" leaves open which.
_ROLE_WORD = re.compile(r"\b((?:\w+\s+){0,2}?)(" + _ROLE + r")\b(?!\s+(?:who\s+was|was)\s+(?:shot|hurt|wounded))",
                        re.I)
_VAGUE = re.compile(r"\b(?:other|another|one|additional|remaining|more|two|three|four|both|all|several|"
                    r"some)\b", re.I)
NEAR = 40  # the words this close before an arrest say whose it is ("the other two were taken into custody")
_SPEECH = re.compile(r"\b(?:said|says|say|told|according|confirmed|added|reported)\b", re.I)

# Custody of a suspect. A search is read only in the present ("are still looking for"): "officers were
# searching for the shooter" narrates the hour of the shooting, not the state at the report.
_SOUGHT = re.compile(
    r"\b(?:is|are|was|were|remains?|remained|still)\s+(?:still\s+)?(?:at\s+large|on\s+the\s+loose|outstanding|"
    r"being\s+sought|sought)\b(?!\s+until)|"
    r"\b(?:is|are|'re|still)\s+(?:still\s+)?(?:(?:working|trying)\s+to\s+)?(?:(?:looking|searching|hunting)\s+for|"
    r"(?:track(?:ing)?\s+down|find(?:ing)?|locat(?:e|ing)|identify(?:ing)?))\s+(?:the|a)\s+"
    r"(?:(?:second|third|lone)\s+)?(?:gunman|shooter|suspect|killer|attacker|man)\b", re.I)
# A held word negated is a person not held ("is not currently being held in custody", "has not been arrested").
_NOT_HELD = re.compile(r"\b(?:is|are|was|were|has|have)\s+not\s+(?:yet\s+)?(?:currently\s+)?(?:been\s+)?"
                       r"(?:being\s+held\s+in\s+custody|held\s+in\s+custody|in\s+custody|under\s+arrest|arrested)\b",
                       re.I)
_NO_ONE_HELD = re.compile(
    r"\bno\s+arrests?\s+(?:has|have|had|was|were)\s+(?:yet\s+)?been\s+made\b|\bmade\s+no\s+arrests?\b|"
    r"\b(?:no\s+one|nobody|no\s+suspects?)\s+(?:has|have|is|was|are|were)\s+(?:yet\s+|been\s+)*"
    r"(?:arrested|in\s+custody|detained)\b", re.I)
_HELD = re.compile(
    r"\b(?:was|were|is|are|been|has\s+been|have\s+been)\s+(?:later\s+)?(?:arrested|detained|apprehended|captured|"
    r"booked|taken\s+into\s+custody|in\s+custody)\b|"
    r"\b(?:turned\s+(?:himself|herself)\s+in|surrendered)\b|\bheld\s+(?:on|without|in)\b[^.;]{0,30}"
    r"\b(?:bond|bail|jail|custody|detention)\b|"
    r"\b(?:police|officers|deputies|troopers|agents|authorities)\s+(?:have\s+|later\s+)?(?:arrested|detained|"
    r"apprehended|captured)\s+(?:a|the)\b", re.I)
_DEAD_SUSPECT = re.compile(
    r"\b(?:shot\s+and\s+killed|killed|fatally\s+shot|shot\s+dead|gunned\s+down)\s+by\s+(?:police|officers|"
    r"deputies|troopers|agents|an?\s+(?:officer|deputy|trooper))\b|"
    r"\b(?:police|officers|deputies|troopers)\s+(?:shot\s+and\s+killed|killed|fatally\s+shot)\s+(?:the|a)\b|"
    r"\b(?:killed|fatally\s+shot|shot\s+and\s+killed)\s+(?:himself|herself)\b|\btook\s+(?:his|her)\s+own\s+life\b|"
    r"\bturned\s+the\s+gun\s+on\s+(?:himself|herself)\b", re.I)
# Arrests of the past or of another case: a record, a warrant, a history.
_NOT_THIS_ARREST = re.compile(r"\b(?:previously|prior|before|times|history|record|warrant|unrelated|since\s+(?:19|20)\d\d|"
                              r"in\s+(?:19|20)\d\d|could|may|might|would|will|if|whether|not|n't|never|until|ago|"
                              r"(?:this|last)\s+(?:spring|summer|fall|autumn|winter|year|month))\b", re.I)

# Survival of the hurt.
_FORECAST = re.compile(
    r"\b(?:expected|likely)\s+to\s+(?:survive|recover|live|be\s+ok(?:ay)?|pull\s+through)\b|"
    r"\bshould\s+(?:all\s+|both\s+)?(?:survive|recover)\b|\bnon[- ]life[- ]threatening\b|"
    r"\bnot\s+(?:considered\s+|believed\s+to\s+be\s+|thought\s+to\s+be\s+)?life[- ]threatening\b", re.I)
_GRIM = re.compile(r"\bnot\s+expected\b|\b(?:at\s+(?:that|the)\s+time|initially|at\s+first|were\s+thought|"
                   r"was\s+thought)\b", re.I)
_EVERY = re.compile(r"\b(?:all|both|none|everyone|each|every)\b", re.I)
# "Both have been released" is as often two of several hurt (two officers, when bystanders stay in hospital).
_ALL = re.compile(r"\b(?:all|everyone|each|every)\b", re.I)
_DIED_LATER = re.compile(
    r"\bhas\s+(?:since\s+)?died\b|\bhad\s+since\s+died\b|\bdied\s+(?:\w+\s+){0,3}(?:later|after\s+(?:being|he|she))\b|"
    r"\bsuccumbed\b|\bdied\s+(?:early\s+|late\s+)?(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)\b", re.I)
_ONE_OF_HURT = re.compile(
    r"\b(?:wounded|injured|hurt)\b|\bone\s+of\s+the\s+(?:victims|men|women|people|wounded)\b|"
    r"\b(?:second|third|fourth|fifth|sixth|seventh)\s+(?:victim|person|man|woman)\b", re.I)
_DOER = re.compile(r"\b(?:gunman|shooter|suspect|killer|attacker)\b", re.I)

# Hospital.
_RELEASED = re.compile(r"\b(?:treated\s+and\s+released|released\s+from\s+(?:the\s+|a\s+|area\s+|local\s+)?"
                       r"hospitals?|discharged\s+from)\b", re.I)
# Of one person only: "the three bystanders remain in the hospital" may be others than the ones released.
_IN_HOSPITAL = re.compile(
    r"\b(?:remains|remained|is|was|still)\s+(?:still\s+)?(?:hospitali[sz]ed|in\s+(?:the\s+)?hospital|"
    r"in\s+(?:critical|serious|grave|guarded)\b[^.;]{0,20}\bcondition)\b|\bstill\s+in\s+(?:critical|serious)\b", re.I)


@dataclass(frozen=True, slots=True)
class State:
    """One fixed state a claim gives one person: its axis, the state, whose it is, and its words."""

    claim: Claim
    axis: str  # custody, survival, hospital
    state: str  # sought, held, dead; forecast, died; released, in-hospital
    holder: str
    span: tuple[int, int]


def states(c: Claim, surnames: dict[str, set[tuple[str, ...]]] | None = None) -> list[State]:
    """The fates a claim gives, each with whose it is (a suspect key, a name key, the hurt as a group)."""
    text = c.text
    if tells_of_another_incident(text):
        return []
    surnames = surnames or {}
    out = []

    def add(axis: str, state: str, holder: str | None, m: re.Match) -> None:
        if holder:
            out.append(State(c, axis, state, holder, (c.start + m.start(), c.start + m.end())))

    for m in _NO_ONE_HELD.finditer(text):
        add("custody", "sought", ANYONE, m)
    sought = [*_SOUGHT.finditer(text), *_NOT_HELD.finditer(text)]
    held = [m for m in _HELD.finditer(text) if not _NOT_THIS_ARREST.search(text)]
    dead = list(_DEAD_SUSPECT.finditer(text))
    if sum(1 for x in (sought, held, dead) if x) == 1:  # a sentence giving two states is of two people
        for state, found in (("sought", sought), ("held", held), ("dead", dead)):
            for m in found:
                add("custody", state, _suspect(c, m, surnames), m)
    m = _FORECAST.search(text)
    if m and not _GRIM.search(text):
        add("survival", "forecast", _hurt_holder(c, m, surnames, group=_EVERY.search(text) is not None), m)
    m = _DIED_LATER.search(text)
    if m and not _DOER.search(text):
        holder = _name_near(c, m, surnames) or (HURT_ONE if _ONE_OF_HURT.search(text) else None)
        add("survival", "died", holder, m)
    m = _RELEASED.search(text)
    if m and not re.search(r"\b(?:not|n't|yet)\b", text[:m.start()]):
        add("hospital", "released", _hurt_holder(c, m, surnames, group=_ALL.search(text) is not None), m)
    m = _IN_HOSPITAL.search(text)
    if m and not _DOER.search(text) and not _RELEASED.search(text):
        add("hospital", "in-hospital", _name_near(c, m, surnames) or HURT_ONE, m)
    return out


def _name_key(words: tuple[str, ...], surnames: dict[str, set[tuple[str, ...]]]) -> str:
    """A person's key: the surname when one person of the story bears it, else the whole name."""
    if words and len(surnames.get(words[-1], ())) <= 1:
        return "name:" + words[-1]
    return "name:" + " ".join(words)


def _name_near(c: Claim, m: re.Match, surnames) -> str | None:
    """The person named closest before the state words (else just after), not a speaker."""
    before = [e for e in c.entities if e.label == "PERSON" and e.end - c.start <= m.start()
              and m.start() - (e.end - c.start) <= 60]
    after = [e for e in c.entities if e.label == "PERSON" and e.start - c.start >= m.end()
             and (e.start - c.start) - m.end() <= 40]
    for e in sorted(before, key=lambda e: -e.end) + after:
        gap = c.text[e.end - c.start:m.start()] if e.end - c.start <= m.start() else ""
        if _SPEECH.search(gap) or _SPEECH.match(c.text[e.end - c.start:].lstrip()):
            continue
        words = tuple(plain_name_words(e.text))
        if words:
            return _name_key(words, surnames)
    return None


def _suspect(c: Claim, m: re.Match, surnames) -> str | None:
    """Whose custody a state gives: a named person, else the role word closest before the state words (one
    picked out by an ordinal is its own person; "the other" or "one of" is none), else, for an arrest that
    names no one, the story's suspect."""
    name = _name_near(c, m, surnames)
    if name:
        return name
    head = c.text[:m.start()]
    roles = list(_ROLE_WORD.finditer(head)) or list(_ROLE_WORD.finditer(m.group(0)))
    role = roles[-1] if roles else None
    if role is None:
        # An arrest said of no one is of the story's suspect; a death needs its role word (children shoot
        # themselves by accident in these stories too).
        return "suspect" if m.re in (_HELD, _NOT_HELD) and not _VAGUE.search(head[-NEAR:]) else None
    lead, noun = role.group(1).casefold(), role.group(2).casefold()
    for word, n in _ORDINALS.items():
        if word in lead:
            return f"suspect-{n}"
    if _VAGUE.search(lead) or noun.endswith("s") and noun not in ("suspects",) or noun == "suspects" \
            or noun.endswith("men"):
        return None
    return "suspect"


def _hurt_holder(c: Claim, m: re.Match, surnames, *, group: bool) -> str | None:
    """Whom a forecast or a release is said of: a named person, else the hurt as a group when the sentence
    says all of them ("all five", "both", "none of the injuries")."""
    name = _name_near(c, m, surnames)
    if name:
        return name
    return HURT if group and not _DOER.search(c.text) else None


def _clash(a: State, b: State) -> str | None:
    """The finding type of two states of one person from two reports, ``a`` the earlier; None when they
    can both hold (or the later one is the story moving on)."""
    days = (b.claim.published.date() - a.claim.published.date()).days
    pair = {a.state, b.state}
    if a.axis == "custody" and "sought" in pair and pair & {"held", "dead"}:
        # Only of one day: sought, then held days later, is the story moving on, and a report dated after
        # an arrest that still tells of the search is as often a copy of an earlier version.
        return "polarity" if days == 0 else None
    if a.axis == "survival" and a.state == "forecast" and b.state == "died":
        return "update" if days >= 1 else "polarity"
    if a.axis == "hospital" and a.state == "released" and b.state == "in-hospital":
        return "polarity"
    if a.axis == "hospital" and days == 0 and pair == {"released", "in-hospital"}:
        return "polarity"
    return None


def _same_holder(a: State, b: State) -> bool:
    """The two states are of one person: one key, or no one held against any one held."""
    if a.holder == b.holder:
        return True
    if a.axis == "custody":
        return ANYONE in (a.holder, b.holder) and "held" in (a.state, b.state)
    return HURT in (a.holder, b.holder) and HURT_ONE in (a.holder, b.holder) or \
        HURT in (a.holder, b.holder) and (a.holder.startswith("name:") or b.holder.startswith("name:"))


def _as_suspect(rows: list[State]) -> list[State]:
    """The rows, with the custody of the one person the story names as held or dead read also as the
    suspect's: "Ann Roe was arrested" is the arrest of the shooter others still seek. With two such names
    no one of them is the suspect."""
    named = {s.holder for s in rows if s.axis == "custody" and s.state != "sought" and s.holder.startswith("name:")}
    if len(named) != 1:
        return rows
    return rows + [replace(s, holder="suspect") for s in rows if s.axis == "custody" and s.holder in named]


def _torn(rows: list[State]) -> set[tuple[str, str, str]]:
    """(article, axis, holder) where the article itself gives the holder two clashing states: it tells the
    change, or of two people, and its side is left out."""
    out = set()
    for a in rows:
        for b in rows:
            if a.claim.article_id == b.claim.article_id and a.axis == b.axis and a.state != b.state \
                    and _same_holder(a, b):
                out.add((a.claim.article_id, a.axis, a.holder))
                out.add((b.claim.article_id, b.axis, b.holder))
    return out


# The state an outlet is odd in giving, once the others are told: a flag is made once per article that
# gives it, against the closest report of the other state.
_ODD = {"custody": "sought", "survival": "died", "hospital": "in-hospital"}


def fate_findings(claims: Iterable[Claim]) -> list[Finding]:
    """One finding per article that gives a person a state clashing with another outlet's report of them
    (``_ODD``), against the closest such report in time."""
    return [f for _, f in _axis_findings(claims)]


def _axis_findings(claims: Iterable[Claim]) -> list[tuple[str, Finding]]:
    """``fate_findings`` with the axis of each (custody, survival, hospital)."""
    claims = list(claims)
    surnames = story_surnames(claims)
    rows = _as_suspect([s for c in claims for s in states(c, surnames)])
    torn = _torn(rows)
    rows = [s for s in rows if (s.claim.article_id, s.axis, s.holder) not in torn]
    best: dict[tuple[str, str], tuple[float, Finding]] = {}
    for a in rows:
        for b in rows:
            if a.claim.outlet == b.claim.outlet or a.axis != b.axis or (b.claim.published, b.claim.id) < (
                    a.claim.published, a.claim.id) or not _same_holder(a, b):
                continue
            kind = _clash(a, b)
            if kind is None:
                continue
            gap = abs((b.claim.published - a.claim.published).total_seconds())
            odd = a if a.state == _ODD[a.axis] else b
            key = (a.axis, odd.claim.article_id)
            if key not in best or gap < best[key][0]:
                best[key] = (gap, _finding(kind, a, b))
    return [(key[0], f) for key, (_, f) in best.items()]


def _finding(kind: str, a: State, b: State) -> Finding:
    def words(s: State) -> str:
        return s.claim.text[s.span[0] - s.claim.start:s.span[1] - s.claim.start]
    return Finding(kind, a.claim, b.claim, words(a), words(b), a.span, b.span, confidence=CONFIDENCE)


_WHOSE = {"custody": "a suspect's custody", "survival": "whether the hurt survive",
          "hospital": "whether the hurt are still in hospital"}


def fate_flags(claims: Iterable[Claim]) -> list[Flag]:
    """Flags of a person's fate told two ways, story by story, each explained in its own words."""
    return [replace(make_flag(f), explanation=explain_fate(axis, f))
            for story in claims_by_story(claims) for axis, f in _axis_findings(story)]


def explain_fate(axis: str, f: Finding) -> str:
    """What each report says of the person's fate, and whether the later one may be news since."""
    def who(c: Claim) -> str:
        return f"{c.outlet} ({c.published.date().isoformat()})"

    def quote(c: Claim) -> str:
        return "\u201c" + " ".join(c.text.split())[:160] + "\u201d"

    since = "the later report may tell of a change since" if f.type == "update" else "both cannot hold at once"
    return (f"Fate told two ways ({_WHOSE[axis]}): {who(f.a)} says \u201c{f.value_a}\u201d, {who(f.b)} says "
            f"\u201c{f.value_b}\u201d; {since}. {f.a.outlet}: {quote(f.a)} {f.b.outlet}: {quote(f.b)}")
