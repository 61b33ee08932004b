"""The pattern grammar: one regex per kind of time expression, with its normaliser."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Callable

from ...lexicon import ONES_WORDS, TENS_WORDS
from .calendar import (
    HOLIDAYS,
    OF_A_WEEK,
    TITLE_BEFORE,
    WEEKDAY_PLURAL_RE,
    Result,
    approx_mod,
    h_dayrel,
    h_decade,
    h_full_date,
    h_holiday,
    h_month,
    h_time,
    h_week_of,
    h_weekday,
    h_year,
    h_year_words,
    month_number,
    weekday_set,
)
from .lexicon import (
    APPROX_RE,
    BIG_NUM_RE,
    HALF_OF,
    DAY_RE,
    DAY_WORD_RE,
    MONTH_RE,
    NUM_RE,
    PARTS_OF_DAY,
    POSMOD_RE,
    SEASONS,
    UNIT_CODE,
    UNIT_RE,
    WEEKDAY_RE,
    YEAR_RE,
    number,
    posmod,
    year_words,
)
from .normalise import iso_week, shift_value


# ---------------------------------------------------------------- handlers
_OF_AGE = re.compile(r"\s+of\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)[- ]century|[a-z]+[- ]century|(?:1[0-9]|20)\d0['’]?s)", re.I)


def h_quarter(m: re.Match, c) -> Result | None:
    g = m.groupdict()
    o = " ".join(g["ord"].lower().split())
    unit = g["unit"].lower()
    written = g.get("y") or g.get("y1") or g.get("y3")  # "of 1990", "1990 first half", "first quarter 1990"
    named_year = written or g.get("yrel")
    if o.endswith(" two"):  # "the first two quarters of 1990": that year's first half
        if unit != "quarter" or not g.get("pl") or (o != "first two" and not named_year):
            return None  # "the last two quarters" alone is a span back, a duration
        o, unit = ("first" if o == "first two" else "final"), "half"
    elif g.get("pl"):
        return None
    n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
         "4th": 4, "final": 4, "last": 4}[o]
    if unit == "half" and o in ("final", "last") and (named_year or o == "final"):
        n = 2  # "the last half of 2021", "the final half": the second half of the year
    if unit == "half" and n > 2:
        return None
    if _OF_AGE.match(c.text, m.end()):
        return None  # the first half of a numbered century: a part of an age, not of a year
    a = c.anchor
    if written:
        y = int(written)
    elif g.get("yrel"):
        y = a.year + (-1 if "last" in g["yrel"] or "previous" in g["yrel"] else
                      1 if "next" in g["yrel"] else 0)
    elif o == "last":  # "the last quarter": the one before this ("the final quarter" is the fourth)
        if unit == "quarter" and not g.get("the"):
            return None
        return "DATE", shift_value(a, unit, -1), None
    else:
        months = 3 if unit == "quarter" else 6
        y = _closing_year(m, c)
        if y is None:
            y = c.part_year((n - 1) * months + 1, n * months, m.start(), m.end())
    if g.get("ago"):  # "the year-ago third quarter": that quarter a year back
        c.derived = True
        y -= 1
    return "DATE", f"{y}-{'Q' if unit == 'quarter' else 'H'}{n}", posmod(g.get("pm"))


# the day a numbered quarter or half closes on, right after it ("third quarter ended Jan 31")
_CLOSES_ON = re.compile(rf"\s*,?\s+(?:which\s+|that\s+)?(?:ended|ending|to\s+end)\s+(?:on\s+)?(?P<mon>{MONTH_RE})"
                        rf"\.?\s*(?P<d>[12]\d|3[01]|0?[1-9])(?!\d)(?:st|th)?(?:,?\s+(?P<y>{YEAR_RE})(?!\d))?")


def _closing_year(m: re.Match, c) -> int | None:
    """The year of a numbered part of a company's own (fiscal) year dated by the day it closes on:
    that day's year ("the third quarter ended Jan 31", told in March, is this year's third quarter,
    not last year's, as the tense alone would read it)."""
    e = _CLOSES_ON.match(c.text, m.end())
    if not e or m.group("ago"):
        return None
    mo, d = month_number(e.group("mon")), int(e.group("d"))
    try:
        day = date(int(e.group("y")), mo, d) if e.group("y") else c.month_day(mo, d, e.start("mon"), e.end())
    except ValueError:
        return None
    return day.year if day else None


def _season_value(a: date, code: str, shift: int) -> str:
    """The season ``shift`` seasons from the one containing or nearest ``a``'s year."""
    if shift == 0:
        return f"{a.year}-{code}"
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    if shift < 0:
        y = a.year if start + 2 < a.month else a.year - 1
    else:
        y = a.year if start > a.month else a.year + 1
    return f"{y}-{code}"


def _season_ahead(a: date, code: str) -> int:
    """The year of the season a plan or forecast speaks of: the one under way or the next (a summer
    the story expects, told in December, is next year's). A winter keeps the year it is written
    with when named bare ("this winter" in January is the winter begun the December before)."""
    if code == "WI":
        return a.year
    start = {"SP": 3, "SU": 6, "FA": 9}[code]
    return a.year if a.month <= start + 2 else a.year + 1


# "the fall of" is a season only before a time ("the fall of last year", "of 1998")
_FALL_OF = re.compile(r"\s+of\s+(?!(?:(?:last|this|that|next|the\s+(?:same|following|previous))\s+)?year\b"
                      r"|(?:19|20)\d\d\b|['’]\d\d\b)", re.I)
# "the fall in prices", "the fall to 3 pct", "the fall was ...": a drop, unless a time preposition
# stands before it ("sales rise in the fall to a peak")
_DECLINE_AFTER = re.compile(r"\s+(?:in|to|from|was|is|has|had|brought|came|meant|would|could|reflected"
                            r"|continued)\b")
_TIME_PREP_BEFORE = re.compile(r"\b(?:in|during|until|till|through|throughout|into)\s+$", re.I)


def _is_decline(m: re.Match, c, det: str, adjs: set, mod: str | None) -> bool:
    """Whether a bare "the fall" is the noun of a drop ("the fall in copper prices")."""
    if det != "the" or adjs or mod or m.group("u") != "fall":
        return False
    return bool(_DECLINE_AFTER.match(c.text, m.end())
                and not _TIME_PREP_BEFORE.search(c.text, max(0, m.start() - 12), m.start()))


_BACK = {"last", "past", "previous", "prior", "preceding", "just-ended", "just-completed",
         "latest", "recent", "most", "ended"}
_FWD = {"next", "coming", "following", "upcoming"}
_ANAPHORIC = {"previous", "prior", "preceding", "next", "following"}


