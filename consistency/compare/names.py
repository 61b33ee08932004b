"""Name variants: one entity spelled differently across outlets (informational)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Iterable

from ..lexicon import NAME_SUFFIXES, TITLES
from ..records import Claim, Entity, Flag
from ..extract.entities import edit_distance
from ..extract.quantities import AGE_UNIT
from .ages import NAME_LABELS, bare_age, untagged_name, written_against
from .base import Finding, make_flag, near_copy_edits
from .family_names import aged_surname_observations, surname_observations, swapped_name_observations
from .person_names import (MIN_GIVEN, given_names_apart, misspelt_given_name, plain_name_words, respelt_given_name,
                           respelt_surname)
from .roles import same_office
from .unionfind import UnionFind

MIN_SCORE = 0.5  # near-copies only: a respelled name can pull a short sentence far from its copy
MIN_COPY_RATIO = 0.75
_TITLES = re.compile(r"^(" + "|".join(sorted(TITLES | {"the"}, key=lambda w: (-len(w), w))) + r")\.?\s+", re.I)


@lru_cache(maxsize=65536)
def _form(text: str) -> str:
    text = re.sub(r"['’]s?$", "", text.strip())
    while True:
        stripped = _TITLES.sub("", text)
        if stripped == text:
            break
        text = stripped
    return " ".join(text.split())


@lru_cache(maxsize=65536)
def is_spelling_variant(x: str, y: str) -> bool:
    """True when two mentions spell one name differently ("Voronets"/"Voronetz"), not when one
    shortens it, adds a title, or differs only in punctuation or by being another name."""
    tx = [w.strip(".,:;") for w in _form(x).casefold().split()]
    ty = [w.strip(".,:;") for w in _form(y).casefold().split()]
    tx, ty = [w for w in tx if w], [w for w in ty if w]
    if tx == ty or len(tx) != len(ty) or not tx:
        return False
    if _letters(x) == _letters(y):
        return False  # house style: "I.R.S." / "IRS", "Al-Sadr" / "al Sadr"
    differing = [(a, b) for a, b in zip(tx, ty) if _plain(a) != _plain(b) and _regional(a) != _regional(b)
                 and not (_affixed(a, b) or _affixed(b, a))  # Somali/Somalia: another word form
                 and not (_COMPASS.fullmatch(a) and _COMPASS.fullmatch(b))  # Northwest/Northeast: two places
                 and not (_prefixed(a, b) or _prefixed(b, a)) and not _derived(a, b)]
    if not differing:
        return False
    return all(len(a) > 2 and len(b) > 2 and SequenceMatcher(None, a, b).ratio() >= 0.7 for a, b in differing)


_COMPASS = re.compile(r"(?:north|south)(?:east|west)?(?:ern)?|(?:east|west)(?:ern)?")


def _letters(text: str) -> str:
    """The letters of a name alone, without case, accents, punctuation or spaces."""
    return "".join(ch for ch in _plain(_form(text).casefold()) if ch.isalnum())


def _plain(word: str) -> str:
    """The word without accents: "Vendôme" and "Vendome" are one spelling typed two ways."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def _affixed(short: str, long: str) -> bool:
    """``long`` is ``short`` with an ending added ("Somalia"), not with its last letter doubled ("Carsonn")."""
    if not long.startswith(short) or long == short:
        return False
    return not (len(long) == len(short) + 1 and long[-1] == short[-1])


def _prefixed(short: str, long: str) -> bool:
    """``long`` is ``short`` with a particle joined in front ("DeMontfort" / "Montfort"): a short form."""
    return len(short) >= 4 and len(long) >= len(short) + 2 and long.endswith(short)


def _derived(a: str, b: str) -> bool:
    """Two forms of one word, each with its own ending ("Distribution" / "Distributors", "Advisers" /
    "Advisors" in one firm's name): the descriptive word of a name worded two ways, not a name respelled."""
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    ends = (a[k:], b[k:])
    return k >= 4 and all(e and e in _ENDINGS | _DERIVED_ENDINGS for e in ends)


