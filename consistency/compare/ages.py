"""Ages one person is given by different outlets of a story ("Ann Lee Ray, 17" / "Ann Ray, 18";
"the victim, Tom Hale, 38" / "the 45-year-old man wounded there"), read from the figures extraction
counts in years old.

A person is matched by name (the full name, a shorter form of it, or a surname only one person of the
story bears), by a role that only one person of the story is given and only one age of each report
fits, or, unnamed, by a kin or age-group word ("the 11-year-old boy", "his 3-year-old sister", "a
6-month-old baby") that picks out one person in each report and in the story. Two ages that the time
between the reports can explain (a birthday, a year gone by) are no conflict; a later age lower than an
earlier one is, whatever the gap, and an older age said at a trial is none (a sentencing may be years on)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from ..extract.quantities import AGE_UNIT
from ..lexicon import NAME_SUFFIXES
from ..records import Claim, Entity, Flag, Quantity
from .base import ALSO_CITED, UPDATE_CUES, Finding, cited_beside, claims_by_story, evidence, make_flag, \
    tells_of_another_incident
from .person_names import close, one_given_name, plain_name_words
from .places import PLACE_LABELS
from .unionfind import UnionFind

CONFIDENCE = 0.75
# Ages this far apart under one name are a parent and a child sooner than one age misreported.
GENERATION = 15
# An age said at a trial or a sentencing may be years older than the age at the deed.
_COURT = re.compile(r"\b(?:guilty|convicted(?!\s+felons?\b)|convict|sentenced|sentencing|trial|jury|pleaded|acquitted|"
                    r"parole[ds]?)\b", re.I)  # "a convicted felon" is what he was before, not a court date
# Roles that one person of an incident usually holds, and the words that give them.
_ROLE_WORDS = {
    "victim": "victim", "gunman": "gunman", "shooter": "gunman", "suspect": "suspect",
}
# "-year-old" as news writes it: also "-year old", " year old", "-years-old".
YEAR_OLD = r"(?:\s?-|\s)years?[- ]old"
AFTER_AGE = re.compile(rf"^{YEAR_OLD}\s+((?:[a-z]+\s+){{0,2}}?)([a-z]+)\b")
# "Tom Hale, 45," "Tom Hale, aged 45," "Tom Hale, who was 45,": what stands between a name and its age.
_COMMA_AGE = r",\s*(?:aged?\s+|who\s+(?:was|is)\s+)?$"
NAME_THEN_AGE = re.compile(_COMMA_AGE)
# A capitalised name word, hyphened or with a capital inside ("Garcia-Ramos", "O'Neal", "McCoy").
NAME_WORD = r"[A-Z][a-z'’]*(?:[-'’]?[A-Z][a-z'’]+)*[a-z]"  # one capitalised word of a name
# A name spaCy leaves untagged: capitalised words, then the age after a comma ("Dale Ambrose Pike, 52,", "Dale Pike
# Jr., 52,").
_NAME_BEFORE_AGE = re.compile(rf"(?<![\w'’-])((?:{NAME_WORD}\s+){{1,3}}{NAME_WORD}(?:\s+(?:Jr|Sr)\.|\s+I[IV]I?)?)"
                              rf"{_COMMA_AGE}")
# The labels a name may carry: the small tagger often reads an unfamiliar given name as a place or a body.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW"})
# "in Lake Varden, 41,": a name after a word of place is the place's, whatever number follows it.
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|outside|inside|to)\s+$", re.I)
AGE_THEN_NAME = re.compile(rf"{YEAR_OLD}\s+|{YEAR_OLD}(?:\s+[a-z]+)?(?:,|\s+as)\s+")
# A verb right after a description with an object after it is something the described person did ("the boy
# shot his sister"); with none, it was done to them ("the boy shot in the leg").
_OBJECT = r"\s+(?:a|an|the|his|her|their|him|them|two|three|four|himself|herself)\b"
# "the 45-year-old man wounded in the shooting": a person described by what was done to them.
_HURT = re.compile(r"^\s*(?:who\s+was\s+)?(?:injured|wounded|shot|hurt|killed)\b(?!" + _OBJECT + ")", re.I)
_ROLE_BEFORE_NAME = re.compile(r"\b(victim|gunman|shooter|suspect),?\s+$", re.I)
# Words that describe one person of a happening by kin or age group when no name is given; "teen" and "man" are
# left out: a story often holds several of them ("child" is in: a report that gives two children ages leaves it open).
# Every family relation is one ("grandfather", "girlfriend", "sibling"): a report names few of each.
MALE_KIN = frozenset({
    "boy", "son", "brother", "nephew", "grandson", "stepson", "father", "dad", "grandfather", "stepfather",
    "husband", "uncle", "boyfriend", "fiance",
})
FEMALE_KIN = frozenset({
    "girl", "daughter", "sister", "niece", "granddaughter", "stepdaughter", "mother", "mom", "grandmother",
    "stepmother", "wife", "aunt", "girlfriend", "fiancee",
})
_KIN_WORDS = MALE_KIN | FEMALE_KIN | frozenset({
    "baby", "infant", "toddler", "cousin", "sibling", "grandchild", "stepchild", "parent", "grandparent", "spouse",
    "relative", "child", "kid",
})
# "his grandfather, 35," / "the victim's aunt, 51,": an age set after a kin word as after a name; a headline's "Boy,
# 7," may stand for any boy of the story.
_KIN_BEFORE = re.compile(r"\b(?:the|his|her|their|its|our|\w+['’]s)\s+(?:[a-z]+\s+)?("
                         + "|".join(sorted(_KIN_WORDS)) + r"),\s*(?:aged?\s+)?$", re.I)
_MONTHS_OLD = re.compile(r"\b(\d{1,2})[- ]months?[- ]old\b", re.I)
_AFTER_MONTHS = re.compile(r"^\s*((?:[a-z]+\s+){0,2}?)([a-z]+)\b")
# "the son": a kin word said of a person without an age beside it ("his son" is someone else's).
_KIN_REFERENCE = re.compile(r"\bthe\s+(" + "|".join(sorted(_KIN_WORDS)) + r")\b(?!\s+of\b|'s|’s)",
                            re.I)
# "Tom Hale, 31, is suspected of shooting the toddler": the kin word after a verb of harm that follows the named
# person is the one they harmed, another person.
_HARM_BEFORE = re.compile(r"\b(?:shoot|shooting|shot|kill|killing|killed|wound|wounding|wounded|hit|hitting|"
                          r"striking|struck|stab|stabbing|stabbed|beat|beating|murder|murdering|murdered|attacking|"
                          r"attacked)\s+$", re.I)
# The part a described person had in the happening, read from the words just before the age and just after
# the description, first match first: killed, wounded, hit (shot, no more said), charged (or arrested), fired.
_DET = r"(?:a|an|the|his|her|their|this|that|its)\s+$"
_PART_BEFORE = tuple((part, re.compile(words + _DET, re.I)) for part, words in (
    ("fired", r"\b(?:shot|killed|wounded|hit|(?:shot|beaten|stabbed)\s+to\s+death)\s+by\s+"),
    ("killed", r"\b(?:killing|killed|murdering|murdered|(?:fatal|deadly)\s+(?:shooting|injury|wounding)\s+of"
               r"|(?:death|murder)\s+of)\s+"),
    ("wounded", r"\b(?:wounding|wounded|injuring|injured)\s+"),
    ("charged", r"\b(?:charged|charging|arrested|arresting|arrest\s+of|detained|booked|indicted)\s+"),
    ("hit", r"\b(?:shot|shooting\s+of|hit)\s+"),
))
_NO_OBJECT = r"\b(?!" + _OBJECT + ")"
# "was also shot", "was accidentally shot to death": a word between the verb and its helper.
_ADVERB = r"(?:(?:also|\w+ly)\s+)?"
_PART_AFTER = tuple((part, re.compile(r"^\s*,?\s*(?:who\s+|that\s+)?(?:" + words + ")", re.I)) for part, words in (
    ("fired", r"(?<=who\s)shot\b|(?:fired|opened\s+fire|pulled\s+the\s+trigger)\b|(?:shot|killed|wounded)" + _OBJECT +
              r"|(?:shot|grabbed|brought|found|picked\s+up)\s+(?:the|a|an|his|her)\s+"
              r"(?:\w+\s+)?(?:gun|rifle|shotgun|handgun|pistol|weapon|firearm)\b"),
    ("killed", r"(?:(?:was|were|is|has\s+been|had\s+been)\s+)?" + _ADVERB + r"(?:(?:shot\s+and\s+)?killed"
               r"|fatally\s+(?:shot|wounded)|(?:shot|beaten|stabbed)\s+to\s+death|(?:found|pronounced)\s+dead"
               r"|died|dead)" + _NO_OBJECT),
    ("wounded", r"(?:(?:was|were|is)\s+)?" + _ADVERB + r"(?:wounded|injured|hurt)" + _NO_OBJECT + r"|survived\b"
                r"|(?:was|were|has\s+been)\s+(?:released|discharged)\s+from\s+(?:the\s+)?hospital\b"
                r"|(?:was|were)\s+" + _ADVERB + r"shot,?\s+(?:but|and)\s+survived\b"),
    ("charged", r"(?:is|was|has\s+been|had\s+been|will\s+be)\s+(?:charged|arrested|detained|booked|indicted|tried)\b"),
    ("hit", r"(?:(?:was|were|is|had\s+been)\s+)?" + _ADVERB + r"shot" + _NO_OBJECT),
))
# The part a role word gives ("the suspect", "the gunman", "the victim").
_ROLE_PART = {"victim": "hit", "gunman": "fired", "suspect": "charged"}
_DOERS = frozenset({"charged", "fired"})
# "the uncle of a 7-year-old boy", "mother of a 2-year-old": a person named through a relative of theirs,
# someone else than the people of the happening unless the words after the description give them a part.
_KIN_OF = re.compile(r"\b(?:(?:grand|step)?(?:father|mother|parent|son|daughter|child)|dad|mom|mum|brother|sister|"
                     r"wife|husband|uncle|aunt|cousin|nephew|niece|girlfriend|boyfriend)s?\s+of\s+(?:a|an|the)\s+$",
                     re.I)
# Ages of the very young are rounded either way ("a 22-month-old" is said to be 1 or 2).
_ROUNDED_BELOW = 3


@dataclass(frozen=True, slots=True)
class AgeMention:
    """One age a report gives, with whom it is given of: a name, or a role when no one is named."""

    claim: Claim
    value: float  # years; a fraction for an age given in months
    span: tuple[int, int]
    name: tuple[str, ...] = ()  # the name's plain words
    role: str | None = None
    kin: frozenset[str] = frozenset()  # kin or age-group words the report describes the person by
    part: str | None = None  # killed, wounded, hit, charged or fired, when the sentence or the role says which


# "his grandfather, 35, was shot": a bare number set after a kin word like a name's age is that person's age.
_AGE_AFTER_KIN = re.compile(r"^\s*(?:,|and\b|(?:was|were|is|had)\b)")
_OLDEST = 110


def bare_age(q: Quantity) -> bool:
    """A bare whole number that may be an age: a count with no unit and no hedge, above 0 and at most ``_OLDEST``."""
    return q.unit is None and q.kind == "count" and not q.hedge and q.value == int(q.value) and 0 < q.value <= _OLDEST


def age_quantities(c: Claim) -> list[Quantity]:
    """The claim's ages: those read as years old, and a bare whole number written after a kin word as a name's age
    would be ("the grandmother, 45, and her grandson")."""
    out = []
    for q in c.quantities:
        if bare_age(q) and _KIN_BEFORE.search(c.text[:q.start - c.start]) \
                and _AGE_AFTER_KIN.match(c.text[q.end - c.start:]):
            q = replace(q, unit=AGE_UNIT)
        if q.unit == AGE_UNIT:
            out.append(q)
    return out


def age_mentions(claims: Iterable[Claim]) -> list[AgeMention]:
    """Every age of the claims with the name written beside it ("Name, 45," / "45-year-old Name")
    or, when none is, the role, kin word and part its description gives ("the 45-year-old gunman"); an
    unnamed person of a sentence about another happening is left out."""
    out = []
    claims = list(claims)
    by_id = {c.id: c for c in claims}
    for c in claims:
        other = tells_of_another_incident(c.text)
        named = []
        for q in age_quantities(c):
            if q.value != int(q.value) or q.hedge == "between":
                continue  # a range of ages ("between 20 and 30 years old") is of several people
            person = _named(c, q.start, q.end) or untagged_name(c, q.start)
            held = None if person is not None or other else _pronoun_held(c, q, by_id)
            if held is not None:
                out.append(replace(held, claim=c, value=int(q.value), span=(q.start, q.end)))
            elif person is not None:
                role = _role_before(c, person)
                named.append(AgeMention(c, int(q.value), (q.start, q.end), tuple(plain_name_words(person.text)), role,
                                        _kin_of_name(c, person), _ROLE_PART.get(role)))
            elif not other and not kin_of_another(c, q.start, q.end):
                role = _described_role(c, q.end)
                kin = _kin_after(_words_after(c, q.end), AFTER_AGE) or _kin_before(c, q.start)
                part = described_part(c, q.start, q.end, AFTER_AGE) or _ROLE_PART.get(role)
                out.append(AgeMention(c, int(q.value), (q.start, q.end), (), role, kin, part))
        out += _with_kin_said(c, named) + ([] if other else _months_old(c))
    return [m for m in out if m.name or m.role or m.kin]


# "officers think she was six years old": an age whose holder is a pronoun for the person just named or described.
_PRONOUN_AGE = re.compile(r"\b(he|she)\s+(?:was|is|had\s+turned|turned)\s+(?:only\s+|just\s+)?$", re.I)
_KIN_SAID = re.compile(r"\b(" + "|".join(sorted(_KIN_WORDS)) + r")\b", re.I)


def _pronoun_held(c: Claim, q: Quantity, by_id: dict[str, Claim]) -> AgeMention | None:
    """The person a "he was N" or "she was N years old" age is of, read from the sentence just before it: the one
    person it names, else the one kin word it describes someone by ("A small girl was found hurt ... she was six")."""
    m = _PRONOUN_AGE.search(c.text[:q.start - c.start])
    article, _, n = c.id.rpartition("#")
    if m is None or any(e.label == "PERSON" and e.start < q.start for e in c.entities) or not n.isdigit():
        return None
    before = by_id.get(f"{article}#{int(n) - 1}")
    if before is None:
        return None
    names = {tuple(plain_name_words(e.text)) for e in before.entities if e.label == "PERSON"}
    if len(names) == 1 and len(next(iter(names))) >= 2:
        return AgeMention(c, q.value, (q.start, q.end), next(iter(names)))
    kin = {k.group(1).casefold() for k in _KIN_SAID.finditer(before.text)}
    wrong = FEMALE_KIN if m.group(1).casefold() == "he" else MALE_KIN
    if names or len(kin) != 1 or kin & wrong:
        return None
    return AgeMention(c, q.value, (q.start, q.end), (), None, frozenset(kin))


# Nouns that describe an unnamed person by sex or age group only, each with its plural; a story often holds
# several people of one ("a 31-year-old man" shot and "a 25-year-old man" wounded).
_GENERIC = {"man": "man", "men": "man", "male": "man", "males": "man", "woman": "woman", "women": "woman",
            "female": "woman", "females": "woman", "teen": "teen", "teens": "teen", "teenager": "teen",
            "teenagers": "teen", "youth": "teen", "youths": "teen", "person": "person", "people": "person"}
_GENERIC_AFTER = re.compile(r"^(?:[- ](?:years?|yrs?)[- ]old)?\s*(?:[a-z]+\s+){0,2}?(" + "|".join(_GENERIC) + r")\b")
_GENERIC_BEFORE = re.compile(r"\b(" + "|".join(_GENERIC) + r"),\s*(?:aged?\s+)?$")


def generic_person(c: Claim, q: Quantity) -> str | None:
    """The generic noun an age describes an unnamed person by ("a 31-year-old man", "one woman, 40,"), or
    None when the age is of a named person or of someone described otherwise."""
    if q.unit != AGE_UNIT or _named(c, q.start, q.end) or untagged_name(c, q.start):
        return None
    m = _GENERIC_AFTER.match(c.text[q.end - c.start:].casefold()) or \
        _GENERIC_BEFORE.search(c.text[:q.start - c.start].casefold())
    return _GENERIC[m.group(1)] if m else None


def crowded_descriptions(claims: Iterable[Claim]) -> set[tuple[str, str]]:
    """(story, generic noun) of each story where one report gives several people that description: two ages
    of it ("a 31-year-old man ... one man, 22,") or a count of two or more ("two men were shot")."""
    ages: dict[tuple[str, str, str], set[float]] = defaultdict(set)
    out = set()
    for c in claims:
        for q in c.quantities:
            noun = generic_person(c, q)
            if noun is not None:
                ages[(c.story_id or "", c.article_id, noun)].add(q.value)
            elif q.unit and q.unit.casefold() in _GENERIC and q.value >= 2 and q.kind == "count":
                out.add((c.story_id or "", _GENERIC[q.unit.casefold()]))
    return out | {(story, noun) for (story, _, noun), values in ages.items() if len(values) > 1}


def kin_of_another(c: Claim, start: int, end: int, description: re.Pattern = AFTER_AGE) -> bool:
    """The age describes someone only as another person's relative ("the mother of a 4-year-old girl"),
    with no part in the happening said right after it ("... girl who was wounded" has one; after a comma,
    "the mother of a 4-year-old girl, was killed", the part is the relative's)."""
    if not _KIN_OF.search(c.text[:start - c.start]):
        return False
    after = _words_after(c, end)
    m = description.match(after.casefold())
    closed = m is not None and after[m.end():].lstrip().startswith(",")
    return closed or _part_after(c, end, description) is None


def described_part(c: Claim, start: int, end: int, description: re.Pattern) -> str | None:
    """The part the sentence gives the person an age describes: killed ("the killing of a 9-year-old"),
    wounded ("the 9-year-old boy was wounded"), hit ("shot a 9-year-old"), charged ("arrested a
    17-year-old"), or fired ("shot by a 3-year-old", "the boy who fired")."""
    before = c.text[:start - c.start]
    return next((part for part, p in _PART_BEFORE if p.search(before)), None) or _part_after(c, end, description)


def _part_after(c: Claim, end: int, description: re.Pattern) -> str | None:
    """The part the words after a description give ("the 9-year-old boy who fired")."""
    after = _words_after(c, end)
    m = description.match(after.casefold())
    return next((part for part, p in _PART_AFTER if p.match(after[m.end():])), None) if m else None


# "a 7-year-old Lakeview girl": the capitalised words between an age and the noun are the person's place.
_PLACE_AFTER_AGE = re.compile(rf"^({YEAR_OLD}\s+)(?:[A-Z][\w'’.-]*\s+){{1,3}}(?=[a-z])")


def _words_after(c: Claim, end: int) -> str:
    """The words after an age that ends at ``end``, a place written before the noun left out ("-year-old
    Lakeview girl" reads "-year-old girl")."""
    return _PLACE_AFTER_AGE.sub(r"\1", c.text[end - c.start:], count=1)


# Words that may stand before the kin word of a description ("a 16-year-old male relative").
_BEFORE_KIN = frozenset({"male", "female", "little", "young", "younger", "older", "baby", "infant", "toddler"})


def _kin_after(rest: str, pattern: re.Pattern) -> frozenset[str]:
    """The kin or age-group words of the description that follows an age, each word of a two-word one
    ("-year-old baby girl", "-year-old male relative")."""
    m = pattern.match(rest.casefold())
    if m is None:
        return frozenset()
    words = (m.group(1) + m.group(2) + rest.casefold()[m.end():m.end() + 40]).split()[:3]
    kin = set()
    for w in (w.strip(",.;:") for w in words):
        if w in _KIN_WORDS:
            kin.add(w)
        if w not in _BEFORE_KIN:
            break
    return frozenset(kin)


def _kin_before(c: Claim, start: int) -> frozenset[str]:
    """The kin word an age is set after ("his grandfather, 35," / "the toddler, aged 2,")."""
    m = _KIN_BEFORE.search(c.text[:start - c.start])
    return frozenset({m.group(1).casefold()}) if m else frozenset()


def _with_kin_said(c: Claim, named: list[AgeMention]) -> list[AgeMention]:
    """The named ages of a claim; when the claim names one aged person and also speaks of "the son" with no
    age beside it ("the son was first said to be older: he was 23-year-old Tom Hale"), that person is the son,
    unless the son is the one the named person harmed ("Tom Hale, 31, is charged with shooting the son")."""
    if len({m.name for m in named}) != 1 or sum(e.label == "PERSON" for e in c.entities) > len(named):
        return named
    first = min(m.span[0] for m in named) - c.start
    kin = frozenset(k.group(1).casefold() for k in _KIN_REFERENCE.finditer(c.text)
                    if not (k.start() > first and _HARM_BEFORE.search(c.text[:k.start()])))
    return [replace(m, kin=kin) for m in named] if len(kin) == 1 else named


def _months_old(c: Claim) -> list[AgeMention]:
    """Ages given in months of an unnamed baby or child ("a 6-month-old baby girl"), in years."""
    out = []
    for m in _MONTHS_OLD.finditer(c.text):
        kin = _kin_after(c.text[m.end():], _AFTER_MONTHS)
        if kin and not kin_of_another(c, c.start + m.start(), c.start + m.end(), _AFTER_MONTHS):
            out.append(AgeMention(c, int(m.group(1)) / 12, (c.start + m.start(), c.start + m.end()), (), None, kin,
                                  described_part(c, c.start + m.start(), c.start + m.end(), _AFTER_MONTHS)))
    return out


def _named(c: Claim, start: int, end: int) -> Entity | None:
    """The person whose name the age sits against: just before it after a comma, or just after "-year-old"
    ("the 25-year-old Tom Hale"), in apposition ("the 25-year-old man, Tom Hale") or as whom the age was
    identified ("identified the 25-year-old as Tom Hale"). The tagger's span is widened to the whole name
    written there: it often tags part of an unfamiliar name ("Lorne Pike" of "Tamsin Lorne Pike, 31")."""
    # "Ann Roe, 25-year-old Tom Hale": the name after "-year-old" is the age's, not the one before the comma
    after = [e for e in c.entities if e.start >= end and written_against(c, e, start, end)]
    if after:
        return _name_run_after(c, after[0])
    before = [e for e in c.entities if e.end <= start and written_against(c, e, start, end)]
    if not before:
        return None
    whole = untagged_name(c, start, tagged=True)
    return whole if whole is not None and whole.start <= before[0].start and whole.end == before[0].end \
        and len(whole.text) > len(before[0].text) else before[0]


# Capitalised words that may follow a name without being part of it.
_NOT_NAME = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Police|Officers?|Authorities|Deputies|The|He|She"
                       r"|It|They")