# a capitalised word after a capitalised unit: the unit is part of a name ("the Winter Palace")
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")
# a word after "the long-term" that is not a function word: the noun it modifies
_NOUN_AFTER = re.compile(r"[- ]?\s*(?!(?:and|or|but|nor|is|are|was|were|be|been|will|would|could|can|may|might"
                         r"|should|must|to|of|in|on|at|for|by|with|as|than|then|the|a|an|that|this|it|its"
                         r"|we|they|he|she|i|you|because|if|when|while|so|though|although|too|also)\b)[A-Za-z]")


# "over the past decade", "for the last year": the stretch of time up to now, not the calendar
# period before this one (a bare "in the last decade" stays the decade); "the last year of the
# war" is the final one
_SPAN_UNITS = ("week", "month", "year", "decade", "century")
_SPAN_BEFORE = re.compile(r"\b(?:over|for|during|throughout)\s+$", re.I)
_OF_AFTER = re.compile(r"\s*(?:of\b|['’]s\b)", re.I)


def h_rel(m: re.Match, c) -> Result | None:
    g = m.groupdict()
    det = " ".join(g["det"].lower().split())
    adjs = set(re.split(r"[\s]+", (g.get("adjs") or "").lower().strip())) - {""}
    u = g["u"].lower()
    a = c.anchor
    mod = approx_mod(m) or posmod(g.get("pm") or g.get("pm2"))
    ago = det == "last year's" or any(x.startswith("year-") or x in ("year-ago", "year-earlier")
                                      for x in adjs)
    if g["u"][0].isupper() and _NAME_AFTER.match(c.text, m.end()):
        return None  # "This Week With ...", "the Summer Olympics": a title or a name
    if (det == "the" and adjs in ({"past"}, {"last"}) and u in _SPAN_UNITS and not mod
            and _SPAN_BEFORE.search(c.text, max(0, m.start() - 12), m.start())
            and not _OF_AFTER.match(c.text, m.end())):
        half = re.match(r"\s+and\s+a\s+half\b", c.text[m.end():m.end() + 16], re.I)
        return "DURATION", _duration_value(1.5 if half else 1, u), None
    if u == "period":
        if not (ago or adjs & {"latest", "same", "comparable", "current"}):
            return None
        u = "quarter" if c.quarter_context(m.start()) else "year"
    if u == "day":
        if not (adjs or det in ("that", "this")):
            return None
        if det == "this" and not adjs and re.search(r"\b(?:to|till|until)\s+$", c.text[max(0, m.start() - 8):m.start()]):
            return "DATE", "PRESENT_REF", mod  # "regrets it to this day": still, not one day
        # "that day", "the same day", "the previous day", "the next day" are read from the day
        # the story is at; "next day" alone is read from publication
        anaphoric = det == "that" or adjs & {"same"} or (det == "the" and adjs & _ANAPHORIC)
        r = c.ref_day() if anaphoric else None
        if r is None and (det == "that" or adjs & {"same"}) and not c.probe:
            return None  # "trades made that day" with no day named before: no day to point back to
        day = r or a
        if adjs & _BACK:
            day -= timedelta(days=1)
        elif adjs & _FWD:
            day += timedelta(days=1)
        return "DATE", day.isoformat(), mod
    if u in SEASONS:
        code = SEASONS[u]
        if g.get("ry") or g.get("sy"):  # "the 2019 summer", "the summer of 2019"
            return "DATE", f"{g.get('ry') or g['sy']}-{code}", mod
        if g.get("syw") and year_words(g["syw"]):
            return "DATE", f"{year_words(g['syw']):04d}-{code}", mod
        if u == "fall" and _FALL_OF.match(c.text, m.end()):
            return None  # "the fall of the government": the noun, not the season
        if u == "fall" and _is_decline(m, c, det, adjs, mod):
            return None  # "blamed on the fall in copper prices": the noun, not the season
        shift = -1 if det == "last" or adjs & _BACK else 1 if det == "next" or adjs & _FWD else 0
        if shift == 0 and det in ("the", "this") and not adjs and c.modal_before(m.start(), m.end()):
            return "DATE", f"{_season_ahead(a, code)}-{code}", mod  # "could open in the autumn"
        if shift == 0 and det in ("the",) and not adjs:
            shift = -1 if c.tense(m.start(), m.end()) == "past" else 0
        return "DATE", _season_value(a, code, shift), mod
    if u == "weekend":
        r = c.ref_day() if det == "that" or (det == "the" and adjs & _ANAPHORIC) else None
        if r is not None:  # "that weekend", "the following weekend": from the day the story is at
            if adjs & _FWD:
                r += timedelta(days=(6 - r.isoweekday()) % 7 or 7)
            elif adjs & _BACK:
                r -= timedelta(days=(r.isoweekday() - 7) % 7 or 7)
            return "DATE", iso_week(r) + "-WE", mod
        back = det == "last" or adjs & _BACK or (det == "the" and c.tense(m.start(), m.end()) == "past")
        if det == "next" or adjs & _FWD:
            back = False
        d = a - timedelta(days=(a.isoweekday() - 6) % 7) if back and a.isoweekday() < 6 else a
        if not back and d.isoweekday() < 6:
            d = d + timedelta(days=(6 - d.isoweekday()) % 7)
        return "DATE", iso_week(d) + "-WE", mod
    unit = u if u in ("week", "month", "quarter", "year", "decade", "century") else None
    if unit is None:
        return None
    refv = c.ref_date(unit)
    if g.get("ry"):
        y = int(g["ry"])
        if unit == "quarter":
            q = c.last_quarter() or shift_value(a, "quarter", -1)
            return "DATE", f"{y}-{q[5:]}", mod
        return ("DATE", f"{y}", mod) if unit == "year" else None
    if ago:
        c.derived = True
        if unit == "quarter":
            return "DATE", _year_back(c.last_quarter() or shift_value(a, "quarter", -1)), mod
        base = refv or a
        if unit == "year":
            return "DATE", shift_value(base, "year", -1), mod
        return "DATE", shift_value(base, unit, -52 if unit == "week" else -12), mod
    if (unit == "year" and det in ("the", "its", "their") and adjs <= {"fiscal", "calendar"} and not mod
            and _ENDED_AT.match(c.text, m.end())):
        return "DURATION", "P1Y", None  # "the year ended May 31": twelve months up to a day, as "the six months ended" is
    if unit == "quarter" and det in ("the", "its", "their") and not adjs:
        named = _quarter_ended(m, c)
        if named:
            return "DATE", named, mod
    if det == "that" or adjs & {"same"} or (det == "the" and not adjs and unit in ("quarter",)):
        if refv is not None:
            return "DATE", shift_value(refv, unit, 0), mod
        return "DATE", shift_value(a, unit, 0 if det == "that" else -1), mod
    story = c.ref_date(unit, m.start()) if det == "the" and adjs & _ANAPHORIC else None
    if story is not None and (adjs & {"previous", "prior", "preceding", "following"}
                              or c.tense(m.start(), m.end()) == "past"):
        # "the previous month", "the next year" in a story told from a date it named: counted from
        # that date ("closed in March 2019 ... the next year it was sold"); "within the next month"
        # said of what is ahead stays counted from publication
        c.derived = True
        return "DATE", shift_value(story, unit, -1 if adjs & _BACK else 1), mod
    if det == "last" or adjs & _BACK:
        if adjs & {"latest", "recent", "most"} and unit != "quarter":
            return "DATE", shift_value(a, unit, -1 if unit in ("quarter", "year") else 0), mod
        if unit == "week" and det == "the" and "past" in adjs:
            return "DURATION", "P1W", None
        return "DATE", shift_value(a, unit, -1), mod
    if det == "next" or adjs & _FWD:
        return "DATE", shift_value(a, unit, 1), mod
    if unit == "year" and det == "the" and not adjs:  # "the year", "the second half of the year"
        return "DATE", str(c.part_year(*_part_months(g.get("pm")), m.start(), m.end())), mod
    return "DATE", shift_value(a, unit, 0), mod


