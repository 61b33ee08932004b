"""Deciding that two fact rows of different outlets state one fact: one thing, one holder or happening, close values."""

from __future__ import annotations

import re

from ...lexicon import HAPPENING_KINDS, IRREGULAR_PAST, SPEECH_EVENTS
from ..base import UPDATE_CUES
from .holders import (a_name, holder, holding_people, one_verb_two_doers, other_actors, other_doers, other_people,
                      other_studies, places_of, rival_holders, same_person, study_names)
from .rows import Fact, dates_of, modified
from .statistics import is_age, is_conversion, is_tally, other_statistic
from .values import GRANULARITY, MAX_GRANULARITY_GAP, near_dates, near_figures, significant


# Happenings too general to say which fact a slot belongs to: a shared subject must do it. Saying is
# one of them: two figures "said" by two people are not thereby of one happening.
GENERAL_EVENTS = frozenset({"be", "have", "do", "make", "get", "take", "give", "come", "go", "include", "become"}
                           ) | SPEECH_EVENTS


MAX_UPDATE_RATIO = 2.5  # a newer figure several times the old one counts something else


def related(x: Fact, y: Fact) -> bool:
    """Whether two rows may be about one thing at all (the scorer weighs how surely): a figure of the
    same counted noun, happening or things around it; a date of a comparable granularity attached to
    the same happening or things, or a step from the other's date in a sentence on the same person."""
    if x.kind != y.kind:
        return False
    shared = x.about & y.about
    same_event = x.event is not None and x.event == y.event and x.event not in GENERAL_EVENTS
    if x.kind == "figure":
        return (x.counts is not None and x.counts == y.counts) or same_event or bool(shared)
    gx, gy = GRANULARITY.get(x.slot.granularity, 0), GRANULARITY.get(y.slot.granularity, 0)
    if abs(gx - gy) > (MAX_GRANULARITY_GAP if max(gx, gy) <= GRANULARITY["month"] else 1):
        return False
    return bool(shared) or same_event or near_dates(x, y) and same_person(x.claim, y.claim)


# Dates of a day further apart than this are two happenings of one kind (two meetings, two rounds of
# statements), not one misdated: the reach scripts/fit_date_pairs.py chose for dated happenings.
DAY_REACH = 2