_NAME_RUN = re.compile(rf"^((?:\s+{NAME_WORD}){{1,2}})(?=\s+[a-z]|[,.;:]|$)")


def _name_run_after(c: Claim, e: Entity) -> Entity:
    """``e`` with the capitalised words written right after it that the tagger left out ("27-year-old Vesna
    Orlik lying ..." tags "Vesna" alone)."""
    if len(e.text.split()) >= 3:
        return e
    m = _NAME_RUN.match(c.text[e.end - c.start:])
    if m is None or any(_NOT_NAME.fullmatch(w) for w in m.group(1).split()) \
            or any(o.start < e.end + m.end(1) and e.end < o.end for o in c.entities if o is not e):
        return e
    return replace(e, text=e.text + m.group(1), end=e.end + m.end(1))


# "a 33-year-old Lakeview man": a word naming the person after the entity makes the entity the person's place.
_PERSON_NOUN_AFTER = re.compile(r"\s+(?:" + "|".join(sorted({*_GENERIC, *_KIN_WORDS, *_ROLE_WORDS})) + r")\b", re.I)


def written_against(c: Claim, e: Entity, start: int, end: int) -> bool:
    """The age at ``start``-``end`` is written against the name ``e``: right after it (", 32,", ", who was
    32") or right before it ("24-year-old"). Such a name is a person's whatever label the tagger gave it,
    unless a word of place stands before it or a word for a person after it ("a 33-year-old Lakeview man")."""
    if e.label not in NAME_LABELS or e.label != "PERSON" and _PLACE_BEFORE.search(c.text[:e.start - c.start]):
        return False
    if e.end <= start:
        return bool(NAME_THEN_AGE.fullmatch(c.text[e.end - c.start:start - c.start]))
    return e.start >= end and bool(AGE_THEN_NAME.fullmatch(c.text[end - c.start:e.start - c.start])) \
        and not _PERSON_NOUN_AFTER.match(c.text[e.end - c.start:])