_ENDED_ON = re.compile(rf"\s+(?:that\s+)?(?:ended|ending|ends)\s+(?:on\s+)?(?P<mon>{MONTH_RE})\s*"
                       rf"(?P<d>[12]\d|3[01]|0?[1-9])(?!\d)(?:st|th)?(?:,?\s+(?P<y>{YEAR_RE})(?!\d))?")


# a period named by the day it ends: "ended May 31", "ending next month", "to June" ("the year ends
# in June" says when the year, a date, is over)
_ENDED_AT = re.compile(rf"\s+(?:(?:that\s+)?(?:ended|ending)\s+(?:on\s+|in\s+)?(?:{MONTH_RE}|{WEEKDAY_RE}"
                       rf"|today|tomorrow|yesterday|(?:last|this|next)\s+(?:week|month)\b)|to\s+(?:the\s+end\s+of\s+)?{MONTH_RE})")


def _quarter_ended(m: re.Match, c) -> str | None:
    """"the quarter ended June 30": the calendar quarter that day closes, whatever quarter the text
    named before; a quarter ending on another day is a company's own (fiscal) one, left as it was."""
    e = _ENDED_ON.match(c.text, m.end())
    if not e:
        return None
    mo, d = month_number(e.group("mon")), int(e.group("d"))
    if mo % 3 or d != calendar.monthrange(2001, mo)[1]:
        return None
    day = date(int(e.group("y")), mo, d) if e.group("y") else c.month_day(mo, d, e.start("mon"), e.end())
    return f"{day.year}-Q{mo // 3}" if day else None


def _part_months(pm: str | None) -> tuple[int, int]:
    """The first and last month of the part of a year a leading phrase names ("the end of")."""
    h = HALF_OF.match(pm) if pm else None
    if h:
        return (1, 6) if h.group("o").lower() == "first" else (7, 12)
    return {"START": (1, 4), "MID": (5, 8), "END": (9, 12), None: (1, 12)}[posmod(pm)]


def _duration_value(n: float | None, u: str) -> str:
    code = UNIT_CODE[u]
    t = "T" if u in ("second", "minute", "hour") else ""
    if n is None:  # "decades" as some years, as a counted number of decades is written
        return f"P{t}X{'Y' if u == 'decade' else code}"
    if u in ("century", "centurie", "decade"):  # counted in years, as the annotated corpora count them
        return f"P{int(n * (10 if u == 'decade' else 100))}Y"
    if n != int(n):
        whole, frac = int(n), n - int(n)
        sub = {"Y": (12, "M"), "H": (60, "M"), "D": (24, "H"), "M": (30, "D") if not t else (60, "S"),
               "W": (7, "D")}.get(code)
        if sub:
            extra = f"{int(round(frac * sub[0]))}{sub[1]}"
            head = f"{whole}{code}" if whole else ""
            if code == "D" or (code == "M" and not t) or code == "W":
                return f"P{head}T{extra}" if code == "D" else f"P{head}{extra}"
            return f"P{t}{head}{extra}"
    return f"P{t}{int(n)}{code}"


_DUR_CUE = re.compile(r"\b(for|in|within|than|long\s+as|about|nearly|almost|after|of|over|last(?:ed|s)?|"
                      r"took|spent|spend|lasting|least|only|just|under|half)\s*$", re.I)
# "will one day be": an unnamed time ahead, not a day's length
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|should|must|shall|hop(?:e|es|ed|ing)(?:\s+to)?"
                           r"|wants?\s+to)"
                           r"(?:\s+(?:not|also|still|yet|even))?\s+$", re.I)
# "a quarter of the market", "three quarters of them": a share of something, not three months
# ("two quarters of growth" and "a quarter of a century" stay times)
_FRACTION_OF = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|your|all|those|these|them|us|\d"
                          r"|an?\s+(?!century|hour|year|decade)\w)", re.I)
_ORDINAL_SECOND = re.compile(r"\s+(?!(?:ago|later|earlier|before|after|or|and|longer|too|more)\b)[a-z\d]", re.I)
_SHARE_OF = re.compile(r"\s+of\s+[a-z]+s\b(?<!years)(?<!months)(?<!weeks)(?<!days)(?<!hours)(?<!losses)")
# a quarter that is a fraction: of a point or a rate ("a quarter percentage point", "one-quarter pct"),
# of a measure ("one-quarter full", "three-quarter times"), or in a range of fractions ("one-quarter to
# one-third", "one-half or one-quarter")
_FRACTION_AFTER = re.compile(r"(?:\s+|-)(?:percentage\s+points?|points?|pct|percent|per\s+cent|full|empty|times"
                             r"|(?:to|or)\s+(?:one|two)[- ](?:thirds?|halfs?|fifths?)|(?:to|or)\s+a\s+half)\b", re.I)
_FRACTION_BEFORE = re.compile(r"\b(?:half|third|fifth)\s+(?:or|to)\s+$", re.I)
# "a quarter of French exports", "one quarter of which": of anything but a time ("a quarter of a century")
_PART_OF = re.compile(r"\s+of\s+(?!(?:an?\s+)?(?:century|hour|year|decade|day|month|week|mile)s?\b"
                      r"|the\s+(?:year|century|decade|fiscal)\b|(?:this|last|next|fiscal|calendar)\b|(?:19|20)\d\d\b"
                      r"|growth|gains?|loss(?:es)?|earnings|profits?|operations?|trading)", re.I)