def _regional(word: str) -> str:
    """A word with British/American spelling and a plural -s folded away (Centre/Center, Labour/Labor)."""
    word = word.replace("-", "")
    word = re.sub(r"re$", "er", word[:-1] if len(word) > 4 and re.search(r"[^s]s$", word) else word)
    word = re.sub(r"is(ation|e|ed|ing)$", r"iz\1", word)
    return re.sub(r"our$", "or", word)


def given_name_only(x: str, y: str) -> bool:
    """Two full names with one surname whose given names differ ("Elias" / "Ilias Vrettakos"): a
    reader follows a person by the surname, so a given name transliterated two ways names one person."""
    tx = [_plain(w.strip(".,:;")) for w in _form(x).casefold().split()]
    ty = [_plain(w.strip(".,:;")) for w in _form(y).casefold().split()]
    return len(tx) >= 2 and len(ty) >= 2 and tx[-1] == ty[-1] and tx[:-1] != ty[:-1]


def _person(*entities: Entity | None) -> bool:
    return any(e is not None and e.label == "PERSON" for e in entities)


def _entity_at(c: Claim, span: tuple[int, int]) -> Entity | None:
    return next((e for e in c.entities if e.start < span[1] and span[0] < e.end), None)


def _looks_like_name(c: Claim, span: tuple[int, int], word: str) -> bool:
    """A capitalised word inside a recognised entity, or capitalised mid-sentence."""
    if not word[:1].isupper():
        return False
    return _entity_at(c, span) is not None or span[0] > c.start


def name_observations(aligned: Iterable[tuple[Claim, Claim, float]]):
    """(score, (claim, mention, span, word), (other claim, ...)) for every name two
    near-copies of one sentence spell differently. The same sentence with one name respelled is
    stronger evidence of one entity than any spelling rule: different sentences are left alone."""
    for a, b, score in aligned:
        if a.outlet == b.outlet or score < MIN_SCORE:
            continue
        edits = near_copy_edits(a, b, min_ratio=MIN_COPY_RATIO)
        if not edits:
            continue
        for e in edits:
            if not (_looks_like_name(a, e.a, e.text_a) and _looks_like_name(b, e.b, e.text_b)):
                continue
            if not is_spelling_variant(e.text_a, e.text_b):
                continue
            ea, eb = _entity_at(a, e.a), _entity_at(b, e.b)
            if ea is None and eb is None:
                continue
            ta, sa = (ea.text, (ea.start, ea.end)) if ea is not None and _covers(ea, e.a) else (e.text_a, e.a)
            tb, sb = (eb.text, (eb.start, eb.end)) if eb is not None and _covers(eb, e.b) else (e.text_b, e.b)
            if _person(ea, eb) and given_name_only(ta, tb) and _given_name_slip(ta, tb) is None:
                continue
            yield score, (a, ta, sa, e.text_a.casefold()), (b, tb, sb, e.text_b.casefold())


DOER_SCORE = 0.6  # as close as two sentences that say the same thing but for the place must be


def story_entities(c: Claim) -> list[Entity]:
    """The claim's entities, read with the age beside a name: a name written with an age ("Jaime Voss, 32,",
    "the 24-year-old Dara Lenk") is a person's whatever label the tagger gave it, and such a name the tagger
    left out, or tagged by its surname alone, is added whole (the small tagger often reads an unfamiliar
    given name as a place or a body)."""
    ages = [q for q in c.quantities if q.unit == AGE_UNIT]
    entities = [_with_given_name(c, e) for e in c.entities]
    if not ages:
        return entities
    out = []
    for e in entities:
        if e.label != "PERSON" and any(written_against(c, e, q.start, q.end) for q in ages):
            e = replace(e, label="PERSON")
        out.append(e)
    for q in ages:
        found = untagged_name(c, q.start)
        if found is None:
            continue
        inside = [x for x in out if x.start < found.end and found.start < x.end]
        if all(_part_of_name(x, found) for x in inside):
            # the tagger took the surname alone ("Dara [Lenk], 24,"): the whole name is the person's
            out = [x for x in out if x not in inside] + [found]
    return out


