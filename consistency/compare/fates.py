"""The fate of the hurt told two ways by outlets of one story: expected to live against a later death; all
released from hospital against one still there.

No figure or status word carries these ("all four are expected to recover" / "one of the men hurt that
night has died"), so each claim of a story is read for a few fixed states of the hurt, as a group ("all
five", "both", "none of the injuries") or one of them (named, or "a man wounded in the shooting"):

- survival: expected to live against a death of one of them reported later, an ``update`` when the death
  is reported on a later day (the forecast did not hold, one flag per forecast against the first death told),
  a ``polarity`` on the same day; the hurt told alive beside others ("and two others were wounded") against one
  of them dying on a later day, an ``update``; a death told as the end of wounds ("died of his injuries", "died
  three days after he was shot") is of one of the hurt;
- hospital: all released against one still in hospital in a report of the same day or later, a
  ``polarity`` (one still in hospital, then all released days later, is the story moving on);
- place: a named person dead at the scene, on the way to a hospital, or in hospital, told two of these ways, a
  ``polarity`` (a sentence giving two places is read clause by clause; a bare surname, or a given name alone, one
  person of the story bears names them); in a story whose reports count one dead, an unnamed one dying is that
  one; the victims as a whole dying in one place ("the two victims ... where they died") stand against one person
  told by a noun alone dying in another ("the woman died at the scene");
- condition: gravely hurt ("in critical condition", "life-threatening injuries") against not ("stable",
  "non-life-threatening"), a ``polarity``, or an ``update`` when a condition called critical is called mild
  on a later day (injuries called life-threatening and then not are one judgement told two ways); a range
  ("injuries ranging from minor to critical") is said of some of the hurt, set only against all of them.

One hurt person may also be told by a noun alone ("the girl is expected to survive" / "a 4-year-old girl has
died"): the noun is the key, and only a death reported on a later day stands against the forecast.

A suspect's custody (sought / held / dead) was read the same way and taken out: on the tuning gold, reports of
one day that set a search against an arrest are "different moments" of a developing story, and a search
dated after an arrest is a late copy of an earlier version (bench/NOTES.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from ..records import Claim, Flag
from .ages import person_key, story_surnames
from ..lexicon import SEVERAL_COUNT
from .conditions import condition, is_range, is_status
from .base import (ALSO_CITED, ANY_DEATH, Finding, cited_beside, claims_by_story, evidence, make_flag,
                   tells_of_another_incident)
from .explain import explain_fate
from .person_names import one_given_name, plain_name_words
from .tolls import KILLED, article_tolls

CONFIDENCE = 0.6
HURT = "hurt"  # the hurt of the story as a group ("all five", "both", "none of the injuries")
HURT_ONE = "hurt-one"  # one of the hurt, unnamed ("a man wounded in the shooting has died")
HURT_COUNTED = "hurt-counted"  # the hurt counted as a subject ("three men were critically hurt"), maybe not all
HURT_SOME = "hurt-some"  # one of the hurt, unnamed, in a report that gives the hurt conditions both ways
THE_DEAD = "the-dead"  # the one dead of a story whose reports count one, told unnamed ("a man died at the scene")
DEAD_ALL = "dead-all"  # the victims as a whole, told dying in one place ("the two victims ... where they died")
SOLE = "one:"  # one person told by a noun alone ("the girl is expected to survive"), keyed on the noun

_SPEECH = re.compile(r"\b(?:said|says|say|told|according|confirmed|added|reported|explained|stated|noted|"
                     r"described)\b", re.I)
# A name followed by the office of one who speaks for others ("Lt. Ann Roe, a spokeswoman for the sheriff").
_SPOKESPERSON = re.compile(r"^,?\s+(?:an?|the)\s+(?:[\w.'-]+\s+){0,3}?spokes(?:man|woman|person)\b", re.I)

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
# The hurt told alive ("two others were wounded", "killing one man and leaving a teenage boy injured"), in words after
# which no death is told: against one of the hurt dying on a later day, the toll has since risen.
# One hurt person alone ("a man was injured") is left to later_deaths.py, which first makes sure no one else was hit.
_HURT_ONES = (r"(?:\s+(?:other\s+)?(?:[\w-]+\s+){0,2}?(?:people|persons|men|women|man|woman|boys?|girls?|teens?|teenagers?|"
              r"others|victims?|child|children))")
_HURT_ALIVE = re.compile(rf"\b(?:{SEVERAL_COUNT}|another){_HURT_ONES}\s+(?:were|was|are|is|have\s+been|has\s+been)\s+"
                         r"(?:also\s+)?(?:critically\s+|seriously\s+|badly\s+)?(?:wounded|injured|hurt)\b|"
                         rf"\b(?:and|while|leaving)\s+(?:{SEVERAL_COUNT}|an?|another){_HURT_ONES}\s+(?:wounded|injured|hurt)\b|"
                         rf"\b(?:and|while)\s+(?:wounded|injured|wounding|injuring)\s+(?:{SEVERAL_COUNT}|an?)\b", re.I)
# A death told as the end of wounds ("died of his injuries", "died three days after he was shot") is of one who
# lived through the shooting, one of the hurt, not one killed outright.
_ONE_OF_HURT = re.compile(
    r"\b(?:wounded|injured|hurt|injuries|wounds)\b|\bone\s+of\s+the\s+(?:victims|men|women|people|wounded)\b|"
    r"\b(?:second|third|fourth|fifth|sixth|seventh)\s+(?:victim|person|man|woman)\b|"
    r"\b(?:days?|weeks?|months?)\s+(?:later|after\s+(?:he|she|being)\s+(?:was\s+)?shot)\b", re.I)
_DOER = re.compile(r"\b(?:gunman|shooter|suspect|killer|attacker)\b", re.I)
# The surviving hurt counted ("two of whom", "the four other victims"): the group, when the article calls no one
# gravely hurt (else the count may leave out one in critical condition).
_COUNTED = re.compile(
    rf"\b(?:{SEVERAL_COUNT}\s+of\s+(?:whom|them)|(?:other|remaining)\s+{SEVERAL_COUNT}|{SEVERAL_COUNT}\s+"
    r"other\s+(?:victims|people|men|women|wounded))\b", re.I)
_GRAVE = re.compile(r"\b(?:critical|grave|serious)\s+condition\b|\bcritically\b|(?<!non-)(?<!non )(?<!not )"
                    r"\blife[- ]threatening\b", re.I)
# One hurt person told only by a noun opening the sentence ("The girl ...", "A 4-year-old girl has died"): the
# noun is the key, never one of several ("another", "the other", "a second").
_SOLE = re.compile(r"^(?:[^—]{0,60}—\s*)?(?:the|a|an)\s+"
                   r"(?:(?:\d+|[a-z]+)-(?:year|month)-old\s+|young\s+|little\s+)*"
                   r"(girl|boy|child|toddler|infant|baby|teenager|teen|man|woman|victim)\b(?!\s*['’]s)", re.I)
# The sex an unnamed one of the hurt is told by, when the sentence tells one only.
_SEX = {"f": re.compile(r"\b(?:she|her|woman|girl|daughter|mother|wife|sister|female)\b", re.I),
        "m": re.compile(r"\b(?:he|him|his|man|boy|son|father|husband|brother|male)\b", re.I)}
# One person told by an ordinal ("a fourth person was also shot"): one of the hurt, if of several.
_ORDINAL_ONE = re.compile(r"\b(?:an?|the)\s+(?:second|third|fourth|fifth|sixth)\s+(?:person|man|woman|victim)\b",
                          re.I)
_SEVERAL = re.compile(r"\b(?:other|others|another|second|third|fourth|both|all|one\s+of|remaining|two|three|four)\b",
                      re.I)

# Where a named person died: at the scene, or in hospital after being taken there ("pronounced dead at the
# hospital" is left out: the dead are often pronounced there).
_AT_SCENE = re.compile(r"\b(?:died|(?:pronounced|declared)\s+dead)\s+(?:at|on)\s+(?:the\s+)?scene\b|"
                       r"\bfound\s+(?:[A-Z][\w'.-]*\s+){1,3}dead\b|"
                       # dead before help came ("was dead when deputies arrived"): never taken anywhere
                       r"\b(?:was|were)\s+(?:already\s+)?dead\s+(?:when|by\s+the\s+time)\s+(?:[\w-]+\s+){1,4}?"
                       r"arrived\b")
_IN_HOSPITAL_DEATH = re.compile(
    r"\b(?:taken|transported|rushed|airlifted|flown)\s+to\s+[^.;]{0,60}?\bwhere\s+(?:he|she|they)\s+(?:later\s+)?"
    r"(?:died|succumbed)\b|\b(?:later\s+)?died\s+(?:later\s+)?at\s+(?:the\s+|a\s+)?(?:[\w.'&-]+\s+){0,5}"
    r"(?:hospital|medical\s+center)\b", re.I)
# Died before reaching a hospital ("died on the way to the hospital", "died en route"): not at the scene nor there.
_EN_ROUTE = re.compile(r"\bdied\s+(?:\w+\s+){0,2}?(?:on\s+the\s+way\s+to|en\s+route|"
                       r"while\s+being\s+(?:taken|transported|rushed|driven|flown)|"
                       r"before\s+(?:reaching|arriving|(?:he|she)\s+(?:reached|arrived|got)))\b", re.I)
# Where a sentence gives two places of death ("two died at the scene, while Roe died at a hospital"), each clause
# is read for its own.
_CLAUSE = re.compile(r";\s+|,\s+(?i:while|whereas|but|and)\s+|\s+(?:while|whereas|but|and)\s+(?=[A-Z])")
_PLACE_OF_DEATH = (("scene", _AT_SCENE), ("hospital", _IN_HOSPITAL_DEATH), ("en-route", _EN_ROUTE))

# The whole of the hurt ("all", "none of the victims", "all three"), never a part of them ("all but one", "none
# of their injuries" after a sentence on two of them).
_WHOLE = re.compile(r"\b(?:all|none|everyone|every|each|no\s+one|nobody)\b", re.I)
_PART = re.compile(r"\b(?:other|others|remaining|rest|except|another|they|them|their)\b|\ball\s+but\b", re.I)
# The hurt counted as the subject ("Three men ... received life-threatening injuries"): the whole of them.
_COUNT_SUBJECT = re.compile(rf"^(?:the\s+)?{SEVERAL_COUNT}\s+(?!of\b)(?:[\w-]+\s+){{0,2}}?(?:people|persons|men|women|"
                            r"victims|boys|girls|teens|teenagers|children)\b", re.I)
_PLURAL = re.compile(rf"\b(?:they|them|their|both|{SEVERAL_COUNT}(?!-)|people|victims|men|women|children|boys|girls|"
                     r"others)\b(?!['’]s)", re.I)  # not "a children's hospital"
# The hurt counted beside the dead ("one man died, while nine others suffered"), just before their condition.
_OTHERS_BESIDE_DEAD = re.compile(
    rf"{ANY_DEATH.pattern}[^.;]*?(?:\band|\bwhile|\bwith|,)\s+(?:the\s+)?{SEVERAL_COUNT}\s+(?:others|other\s+"
    r"(?:people|persons|men|women|victims))\b(?:(?!\b(?:and|while|but)\b)[^.;,]){0,60}$", re.I)
_PLACE_WORD = re.compile(r"\b(?:Hospital|Medical|General|Center|Clinic|Memorial)\b")

# Hospital.
_RELEASED = re.compile(r"\b(?:treated\s+and\s+released|released\s+from\s+(?:the\s+|a\s+|area\s+|local\s+)?"
                       r"hospitals?|discharged\s+from)\b", re.I)
# Of one person only: "the three bystanders remain in the hospital" may be others than the ones released.
_IN_HOSPITAL = re.compile(
    r"\b(?:remains|remained|is|was|still)\s+(?:still\s+|listed\s+)?(?:hospitali[sz]ed|in\s+(?:the\s+)?hospital|"
    r"in\s+(?:critical|serious|grave|guarded)\b[^.;]{0,20}\bcondition)\b|\bstill\s+in\s+(?:critical|serious)\b", re.I)


@dataclass(frozen=True, slots=True)
class State:
    """One fixed state a claim gives one person: its axis, the state, whose it is, and its words."""

    claim: Claim
    axis: str  # survival, hospital, place, condition
    state: str  # forecast, hurt, died; released, in-hospital; scene, hospital; grave, mild
    holder: str
    span: tuple[int, int]


def states(c: Claim, surnames: dict[str, set[tuple[str, ...]]] | None = None,
           grave: frozenset[str] = frozenset(), *, one_dead: bool = False) -> list[State]:
    """The fates a claim gives, each with whose it is (a name key, the hurt as a group, one of the hurt, one
    person told by a noun); ``grave``: articles that call someone gravely hurt; ``one_dead``: the story's
    reports count one dead, so an unnamed one dying is that one."""
    text = c.text
    if tells_of_another_incident(text):
        return []
    surnames = surnames or {}
    out = []

    def add(axis: str, state: str, holder: str | None, m: re.Match) -> None:
        if holder:
            out.append(State(c, axis, state, holder, (c.start + m.start(), c.start + m.end())))

    m = _FORECAST.search(text)
    if m and not _GRIM.search(text):
        group = _EVERY.search(text) is not None or (_COUNTED.search(text) is not None and c.article_id not in grave)
        add("survival", "forecast", _hurt_holder(c, m, surnames, group=group) or _sole(text), m)
    m = _HURT_ALIVE.search(text)
    if m and not ANY_DEATH.search(text, m.start()) and not _DOER.search(text):
        add("survival", "hurt", HURT, m)
    m = _DIED_LATER.search(text)
    if m and not _DOER.search(text):
        holder = _name_near(c, m, surnames) or _sole(text) or (HURT_ONE if _ONE_OF_HURT.search(text) else None)
        add("survival", "died", holder, m)
    if not _DOER.search(text):
        for state, m, span in _places_of_death(text):
            add("place", state, _only_name(c, surnames, span) or (
                THE_DEAD if one_dead and _one_dying(text[span[0]:m.start()]) else None) or _dying_told(
                text[span[0]:span[1]]), m)
    found = None if _DOER.search(text) else condition(text)
    if found and not ANY_DEATH.search(text, found[1].end()):  # not "in critical condition before he died"
        state, m = found
        add("condition", state, _condition_holder(c, m, surnames), m)
    m = _RELEASED.search(text)
    if m and not re.search(r"\b(?:not|n't|yet)\b", text[:m.start()]):
        add("hospital", "released", _hurt_holder(c, m, surnames, group=_ALL.search(text) is not None), m)
    m = _IN_HOSPITAL.search(text)
    if m and not _DOER.search(text) and not _RELEASED.search(text):
        add("hospital", "in-hospital", _name_near(c, m, surnames) or HURT_ONE, m)
    return out


# "One of the men was rushed to a hospital, where he died" tells of one man.
_ONE_OF_THEM = re.compile(r"\bone\s+of\s+(?:the\s+|them\b)?(?:\w+\b)?", re.I)
_ANOTHER = re.compile(r"\b(?:another|other|others|second|third|fourth|himself|herself|suicide)\b", re.I)


def _one_dying(head: str) -> bool:
    """The words before a place of death tell of one person dying, and not another than the first or the one
    who fired at himself."""
    head = _ONE_OF_THEM.sub("one", head)
    return not _PLURAL.search(head) and not _ANOTHER.search(head)


# The victims as a whole dying in one place ("the two victims were brought to a clinic, where they died").
_ALL_VICTIMS = re.compile(rf"^(?:all\s+(?:of\s+)?(?:the\s+)?|both\s+(?:of\s+the\s+)?|the\s+(?:{SEVERAL_COUNT}\s+)?)"
                          r"victims\b", re.I)


def _dying_told(clause: str) -> str | None:
    """Who an unnamed place of death is told of: the victims as a whole, or one person told by a noun alone."""
    if _ALL_VICTIMS.search(clause):
        return DEAD_ALL
    return None if _PLURAL.search(clause) else _sole(clause)


def one_death(claims: Sequence[Claim]) -> bool:
    """The story's reports count one dead: some count one killed, none another figure."""
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article_id, []).append(c)
    told = {tolls[KILLED].value for article in by_article.values() if KILLED in (tolls := article_tolls(article))}
    return told == {1}


