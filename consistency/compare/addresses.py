"""One street address told with two numbers by outlets of one story: "the 1700 block of Elm Street" / "the 17000
block of Elm Street"; "19 Birch Street" / "18 Birch St.".

Extraction keeps no slot for street numbers, so each sentence is read for a number before a street: a block ("the
8500 block of", "the first block of", "the unit block of") or a house number ("at 19 Birch St."). A street is
known by its name and kind ("Elm Street" and "Elm St." are one; "Elm Avenue" is another); a compass word before it
("West", "N.") is kept, and two outlets giving one street two compass words are telling of two streets.

A house number and a block agree when the house lies in that block (1750 is in the 1700 block); two blocks agree
when they are one hundred-block ("the 680 block" is in the 600 block). An outlet that gives one street several
numbers is telling of several places on it (a club at one end, the shooting at the other) and is read for none of
them; and when one report of the story names the street with two such numbers, bare ones too ("at 4000 Elm"),
outlets that give one each may be telling of either place. Two outlets that each give a street one number, and
numbers that cannot both hold, are flagged ``number``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from ..records import Claim, Flag
from .base import claims_by_story, readings_flag, tells_of_another_incident
from .explain import explain_address

CONFIDENCE = 0.6

STREET_KINDS = {
    "street": "street", "st": "street", "avenue": "avenue", "ave": "avenue", "road": "road", "rd": "road",
    "boulevard": "boulevard", "blvd": "boulevard", "drive": "drive", "dr": "drive", "place": "place", "pl": "place",
    "lane": "lane", "ln": "lane", "court": "court", "ct": "court", "parkway": "parkway", "pkwy": "parkway",
    "terrace": "terrace", "way": "way", "circle": "circle", "cir": "circle", "trail": "trail", "trl": "trail",
    "loop": "loop", "pike": "pike", "alley": "alley", "square": "square", "path": "path", "highway": "highway",
    "hwy": "highway",
}
_COMPASS = {
    "north": "n", "n": "n", "south": "s", "s": "s", "east": "e", "e": "e", "west": "w", "w": "w",
    "northeast": "ne", "ne": "ne", "northwest": "nw", "nw": "nw", "southeast": "se", "se": "se",
    "southwest": "sw", "sw": "sw",
}
STREET_KIND = "|".join(sorted(STREET_KINDS, key=len, reverse=True))
DIRECTION = (r"(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|N\.?E\.?|N\.?W\.?|S\.?E\.?|"
              r"S\.?W\.?|[NSEW]\.?)")
STREET_WORD = r"[A-Z0-9][\w'’-]*"
# "the 8500 block of (West) Pacific Shores (Drive)": a block's street may go without its kind.
BLOCK = re.compile(
    rf"\b(?P<number>\d{{1,6}}|(?i:first|unit|zero))\s+(?i:block)\s+of\s+(?:the\s+)?(?:(?P<direction>{DIRECTION})\s+)?"
    rf"(?P<name>{STREET_WORD}(?:\s+{STREET_WORD}){{0,2}}?)"
    rf"(?:\s+(?P<kind>(?i:{STREET_KIND}))\b\.?|(?=\s+[a-z]|[,;.]|$))")
# "at 19 Birch St.": a house number takes its street's kind.
HOUSE = re.compile(
    rf"\b(?P<number>\d{{1,6}})\s+(?:(?P<direction>{DIRECTION})\s+)?"
    rf"(?P<name>{STREET_WORD}(?:\s+{STREET_WORD}){{0,2}}?)\s+(?P<kind>(?i:{STREET_KIND}))\b\.?")
# An address told as near or about ("near 2500 Elm St.", "around the 400 block of") is not a number to set
# against another.
_APPROXIMATE = re.compile(r"\b(?:about|around|approximately|roughly|nearly|almost|some|over|under|more\s+than|"
                          r"less\s+than|at\s+least|at\s+most|up\s+to|near|close\s+to|nearby)\s+(?:the\s+)?$", re.I)
# A sentence that tells of someone found, caught, living or going somewhere puts them there, not the incident,
# unless it tells of the shooting there too ("the truck with the wounded boys was found in the 8500 block").
ELSEWHERE = re.compile(r"\b(?:found|located|arrested|apprehended|caught|captured|lived|lives|living|resides?|"
                        r"resided|stopped|spotted|surrendered|followed|fled|drove|walked|headed)\b",
                        re.I)
HAPPENED = re.compile(r"\b(?:shot|shootings?|fired|gunfire|gunshots?|killed|slain|wounded|injured|happened|"
                       r"occurred|took\s+place|crash(?:ed)?)\b", re.I)

# "the boy found a gun" tells of a thing found, not of someone found elsewhere; "victims were found" at the scene
_FOUND_HERE = re.compile(r"\bfound\s+(?:a|an|the|his|her|their)\b|\bvictims?\s+(?:was|were)\s+found\b", re.I)


def elsewhere(text: str) -> bool:
    """The sentence tells only of someone found, caught or living somewhere, not of a thing found or of the
    victims found where they were shot (an ``ELSEWHERE`` word not told of either)."""
    return any(not _FOUND_HERE.search(text, max(0, m.start() - 20), m.end() + 12) for m in ELSEWHERE.finditer(text))


@dataclass(frozen=True, eq=False)
class Address:
    """A number one sentence puts on a street."""

    claim: Claim
    name: str  # lower case ("pacific shores")
    kind: str | None  # street, avenue, road ...; None when a block's street is named without one
    direction: str | None
    block: bool  # a block number, not a house number
    number: int
    span: tuple[int, int]
    text: str


def addresses(c: Claim) -> list[Address]:
    """Every block or house number the sentence puts on a named street, unless told as near or about it, or the
    sentence only tells of someone found, caught or living there."""
    if tells_of_another_incident(c.text) or ELSEWHERE.search(c.text) and not HAPPENED.search(c.text):
        return []
    out = []
    for rx, block in ((BLOCK, True), (HOUSE, False)):
        for m in rx.finditer(c.text):
            raw = m.group("number").casefold()
            number = int(raw) if raw.isdigit() else 0
            direction = m.group("direction")
            direction = _COMPASS.get(direction.casefold().replace(".", "")) if direction else None
            kind = STREET_KINDS[m.group("kind").casefold()] if m.group("kind") else None
            if not block and any(a.span[0] <= c.start + m.start() < a.span[1] for a in out):
                continue
            if _APPROXIMATE.search(c.text[:m.start()]) or c.text[:m.start()].endswith(("-", "/")):
                continue  # "31-33 Elm St." is a lot of two numbers, not a slip of one
            out.append(Address(c, m.group("name").casefold(), kind, direction, block, number,
                               (c.start + m.start(), c.start + m.end()), m.group().rstrip(".")))
    return out


def agree(a: Address, b: Address) -> bool:
    """Two numbers of one street that may be one place: one house number, a house and the block it lies in, or
    one block. A block is a hundred numbers ("the 680 block" is in the 600 block), or a thousand when it is told
    in thousands past 10,000 ("the 43000 block" holds 43145)."""
    if not a.block and not b.block:
        return a.number == b.number
    size = max(_block_size(x) for x in (a, b) if x.block)
    return a.number // size == b.number // size


def _block_size(a: Address) -> int:
    return 1000 if a.number >= 10000 and a.number % 1000 == 0 else 100


def _both_told(a: Address, b: Address, told: list[Address]) -> bool:
    """One report's numbers hold two places of the street, one where ``a`` is and one where ``b`` is."""
    return any(agree(x, a) and agree(y, b) and not agree(x, y) for x in told for y in told)


