"""Place conflicts: the same happening placed in two different places ("in Norwalk" / "in Norfolk").

Two sentences that say the same thing but for the place are compared pairwise; across a story,
a happening named by the same noun ("the Norwalk event" / "a 2008 event in Norfolk") that one
outlet places in one town and another outlet in another, neither naming the other's town, is
flagged with every sentence where each outlet places it."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable

from ..lexicon import COUNTRIES, COUNTRY_ALIASES
from ..records import Claim, Entity, Evidence, Flag, flag_id
from .base import Finding, content_words

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MIN_SCORE = 0.6
MIN_REST = 0.6  # the rest of the two sentences must say the same thing
# A place the happening is put in: "in Norwalk", "at the Pentagon", "outside Kabul".
_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside|from)\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?$", re.I)

# Regions that hold cities: a city and its state or country can both be right ("in Seattle" / "in Washington").
_STATES = ("alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho "
           "illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota "
           "mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah "
           "vermont virginia washington wisconsin wyoming").split()
_MULTI = ("new hampshire|new jersey|new mexico|new york|north carolina|north dakota|rhode island|south carolina|"
          "south dakota|west virginia|middle east|latin america|south america|north america|europe|asia|africa|"
          "the west bank|gaza|crimea").split("|")
REGIONS = frozenset(_STATES) | frozenset(_MULTI) | COUNTRIES | COUNTRY_ALIASES
_ABBREVIATED_STATE = re.compile(r"^[A-Z][a-z]{1,4}\.$")  # "Calif.", "Conn."


def place_key(text: str) -> str:
    """A place name as places are compared: lower case, plain apostrophes, no leading "the"."""
    return " ".join(re.findall(r"[\w.]+", text.casefold().replace("\u2019", "'"))).removeprefix("the ")


def is_region(e: Entity) -> bool:
    """A state, country or larger region, which may hold the other side's city."""
    key = place_key(e.text)
    return key in REGIONS or f"the {key}" in REGIONS or bool(_ABBREVIATED_STATE.match(e.text)) or \
        key.endswith((" state", " province", " region")) or _is_county(key)


def _is_county(key: str) -> bool:
    return key.endswith((" county", " parish"))


# A word after a place name that makes it part of a town ("the Dunmore neighborhood", "the Kelford area").
_PART_OF_TOWN = frozenset("neighborhood neighbourhood section district borough suburb suburbs area quarter".split())


def place_scale(e: Entity, c: Claim) -> int:
    """How large a place is, as far as its name and the words around it tell: 3 a state, country or larger,
    2 a county, 1 a town, 0 a part of a town, -1 a street. Places of two scales may be one inside the other
    ("in Dunmore County" / "in the state of Kelford"): only places of one scale are rivals."""
    if _is_street(e, c):
        return -1
    key = place_key(e.text)
    if _is_county(key):
        return 2
    if is_region(e):
        return 3
    after = re.match(r"\s*(\w+)", c.text[e.end - c.start:])
    return 0 if after and after.group(1).casefold() in _PART_OF_TOWN else 1


# A street address ("the 1400 block of West Elm Place", "at 48 Birch St."): the word before the street's kind.
STREET = re.compile(r"\b([A-Z0-9][\w'-]*)\s+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Place|Pl|"
                    r"Lane|Ln|Court|Ct|Parkway|Pkwy|Terrace|Way|Highway|Hwy)\b\.?")


# A street told by its place in an address: "the 1400 block of Elm", "near Birch and Alder" beside a block.
_BLOCK_OF = re.compile(r"\bblock\s+of\s+(?:the\s+)?$", re.I)
_CROSSING = re.compile(r"^\s+and\s+[A-Z]")
_CROSSED = re.compile(r"\b[A-Z][\w'-]*\s+and\s+$")
_GIVES_BLOCK = re.compile(r"\bblock\s+of\b", re.I)  # a sentence that gives a block anywhere


def _is_street(e: Entity, c: Claim) -> bool:
    """Whether a place is a street: named with a street's kind, given as a block's street, or one of two crossing
    streets in a sentence that gives a block or a street ("the 1400 block of Elm near West Birch and Alder")."""
    named = STREET.search(e.text)
    if named and named.end() >= len(e.text.rstrip(".")):
        return True
    before = c.text[max(0, e.start - c.start - 40): e.start - c.start]
    after = c.text[e.end - c.start: e.end - c.start + 20]
    if _BLOCK_OF.search(before):
        return True
    in_address = bool(_GIVES_BLOCK.search(c.text) or STREET.search(c.text))
    return in_address and bool(_CROSSING.match(after) or _CROSSED.search(before))


def streets_named(text: str) -> frozenset[str]:
    """The streets a sentence names, by the word before the street's kind ("elm" of "West Elm Place")."""
    return frozenset(m.group(1).casefold() for m in STREET.finditer(text))


MIN_RESPELT = 5  # shorter names one letter apart are as often two places ("Bam" / "Bim")