def _places_of_death(text: str) -> list[tuple[str, re.Match, tuple[int, int]]]:
    """Each place of death a sentence tells with the span it is told in: the whole sentence when it tells one,
    else each clause that tells one."""
    found = _place_in(text, (0, len(text)))
    if found:
        return [found]
    cuts = [0] + [i for m in _CLAUSE.finditer(text) for i in (m.start(), m.end())] + [len(text)]
    clauses = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]
    return [found for span in clauses if (found := _place_in(text, span))] if len(clauses) > 1 else []


def _place_in(text: str, span: tuple[int, int]) -> tuple[str, re.Match, tuple[int, int]] | None:
    """The one place of death told within ``span`` of the text, none when it tells none or two."""
    found = [(state, m) for state, pattern in _PLACE_OF_DEATH if (m := pattern.search(text, *span))]
    return (found[0][0], found[0][1], span) if len(found) == 1 else None


def _condition_holder(c: Claim, m: re.Match, surnames) -> str | None:
    """Whose condition a sentence tells: some of the hurt (a range of conditions), the hurt counted ("three men"
    as the subject, "two others" beside the dead), a named person, the hurt as a whole ("none of the victims",
    "all three"), else one of them unnamed ("he", "the girl"); none for a part."""
    text = c.text
    if is_range(m.group()):
        return HURT_SOME  # "injuries ranging from minor to critical": not all of them are gravely hurt
    if _OTHERS_BESIDE_DEAD.search(text[:m.start()]):
        return HURT_COUNTED  # before any name: in "Ann Roe died, while two others ...", the two are the hurt
    if _COUNT_SUBJECT.search(text) and not _PART.search(text):
        return HURT_COUNTED  # before any name: "three men with Ann Roe were hurt" is the three
    name = _name_near(c, m, surnames)
    if name:
        return name
    if _PART.search(text):
        return None
    if _WHOLE.search(text):
        return HURT
    several = _PLURAL.search(text) or (_SEVERAL.search(text) and not _ORDINAL_ONE.search(text))
    if several:
        return None
    sexes = {sex for sex, words in _SEX.items() if words.search(text)}
    return HURT_ONE + (f":{sexes.pop()}" if len(sexes) == 1 else "")


