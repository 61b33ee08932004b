"""One person named under two surnames by two outlets of a story ("Dana Hollis" / "Dana Crane"), when
the odd surname is a relative's (a married, former or family name that a reader takes for another person),
or when both outlets give the person one age; and one person's name with its given name and surname swapped."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from typing import Iterable, Iterator

from ..extract.quantities import AGE_UNIT
from ..lexicon import NAME_SUFFIXES, TITLES
from ..records import Claim, Entity
from .ages import AgeMention, age_mentions, untagged_name
from .base import claims_by_story
from .roles import same_office
from .person_names import close, one_given_name, plain_name_words, respelt_surname, same_given_name, swapped_name

_PLAIN_NAME = re.compile(r"[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)+")  # no nickname in quotes
SCORE = 0.5
# Kin words: a sentence that names a person with one says whose family the surname is.
_KIN = re.compile(r"\b(?:ex-?|former\s+)?(?:grand|step)?(?:mother|father|mom|dad|wife|husband|daughter|son|"
                  r"sister|brother|aunt|uncle|niece|nephew|cousin|widow|widower|girlfriend|boyfriend|"
                  r"fianc[eé]e?|parents?|child|children)s?\b", re.I)

Mention = tuple[Claim, Entity, str, str]  # claim, entity, given name, surname


def _full_names(c: Claim) -> Iterator[tuple[Entity, list[str]]]:
    """The claim's named people with a given name and a surname, a name left untagged before an age counted."""
    entities = [e for e in c.entities if e.label == "PERSON"]
    entities += [e for q in c.quantities if q.unit == AGE_UNIT and (e := untagged_name(c, q.start)) is not None]
    for e in entities:
        text = _possessive(e.text)
        words = plain_name_words(text)
        if len(words) >= 2 and _PLAIN_NAME.fullmatch(text):
            yield e, words


def _relatives(claims: Iterable[Claim]) -> dict[str, set[tuple[str, str]]]:
    """(given name, surname) of every two-word name an article writes, whatever its entity label: a
    relative named in the report ("Isabel Crane", tagged an organisation as often as a person)."""
    out: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for c in claims:
        for e in c.entities:
            words = _possessive(e.text).split()
            if len(words) in (2, 3) and all(w[:1].isupper() and w.isalpha() for w in words) \
                    and words[0].casefold() not in TITLES:
                out[c.article_id].add((words[0].casefold(), words[-1].casefold()))
    return out


def surname_observations(claims: Iterable[Claim]):
    """Observations, shaped as ``names.name_observations``' are, of one given name under two surnames in two
    outlets of one story. Each outlet names one person of that given name only, no article names both, no
    third person of the story bears any form of the given name, each name stands beside a family word, two
    titles are of one office, and one side's surname is borne in its own report by a person of another given
    name (her former husband, the girl's mother)."""
    for story_claims in _stories_in_order(claims):
        yield from _story(story_claims)


def _stories_in_order(claims: Iterable[Claim]) -> list[list[Claim]]:
    """Each story's claims in publication order (claims of no story left out)."""
    return [sorted(story, key=lambda c: (c.published, c.article_id, c.start))
            for story in claims_by_story(c for c in claims if c.story_id)]


def _story(claims: list[Claim]):
    """The observations of one story's claims, in publication order."""
    first: dict[tuple[str, str, str], Mention] = {}  # (outlet, given, surname) -> its first mention
    in_article: dict[str, set[tuple[str, str]]] = defaultdict(set)
    kin: set[tuple[str, str, str]] = set()  # the full names an outlet writes in a sentence with a kin word
    for c in claims:
        for e, words in _full_names(c):
            key = (c.outlet, words[0], words[-1])
            first.setdefault(key, (c, e, words[0], words[-1]))
            in_article[c.article_id].add((words[0], words[-1]))
            if _KIN.search(c.text):
                kin.add(key)
    relatives = None
    mentions = list(first.values())
    for i, a in enumerate(mentions):
        for b in mentions[i + 1:]:
            if a[0].outlet == b[0].outlet or not same_given_name(a[2], b[2]) or close(a[3], b[3]):
                continue
            if _part_of(a[3], b[3]) or _part_of(b[3], a[3]):
                continue  # a double surname written short ("Lena Marsh-Okoro" / "Lena Okoro"): one name
            if _word_after(a) == b[3] or _word_after(b) == a[3]:
                continue  # the tagger cut a double surname short ("[Rosa Lima] Soto" / "Rosa Soto"): one name
            if not ((a[0].outlet, a[2], a[3]) in kin and (b[0].outlet, b[2], b[3]) in kin):
                continue  # a family's name is told with the family: without it, two people of one given name
            if a[1].role and b[1].role and not same_office(a[1].role, b[1].role):
                continue  # "District Attorney Steve ..." / "spokesman Steve ...": two people
            # Any other form of the given name elsewhere ("Josh Haber" here, "Joshua Williams" there) is
            # another person of it: then two people of one given name are likelier than one under two surnames.
            bearers = {(g, s) for _, _, g, s in mentions if one_given_name(g, a[2]) or one_given_name(g, b[2])}
            if bearers != {(a[2], a[3]), (b[2], b[3])}:
                continue
            if any({(a[2], a[3]), (b[2], b[3])} <= names for names in in_article.values()):
                continue
            if relatives is None:
                relatives = _relatives(claims)
            if _relative_of(a, relatives) or _relative_of(b, relatives):
                yield SCORE, _observed(a), _observed(b)


def _part_of(short: str, long: str) -> bool:
    """``short`` is one part of the hyphened surname ``long``."""
    return "-" in long and short in long.split("-")