def _is_fraction(m: re.Match, c) -> bool:
    """A "quarter" that is a share of something, not three months: "a quarter of voters", "a quarter
    point", "a quarter of farm loans", "a third or a quarter"."""
    single = " ".join(m.group("n").lower().split()) in ("a", "one", "three")
    return bool((single and _SHARE_OF.match(c.text, m.end()))
                or _FRACTION_AFTER.match(c.text, m.end())
                or _FRACTION_BEFORE.search(c.text, max(0, m.start() - 14), m.start())
                or (single and _PART_OF.match(c.text, m.end())))


# "a month after the merger", "a day before the vote": a length counted from an event
_FROM_EVENT = re.compile(r"\s+(?:after|before)\b", re.I)
# "gave him a week to leave", "gave the owners a month to pay", "has a month to decide", "with a day to go":
# the time allowed for a deed
_ALLOWED = re.compile(r"\b(?i:give[ns]?|gave|giving|offer(?:s|ed|ing)?|allow(?:s|ed|ing)?|grant(?:s|ed|ing)?"
                      r"|ha(?:s|ve|d|ving)|need(?:s|ed|ing)?|provid(?:e|es|ed|ing)|with|took|takes?|taking"
                      r"|gets?|got|getting)\s+(?:[\w'’]+\s+){0,2}$")
_TO_DO = re.compile(r"\s+to\s+(?!(?:the|a|an|his|her|its|their|date|remember|forget|celebrate)\b)[a-z]+\b")
_SET_CUE = re.compile(r"(\d|\bonce|\btwice|\btimes|\bdollars?|\bcents?|\bpercent|%|\bmillion|"
                      r"\bbillion)\s*$", re.I)


def h_duration(m: re.Match, c) -> Result | None:
    g = m.groupdict()
    u = g["u"].lower()
    if u == "weekend" or (u == "quarter" and re.search(r"-quarters\b", m.group(), re.I)):
        return None
    if u == "quarter" and _FRACTION_OF.match(c.text, m.end()):
        return None
    if u == "quarter" and _is_fraction(m, c):
        return None  # a share of people or things, or of a point: not three months
    raw = " ".join(g["n"].lower().split())
    n = number(raw)
    if g.get("half"):
        if n is None or n != int(n):
            return None
        n += 0.5
    tail = " ".join((g.get("tail") or "").lower().split())
    mod = approx_mod(m) or ("APPROX" if g.get("orso") else None)
    before = c.text[max(0, m.start() - 25): m.start()]
    if raw in ("a", "an", "single", "a single") and not (g.get("adj") or g.get("the") or tail or g.get("apx") or g.get("old")):
        cue = _SET_CUE.search(before)
        if cue:
            # "twice a week" is a set of times; "$2 million a year", "350 a night" a rate of an amount
            return ("SET", _duration_value(1, u), None) if re.search(r"once|twice|times", cue.group(), re.I) else None
        allowed = _ALLOWED.search(before) and _TO_DO.match(c.text, m.end())
        if not (_DUR_CUE.search(before) or "-" in m.group() or _FROM_EVENT.match(c.text, m.end()) or allowed):
            return None
    if "single" in raw and re.search(r"\bevery\s+$", before, re.I):
        return None  # "every single day" is a set, not a length counted "from now"
    if u == "second" and raw in ("a", "one") and _ORDINAL_SECOND.match(c.text, m.end()):
        return None  # "a second term", "for a second day": the ordinal, not a second of time
    if raw == "some" and not g.get("adj"):
        return None
    if raw == "one" and u == "day" and not (g.get("adj") or g.get("the") or tail or g.get("apx")) \
            and _MODAL_BEFORE.search(c.text, max(0, m.start() - 30), m.start()):
        return "DATE", "FUTURE_REF", None
    if tail:
        c.derived = True
        sign = -1 if tail in ("ago", "earlier", "before", "back", "previously", "prior") else 1
        if n is None:
            if tail in ("later", "earlier"):  # "a few days later" in a past story: a length, not the future
                return "DURATION", _duration_value(None, u), None
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
        k = int(n)
        if u in ("second", "minute", "hour"):
            # "two hours later": a length from a moment whose clock time the text does not give
            return ("DURATION", _duration_value(n, u), mod) if tail in ("later", "earlier") else None
        if tail in ("later", "earlier") and (_THAN.match(c.text, m.end()) or _no_moment_to_count_from(c, u, tail)):
            return "DURATION", _duration_value(n, u), mod  # "a week later than planned" is a gap, not a day
        if n != k:  # "a year and a half ago": counted in the next smaller unit
            if u not in ("year", "month"):
                return None
            u, k = ("month", int(n * 12)) if u == "year" else ("day", int(n * 30))
        base = a = c.anchor
        if tail not in ("ago", "from now", "hence", "back"):
            # "later"/"earlier" count from the time the story is at, not from publication:
            # "in 2015 ... a year later" is 2016, whatever the date of the article
            coarse = _count_grain(u)
            base = c.ref_day() or (c.ref_date(coarse) if coarse else None) or a
        if u == "year" and k == 1 and sign < 0 and c.quarter_context(m.start()):
            return "DATE", _year_back(c.last_quarter() or shift_value(a, "quarter", -1)), mod
        if u in ("day", "night"):
            return "DATE", (base + timedelta(days=sign * k)).isoformat(), mod
        if u == "week":
            return "DATE", (base + timedelta(weeks=sign * k)).isoformat(), mod
        if u == "month":
            return "DATE", shift_value(base, "month", sign * k), mod
        if u == "quarter":
            return "DATE", shift_value(base, "quarter", sign * k), mod
        if u in ("year", "decade", "century", "centurie"):
            mult = {"year": 1, "decade": 10}.get(u, 100)
            return "DATE", shift_value(base, "year", sign * k * mult), mod
        return None
    return "DURATION", _big_years(raw, n, u) or _duration_value(n, u), mod


_THAN = re.compile(r"\s+than\b", re.I)


def _count_grain(u: str) -> str | None:
    """The period a count in ``u`` can be counted from when no day is named: "two months later" from a
    month, "a decade later" from a year; days and weeks only from a day."""
    return u if u in ("month", "quarter", "year") else "year" if u in ("decade", "century", "centurie") else None


def _no_moment_to_count_from(c, u: str, tail: str) -> bool:
    """Whether "three days later", "two months earlier" has no day, month or year of the story to
    count from: the story named only a coarser period ("in 2012 ... three days later"), or none, and
    "later" would count past publication. Such a count is a length, as "two hours later" is."""
    coarse = _count_grain(u)
    if c.ref_day() or (coarse and c.ref_date(coarse)):
        return False
    return bool(c.ref) or tail == "later"