def untagged_name(c: Claim, start: int, *, tagged: bool = False) -> Entity | None:
    """A name of two to four capitalised words just before an age ("Dale Ambrose Pike, 52,") that no entity
    tags as a person, unless one tags it as a place. With ``tagged``, the run is read whatever the tagger made
    of it, for widening a person's name it tagged in part."""
    m = _NAME_BEFORE_AGE.search(c.text[:start - c.start])
    if m is None or len(plain_name_words(m.group(1))) < 2:
        return None
    at, end = c.start + m.start(1), c.start + m.end(1)
    if not tagged and any(e.label in PLACE_LABELS and e.start < end and at < e.end for e in c.entities):
        return None
    if tagged and (_NOT_NAME.fullmatch(m.group(1).split()[0]) or _PLACE_BEFORE.search(c.text[:at - c.start])):
        return None
    return Entity(m.group(1), at, end, "PERSON", "")


# "identified the gunman's girlfriend as Ann Roe, 25,": the kin word a name is given as. "her son, Tom Hale," is left
# out: a story's "her son" and "his son" are often two families' sons.
_KIN_AS_NAME = re.compile(r"\bidentified\s+(?:the|\w+['’]s)\s+(?:\w+['’]s\s+)?(?:[\w-]+\s+)?("
                          + "|".join(sorted(_KIN_WORDS)) + r")\s+as\s+$", re.I)