_NEXT_NAME_WORD = re.compile(r"\s+([A-Z][\w'\u2019-]*)")


def _word_after(m: Mention) -> str | None:
    """The capitalised word written right after a mention's tagged name, plain: a second surname the tagger left
    out ("Soto" after a tagged "Rosa Lima" in "Rosa Lima Soto, 40,")."""
    c, e = m[0], m[1]
    found = _NEXT_NAME_WORD.match(c.text, e.end - c.start)
    words = plain_name_words(found.group(1)) if found else []
    return words[0] if words else None


def _relative_of(m: Mention, relatives: dict[str, set[tuple[str, str]]]) -> bool:
    """The mention's report names another person of its surname: the surname is a family's."""
    return any(s == m[3] and not close(g, m[2]) for g, s in relatives[m[0].article_id])


def _observed(m: Mention) -> tuple[Claim, str, tuple[int, int], str]:
    c, e, given, surname = m
    text = _possessive(e.text)
    return c, text, (e.start, e.start + len(text)), f"{given} {surname}"


def _possessive(text: str) -> str:
    """The name without a possessive ending ("Lena Marsh's mother" names Lena Marsh)."""
    return text.removesuffix("'s").removesuffix("\u2019s")


def aged_surname_observations(claims: Iterable[Claim]):
    """Observations, shaped as :func:`surname_observations`' are, of one given name under two surnames that two
    outlets of one story write with one age ("Dario Brunsey, 29," / "Dario Lamsey, 29,"; "3-year-old Tim Royle" /
    "3-year-old Tim Parr"): the age vouches for one person where no family word does. A surname a letter or two
    apart is left to the spelling rules, and one name holding the other's surname ("Rosa Lima Soto" / "Rosa
    Soto", "Rosa Lima-Soto" / "Rosa Lima") is a name written short, not another."""
    for story_claims in _stories_in_order(claims):
        yield from _aged_story(story_claims)


def _aged_story(claims: list[Claim]):
    """The observations of one story's claims, in publication order."""
    in_article: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for c in claims:
        for _, words in _full_names(c):
            in_article[c.article_id].add((words[0], words[-1]))
    first: dict[tuple[str, tuple[str, ...], float], AgeMention] = {}  # (outlet, name, age) -> its first mention
    for m in age_mentions(claims):
        words = tuple(w.strip("'\u2019") for w in m.name if w not in NAME_SUFFIXES)
        if len(words) >= 2 and _surname_like(words[-1]):
            first.setdefault((m.claim.outlet, words, m.value), replace(m, name=words))
    mentions = list(first.values())
    for i, a in enumerate(mentions):
        for b in mentions[i + 1:]:
            if a.claim.outlet == b.claim.outlet or a.value != b.value or not _two_surnames(a.name, b.name):
                continue
            names = {(a.name[0], a.name[-1]), (b.name[0], b.name[-1])}
            if any(names <= named for named in in_article.values()):
                continue  # one report names both: two people
            ea, eb = _age_named(a), _age_named(b)
            if ea is not None and eb is not None:
                yield SCORE, _observed((a.claim, ea, a.name[0], a.name[-1])), \
                    _observed((b.claim, eb, b.name[0], b.name[-1]))


def _surname_like(word: str) -> bool:
    """A name's last word that may be a surname: not an initial, as a nickname in initials leaves ('James "J.R."')."""
    return len(word) > 1


def _two_surnames(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """One given name with two surnames that are neither one spelt two ways nor one part of the other name."""
    if not same_given_name(x[0], y[0]) or close(x[-1], y[-1]) or respelt_surname(x[-1], y[-1]) or \
            "".join(x) == "".join(y):
        return False
    parts_x = {p for w in x for p in w.split("-")}
    parts_y = {p for w in y for p in w.split("-")}
    return not parts_x & set(y[-1].split("-")) and not parts_y & set(x[-1].split("-"))


def _age_named(m: AgeMention) -> Entity | None:
    """The entity, or the untagged name, that an age mention's name was read from."""
    c = m.claim
    found = list(c.entities) + [e for q in c.quantities if q.unit == AGE_UNIT and (e := untagged_name(c, q.start))]
    for e in found:
        words = tuple(w.strip("'\u2019") for w in plain_name_words(e.text) if w not in NAME_SUFFIXES)
        if words == m.name:
            return e
    return None


def swapped_name_observations(claims: Iterable[Claim]):
    """Observations, shaped as :func:`surname_observations`' are, of one person's name that two outlets of a story
    write with the given name and the surname swapped ("Dale Morrow" / "Morrow Dale"), when neither outlet writes
    the other's form. Each side cites its first mention in a sentence that gives an age, where there is one: the
    sentence that says who the person is."""
    first: dict[tuple[str, str, tuple[str, ...]], Mention] = {}  # (story, outlet, name) -> the mention cited
    for c in sorted(claims, key=lambda c: (c.published, c.article_id, c.start)):
        for e, words in _full_names(c):
            key = (c.story_id, c.outlet, tuple(words))
            if c.story_id and (key not in first or _gives_age(c) and not _gives_age(first[key][0])):
                first[key] = (c, e, words[0], words[-1])
    for (story, outlet, words), a in first.items():
        for (story_b, outlet_b, words_b), b in first.items():
            if story_b != story or outlet_b <= outlet or not swapped_name(" ".join(words), " ".join(words_b)):
                continue
            if (story, outlet, words_b) in first or (story, outlet_b, words) in first:
                continue  # an outlet that writes both forms names two people, or corrected itself
            yield SCORE, _observed(a), _observed(b)


def _gives_age(c: Claim) -> bool:
    return any(q.unit == AGE_UNIT for q in c.quantities)
