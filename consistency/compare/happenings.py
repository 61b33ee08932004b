"""Dated happenings: one happening dated differently by two outlets, whatever words each used for it.

Each date row of a story's fact table is read as a happening (the kind of thing that happened, from
its verb or from a happening noun among its arguments: "voted", "passed" and "the vote" are one
kind), the participants around it (the row's subject and object words and the people and
organisations named close to the date) and its resolved days. Rows of two outlets are set against each
other when they name one kind of happening with a participant in common (or when each article dates
just one happening by the noun they share) and their days cannot both be right; a year range given a step off at both ends is one such pair too. An outlet whose article
also gives the other outlet's day for that same happening elsewhere knows both days: no dispute.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from ..lexicon import HAPPENING_KINDS as KIND_OF
from ..lexicon import OFFICES, TITLES
from .base import STOP, tells_of_another_incident
from .places import is_region, streets_named
from .timeline import bare_clock
from .facts.calls import CALL, calls_a_person
from .facts.holders import ACTOR_LABELS, one_verb_two_doers, other_people
from .facts.pairing import WINDOW_DAYS, in_order
from .facts.rows import Fact
from .facts.sameness import GENERAL_EVENTS
from .facts.values import GRANULARITY, differ, fact_dates_comparable, facts_agree, fineness, overnight
from .finding import Finding

SAME_DAY = {"time": "day"}  # "Thursday night" dates a happening of that day


# Verbs that say little of their own, so a happening noun they govern says what is dated ("the
# primary will be held on April 30", "the debate on Tuesday was supposed to").
LIGHT_VERBS = frozenset("be have hold take schedule set suppose plan expect begin start occur happen come "
                        "go make give get see follow mark".split())
NEAR_CHARS = 60  # a name this close to the date may name who took part


def _near(f: Fact, start: int, end: int) -> bool:
    """Whether a stretch of the claim lies within ``NEAR_CHARS`` of the row's time expression."""
    return start < f.slot.end + NEAR_CHARS and f.slot.start - NEAR_CHARS < end


NEAR_WORDS = 3  # a happening noun this few words from the date is the one it dates ("Tuesday's vote")


def _near_words(f: Fact) -> set[str]:
    """The lower-cased words of the claim just before and just after the time expression."""
    c = f.claim
    before = c.text[:max(0, f.slot.start - c.start)].split()[-NEAR_WORDS:]
    after = c.text[f.slot.end - c.start:].split()[:NEAR_WORDS]
    return {w.strip(".,;:'\"\u2019s").casefold() for w in before + after}


# A day named in the possessive qualifies the happening noun after it ("Friday's shooting", "Tuesday's vote").
_POSSESSIVE = re.compile(r"^['\u2019]s\s+(?:([a-z-]+)\s+)?([a-z]+)", re.IGNORECASE)


def kinds(f: Fact) -> frozenset[str]:
    """The kinds of happening a date row dates: its verb's; a happening noun's when the verb is a
    light one or the noun stands right by the date; the noun a possessive date qualifies."""
    own = KIND_OF.get(f.event or "")
    if own:
        return frozenset({own})
    if found_hurt(f):
        return frozenset({FOUND})
    nouns = [w for w in f.about if w in KIND_OF]
    if f.event not in LIGHT_VERBS:
        near = _near_words(f)
        nouns = [w for w in nouns if w in near]
    m = _POSSESSIVE.match(f.claim.text[f.slot.end - f.claim.start:])
    if m:
        nouns += [_lemma(w) for w in m.groups() if w and _lemma(w) in KIND_OF]
    return frozenset(KIND_OF[w] for w in nouns)


def participants(f: Fact) -> frozenset[str]:
    """Who or what took part: the row's subject and object words, the words of the people and
    organisations named close to the date, and what a passive "were found" found ("the bodies")."""
    named = {w.casefold() for e in f.claim.entities if e.label in ACTOR_LABELS and _near(f, e.start, e.end)
             for w in e.text.split() if len(w) > 2 and w.casefold() not in STOP}
    return frozenset(set(f.about) | named | _found_what(f))


# The discovery of the hurt or dead ("deputies found him unresponsive at 11 p.m.", "the bodies were discovered
# about 3 p.m.", "was found lying in an alley, shot, on Nov. 2"): a step of the incident, one
# happening whatever verb the time hangs on. A gun or a car found is not this step.
FOUND = "find"
_FINDING_VERBS = frozenset({"find", "discover"})
_FOUND_BEFORE = re.compile(r"\b(?:was|were|been|being)\s+(?:found|discovered)\b[^.;:]{0,100}$", re.IGNORECASE)
_HURT_OR_DEAD = re.compile(r"\b(?:dead|bod(?:y|ies)|unresponsive|shot|wound(?:s|ed)?|gunshot|lying|slain|killed)\b",
                           re.IGNORECASE)
_FOUND_SUBJECT = re.compile(r"([A-Za-z'\u2019-]+)\s+(?:was|were)\s+(?:found|discovered)\b")


def found_hurt(f: Fact) -> bool:
    """The row dates the finding of someone hurt or dead: its verb finds, or its time follows a passive
    "was found" in its clause, and the sentence tells of a body, a wound or a death."""
    c = f.claim
    finding = f.event in _FINDING_VERBS or _FOUND_BEFORE.search(c.text[:max(0, f.slot.start - c.start)])
    return bool(finding) and _HURT_OR_DEAD.search(c.text) is not None


def _found_what(f: Fact) -> set[str]:
    """The word a passive "were found" says was found ("bodies" -> "body"), where the row dates a finding."""
    if not found_hurt(f):
        return set()
    c = f.claim
    return {_lemma(m.group(1)) for m in _FOUND_SUBJECT.finditer(c.text[:max(0, f.slot.start - c.start)])
            if m.group(1).casefold() not in STOP}


# Words that set a happening apart as an earlier one of its kind ("the last such patch", "the previous
# vote", "a similar attack"): the date then belongs to that one, not to the happening the story reports.
_EARLIER = re.compile(r"\b(?:last|previous|prior|earlier|similar)\s+(?:such\s+)?([^,.;:()]{0,40})", re.IGNORECASE)
EARLIER_WORDS = 4  # the marker qualifies a noun this few words on