def one_fact(a: Fact, b: Fact) -> bool:
    """Whether two rows (``a`` the earlier) can state one fact: a figure of the same counted thing, said
    of the same holder or happening, close enough for one outlet to have slipped ("$3.5 billion" /
    "$3.6 billion", not 180 seats one party holds / 25 seats another lost) or given anew by a later report (a toll
    that grew), since figures further apart are other statistics of the story (a year's income and
    eight years'); or a date of the same happening, or of the same holder a step away ("1966" /
    "1967", "Tuesday" / "Wednesday")."""
    same_event = (a.event is not None and a.event == b.event and a.event not in GENERAL_EVENTS
                  and not _other_particles(a, b))
    same_holder = bool(_holder_words(a) & _holder_words(b))
    if other_actors(a, b) or other_people(a, b):
        return False  # said of different named people or bodies: each its own figure or date
    if a.kind == "figure":
        if other_statistic(a, b):
            return False
        if rival_holders(a, b):
            return False  # two named holders' figures, though both name a third (the one offered both)
        if other_doers(a, b, GENERAL_EVENTS):
            return False  # the frames name two holders of one kind of figure
        if other_studies(a, b):
            return False  # two named polls' or reports' figures of one thing
        pa, pb = places_of(a), places_of(b)
        if pa and pb and not pa & pb:
            return False  # figures of two places ("of traffic to one country", "in another")
        if dated_apart(a, b) or is_age(a) and is_age(b) and dated_apart(a, b, now=True):
            return False  # figures of two times: an age at a death and at an interview years before
        if is_age(a) and is_age(b) and _ages_of_others(a, b):
            return False
        if is_conversion(a) or is_conversion(b):
            return False  # an outlet's own conversion, at its own day's rate, disputes nothing
        if a.counts != b.counts and (a.counts is not None and b.counts is not None or a.slot.kind == "count"):
            return False  # a count of a named thing is not one whose noun the reader did not find
        lo, hi = sorted((abs(a.slot.value), abs(b.slot.value)))
        later = b.claim.published > a.claim.published and (
            grown_since(a, b) and is_tally(a) and is_tally(b)
            or update_cue(b) and not update_cue(a))
        close = near_figures(a.slot, b.slot) or later and lo > 0 and hi / lo <= MAX_UPDATE_RATIO
        # A named poll's or report's figure is that study's: a figure said of no holder may be another study's.
        unknown = holder_unknown(a, b) and not (study_names(a) or study_names(b))
        return close and (same_holder or same_event or unknown)
    if one_verb_two_doers(a, b, GENERAL_EVENTS):
        return False  # two doers of one verb: two happenings, each on its own day
    if ({a.slot.granularity, b.slot.granularity} <= {"day", "time"} and not _rescheduled(a, b)
            and abs((a.interval[0] - b.interval[0]).days) > DAY_REACH):
        return False
    if _steps_apart(a, b) > MAX_STEPS and not _rescheduled(a, b):
        return False  # an outlet slips by a step, not by several (a month of one year / a day years later)
    if _dates_a_figure(a) != _dates_a_figure(b):
        return False  # a year before a noun any figure is ("the 1998 value") dates a figure, not a happening
    from ..happenings import kinds  # here, not at the top: happenings imports this module

    ka, kb = kinds(a), kinds(b)
    if a.slot.granularity == b.slot.granularity == "year" and (
            ka and not kb and _noun_dated(a, ka) or kb and not ka and _noun_dated(b, kb)):
        # A year a step from another is as often the next happening of one life (elected one year,
        # appointed the next): a year beside a happening noun ("the election in 2014") dates that
        # happening, not the clause's verb, and not what a verb of no such kind says of the year after.
        return False
    if ka and kb and not ka & kb:
        return False  # dates of two kinds of happening (charged Saturday, shot Friday) are two dates
    if _other_happenings(a.event, b.event) and not ka & kb and _to_come(a) != _to_come(b):
        return False  # a plan ("will see a doctor Friday") and another thing done ("was hurt Thursday")
    if not same_event and not ka & kb and {a.slot.granularity, b.slot.granularity} <= {"day", "time"}:
        # Days a step apart, and nothing says the happening is one but the words around it: a shared
        # word must be a name, not a noun any sentence of the story may use ("the singer" arrived one
        # day and checked in the next).
        same_holder = any(a_name(w, a.claim) or a_name(w, b.claim) for w in holder(a) & holder(b))
    return same_event or same_holder and (near_dates(a, b) or _day_apart(a, b))


# Nouns that say what any figure is ("an annual value of $9 million", "a total of 40"): two figures
# that share only such a word share no holder.
MEASURE_NOUNS = frozenset("value amount sum total figure number count tally level".split())


def _holder_words(f: Fact) -> set[str]:
    """The row's holder words that can tell whose it is: not a noun naming what any figure is."""
    return holder(f) - MEASURE_NOUNS


def _dates_a_figure(f: Fact) -> bool:
    """The row is a year standing before a noun any figure is ("its 1998 value"), not a happening's date."""
    return modified(f.claim, f.slot) in MEASURE_NOUNS


def _noun_dated(f: Fact, kinds_of_f: frozenset[str]) -> bool:
    """The row's kinds of happening come from a happening noun beside its date, not from its own verb."""
    return HAPPENING_KINDS.get(f.event or "") not in kinds_of_f


# Particles that are not also the prepositions a date follows ("voted on Wednesday", "resigned in March").
_PARTICLES = frozenset({"into", "out", "up", "down", "off", "back", "away"})