_WORD_BEFORE = re.compile(r"(?<![\w'\u2019.-])([A-Z][\w'\u2019]*) $")
_CALENDAR = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|"
                       r"september|october|november|december")


def _with_given_name(c: Claim, e: Entity) -> Entity:
    """A person's tagged two-word name read with the given name the tagger left off before it ("as Kalina [Rose
    Terhune]"): an unfamiliar given name before a familiar middle name is often cut off, and then the name an
    outlet spells is not the one compared. Not a title (nor the end of a capitalised run, as "City Manager" is), a
    day or month, nor a sentence's first word."""
    if e.label != "PERSON" or e.role or len(plain_name_words(_form(e.text))) != 2 or not e.text[:1].isupper():
        return e
    m = _WORD_BEFORE.search(c.text[:e.start - c.start])
    before = c.text[:m.start(1)].rstrip() if m else ""
    if not before or before[-1] in ".:;\"\u201c(" or before.split()[-1][:1].isupper():
        return e  # a sentence's first word, or the last of a capitalised run: a title ("City Manger")
    word = m.group(1)
    letters = word.replace("'", "").replace("\u2019", "")
    if not letters.isalpha() or len(letters) < 3 or letters.isupper() or re.search(r"['\u2019]s$", word) \
            or word.casefold() in TITLES or _CALENDAR.fullmatch(word.casefold()):
        return e
    at = e.start - len(word) - 1
    if any(x is not e and x.start < e.start and at < x.end for x in c.entities):
        return e  # the word is another entity's ("Detroit", "Facebook")
    return replace(e, text=f"{word} {e.text}", start=at)


def _part_of_name(e: Entity, name: Entity) -> bool:
    """``e`` tags a person's name short of the ``name`` written before an age ("Lenk" of "Dara Lenk, 24,")."""
    return e.label == "PERSON" and name.start <= e.start and e.end <= name.end and \
        len(plain_name_words(_form(e.text))) < len(plain_name_words(_form(name.text)))


def _full_name(e: Entity) -> list[str]:
    """A person's name as plain lower-case words, titles and a suffix ("Jr.", "III") left out, when it has a given
    name and a surname: "Dale Roe Jr." is lined up with "Dale Roe" by his surname."""
    if e.label != "PERSON":
        return []
    words = plain_name_words(_form(e.text))
    while words and words[-1] in NAME_SUFFIXES:
        words = words[:-1]
    return words if len(words) >= 2 else []


def doer_observations(aligned: Iterable[tuple[Claim, Claim, float]]):
    """Observations, shaped as :func:`name_observations`' are, of one statement from two outlets that
    gives one office to a person of one surname and two given names ("Rep. Marta Quiroga defeated ..." /
    "Representative Delia R. Quiroga defeated ..."): one outlet names the wrong holder of the office.
    A title is asked of both, because a family is often named across one story in sentences alike."""
    for a, b, score in aligned:
        if a.outlet == b.outlet or score < DOER_SCORE:
            continue
        titled_b = _titled_people(b)
        if not titled_b:
            continue
        for ea, x in _titled_people(a):
            for eb, y in titled_b:
                if given_names_apart(x, y) and same_office(ea.role, eb.role):
                    yield score, (a, ea.text, (ea.start, ea.end), " ".join(x)), \
                        (b, eb.text, (eb.start, eb.end), " ".join(y))


def _titled_people(c: Claim) -> list[tuple[Entity, list[str]]]:
    """The claim's people given a title, with their full names (every aligned pair asks, so the
    names are read only for entities that can hold an office)."""
    return [(e, words) for e in c.entities if e.role and (words := _full_name(e))]


def _first_and_last(words: list[str]) -> str:
    return f"{words[0]} {words[-1]}"


