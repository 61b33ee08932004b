"""The one person hit told alive in grave condition, then dead in a report of a later day: an ``update``.

"A boy, 9, was shot and is in critical condition" on Friday, "the boy shot Friday has died" on Sunday. Neither
report names a figure or a forecast, so neither tolls nor fates read it, and the death is often told without the
name or age the first report gave. Who died is clear only when the incident hit one person, so both reports must
tell of one person hit:

- the grave report calls someone critically hurt (critical or grave condition, fighting for their life, on life
  support) and tells no death at all;
- the death report tells a death ("has died", "passed away", "fatal shooting") outside sentences about the doer
  or about another incident;
- neither report tells of several hurt ("victims", "double shooting", "two people were shot", "another victim"),
  nor gives a count of two or more of the hurt;
- the two share a person named in full or an age, unless one of them gives none to tell them apart by (a story
  may group two shootings of one kind in one city).

A report that tells the one hit declared brain-dead (kept on life support) and no death stands between the two:
dead against an earlier grave report, alive against a later death report; one taken off life support is dead. A
death told months or years back ("her mother died months ago") is of someone else.

A report that tells the one hit alive against earlier reports of the death ("despite earlier reports that the boy
had died, he is still fighting for his life") stands against a death report of another outlet of its day or
before: an ``update`` too, the later word correcting the earlier.

One flag per story: the earlier report and the later report of another outlet closest in time, each cited by its
sentence that tells the state and up to two more that tell it again.

A story of several hurt is read person by person instead: a sentence that tells one critically hurt ("Ann and Tom
are in critical condition", "her husband is in critical condition") and a sentence of a later day that tells one
dead ("Ann Roe died Tuesday", "husband ... dies in hospital") are of one person only when both open on the same
name (a name one of them gives whole and the other in part, if no other person of the story bears that part) or on
the same kin word, with no word of a shooting or a speaker between, and neither report tells that person both ways.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from ..lexicon import SEVERAL_COUNT
from ..records import Claim, Flag
from .ages import FEMALE_KIN, MALE_KIN, age_mentions
from .base import ALSO_CITED, ANY_DEATH, Finding, claims_by_story, cited_beside, evidence, make_flag, \
    tells_of_another_incident
from .explain import explain_corrected_death, explain_later_death
from .person_names import plain_name_words
from .tolls import article_tolls, named_in

CONFIDENCE = 0.6

# Gravely hurt and alive; the sentence that tells the state ("remains in critical condition") is cited before one
# that tells the hurt ("was critically injured").
_GRAVE = (re.compile(
    r"\b(?:critical|grave|extremely\s+critical)\s+(?:but\s+stable\s+)?condition\b|"
    r"\bfighting\s+for\s+(?:his|her|their)\s+li(?:fe|ves)\b|\bon\s+life\s+support\b", re.I),
    re.compile(r"\bcritically\s+(?:injured|wounded|hurt)\b", re.I))
# The person hit is dead: a death said of them, not a word of the charge or the investigation alone; the
# sentence that tells the death itself ("died Monday") is cited before one that only recalls it ("fatally shot").
_DIED = (re.compile(r"\b(?:has|have|had)\s+(?:since\s+)?(?:died|passed\s+away|succumbed)\b", re.I),
         re.compile(r"\bdied\b|\bdies\b|\bpass(?:ed|es)\s+away\b|\bsuccumbed\b|"
                    r"\b(?:claimed|took)\s+(?:the\s+)?life\s+of\b|"
                    r"\b(?:was|were|has\s+been|had\s+been)\s+(?:taken|removed)\s+(?:off|from)\s+life\s+support\b",
                    re.I),
         re.compile(r"\b(?:pronounced|declared)\s+dead\b", re.I),
         re.compile(r"\bfatal(?:ly)?\s+(?:shot|shooting|wounded)\b|\bwas\s+killed\b", re.I))
# Declared brain-dead and kept on life support: dead against an earlier report of grave condition, alive against a
# later report of the death (a "pronounced dead" beside it is the declaration of brain death, often a report it
# corrects).
_BRAIN_DEAD = re.compile(r"\bbrain[- ]dead\b", re.I)
# A death told months or years back ("her mother died just months ago") is not the death of the one hit.
_LONG_AGO = re.compile(r"\b(?:died|passed(?:\s+away)?)\s+(?:\w+\s+){0,3}?(?:months|years)\s+ago\b", re.I)
# A death told as a report since found wrong ("despite earlier reports that the boy had died, he is still fighting
# for his life"; "Police said the girl had died. That statement has since been corrected."), in its sentence or the
# next: the report that says so tells the one hit alive.
_RETRACTED = re.compile(
    r"\b(?:despite|contrary\s+to)\s+(?:the\s+)?(?:earlier|initial|previous|first)\s+reports?\b|"
    r"\b(?:erroneous(?:ly)?|incorrect(?:ly)?|wrongly|mistakenly\s+(?:said|reported|announced|told))\b|"
    r"\b(?:was|were|been)\s+(?:since\s+)?(?:corrected|retracted)\b|"
    r"\b(?:is|remains|she['’]s|he['’]s)\s+(?:still\s+)?alive\b|\bnot\s+dead\b", re.I)
# A death told as what may come ("charges will be filed if the boy dies") has not happened.
_IF_DIES = re.compile(r"\b(?:if|should|unless|could|may|might|whether)\b[^.;]{0,40}?\b(?:dies|die)\b", re.I)
_ORDER = {"grave": 0, "brain-dead": 1, "dead": 2}
# "Suspect" as what the police do ("injuries that authorities suspect were self-inflicted") tells no doer.
_DOER = re.compile(r"\b(?:gunman|shooter|(?<!authorities\s)(?<!police\s)(?<!investigators\s)(?<!officials\s)"
                   r"(?<!they\s)(?<!detectives\s)suspect|killer|attacker|assailant)s?\b", re.I)
# A figure after "shot" or "killed" that counts no people: the shots ("shot five times"), the time since ("shot two
# weeks ago") or the age of the one hit ("killing 22-year-old ...").
_NOT_PEOPLE = r"[\s-]+(?:times?|rounds?|shots|bullets|minutes?|hours?|days?|weeks?|months?|years?)\b"
# Several hurt: the one hurt person of one report may then be another than the dead of the other.
_SEVERAL = re.compile(
    r"\bvictims\b|\b(?:double|triple|quadruple|mass)\s+(?:shooting|homicide|murder)s?\b|"
    r"\b(?:another|second|third|other)\s+victim\b|\bsurvivors?\b|"
    rf"\b{SEVERAL_COUNT}\s+(?:\w+\s+)?(?:people|persons|men|women|teens|teenagers|boys|girls|children|kids|others)\s+"
    r"(?:were\s+|had\s+been\s+|have\s+been\s+)?(?:shot|wounded|injured|hurt|killed|dead)\b|"
    rf"\b(?:shot|wounded|injured|killed|killing|wounding|injuring)\s+{SEVERAL_COUNT}\b(?!{_NOT_PEOPLE})|"
    r"\bboth\s+(?:victims|were|are)\b|\b(?:claimed|took)\s+(?:the\s+)?lives\s+of\b", re.I)

# Another person is one more hurt only in a sentence of harm ("another man was wounded"), not a witness ("the
# father of another teen present").
_ANOTHER = re.compile(r"\b(?:another|second|third|other)\s+(?:person|man|woman|boy|girl|teen|child)\b", re.I)
_HARM = re.compile(r"\b(?:shot|shooting|wounded|injured|hurt|killed|struck|hit|hospitali[sz]ed|died|dead)\b", re.I)


@dataclass(frozen=True, slots=True)
class _Report:
    """One article's word on the one person hit: grave (alive) or dead, and the sentence that says so."""

    claim: Claim
    state: str  # grave, brain-dead, dead
    span: tuple[int, int]
    corrects: bool = False  # the report tells the one hit alive against earlier reports of the death


