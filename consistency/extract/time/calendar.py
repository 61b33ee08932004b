"""Calendar expressions: dates, months, weekdays, days relative to today, years, clock times."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable

from .lexicon import (
    APPROX_MOD,
    MONTH_RE,
    MONTHS,
    PARTS_OF_DAY,
    WEEKDAYS,
    number,
    posmod,
    year_words,
)
from .normalise import add_months, iso_week

Result = tuple[str, str, "str | None"]  # type, value, mod


def month_number(s: str) -> int:
    """The number of a month written out or abbreviated ('March', 'Sept.')."""
    return MONTHS[s.lower().rstrip(".")]


def _wd(s: str) -> int:
    return WEEKDAYS[s.lower().rstrip(".")]


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group())


def approx_mod(m: re.Match) -> str | None:
    """The TIMEX3 mod of the approximating word the match caught in its 'apx' group, or None."""
    a = m.groupdict().get("apx")
    return APPROX_MOD.get(" ".join(a.lower().split()), "APPROX") if a else None


def h_time(m: re.Match, c) -> Result | None:
    g = m.groupdict()
    if g.get("nm"):
        if re.search(r"\bhigh\s+$", c.text[max(0, m.start() - 6):m.start()], re.I):
            return None  # "high noon": a showdown, not a clock time
        hh, mi = (24, 0) if g["nm"].lower() == "midnight" else (12, 0)
    else:
        hh, mi = int(g["h"]), int(g["mi"] or 0)
        ap = (g.get("ap") or "").lower()
        if hh > 24 or mi > 59 or (ap and ap[0] in "ap" and not 1 <= hh <= 12):
            return None
        if ap.startswith("p") and hh < 12:
            hh += 12
        if ap.startswith("a") and hh == 12:
            hh = 0
    if g.get("wd"):
        day = c.weekday(_wd(g["wd"]), m.start(), m.end())
    elif g.get("rel"):
        day = c.anchor + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(g["rel"].lower(), 0))
    elif g.get("mon"):
        day = c.month_day(month_number(g["mon"]), _day(g["md"]), m.start(), m.end())
        if day is None:
            return None
    else:
        day = c.ref_day() or c.anchor
    zone = "Z" if g.get("utc") else ""
    return "TIME", f"{day.isoformat()}T{hh:02d}:{mi:02d}{zone}", approx_mod(m)


def h_full_date(m: re.Match, c) -> Result | None:
    g = m.groupdict()
    mo = month_number(g["mon"])
    d = _day(g["d"]) if g.get("d") else int(number(g["dw"]))  # "April 3" or "April three"
    if g.get("y"):
        try:
            day = date(int(g["y"]), mo, d)
        except ValueError:
            return None
    else:
        day = c.month_day(mo, d, m.start(), m.end())
        if day is None:
            return None
    pod = g.get("pod") or g.get("pod0")
    if pod:
        return "TIME", f"{day.isoformat()}T{PARTS_OF_DAY[pod.lower()]}", None
    return "DATE", day.isoformat(), approx_mod(m) or posmod(g.get("pm"))


_MONTH_CUE = re.compile(
    r"(?:\b(?:in|since|by|until|till|through|from|to|of|during|before|after|early|late|mid"
    r"|last|next|this|that|between|and|or|throughout|around|for)|-)\s*$", re.I)


_GIVEN_NAMES = {"Jan", "April", "June", "August", "May"}
_MONTH_LEAD = re.compile(r"\b(?:in|since|by|until|till|through|from|to|of|during|before|after|early|late|mid"
                         rf"|last|next|this|that|(?:{MONTH_RE})\.?(?:,|,?\s+(?:and|or|to)))\s*$", re.I)


def h_month(m: re.Match, c) -> Result | None:
    g = m.groupdict()
    mo = month_number(g["mon"])
    bare = not (g.get("y") or g.get("yw") or g.get("yrel") or g.get("rel") or g.get("pm"))
    if bare and (g["mon"] in ("May", "March") or g["mon"][:3] == g["mon"].rstrip(".")[:3]
                 and len(g["mon"]) <= 4) and not _MONTH_CUE.search(c.text[max(0, m.start() - 12):m.start()]):
        return None
    if bare and g["mon"] in _GIVEN_NAMES and re.match(r"\s+[A-Z][a-z]", c.text[m.end():m.end() + 3]) \
            and not _MONTH_LEAD.search(c.text, max(0, m.start() - 20), m.start()):
        return None  # "and Jan Kavan", "April Ryan said": a given name
    a = c.anchor
    if g.get("y"):
        y = int(g["y"])
    elif g.get("yw") and year_words(g["yw"]):
        y = year_words(g["yw"])
    elif g.get("yrel"):
        y = a.year + {"this": 0, "last": -1, "next": 1}[g["yrel"].lower()]
    elif g.get("rel"):
        r = g["rel"].lower()
        if r in ("last", "past", "this past", "the previous"):
            y = a.year if mo < a.month else a.year - 1
        elif r in ("next", "coming", "this coming", "the following"):
            y = a.year if mo > a.month else a.year + 1
        elif r == "that" and c.ref_day():
            y = c.ref_day().year
        else:
            y = c.month_year(mo, m.start(), m.end())
    else:
        y = c.month_year(mo, m.start(), m.end())
    return "DATE", f"{y:04d}-{mo:02d}", approx_mod(m) or posmod(g.get("pm"))


# a weekday heading a title is a name ("the Sunday Times", "Super Tuesday", "Monday Night Football")
_TITLE_AFTER = re.compile(r"\s+(?:Times|Telegraph|Mirror|Express|Herald|Post|Tribune|Star|Independent|Observer"
                          r"|Mail|Sport|Business|Review|Magazine|Edition|Night\s+(?:Football|Live))\b")
_DAY_LEAD = re.compile(r"\b(?:on|by|until|since|from|before|after)\s+$", re.I)  # "On Sunday Times Square ..."
TITLE_BEFORE = re.compile(r"\b(?:Super|Black|Cyber|Bloody|Ash|Palm|Good|Holy|Maundy|Shrove)\s+$")


# "Tuesdays", "Sunday mornings": every such day, a set
WEEKDAY_PLURAL_RE = (r"(?-i:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                     r"(?:s|\s+(?i:mornings|afternoons|evenings|nights)))\b")
# "on Monday and Tuesday nights": the first day shares the plural of the second
# "Tuesday nights last week": two nights of one week, not every Tuesday
OF_A_WEEK = re.compile(r"\s+(?:of\s+)?(?:last|this|next|that|the\s+(?:same|previous|following))\s+week", re.I)
_AND_PLURAL = re.compile(rf"\s+(?:and|or|&)\s+{WEEKDAY_PLURAL_RE}")


def weekday_set(wd: str, pod: str | None = None) -> str:
    """The SET value of a weekday, with its part of the day if named ("XXXX-WXX-2TNI")."""
    pod = (pod or "").lower().split()
    part = pod[-1].rstrip("s") if pod and pod[-1].rstrip("s") in PARTS_OF_DAY else None
    day = wd.split()[0]
    day = day[:-1] if day.lower().endswith("days") else day
    return f"XXXX-WXX-{_wd(day)}" + (f"T{PARTS_OF_DAY[part]}" if part else "")


def h_weekday(m: re.Match, c) -> Result | None:
    g = m.groupdict()
    wd = _wd(g["wd"])
    if not (g.get("rel") or g.get("pm") or g.get("pod")):
        after = _AND_PLURAL.match(c.text, m.end())
        if after and not OF_A_WEEK.match(c.text, after.end()):
            return "SET", weekday_set(g["wd"], after.group()), None
    if not (g.get("rel") or g.get("pm") or g.get("pod")) and (
            _TITLE_AFTER.match(c.text, m.end()) and not _DAY_LEAD.search(c.text, max(0, m.start() - 8), m.start())
            or TITLE_BEFORE.search(c.text, max(0, m.start() - 10), m.start())):
        return None
    rel = (g.get("rel") or "").lower().split()
    a = c.anchor
    if rel[:1] == ["the"]:
        # "the previous Friday", "the following Monday": counted from the day the story is at
        c.derived = True
        a = c.ref_day() or a
    if rel and rel[-1] in ("last", "past", "previous", "preceding"):
        back = (a.isoweekday() - wd) % 7 or 7
        day = a - timedelta(days=back)
    elif rel and rel[-1] in ("next", "coming", "following"):
        day = a + timedelta(days=(wd - a.isoweekday()) % 7 or 7)
    elif rel and rel[-1] == "that" and c.ref_day():
        r = c.ref_day()
        day = r + timedelta(days=(wd - r.isoweekday()) % 7)
    else:
        day = c.weekday(wd, m.start(), m.end())
    if g.get("pod"):
        return "TIME", f"{day.isoformat()}T{PARTS_OF_DAY[g['pod'].lower()]}", None
    return "DATE", day.isoformat(), _part_mod(g.get("pm"))


# "today's youth", "the world of tomorrow": an era, not a day
_ERA = (r"(?:world|society|societies|youth|young|generations?|children|kids|teens|teenagers|students"
        r"|parents|families|adults|people|consumers|workers|women|men|culture|age|era|standards"
        r"|technology|technologies)")
_ERA_AFTER = re.compile(rf"['’]s\s+(?:[a-z]+\s+)?{_ERA}\b", re.I)
_SHOW_AFTER = re.compile(r"[\"”'’]*\s+show\b", re.I)
_ERA_BEFORE = re.compile(rf"\b{_ERA}\s+of\s+$", re.I)


def h_dayrel(m: re.Match, c) -> Result | None:
    g = m.groupdict()
    w = " ".join(g["w"].lower().split())
    a = c.anchor
    if w in ("today", "tomorrow", "yesterday") and not (g.get("el") or g.get("pod")) and (
            _ERA_AFTER.match(c.text, m.end()) or _ERA_BEFORE.search(c.text, max(0, m.start() - 30), m.start())):
        return None
    if w == "today" and (c.text[max(0, m.start() - 4):m.start()] == "USA " or _SHOW_AFTER.match(c.text, m.end())):
        return None  # "USA Today", NBC's "Today" show: names
    offs = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
            "the day before yesterday": -2, "the day after tomorrow": 2}
    day = a + timedelta(days=offs.get(w, 0))
    pod = g.get("pod") or ("night" if w in ("tonight", "last night") else None)
    el = (g.get("el") or "").lower()
    if el.startswith("mid") and el[-1] != "y":
        pod = el.replace("mid", "").lstrip("-")
    if w.startswith("this "):
        pod = w.split()[1]
    if pod:
        return "TIME", f"{day.isoformat()}T{PARTS_OF_DAY[pod.lower()]}", None
    return "DATE", day.isoformat(), _part_mod(g.get("el"))


def _part_mod(s: str | None) -> str | None:
    s = (s or "").lower()
    return "START" if s.startswith("earl") else "END" if s.startswith("late") else \
        "MID" if s.startswith("mid") else None


def h_year(m: re.Match, c) -> Result | None:
    g = m.groupdict()
    y = int(g["y"])
    pre, pm = g.get("pre"), g.get("pm")
    if not (pre or pm or g.get("pp")):
        after = c.text[m.end(): m.end() + 20]
        before = c.text[max(0, m.start() - 15): m.start()].lower()
        # a count of four digits is written with a comma ("2,000 troops"): after a determiner the
        # digits name a year ("the 2000 Olympics", "its 1998 elections")
        if re.match(r"\s*(%|percent|per\b|[a-z]+s\b(?!')|people\b|men\b|women\b|children\b|police\b"
                    r"|staff\b|personnel\b|feet\b|[-,]?\d)", after, re.I) and not \
                re.search(r"\b(in|since|of|from|by|until|before|after|year|during"
                          r"|the|its|their|his|her|our)\s+$", before):
            return None
        if re.search(r"(\d[ ,.]|no\.\s*|number\s*|#\s*)$", before):
            return None
    mod = approx_mod(m) or posmod(pm)
    if g.get("pp"):
        mod = "BEFORE" if g["pp"].lower() == "pre" else "AFTER"
    return "DATE", f"{y:04d}", mod


def h_year_words(m: re.Match, c) -> Result | None:
    if m.group("yw").lower().endswith("thousand") and m.start() == m.start("yw") and re.match(
            r"\s+(?!(?:has|is|was|does)\b)(?:[a-z]+s|people|men|women|children)\b", c.text[m.end():m.end() + 20]):
        return None  # "two thousand years", "two thousand people": a count
    y = year_words(m.group("yw"))
    return ("DATE", f"{y:04d}", None) if y and 1000 < y < 2200 else None


# a decade named in the clause before ("the 1960s and 70s", "the '70s and 80s")
_DECADE_BEFORE = re.compile(r"(?:\d\d\d0['’]?s|['’]\d0s|\bthe\s+(?:(?:early|late|mid)[\s-]+)?\d0s),?\s+"
                            r"(?:and|or|to|through|into)\s+$", re.I)
# "in the 70s" of a reading, not of a century: temperatures, polls, scores, ages
_READING = re.compile(r"\b(?:degrees?|temperatures?|highs?|lows?|percent|per\s+cent|polls?|polling|approval"
                      r"|ratings?|scores?|mph|aged?|years?\s+old)\b|%", re.I)


def _bare_decade(m: re.Match, text: str) -> bool:
    """Whether "70s" written without a century or an apostrophe is a decade: after "the" ("the 70s",
    "the early 80s", not "his early 60s", an age) or after a decade it is joined to ("the 1960s and
    70s"), and not in a sentence about a reading ("highs in the 70s", "approval in the 40s")."""
    if not (m.group("the") or _DECADE_BEFORE.search(text, max(0, m.start() - 30), m.start())):
        return False
    lo = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start()), 0)
    hi = [i for i in (text.find(".", m.end()), text.find("\n", m.end())) if i >= 0]
    return not _READING.search(text, lo, min(hi) if hi else len(text))