def _kin_of_name(c: Claim, e: Entity) -> frozenset[str]:
    """The kin word a report identifies a named person as, written just before the name."""
    m = _KIN_AS_NAME.search(c.text[:e.start - c.start])
    return frozenset({m.group(1).casefold()}) if m else frozenset()


def _role_before(c: Claim, e: Entity) -> str | None:
    """The role an apposition gives a named person ("the victim, Tom Hale, 38")."""
    m = _ROLE_BEFORE_NAME.search(c.text[:e.start - c.start])
    return _ROLE_WORDS[m.group(1).casefold()] if m else None


def _described_role(c: Claim, end: int) -> str | None:
    """The role a "-year-old" description gives ("alleged gunman"; "man wounded in ..." is a victim)."""
    after = _words_after(c, end)
    m = AFTER_AGE.match(after)
    if m is None:
        return None
    noun = m.group(2).casefold()
    if noun in _ROLE_WORDS:
        return _ROLE_WORDS[noun]
    if noun in ("man", "woman", "boy", "girl") and _HURT.match(after[m.end():]):
        return "victim"
    return None


def same_named_person(x: tuple[str, ...], y: tuple[str, ...], surnames: dict[str, set[tuple[str, ...]]]) -> bool:
    """Two written names of one person: one the other's shorter form ("Ana Ruiz" of "Ana Ruiz Vela",
    "Hale" of "Tom Hale" when no one else of the story is a Hale), the same given names with the surname a
    letter or two apart, or, when only one person of the story bears the surname, its given name spelt or
    shortened another way. A junior and a senior, or two given
    names of one family ("Jeremy Oakes" / "Jerry Oakes" beside a "Luis Oakes"), are two people; a name
    written once with "III" and once without is one, unless a report of the story names both."""
    if not x or not y:
        return False
    sx, sy = _suffix(x), _suffix(y)
    x, y = _unsuffixed(x), _unsuffixed(y)
    if not x or not y:
        return False
    if sx != sy and (sx and sy or any(_suffix(n) for n in surnames.get(x[-1], ()))):
        return False
    short, long_ = sorted((x, y), key=len)
    sole = len(surnames.get(long_[-1], ())) <= 1
    if len(short) == 1:
        return short[0] == long_[-1] and sole
    if Counter(short) <= Counter(long_):  # "Omar Omar" is not a shorter "Yusuf Ali Omar"
        return True
    if len(short) == len(long_) and short[:-1] == long_[:-1] and close(short[-1], long_[-1]):
        return True  # the given names alike, the surname spelt two ways ("Dale Morrow" / "Dale Murrow")
    if len(short) == len(long_) and short[1:] == long_[1:] and close(short[0], long_[0]):
        # the given name spelt two ways ("Rosaline Vane" / "Roseline Vane"), unless another bearer's is near it
        others = [p[0] for p in surnames.get(long_[-1], ()) if p[0] not in (short[0], long_[0])]
        return not any(one_given_name(o, w) for o in others for w in (short[0], long_[0]))
    return sole and short[-1] == long_[-1] and one_given_name(short[0], long_[0])