def _report(article: Sequence[Claim]) -> _Report | None:
    """The article's state of the one person hit, none when it tells of several or of neither state."""
    text = " ".join(c.text for c in article)
    if _SEVERAL.search(text) or any(t.value >= 2 for t in article_tolls(article).values()) or \
            any(_ANOTHER.search(c.text) and _HARM.search(c.text) for c in article):
        return None
    told = [c for c in article if not tells_of_another_incident(c.text) and not _LONG_AGO.search(c.text)]
    retracted = {c.id for c in article if _DIED[1].search(c.text)} & _retracted(article)
    dying = [c for c in told if c.id not in retracted and not _IF_DIES.search(c.text)]
    if not any(p.search(c.text) for p in _DIED[:2] for c in dying):
        for c in told:
            m = _BRAIN_DEAD.search(c.text)
            if m and not _DOER.search(c.text):
                return _Report(c, "brain-dead", (c.start + m.start(), c.start + m.end()))
    if not any(ANY_DEATH.search(c.text) or _DIED[1].search(c.text) for c in dying):
        # A report that corrects a death is cited by the sentences that tell the correction first.
        correction_first = {c.id for before, c in zip([None, *article[:-1]], article) if c.id in retracted or (
            before is not None and before.id in retracted)}
        for pattern in _GRAVE:
            for c in sorted(told, key=lambda c: c.id not in correction_first):
                m = pattern.search(c.text)
                if m:
                    return _Report(c, "grave", (c.start + m.start(), c.start + m.end()), bool(retracted))
        return None
    for pattern in _DIED:
        for c in dying:
            m = pattern.search(c.text)
            if m and not _DOER.search(c.text):
                return _Report(c, "dead", (c.start + m.start(), c.start + m.end()))
    return None