def _named_by_outlet(claims: Iterable[Claim]) -> set[tuple[str, str]]:
    """(outlet, given name and surname) for every person an outlet names in full in the story."""
    return {(c.outlet, _first_and_last(words)) for c in claims for e in c.entities if (words := _full_name(e))}


def _covers(e: Entity, span: tuple[int, int]) -> bool:
    return e.start <= span[0] and span[1] <= e.end


_CAPTION = re.compile(r"\s*(?:in\s+)?this\b[^.]{0,60}?\b(?:photo|image|picture)\b", re.I)  # "In this 2001 photo,"
STORY_SCORE = 0.5  # a name respelled anywhere in a story is weaker evidence than in a copied sentence
MIN_RESPELLED = 5  # shorter words respelled are as often other names ("Mark" / "Mary")
STORY_MIN_RATIO = 0.8


def _respelled_word(x: str, y: str) -> tuple[str, str] | None:
    """The one word two spellings of a name differ in, when the rest is the same and that word is long."""
    tx = [w.strip(".,:;") for w in _form(x).casefold().split()]
    ty = [w.strip(".,:;") for w in _form(y).casefold().split()]
    differing = [(a, b) for a, b in zip(tx, ty) if _plain(a) != _plain(b)]
    if len(tx) != len(ty) or len(differing) != 1:
        return None
    a, b = differing[0]
    if min(len(a), len(b)) < MIN_RESPELLED or not (a.isalpha() and b.isalpha()) or _inflected(a, b):
        return None
    # Across sentences nothing else vouches for one entity: only a letter or two may differ ("State" / "Senate" is two)
    return (a, b) if SequenceMatcher(None, a, b).ratio() >= STORY_MIN_RATIO else None


_ENDINGS = frozenset("s es ic ics ian ians an ans n ns ese ish i is ist ists ism ite ites ed er ers".split())
_DERIVED_ENDINGS = frozenset("or ors ion ions".split())


def _inflected(a: str, b: str) -> bool:
    """Two forms of one word, not two spellings ("Democratic" / "Democrats", "Iraqi" / "Iraq")."""
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    ends = (a[k:], b[k:])
    return k >= 4 and all(e == "" or e in _ENDINGS for e in ends)


def _story_observations(claims: Iterable[Claim]):
    """The same observations for a name two outlets of one story spell differently in any sentences
    ("Reince Preibus, chairman of ..." / "Chairman Reince Priebus"), when neither outlet uses the other's form."""
    claims = list(claims)
    first: dict[tuple[str, str, str], tuple[Claim, Entity]] = {}  # (story, outlet, form) -> its first mention
    for c in sorted(claims, key=lambda c: (c.published, c.article_id, c.start)):
        for e in story_entities(c):
            form = " ".join(_form(e.text).split())
            # a full name only: a one-word name respelled is as often another name ("Twitter" / "Titter")
            if e.label in NAME_LABELS and e.text[:1].isupper() and c.story_id and len(form.split()) >= 2:
                key = (c.story_id, c.outlet, form)
                # a photo caption describes an old picture of the person, not the report: cite the report
                if key not in first or _CAPTION.match(first[key][0].text) and not _CAPTION.match(c.text):
                    first[key] = (c, e)
    by_story: dict[str, list[tuple[str, str, Claim, Entity]]] = defaultdict(list)
    for (story, outlet, form), (c, e) in first.items():
        by_story[story].append((outlet, form, c, e))
    for story, forms in by_story.items():
        by_outlet: dict[str, set[str]] = defaultdict(set)
        for outlet, form, _, _ in forms:
            by_outlet[outlet].add(form.casefold())
        together = None
        for i, (oa, fa, ca, ea) in enumerate(forms):
            for ob, fb, cb, eb in forms[i + 1:]:
                if oa == ob or ea.label != eb.label or fb.casefold() in by_outlet[oa] or fa.casefold() in by_outlet[ob]:
                    continue
                if _form_between(fa, fb, by_outlet[oa] | by_outlet[ob]):
                    continue  # the outlets' nearer forms are the pair to set side by side
                if _person(ea, eb) and given_name_only(fa, fb):
                    words = _given_name_slip(fa, fb)
                    if words is not None and together is None:
                        together = _named_together(c for c in claims if c.story_id == story)
                    if words is None or frozenset(words) in together:
                        continue  # two given names an article gives side by side are two people (siblings)
                else:
                    words = (_surname_lengthened(fa, fb) or _surname_respelt(fa, fb)) if _person(ea, eb) else None
                    if words is None and is_spelling_variant(fa, fb):
                        words = _respelled_word(fa, fb) or (_both_respelled(fa, fb) if _person(ea, eb) else None)
                if words is None:
                    continue
                yield STORY_SCORE, (ca, ea.text, (ea.start, ea.end), words[0]), \
                    (cb, eb.text, (eb.start, eb.end), words[1])