def earlier_instance(f: Fact) -> bool:
    """The row's subject or object, or the happening its date names, is marked as an earlier one of
    its kind, outside any time expression ("the last such patch", not "last week")."""
    c = f.claim
    for m in _EARLIER.finditer(c.text):
        at = c.start + m.start()
        if any(t.start <= at < t.end for t in c.times):
            continue
        if any(_lemma(w) in f.about for w in m.group(1).split()[:EARLIER_WORDS]):
            return True
    return False


# A period a count is totted up over ("in March alone", "so far this year", "this year to date").
_TALLY_BEFORE = re.compile(r"\bso far(?:\s+in)?\s*$", re.IGNORECASE)
_TALLY_AFTER = re.compile(r"^\s*(?:alone|so far|to date)\b", re.IGNORECASE)


def period_tally(f: Fact) -> bool:
    """The row's time expression is the period of a running tally, not the date of one happening."""
    c = f.claim
    before, after = c.text[:max(0, f.slot.start - c.start)], c.text[f.slot.end - c.start:]
    return bool(_TALLY_BEFORE.search(before) or _TALLY_AFTER.match(after))


def _lemma(word: str) -> str:
    """A noun in the form row words are kept in ("patches" -> "patch")."""
    w = word.strip("'").casefold()
    for end, repl in (("ches", "ch"), ("shes", "sh"), ("ies", "y"), ("s", "")):
        if w.endswith(end) and len(w) > len(end) + 2:
            return w[:-len(end)] + repl
    return w


def _granularity(f: Fact) -> str:
    return SAME_DAY.get(f.slot.granularity, f.slot.granularity)


def same_happening(x: Fact, y: Fact) -> bool:
    """Both rows name one kind of happening and share a participant that is not merely the
    happening's name ("the House" voted, not just "the vote"), or both tell when the story's own
    happening, named by a general noun, began or took place."""
    return bool(kinds(x) & kinds(y)) and bool(shared_participants(x, y)) or story_happening(x, y)


# Nouns a report uses for the happening it is about, whatever it was ("the incident", "the carnage"),
# and verbs that say only when it began or took place: two outlets that time the incident's start
# time one happening, though neither names a participant of it.
STORY_NOUNS = frozenset("incident carnage rampage spree violence chaos ordeal standoff melee attack shooting "
                        "murder homicide".split())
_STORY_NOUN = "|".join(sorted(STORY_NOUNS))  # one of them, in a pattern
ONSET_VERBS = ({"begin", "start", "erupt"}, {"happen", "occur", "unfold"})


def story_happening(x: Fact, y: Fact) -> bool:
    """Both rows say when the story's happening, named by a general noun as their subject or object,
    began (or took place), in verbs of one sort; or one says when it took place and the other when
    its shooting was done ("the shooting occurred Tuesday" / "a boy was shot Wednesday")."""
    if _one_shooting_dated(x, y):
        return True
    if not (_names_story(x) and _names_story(y)):
        return False
    return any(x.event in verbs and y.event in verbs for verbs in ONSET_VERBS)


def _one_shooting_dated(x: Fact, y: Fact) -> bool:
    """One row says on which day the story's happening took place and the other on which day it, or
    its shooting, was done (in whatever verb tells of it); the days differ (a weekday and a date on that weekday
    do not), and neither sentence tells of a separate incident."""
    if not (took_place(x) and (took_place(y) or told_attack(y)) or told_attack(x) and took_place(y)):
        return False
    return differ(x, y) and not separate(x) and not separate(y)


def took_place(f: Fact) -> bool:
    """The row says when the story's happening, named by a general noun, took place ("the incident
    happened", "the attack took place"), or sets the scene of it ("were standing outside at 10 p.m.
    when someone opened fire")."""
    happened = f.event in ONSET_VERBS[1] or f.event == "take" and "place" in f.about
    return happened and (_names_story(f) or _it_happened(f)) or scene_of_happening(f) or _left_by_story(f)


# The story's happening told by what it left ("a shooting that left a girl wounded Tuesday morning").
_LEFT = re.compile(rf"\b(?:{_STORY_NOUN})\s+(?:that\s+|which\s+)?left\b", re.IGNORECASE)


def _left_by_story(f: Fact) -> bool:
    """The row's verb is "leave" said of a general noun for the story's happening, before the time."""
    c = f.claim
    return f.event == "leave" and _LEFT.search(c.text[:max(0, f.slot.start - c.start)]) is not None


def _names_story(f: Fact) -> bool:
    """The row's subject or object is a general noun for the story's happening, or the clause its verb heads
    is said of one."""
    return bool(STORY_NOUNS & f.about) or _told_of_story_noun(f)


_RELATIVE_HAPPENED = re.compile(rf"\b(?:{_STORY_NOUN})\b[^,.;:()]{{0,60}}\b(?:that|which)\s+"
                                r"(?:happened|occurred|unfolded|took place)\s+(?:on\s+|at\s+)?$", re.IGNORECASE)


def _told_of_story_noun(f: Fact) -> bool:
    """The happening verb heads a clause on a general noun for the story's happening ("the fatal shooting of
    a boy that occurred Thursday"), though the row kept only the nearer words ("boy")."""
    c = f.claim
    return _RELATIVE_HAPPENED.search(c.text[:max(0, f.slot.start - c.start)]) is not None


# "It happened around 9 p.m.", opening the sentence or after the source ("According to police, it occurred"):
# a report's bare "it" is the happening it is about.
_IT_HAPPENED = re.compile(r"(?:^|[,:]\s*)it\s+(?:all\s+)?(?:happened|occurred|unfolded|took place)\b", re.IGNORECASE)


def _it_happened(f: Fact) -> bool:
    """The happening verb's subject is a bare "it" opening its clause, standing for the story's happening."""
    c = f.claim
    return _IT_HAPPENED.search(c.text[:max(0, f.slot.start - c.start)]) is not None


# A clause right after the time that tells what broke in on the scene ("... at 10 p.m. when someone
# began firing"): the time is that happening's.
_WHEN_CLAUSE = re.compile(r"^[^.;:!?]{0,40}?\bwhen\b([^.;:!?]{0,80})", re.IGNORECASE)
_BROKE_IN = re.compile(r"\b(?:shot|shoots?|shooting|gunfire|gunshots?|fired|firing|opened fire|ambush(?:ed)?|"
                       r"discharged|went off|crash(?:ed)?|collided|tragedy|attack(?:ed)?|incident)\b", re.IGNORECASE)