def h_decade(m: re.Match, c) -> Result | None:
    g = m.groupdict()
    words = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
             "seventies": 7, "eighties": 8, "nineties": 9}
    if g.get("dec"):
        d = int(g["dec"])
        # "the 1900s" is a century; "the 2000s", written in this century, is its first decade
        value = f"{d // 100:02d}" if d % 100 == 0 and d < 2000 else f"{d // 10:03d}"
    else:
        if g.get("bd") and not _bare_decade(m, c.text):
            return None
        digits = g.get("dd") or g.get("bd")
        n = int(digits) // 10 if digits else words[g["dw"].lower()]
        value = f"19{n}"
        if g.get("dw") and not (g.get("the") or g.get("pm")):
            return None
    return "DATE", value, posmod(g.get("pm"))


def _easter(y: int) -> date:
    a, b, cc = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(cc, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    mm = (a + 11 * h + 22 * l_) // 451
    mo, da = divmod(h + l_ - 7 * mm + 114, 31)
    return date(y, mo, da + 1)


def _nth_weekday(y: int, mo: int, wd: int, n: int) -> date:
    if n > 0:
        first = date(y, mo, 1)
        return first + timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
    last = add_months(date(y, mo, 1), 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - wd) % 7)


HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas eve": lambda y: date(y, 12, 24), "christmas day": lambda y: date(y, 12, 25),
    "christmas": lambda y: date(y, 12, 25), "new year's eve": lambda y: date(y, 12, 31),
    "new year's day": lambda y: date(y, 1, 1), "independence day": lambda y: date(y, 7, 4),
    "halloween": lambda y: date(y, 10, 31), "valentine's day": lambda y: date(y, 2, 14),
    "labor day": lambda y: _nth_weekday(y, 9, 1, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 1, -1),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
    "election day": lambda y: _nth_weekday(y, 11, 1, 1) + timedelta(days=1),
    "easter sunday": _easter, "easter": _easter, "boxing day": lambda y: date(y, 12, 26),
}