def verb_forms(lemma: str) -> frozenset[str]:
    """The forms a verb may take in a sentence: its irregular pasts ("made" of make) and its regular
    inflections, with a dropped e ("moving"), a doubled last consonant ("stepped") or y made ie ("carried")."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "ing"}
    forms |= {past for past, verb in IRREGULAR_PAST.items() if verb == lemma}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return frozenset(forms)


def particle_after_verb(f: Fact) -> str | None:
    """The particle right after a form of the row's verb in its sentence ("moved into", "made off with",
    "stepped down"): with it the verb is a verb of its own."""
    if not f.event:
        return None
    forms = verb_forms(f.event)
    words = re.findall(r"[a-z]+|[^a-z\s]", f.claim.text.casefold())
    return next((nxt for word, nxt in zip(words, words[1:]) if word in forms and nxt in _PARTICLES), None)


def _other_particles(a: Fact, b: Fact) -> bool:
    """One verb with two particles is two happenings: moved into a house and moved out of it, stepped up and down."""
    pa, pb = particle_after_verb(a), particle_after_verb(b)
    return pa is not None and pb is not None and pa != pb


MAX_STEPS = 2  # whole units of the coarser date between two dates of one happening: a slip is a step or so
UNIT_DAYS = {"week": 7, "month": 31, "quarter": 92, "season": 92, "half": 183, "year": 366, "decade": 3653,
             "century": 36525}


def dated_apart(a: Fact, b: Fact, now: bool = False) -> bool:
    """Each row's happening is dated, and every day one gives lies more than ``DAY_REACH`` days from every
    day the other gives: the two figures are of different times ("told a magazine in 2005, at 91" /
    "died Thursday at 95"). With ``now``, a row whose happening is not dated is of its report's day (an
    age said undated is the age now)."""
    da, db = (dates_of(f) or ([(f.claim.published.date(),) * 2] if now else []) for f in (a, b))
    return bool(da and db) and all(max((b0 - a1).days, (a0 - b1).days) > DAY_REACH
                                   for a0, a1 in da for b0, b1 in db)


def _steps_apart(a: Fact, b: Fact) -> float:
    """How many units of the coarser of two dates (of a week or coarser) lie between them; 0 for days."""
    unit = max((f.slot.granularity for f in (a, b)), key=lambda g: GRANULARITY.get(g, 0))
    if unit not in UNIT_DAYS:
        return 0.0
    (a0, a1), (b0, b1) = a.interval, b.interval
    gap = max((b0 - a1).days, (a0 - b1).days, 0)
    return gap / UNIT_DAYS[unit]


def _ages_of_others(a: Fact, b: Fact) -> bool:
    """An age is one person's: a person named with one and not with the other is another person
    ("Brede, 39," / "a man, 47,"); two unnamed ("a six-year-old girl" / "she was 5") may be one, unless
    either sentence gives the ages of several people."""
    pa, pb = holding_people(a), holding_people(b)
    if not (pa or pb):
        return _of_several(a) or _of_several(b)
    return not pa & pb


# "both men are 30 years old", "the two were 19": an age said of several people at once.
_PLURAL_AGED = re.compile(r"\b(?:are|were)\s+(?:both\s+|all\s+|each\s+)?$", re.I)


def _of_several(f: Fact) -> bool:
    """An unnamed age of one of several people its sentence gives ages ("the 28-year-old and 41-year-old
    victims", "ages 28, 41 and 19") or of a plural ("both men are 30"): no single person to set it against."""
    c = f.claim
    ages = {q.start for q in c.quantities if q.unit == f.slot.unit}
    return len(ages) > 1 or bool(_PLURAL_AGED.search(c.text[:f.slot.start - c.start]))


ROUND_DIGITS = 3  # "$400,000", "$5.6 billion", "23": a story's headline figures, not an item's exact sum


# Nouns any count of people or repeats in a story has: "three people" names no statistic (the hurt,
# the rescued, the marchers, those who spoke), nor "three times" (fined, or a four-time winner), the
# way "19 steps" or "a 48-page indictment" does.
CLASS_NOUNS = frozenset("people person man men woman women individual adult resident time".split())


def holder_unknown(a: Fact, b: Fact) -> bool:
    """Both rows count the same named thing in round figures and one of them is said of nothing more
    ("19 steps" in a preview, "23 steps he took"): nothing says the figures are of two holders, so what
    is counted decides. Exact sums ("$9,587.64") are items of a list, each its own. What is counted
    decides only when it names the statistic: not a bare count of people, and not an amount, share or
    measure whose row says of nothing what it is, not even a happening ("it was $212 million")."""
    if a.counts is None or a.counts != b.counts or holder(a) and holder(b):
        return False
    if max(significant(a.slot.value), significant(b.slot.value)) > ROUND_DIGITS:
        return False
    if a.counts.split()[-1] in CLASS_NOUNS:
        return False
    if a.slot.kind == "count":
        # What happened to the things counted is then all that tells the figures apart: farms
        # flooded and farms abandoned are two counts.
        return not _other_happenings(a.event, b.event)
    return all(holder(f) or _specific(f.event) for f in (a, b))


def _other_happenings(x: str | None, y: str | None) -> bool:
    """Two verbs of their own, not of one kind of happening by the lexicon."""
    if not (_specific(x) and _specific(y)) or x == y:
        return False
    kind = HAPPENING_KINDS.get(x or "")
    return kind is None or kind != HAPPENING_KINDS.get(y or "")


# Words that put the verb after them still to come: "will see", "is to meet", "is expected to sign".
_TO_COME = (r"\b(?:will|'ll|(?:is|are|was|were) (?:to|expected to|scheduled to|set to|due to|slated to)"
            r"|plans? to|planned to)")


def _to_come(f: Fact) -> bool:
    """The row's verb is said as still to come in its sentence (in its base form after "will", "to")."""
    if not f.event or len(f.event) < 3:
        return False
    return bool(re.search(rf"{_TO_COME}\s+(?:\w+\s+)?{re.escape(f.event)}\b", f.claim.text, re.IGNORECASE))


def _specific(event: str | None) -> bool:
    return event is not None and event not in GENERAL_EVENTS


def _day_apart(a: Fact, b: Fact) -> bool:
    """Days one apart ("passed Tuesday" / "voted Wednesday"): with the same holder, one happening dated twice."""
    return (a.slot.granularity == b.slot.granularity == "day"
            and abs((a.interval[0] - b.interval[0]).days) == 1)


# What moves a date (a figure is "revised", a schedule is "postponed"): "a revised version of the
# bill ... Thursday" does not say Thursday replaced another day.
SCHEDULE_CUES = re.compile(r"\b(?:postponed|rescheduled|pushed back|brought forward|delayed|moved (?:up|back|forward|to)"
                           r"|(?:earlier|later|sooner) than (?:planned|expected|scheduled|announced))\b", re.IGNORECASE)


def update_cue(f: Fact) -> bool:
    """The claim says its value is a newer one: an update cue of the figure for a figure, a schedule
    change for a date."""
    return figure_updated(f) if f.kind == "figure" else bool(SCHEDULE_CUES.search(f.claim.text))


# A verb of change updates the figure it leads to ("fell to 9-2", "has risen to 40"), not another
# figure of its sentence ("fell to 9-2 (four by knockout)"); other cues ("revised", "up from") speak
# of the sentence's figure whichever it is.
_CHANGE_VERB = re.compile(r"\b(?:risen|rose|climbed|grown|grew|increased|jumped|fallen|fell|dropped|reached)\b",
                          re.IGNORECASE)
_NUMBER = re.compile(r"\d")


def figure_updated(f: Fact) -> bool:
    """The figure's sentence says it is a newer one: a cue other than a verb of change, or a verb of
    change with no other number between it and this figure (a record "9-2" the quantity reader leaves
    out is such a number)."""
    c = f.claim
    at = f.slot.start - c.start
    for m in UPDATE_CUES.finditer(c.text):
        if not _CHANGE_VERB.search(m.group(0)):
            return True
        if m.end() <= at and not _NUMBER.search(c.text[m.end():at]):
            return True
    return False


def _rescheduled(a: Fact, b: Fact) -> bool:
    """The later report says the date moved: days apart are then the old plan and the new one."""
    return b.claim.published > a.claim.published and update_cue(b) and not update_cue(a)


def grown_since(a: Fact, b: Fact) -> bool:
    """A count given higher in a report of a later day: a tally (dead, arrested, signed up) that grew
    while the story ran, not a slip by either outlet."""
    return (a.kind == "figure" and a.slot.kind == "count" and b.slot.kind == "count"
            and b.claim.published.date() > a.claim.published.date() and b.slot.low > a.slot.high)