def _unsuffixed(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in words if w not in NAME_SUFFIXES)


def person_key(words: tuple[str, ...], surnames: dict[str, set[tuple[str, ...]]]) -> str:
    """A named person's key within a story: the surname when one person of the story bears it, else the whole
    name (``surnames``: ``story_surnames``)."""
    if words and len(surnames.get(words[-1], ())) <= 1:
        return words[-1]
    return " ".join(words)


def story_surnames(claims: Iterable[Claim]) -> dict[str, set[tuple[str, ...]]]:
    """Each surname of the story with the people that bear it, a full name standing for its shorter forms.
    A name is kept with its "Jr." or "III" only when a report names the bare name beside it: the two are then
    a father and a son."""
    out: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    forms: dict[tuple[str, tuple[str, ...]], set[tuple[str, ...]]] = defaultdict(set)
    for c in claims:
        for e in c.entities:
            written = tuple(plain_name_words(e.text))
            words = _unsuffixed(written)
            if e.label == "PERSON" and len(words) >= 2:
                out[words[-1]].add(words)
                forms[(c.article_id, words)].add(tuple(w for w in written if w in NAME_SUFFIXES))
    for (_, words), suffixes in forms.items():
        if len(suffixes) > 1:
            out[words[-1]] |= {words + s for s in suffixes}
    merged: dict[str, set[tuple[str, ...]]] = {}
    for surname, names in out.items():
        people: list[tuple[str, ...]] = []
        for n in sorted(names, key=len, reverse=True):
            if not any(_suffix(n) == _suffix(p) and (set(n) <= set(p) or one_given_name(n[0], p[0]))
                       for p in people):
                people.append(n)
        merged[surname] = set(people)
    return merged


