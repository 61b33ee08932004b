"""Timeline conflicts: the same statement dated to days that cannot overlap."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..lexicon import DATE_OF_REPORT_CUES, HAPPENING_KINDS, WORDS_TO_TWELVE
from ..records import Claim, TimeExpr
from .base import (
    Finding,
    is_copy,
    is_update,
    near_copy_edits,
    same_statement,
    same_subjects,
)
from .numbers import counted_offset

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def interval_of(t: TimeExpr) -> tuple[date, date] | None:
    """The days an expression allows; "by December" is open at the start, "after May" at the end."""
    if t.type not in ("DATE", "TIME") or not (t.earliest or t.latest):
        return None
    try:
        start = date.fromisoformat(t.earliest[:10]) if t.earliest else date.min
        end = date.fromisoformat(t.latest[:10]) if t.latest else date.max
    except ValueError:
        return None
    m = _HEDGED_OFFSET.search(t.text)
    r = None if m else _ROUND_OFFSET.search(t.text)
    if (m or r) and start != date.min and end != date.max:
        # "no more than 13 weeks ago", "about a month ago": the count is loose by its own unit;
        # "a week ago" is a round figure, loose by a part of it ("eight days ago" agrees)
        slack = timedelta(days=_UNIT_DAYS[m.group(1).casefold()] if m else _ROUND_SLACK[r.group(1).casefold()])
        start, end = max(date.min + slack, start) - slack, min(date.max - slack, end) + slack
    return start, end


_HEDGED_OFFSET = re.compile(r"\b(?:about|around|some|nearly|almost|roughly|approximately|no more than|more than|"
                            r"less than|over|under|at least|at most|up to)\b.*?\b(day|week|month|year)s?\s+"
                            r"(?:ago|earlier|later|before|after)\b", re.I)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}
_ROUND_OFFSET = re.compile(r"\b(?:a|an|one)\s+(week|month|year)\s+(?:ago|earlier|later|before|after)\b", re.I)
_ROUND_SLACK = {"week": 1, "month": 7, "year": 31}
# A blog's line may name the page's category between the verb and its date ("posted in Road Safety on ...");
# a video page may close the line in brackets ("(Published Monday, May 2, 2016)").
STAMP = re.compile(r"^\W*(?:[\w.,]+\s+){0,4}(?:last\s+)?(?:updated|published|posted|modified)\b"
                   r"(?:\s+in(?-i:\s+(?:[A-Z][\w&-]*|and|of|&)){1,6})?(?:\s+(?:at|on))?[\s\w:.,+-]{0,40}\)?$", re.I)


def is_stamp(c: Claim) -> bool:
    """A page's date line ("22 July 2013 Last updated at 17:50 GMT"): a date, not a statement."""
    return len(c.text) < 90 and bool(STAMP.match(c.text))


# An embedded post closes with its author's handle and the day it was posted ("-- A. Reporter (@areporter)
# May 2, 2016"): that day is the posting's, whatever the post tells of.
_POSTED_BY = re.compile(r"\(@\w+\)\s*$")
# A state a report saw on a day ("was being held Thursday", "nobody was in custody as of Friday"): later
# reports see it on later days, so the day dates no happening.
_STATE_BEFORE = re.compile(r"(?:\b(?:is|are|was|were|remains?|remained|stays?|stayed)\s+(?:still\s+)?"
                           r"(?:being\s+held|in\s+custody|behind\s+bars)\b(?:\s+[\w,-]+){0,3}|\bas\s+of)\s*$", re.I)


# A page's date line run into the sentence before it ("... near Elm Street Posted: Friday, May 1, 2020 9:10 AM").
# The colon makes it the page's line: "the interview published Sunday" dates a happening of the story.
_STAMP_BEFORE = re.compile(r"\b(?:posted|updated|published|modified)\s*:\s*(?:[\w,.:]+\s+){0,5}$", re.I)


def dates_no_happening(c: Claim, t: TimeExpr) -> bool:
    """The expression gives the day an embedded post or the page went up, or the day a state was seen to hold."""
    before = c.text[:max(0, t.start - c.start)]
    return bool(_POSTED_BY.search(before) or _STATE_BEFORE.search(before) or _STAMP_BEFORE.search(before))