def later_death_flags(claims: Iterable[Claim], flagged: Sequence[Flag] = ()) -> list[Flag]:
    """One ``update`` per story whose one person hit is told in grave condition, then dead on a later day, or dead,
    then alive by a report that corrects the death (``flagged``: flags so far; a later report one of them already
    cites is left out)."""
    told = {e.article_id for f in flagged if f.type in ("update", "polarity") for e in f.evidence}
    flags = []
    for story in claims_by_story(claims):
        by_article: dict[str, list[Claim]] = defaultdict(list)
        for c in sorted(story, key=lambda c: c.start):
            by_article[c.article_id].append(c)
        reports = {a: r for a, cs in by_article.items() if (r := _report(cs)) is not None}
        told_of = {a: _told_of(by_article[a]) for a in reports}
        best: tuple | None = None
        for a, first in reports.items():
            for b, then in reports.items():
                if b in told or first.claim.outlet == then.claim.outlet or not _one_incident(told_of[a], told_of[b]) \
                        or not (_later_news(first, then) or _corrected(first, then)):
                    continue
                gap = abs((then.claim.published - first.claim.published).total_seconds())
                key = (gap, first.claim.id, then.claim.id)
                if best is None or key < best[0]:
                    best = (key, first, then)
        if best is not None:
            first, then = best[1], best[2]
            also = _also(by_article[first.claim.article_id], first, _told_state(first)) + \
                _also(by_article[then.claim.article_id], then, _told_state(then))
        elif (found := _person_later_death(by_article, told)) is not None:
            first, then, also = found
        else:
            continue
        flags.append(cited_beside(_flag(first, then), (evidence(c, c.start, c.end) for c in also)))
    return flags


# One person of several told by kin ("her husband", "the mom"); "boy" and "girl" may be any of several children.
_KIN = {w: {"mom": "mother", "dad": "father"}.get(w, w) for w in (MALE_KIN | FEMALE_KIN) - {"boy", "girl"}}
_KIN_WORD = re.compile(r"\b(?:" + "|".join(sorted(_KIN, key=len, reverse=True)) + r")\b", re.I)
_SPEAKER = re.compile(r"\b(?:said|says|say|told|according\s+to|announced|reported|confirmed|added|stated)\b", re.I)
# Where the words that open on the one the state is told of end: a clause ("the man who killed his wife died"), a
# doing ("suspected of slaying his wife"), an agent ("shot by Tom Roe"), a place ("in critical condition").
_HEAD_END = re.compile(r"\b(?:who|whom|whose|that|which|of|by|with|after|before|when|while|as|in|at)\b", re.I)
# A shooting told of someone before the state: the state may be of the one shot ("Tom Roe shot Ann, who is in
# critical condition").
_SHOOTING = re.compile(r"(?<!\bof\s)\b(?:shot|shoots|fired|killed|kills|murdered|stabbed|slew|attacked)\b", re.I)
_CAPITAL = re.compile(r"\b[A-Z][\w'’-]*")
_POSSESSIVE = re.compile(r"(?:\b[A-Z][\w-]*\s+)*[A-Z][\w-]*['’]s\b")  # "Ann Roe's husband" is not Ann Roe