def _suffix(words: tuple[str, ...]) -> frozenset[str]:
    return NAME_SUFFIXES & frozenset(words)


def _sole_role(mentions: list[AgeMention], role: str) -> AgeMention | None:
    """The one age of an article given of a role, when only one person there holds it."""
    holders = [m for m in mentions if m.role == role]
    people = {m.name or ("",) for m in holders}
    return holders[0] if len(people) == 1 and len({m.value for m in holders}) == 1 else None


def ages_apart(a: AgeMention, b: AgeMention) -> bool:
    """Two ages of one person that the time between the reports cannot explain: the later one lower,
    or higher by more than the years gone by allow (one more within the first two months is no
    birthday: it is likelier a mistake)."""
    early, late = sorted((a, b), key=lambda m: m.claim.published)
    days = (late.claim.published - early.claim.published).days
    grown = late.value - early.value
    allowed = days // 365 + (1 if days >= 60 else 0)
    return grown < 0 or grown > allowed


def _pairs(mentions: list[AgeMention], surnames: dict[str, set[tuple[str, ...]]]):
    """Each pair of mentions in two outlets' reports that give one person two ages."""
    by_article: dict[str, list[AgeMention]] = defaultdict(list)
    for m in mentions:
        by_article[m.claim.article_id].append(m)
    articles = sorted(by_article)
    shared = _shared_roles(mentions, surnames)
    kin = _shared_kin(mentions, surnames)
    for i, xa in enumerate(articles):
        for xb in articles[i + 1:]:
            ma, mb = by_article[xa], by_article[xb]
            if ma[0].claim.outlet == mb[0].claim.outlet:
                continue
            yield from _article_pairs(ma, mb, surnames, shared, kin)


def _article_pairs(ma: list[AgeMention], mb: list[AgeMention], surnames, shared_roles: set[str],
                   shared_kin: set[str]):
    """The pairs of two reports' ages given of one person, named, by a role one person fits, or by a kin
    word that one person of each report and of the story fits."""
    for a in ma:
        for b in mb:
            if a.name and b.name and same_named_person(a.name, b.name, surnames):
                if _one_age(ma, a, surnames) and _one_age(mb, b, surnames):
                    yield a, b
    for role in {m.role for m in ma + mb if m.role} - shared_roles:
        a, b = _sole_role(ma, role), _sole_role(mb, role)
        if a is not None and b is not None and not (a.name and b.name) and _parts_agree(ma, a, mb, b):
            yield a, b
    for kin in {k for m in ma + mb for k in m.kin} - shared_kin:
        a, b = _sole_kin(ma, kin), _sole_kin(mb, kin)
        if a is not None and b is not None and not (a.name and b.name) and _parts_agree(ma, a, mb, b):
            yield a, b
    a, b = _sole_firing(ma), _sole_firing(mb)
    if a is not None and b is not None:
        yield a, b


def _sole_firing(mentions: list[AgeMention]) -> AgeMention | None:
    """The one age of an article given of an unnamed relative or child it says fired ("shot by his 6-year-old
    brother", "her 5-year-old son found the gun"): the one who fired is one person of most shootings, whatever kin
    word each report gives them."""
    holders = [m for m in mentions if m.part == "fired" and m.kin and not m.name]
    return holders[0] if len({m.value for m in holders}) == 1 else None


def _sole_kin(mentions: list[AgeMention], kin: str) -> AgeMention | None:
    """The one age of an article given of a person it describes by a kin word, when it gives that word one
    person and one age only."""
    holders = [m for m in mentions if kin in m.kin]
    fitting = [m for m in mentions if any(may_be_one(kin, k) for k in m.kin)]
    people = {m.name or ("",) for m in holders}
    return holders[0] if holders and len(people) == 1 and len({m.value for m in fitting}) == 1 else None


def may_be_one(k: str, other: str) -> bool:
    """Two kin words that may describe one person: not a boy's word and a girl's ("the baby" may be the
    sister; "the brother" is not)."""
    genders = {g for g in (MALE_KIN, FEMALE_KIN) for w in (k, other) if w in g}
    return len(genders) < 2