def _dated(c: Claim) -> list[tuple[TimeExpr, tuple[date, date]]]:
    out = []
    for t in c.times:
        if dates_no_happening(c, t):
            continue
        iv = interval_of(t)
        if iv is not None:
            out.append((t, iv))
    return out


def compare_timeline(a: Claim, b: Claim, score: float, resolver) -> Finding | None:
    """Dates that are incompatible at their own granularity ("late October" agrees with "October 28")."""
    update = is_update(a, b)
    if is_stamp(a) or is_stamp(b):
        return None
    copy = is_copy(a, b, score)
    if not copy and not same_statement(a, b, score, min_score=0.7 if update else 0.8,
                                       min_overlap=0.5 if update else 0.6):
        return None
    if not same_subjects(a, b):
        return None
    ta, tb = _dated(a), _dated(b)
    if not ta or not tb:
        return None
    edits = near_copy_edits(a, b)
    if edits is not None:
        return _compare_copies(a, b, score, update, ta, tb, edits)
    # Every date in one claim must find a compatible date in the other; else the closest two conflict.
    for (x, ix), others in ((t, tb) for t in ta):
        if any(compatible(x, ix, y, iy) for y, iy in others):
            continue
        others = [(y, iy) for y, iy in others if dates_comparable(x, y, a, b)]
        if not others:
            continue
        if len(ta) != len(tb):
            return None  # unequal numbers of dates: likely different details, not one date changed
        y, iy = min(others, key=lambda o: min(abs((o[1][0] - ix[1]).days), abs((ix[0] - o[1][1]).days)))
        if not _same_role(a, x, b, y) or speech_date(a, x) or speech_date(b, y):
            return None  # when each outlet heard or printed it ("said on Tuesday") is not when it happened
        if other_happenings(x, y):
            return None
        kind = "update" if update else "timeline"
        return Finding(kind, a, b, x.text, y.text, (x.start, x.end), (y.start, y.end),
                       confidence=min(0.95, 0.55 + (score - 0.8) * 2))
    return None


def _compare_copies(a: Claim, b: Claim, score: float, update: bool, ta, tb, edits) -> Finding | None:
    """Near-copies of one sentence: only dates where the wording differs can conflict, and
    each is held against the date in the same place of the other copy. A date both copies
    word alike is the same date, even when republished another day."""
    for e in edits:
        xs = [(t, i) for t, i in ta if t.start < e.a[1] and e.a[0] < t.end]
        ys = [(t, i) for t, i in tb if t.start < e.b[1] and e.b[0] < t.end]
        if not xs or not ys:
            continue
        for x, ix in xs:
            if any(compatible(x, ix, y, iy) for y, iy in ys):
                continue
            others = [(y, iy) for y, iy in ys if dates_comparable(x, y, a, b)]
            if not others:
                continue
            y, iy = others[0]
            return Finding("update" if update else "timeline", a, b, x.text, y.text, (x.start, x.end),
                           (y.start, y.end), confidence=min(0.95, 0.6 + max(0.0, score - 0.8) * 2))
    return None


def other_happenings(x: TimeExpr, y: TimeExpr) -> bool:
    """The two dates attach to different happenings: other verbs of no common kind, whose subjects and
    objects share no word ("kept up pressure on him Sunday" / "offered reactions to him on Friday")."""
    if not x.event or not y.event or x.event == y.event:
        return False
    kind = HAPPENING_KINDS.get(x.event)
    if kind is not None and kind == HAPPENING_KINDS.get(y.event):
        return False
    return not set(x.about) & set(y.about)


def _context(c: Claim, t: TimeExpr, width: int = 3) -> tuple[set[str], set[str]]:
    """Content words just before and just after a time expression in its sentence."""
    from .base import content_words

    local = c.text.find(t.text, max(0, t.start - c.start - 5))
    if local < 0:
        return set(), set()
    before = list(content_words(c.text[max(0, local - 60):local]))
    after = list(content_words(c.text[local + len(t.text):local + len(t.text) + 60]))
    left = c.text[max(0, local - 60):local].casefold().split()[-width:]
    right = c.text[local + len(t.text):local + len(t.text) + 60].casefold().split()[:width]
    return {w for w in left if w in before}, {w for w in right if w in after}