def _sole(text: str) -> str | None:
    """The key of one hurt person told by the noun opening the sentence ("one:girl"), none when the
    sentence tells of several."""
    m = _SOLE.search(text)
    if not m or _SEVERAL.search(text) or _DOER.search(text):
        return None
    return SOLE + m.group(1).casefold().replace("teenager", "teen")


def _only_name(c: Claim, surnames, span: tuple[int, int] | None = None) -> str | None:
    """The key of the one person a sentence (or the ``span`` of it) names, speakers and hospitals tagged as people
    aside; none when it names several."""
    keys = set()
    for start, end, words in _names(c, surnames):
        if span and not (span[0] <= start and end <= span[1]):
            continue
        after = c.text[end:].split(None, 1)
        if _PLACE_WORD.search(" ".join([c.text[start:end]] + after[:1])) or \
                _SPEECH.match(c.text[end:].lstrip()) or _SPEECH.search(c.text[max(0, start - 12):start]):
            continue
        keys.add(_name_key(words, surnames))
    return keys.pop() if len(keys) == 1 else None


_CAPITALISED = re.compile(r"\b[A-Z][a-z'’-]+\b")


def _names(c: Claim, surnames) -> list[tuple[int, int, tuple[str, ...]]]:
    """The people a sentence names, with their spans in it: those tagged as people, and a bare surname that one
    person of the story bears, when the tagger missed it ("Roe died on the way ...")."""
    out = [(e.start - c.start, e.end - c.start, words) for e in c.entities
           if e.label == "PERSON" and (words := tuple(plain_name_words(e.text)))]
    tagged = [(e.start - c.start, e.end - c.start) for e in c.entities]
    for m in _CAPITALISED.finditer(c.text):
        word = m.group(0).casefold()
        if len(surnames.get(word, ())) == 1 and not any(lo <= m.start() < hi for lo, hi in tagged):
            out.append((m.start(), m.end(), (word,)))
    return out