def _form_between(x: str, y: str, written: set[str]) -> bool:
    """One of two outlets also writes a form of the name made of the two forms' words ("Dana Mollet" beside its
    "Dana Morret", set against another's "Dina Mollet"): that form is nearer the other outlet's, and a word the
    outlet writes both ways is its own slip, no disagreement between the two."""
    wx, wy = (_form(x).casefold().split(), _form(y).casefold().split())
    for form in written:
        words = form.split()
        if len(words) == len(wx) == len(wy) and words not in (wx, wy) and \
                all(w in (p, q) for w, p, q in zip(words, wx, wy)):
            return True
    return False


def _both_respelled(x: str, y: str) -> tuple[str, str] | None:
    """The surnames of a person's two-word name written with the given name and the surname each respelled
    ("Oren Valera" / "Aron Valeira"), when the surname is respelled as :func:`_respelled_word` reads a word."""
    wx, wy = plain_name_words(_form(x)), plain_name_words(_form(y))
    if len(wx) != 2 or len(wy) != 2 or wx[0] == wy[0]:
        return None
    return _respelled_word(wx[1], wy[1])


MIN_SURNAME = 4  # "Holt" / "Holte"; a shorter surname with a letter added is as often another ("Lee" / "Leed")


def _surname_lengthened(x: str, y: str) -> tuple[str, str] | None:
    """The surnames of two full names of a person alike but for a letter added at the surname's end ("Dana
    Holt" / "Dana Holte"): one person's slip, though a word with a letter added is often another word form
    ("Somali" / "Somalia"). Not an "s", which makes a family's plural ("the Holts")."""
    wx, wy = plain_name_words(_form(x)), plain_name_words(_form(y))
    if len(wx) < 2 or len(wx) != len(wy) or wx[:-1] != wy[:-1]:
        return None
    short, long_ = sorted((wx[-1], wy[-1]), key=len)
    if len(short) < MIN_SURNAME or len(long_) != len(short) + 1 or not long_.startswith(short):
        return None
    return (wx[-1], wy[-1]) if long_[-1] != "s" and long_.isalpha() else None


def _surname_respelt(x: str, y: str) -> tuple[str, str] | None:
    """The surnames of two full names of a person alike but for the surname respelt by more than a letter or two
    ("Dana Mollet" / "Dana Morret"): the rest of the name written alike vouches for one person where the surname's
    letters alone would not."""
    wx, wy = _unsuffixed(plain_name_words(_form(x)), plain_name_words(_form(y)))
    if len(wx) < 2 or len(wy) < 2 or wx[0] != wy[0] or len(wx[0]) < MIN_GIVEN:
        return None
    # a middle name one outlet leaves out is the same name ("Dana Mollet" / "Dana Lee Morret"); two are two people
    short, long_ = sorted((wx[1:-1], wy[1:-1]), key=len)
    if not set(short) <= set(long_) or len(long_) > 1:
        return None
    return (wx[-1], wy[-1]) if respelt_surname(wx[-1], wy[-1]) else None