@dataclass(frozen=True, slots=True)
class _Told:
    """One person's state in one sentence, keyed by name words (``name``) or kin word (``kin``)."""

    report: _Report
    key: tuple[str, tuple[str, ...]] | None  # none when the sentence opens on no one it names or calls by kin


def _person_later_death(by_article: dict[str, list[Claim]], told: set[str]) \
        -> tuple[_Report, _Report, list[Claim]] | None:
    """In a story of several hurt, the closest pair of a person told gravely hurt and of the same person told dead by
    another outlet on a later day, with the other sentences of each that tell that person so."""
    names = {tuple(w) for cs in by_article.values() for c in cs for e in c.entities
             if e.label == "PERSON" and (w := plain_name_words(e.text))}
    persons = {a: _persons(cs, names) for a, cs in by_article.items()}
    told_by = {a: [t for t in ts if t.key is not None] for a, ts in persons.items()}
    best: tuple | None = None
    for a, xs in told_by.items():
        for b, ys in told_by.items():
            for x in xs:
                for y in ys:
                    first, then = x.report, y.report
                    if b in told or first.state != "grave" or then.state != "dead" \
                            or first.claim.outlet == then.claim.outlet or not _later_news(first, then) \
                            or not _same_person(x.key, y.key, names) \
                            or any(_same_person(x.key, z.key, names) for z in xs if z.report.state == "dead") \
                            or any(_same_person(y.key, z.key, names) for z in ys if z.report.state == "grave"):
                        continue
                    gap = abs((then.claim.published - first.claim.published).total_seconds())
                    key = (gap, first.claim.article_id, first.claim.start, then.claim.article_id, then.claim.start)
                    if best is None or key < best[0]:
                        # Then the sentences that tell the same state of no one named ("the man ... died").
                        also = [z.report.claim for z in (*xs, *ys) if _same_person(x.key, z.key, names)] + [
                            z.report.claim for z in persons[a] if z.key is None and z.report.state == "grave"] + [
                            z.report.claim for z in persons[b] if z.key is None and z.report.state == "dead"]
                        also = [c for c in also if c.id not in (first.claim.id, then.claim.id)]
                        best = (key, first, then, list(dict.fromkeys(also))[:ALSO_CITED])
    return best[1:] if best is not None else None


def _persons(article: Sequence[Claim], names: set[tuple[str, ...]]) -> list[_Told]:
    """Each person a report tells gravely hurt or dead by the name or kin word that opens the sentence's words
    before the state."""
    out = []
    retracted = _retracted(article)
    for c in article:
        if c.id in retracted or _DOER.search(c.text) or _LONG_AGO.search(c.text) or tells_of_another_incident(c.text):
            continue
        dead = next((m for p in _DIED[:2] if (m := p.search(c.text))), None)
        grave = next((m for p in _GRAVE if (m := p.search(c.text))), None)
        if grave and ANY_DEATH.search(c.text):
            grave = None  # "in critical condition before he died" tells the death
        m = dead or grave
        if m is None:
            continue
        report = _Report(c, "dead" if dead else "grave", (c.start + m.start(), c.start + m.end()))
        out += [_Told(report, key) for key in _opening(c, m.start(), names) or [None]]
    # A kin word a report also gives beside the other state may be of two people ("her son is in critical condition"
    # beside "another son was killed").
    torn = {t.key for t in out if t.key is not None and t.key[0] == "kin" and any(
        _tells_other_state(c, t.report.state) and t.key[1][0] in _kin_in(c.text) for c in article)}
    return [t for t in out if t.key not in torn]


def _retracted(article: Sequence[Claim]) -> set[str]:
    """The sentences that tell a death taken back, in themselves or in the sentence after ("That statement has since
    been corrected")."""
    return {c.id for c, after in zip(article, [*article[1:], None]) if _RETRACTED.search(c.text) or (
        after is not None and _RETRACTED.search(after.text))}


def _tells_other_state(c: Claim, state: str) -> bool:
    return any(p.search(c.text) for p in _GRAVE) if state == "dead" else bool(ANY_DEATH.search(c.text))


def _kin_in(text: str) -> set[str]:
    return {_KIN[w.casefold()] for w in _KIN_WORD.findall(text)}