def _same_role(a: Claim, x: TimeExpr, b: Claim, y: TimeExpr) -> bool:
    """Whether two dates play the same part in their sentences ("died on Thursday" and "died
    yesterday"), not different ones ("told a March 12 briefing" and "reached it on Monday")."""
    la, ra = _context(a, x)
    lb, rb = _context(b, y)
    if not (la or ra) or not (lb or rb):
        return True  # too little context to tell: let the statement-level check decide
    return bool(la & lb or ra & rb)


_SPEECH_BEFORE = re.compile(rf"\b{DATE_OF_REPORT_CUES}\s+(?:\w+\s+)?(?:on|late|early|last)?\s*$", re.I)
_SPEECH_AFTER = re.compile(rf"^\s*,\s*(?:\w+\s+){{0,3}}?{DATE_OF_REPORT_CUES}\b", re.I)


def speech_date(c: Claim, t: TimeExpr) -> bool:
    """The date says when someone spoke or an outlet reported ("a senior Democrat said on Tuesday",
    "In January, it was reported that"), not when the reported event happened."""
    local = c.text.find(t.text, max(0, t.start - c.start - 5))
    if local < 0:
        return False
    before, after = c.text[max(0, local - 40):local], c.text[local + len(t.text):local + len(t.text) + 40]
    # After the date only an opening phrase counts: "In January, it was reported"; in "died on
    # Tuesday, police said" the date is the death's.
    return bool(_SPEECH_BEFORE.search(before) or local < OPENING and _SPEECH_AFTER.match(after))


OPENING = 12
CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\b\d{1,2}[:.]\d{2}\b", re.I)


def _weekday(t: TimeExpr) -> str | None:
    """The weekday a bare weekday expression names ("on Saturday", "10:24 a.m. Friday"), else None."""
    text = CLOCK.sub(" ", t.text)
    words = text.casefold().replace(",", " ").split()
    named = [w for w in words if w in WEEKDAYS]
    return named[0] if named and not any(ch.isdigit() for ch in text) else None


MONTHS = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.I)
DEICTIC = re.compile(r"\b(today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening|week|weekend)|"
                     r"last (?:night|week|weekend)|next week|now|earlier|later)\b", re.I)
# A span counted from another happening ("three days earlier", "a week after"), not from the day the
# article was written ("three days ago"): its anchor is a time the narrative set, which two articles
# may set differently (TimeML's reference time against the document's creation time).
_SPAN = r"(?:hours?|days?|nights?|mornings?|evenings?|weeks?|weekends?|months?|years?)"
ANAPHORIC = re.compile(rf"\b(?:(?:\d+|an?|{WORDS_TO_TWELVE}|several"
                       rf"|a few|few|some|the)\s+{_SPAN}\s+(?:earlier|later|before|after(?:wards?)?|previously)"
                       rf"|the\s+(?:next|following|previous|preceding|prior)\s+{_SPAN}"
                       rf"|that\s+(?:day|night|morning|afternoon|evening|weekend))\b", re.I)


def anchor_kind(t: TimeExpr) -> str:
    """How a time expression is anchored: "absolute" (names its month or year), "weekday",
    "deictic" (today, last night: relative to the article's own date), "anaphoric" (three days
    earlier: relative to a happening the narrative named) or "other"."""
    if MONTHS.search(t.text) or re.search(r"\b\d{4}\b", t.text):
        return "absolute"
    if ANAPHORIC.search(t.text):
        return "anaphoric"
    if _weekday(t):
        return "weekday"
    if DEICTIC.search(t.text) or t.type == "TIME":
        return "deictic"
    return "other"


def dates_comparable(x: TimeExpr, y: TimeExpr, a: Claim, b: Claim) -> bool:
    """Whether two expressions can be held against each other at all. Words relative to the
    article's own date (today, yesterday) are only as good as that date: across articles of
    different days they say little, so they are compared only within the same day."""
    kx, ky = anchor_kind(x), anchor_kind(y)
    # A span counted from a happening is held only against another such span, as a deictic word only
    # against another deictic one.
    if {"deictic", "other", "anaphoric"} & {kx, ky}:
        # Inside a quotation "this morning" is the speaker's, said on a day the article may not give.
        return kx == ky and a.published.date() == b.published.date() and not (quoted(a, x) or quoted(b, y))
    return True