def _unsuffixed(wx: list[str], wy: list[str]) -> tuple[list[str], list[str]]:
    """Two names' words without a generational suffix one of them alone writes ("Dion Lasken" / "Dion Laskin
    Jr."); two suffixes are kept, for "Jr." and "Sr." are two people."""
    sx, sy = bool(wx) and wx[-1] in NAME_SUFFIXES, bool(wy) and wy[-1] in NAME_SUFFIXES
    if sx and not sy:
        return wx[:-1], wy
    if sy and not sx:
        return wx, wy[:-1]
    return wx, wy


MIN_MAJORITY = 2  # outlets that must agree on a form before a loosely respelt given name counts against it


def _loose_observations(claims: list[Claim]):
    """Observations of a person's given name (first or middle) respelt in the loose sense ("O'Neal" / "O'Neil
    Bandoo"): one outlet alone uses its form and never the other, at least ``MIN_MAJORITY`` others use the
    other (so no article names both, as one telling of two brothers would), and the two names share the
    surname and every other word. Where outlets split evenly the two forms are more likely house styles of
    a transliterated name than a slip. An outlet that writes one form in one report and the other in another,
    never both in one, has corrected itself: one person too, when another outlet names the person as well. One
    outlet against one is enough where both write the name with one age ("Rafe Dunn, 16," / "16-year-old Raffe
    Dunn"): the surname and the age tie one person, so the given names may differ by more letters."""
    outlets: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)  # (story, name words) -> outlets
    articles: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
    first: dict[tuple[str, tuple[str, ...], str], tuple[Claim, Entity]] = {}
    aged: dict[tuple[str, tuple[str, ...], str], set[float]] = defaultdict(set)  # ages written against the name
    reporting: dict[str, set[str]] = defaultdict(set)  # story -> its outlets
    for c in sorted(claims, key=lambda c: (c.published, c.article_id, c.start)):
        reporting[c.story_id].add(c.outlet)
        for e in story_entities(c):
            if c.story_id and (words := tuple(_full_name(e))):
                outlets[(c.story_id, words)].add(c.outlet)
                articles[(c.story_id, words)].add(c.article_id)
                first.setdefault((c.story_id, words, c.outlet), (c, e))
                aged[(c.story_id, words, c.outlet)] |= _ages_written(c, e)
            elif c.story_id and e.label == "PERSON" and len(alone := plain_name_words(_form(e.text))) == 1:
                outlets[(c.story_id, tuple(alone))].add(c.outlet)  # a given name written alone ("Tommie")
    by_surname: dict[tuple[str, str], list[tuple[str, ...]]] = defaultdict(list)
    for story, words in outlets:
        if len(words) >= 2:
            by_surname[(story, words[-1])].append(words)

    @lru_cache(maxsize=None)
    def together(story: str) -> set[frozenset[str]]:
        """The pairs of given names an article of the story gives two people (see ``_named_together``)."""
        return _named_together(c for c in claims if c.story_id == story)

    for (story, _), names in by_surname.items():
        for wx in names:
            for wy in names:
                ox, oy = outlets[(story, wx)], outlets[(story, wy)]
                if len(wy) != len(wx) or wx == wy:
                    continue
                differing = [(p, q) for p, q in zip(wx[:-1], wy[:-1]) if p != q]
                if len(differing) != 1:
                    continue
                # another outlet names the person too, in full or by the given name alone
                p, q = differing[0]
                naming = ox | oy | outlets.get((story, (p,)), set()) | outlets.get((story, (q,)), set())
                corrected = bool(ox & oy) and wx < wy and len(naming) >= MIN_MAJORITY and \
                    not articles[(story, wx)] & articles[(story, wy)]
                one_each = len(ox) == len(oy) == 1 and not ox & oy
                ages_x = aged[(story, wx, min(ox))] if one_each else set()
                ages_y = aged[(story, wy, min(oy))] if one_each else set()
                # the surname and an age tie one person; so does the surname alone in a story the two outlets alone
                # report, where no third can side with either form, unless the two give other ages (where other
                # outlets report the story and leave the person unnamed, the person is one of its bystanders, often
                # a foreign name the two transliterate each their way: "Massoud" / "Masoud")
                one_age = one_each and (bool(ages_x & ages_y) or len(reporting[story]) == 2
                                        and not (ages_x and ages_y))
                if not (corrected or one_age) and (len(ox) != 1 or len(oy) < MIN_MAJORITY or ox & oy):
                    continue
                strict = misspelt_given_name(p, q)
                if one_age:
                    # an article that names both is telling of two people (twins)
                    if not (strict or respelt_given_name(p, q)) or frozenset((p, q)) in together(story):
                        continue
                # a strict slip is read by the story path already, unless an outlet's own reports hide it there
                elif not (strict and corrected or respelt_given_name(p, q) and not strict):
                    continue
                for oa, ob in sorted((oa, ob) for oa in ox for ob in oy):
                    ca, ea = first[(story, wx, oa)]
                    cb, eb = first[(story, wy, ob)]
                    yield STORY_SCORE, (ca, ea.text, (ea.start, ea.end), p), (cb, eb.text, (eb.start, eb.end), q)


