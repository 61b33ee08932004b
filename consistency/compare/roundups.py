"""Sentences of a round-up that tell of another shooting than the story's.

A round-up lists several shootings of a night or a city, each at its own address ("a man was shot in the
1400 block of Elm Street ... Later, a teenager was wounded on Oak Avenue"). When such an article falls in a
story about one of them, its ages and counts of the others meet the story's own under bare descriptions
("the 19-year-old" / "the 18-year-old"), with nothing but the address to tell them apart. An article is read
as a round-up when one of its sentences names an address the other outlets of the story give and another
places a shooting at an address none of them gives; from such a sentence on, the article tells of that
other shooting until a sentence ties it back to the story's own (the address the others give, a person or a
place they name)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..records import Claim
from .base import tells_of_another_incident
from .person_names import plain_name_words
from .places import STREET, is_region, one_spelling, place_key, placed

# Words that tell that a shooting (or another killing) took place at the sentence's address; not one recalled
# by its time ("before the shooting"), which is the story's own, nor adjectives ("wounded patients").
_HAPPENED = re.compile(r"(?<!before the )(?<!after the )(?<!since the )\b(?:shot|shooting|shootings|killed|stabbed|"
                       r"stabbing|slain|murdered)\b", re.IGNORECASE)
# ", of the 200 block of Elm Street" / ", of 48 Elm St.": where a person lives, not where anything happened.
_RESIDENCE = re.compile(r",\s*(?:\d{1,3},\s*)?of\s+(?:the\s+)?(?:\d[\d-]*\s+(?:block\s+of\s+)?)?"
                        r"(?:(?:[NSEW]\.?|North|South|East|West)\s+)?$")
_OWN, _OTHER = "own", "other"


def addresses(c: Claim) -> frozenset[str]:
    """The streets a sentence places something on, by the word before the street's kind; a street a
    person is said to live on is left out."""
    return frozenset(m.group(1).casefold() for m in STREET.finditer(c.text)
                     if not _RESIDENCE.search(c.text[:m.start()]))


def _people(c: Claim) -> set[str]:
    """The surnames of the people a sentence names, not of whoever it is attributed to ("police spokesman
    Ray Dunn said")."""
    span = c.attribution.source_span if c.attribution else None
    out = set()
    for e in c.entities:
        if e.label != "PERSON" or span is not None and span[0] <= e.start < span[1]:
            continue
        words = plain_name_words(e.text)
        if words:
            out.add(words[-1])
    return out


def _places(c: Claim) -> set[str]:
    """The places smaller than a county that a sentence puts something in."""
    return {place_key(e.text) for e in placed(c) if not is_region(e)}


def _marks(c: Claim) -> tuple[frozenset[str], set[str], set[str]]:
    """The streets, people and places a sentence names, read once per story."""
    return addresses(c), _people(c), _places(c)


class _Known:
    """What the other outlets of the story give: its addresses, people and places."""

    def __init__(self, others: Iterable[tuple[frozenset[str], set[str], set[str]]]) -> None:
        """``others``: the streets, people and places of each sentence of the other outlets (``_marks``)."""
        self.streets: set[str] = set()
        self.people: set[str] = set()
        self.places: set[str] = set()
        for streets, people, places in others:
            self.streets |= streets
            self.people |= people
            self.places |= places

    def tied(self, c: Claim) -> bool:
        """The sentence names a person or place of the story's own incident."""
        return bool(_people(c) & self.people or _places(c) & self.places)


def _address_side(c: Claim, known: _Known) -> str | None:
    """Whose shooting a sentence's address places: the story's own (an address the others give, whatever it
    places there), another (an address none of them gives, with a shooting told there and no one named: a
    round-up's other victims go unnamed, where a spree's steps name the gunman), or none said."""
    streets = addresses(c)
    if not streets:
        return None
    if any(one_spelling(s, k) for s in streets for k in known.streets):
        return _OWN
    return _OTHER if _HAPPENED.search(c.text) and not _people(c) else None


def _side(c: Claim, known: _Known, by_address: str | None) -> str | None:
    """Whose incident a sentence tells of, when it says: by its address first, then by the words of another
    incident ("in a separate shooting"), then by a person or place the other outlets name."""
    if by_address is not None:
        return by_address
    if tells_of_another_incident(c.text) and not known.tied(c):
        return _OTHER
    return _OWN if known.tied(c) else None


def _strays_of_article(sentences: Sequence[Claim], known: _Known) -> set[str]:
    """The sentences of one article that tell of another shooting, if the article is a round-up: one
    address of it is the story's and another is not. A sentence that says nothing of whose incident it
    tells of belongs with the one before it."""
    by_address = [_address_side(c, known) for c in sentences]
    if _OWN not in by_address or _OTHER not in by_address:
        return set()
    out, run = set(), None
    for c, side in zip(sentences, by_address):
        run = _side(c, known, side) or run
        if run == _OTHER:
            out.add(c.id)
    return out


def roundup_strays(claims: Iterable[Claim]) -> frozenset[str]:
    """The ids of the sentences of round-up articles that tell of another shooting than their story's,
    story by story; their figures are not the story's to compare."""
    articles: dict[str, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        if c.story_id:
            articles[c.story_id][c.article_id].append(c)
    out: set[str] = set()
    for story in articles.values():
        marks = {c.id: _marks(c) for sentences in story.values() for c in sentences}
        for sentences in story.values():
            outlet = sentences[0].outlet
            known = _Known(marks[c.id] for other in story.values() for c in other if c.outlet != outlet)
            out |= _strays_of_article(sorted(sentences, key=lambda c: c.start), known)
    return frozenset(out)