def _big_years(raw: str, n: float | None, u: str) -> str | None:
    """Years counted in hundreds or thousands in TIMEX3's own units: "two thousand years" is two
    millennia (P2L, as "2,000 years" is), "several hundred years" some centuries (PXC), "thousands
    of years" some millennia; "1,500 years" and "two hundred years" stay years."""
    if u != "year":
        return None
    if n is None:
        big = re.search(r"(hundred|thousand)s?(?:\s+of)?$", raw)
        return None if not big else "PXL" if big.group(1) == "thousand" else "PXC"
    return f"P{int(n) // 1000}L" if n >= 1000 and n % 1000 == 0 else None


# "a future" as a noun, not before one ("a future date" stays): what comes after is a phrase or the end
_PROSPECT_AFTER = re.compile(r"\s*(?:[?.,;:!)\"”']|(?:in|without|with|for|where|which|that|of|beyond|free"
                             r"|ahead|together|as)\b)", re.I)


def h_ref(m: re.Match, c) -> Result | None:
    w = " ".join(m.group().lower().split())
    if w.endswith("term") and _NOUN_AFTER.match(c.text, m.end()):
        return None  # "the long-term debt", "the short-term outlook": a kind of thing, not a time
    if w == "a future" and _PROSPECT_AFTER.match(c.text, m.end()):
        return None  # "a future without coal", "does it have a future?": a prospect, not a time ahead
    if re.search(r"(recent|coming|past|next|ahead)\b.*\b(months|weeks|days|hours|quarters)|"
                 r"(months|weeks|days|hours|quarters) ahead", w):
        u = re.search(r"(month|week|day|hour|quarter)s", w).group(1)
        return "DURATION", _duration_value(None, u), None
    if w.startswith("current"):
        after = c.text[m.end(): m.end() + 12].lower()
        if re.match(r"\s*(account|affairs|events|assets|liabilities|ly|s)", after):
            return None
    if re.search(r"now|current|present|these days|nowadays|time being|moment", w):
        return "DATE", "PRESENT_REF", None
    if re.search(r"future|soon|term|later date|coming|ahead|some ?day", w):
        return "DATE", "FUTURE_REF", None
    return "DATE", "PAST_REF", None


def h_set(m: re.Match, c) -> Result | None:
    g = m.groupdict()
    if g.get("adv"):
        if g["adv"][0].isupper() and re.match(r"\s+[A-Z]", c.text[m.end():m.end() + 2]):
            return None  # "the Weekly Standard": a name
        adv = g["adv"].lower()
        return "SET", {"annually": "P1Y", "yearly": "P1Y", "daily": "P1D", "weekly": "P1W",
                       "monthly": "P1M", "hourly": "PT1H", "nightly": "P1D",
                       "biweekly": "P2W", "semiannually": "P6M"}[adv], None
    if (g.get("q") or "").lower() == "per" and not g.get("u"):
        return None
    wdp = g.get("wdp") or g.get("wdp2")
    if g.get("wd") or wdp:
        if TITLE_BEFORE.search(c.text, max(0, m.start() - 10), m.start()) or OF_A_WEEK.match(c.text, m.end()):
            return None  # "Super Tuesdays"; "Tuesday nights last week" are days of one week
        return "SET", weekday_set(g.get("wd") or wdp, g.get("pod") or wdp), None
    if g.get("mon"):
        return "SET", f"XXXX-{month_number(g['mon']):02d}", None
    n = number(g["n"]) if g.get("n") else 1
    return "SET", _duration_value(n or 1, g["u"].lower()), None


# ---------------------------------------------------------------- patterns
def _duration_re(num: str) -> str:
    """A length: a count of ``num`` before a unit, with what may lead or follow it."""
    return (rf"(?:(?P<apx>{APPROX_RE})\s+)?(?:(?P<the>the|its|their)\s+)?(?:(?P<adj>past|last|next"
            r"|previous|coming|first|final|following|remaining|initial|ensuing|latest|recent|entire"
            r"|full|whole|prior|preceding|further|additional|another|other)\s+)?"
            rf"(?P<n>{num})(?<!\d{{4}})(?:\s+|-)(?:(?:more|additional|straight|consecutive|full|long|trading"
            rf"|business|calendar|working|school)[- ])?(?P<u>{UNIT_RE})s?(?![- ]old\b)"
            r"(?P<half>\s+and\s+a\s+half)?(?P<orso>\s+or\s+so)?"
            r"(?P<tail>\s+(?:ago|earlier|later|from\s+now|hence|back)(?![\w-]))?")


_REL_ADJ = (r"(?:most\s+)?recent|latest|current|same|comparable|previous|prior|preceding|past"
            r"|last|next|coming|following|upcoming|just[- ](?:ended|completed)|year[- ](?:earlier"
            r"|ago|before)|full|whole|entire|fiscal|calendar|ended")
# a year said in words, as transcripts of broadcasts write it ("nineteen ninety-four")
YEAR_WORDS_RE = (rf"(?:nineteen|eighteen)[- ](?:(?:{TENS_WORDS})"
                 rf"(?:[- ](?:{ONES_WORDS}))?|ten|eleven|twelve|thirteen"
                 r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
                 rf"|two\s+thousand(?:\s+and)?(?:\s+(?:{ONES_WORDS}|ten))?")
_HOL = "|".join(sorted((k.replace("'", "['’]") for k in HOLIDAYS), key=len, reverse=True))
# a zone after a clock time; UTC and GMT make the value a UTC time (TIMEX3 writes it with "Z")
_TZ = r"(?:\s+(?:[ECMP][SD]T|(?-i:(?P<utc>GMT|UTC))|local\s+time))?"