def _ages_written(c: Claim, e: Entity) -> set[float]:
    """The ages written against a person's name, a bare whole number after it too ("Dale Roe, 16 — a junior")."""
    return {q.value for q in c.quantities
            if (q.unit == AGE_UNIT or bare_age(q)) and written_against(c, e, q.start, q.end)}


def _given_name_slip(x: str, y: str) -> tuple[str, str] | None:
    """The given names of two full names of one surname, when one is the other mistyped ("Jerald" /
    "Gerald Okafor"; a middle name on one side only is left out: "Stefania Marie Lund" / "Stephania Lund"),
    or the middle names of two names alike but for one respelt ("Ana Lusia Roe" / "Ana Luisa Roe")."""
    wx, wy = plain_name_words(_form(x)), plain_name_words(_form(y))
    if len(wx) < 2 or len(wy) < 2 or wx[-1] != wy[-1]:
        return None
    if misspelt_given_name(wx[0], wy[0]):
        return wx[0], wy[0]
    middle = [(p, q) for p, q in zip(wx[1:-1], wy[1:-1]) if p != q]
    if wx[0] != wy[0] or len(wx) != len(wy) or len(middle) != 1:
        return None
    # one given name and surname: a middle name a letter apart ("Russel" / "Russell") is one person's slip
    p, q = middle[0]
    return (p, q) if misspelt_given_name(p, q) or respelt_given_name(p, q) else None


def _named_together(claims: Iterable[Claim]) -> set[frozenset[str]]:
    """Pairs of given names one article gives a person of one surname each ("Jerald and Gerald Okafor"
    counted too when written in full): two people, not one spelt two ways."""
    given: dict[tuple[str, str], set[str]] = defaultdict(set)  # (article, surname) -> given names
    for c in claims:
        for e in story_entities(c):
            if words := _full_name(e):
                given[(c.article_id, words[-1])].add(words[0])
    return {frozenset((p, q)) for names in given.values() for p in names for q in names if p != q}