def bare_clock(t: TimeExpr) -> bool:
    """A time of day written with no day ("about 4 p.m."): the day it is read on is taken from the
    sentences around it, which two outlets set differently."""
    if t.granularity != "time" or not CLOCK.search(t.text):
        return False
    rest = CLOCK.sub(" ", t.text)
    return not (any(ch.isdigit() for ch in rest) or MONTHS.search(rest) or DEICTIC.search(rest)
                or any(w in WEEKDAYS for w in re.findall(r"[a-z]+", rest.casefold())))


def _weekend(t: TimeExpr) -> bool:
    """A weekend named from the article's own day ("this weekend", "over the weekend"), not dated."""
    return "weekend" in t.text.casefold() and anchor_kind(t) in ("deictic", "other")


def clock_of(t: TimeExpr) -> str | None:
    """The hour and minute a time value names ("16:00" of "2011-04-25T16:00"), else None."""
    m = re.search(r"T(\d{2}:\d{2})", t.value or "")
    return m.group(1) if m else None


LATE_HOUR, EARLY_HOUR = 21, 4  # a clock time from 9 p.m. is late in its day, one before 4 a.m. early in it


def _one_night(x: TimeExpr, ix: tuple[date, date], y: TimeExpr, iy: tuple[date, date]) -> bool:
    """``x`` is late on one day ("late Sunday", "10:23 p.m. Sunday") and ``y`` early the next ("early Monday",
    "just after midnight Monday"), one of them said without a clock time: one night told from either side of
    midnight. A bare "night" or "morning" is left out: "Saturday night" and "Sunday morning" are often two
    happenings' times."""
    if ix[0] != ix[1] or iy[0] != iy[1] or (iy[0] - ix[0]).days != 1:
        return False
    hx, hy = clock_of(x), clock_of(y)
    if hx is not None and hy is not None:
        return False  # two clock times say how far apart they are: "9 p.m. Monday" is four hours from "1 a.m."
    late = x.mod == "END" or x.text.casefold().startswith("late") or hx is not None and int(hx[:2]) >= LATE_HOUR
    early = y.mod == "START" or y.text.casefold().startswith("early") or "midnight" in y.text.casefold() \
        or hy is not None and int(hy[:2]) < EARLY_HOUR
    return late and early


def quoted(c: Claim, t: TimeExpr) -> bool:
    """The expression stands inside a direct quotation."""
    before = c.text[:max(0, t.start - c.start)]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


def compatible(x: TimeExpr, ix: tuple[date, date], y: TimeExpr, iy: tuple[date, date]) -> bool:
    """Overlapping intervals; a bare weekday also agrees with any date on that weekday, and with
    the same weekday word within a week, since which week it means depends on the reader's guess at tense."""
    if ix[0] <= iy[1] and iy[0] <= ix[1]:
        return True
    if counted_offset(x) and counted_offset(y):
        return True  # "four days earlier" / "seven days earlier": the count differs, a number conflict
    if x.text.casefold() == y.text.casefold() and not any(ch.isdigit() for ch in x.text):
        return True  # the same relative words ("today") in a copy republished another day
    if (bare_clock(x) or bare_clock(y)) and clock_of(x) is not None and clock_of(x) == clock_of(y):
        return True  # one hour of the day; the day a bare "about 4 p.m." falls on is the reader's guess
    if _one_night(x, ix, y, iy) or _one_night(y, iy, x, ix):
        return True  # "late Sunday" / "early Monday": hours apart, told from either side of midnight
    if _weekend(x) and _weekend(y) and abs((ix[0] - iy[0]).days) <= 7:
        return True  # "this weekend" and "the weekend": which of two weekends is the reader's guess at tense
    for bare, ib, other, io in ((x, ix, y, iy), (y, iy, x, ix)):
        day = _weekday(bare)
        if day and io[0] == io[1] and WEEKDAYS[io[0].weekday()] == day:
            return True  # "Tuesday" in a report written weeks later still names that Tuesday, Jan. 6
        if day and io[0] == io[1] and abs((io[0] - ib[0]).days) <= 7:
            return _weekday(other) == day
        if day and io[0] < io[1] and any(io[0].toordinal() <= ib[0].toordinal() + k <= io[1].toordinal() for k in (-7, 7)):
            return True  # "Friday" read as last week's may be the coming one, which falls in "May"
    return False