RULES: list[tuple[str, str, Callable]] = [
    ("time", rf"(?:(?P<apx>about|around|approximately|shortly\s+(?:before|after))\s+)?"
             rf"(?:(?P<h>\d{{1,2}})(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>(?-i:a\.m\.|p\.m\.|a\.m|p\.m|am|pm|AM|PM)"
             rf"|o'clock)|(?P<nm>noon|midday|midnight)){_TZ}(?:\s*(?:,\s*|on\s+)?(?P<wd>{WEEKDAY_RE})"
             rf"|\s+(?P<rel>today|yesterday|tomorrow|tonight)|,?\s+(?:on\s+)?(?P<mon>{MONTH_RE})\s*(?P<md>{DAY_RE}))?",
     h_time),
    ("clock", rf"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?-i:\s+(?:[ECMP][SD]T|(?P<utc>GMT|UTC)))"
              rf"(?:\s*(?:,\s*|on\s+)?(?P<wd>{WEEKDAY_RE}))?", h_time),
    ("mdy", rf"(?:(?P<apx>about|around|approximately)\s+)?(?:(?P<pm>{POSMOD_RE})\s*)?"
            r"(?:the\s+(?P<pod0>morning|afternoon|evening|night)\s+of\s+)?"
            rf"(?:{WEEKDAY_RE},?\s+)?(?P<mon>{MONTH_RE})(?:\s*(?P<d>{DAY_RE})(?!\d|:\d|,\d)|\s+(?P<dw>{DAY_WORD_RE}))"
            rf"(?:\s*,?\s*(?P<y>{YEAR_RE})(?!\d))?(?:\s+(?P<pod>morning|afternoon|evening|night))?",
     h_full_date),
    # "7/8/07", "12/31/2024": month, day and year in figures
    ("numeric_date", r"(?<![\d/.,$])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<yy>(?:19|20)\d\d|\d\d)(?![\d/])",
     lambda m, c: h_numeric_date(m, c)),
    # "Oct. 13-14", "March 3 to 5, 2024": two days of one month, each its own expression
    ("day_range", rf"(?P<mon>{MONTH_RE})\s*(?P<d>{DAY_RE})(?:\s*[-–]\s*|\s+(?:to|through|until|till)\s+)"
                  rf"(?P<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d|,\d)(?:\s*,?\s*(?P<y>{YEAR_RE})(?!\d))?",
     lambda m, c: h_day_range(m, c)),
    ("dmy", rf"(?:(?P<pm>{POSMOD_RE})\s*)?(?:the\s+)?(?P<d>{DAY_RE})\s+(?:of\s+)?(?P<mon>{MONTH_RE})"
            rf"(?:,?\s+(?P<y>{YEAR_RE})(?!\d))?", h_full_date),
    ("month", rf"(?:(?P<apx>about|around)\s+)?(?:(?P<pm>{POSMOD_RE})\s*)?(?:(?P<rel>last|next|this\s+past"
              rf"|this\s+coming|this|that|the\s+following|the\s+previous|past|coming)\s+)?"
              rf"(?P<mon>{MONTH_RE})(?!\s*\d{{1,2}}(?!\d))(?:(?:\s+of|,)?\s+(?:(?P<y>{YEAR_RE})(?!\d)"
              rf"|(?P<yw>{YEAR_WORDS_RE})|(?P<yrel>this|last|next)\s+year))?",
     h_month),
    ("week_of", rf"the\s+week\s+of\s+(?P<mon>{MONTH_RE})\s*(?P<d>{DAY_RE})(?:,?\s+(?P<y>{YEAR_RE}))?",
     h_week_of),
    # "the first week of June", "the last week of March 2009": a week of the month, as an ISO week
    ("week_in_month", rf"the\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+(?P<mon>{MONTH_RE})"
                      rf"(?:,?\s+(?P<y>{YEAR_RE})(?!\d))?", lambda m, c: h_week_in_month(m, c)),
    ("weekday", rf"(?:(?P<pm>early|late|earlier|later|mid-?(?:morning|afternoon|day))\s+)?(?:(?P<rel>last|next|this\s+past|this\s+coming|this|that|coming|past|the\s+(?:following|next|previous|preceding))\s+)?"
                rf"(?P<wd>{WEEKDAY_RE})(?:\s+(?P<pod>morning|afternoon|evening|night))?", h_weekday),
    ("dayrel", r"(?:(?P<el>earlier|later|early|late|mid-?(?:morning|afternoon|day))\s+)?(?P<w>today|tonight|yesterday|tomorrow"
               r"|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|last\s+night"
               r"|this\s+(?:morning|afternoon|evening))(?:\s+(?P<pod>morning|afternoon|evening|night))?",
     h_dayrel),
    ("that_pod", r"(?:(?P<el>earlier|later|late|early)\s+)?(?:that|the\s+same|the\s+(?P<dir>next|following|previous"
                 r"|preceding))\s+(?P<pod>morning|afternoon|evening|night)",
     lambda m, c: h_that_pod(m, c)),
    # "in the morning", "by mid afternoon": a part of the day the story is at
    ("pod_alone", r"(?:the\s+(?:(?:early|late)\s+)?|mid[- ]?)(?P<pod>morning|afternoon|evening)"
                  r"(?!\s+(?:of|after|before|papers?|news|shows?|editions?|session|prayers?|rush|mix|programs?"
                  r"|hosts?|anchors?|broadcasts?|newscasts?|commute|traffic)\b|s)",
     lambda m, c: h_that_pod(m, c)),
    # "the second day of an offensive": the day the story is at, counted by the happening
    ("nth_day", r"(?=the)the\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final"
                r"|\d{1,3}(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+|full\s+)?day(?=\s+of\s+)",
     lambda m, c: h_nth_day(m, c)),
    ("day_around", r"the\s+(?P<u>day|night|week|month|year)\s+(?P<dir>before|after|previous|prior)"
                   r"(?=\s*[,.;:)\"”]|\s+(?:that|then)\b|\s*$)",
     lambda m, c: h_day_around(m, c)),
    ("year", rf"(?:(?P<apx>about|around|circa)\s+)?(?:(?P<pm>{POSMOD_RE})\s*)?(?:(?P<pp>pre|post)-)?"
             rf"(?:(?P<pre>(?:the\s+)?fiscal(?:\s+year)?|the\s+(?:fiscal\s+|calendar\s+|model\s+)?year"
             rf"|calendar|FY|fiscal-year)\s*)?(?P<y>{YEAR_RE})(?![\d'’]?\d|-\d|,\d{{3}})",
     h_year),
    ("year_words", rf"(?:the\s+year\s+)?(?P<yw>{YEAR_WORDS_RE})", h_year_words),
    ("decade", rf"(?=[tfselmn1-9'’])(?:(?P<the>the)\s+)?(?:(?P<pm>{POSMOD_RE})\s*(?:the\s+)?)?"
               rf"(?:(?P<dec>1[0-9]\d0|20\d0)['’]?s"
               r"|['’](?P<dd>\d0)s|(?<![\w,.$-])(?P<bd>[1-9]0)s\b"
               r"|(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties"
               r"|nineties))", h_decade),
    ("quarter", rf"(?=[tyelmfcs1-4])(?:(?P<the>the)\s+)?(?:(?P<ago>year[- ](?:ago|earlier))\s+)?"
                rf"(?:(?P<pm>early|late|mid)[- ])?(?:(?:fiscal"
                rf"|calendar)[\s-]+)*(?:(?P<y1>{YEAR_RE})\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th"
                rf"|final|last|(?:first|last|final)\s+two)[- ](?:fiscal[- ])?(?P<unit>quarter|half)(?P<pl>s)?"
                rf"(?:\s+of\s+(?:the\s+)?(?:fiscal\s+)?"
                rf"(?:(?P<y>{YEAR_RE})|(?P<yrel>this|last|next|current|previous)\s+(?:fiscal\s+)?year)"
                rf"|\s+(?P<y3>{YEAR_RE})(?![\d/]|,\d))?",  # "first quarter 1986", as tables and wires write it
     h_quarter),
    ("season", rf"(?P<s>spring|summer|autumn|winter|(?-i:Fall))\s+(?P<y>{YEAR_RE})(?!\d)", lambda m, c: h_season(m, c)),
    ("quarter_code", rf"(?-i:Q(?P<n>[1-4]))(?:\s+(?:of\s+)?(?P<y>{YEAR_RE})(?!\d))?", lambda m, c: h_quarter_code(m, c)),
    ("rel", rf"(?:(?P<apx>about|around)\s+)?(?:(?P<pm>{POSMOD_RE})\s*|(?P<el>earlier|later)\s+)?"
            rf"(?P<det>the|this|that|last|next|its|their|last\s+year['’]s)\s+(?:(?P<pm2>early|late)\s+)?"
            rf"(?P<adjs>(?:(?:{_REL_ADJ})\s+)*)(?:fiscal\s+|calendar\s+)?(?:(?P<ry>{YEAR_RE})\s+)?"
            r"(?P<u>quarter|period|year|month|week|day|weekend|decade|century|spring|summer|fall|autumn"
            r"|winter)(?![\w-])(?:(?:(?<=spring)|(?<=summer)|(?<=fall)|(?<=autumn)|(?<=winter))\s+of\s+"
            rf"(?:(?P<sy>{YEAR_RE})(?!\d)|(?P<syw>{YEAR_WORDS_RE})))?", h_rel),
    ("adj_ago", r"(?P<det>year[- ](?:earlier|ago))", lambda m, c: h_rel_adj(m, c)),
    ("duration", _duration_re(NUM_RE), h_duration),
    # counts in hundreds or thousands, scanned only in texts that hold one (see extract._NEEDS)
    ("duration_big", _duration_re(BIG_NUM_RE), h_duration),
    ("ref", r"now|currently|current|at\s+present|these\s+days|nowadays|for\s+the\s+time\s+being"
            r"|(?:more\s+|most\s+)?recently|recent(?:\s+(?:years|decades|months|weeks|days|quarters))?"
            r"|lately|the\s+past(?!\s+(?:\d|few|several|couple|two|three|four|five|six|seven|eight|nine"
            r"|ten|year|month|week|day|decade|quarter|century))|(?:the|a)\s+(?:near|distant|foreseeable"
            r"|not-too-distant)?\s*future|some\s?day|(?<!\bas\s)soon(?!\s+(?:after|before|as|afterwards"
            r"|thereafter)\b)|the\s+(?:short|long|near)[- ]term|a\s+later\s+date"
            r"|(?:the\s+)?coming\s+(?:years|months|weeks|days|quarters)|the\s+(?:years|months|weeks|days)"
            r"\s+ahead", h_ref),
    # "a decades-long dispute", "a year-long review": a length that describes a thing
    ("long_adj", rf"(?:(?P<n>{NUM_RE})-)?(?P<u>second|minute|hour|day|night|week|month|year|decade|centur(?:y|ie))"
                 r"(?P<pl>s)?-long", lambda m, c: h_long_adj(m, c)),
    # "for years", "within weeks", "over the years"; "the highest in decades", "not seen in years" (not
    # "in years to come")
    ("vague_plural", r"(?:(?<=\bfor\s)|(?<=\bwithin\s)|(?<=\bin\s)|(?<=\bover\sthe\s))"
                     r"(?P<u>years|months|weeks|days|decades|hours"
                     r"|centuries)(?!\s+(?:ago|of|before|after))", lambda m, c: h_vague_plural(m, c)),
    ("year_end", r"(?:around\s+)?(?:the\s+)?(?:year[- ]end|year['’]s\s+end|end\s+of\s+the\s+year)",
     lambda m, c: h_year_end(m, c)),
    ("year_end_named", rf"(?:the\s+)?(?:(?P<y1>{YEAR_RE})\s+year[- ]end|year[- ]end\s+(?P<y2>{YEAR_RE})(?!\d|,\d))",
     lambda m, c: h_year_end_named(m, c)),
    ("century", r"(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[- ]century",
     lambda m, c: ("DATE", f"{int(m.group('n')) - 1:02d}", None)),
    # the lookahead on the first letters only spares the alternatives a scan at every word
    ("set", rf"(?=[eapydwmhnbstf])(?:(?P<q>each|every|per)\s+(?:(?P<wdp>{WEEKDAY_PLURAL_RE})|(?P<wd>{WEEKDAY_RE})"
            rf"(?:\s+(?P<pod>morning|afternoon|evening|night))?|(?P<mon>{MONTH_RE})"
            rf"|(?:(?P<n>{NUM_RE})\s+)?(?P<u>{UNIT_RE})s?)|(?P<wdp2>{WEEKDAY_PLURAL_RE})"
            r"|(?P<adv>annually|yearly|daily|weekly|monthly|hourly|nightly|biweekly|semiannually))", h_set),
    ("holiday", rf"(?P<hn>{_HOL})(?:,?\s+(?P<y>{YEAR_RE}))?", h_holiday),
]