def _name_key(words: tuple[str, ...], surnames: dict[str, set[tuple[str, ...]]]) -> str:
    """The key of a named person; a given name alone ("Pam") is the one person of the story who bears it."""
    if len(words) == 1 and words[0] not in surnames:
        people = {p for bearers in surnames.values() for p in bearers}
        # the name as written first: "Barry" is Barry Roe even beside a Barbara Roe
        bearers = {p for p in people if p[0] == words[0]} or {p for p in people if one_given_name(words[0], p[0])}
        if len(bearers) == 1:
            words = bearers.pop()
    return "name:" + person_key(words, surnames)


def _name_near(c: Claim, m: re.Match, surnames) -> str | None:
    """The person named closest before the state words (else just after), not a speaker."""
    before = [e for e in c.entities if e.label == "PERSON" and e.end - c.start <= m.start()
              and m.start() - (e.end - c.start) <= 60]
    after = [e for e in c.entities if e.label == "PERSON" and e.start - c.start >= m.end()
             and (e.start - c.start) - m.end() <= 40]
    for e in sorted(before, key=lambda e: -e.end) + after:
        if _PLACE_WORD.search(" ".join([e.text] + c.text[e.end - c.start:].split(None, 1)[:1])):
            continue  # a hospital tagged as a person
        gap = c.text[e.end - c.start:m.start()] if e.end - c.start <= m.start() else c.text[m.end():e.start - c.start]
        rest = c.text[e.end - c.start:]
        if _SPEECH.search(gap) or _SPEECH.match(rest.lstrip()) or _SPOKESPERSON.match(rest):
            continue
        words = tuple(plain_name_words(e.text))
        if words:
            return _name_key(words, surnames)
    return None


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
    if a.axis == "survival" and a.state == "hurt" and b.state == "died":
        return "update" if days >= 1 and b.holder != HURT else None
    if a.axis == "survival" and a.state == "forecast" and b.state == "died":
        if days < 1 and a.holder.startswith(SOLE):
            return None  # told by a noun alone, one forecast and a death the same day may be two people
        return "update" if days >= 1 else "polarity"
    if a.axis == "place" and a.state != b.state:
        return "polarity"
    if a.axis == "condition" and a.state != b.state:
        # A condition called critical and then mild days later may have changed; injuries called
        # life-threatening and then not are one judgement told two ways.
        return "update" if days >= 1 and a.state == "grave" and is_status(_words(a)) else "polarity"
    if a.axis == "hospital" and a.state == "released" and b.state == "in-hospital":
        return "polarity"
    if a.axis == "hospital" and days == 0 and {a.state, b.state} == {"released", "in-hospital"}:
        return "polarity"
    return None


