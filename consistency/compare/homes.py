"""Where one person lives, told two ways by outlets of a story: "Jon Quarry, 30, of Fenwick" / "Jon Quarry of
Dunmore"; "Ann Ray of Alder Street" / "Ann Ray, 41, of Birch Drive"; "Jon Quarry, a Fenwick man".

Extraction keeps no slot for a person's home, so each sentence is read for a full name and the place given right
after it: "of" or "from" a town or a street, or "a Fenwick man" set beside the name. A person is known by a full
name (one surname, one given name written alike or as a short form), so two people of one surname stay apart.

A report that gives one person two homes (a move, a town and the city that holds it) is read for none of them. Two
reports of two outlets that give one person two towns, or two streets, are flagged ``name_variant`` when neither
report names the other's place but as someone else's home: a town named otherwise ("Pittsburgh police") may hold
the other report's neighbourhood. A town is set against a town and a street against a street; a state or county
holds a town, and a name inside the other ("Dunmore" / "East Dunmore") is as often a part of it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from ..records import Claim, Flag
from .addresses import STREET_KINDS
from .ages import NAME_WORD
from .base import claims_by_story, readings_flag, tells_of_another_incident
from .explain import explain_home
from .person_names import one_given_name, plain_name_words
from .places import REGIONS, place_key

CONFIDENCE = 0.55

_NAME = rf"(?:{NAME_WORD}\s+)(?:[A-Z]\.\s+)?(?:{NAME_WORD}\s+){{0,2}}{NAME_WORD}(?:,?\s+(?:Jr|Sr|II|III|IV)\b\.?)?"
_PLACE_WORD = r"[A-Z][\w'’-]*(?:\.(?=\s+[A-Z]))?"
_PLACE = rf"{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,3}}"
_AGE = r"(?:,\s*(?:aged?\s+)?\d{1,3},?)?"
# "Jon Quarry, 30, of Fenwick", "Jon Quarry from Dunmore", "Ann Ray of Alder Street in Fenwick".
_OF_PLACE = re.compile(rf"(?<![\w'’.-])(?P<name>{_NAME}){_AGE}\s+(?:of|from)\s+(?P<place>{_PLACE})"
                       rf"(?:\s+in\s+(?P<town>{_PLACE}))?")
_DWELLER = r"(?:man|woman|resident|teen|teenager|boy|girl|youth|couple|mother|father)"
# "Jon Quarry, 30, a Fenwick man," and "a Fenwick man, Jon Quarry,".
_NAME_THEN_DWELLER = re.compile(rf"(?<![\w'’.-])(?P<name>{_NAME}){_AGE},?\s+an?\s+(?:\d{{1,3}}-year-old\s+)?"
                                rf"(?P<place>{_PLACE})\s+{_DWELLER}\b")
_DWELLER_THEN_NAME = re.compile(rf"\ban?\s+(?:\d{{1,3}}-year-old\s+)?(?P<place>{_PLACE})\s+{_DWELLER},\s+"
                                rf"(?P<name>{_NAME})\b")
# A home told as a past one, or a place a person was born or raised in, is not where they live now.
_PAST_HOME = re.compile(r"\b(?:formerly|previously|originally|once|moved|relocated|native|grew\s+up|raised|born|"
                        r"hometown|lived|used\s+to)\b", re.I)
# Words that make a name after "of" a body, a building or a time rather than a place to live.
_NOT_HOME = re.compile(
    r"\b(?:police|department|dept|sheriff'?s?|office|university|college|school|academy|church|hospital|center|"
    r"centre|company|corp|inc|llc|news|association|county|parish|district|court|jail|prison|club|bar|hotel|"
    r"motel|restaurant|group|team|high|middle|elementary|state|council|board|agency|commission|public|national|"
    r"international|"
    r"federal|united|ministries|services|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|"
    r"february|march|april|may|june|july|august|september|october|november|december|the|this|that|his|her)\b",
    re.I)
# "a Black man", "an Army veteran", "a Mexican woman": words that describe a person by kind, not by home.
_KIND_OF_PERSON = re.compile(r"^(?:black|white|brown|latino|latina|native|army|navy|marine|air|muslim|jewish|"
                             r"christian|catholic|democrat|democratic|republican|gay|young|old|good|local|hispanic|"
                             r"arab|korean|cuban|salvadoran|guatemalan|filipino|filipina|\w+(?:ican|ian|ese|ish))$",
                             re.I)
_STATE_ABBREVIATION = re.compile(r"^(?:[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.|[A-Z]{2})$")  # "Calif.", "N.C.", "NY"


@dataclass(frozen=True, eq=False)
class Home:
    """A place one sentence gives as where a named person lives."""

    claim: Claim
    person: tuple[str, str]  # plain given name and surname
    place: str  # as compared: lower case
    street: bool  # a street, not a town
    span: tuple[int, int]
    text: str


def homes(c: Claim) -> list[Home]:
    """Every home the sentence gives a person by full name: a town or a street after "of" or "from", or a town
    before "man", "woman" or "resident" set beside the name; none for a home told as a past one."""
    if tells_of_another_incident(c.text) or _PAST_HOME.search(c.text):
        return []
    out = []
    for rx in (_OF_PLACE, _NAME_THEN_DWELLER, _DWELLER_THEN_NAME):
        for m in rx.finditer(c.text):
            person = _person(m.group("name"))
            place = m.group("place")
            if person is None or _NOT_HOME.search(place) or not _is_home(place):
                continue
            kind = _street_kind(place)
            street = kind is not None
            if street and rx is not _OF_PLACE:
                continue
            key = " ".join([*place.split()[:-1], kind]) if kind else place
            span = (c.start + m.start("place"), c.start + m.end("place"))
            out.append(Home(c, person, place_key(key), street, span, f"{m.group('name')} of {place}"))
            town = m.groupdict().get("town")
            if street and town and not _NOT_HOME.search(town) and _is_home(town):
                span = (c.start + m.start("town"), c.start + m.end("town"))
                out.append(Home(c, person, place_key(town), False, span, f"{m.group('name')} of {town}"))
    return out


# "A Fenwick man was charged ..." then "Jon Quarry, 35, was arrested ...": a lead that tells of one person by home,
# and the sentence after it that names someone with an age, are of one person.
_DESCRIBED = re.compile(rf"\b[Aa]n?\s+(?:\d{{1,3}}-year-old\s+)?(?P<place>{_PLACE})\s+{_DWELLER}\b")
_NAMED_WITH_AGE = re.compile(rf"^(?P<name>{_NAME}),\s*(?:aged?\s+)?\d{{1,3}},")


def lead_homes(report: list[Claim]) -> list[Home]:
    """Homes a report gives by description before it names the person: a sentence that tells of just one person
    as "a Fenwick man" and names no one, followed by one that opens on a name and an age."""
    out = []
    report = sorted(report, key=lambda c: c.start)
    for c, after in zip(report, report[1:]):
        described = list(_DESCRIBED.finditer(c.text))
        named = _NAMED_WITH_AGE.match(after.text)
        if len(described) != 1 or named is None or _OF_PLACE.search(c.text) or _PAST_HOME.search(c.text) or \
                tells_of_another_incident(c.text):
            continue
        m, person = described[0], _person(named.group("name"))
        place = m.group("place")
        if person is None or _NOT_HOME.search(place) or not _is_home(place) or _street_kind(place):
            continue
        out.append(Home(c, person, place_key(place), False, (c.start + m.start("place"), c.start + m.end("place")),
                        f"{named.group('name')}, {m.group()[0].lower()}{m.group()[1:]}"))
    return out


def _street_kind(place: str) -> str | None:
    """The kind of street a place's last word names ("Alder St." is a street), or None for a town."""
    return STREET_KINDS.get(place.split()[-1].casefold().rstrip("."))