def scene_of_happening(f: Fact) -> bool:
    """The row's own verb names no happening ("were standing", "had returned home") and the clause after its
    time tells of the story's happening breaking in ("when gunfire erupted", "when robbers ambushed them")."""
    if KIND_OF.get(f.event or ""):
        return False
    m = _WHEN_CLAUSE.match(f.claim.text[f.slot.end - f.claim.start:])
    return m is not None and _BROKE_IN.search(m.group(1)) is not None


def separate(f: Fact) -> bool:
    """The sentence tells of another incident ("in a separate shooting on Tuesday", "earlier that day a man
    was shot there"): its dates and clock times are that one's."""
    return tells_of_another_incident(f.claim.text)


def done(f: Fact) -> bool:
    """The row's own verb is an attack ("was shot Wednesday"), the kind of happening a shooting story reports."""
    return KIND_OF.get(f.event or "") == "attack"


# Verbs a shooting story also tells its attack by, where the sentence tells of a gun ("was struck by gunfire",
# "was injured when a bullet grazed her"), and someone firing shots ("was firing shots toward a home"; "a call of
# shots fired" dates the call).
HURT_VERBS = frozenset({"strike", "wound", "injure", "graze"})
_GUNFIRE = re.compile(r"\b(?:shots?|shooting|shootings|gunfire|gunshots?|bullets?|rounds|gun)\b", re.IGNORECASE)
_FIRING = re.compile(r"\bfir(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,2}(?:shots?|rounds?|at)\b", re.IGNORECASE)


def told_attack(f: Fact) -> bool:
    """The row dates the attack, by a shooting verb or by one that tells of it in a sentence about a gun. Only
    read against a row that says when the story's happening took place: a round-up's wounded are told so too."""
    if done(f):
        return True
    text = f.claim.text
    if f.event == "fire":
        return _FIRING.search(text) is not None
    return f.event in HURT_VERBS and _GUNFIRE.search(text) is not None


def attacked(f: Fact) -> bool:
    """The row dates an attack on someone: a shooting verb, or a killing ("was shot and killed Friday")."""
    return done(f) or f.event == "kill"


def sole_attack(x: Fact, y: Fact, by_article: dict[str, list[Fact]]) -> bool:
    """Both rows date an attack, and each article dates every attack it tells of (outside sentences of
    another incident) on one day and, where it times them, at one time: the story's own shooting, whoever
    each outlet names as its victim. A round-up timing its shootings of a day apart tells of several."""
    if not (attacked(x) and attacked(y)) or separate(x) or separate(y) or other_towns(x, y):
        return False
    if _granularity(x) != "day" or _granularity(y) != "day":
        return False  # "over the weekend", "last week": too loose to tell one attack from another
    for f in (x, y):
        for g in by_article.get(f.claim.article_id, ()):
            if separate(g):
                continue
            if attacked(g) and differ(f, g) or (attacked(g) or "attack" in kinds(g)) and clocks_differ(f, g):
                return False
    return True


def towns(f: Fact) -> frozenset[str]:
    """The towns, states and countries the row's sentence names."""
    return frozenset(e.canonical for e in f.claim.entities if e.label == "GPE")


def other_towns(x: Fact, y: Fact) -> bool:
    """Each sentence names places the other does not: a spree's shootings in two towns are two happenings."""
    tx, ty = towns(x), towns(y)
    return bool(tx and ty) and not tx & ty


_COMPASS = frozenset("north south east west northeast northwest southeast southwest upper lower st saint "
                     "the of new".split())


def cities(f: Fact) -> frozenset[str]:
    """The words of the towns and neighbourhoods the row's sentence names (compass words left out: "East
    Elmvale" is in "Elmvale"); a state or country may hold the other sentence's town."""
    return frozenset(w for e in f.claim.entities if e.label == "GPE" and not is_region(e)
                     for w in re.findall(r"[\w'-]+", e.text.casefold()) if w not in _COMPASS)


def other_cities(x: Fact, y: Fact) -> bool:
    """Each sentence names towns the other does not: one kind of happening in two towns ("an officer shot a
    man Wednesday in Elmvale" / "officers were shot Thursday in Northgate") is two happenings."""
    cx, cy = cities(x), cities(y)
    return bool(cx and cy) and not cx & cy


# The word between the two ends of a span of dates ("from 2005 to 2010", "between May and July", "2009-2011").
_RANGE_JOIN = re.compile(r"^\s*(?:to|through|thru|until|till|-|\u2013|\u2014)\s*$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s*$", re.IGNORECASE)


def date_span(f: Fact, siblings: Sequence[Fact]) -> tuple[date, date]:
    """The days a row's date covers, or, where it is one end of a span its sentence gives ("from May
    2007 to March 2008"), the days of the whole span."""
    text, start = f.claim.text, f.claim.start
    for g in siblings:
        if g is f or g.interval is None:
            continue
        first, second = (g, f) if g.slot.end <= f.slot.start else (f, g)
        if second.slot.start < first.slot.end:
            continue
        join = text[first.slot.end - start:second.slot.start - start]
        between = join.strip().casefold() == "and" and _BETWEEN.search(text[:first.slot.start - start])
        if _RANGE_JOIN.match(join) or between:
            return first.interval[0], second.interval[1]
    return f.interval


def part_of_span(x: Fact, y: Fact, by_claim: dict[int, list[Fact]]) -> bool:
    """One row's span lies wholly inside the other's, clear of both its ends ("served in Corvia from May 2007
    to March 2008" / "in the navy from 2005 to 2010"): a part of the longer one, not another
    date for it. A span that shares an end with the other (2005 to 2008 / 2005 to 2010) still differs."""
    sx, sy = date_span(x, by_claim.get(x.row, ())), date_span(y, by_claim.get(y.row, ()))
    if sx == x.interval and sy == y.interval:
        return False  # neither is a span: two dates, not a part and its whole
    inner, outer = (sx, sy) if sx[1] - sx[0] <= sy[1] - sy[0] else (sy, sx)
    return outer[0] < inner[0] and inner[1] < outer[1]


def shared_participants(x: Fact, y: Fact) -> frozenset[str]:
    """The participants two rows share, happening nouns left out."""
    return frozenset(w for w in participants(x) & participants(y) if w not in KIND_OF)