def _same_holder(a: State, b: State) -> bool:
    """The two states are of one person: one key, or the hurt as a group against one of them (a named
    person only when the sentence says they were hurt: "Ann Roe died Sunday" may be the one killed outright);
    the hurt counted only against the group (four counted may be four of five)."""
    if a.holder == b.holder:
        return a.holder != HURT_SOME
    if DEAD_ALL in (a.holder, b.holder):  # one told by a noun alone is one of the victims
        return (b.holder if a.holder == DEAD_ALL else a.holder).startswith(SOLE)
    if {a.holder, b.holder} == {HURT, HURT_COUNTED}:
        return True
    if a.holder.startswith(HURT_ONE) and b.holder.startswith(HURT_ONE):
        return HURT_ONE in (a.holder, b.holder)  # "he" and "the girl" are two; "the child" is either
    group, one = (a, b) if a.holder == HURT else (b, a)
    return group.holder == HURT and (one.holder.startswith((HURT_ONE, HURT_SOME)) or one.holder.startswith(
        ("name:", SOLE)) and bool(_ONE_OF_HURT.search(one.claim.text)))


def _apart(rows: list[State], claims: list[Claim]) -> list[State]:
    """The states, with the unnamed one of the hurt of a report that gives the hurt conditions both ways (of
    anyone) told apart (``HURT_SOME``): "he is critical" there may be another than "he is stable" elsewhere."""
    told: dict[str, set[str]] = {}
    for c in claims:
        found = None if _DOER.search(c.text) else condition(c.text)
        if found:
            told.setdefault(c.article_id, set()).add(found[0])
    both = {a for a, kinds in told.items() if len(kinds) > 1}
    return [replace(s, holder=HURT_SOME) if s.axis == "condition" and s.holder.startswith(HURT_ONE)
            and s.claim.article_id in both else s for s in rows]


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
_ODD = {"survival": "died", "hospital": "in-hospital", "place": "scene", "condition": "grave"}