_NOT_UP_TO_NOW = re.compile(r"\s+(?:past|to\s+come|ahead|gone)\b", re.I)


def h_vague_plural(m: re.Match, c) -> Result | None:
    """Some of the unit, a vague length; after "in" only when it runs up to now ("in years past" does not)."""
    if c.text[m.start() - 3:m.start()].lower() == "in " and _NOT_UP_TO_NOW.match(c.text, m.end()):
        return None
    return "DURATION", _duration_value(None, m.group("u").lower()[:-1]), None


_WEEK_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def h_week_in_month(m: re.Match, c) -> Result | None:
    """"the last week of March": the ISO week holding most of that week's days (the first week holds
    the month's 4th, as ISO's first week of a year holds January 4; the last holds the 4th-last day)."""
    mo = month_number(m.group("mon"))
    y = int(m.group("y")) if m.group("y") else c.month_year(mo, m.start(), m.end())
    o = m.group("ord").lower()
    if o in ("last", "final"):
        day = date(y, mo, calendar.monthrange(y, mo)[1]) - timedelta(days=3)
    else:
        day = date(y, mo, 4 + 7 * (_WEEK_ORD[o] - 1))
    return "DATE", iso_week(day), None


def h_long_adj(m: re.Match, c) -> Result | None:
    """"decades-long" is some decades, "a two-year-long" or "year-long" one length of the unit."""
    n = number(m.group("n").lower()) if m.group("n") else None if m.group("pl") else 1
    if m.group("n") and n is None:
        return None
    return "DURATION", _duration_value(n, m.group("u").lower()), None


