"""The getaway vehicle described two ways by outlets of one story: "fled in a gray sedan" / "the suspect fled
in a black car"; "a white Ford F-350 pickup" / "a white Ford F-150 pickup"; "a stolen Lincoln Continental" /
"carjacked a Lincoln Town Car".

Extraction keeps no slot for vehicles, so the sentence is read for a vehicle the way streets are read
(``places.STREET``): a colour, a year, a make and model, a body ("sedan", "SUV", "pickup"). Two mentions are
one vehicle when nothing in them differs but the value compared:

- model: one make given two models by two outlets, each giving that make a single model (``"F-350"`` /
  ``"F-150"`` differ in a figure only, a ``number``; ``"Continental"`` / ``"Town Car"`` are two names of one
  car, a ``name_variant``);
- colour: the one vehicle a suspect used, in articles that tell of no other, given colours that cannot both
  be right (gray and silver can; gray and black cannot), a ``polarity``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..records import Claim, Flag
from .base import claims_by_story, readings_flag, tells_of_another_incident
from .explain import explain_vehicle

CONFIDENCE = 0.6

MAKES = {
    "ford": "ford", "chevrolet": "chevrolet", "chevy": "chevrolet", "honda": "honda", "toyota": "toyota",
    "nissan": "nissan", "dodge": "dodge", "jeep": "jeep", "gmc": "gmc", "lincoln": "lincoln",
    "cadillac": "cadillac", "buick": "buick", "chrysler": "chrysler", "hyundai": "hyundai", "kia": "kia",
    "bmw": "bmw", "mercedes": "mercedes", "mercedes-benz": "mercedes", "audi": "audi", "volkswagen": "volkswagen",
    "vw": "volkswagen", "pontiac": "pontiac", "mazda": "mazda", "subaru": "subaru", "infiniti": "infiniti",
    "lexus": "lexus", "acura": "acura", "mitsubishi": "mitsubishi", "saturn": "saturn", "mercury": "mercury",
    "oldsmobile": "oldsmobile", "volvo": "volvo", "tesla": "tesla",
}
# Colours by family; "dark" and "light" are compatible with any colour of their side.
COLOURS = {
    "white": "white", "black": "black", "gray": "gray", "grey": "gray", "silver": "gray", "red": "red",
    "maroon": "red", "burgundy": "red", "blue": "blue", "navy": "blue", "green": "green", "gold": "tan",
    "tan": "tan", "beige": "tan", "champagne": "tan", "brown": "brown", "purple": "purple", "orange": "orange",
    "yellow": "yellow", "dark": "dark", "light": "light",
}
_DARK = frozenset({"black", "gray", "blue", "green", "red", "brown", "purple"})
_LIGHT = frozenset({"white", "gray", "tan", "yellow"})
BODIES = {
    "car": None, "vehicle": None, "auto": None, "sedan": "car", "coupe": "car", "hatchback": "car",
    "convertible": "car", "suv": "suv", "sport utility vehicle": "suv", "sports utility vehicle": "suv", "pickup truck": "truck", "pickup": "truck",
    "truck": "truck", "van": "van", "minivan": "van",
}
# A capitalised word after a make that is a place or an office, not a model ("Lincoln County", "Ford Field").
_NOT_MODEL = frozenset("county park street road avenue city township high school center centre field hospital "
                       "police memorial square heights hills plaza drive boulevard motor motors company co hall "
                       "justice building tower bridge tunnel university college academy library theater theatre "
                       "church stadium arena mall lane place court circle elementary middle way".split())

_COLOUR = "|".join(sorted(COLOURS, key=len, reverse=True))
_MAKE = "|".join(sorted((re.escape(m) for m in MAKES), key=len, reverse=True))
_BODY = "|".join(sorted((re.escape(b) for b in BODIES), key=len, reverse=True))
_MODEL = r"[A-Z0-9][\w-]*(?:\s[A-Z][a-z]+)?"
MENTION = re.compile(
    rf"(?:\b(?i:a|an|the|his|her|their|its|one|same)\b|['’]s?)\s+(?:[a-z]+\s+){{0,2}}?"
    rf"(?:(?P<col>(?i:{_COLOUR})(?:\s+or\s+(?i:{_COLOUR}))?)(?:[- ]colou?red)?,?\s+)?"
    rf"(?:(?:19|20)\d\d\s+)?(?:(?:or\s+)?(?:19|20)\d\d,?\s+)?(?:(?:four|two|4|2)-door\s+)?"
    rf"(?:(?P<make>(?i:{_MAKE}))\b(?:\s+(?P<model>{_MODEL}(?:\s+or\s+(?:(?i:{_MAKE})\s+)?{_MODEL})?))?"
    rf"(?:\s+(?:[a-z-]+\s+){{0,2}}?(?P<body2>(?i:{_BODY})))?"
    rf"|(?P<body>(?i:{_BODY})))\b")
# The sentence speaks of the suspect's vehicle: who fled, drove up or fired from it.
_SUSPECT = re.compile(r"\b(?:fle[de]|fleeing|sped|speeding|getaway|gunm[ae]n|shooters?|suspects?|drove\s+(?:up|off|"
                      r"away)|pulled\s+up|jumped\s+out|carjack\w*|stole|stolen|opened\s+fire|fired)\b", re.I)


@dataclass(frozen=True, eq=False)
class Vehicle:
    """One vehicle as one sentence describes it."""

    claim: Claim
    span: tuple[int, int]  # article offsets of the words describing it
    text: str
    colours: frozenset[str]
    make: str | None
    models: frozenset[str]
    body: str | None
    suspect: bool


def _model_key(model: str) -> str | None:
    words = model.split()
    if words[0].casefold() in _NOT_MODEL or words[0].casefold() in BODIES:
        return None  # a place or an office ("Lincoln County"), or the body written in capitals ("Saturn SUV")
    if len(words) > 1 and words[1].casefold() in _NOT_MODEL:
        words = words[:1]
    return "".join(words).replace("-", "").casefold()


def vehicles(c: Claim) -> list[Vehicle]:
    """The vehicles a sentence describes by a colour or a make (a bare "the car" says nothing to compare)."""
    if tells_of_another_incident(c.text):
        return []
    out = []
    suspect = bool(_SUSPECT.search(c.text))
    for m in MENTION.finditer(c.text):
        col, make, model = m.group("col"), m.group("make"), m.group("model")
        body_word = (m.group("body") or m.group("body2") or "").casefold()
        if not (col or make):
            continue
        models: set[str] = set()
        if model:
            for part in re.split(r"\s+or\s+", model):
                words = part.split()
                if words[0].casefold() in MAKES:
                    words = words[1:]
                key = _model_key(" ".join(words)) if words else None
                if key is None:
                    models = set()
                    break
                models.add(key)
        if make and not models and not body_word and not col:
            continue  # "Ford" alone is as often a name
        colours = frozenset(COLOURS[w.casefold()] for w in re.findall(r"[A-Za-z]+", col or "")
                            if w.casefold() in COLOURS)
        start = m.start("col") if col else m.start("make") if make else m.start("body")
        out.append(Vehicle(c, (c.start + start, c.start + m.end()), c.text[start:m.end()], colours,
                           MAKES[make.casefold()] if make else None, frozenset(models),
                           BODIES.get(body_word), suspect))
    return out


def _colours_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b or a & b:
        return True
    for x in a:
        for y in b:
            if "dark" in (x, y) and ({x, y} - {"dark"}) <= _DARK or "light" in (x, y) and ({x, y} - {"light"}) <= _LIGHT:
                return True
    return False


def _same_kind(a: Vehicle, b: Vehicle) -> bool:
    """Nothing but the compared value tells the two apart: no two makes, no two bodies."""
    return (a.make is None or b.make is None or a.make == b.make) and (
        a.body is None or b.body is None or a.body == b.body)


def _one_vehicle(rows: Sequence[Vehicle]) -> Vehicle | None:
    """The article's one suspect vehicle, when every suspect vehicle it describes may be one (the most
    described mention stands for it)."""
    rows = [v for v in rows if v.suspect]
    if not rows:
        return None
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if not (_same_kind(a, b) and _colours_agree(a.colours, b.colours)
                    and (not a.models or not b.models or a.models & b.models)):
                return None
    return max(rows, key=lambda v: (bool(v.colours), bool(v.make), bool(v.models), -v.claim.published.timestamp()))


def _models(rows: Sequence[Vehicle]) -> dict[str, Vehicle]:
    """make -> the article's one mention of that make with a model, when it gives the make one model only."""
    by_make: dict[str, list[Vehicle]] = defaultdict(list)
    for v in rows:
        if v.make and v.models:
            by_make[v.make].append(v)
    return {make: vs[0] for make, vs in by_make.items() if len({m for v in vs for m in v.models}) == 1}