def fate_findings(claims: Iterable[Claim]) -> list[Finding]:
    """One finding per article that gives a person a state clashing with another outlet's report of them
    (``_ODD``), against the closest such report in time."""
    return [f for _, f in _axis_findings(claims)]


def _axis_findings(claims: Iterable[Claim]) -> list[tuple[str, Finding]]:
    """``fate_findings`` with the axis of each (survival, hospital)."""
    claims = list(claims)
    surnames = story_surnames(claims)
    grave = frozenset(c.article_id for c in claims if _GRAVE.search(c.text))
    lone = one_death(claims)
    rows = _apart([s for c in claims for s in states(c, surnames, grave, one_dead=lone)], claims)
    # A report of a death that recalls the first night's hurt tells the change itself: its death stands.
    dying = {s.claim.article_id for s in rows if s.state == "died"} | {
        c.article_id for c in claims if _DIED_LATER.search(c.text) and not _DOER.search(c.text)
        and not tells_of_another_incident(c.text)}
    rows = [s for s in rows if not (s.state == "hurt" and s.claim.article_id in dying)]
    torn = _torn(rows)
    rows = [s for s in rows if (s.claim.article_id, s.axis, s.holder) not in torn]
    # keyed (axis, article) or, for one outlet's reports of the hurt alive, (axis, outlet, state); ranked to match
    best: dict[tuple[str, ...], tuple[tuple[bool, float] | tuple[bool, float, float], Finding]] = {}
    for a in rows:
        for b in rows:
            if a.claim.outlet == b.claim.outlet or a.axis != b.axis or (b.claim.published, b.claim.id) < (
                    a.claim.published, a.claim.id) or not _same_holder(a, b):
                continue
            kind = _clash(a, b)
            if kind is None:
                continue
            gap = abs((b.claim.published - a.claim.published).total_seconds())
            # A forecast undone days later is the one report the update supersedes: one flag for it, against the
            # first death told, not one for each later report that recalls the death.
            superseded = kind == "update" and a.axis == "survival"
            odd = a if a.state == _ODD[a.axis] or superseded else b
            key = (a.axis, odd.claim.article_id)
            rank = (a.state == "hurt", gap)  # a forecast undone is the sharper news than a hurt person's death
            if superseded and a.state == "hurt":
                # One outlet's reports of the hurt alive are one word against the death: its first one stands.
                key = (a.axis, a.claim.outlet, a.state)
                rank = (True, a.claim.published.timestamp(), gap)
            if key not in best or rank < best[key][0]:
                best[key] = (rank, _finding(kind, a, b))
    return [(key[0], f) for key, (_, f) in best.items()]