def _sole_happening(x: Fact, y: Fact, by_article: dict[str, list[Fact]]) -> bool:
    """The two rows share only a happening noun ("the primary"), and each article dates just one
    happening by that noun, on one day: the noun alone then says which happening it is. When both
    rows give the noun the same qualifying words ("the county primary"), those name the happening, and
    only rows naming it so need agree ("last week's primary" is another one)."""
    nouns = {w for w in participants(x) & participants(y) if w in KIND_OF} & set(x.about) & set(y.about)
    if not nouns or not kinds(x) & kinds(y):
        return False
    named_as = {n: q for n in nouns if (q := qualifier(x, n)) and q == qualifier(y, n)}
    for f in (x, y):
        named = [g for g in by_article.get(f.claim.article_id, ()) if nouns & set(g.about)
                 and (not named_as or any(qualifier(g, n) == q for n, q in named_as.items()))]
        if any(not facts_agree(f, g) for g in named):
            return False
    return True


QUALIFIER_WORDS = 2  # "vice mayoral", "second televised": the words right before a happening noun


def qualifier(f: Fact, noun: str) -> tuple[str, ...]:
    """The words that qualify a happening noun where the row's sentence names it closest to the date
    ("a second televised debate": second, televised); articles, pronouns and other stop words left out."""
    c = f.claim
    at = f.slot.start - c.start
    found = [m for m in re.finditer(rf"\b{re.escape(noun)}(?:s|es)?\b", c.text, re.IGNORECASE)]
    if not found:
        return ()
    m = min(found, key=lambda m: abs(m.start() - at))
    before = re.findall(r"[\w'\u2019-]+", c.text[:m.start()])[-QUALIFIER_WORDS:]
    return tuple(w.casefold() for w in before if w.casefold() not in STOP and not w[0].isdigit())


# How far apart two dates may lie and still be one happening misdated, by the coarser one's unit:
# a weekday named wrongly lies within a week, a month or a year named wrongly is the next one.
REACH_DAYS = {"day": 7, "week": 7, "month": 31, "quarter": 92, "season": 92, "half": 183, "year": 366}
MAX_GRANULARITY_GAP = 2  # "mid May" may date what "April 30" dates; "2006" does not date "Wednesday"


def within_reach(x: Fact, y: Fact) -> bool:
    """Dates close enough to be one happening misdated, not two happenings of one kind."""
    gx, gy = _granularity(x), _granularity(y)
    if gx not in REACH_DAYS or gy not in REACH_DAYS:
        return False
    if abs(GRANULARITY[gx] - GRANULARITY[gy]) > MAX_GRANULARITY_GAP:
        return False
    (a0, a1), (b0, b1) = x.interval, y.interval
    gap = max(0, (b0 - a1).days, (a0 - b1).days)
    coarse = gx if GRANULARITY[gx] >= GRANULARITY[gy] else gy
    return gap <= REACH_DAYS[coarse]


# How far a hedged clock time may lie from the time it names, in minutes before and after: "about 10
# p.m." allows 10:10, "just before 7:30" allows 7:20. A round hour or half hour said plainly is rounded.
CLOCK_HEDGES = (
    (re.compile(r"\b(?:just|shortly|a little|right|moments?)\s+before\s*$", re.I), (15, 0)),
    (re.compile(r"\b(?:just|shortly|soon|a little|right|moments?)\s+after\s*$", re.I), (0, 15)),
    (re.compile(r"\b(?:nearly|almost)\s*$", re.I), (10, 0)),
    (re.compile(r"\b(?:about|around|approximately|roughly|some|close to|near|circa)\s*$", re.I), (10, 10)),
)
ROUNDED_CLOCK = 5  # "10 p.m." said plainly may be 9:58 or 10:04
# A bound ("before 5 p.m.", "by noon", "until 2 a.m.") says on which side the happening lies, not when.
_CLOCK_BOUND = re.compile(r"\b(?:before|after|by|until|till|since|from|between|through)\s*$", re.I)
# A time named with its zone may be a conversion of another outlet's ("7 p.m. local time (8 p.m. ET)").
_ZONE = re.compile(r"^[^.;,]{0,3}\b(?:local|[ECMP][SD]?T|GMT|UTC|Eastern|Central|Mountain|Pacific)\b|^\s*\(", re.I)
_ZONE_IN = re.compile(r"\b(?:local time|[ECMP][SD]T|GMT|UTC|Eastern|Central|Mountain|Pacific)\b|\d\s*[ECMP]T\b")
_CLOCK_VALUE = re.compile(r"T(\d{2}):(\d{2})$")


def clock_span(f: Fact) -> tuple[int, int] | None:
    """The minutes of the day a row's clock time allows, from its hedge ("about", "just after") and its
    rounding, or None when it gives no clock time, bounds one side, or names a time zone."""
    t, c = f.slot, f.claim
    m = _CLOCK_VALUE.search(t.value or "")
    if m is None or not re.search(r"\d", t.text):
        return None
    at = int(m.group(1)) * 60 + int(m.group(2))
    before = c.text[max(0, t.start - c.start - 30):t.start - c.start]
    words = re.sub(r"\d.*$", "", t.text)  # the slot's own words before its digits ("about", "around")
    said = f"{before} {words}".rstrip()
    if _ZONE.search(c.text[t.end - c.start:]) or _ZONE_IN.search(t.text):
        return None
    for cue, (early, late) in CLOCK_HEDGES:
        if cue.search(said):
            return at - early, at + late
    if _CLOCK_BOUND.search(said) or (t.mod or "APPROX") != "APPROX":
        return None
    if t.mod == "APPROX":
        return at - 10, at + 10
    rounded = ROUNDED_CLOCK if at % 30 == 0 else 0
    return at - rounded, at + rounded


_CLOCK_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}$")


def clock_day(f: Fact) -> tuple[date, date]:
    """The day a row's clock time falls on: the day its value names when the hedge makes a span of the
    bound ("just before 2 a.m. Sunday" is Sunday, not any time up to it), else the row's days. A clock
    time said with no day keeps its row's days: which day it falls on is the reader's guess."""
    if f.slot.granularity != "time":
        return f.interval
    m = _CLOCK_DATE.match(f.slot.value or "")
    if m is None or (f.slot.mod or "APPROX") == "APPROX" or clock_span(f) is None or bare_clock(f.slot):
        return f.interval
    day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return day, day