def _person(name: str) -> tuple[str, str] | None:
    words = [w for w in plain_name_words(name) if len(w) > 1]
    return (words[0], words[-1]) if len(words) >= 2 else None


# "South Florida", "Northern California", "upstate New York": a part of a state, larger than any town in it.
_PART_OF_REGION = re.compile(r"^(?:north|south|east|west|northern|southern|eastern|western|central|upstate|"
                             r"downstate|northeast|northwest|southeast|southwest|greater)\s+", re.I)


def _is_home(place: str) -> bool:
    """A town, neighbourhood or street: not a state, country or region or a part of one, not an abbreviated state,
    not initials."""
    key = _PART_OF_REGION.sub("", place_key(place))
    return key not in REGIONS and f"the {key}" not in REGIONS and not _STATE_ABBREVIATION.match(place) and \
        not place.isupper() and not _KIND_OF_PERSON.match(place.split()[0])


def _same_name(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """One surname and one given name, written alike or as a short or familiar form."""
    return a[1] == b[1] and one_given_name(a[0], b[0])


def home_flags(claims: Iterable[Claim]) -> list[Flag]:
    """One flag per story and person that reports of two outlets give two towns or two streets to live in."""
    flags = []
    for story in claims_by_story(claims):
        story = sorted(story, key=lambda c: (c.published, c.article_id, c.start))
        texts: dict[str, list[Claim]] = defaultdict(list)
        for c in story:
            texts[c.article_id].append(c)
        found = [h for c in story for h in homes(c)] + [h for report in texts.values() for h in lead_homes(report)]
        people: list[list[Home]] = []
        for h in found:
            group = next((g for g in people if _same_name(g[0].person, h.person)), None)
            if group is None:
                people.append([h])
            else:
                group.append(h)
        for group in people:
            shown = _clash(group, texts, found)
            if shown:
                person = " ".join(w.title() for w in group[0].person)
                flags.append(readings_flag("name_variant", shown, CONFIDENCE,
                                           explain_home(person, [(h.claim, h.text) for h in shown])))
    return flags


def _clash(group: list[Home], texts: dict[str, list[Claim]], found: list[Home]) -> list[Home]:
    """The homes two reports of two outlets give one person, one town or street each, that cannot be one place."""
    shown: list[Home] = []
    for street in (False, True):
        by_article: dict[str, list[Home]] = defaultdict(list)
        for h in group:
            if h.street == street:
                by_article[h.claim.article_id].append(h)
        single = {a: rows[0] for a, rows in by_article.items() if len({h.place for h in rows}) == 1}
        for a in single.values():
            for b in single.values():
                if a.claim.outlet >= b.claim.outlet or a.place == b.place or _inside(a.place, b.place):
                    continue
                if _names_place(texts[a.claim.article_id], b, found) or _names_place(texts[b.claim.article_id], a,
                                                                                    found):
                    continue
                shown += [h for h in (a, b) if h not in shown]
    return shown


def _inside(x: str, y: str) -> bool:
    """One name inside the other, word for word: "harlem" in "east harlem"."""
    return f" {x} " in f" {y} " or f" {y} " in f" {x} "


def _names_place(report: list[Claim], home: Home, found: list[Home]) -> bool:
    """Whether a report names a home's place other than as the home of someone else: it may be the town that
    holds the report's own place ("Pittsburgh police", "in Fenwick")."""
    words = home.place.split()
    if home.street:
        words = words[:-1]
    rx = re.compile(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b", re.I)
    others = {(h.claim.id, h.span[0]) for h in found if h.place == home.place
              and not _same_name(h.person, home.person)}
    for c in report:
        for m in rx.finditer(c.text):
            if (c.id, c.start + m.start()) not in others and not m.group().isupper():
                return True  # "FENWICK --" is the report's dateline, where it was written
    return False
