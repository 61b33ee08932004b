"""The records that flow through the pipeline.

All records are immutable; a stage returns new records with ``dataclasses.replace``.
Character offsets (``start``/``end``) always point into the *article* text, so that
evidence can be quoted straight from the stored article.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum


class FlagType(str, Enum):
    """What a flag is about; a str enum, so JSON, SQL and comparisons with plain strings keep working."""

    # member names equal their values: a str enum hashes by name, and dicts keyed by the plain string must find it
    timeline = "timeline"
    attribution = "attribution"
    channel = "channel"
    number = "number"
    polarity = "polarity"
    name_variant = "name_variant"
    place = "place"
    role = "role"
    unsupported_repetition = "unsupported_repetition"
    update = "update"

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


FLAG_TYPES: tuple[str, ...] = tuple(t.value for t in FlagType)


def content_hash(text: str) -> str:
    """A stable hash of text after whitespace and case folding."""
    norm = " ".join(text.split()).casefold()
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Article:
    """One outlet's article."""

    id: str
    outlet: str
    url: str
    title: str
    published: datetime
    text: str
    language: str = "en"

    @property
    def text_hash(self) -> str:
        return content_hash(self.text)


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression normalised against the article's publication date.

    ``value`` is a TIMEX3-style value ("2024-10", "2024-W45", "P3D", "PRESENT_REF").
    ``earliest``/``latest`` bound the calendar days it can mean (ISO dates), when it
    denotes a point or range in time; ``mod`` carries TIMEX3 modifiers such as
    "BEFORE" ("by December", "before 1961"), "AFTER" ("after May"), "ON_OR_BEFORE" ("no later
    than Friday"), "ON_OR_AFTER", "START", "MID", "END", "APPROX".
    """

    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: str
    granularity: str = "day"  # time, day, week, month, quarter, season, half, year, decade, century
    earliest: str | None = None
    latest: str | None = None
    mod: str | None = None
    event: str | None = None  # the verb of the happening it dates ("vote" in "voted on Tuesday")
    about: tuple[str, ...] = ()  # content words of that happening's subject and object
    holder: tuple[int, int] | None = None  # article span of that happening's doer (its subject or "by" agent)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit and hedge; ``low``/``high`` is the interval it allows."""

    text: str
    start: int
    end: int
    value: float
    low: float
    high: float
    unit: str | None = None
    hedge: str | None = None
    kind: str = "count"  # count, money, percent, measure, ordinal
    event: str | None = None  # the verb of the clause the figure belongs to
    about: tuple[str, ...] = ()  # the noun it counts first, then the clause's subject and object
    holder: tuple[int, int] | None = None  # article span of whose figure it is: its noun's owner or its clause's doer


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity with the canonical id it shares with its spelling variants."""

    text: str
    start: int
    end: int
    label: str
    canonical: str
    role: str | None = None  # the title or office the text gives a person ("Wisconsin GOP Chairman")
    event: str | None = None  # for a place, the verb of the clause it is in ("met in Oslo": meet)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said it, how, and through which channel.

    ``source_kind`` is one of "named", "pronoun", "organisation", "anonymous", "outlet"
    (the outlet's own voice, when nothing is attributed). ``quote`` is "direct",
    "indirect", "mixed" or "none".
    """

    source: str
    source_kind: str
    cue: str = ""
    content: str = ""
    quote: str = "none"
    channel: str | None = None
    source_span: tuple[int, int] | None = None
    cue_span: tuple[int, int] | None = None
    content_span: tuple[int, int] | None = None
    channel_span: tuple[int, int] | None = None
    resolved_from: str | None = None  # the pronoun or description, when the source was resolved from one
    role: str | None = None  # the source's title or office, kept apart from its name ("London Mayor")


@dataclass(frozen=True, slots=True)
class Claim:
    """A checkable statement from one article, with its structured slots."""

    id: str
    article_id: str
    outlet: str
    published: datetime
    text: str
    start: int
    end: int
    content: str  # the statement without its attribution frame: what is embedded
    attribution: Attribution | None = None
    times: tuple[TimeExpr, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    entities: tuple[Entity, ...] = ()
    negated: bool = False
    modality: str | None = None  # reported, expected, possible, denied, None
    story_id: str | None = None

    @property
    def content_hash(self) -> str:
        return content_hash(self.content)


@dataclass(frozen=True, slots=True)
class Evidence:
    """A quoted span from one article that supports a flag."""

    claim_id: str
    article_id: str
    outlet: str
    published: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Flag:
    """A typed finding about two or more aligned claims."""

    id: str
    type: FlagType
    claims: tuple[str, ...]
    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    values: dict[str, str] = field(default_factory=dict)  # outlet -> the value it gives
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.5
    explanation: str = ""
    story_id: str | None = None


@dataclass(frozen=True, slots=True)
class Match:
    """A stored claim returned for a query."""

    claim_id: str
    text: str
    score: float
    outlet: str
    article_id: str
    published: str
    flags: tuple[str, ...] = ()
    url: str = ""
    title: str = ""


def flag_id(type_: str, claim_ids: tuple[str, ...] | list[str]) -> str:
    """A stable id for a flag: the same finding on the same claims keeps its id."""
    type_ = str(type_)
    key = type_ + "|" + "|".join(sorted(claim_ids))
    return type_[:3] + "-" + hashlib.sha1(key.encode()).hexdigest()[:12]

