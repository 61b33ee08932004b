"""A running tally a later report raises: the dead of a disaster, the cases of an outbreak, the arrested, the
evacuated, counted again while the story runs.

The fact table reads "an earthquake killed at least 1,400 people" and, a day later, "officials raised the death
toll to 1,900" as compatible (a floor admits any higher figure) and as counts of two things (people, and a figure
whose noun is before it). Here each figure row is read for the tally its words give it, whatever noun or verb
carries it ("killed 20 people", "20 people were killed", "20 deaths", "the death toll rose to 20"), and a higher
count of the same tally in a later report is an ``update``:

- later: of a later day, or said to be newer where the other is not ("rose to", "raised the toll to", "as of
  Monday night", "by 11 p.m. Monday");
- higher: above all the earlier figure allows, a floor taken as its writer's rounding ("at least 150" allows up to
  159, "more than 1,400" up to 1,499), and within reach of it (``MAX_UPDATE_RATIO``);
- the same count: one tally, and nothing in the words says two scopes (two named places, a nation's count and a
  city's, a year's and a weekend's, two years, two named studies or holders). A day's or an average's count, new
  cases, a part ("20 more", "two of them") and a count bounded in time ("since October") are no running tally.

The killed and wounded of one shooting are left to ``tolls``, which reads them from each report's lead with guards of
its own (another incident told beside it, a part of the toll named, the killer among the dead).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from ..records import Claim
from .base import STOP
from .facts.holders import PLACE_LABELS, other_actors, other_people, other_studies, places_of, rival_holders
from .facts.rows import Fact
from .facts.sameness import MAX_UPDATE_RATIO, figure_updated
from .facts.statistics import is_age, is_bounded, is_conversion, is_part, is_required
from .finding import Finding
from .numbers import singular
from .timeline import interval_of
from .tolls import of_one_shooting, one_of_a_list

CONFIDENCE = 0.6
DEAD, HURT, CASES, ARRESTED, DETAINED = "dead", "hurt", "cases", "arrested", "detained"
EVACUATED, MISSING = "evacuated", "missing"
# The words that name each tally, after a count ("20 killed", "20 people were killed", "20 deaths") or before a
# toll noun ("the death toll").
_TALLY_WORDS = {
    DEAD: "killed dead died deaths death fatalities fatality lives slain perished",
    HURT: "injured wounded hurt injuries injury",
    CASES: "cases case infections infection infected",
    ARRESTED: "arrested arrests arrest",
    DETAINED: "detained",  # held for questioning, not yet arrested
    EVACUATED: "evacuated evacuations evacuation displaced",
    MISSING: "missing",
}
_KIND_OF = {w: kind for kind, words in _TALLY_WORDS.items() for w in words.split()}
_WORD = "|".join(sorted(_KIND_OF, key=len, reverse=True))
# Nouns of whom a tally counts; a count of other things ("400 shootings", "12 counties") is not one.
PEOPLE = frozenset("people person persons residents civilians victims victim men women children adults americans "
                   "patients workers soldiers troops migrants protesters passengers".split())
TALLY_NOUNS = frozenset(singular(w) or w for w in (*_KIND_OF, *PEOPLE))  # as the rows give a counted noun

# "20 people killed", "20 were killed", "20 people have now died", "20 confirmed deaths".
_AFTER = re.compile(rf"^\s+(?:[a-z-]+\s+){{0,2}}?(?:(?:were|was|are|is|have|has|had)\s+)?(?:been\s+)?"
                    rf"(?:(?:now|also|reported|confirmed|believed|feared)\s+)?({_WORD})\b", re.I)
# "killed 20 people", "left 20 dead" (the word after tells it), "claimed 20 lives".
_VERB_BEFORE = re.compile(r"\b(killed|killing|kills|injured|injuring|wounded|wounding|infected|arrested|detained|"
                          r"evacuated|displaced)\s+$", re.I)
# "the death toll ... to 20", "the number of cases stands at 20", "the toll rose to 20": a bare toll is the dead's.
_TOLL_BEFORE = re.compile(rf"\b(?:(?P<kind>death|injury|case|infection|arrest)\s+)?"
                          rf"(?P<noun>toll|tally|count|number|total)"
                          rf"(?:\s+of\s+(?:the\s+)?(?:people\s+)?(?P<of>{_WORD}))?\b[^.;:]{{0,60}}?"
                          r"\b(?:to|at|of|is|was|reached|hit|topped|passed|surpassed)\s+$", re.I)

# A count of one day, week or period's new ones, or an average: each period has its own, none is the tally so far.
_RATE = re.compile(r"\bnew\b|(?i:\b(?:daily|a\s+day|per\s+day|each\s+day|every\s+day|weekly|a\s+week|per\s+week|"
                   r"average|averaged|rate|per\s+capita)\b)")
# A count over a place wider than one town, or over a running year.
_WIDE = re.compile(r"\b(?:nation|state|country|world)[\s-]?wide\b|\bacross\s+the\s+(?:country|nation|state|world|"
                   r"globe|u\.s\.)\b|\bin\s+the\s+(?:country|nation|world)\b|\bnational\b|\bglobal(?:ly)?\b", re.I)
_YEAR_LONG = re.compile(r"\b(?:this\s+year|last\s+year|so\s+far\s+this|since\s+(?:january|the\s+start|the\s+beginning"
                        r"|the\s+pandemic)|year[\s-]to[\s-]date|for\s+the\s+year|annual(?:ly)?|a\s+year|per\s+year)\b",
                        re.I)
# A count said to be newer than an earlier one: a verb of rise or revision leading to it ("rose to 20", "raised the
# death toll from the quake to 20"), or the time it stood at ("as of Monday", "by 11 p.m. Monday").
_RAISED_TO = re.compile(r"\b(?:raised|raising|rose|risen|climbed|increased|jumped|grew|grown|swelled|mounted|soared|"
                        r"revised|updated)\b[^.;:]{0,80}?\bto\s+$", re.I)
_AS_OF = re.compile(r"(?:\bas\s+of|(?:^|[,;]\s*)by)\s+$", re.I)
# Hedges a running count is given with; "hundreds", "dozens", "up to" and ranges say too little of the count.
_HEDGES = frozenset({None, "at least", "more than", "over", "about", "around", "approximately", "roughly", "some",
                     "an estimated", "nearly", "almost"})
_FLOORS = frozenset({"at least", "more than", "over"})


def tally(f: Fact) -> str | None:
    """The running count a figure row gives by its words (``DEAD``, ``HURT``, ``CASES``, ``ARRESTED``,
    ``DETAINED``, ``EVACUATED``, ``MISSING``), or None."""
    q, c = f.slot, f.claim
    if (f.kind != "figure" or q.kind != "count" or q.hedge not in _HEDGES or q.value != int(q.value) or q.value < 1
            or is_age(f) or (f.counts is not None and f.counts.split()[-1] not in TALLY_NOUNS)):
        return None
    before, after = c.text[:q.start - c.start], c.text[q.end - c.start:]
    m = _TOLL_BEFORE.search(before)
    if m:
        word = m.group("of") or m.group("kind")
        if word:
            return _KIND_OF.get(word.casefold())
        return DEAD if m.group("noun").casefold() == "toll" else None
    m = _AFTER.match(after) or _VERB_BEFORE.search(before)
    return _KIND_OF.get(m.group(1).casefold()) if m else None


RECALLED_DAYS = 7  # a count its sentence dates more than a week before the report is of a past happening


def recalled(f: Fact) -> bool:
    """The row's sentence dates what it counts well before the report ("In February, a gunman killed five"):
    a past happening recalled beside the story, not the story's tally."""
    c = f.claim
    for t in c.times:
        iv = interval_of(t)
        if iv is not None and iv[1] != iv[1].max and (c.published.date() - iv[1]).days > RECALLED_DAYS:
            return True
    return False