def clocks_differ(x: Fact, y: Fact) -> bool:
    """Two clock times of one day that cannot both be right, each taken with its hedge ("about 2:40 p.m."
    and "about 3 p.m." merely touch; "about 10 p.m." allows "10:10 p.m."). As for plain figures, spans
    that only touch differ, unless one is a single minute."""
    # A clock time said with no day of its own ("about 3 p.m.") takes the day of the happening it times.
    if not (bare_clock(x.slot) or bare_clock(y.slot)):
        dx, dy = clock_day(x), clock_day(y)
        if dx != dy or dx[0] != dx[1] or not fact_dates_comparable(x, y):
            return False
    sx, sy = clock_span(x), clock_span(y)
    if sx is None or sy is None:
        return False
    lo, hi = max(sx[0], sy[0]), min(sx[1], sy[1])
    return lo > hi or lo == hi and sx[0] < sx[1] and sy[0] < sy[1]


# The hours a part of a day may stand for, generously: "Sunday night" may be 1 a.m. after it, "evening" 4 p.m.
PART_HOURS = {"MO": ((0, 12),), "AF": ((12, 18),), "EV": ((16, 24),), "NI": ((18, 24), (0, 5))}
# Parts of one day that cannot be one time. Morning and night are left alone: the small hours are told as both.
PARTS_APART = (frozenset({"MO", "AF"}), frozenset({"MO", "EV"}), frozenset({"AF", "NI"}))
_PART_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}T(MO|AF|EV|NI)$")


def part_of_day(f: Fact) -> str | None:
    """The part of the day a row names ("NI" of "Sunday night"), else None."""
    m = _PART_VALUE.match(f.slot.value or "")
    return m.group(1) if m else None


def parts_differ(x: Fact, y: Fact) -> bool:
    """Two times of one named day that cannot both be right by the part of the day each gives: "Thursday
    afternoon" and "Thursday night", "around 5 p.m. Sunday" and "Sunday night"."""
    dx, dy = clock_day(x), clock_day(y)
    if dx != dy or dx[0] != dx[1] or bare_clock(x.slot) or bare_clock(y.slot) or not fact_dates_comparable(x, y):
        return False
    px, py = part_of_day(x), part_of_day(y)
    if px and py:
        return frozenset({px, py}) in PARTS_APART
    for part, other in ((px, y), (py, x)):
        span = clock_span(other)
        if part and span:
            return not any(lo * 60 <= span[1] and span[0] <= hi * 60 for lo, hi in PART_HOURS[part])
    return False


def _spans_touch(x: Fact, y: Fact) -> bool:
    """The two clock spans meet at one minute and no more ("about 4 p.m." and "about 4:20 p.m.")."""
    sx, sy = clock_span(x), clock_span(y)
    return sx is not None and sy is not None and (sx[1] == sy[0] or sy[1] == sx[0])


def titled_names(facts: Sequence[Fact]) -> frozenset[str]:
    """The surnames of the story's sources that some sentence names with a title or office ("Sheriff T. Lane")."""
    out = set()
    for f in facts:
        a = f.claim.attribution
        words = re.findall(r"[\w'\u2019-]+", a.source) if a is not None else []
        if len(words) > 1 and (a.role or any(w.casefold() in TITLES | OFFICES for w in words[:-1])):
            out.add(words[-1].casefold())
    return frozenset(out)


def witness_round_time(f: Fact, titled: frozenset[str]) -> bool:
    """A hedged round hour or half hour ("around 4 p.m.") given by a named person who holds no title in the
    story (a neighbour, a passer-by): someone recalling a time rounds it more loosely than a police log."""
    a, span = f.claim.attribution, clock_span(f)
    if a is None or a.source_kind != "named" or span is None or span[1] - span[0] < 20:
        return False
    words = re.findall(r"[\w'\u2019-]+", a.source)
    return bool(words) and words[-1].casefold() not in titled and (span[0] + span[1]) // 2 % 30 == 0


def streets(f: Fact) -> frozenset[str]:
    """The streets the row's sentence names, by the word before the street's kind ("elm" of "West Elm Place")."""
    return streets_named(f.claim.text)


def other_places(x: Fact, y: Fact) -> bool:
    """Each sentence places its happening on streets the other does not name: two shootings of a
    round-up, one "in the 1400 block of Elm Street" and one "on Oak Avenue", are two happenings."""
    sx, sy = streets(x), streets(y)
    return bool(sx and sy) and not sx & sy


# Words that tell of the shooting itself, whatever verb the time hangs on ("alerted to a shooting",
# "were shot when gunfire broke out").
_SHOOTING = re.compile(r"\b(?:shot|shoots?|shooting|gunfire|gunshots?|fired|firing|opened fire)\b", re.I)


def tells_of_shooting(f: Fact) -> bool:
    """The row's sentence tells of a shooting, or names the story's happening by a general noun."""
    return bool(_SHOOTING.search(f.claim.text) or STORY_NOUNS & f.about)


def one_place_timed(x: Fact, y: Fact, by_article: dict[str, list[Fact]]) -> bool:
    """Two clock times of one day, each in a sentence that tells of a shooting at a street both
    sentences name: one shooting at one place, timed twice, though the times hang on verbs of no
    common kind ("alerted to a shooting on Elm Avenue at 12:05 a.m." / "the Elm Avenue shooting
    happened around noon"), in reports that each time every shooting they tell of alike."""
    if differ(x, y) or clock_span(x) is None or clock_span(y) is None:
        return False
    if not (tells_of_shooting(x) and tells_of_shooting(y) and streets(x) & streets(y)):
        return False
    return _timed_alike(x, y, by_article, times_harm)


def _untimed_or_call(f: Fact) -> bool:
    """The row has no clock time, or its time is of another happening or of a call or report to the police."""
    return clock_span(f) is None or separate(f) or dates_call(f) or "report" in f.about


# Someone hurt, in the words a round-up's items use beside "shot" ("a man who was wounded about 4 a.m.").
_HURT = re.compile(r"\b(?:wounded|injured|hurt)\b", re.I)


def times_harm(f: Fact) -> bool:
    """The row's clock time is in a sentence that tells of a shooting or of someone hurt, not of a call
    or report to the police: a report with two such times apart tells of several shootings."""
    if _untimed_or_call(f):
        return False
    return bool(tells_of_shooting(f) or _HURT.search(f.claim.text))