def _parts_agree(ma: list[AgeMention], a: AgeMention, mb: list[AgeMention], b: AgeMention) -> bool:
    """Whether two reports put the described person in one part of the happening (a boy killed is not the
    boy charged; one who was shot may be the one killed or the one wounded)."""
    pa, pb = _report_parts(ma, a), _report_parts(mb, b)
    return not pa or not pb or any(one_part(p, q) for p in pa for q in pb)


def _report_parts(mentions: list[AgeMention], m: AgeMention) -> set[str]:
    """The parts a report gives the person a mention describes, read from each of its mentions of that age
    and kin word or role ("the 11-year-old boy" here, "the 11-year-old boy who fired" there)."""
    return {n.part for n in mentions
            if n.part and n.value == m.value and (n.kin & m.kin or n.role is not None and n.role == m.role)}


def one_part(p: str, q: str) -> bool:
    """Two parts one person may have had: both on the side hit, or both on the side that fired, and not
    killed and wounded."""
    return (p in _DOERS) == (q in _DOERS) and {p, q} != {"killed", "wounded"}


def _shared_kin(mentions: list[AgeMention], surnames) -> set[str]:
    """The kin words the story gives two people: one article gives the word, or a word that may be said of
    the same person, two ages ("a 6-year-old girl and a 12-year-old girl", "a 10-year-old boy and his
    7-year-old brother"), or two named people bear it."""
    ages: dict[tuple[str, str], set[float]] = defaultdict(set)
    holders: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    words = {k for m in mentions for k in m.kin}
    for m in mentions:
        for kin in words:
            if any(may_be_one(kin, k) for k in m.kin):
                ages[(m.claim.article_id, kin)].add(m.value)
        for kin in m.kin:
            if m.name and not any(same_named_person(m.name, n, surnames) for n in holders[kin]):
                holders[kin].append(m.name)
    return {kin for (_, kin), values in ages.items() if len(values) > 1} | \
        {kin for kin, names in holders.items() if len(names) > 1}


def _shared_roles(mentions: list[AgeMention], surnames) -> set[str]:
    """The roles two named people of the story are given ("the victim, X" and "the victim, Y"): a
    description by such a role fits either."""
    holders: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for m in mentions:
        if m.role and m.name and not any(same_named_person(m.name, n, surnames) for n in holders[m.role]):
            holders[m.role].append(m.name)
    return {role for role, names in holders.items() if len(names) > 1}


def _one_age(mentions: list[AgeMention], m: AgeMention, surnames) -> bool:
    """A report gives the person one age only (two are two times or two people)."""
    return len({n.value for n in mentions if n.name and same_named_person(n.name, m.name, surnames)}) == 1


def figures_flagged(flagged: Iterable[Flag]) -> set[tuple[str, int, int]]:
    """Where in which claim the figures of number and update flags already made stand."""
    return {(e.claim_id, e.start, e.end) for f in flagged if f.type in ("number", "update") for e in f.evidence}


def age_flags(claims: Iterable[Claim], flagged: Iterable[Flag] = ()) -> list[Flag]:
    """One flag per person and pair of ages no lapse of time explains: the report of the age fewer
    reports give set against the earliest report of the other, a photo caption's age cited last. ``flagged`` are
    flags already made of the story: an age one of them already sets against another figure is not flagged again."""
    from .disagreements import FURNITURE  # here: these modules build on this one's readers
    from .lone_ages import lone_age_pairs
    from .own_revisions import ages_by_article, revision_flag, taken_back

    done = figures_flagged(flagged)
    flags = []
    for story in claims_by_story(claims):
        surnames = story_surnames(story)
        held = age_mentions(story)
        pairs = list(_pairs(held, surnames)) + list(lone_age_pairs(story, held, surnames))
        person, reports = _people(pairs)
        apart = _ages_told_apart(story, held)
        chosen: dict[tuple[int, frozenset[int]], tuple[AgeMention, AgeMention]] = {}
        # Which pair of one person's two ages to cite first: ages told in the reports' own sentences before those
        # of a photo caption (a picture's words, credited apart from the report), then two descriptions alike ("a
        # 52-year-old man" beside "a 54-year-old man" before "a 52-year-old father"), then the earliest.
        captions = {c.id for c in story if FURNITURE.search(c.text)}
        for a, b in sorted(pairs, key=lambda p: (sum(m.claim.id in captions for m in p),
                                                 _description(p[0]) != _description(p[1]),
                                                 sorted((p[0].claim.published, p[1].claim.published)))):
            if not one_person_two_ages(a, b) or {_at(a), _at(b)} & done:
                continue
            if not (a.name and b.name) and apart(a, b):
                continue
            if reports[(person[id(a)], b.value)] > reports[(person[id(a)], a.value)]:
                a, b = b, a  # b is the odd report: fewer reports give its age
            if not any(_one_age_grown(a, b, x, y) for x, y in chosen.values()
                       if reports[(person[id(x)], y.value)] < reports[(person[id(x)], x.value)]):
                chosen.setdefault((person[id(a)], frozenset((a.value, b.value))), (a, b))
        ages = ages_by_article(story)
        for a, b in chosen.values():
            later = taken_back(b, a, held, ages, surnames)
            if later is not None:
                a, b = b, a  # the outlet that took its age back gave the earlier one
            else:
                later = taken_back(a, b, held, ages, surnames)
            flag = make_flag(age_finding(a, b, revised=later is not None))
            flag = flag if later is None else revision_flag(flag, a, later)
            cited = {e.claim_id for e in flag.evidence}
            again = [m for x in (a, b) for m in _said_again(x, held) if m.claim.id not in cited]
            flags.append(cited_beside(flag, (evidence(m.claim, *m.span) for m in again)))
    return flags