def running(f: Fact) -> bool:
    """The row is a tally so far, not a period's count, an average, a part (one of a list: "two women and a man
    died") or a count bounded in time."""
    c = f.claim
    listed = one_of_a_list(c.text[:f.slot.start - c.start], c.text[f.slot.end - c.start:])
    return not (listed or recalled(f) or _RATE.search(_clause(f)) or is_part(f) or is_bounded(f) or is_required(f)
                or is_conversion(f))


def _clause(f: Fact) -> str:
    """The part of the row's sentence between the semicolons or colons around its figure."""
    text, at = f.claim.text, f.slot.start - f.claim.start
    start = max((m.end() for m in re.finditer(r"[;:]", text[:at])), default=0)
    end = next((at + m.start() for m in re.finditer(r"[;:]", text[at:])), len(text))
    return text[start:end]


def raised(f: Fact) -> bool:
    """The row's sentence gives the count as a newer one: a verb of rise or revision leading to it ("officials
    raised the toll to 20"), an update cue of the figure, or the time the count stood at ("as of Monday")."""
    c = f.claim
    before = c.text[:f.slot.start - c.start]
    stamped = any(t.granularity in ("day", "time") and t.end <= f.slot.start
                  and _AS_OF.search(c.text[:t.start - c.start]) for t in c.times)
    return bool(_RAISED_TO.search(before)) or figure_updated(f) or stamped