def one_street(a: Address, b: Address) -> bool:
    """One name, and no two kinds or compass words that make it two streets."""
    return a.name == b.name and (a.kind is None or b.kind is None or a.kind == b.kind) and (
        a.direction is None or b.direction is None or a.direction == b.direction)


def address_flags(claims: Iterable[Claim]) -> list[Flag]:
    """One flag per story and street that two outlets give numbers that cannot both hold."""
    flags = []
    for story in claims_by_story(claims):
        by_name: dict[str, list[Address]] = defaultdict(list)
        for c in sorted(story, key=lambda c: (c.published, c.article_id, c.start)):
            for a in addresses(c):
                by_name[a.name].append(a)
        for rows in by_name.values():
            flag = _flag(rows, _places_told(story, rows))
            if flag is not None:
                flags.append(flag)
    return flags


def _places_told(story: list[Claim], rows: list[Address]) -> list[list[Address]]:
    """Per article of the story, every number it puts on the street of ``rows``, a bare one too ("the shooting at
    3500 Birch", "the club at 3704 Birch") and one of someone found or living there: any place on the street."""
    kinds = {a.kind for a in rows} - {None}
    if len(kinds) > 1:
        return []  # "Birch Street" and "Birch Avenue": a bare "3500 Birch" is of either
    street = r"\s+".join(re.escape(w) for w in rows[0].name.split())
    name = re.compile(rf"\b(?P<number>\d{{1,6}})\s+(?P<block>(?i:block)\s+of\s+(?:the\s+)?)?"
                      rf"(?:{DIRECTION}\s+)?(?i:{street})\b")
    told: dict[str, list[Address]] = defaultdict(list)
    for c in story:
        for m in name.finditer(c.text):
            told[c.article_id].append(Address(c, rows[0].name, None, None, bool(m.group("block")),
                                              int(m.group("number")), (c.start + m.start(), c.start + m.end()),
                                              m.group()))
    return list(told.values())


def _flag(rows: list[Address], places: list[list[Address]]) -> Flag | None:
    """A flag over one street's numbers when two outlets, each giving it one place only, give numbers that
    cannot both hold: each outlet's first report of its number. Not two numbers a report of the story (``places``,
    per article) gives the street both: the story has two places on it (a club, the spot the fight ended), and
    each outlet may tell of either."""
    by_article: dict[str, list[Address]] = defaultdict(list)
    for a in rows:
        by_article[a.claim.article_id].append(a)
    single = [found[0] for found in by_article.values()
              if all(agree(found[0], a) and one_street(found[0], a) for a in found)]
    firsts: dict[str, Address] = {}
    for a in sorted(single, key=lambda a: (a.claim.published, a.claim.article_id)):
        firsts.setdefault(a.claim.outlet, a)
    clash = [(a, b) for a in firsts.values() for b in firsts.values()
             if a.claim.outlet < b.claim.outlet and one_street(a, b) and not agree(a, b)
             and not any(_both_told(a, b, told) for told in places)]
    if not clash:
        return None
    shown = sorted(dict.fromkeys(x for pair in clash for x in pair), key=lambda a: (a.claim.published, a.claim.id))
    named = next((a for a in shown if a.kind), shown[0])
    street = named.name.title() + (f" {named.kind.title()}" if named.kind else "")
    return readings_flag("number", shown, CONFIDENCE, explain_address(street, [(a.claim, a.text) for a in shown]))