def _said_again(m: AgeMention, held: Sequence[AgeMention]) -> list[AgeMention]:
    """Other sentences of the report that give the age ``m`` gives, when only one person of the report is that age
    (one name at most: "his 16-year-old daughter" and "16-year-old Mira Roe" are one girl)."""
    same = [x for x in held if x.claim.article_id == m.claim.article_id and x.value == m.value]
    if len({x.name for x in same if x.name}) > 1:
        return []
    return [x for x in same if x.claim.id != m.claim.id][:ALSO_CITED]


def generic_noun(m: AgeMention) -> str | None:
    """The generic noun a mention describes its person by ("man", "woman"; ``generic_person`` of its age)."""
    q = next((q for q in m.claim.quantities if (q.start, q.end) == m.span), None)
    return generic_person(m.claim, q) if q is not None else None


def _description(m: AgeMention) -> tuple[str, ...]:
    """How a mention describes its person: by name, by kin words, or by the generic noun ("man", "woman")."""
    if m.name:
        return ("",)
    if m.kin:
        return tuple(sorted(m.kin))
    noun = generic_noun(m)
    return (noun or "",) if any((q.start, q.end) == m.span for q in m.claim.quantities) else ()


def _one_age_grown(a: AgeMention, b: AgeMention, other: AgeMention, odd: AgeMention) -> bool:
    """A pair that sets a flag's odd report (``odd``: the age fewer reports give than ``other``'s) against
    ``other``'s age grown by the time between them: "32" against "23" twice, and against "24" said a year on, is one
    conflict."""
    return any(m is odd and n is not other and not ages_apart(n, other) for m, n in ((a, b), (b, a)))


def _ages_told_apart(story: list[Claim], held: list[AgeMention]):
    """A test of whether the story tells two ages as two people's: one sentence gives both to people either of
    whom may be the one matched ("a 15-year-old boy shot by his 14-year-old friend", but not "a 12-year-old girl
    and an 11-year-old boy" of a boy), or each of the two reports gives both ages."""
    kin = {(m.claim.id, m.span): m.kin for m in held}
    by_sentence: list[list[tuple[float, frozenset[str]]]] = []
    by_article: dict[str, set[float]] = defaultdict(set)
    for c in story:
        if tells_of_another_incident(c.text):
            continue
        ages = [(q.value, kin.get((c.id, (q.start, q.end)), frozenset())) for q in age_quantities(c)
                if q.value == int(q.value)]
        by_article[c.article_id] |= {v for v, _ in ages}
        if len({v for v, _ in ages}) > 1:
            by_sentence.append(ages)

    def apart(a: AgeMention, b: AgeMention) -> bool:
        values = {a.value, b.value}
        if values <= by_article[a.claim.article_id] and values <= by_article[b.claim.article_id]:
            return True
        words = a.kin | b.kin
        return any(all(any(v == value and all(may_be_one(w, k) for w in words for k in told) for v, told in ages)
                       for value in values) for ages in by_sentence)
    return apart


def _at(m: AgeMention) -> tuple[str, int, int]:
    return m.claim.id, m.span[0], m.span[1]


def _people(pairs: list[tuple[AgeMention, AgeMention]]) -> tuple[dict[int, int], dict[tuple[int, int], int]]:
    """Which person each mention is of (one per chain of matched mentions), and (person, age) -> how
    many articles give that person that age."""
    union: UnionFind = UnionFind()
    for a, b in pairs:
        union.union(id(a), id(b))
    members = {id(m): m for pair in pairs for m in pair}
    person = {i: union.find(i) for i in members}
    articles: dict[tuple[int, int], set[str]] = defaultdict(set)
    for i, m in members.items():
        articles[(person[i], m.value)].add(m.claim.article_id)
    return person, defaultdict(int, {k: len(v) for k, v in articles.items()})


def one_person_two_ages(a: AgeMention, b: AgeMention) -> bool:
    """Two ages of one matched person that are a conflict: not explained by the time between the reports,
    not a generation apart (two people of one name), and not an older age said at a trial."""
    return (a.value != b.value and ages_apart(a, b) and abs(a.value - b.value) < GENERATION
            and not _rounded_young(a, b) and not _trial_explains(a, b))


def _trial_explains(a: AgeMention, b: AgeMention) -> bool:
    """One age said at a trial and the other of the deed, the trial's the older: a sentencing may come years
    after the deed, but no one is younger at it."""
    at_trial = [m for m in (a, b) if _COURT.search(m.claim.text)]
    return len(at_trial) == 1 and at_trial[0].value > min(a.value, b.value)


def _rounded_young(a: AgeMention, b: AgeMention) -> bool:
    """Two ages of a very young child no more than a year apart: a child's months are rounded either way."""
    return max(a.value, b.value) < _ROUNDED_BELOW and abs(a.value - b.value) <= 1


# "Initial police reports say the woman, 45, ...": the earlier age is given as a first account, which a later one
# replaces.
_PRELIMINARY = re.compile(r"\b(?:initial|preliminary|early|first)\s+(?:police\s+)?(?:reports?|information|accounts?)\b"
                          r"|\binitially\b", re.I)


def age_finding(a: AgeMention, b: AgeMention, *, revised: bool = False) -> Finding:
    """A number finding, earlier report first; an update when the later one says it corrects, when the earlier
    gives its age as a first account, or when ``a``'s outlet later gave ``b``'s age itself (``revised``: ``a`` is
    then the earlier, whatever the timestamps)."""
    if not revised and (b.claim.published, b.claim.id) < (a.claim.published, a.claim.id):
        a, b = b, a
    kind = "update" if revised or UPDATE_CUES.search(b.claim.text) or _PRELIMINARY.search(a.claim.text) else "number"
    return Finding(kind, a.claim, b.claim, _value(a), _value(b), a.span, b.span, confidence=CONFIDENCE)


def _value(m: AgeMention) -> str:
    return m.claim.text[m.span[0] - m.claim.start:m.span[1] - m.claim.start]