def one_spelling(x: str, y: str) -> bool:
    """Two place names one letter apart ("Dunmore" / "Dunnmore"): a reader sees one place misspelt,
    which is a name variant if anything, not a second place ("Kelford" / "Kelwood" differ in two)."""
    x, y = place_key(x), place_key(y)
    if x == y or abs(len(x) - len(y)) > 1 or min(len(x), len(y)) < MIN_RESPELT:
        return x == y
    if len(x) > len(y):
        x, y = y, x
    i = next((i for i, (a, b) in enumerate(zip(x, y)) if a != b), len(x))
    return x[i + 1:] == y[i + 1:] if len(x) == len(y) else x[i:] == y[i + 1:]


# "from" after a person or set off by a comma gives where someone is from, not where it happened:
# "the teen, from Dunmore," / "a man from Dunmore".
_HOME_FROM = re.compile(r"(?:,|\b(?:man|men|woman|women|boy|girl|teen|teenager|youth|resident|residents|native|"
                        r"couple|student|people|person|victim|suspect|family|\d{1,3})\s*,?)\s+from\s+(?:the\s+)?"
                        r"(?:city\s+of\s+|town\s+of\s+)?$", re.I)


def placed(c: Claim) -> list[Entity]:
    """The places a claim puts something in: place entities after a locative preposition, not a person's home."""
    out = []
    for e in c.entities:
        if e.label not in PLACE_LABELS:
            continue
        before = c.text[max(0, e.start - c.start - 40): e.start - c.start]
        if _LOCATIVE.search(before[-25:]) and not _HOME_FROM.search(before):
            out.append(e)
    return out


def _named(e: Entity, c: Claim) -> bool:
    """Whether the other claim names the place too, or a place that contains its name or is contained by it."""
    key = place_key(e.text)
    if any(o.canonical == e.canonical for o in c.entities):
        return True
    if re.search(rf"\b{re.escape(e.text)}\b", c.text):
        return True
    return any(o.label in PLACE_LABELS and (key in place_key(o.text) or place_key(o.text) in key) for o in c.entities)


def _times_agree(a: Claim, b: Claim) -> bool:
    """Dated alike, when both are dated: a place conflict is about one happening, not two."""
    ta = [(t.earliest, t.latest) for t in a.times if t.earliest and t.latest]
    tb = [(t.earliest, t.latest) for t in b.times if t.earliest and t.latest]
    if not ta or not tb:
        return True
    return any(x0 <= y1 and y0 <= x1 for x0, x1 in ta for y0, y1 in tb)


def _rest(c: Claim, places: list[Entity]) -> frozenset[str]:
    text = c.text
    for e in sorted(places, key=lambda e: -e.start):
        text = text[: e.start - c.start] + " " + text[e.end - c.start:]
    return content_words(text)


def compare_places(a: Claim, b: Claim, score: float, resolver) -> Finding | None:
    """The same statement placing what happened in two different places."""
    if score < MIN_SCORE or not _times_agree(a, b):
        return None
    pa, pb = placed(a), placed(b)
    only_a = [e for e in pa if not _named(e, b)]
    only_b = [e for e in pb if not _named(e, a)]
    if len(only_a) != 1 or len(only_b) != 1:
        return None
    x, y = only_a[0], only_b[0]
    if place_scale(x, a) != place_scale(y, b) or x.canonical == y.canonical or one_spelling(x.text, y.text):
        return None  # a city and the county, state or country around it, or one place spelt two ways
    wa, wb = _rest(a, pa), _rest(b, pb)
    rest = 2 * len(wa & wb) / max(1, len(wa) + len(wb))
    if rest < MIN_REST:
        return None
    confidence = min(0.9, 0.45 + 0.5 * rest)
    return Finding("place", a, b, x.text, y.text, (x.start, x.end), (y.start, y.end), confidence=confidence)


# Nouns for a happening that has one place: where a place attaches to one, it says where it was.
HAPPENINGS = frozenset(
    "event rally speech meeting hearing ceremony conference summit fundraiser dinner luncheon breakfast visit "
    "attack shooting bombing crash explosion protest demonstration march concert debate forum appearance "
    "gathering trial funeral memorial vigil parade convention arrest raid address remarks".split())
GENERIC = frozenset({"event", "appearance", "gathering"})  # may name any of the others
_LEAD_WORDS = 5  # "his speech to the group in Norwalk": the happening a few words before the place
STORY_CONFIDENCE = 0.6
MAX_EVIDENCE = 3


def _happening(c: Claim, e: Entity) -> str | None:
    """The happening a place is given for in a claim: "the Norwalk event", "a 2008 event in Norfolk"."""
    after = re.match(r"\s*(\w+)", c.text[e.end - c.start:])
    if after and after.group(1).casefold() in HAPPENINGS:
        return after.group(1).casefold()
    before = c.text[max(0, e.start - c.start - 60): e.start - c.start]
    m = _LOCATIVE.search(before)
    if m:
        lead = re.split(r"[,;:()\"\u201c\u201d]", before[: m.start()])[-1]
        words = re.findall(r"[a-z]+", lead.casefold())[-_LEAD_WORDS:]
        found = [w for w in words if w in HAPPENINGS]
        if found:
            return found[-1]
    return None