# A happening's noun in the plural ("the shootings began"): the sentence tells of several.
_SEVERAL = re.compile(rf"\b(?:{_STORY_NOUN})s\b", re.IGNORECASE)


def times_shooting(f: Fact) -> bool:
    """The row times the story's one shooting: when it took place, or when someone was shot; not a report
    of shots to the police, nor a sentence telling of several shootings."""
    if _untimed_or_call(f):
        return False
    return (took_place(f) or attacked(f) or told_attack(f)) and not _SEVERAL.search(f.claim.text)


def one_shooting_timed(x: Fact, y: Fact, by_article: dict[str, list[Fact]]) -> bool:
    """Two clock times of one day, each timing the story's shooting ("the incident happened just before noon" /
    "the girl was shot about 1 p.m."), in reports that each time every shooting they tell of alike: a
    round-up's shootings are timed apart, and one report's two times say it tells of several."""
    if differ(x, y) or not (times_shooting(x) and times_shooting(y)) or other_towns(x, y):
        return False
    (x0, x1), (y0, y1) = clock_span(x), clock_span(y)
    if max(x0, y0) - min(x1, y1) < ROUNDED_CLOCK:
        return False  # paired by kind alone, times a minute or two past each other's hedge may still be one
    return _timed_alike(x, y, by_article, times_shooting)


def _timed_alike(x: Fact, y: Fact, by_article: dict[str, list[Fact]], test: Callable[[Fact], bool]) -> bool:
    """No row of either report that passes ``test`` is timed apart from that report's row: each report times
    every shooting it tells of alike."""
    return not any(test(g) and clocks_differ(f, g) for f in (x, y) for g in by_article.get(f.claim.article_id, ()))


# An ordinal before the happening's noun ("the first shooting", "the third incident"): one of several, told in turn.
_NUMBERED = re.compile(rf"\b(?:first|second|third|fourth|fifth|sixth|latest|most recent)\s+(?:[\w-]+\s+)?"
                       rf"(?:{_STORY_NOUN})s?\b", re.IGNORECASE)


def numbered(f: Fact) -> bool:
    """The row's sentence, before its time, names a happening by its place in a series of them."""
    c = f.claim
    return _NUMBERED.search(c.text[:max(0, f.slot.start - c.start)]) is not None


_LATEST = re.compile(rf"\b(?:latest|most recent)\s+(?:[\w-]+\s+)?(?:{_STORY_NOUN})\b", re.I)


def latest_of_several(f: Fact) -> bool:
    """The row's sentence names its happening as the latest of several ("the most recent fatal shooting
    happened Sunday"): a round-up dates each of its shootings on its own day."""
    return _LATEST.search(f.claim.text) is not None


# Verbs that take the call as their object ("responded to a 911 call", "answered a call").
_CALL_TAKERS = frozenset({"respond", "answer", "receive", "get", "take", "dispatch"})
# The police as the row's subject or object, in the form row words are kept in ("deputy", "officer").
POLICE = frozenset("police officer deputy trooper sheriff patrol".split())


def told_call(f: Fact) -> bool:
    """The row dates the call itself: the police called out, a report to them, or the call coming in ("the
    call came in around 7:45 a.m.")."""
    return f.event == CALL or f.event == "come" and CALL in f.about


def dates_call(f: Fact) -> bool:
    """The row dates the call that brought the police: a report of the happening to them, the police
    called out, a call answered, or the police answering it ("deputies responded to the house"); a call
    put through to a person is none of these."""
    if calls_a_person(f.claim, f.slot):
        return False
    return told_call(f) or f.event in _CALL_TAKERS and bool(({CALL} | POLICE) & f.about)


def one_call(x: Fact, y: Fact) -> bool:
    """Both rows date the call that brought the police, at least one by the police called out or a
    report to them (a call told on one side, answered on the other): one step of the incident,
    whatever verb each hangs on. Two calls answered are left to the verbs' kinds, as before. Calls in two
    towns are two calls: a spree brings the police out more than once."""
    return dates_call(x) and dates_call(y) and (told_call(x) or told_call(y)) and not other_towns(x, y)


# Verbs that bring the police to a scene ("were summoned", "responded", "were dispatched").
_CALLED_OUT = frozenset({"respond", "summon", "dispatch", "send", "call", "rush"})


def _called_out(f: Fact) -> bool:
    """The row dates the police coming out ("officers responded", "deputies were dispatched"), one incident's."""
    return f.event in _CALLED_OUT and bool(POLICE & f.about) and not separate(f)


def police_came(f: Fact) -> bool:
    """The row dates the police coming out to a shooting its sentence tells of only after the time ("officers
    were summoned at 2 p.m. Tuesday after a man was reported shot"); a shooting told before it may have come
    after they arrived ("the shooting happened after police responded at 9 p.m. to a disturbance")."""
    if not _called_out(f):
        return False
    c = f.claim
    before, after = c.text[:max(0, f.slot.start - c.start)], c.text[f.slot.end - c.start:]
    return bool(_SHOOTING.search(after)) and not _SHOOTING.search(before)


# The police finding someone right after they came ("came ... Friday and found the boy").
_FOUND_AFTER = re.compile(r"^[^.;:]{0,40}?\b(?:and|,)\s+found\s+(?:(?:a|an|the|his|her|their|two|three)\s+)?"
                          r"(?:[\w-]+\s+){0,2}?([a-z]+)\b", re.IGNORECASE)


def came_to_victim(came: Fact, shot: Fact) -> bool:
    """The police row says the police came out and found the one the other row says was shot ("officers
    came at 6:10 a.m. Friday and found the boy" / "the boy was shot Saturday"): they came to the shooting."""
    if not _called_out(came):
        return False
    m = _FOUND_AFTER.match(came.claim.text[came.slot.end - came.claim.start:])
    return m is not None and _lemma(m.group(1)) in shot.about


def came_to_shooting(x: Fact, y: Fact) -> bool:
    """One row dates the police coming out to the story's shooting (or to the one shot) and the other the
    shooting itself, each on one named day: the police come the day it happens, so two days are one shooting
    dated twice."""
    for came, shot in ((x, y), (y, x)):
        if not (police_came(came) or came_to_victim(came, shot)) or police_came(shot) \
                or "attack" not in kinds(shot) or separate(shot):
            continue
        if _one_day(came) and _one_day(shot) and not other_towns(came, shot) and differ(came, shot):
            return True
    return False