def _places(c: Claim) -> set[str]:
    return {e.text.casefold() for e in c.entities if e.label in PLACE_LABELS}


def _years(c: Claim) -> set[str]:
    return {t.value[:4] for t in c.times if t.granularity == "year"}


# What arrests were for, in the clause after their count ("15 arrests for drunk driving").
_FOR = re.compile(r"^[^.;:]{0,40}?\bfor\s+((?:[\w'-]+\s+){0,3}[\w'-]+)", re.I)


def arrested_for(f: Fact) -> set[str]:
    """The words of what a count of arrests says they were for; empty for another tally or none said."""
    m = _FOR.match(f.claim.text[f.slot.end - f.claim.start:]) if tally(f) == ARRESTED else None
    return {w.casefold() for w in re.findall(r"[\w'-]+", m.group(1))} - STOP if m else set()


def one_scope(a: Fact, b: Fact) -> bool:
    """Nothing in the two sentences says the counts are of two scopes: two named places, a count over a country
    against one of a named place, a year's against a shorter one's, two years, arrests for two offences, two named
    studies or holders."""
    fa, fb = arrested_for(a), arrested_for(b)
    if fa and fb and not fa & fb:
        return False
    pa, pb = places_of(a) or _places(a.claim), places_of(b) or _places(b.claim)
    if pa and pb and not pa & pb:
        return False
    wa, wb = bool(_WIDE.search(a.claim.text)), bool(_WIDE.search(b.claim.text))
    if wa != wb and (pa if wb else pb):
        return False  # a nation's count against a place's
    if bool(_YEAR_LONG.search(a.claim.text)) != bool(_YEAR_LONG.search(b.claim.text)):
        return False
    ya, yb = _years(a.claim), _years(b.claim)
    if ya and yb and not ya & yb:
        return False
    return not (other_actors(a, b) or other_people(a, b) or rival_holders(a, b) or other_studies(a, b))


def _allows_up_to(f: Fact) -> float:
    """The highest count an earlier figure allows: a floor read as its writer's rounding down ("at least 150" of
    up to 159, "more than 1,400" of up to 1,499), any other figure its interval's top."""
    q = f.slot
    if q.hedge not in _FLOORS:
        return q.high
    value = int(q.value)
    step = 1
    while value % (step * 10) == 0 and step * 10 <= value:
        step *= 10
    return value + step - 1


def newer(a: Fact, b: Fact) -> bool:
    """``b`` is the later report of the two: of a later day, or of the same day and said to be newer where ``a``
    is not."""
    da, db = a.claim.published.date(), b.claim.published.date()
    return db > da or db == da and raised(b) and not raised(a)


def raises(a: Fact, b: Fact) -> bool:
    """``b`` gives the tally ``a`` gives, higher and later: the count grew (or was counted again) since."""
    if a.claim.outlet == b.claim.outlet or tally(a) is None or tally(a) != tally(b):
        return False
    if not (b.slot.low > _allows_up_to(a) and b.slot.value <= MAX_UPDATE_RATIO * a.slot.value):
        return False
    return newer(a, b) and running(a) and running(b) and one_scope(a, b)


def tally_updates(facts: Sequence[Fact], similarity: Callable[[int, int], float], story: Iterable[Claim] = ()
                  ) -> list[tuple[Finding, float]]:
    """Update findings of one story's fact table, each with its claims' cosine: a tally a later report of
    another outlet gives higher (``story``: every claim of the story, to know the reports of one shooting)."""
    by_article: dict[str, list[Claim]] = {}
    for c in story:
        by_article.setdefault(c.article_id, []).append(c)
    shootings = {a for a, cs in by_article.items() if of_one_shooting(cs)}
    rows = [f for f in facts if f.kind == "figure" and tally(f) is not None
            and not (tally(f) in (DEAD, HURT) and f.claim.article_id in shootings)]
    out = []
    for i, x in enumerate(rows):
        for y in rows[i + 1:]:
            if x.claim.article_id == y.claim.article_id:
                continue
            a, b = (x, y) if x.slot.value < y.slot.value else (y, x)
            if raises(a, b):
                found = Finding("update", a.claim, b.claim, a.slot.text, b.slot.text, (a.slot.start, a.slot.end),
                                (b.slot.start, b.slot.end), confidence=CONFIDENCE)
                out.append((found, similarity(a.row, b.row)))
    return out