def name_variant_flags(aligned: Iterable[tuple[Claim, Claim, float]],
                       claims: Iterable[Claim] = ()) -> list[Flag]:
    """One flag per article that spells an entity in a minority form, paired with its best match."""
    spellings: UnionFind[str] = UnionFind()
    claims = list(claims)
    aligned = list(aligned)
    doers = list(doer_observations(aligned))
    if doers:
        named = _named_by_outlet(claims)
        # Two given names of one surname are a slip only where neither outlet names the other's person:
        # a story of a family names each member in every outlet.
        doers = [(s, x, y) for s, x, y in doers
                 if (x[0].outlet, _first_and_last(y[3].split())) not in named
                 and (y[0].outlet, _first_and_last(x[3].split())) not in named]
    observed = list(name_observations(aligned)) + list(_story_observations(claims)) + doers + \
        list(surname_observations(claims)) + list(aged_surname_observations(claims)) + \
        list(swapped_name_observations(claims)) + list(_loose_observations(claims))
    # Spellings are counted by the respelled word, so "Brian Nikhols" and a later bare "Nikhols"
    # in the same article are one variant, flagged once.
    for _, x, y in observed:
        spellings.union(x[3], y[3])
    forms: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # entity -> word -> articles
    candidates: dict[tuple[str, str], tuple] = {}
    for score, x, y in observed:
        entity = spellings.find(x[3])
        forms[entity][x[3]].add(x[0].article_id)
        forms[entity][y[3]].add(y[0].article_id)
        for ref, var in ((x, y), (y, x)):
            key = (entity, var[0].article_id + "|" + var[3])
            if key not in candidates or score > candidates[key][0]:
                candidates[key] = (score, ref, var)
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_article[c.article_id].append(c)
    flags = []
    for (entity, _), (score, ref, var) in candidates.items():
        by_form = forms[entity]
        if len(by_form[var[3]]) > len(by_form[ref[3]]):
            continue  # this article uses the majority spelling: the other side is the variant
        if len(by_form[var[3]]) == len(by_form[ref[3]]):
            if len(by_form[var[3]]) > 1:
                continue  # outlets split evenly between two spellings in use: none stands out as the slip
            if (var[0].published, var[0].id) < (ref[0].published, ref[0].id):
                continue  # one article each: the later one is taken as the variant
        if _thing_mistyped(ref, var):
            continue
        ref, var = _plainest_mention(ref, by_article), _plainest_mention(var, by_article)
        first, second = (ref, var) if (ref[0].published, ref[0].id) <= (var[0].published, var[0].id) else (var, ref)
        finding = Finding("name_variant", first[0], second[0], first[1], second[1], first[2], second[2],
                          confidence=min(0.9, 0.5 + score / 3))
        flags.append(make_flag(finding))
    return flags


def _plainest_mention(side: tuple, by_article: dict[str, list[Claim]]) -> tuple:
    """One side of a name observation moved, when the name is written in a photo caption, a video's
    blurb or a quoted post, to the plainest sentence of the same article writing it alike (the earliest of
    equals); a name written plainly stays where it was observed."""
    from .disagreements import indirectness  # local: the numbers module reads this one

    c, text, span = side[0], side[1], side[2]
    rank = indirectness(c, span)
    if not rank:
        return side
    best = side
    for d in sorted(by_article.get(c.article_id, ()), key=lambda d: d.start):
        at = d.text.find(text)
        if d.id == c.id or at < 0:
            continue
        where = (d.start + at, d.start + at + len(text))
        if indirectness(d, where) < rank:
            rank, best = indirectness(d, where), (d, text, where, *side[3:])
    return best


def _thing_mistyped(x: tuple, y: tuple) -> bool:
    """Two spellings of a place's or a body's name a letter apart ("Lehigh Vally Hospital"): a slip no reader
    takes for another hospital, while a person's name a letter apart may be another person's."""
    ex, ey = (next((e for e in story_entities(o[0]) if e.start < o[2][1] and o[2][0] < e.end), None) for o in (x, y))
    if ex is None or ey is None or _person(ex, ey):
        return False
    a, b = x[3].casefold(), y[3].casefold()
    return edit_distance(a, b, 1) <= 1 or _jumbled(a, b)


MIN_JUMBLED = 6  # a short word's letters reordered are as often another word ("Salem" / "Selma")


def _jumbled(a: str, b: str) -> bool:
    """One word the other's letters with one dropped and two swapped ("Castellan" / "Castlean"), first and last
    letters kept: a typing slip, where another place's name brings letters of its own ("Dalmont" / "Delmant")."""
    if a == b or max(len(a), len(b)) < MIN_JUMBLED or a[0] != b[0] or a[-1] != b[-1]:
        return False
    extra = (Counter(a) - Counter(b)) + (Counter(b) - Counter(a))
    return sum(extra.values()) <= 1