def _opening(c: Claim, at: int, names: set[tuple[str, ...]]) -> list[tuple[str, tuple[str, ...]]]:
    """The people the words before ``at`` open on, after any speaker and before a clause, an agent or a place: the
    names of the story written whole (not one whose kin is told) and a lone kin word; none after a shooting."""
    lead = c.text[:at]
    start = max((m.end() for m in _SPEAKER.finditer(lead)), default=0)
    if _SHOOTING.search(lead, start):
        return []
    end = next((m.start() for m in _HEAD_END.finditer(lead, start)), at)
    head = _POSSESSIVE.sub(" ", lead[start:end])
    keys = []
    kin = _KIN_WORD.findall(head)
    if len(kin) == 1:
        keys.append(("kin", (_KIN[kin[0].casefold()],)))
    capitals = {w.casefold() for w in _CAPITAL.findall(head)}
    # ``names`` holds every tagged name of the story, so a name tagged in this head is among them.
    found = {n for n in names if set(n) <= capitals}
    # A part of a name the head gives whole ("Quell" of "Pia Quell") is that one person, not a person of its own.
    return keys + [("name", n) for n in sorted(found) if not any(set(n) < set(m) for m in found)]


def _same_person(x: tuple[str, tuple[str, ...]], y: tuple[str, tuple[str, ...]], names: set[tuple[str, ...]]) -> bool:
    """One kin word, or one name written whole and in part when no other person of the story bears the part."""
    if x[0] != y[0]:
        return False
    if x[0] == "kin":
        return x == y
    short, long = sorted((set(x[1]), set(y[1])), key=len)
    if not short <= long:
        return False
    return not any(short <= set(n) and not (set(n) <= long or long <= set(n)) for n in names)


def _later_news(grave: _Report, dead: _Report) -> bool:
    """A report of a later day tells the one hit further gone: grave, then brain-dead or dead."""
    return _ORDER[grave.state] < _ORDER[dead.state] and dead.claim.published.date() > grave.claim.published.date()


def _corrected(dead: _Report, alive: _Report) -> bool:
    """A report of the same day or later tells the one hit alive against earlier reports of the death, which
    another outlet told."""
    return dead.state == "dead" and alive.corrects and alive.claim.published.date() >= dead.claim.published.date()


def _told_state(report: _Report) -> Sequence[re.Pattern]:
    """The patterns of the sentences that tell a report's state again (the brain-dead are kept alive, gravely hurt:
    "on life support", "in critical condition")."""
    return {"grave": _GRAVE, "brain-dead": (_BRAIN_DEAD, *_GRAVE), "dead": _DIED[:2]}[report.state]


def _also(article: Sequence[Claim], report: _Report, patterns: Sequence[re.Pattern]) -> list[Claim]:
    """Other sentences of the report that tell its state ("taken to hospital in critical condition" beside the
    lead's "left a girl in critical condition")."""
    return [c for c in article if c.id != report.claim.id and not _DOER.search(c.text)
            and not _LONG_AGO.search(c.text) and not tells_of_another_incident(c.text)
            and any(p.search(c.text) for p in patterns)][:ALSO_CITED]


def _told_of(article: Sequence[Claim]) -> tuple[set[str], set[float]]:
    """The surnames of the people a report names in full, and the ages it gives (streets are told too many ways to
    tell incidents apart by: a block, a corner, a landmark)."""
    return {w for w in named_in(article) if not w.startswith("street:")}, {m.value for m in age_mentions(article)}


def _one_incident(x: tuple[set[str], set[float]], y: tuple[set[str], set[float]]) -> bool:
    """The two reports share a person named in full or an age, or one of them gives no names or no ages to tell
    two incidents apart by."""
    (people_x, ages_x), (people_y, ages_y) = x, y
    if people_x & people_y or ages_x & ages_y:
        return True
    names_differ = bool(people_x and people_y)
    ages_differ = bool(ages_x and ages_y)
    return not (names_differ or ages_differ)


def _flag(first: _Report, then: _Report) -> Flag:
    def words(r: _Report) -> str:
        return r.claim.text[r.span[0] - r.claim.start:r.span[1] - r.claim.start]
    f = Finding("update", first.claim, then.claim, words(first), words(then), first.span, then.span,
                confidence=CONFIDENCE)
    return replace(make_flag(f), explanation=explain_corrected_death(f) if then.corrects else explain_later_death(f))