def _compatible(x: set[str], y: set[str]) -> bool:
    """Two sets of happening nouns that may name one happening."""
    return bool(x and y and (x & y or (x | y) & GENERIC))


def place_flags(claims: Iterable[Claim]) -> list[Flag]:
    """One flag per story and pair of outlets that place one dated happening in two different towns."""
    mentions: dict[str, dict[str, dict[str, list[tuple[Claim, Entity]]]]] = \
        defaultdict(lambda: defaultdict(lambda: defaultdict(list)))  # story -> outlet -> place -> mentions
    given: dict[tuple[str, str, str], set[str]] = defaultdict(set)  # (story, outlet, place) -> happenings
    for c in sorted(claims, key=lambda c: (c.published, c.article_id, c.start)):
        if not c.story_id:
            continue
        for e in c.entities:
            if e.label not in PLACE_LABELS or is_region(e):
                continue
            key = place_key(e.text)
            mentions[c.story_id][c.outlet][key].append((c, e))
            what = _happening(c, e)
            if what:
                given[(c.story_id, c.outlet, key)].add(what)
    flags = []
    for story, outlets in mentions.items():
        names = sorted(outlets)
        for i, oa in enumerate(names):
            for ob in names[i + 1:]:
                xa = {p: (m, given.get((story, oa, p), set())) for p, m in outlets[oa].items()}
                xb = {p: (m, given.get((story, ob, p), set())) for p, m in outlets[ob].items()}
                for pa, pb in _conflicts(xa, xb):
                    flags.append(_flag(xa[pa][0], xb[pb][0]))
    return flags


def _conflicts(xa: dict, xb: dict):
    """(place of a, place of b) where the two outlets place one dated happening apart, neither naming the
    other's place: each is the other's closest match in wording among the places its outlet gives a
    happening of that kind and time."""
    def same(p: str, q: str) -> bool:
        (ma, ha), (mb, hb) = xa[p], xb[q]
        return _compatible(ha, hb) and _dated_alike(ma, mb)

    def best(candidates: list[tuple[int, str]]) -> str | None:
        ranked = sorted(candidates, reverse=True)
        if not ranked or ranked[0][0] < MIN_SHARED or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
            return None
        return ranked[0][1]

    named_b = lambda p: any(p in q or q in p or one_spelling(p, q) for q in xb)  # noqa: E731
    named_a = lambda q: any(q in p or p in q or one_spelling(p, q) for p in xa)  # noqa: E731
    for pb in xb:
        if named_a(pb):
            continue
        pa = best([(_shared(xa[p][0], xb[pb][0]), p) for p in xa if same(p, pb)])
        if pa is None or named_b(pa):
            continue
        if best([(_shared(xa[pa][0], xb[q][0]), q) for q in xb if same(pa, q)]) == pb:
            yield pa, pb


MIN_SHARED = 2  # words the two sides' sentences about the happening must share besides the place


def _shared(xa: list[tuple[Claim, Entity]], xb: list[tuple[Claim, Entity]]) -> int:
    """The most content words a sentence of one side shares with a sentence of the other, places left out."""
    return max(len(_rest(ca, [ea]) & _rest(cb, [eb])) for ca, ea in xa for cb, eb in xb)


def _dated_alike(xa: list[tuple[Claim, Entity]], xb: list[tuple[Claim, Entity]]) -> bool:
    """Some sentence of each side dates the happening, and the dates overlap: one happening, not two."""
    def dated(c: Claim) -> bool:
        return any(t.earliest and t.latest for t in c.times)

    return any(dated(ca) and dated(cb) and _times_agree(ca, cb) for ca, _ in xa for cb, _ in xb)


def _flag(xa: list[tuple[Claim, Entity]], xb: list[tuple[Claim, Entity]]) -> Flag:
    (ca, ea), (cb, eb) = xa[0], xb[0]
    if (cb.published, cb.id) < (ca.published, ca.id):
        xa, xb = xb, xa
        (ca, ea), (cb, eb) = xa[0], xb[0]
    finding = Finding("place", ca, cb, ea.text, eb.text, (ea.start, ea.end), (eb.start, eb.end),
                      confidence=STORY_CONFIDENCE)
    from .explain import explain

    evidence = tuple(Evidence(c.id, c.article_id, c.outlet, c.published.date().isoformat(), c.text, e.start, e.end)
                     for c, e in xa[:MAX_EVIDENCE] + xb[:MAX_EVIDENCE])
    claim_ids = tuple(dict.fromkeys(ev.claim_id for ev in evidence))
    return Flag(id=flag_id("place", claim_ids), type="place", claims=claim_ids,
                articles=tuple(dict.fromkeys(ev.article_id for ev in evidence)), outlets=(ca.outlet, cb.outlet),
                values={ca.outlet: ea.text, cb.outlet: eb.text}, evidence=evidence,
                confidence=STORY_CONFIDENCE, explanation=explain(finding), story_id=ca.story_id)
