"""Vocabulary and regex building blocks for English time expressions."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "overnight": "NI", "tonight": "NI"}
_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
UNIT_CODE = {"second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
             "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y", "decade": "E",
             "century": "C", "centurie": "C"}

# --- regex pieces (case-insensitive unless marked) ---
MONTH_RE = (r"(?-i:(?:January|February|March|April|May|June|July|August|September|October"
            r"|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\."
            r"|Dec\.|Jan|Feb|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?![a-z]))")
WEEKDAY_RE = (r"(?-i:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
              r"|Mon\.|Tues?\.|Wed\.|Thu(?:rs)?\.|Fri\.|Sat\.|Sun\.)(?![a-z]))")
YEAR_RE = r"(?:1[6-9]\d\d|20\d\d)"
DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_ONE_RE = "|".join(sorted(_ONES[1:], key=len, reverse=True))
# a day of the month spelt out, as wires write the days below ten ("payable April one"); it is a day
# only where what follows cannot be the noun a count goes with ("in April two banks merged")
DAY_WORD_RE = (rf"(?:twenty(?:[- ](?:{'|'.join(_ONES[1:10])}))?|thirty(?:[- ]one)?|{_ONE_RE})(?![\w-])"
               rf"(?=\s*,?\s*{YEAR_RE}(?!\d)|\s*[^\w\s-]|\s*$|\s+(?-i:[A-Z])"
               r"|\s+(?:to|and|or|through|until|till|from|for|with|was|were|is|are|will|would|it|whether"
               r"|unless|last|this|next|the|but|as|that|when|at|in|on|by|after|before|if|while|so|he|she"
               r"|they|we)\b)")
_TEN_RE = "|".join(_TENS)
NUMWORD_RE = (rf"(?:(?:{_TEN_RE})(?:[- ](?:{_ONE_RE}))?|{_ONE_RE}|(?:a|one)\s+hundred"
              r"|hundreds|thousands|dozens)")
# a count in hundreds or thousands: "two thousand", "several hundred", "1,000"
BIG_NUM_RE = (rf"(?:(?:(?:{_TEN_RE})(?:[- ](?:{_ONE_RE}))?|{_ONE_RE}|an?|a\s+few|few|several|some|many)\s+"
           r"(?:hundred|thousand)|(?:hundreds|thousands|dozens)\s+of|\d{1,3}(?:,\d{3})+)")
NUM_RE = (rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|{NUMWORD_RE}(?:\s+and\s+a\s+half)?|(?:a\s+)?single|an?"
          r"|(?:a\s+)?(?:few|couple(?:\s+of)?)|several|some|many|a\s+number\s+of|numerous)")
UNIT_RE = r"(?:second|minute|hour|day|night|week|weekend|month|quarter|year|decade|centur(?:y|ie))"
APPROX_RE = (r"(?:about|around|approximately|roughly|some|nearly|almost|close\s+to|at\s+least"
             r"|at\s+most|more\s+than|less\s+than|fewer\s+than|up\s+to|no\s+more\s+than)")
APPROX_MOD = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX",
              "roughly": "APPROX", "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
              "close to": "APPROX", "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
              "more than": "MORE_THAN", "over": "MORE_THAN", "less than": "LESS_THAN",
              "fewer than": "LESS_THAN", "up to": "EQUAL_OR_LESS", "under": "LESS_THAN"}
POSMOD_RE = (r"(?:(?:early|late|mid|middle)[- ]|the\s+(?:end|beginning|start|middle|close|turn)"
             r"\s+of\s+|(?:the\s+)?(?:first|second|latter|last)\s+half\s+of\s+"
             # "second half June loading": trade shorthand for the half of a month
             r"|(?:first|second|1st|2nd)[- ]half\s+(?=" + MONTH_RE + r"))")
# "the first half of 2025", "the latter half of the year": which half, when the span is a year
HALF_OF = re.compile(r"(?:the\s+)?(?P<o>first|second|latter|last)\s+half\s+of\b", re.I)


def posmod(s: str | None) -> str | None:
    """TIMEX3 mod of a leading "early"/"late"/"mid"/"the end of" phrase."""
    if not s:
        return None
    s = s.lower().replace("-", " ")
    if "early" in s or "beginning" in s or "start" in s or "first half" in s or "turn" in s:
        return "START"
    if "late" in s or "end" in s or "close" in s or "half" in s:
        return "END"
    return "MID"


def number(s: str) -> float | None:
    """A number written in digits or words; None for vague amounts ("several")."""
    s = s.lower().replace("-", " ").strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", s):
        return float(s.replace(",", ""))
    big = re.fullmatch(r"(.+?)\s+(hundred|thousand)", s)
    if big and s not in ("a hundred", "one hundred"):  # "two thousand"; "several hundred" is vague
        k = number(big.group(1))
        return None if k is None else k * (100 if big.group(2) == "hundred" else 1000)
    half = 0.0
    if s.endswith("and a half"):
        s, half = s[: -len("and a half")].strip(), 0.5
    if s.endswith("1/2"):
        s, half = s[:-3].strip(), 0.5
    if re.fullmatch(r"\d+(\.\d+)?", s):
        return float(s) + half
    if s in ("a", "an", "single", "a single"):
        return 1 + half
    if s in ("a couple", "couple of", "a couple of", "couple"):
        return 2
    if s in ("a hundred", "one hundred"):
        return 100
    total = 0
    for w in s.split():
        if w in _TENS:
            total += _TENS[w]
        elif w in _ONES:
            total += _ONES.index(w)
        else:
            return None
    return total + half


def year_words(s: str) -> int | None:
    """Years spelt out: "nineteen ninety-six", "two thousand", "two thousand and one"."""
    w = s.lower().replace("-", " ").split()
    if w[:2] == ["two", "thousand"]:
        rest = [x for x in w[2:] if x != "and"]
        n = number(" ".join(rest)) if rest else 0
        return None if n is None else 2000 + int(n)
    if len(w) >= 2 and w[0] in _ONES:
        hi, lo = number(w[0]), number(" ".join(w[1:]))
        if hi and lo is not None and 10 <= hi <= 20 and lo < 100:
            return int(hi * 100 + lo)
    return None