_CALL_BOUND = re.compile(r"\b(?:before|by)\s*$", re.I)


def call_latest(f: Fact) -> int | None:
    """The latest minute of the day a call row allows: the end of its clock span, or the bound of
    "before 8 a.m." (a report made before then)."""
    span = clock_span(f)
    if span is not None:
        return span[1]
    t, c = f.slot, f.claim
    m = _CLOCK_VALUE.search(t.value or "")
    if m is None or not re.search(r"\d", t.text):
        return None
    said = c.text[max(0, t.start - c.start - 30):t.start - c.start] + " " + re.sub(r"\d.*$", "", t.text)
    if not _CALL_BOUND.search(said.rstrip()):
        return None
    return int(m.group(1)) * 60 + int(m.group(2))


def reported_before_done(x: Fact, y: Fact) -> bool:
    """One row dates the report of the happening to the police and the other the shooting itself, on
    one day, later than the report allows: a shooting is not reported before it happens. A call whose
    sentence tells of no shooting ("called to the house because two people were arguing") may have
    brought the police to something before it."""
    for call, done in ((x, y), (y, x)):
        if not told_call(call) or dates_call(done) or not ("attack" in kinds(done) or took_place(done)) \
                or not tells_of_shooting(call):
            continue
        if other_towns(call, done):
            continue  # a spree: the police called out in one town, a shooting done in another
        if _one_day(call) and _one_day(done) and call.interval[1] < done.interval[0] and not overnight(call, done):
            return True  # the call the day before the shooting ("12:31 a.m. Wednesday" / "shot Thursday")
        latest, span = call_latest(call), clock_span(done)
        day = done.interval[0]
        if latest is None or span is None or done.interval[1] != day or call.interval[1] != day:
            continue
        if span[0] > latest:
            return True
    return False


def recalled(x: Fact, y: Fact) -> bool:
    """Both rows date days already past when the earlier of the two articles was written: a report weeks
    later that dates the incident again recalls the happening the first one told, not a later one of its kind."""
    a, _ = in_order(x, y)
    written = a.claim.published.date()
    return x.interval[1] <= written and y.interval[1] <= written


def _one_day(f: Fact) -> bool:
    """The row names a single day (with or without a time of it); a clock time said with no day of its
    own ("around 1 p.m.") names none, since its day is the reader's guess."""
    return _granularity(f) == "day" and f.interval[0] == f.interval[1] and not bare_clock(f.slot)


@dataclass(frozen=True, slots=True)
class DatePair:
    """Two rows of different outlets that may date one happening differently."""

    a: Fact  # the row of the earlier claim
    b: Fact
    similarity: float
    shifted_range: bool  # both ends of a range given a step off
    reported_first: bool = False  # a report of the happening made before the time another outlet gives it


def _shifted_ranges(facts: Sequence[Fact]) -> list[tuple[Fact, Fact, Fact, Fact]]:
    """Year ranges of two outlets whose both ends differ by the same one year ("1967 to 1979" /
    "1966 to 1978"), in sentences naming one person."""
    ranges: list[tuple[Fact, Fact]] = []
    by_claim: dict[int, list[Fact]] = {}
    for f in facts:
        if f.kind == "date" and f.slot.granularity == "year":
            by_claim.setdefault(f.row, []).append(f)
    for rows in by_claim.values():
        rows = sorted(rows, key=lambda f: f.interval[0])
        if len(rows) == 2 and rows[0].interval[0] < rows[1].interval[0]:
            ranges.append((rows[0], rows[1]))
    out = []
    for i, (s1, e1) in enumerate(ranges):
        for s2, e2 in ranges[i + 1:]:
            if s1.claim.outlet == s2.claim.outlet:
                continue
            d1 = s1.interval[0].year - s2.interval[0].year
            d2 = e1.interval[0].year - e2.interval[0].year
            if abs(d1) == 1 and d1 == d2 and _named_alike(s1, s2):
                out.append((s1, e1, s2, e2))
    return out


def _named_alike(x: Fact, y: Fact) -> bool:
    """The two sentences name one person or organisation."""
    def named(f: Fact) -> set[str]:
        return {e.canonical for e in f.claim.entities if e.label in ("PERSON", "ORG")}
    return bool(named(x) & named(y))


def date_pairs(facts: Sequence[Fact], similarity: Callable[[int, int], float]) -> list[DatePair]:
    """Pairs of date rows of different outlets that name one happening and cannot both be right."""
    dates = [f for f in facts if f.kind == "date"]
    by_article: dict[str, list[Fact]] = {}
    by_claim: dict[int, list[Fact]] = {}
    for f in dates:
        by_article.setdefault(f.claim.article_id, []).append(f)
        by_claim.setdefault(f.row, []).append(f)
    out: list[DatePair] = []
    seen: set[tuple[int, int]] = set()
    titled = titled_names(facts)
    for i, x in enumerate(dates):
        for y in dates[i + 1:]:
            if x.claim.outlet == y.claim.outlet:
                continue
            if abs((x.claim.published - y.claim.published).days) > WINDOW_DAYS and not recalled(x, y):
                continue
            late = reported_before_done(x, y)
            parts_only = not (differ(x, y) or clocks_differ(x, y) or late)
            if not within_reach(x, y) or parts_only and not (parts_differ(x, y) and story_happening(x, y)):
                continue  # a part of the day is read only where both say when the story's own happening took place
            if period_tally(x) or period_tally(y):
                continue  # "80 were killed in November alone" counts many happenings, it dates none
            if earlier_instance(x) != earlier_instance(y):
                continue  # one dates an earlier happening of the kind, the other this one
            if separate(x) != separate(y):
                continue  # one tells of another incident, recalled beside this one
            if (not same_happening(x, y) and not _sole_happening(x, y, by_article)
                    and not one_place_timed(x, y, by_article) and not one_call(x, y) and not late
                    and not sole_attack(x, y, by_article) and not came_to_shooting(x, y)
                    and not one_shooting_timed(x, y, by_article)):
                continue
            if (numbered(x) or numbered(y)) and (not differ(x, y) or latest_of_several(x) or latest_of_several(y)):
                continue  # "the first shooting" / "the third incident": a round-up times each of its shootings
            if other_people(x, y):
                continue  # one kind of happening, two people's: each dates their own
            if other_places(x, y) or other_cities(x, y):
                continue  # one kind of happening at two addresses, or in two towns: two happenings
            if part_of_span(x, y, by_claim):
                continue  # a span inside another is a part of it
            if one_verb_two_doers(x, y, GENERAL_EVENTS) and not story_happening(x, y):
                continue  # two doers of one verb: two happenings
            a, b = in_order(x, y)
            clock_only = not differ(a, b)  # one day, two clock times: a day alone tells neither
            if clock_only and _spans_touch(a, b) and (witness_round_time(a, titled) or witness_round_time(b, titled)):
                continue  # a witness's round hour, recalled, against a logged time a few minutes off
            # a row never vouches against its own pair (a report bound before a shooting is compatible with it)
            if (_given(a, [g for g in by_claim.get(b.row, ()) if g is not b], clock_only)
                    or _given(b, [g for g in by_claim.get(a.row, ()) if g is not a], clock_only)):
                continue  # the other sentence gives this day too: it dates two happenings
            if _sibling_dated(a, b, by_claim.get(a.row, ())) or _sibling_dated(b, a, by_claim.get(b.row, ())):
                continue  # "signed A on Tuesday and B today": the other outlet dates B's signing
            if (_echoed(a, by_article.get(b.claim.article_id, ()), clock_only)
                    or _echoed(b, by_article.get(a.claim.article_id, ()), clock_only)):
                continue
            if (a.row, b.row) in seen:
                continue
            seen.add((a.row, b.row))
            out.append(DatePair(a, b, similarity(a.row, b.row), False, late))
    out = _one_per_happening(out)
    for s1, _, s2, _ in _shifted_ranges(dates):
        a, b = in_order(s1, s2)
        if (a.row, b.row) not in seen:
            seen.add((a.row, b.row))
            out.append(DatePair(a, b, similarity(a.row, b.row), True))
    return out