def _words(s: State) -> str:
    return s.claim.text[s.span[0] - s.claim.start:s.span[1] - s.claim.start]


def _finding(kind: str, a: State, b: State) -> Finding:
    return Finding(kind, a.claim, b.claim, _words(a), _words(b), a.span, b.span, confidence=CONFIDENCE)


_WHOSE = {"survival": "whether the hurt survive", "place": "where the person died",
          "hospital": "whether the hurt are still in hospital", "condition": "how gravely the hurt are hurt"}


MAX_NAMED = 2  # sentences of the death's article that name who died, cited beside the death itself
_DIED = re.compile(r"\bdied\b", re.I)


def fate_flags(claims: Iterable[Claim]) -> list[Flag]:
    """Flags of a person's fate told two ways, story by story, each explained in its own words; a death
    told of "a man wounded there" is cited with its article's sentences that name who died."""
    flags = []
    for story in claims_by_story(claims):
        for axis, f in _axis_findings(story):
            named = _named_deaths(story, f.b) if axis == "survival" else []
            grave = _grave_hurt(story, f.a) if axis == "survival" and _HURT_ALIVE.search(f.a.text) else []
            flag = cited_beside(make_flag(f), (evidence(c, c.start, c.end) for c in (*grave, *named)))
            flags.append(replace(flag, explanation=explain_fate(_WHOSE[axis], f)))
    return flags


def _grave_hurt(story: list[Claim], hurt: Claim) -> list[Claim]:
    """Sentences of the report of the hurt alive that call one of them gravely hurt ("Ann Roe was in critical
    condition"): the one of the hurt whose death is likeliest the later news."""
    return [c for c in story if c.article_id == hurt.article_id and c.id != hurt.id and _GRAVE.search(c.text)
            and not ANY_DEATH.search(c.text) and not _DOER.search(c.text)
            and not tells_of_another_incident(c.text)][:ALSO_CITED]


def _named_deaths(story: list[Claim], death: Claim) -> list[Claim]:
    """Other sentences of the death's article that say a named person died."""
    return [c for c in story if c.article_id == death.article_id and c.id != death.id and _DIED.search(c.text)
            and any(e.label == "PERSON" for e in c.entities) and not _DOER.search(c.text)
            and not tells_of_another_incident(c.text)][:MAX_NAMED]