# a holiday's name before a thing it names a kind of ("a Christmas tree", "Easter eggs", "Easter
# Island") says nothing of when, and before what fills the weeks ahead of it ("the office Christmas
# party", "Christmas shopping") it is not the day either; before the day's own happenings ("the
# Thanksgiving parade", "the Christmas Day attack") or a span ("the Thanksgiving weekend") it is
_HOLIDAY_KIND = re.compile(
    r"\s+(?:trees?|lights?|cards?|carols?|songs?|music|album|decorations?|ornaments?|stockings?|gifts?"
    r"|presents?|toys?|spirit|movies?|films?|specials?|episodes?|cakes?|puddings?|cookies|turkeys?"
    r"|candy|candies|costumes?|eggs?|bunny|bunnies|lil(?:y|ies)|island|rising|sweaters?|jumpers?"
    r"|wreaths?|markets?|bonus(?:es)?|stories|story|classics?|themes?|tunes?|part(?:y|ies)|shopping|shoppers"
    r"|ads?|adverts?|greetings?)\b", re.I)
_GREETING = re.compile(r"\b(?:merry|happy)\s+$", re.I)


def h_holiday(m: re.Match, c) -> Result | None:
    name = " ".join(m.group("hn").lower().replace("’", "'").split())
    f = HOLIDAYS[name]
    if m.group("y"):
        return "DATE", f(int(m.group("y"))).isoformat(), None
    if _HOLIDAY_KIND.match(c.text, m.end()) or _GREETING.search(c.text, max(0, m.start() - 7), m.start()):
        return None
    a = c.anchor
    t = c.tense(m.start(), m.end())
    day = f(a.year)
    if t == "past" and day > a:
        day = f(a.year - 1)
    elif t == "future" and day < a:
        day = f(a.year + 1)
    return "DATE", day.isoformat(), None


def h_week_of(m: re.Match, c) -> Result | None:
    """"the week of March 6": the ISO week holding that day."""
    r = h_full_date(m, c)
    return ("DATE", iso_week(date.fromisoformat(r[1][:10])), None) if r else None