# what a count after "March 3 to" reads as when it is no day: a share, a score, a number of things
_NOT_A_DAY = re.compile(r"\s*(?:%|percent\b|per\b|points?\b|[a-z]+s\b|[.,]\d)", re.I)


def h_day_range(m: re.Match, c) -> Result | None:
    """The first day of "Oct. 13-14": ``range_end`` gives the second, in the same month and year."""
    if int(m.group("d2")) <= int(re.match(r"\d+", m.group("d")).group()) or _NOT_A_DAY.match(c.text, m.end("d2")):
        return None
    return h_full_date(m, c)


def h_numeric_date(m: re.Match, c) -> Result | None:
    """A date in figures, month first as American news writes it, day first when the first number
    cannot be a month ("31/12/24"); a two-digit year in the century that does not put it more than a
    year after publication."""
    a, b, yy = int(m.group("a")), int(m.group("b")), m.group("yy")
    mo, d = (a, b) if a <= 12 else (b, a)
    y = int(yy) if len(yy) == 4 else 2000 + int(yy)
    if len(yy) == 2 and y > c.anchor.year + 1:
        y -= 100
    try:
        return "DATE", date(y, mo, d).isoformat(), None
    except ValueError:
        return None


def range_end(value: str, m: re.Match) -> str | None:
    """The second day of a day range whose first day has ``value`` ("2024-10-13" -> "2024-10-14")."""
    try:
        return date(int(value[:4]), int(value[5:7]), int(m.group("d2"))).isoformat()
    except ValueError:  # "Feb. 28-30"
        return None


def h_season(m: re.Match, c) -> Result | None:
    """"winter 2023" (only a capital "Fall": "prices fall 2024 ..." is a verb)."""
    return "DATE", f"{m.group('y')}-{SEASONS[m.group('s').lower()]}", None


def h_quarter_code(m: re.Match, c) -> Result | None:
    """"Q3" of the year named, else of the publication year (the last or next one as the tense says)."""
    n, a = int(m.group("n")), c.anchor
    if m.group("y"):
        return "DATE", f"{m.group('y')}-Q{n}", None
    t = c.tense(m.start(), m.end())
    y = a.year - (t == "past" and 3 * n - 2 > a.month) + (t == "future" and 3 * n < a.month)
    return "DATE", f"{y}-Q{n}", None


def h_that_pod(m: re.Match, c) -> Result | None:
    """"that night", "later that evening", "the next morning": a part of the day the story is at,
    or of the day after or before it."""
    c.derived = True
    day = c.ref_day() or c.anchor
    step = (m.groupdict().get("dir") or "").lower()
    if step:
        if c.ref_day() is None and not c.probe:
            return None  # "the next night" with no day named before: no day to count from
        day += timedelta(days=1 if step in ("next", "following") else -1)
    return "TIME", f"{day.isoformat()}T{PARTS_OF_DAY[m.group('pod').lower()]}", None


# a time after "the first day of" makes it a calendar day ("of March", "of the year"), not a happening's
_OF_TIME = re.compile(rf"\s+of\s+(?:{MONTH_RE}|(?:the\s+|this\s+|that\s+|next\s+|last\s+|each\s+|every\s+)?"
                      r"(?:new\s+)?(?:year|month|week|quarter|decade|century|season|spring|summer|fall|autumn|winter"
                      r"|\d{4})\b)", re.I)
_IS_BEFORE = re.compile(r"\b(?:it|this|that|today|tonight)\s*['’]s\s+$|\b(?:is|marks?|comes\s+on)\s+$", re.I)


def h_nth_day(m: re.Match, c) -> Result | None:
    """"It is the second day of the strike": the day it is said on; told in the past, the day the
    sentence names ("on May 2, the third day of the march"), else no day can be given."""
    if _OF_TIME.match(c.text, m.end()):
        return None
    c.derived = True
    if _IS_BEFORE.search(c.text, max(0, m.start() - 16), m.start()) or c.tense(m.start(), m.end()) == "present":
        return "DATE", c.anchor.isoformat(), None
    day = c.sentence_day(m.start())
    if day is not None:
        return "DATE", day, None
    return ("DATE", c.anchor.isoformat(), None) if c.probe else None


def h_day_around(m: re.Match, c) -> Result | None:
    """"the day before" / "the year after" / "the year previous" standing alone: a day or period from
    the one the story is at, which a period the same sentence named before it sets ("fell last year,
    less than the year before")."""
    c.derived = True
    step = 1 if m.group("dir").lower() == "after" else -1
    unit = m.group("u").lower()
    if unit in ("week", "month", "year"):
        return "DATE", shift_value(c.ref_date(unit, m.start()) or c.anchor, unit, step), None
    day = (c.ref_day() or c.anchor) + timedelta(days=step)
    return "DATE", day.isoformat(), None


def h_year_end(m: re.Match, c) -> Result | None:
    """"year-end": the end of the current year, or of the last one after "since"."""
    since = re.search(r"\bsince\s+$", c.text[max(0, m.start() - 8): m.start()], re.I)
    y = c.anchor.year - 1 if since else c.part_year(9, 12, m.start(), m.end())
    return "DATE", f"{y}", "APPROX" if "around" in m.group() else "END"


def h_year_end_named(m: re.Match, c) -> Result | None:
    """"year-end 1985", "the 1985 year-end": the end of the year named, not of the one the tense picks."""
    return "DATE", m.group("y1") or m.group("y2"), "END"


def _year_back(q: str) -> str:
    return f"{int(q[:4]) - 1}{q[4:]}"


def h_rel_adj(m: re.Match, c) -> Result | None:
    """"year-earlier"/"year-ago" on their own: the reference period a year back."""
    a = c.anchor
    c.derived = True
    if c.quarter_context(m.start()):
        return "DATE", _year_back(c.last_quarter() or shift_value(a, "quarter", -1)), None
    return "DATE", shift_value(c.ref_date("year") or a, "year", -1), None


# a digit run that goes on past a decimal point is a number ("closed at 2082.1"), not a year
COMPILED = [(name, re.compile(rf"(?<![\w$.,/:'’-])(?:{p})(?![\w/]|-\w|[,.]\d)", re.I), h)
            for name, p, h in RULES]