def _figure_only(a: str, b: str) -> bool:
    return re.sub(r"\d", "", a) == re.sub(r"\d", "", b) and re.search(r"\d", a) is not None


def vehicle_flags(claims: Iterable[Claim]) -> list[Flag]:
    """One flag per story and vehicle whose model, or whose colour, outlets give two ways."""
    flags = []
    for story in claims_by_story(claims):
        by_article: dict[str, list[Vehicle]] = defaultdict(list)
        for c in sorted(story, key=lambda c: (c.published, c.article_id, c.start)):
            by_article[c.article_id].extend(vehicles(c))
        flags += _model_flags(by_article) + _colour_flags(by_article)
    return flags


def _model_flags(by_article: dict[str, list[Vehicle]]) -> list[Flag]:
    groups: dict[str, list[Vehicle]] = defaultdict(list)
    for rows in by_article.values():
        for make, v in _models(rows).items():
            groups[make].append(v)
    return [f for rows in groups.values() if (f := _flag(rows, "models")) is not None]


def _colour_flags(by_article: dict[str, list[Vehicle]]) -> list[Flag]:
    rows = [v for r in by_article.values() if (v := _one_vehicle(r)) is not None and v.colours]
    clusters: list[list[Vehicle]] = []
    for v in rows:
        for group in clusters:
            if all(_same_kind(v, w) for w in group):
                group.append(v)
                break
        else:
            clusters.append([v])
    return [f for group in clusters if (f := _flag(group, "colours")) is not None]


def _flag(rows: list[Vehicle], field: str) -> Flag | None:
    """A flag over reports of one vehicle when two outlets give it values that cannot both hold: each
    outlet's first report of each value."""
    firsts: dict[tuple[str, frozenset[str]], Vehicle] = {}
    for v in sorted(rows, key=lambda v: (v.claim.published, v.claim.article_id, v.span)):
        firsts.setdefault((v.claim.outlet, getattr(v, field)), v)
    agree = _colours_agree if field == "colours" else (lambda x, y: bool(x & y))
    clash = [(a, b) for a in firsts.values() for b in firsts.values()
             if a.claim.outlet < b.claim.outlet and not agree(getattr(a, field), getattr(b, field))]
    if not clash:
        return None
    shown = list(dict.fromkeys(v for pair in clash for v in pair))
    first, second = clash[0]
    if field == "colours":
        kind, what = "polarity", "colour"
    elif all(_figure_only(x, y) for x in first.models for y in second.models):
        kind, what = "number", "model"
    else:
        kind, what = "name_variant", "model"
    shown.sort(key=lambda v: (v.claim.published, v.claim.article_id))
    return readings_flag(kind, shown, CONFIDENCE, explain_vehicle(what, [(v.claim, v.text) for v in shown]))