def _one_per_happening(pairs: list[DatePair]) -> list[DatePair]:
    """For two articles and one kind of happening, the pair with the finest dates (then the closest
    claims): "mid May" against "April 30", not also against "a primary in April"."""
    def rank(p: DatePair) -> tuple[int, float]:
        return -fineness(p.a) - fineness(p.b), p.similarity

    best: dict[tuple, DatePair] = {}
    for p in pairs:
        # the story's attack, dated by a shooting on one side and a killing on the other, is one happening
        both = frozenset({"attack"}) if attacked(p.a) and attacked(p.b) else kinds(p.a) & kinds(p.b)
        key = (p.a.claim.article_id, p.b.claim.article_id, both)
        if key not in best or rank(p) > rank(best[key]):
            best[key] = p
    return list(best.values())


def _vouches(f: Fact, g: Fact, clock_only: bool = False) -> bool:
    """``g`` gives ``f``'s day (and clock time); with ``clock_only`` (the pair differs only in its clock
    times) ``g`` must give a clock time too: "Friday night" tells nothing of "about 9:30 p.m. Friday"
    against "shortly after 10 p.m. Friday"."""
    if clock_only and clock_span(g) is None:
        return False
    return facts_agree(f, g) and not clocks_differ(f, g) and not parts_differ(f, g)


def _given(f: Fact, others: Sequence[Fact], clock_only: bool = False) -> bool:
    """Some row of the other claim gives a day (and clock time) compatible with ``f``'s."""
    return any(_vouches(f, g, clock_only) for g in others)


def _sibling_dated(f: Fact, other: Fact, siblings: Sequence[Fact]) -> bool:
    """``f``'s sentence dates another happening of its kind, on another day, on ``other``'s day: the
    sentence holds two dated happenings of one kind and which of them ``other`` dates its words cannot
    tell, so its days are read as calendar days, whatever words name them."""
    def meets(g: Fact, h: Fact) -> bool:
        return g.interval[0] <= h.interval[1] and h.interval[0] <= g.interval[1]

    # a span that holds f's day too ("earlier this week") dates no other happening
    return any(g.slot.start != f.slot.start and kinds(g) & kinds(f) and not meets(g, f) and meets(g, other)
               for g in siblings)


def _echoed(f: Fact, others: Sequence[Fact], clock_only: bool = False) -> bool:
    """Some row of the other article dates the same happening as ``f`` does: that outlet knows this day
    (with ``clock_only``, this clock time) too."""
    return any(same_happening(f, g) and _vouches(f, g, clock_only) and fineness(g) <= fineness(f)
               for g in others)


@dataclass(frozen=True, slots=True)
class DateRule:
    """Which pairs are flagged: days at most this far apart for dates of a day, and claims at least
    this close in meaning (chosen by ``scripts/fit_date_pairs.py``, cross-validated by event)."""

    max_day_gap: int = 1
    min_similarity: float = -1.0

    def keeps(self, p: DatePair) -> bool:
        """Whether the rule flags the pair."""
        if p.similarity < self.min_similarity:
            return False
        if p.reported_first:
            return True  # one day by construction; the report's row is open before its bound
        (a0, a1), (b0, b1) = p.a.interval, p.b.interval
        if a0 <= b1 and b0 <= a1 and not differ(p.a, p.b) and times_shooting(p.a) and times_shooting(p.b):
            return True  # the shooting timed twice on its day: a hedged bound ("just before noon") names that day too
        if _granularity(p.a) == _granularity(p.b) == "day":
            return abs((clock_day(p.a)[0] - clock_day(p.b)[0]).days) <= self.max_day_gap
        return True


RULE = DateRule(max_day_gap=2, min_similarity=-1.0)  # chosen by scripts/fit_date_pairs.py on the tuning half


def happening_findings(facts: Sequence[Fact], similarity: Callable[[int, int], float],
                       rule: DateRule = RULE) -> list[tuple[Finding, float]]:
    """Timeline findings between rows that date one happening differently, with their claims' cosine."""
    out = []
    for p in date_pairs(facts, similarity):
        if not rule.keeps(p):
            continue
        out.append((Finding("timeline", p.a.claim, p.b.claim, p.a.slot.text, p.b.slot.text,
                            (p.a.slot.start, p.a.slot.end), (p.b.slot.start, p.b.slot.end),
                            confidence=pair_score(p)), p.similarity))
    return out


def pair_score(p: DatePair) -> float:
    """The raw score calibration reads: claims closer in meaning, and a range shifted at both ends, are surer."""
    return min(0.95, 0.6 + 0.3 * max(0.0, p.similarity) + (0.1 if p.shifted_range else 0.0))
