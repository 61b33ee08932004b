"""Quantities in claim text: numbers with units, hedges and the interval they allow.

A hedge or a round figure widens a number into an interval ("about 2 million" is
1.8-2.2 million, "at least 40" is 40 or more), so that two outlets are only said to
disagree when their intervals cannot meet. Years, dates, clock times and numbers that
are part of a name ("G7", "COVID-19", "Article 5") are not quantities.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from ..lexicon import COUNT_OF_BEFORE_FIGURE
from ..records import Quantity

_INF = math.inf

SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
}
# Vague plurals ("hundreds of") and the interval they stand for.
_VAGUE = {
    "dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999),
    "thousands": (2e3, 99_999), "millions": (2e6, 999e6), "billions": (2e9, 999e9),
    "tens of thousands": (1e4, 99_999), "hundreds of thousands": (1e5, 999_999),
    "tens of millions": (1e7, 99e6), "hundreds of millions": (1e8, 999e6),
}
_CURRENCY_SYMBOLS = {"$": "usd", "us$": "usd", "€": "eur", "£": "gbp", "¥": "jpy", "₽": "rub", "₴": "uah"}
_CURRENCY_WORDS = {
    "dollar": "usd", "usd": "usd", "euro": "eur", "eur": "eur", "gbp": "gbp", "sterling": "gbp",
    "ruble": "rub", "rouble": "rub", "rub": "rub", "yuan": "cny", "renminbi": "cny", "yen": "jpy",
    "hryvnia": "uah", "hryvnias": "uah", "hryvnas": "uah", "rupee": "inr", "franc": "chf",
}
# Measures: normalised unit -> (dimension, factor to the dimension's base unit).
_MEASURES = {
    "km": ("length", 1.0), "miles": ("length", 1.609344), "m": ("length", 1e-3),
    "feet": ("length", 3.048e-4), "nautical miles": ("length", 1.852),
    "kg": ("mass", 1.0), "tonnes": ("mass", 1e3), "lb": ("mass", 0.45359237), "g": ("mass", 1e-3),
    "km2": ("area", 1.0), "sq miles": ("area", 2.589988), "hectares": ("area", 0.01),
    "acres": ("area", 0.00404686), "litres": ("volume", 1.0), "barrels": ("volume", 158.987),
    "gallons": ("volume", 3.785411),
}
MEASURE_WORDS = {
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km",
    "kilometers": "km", "mile": "miles", "miles": "miles", "mi": "miles", "metre": "m",
    "metres": "m", "meter": "m", "meters": "m", "foot": "feet", "feet": "feet", "ft": "feet",
    "kg": "kg", "kgs": "kg", "kilogram": "kg", "kilograms": "kg", "kilo": "kg", "kilos": "kg",
    "tonne": "tonnes", "tonnes": "tonnes", "ton": "tonnes", "tons": "tonnes", "lb": "lb",
    "lbs": "lb", "gram": "g", "grams": "g", "hectare": "hectares", "hectares": "hectares",
    "ha": "hectares", "acre": "acres", "acres": "acres", "km2": "km2", "litre": "litres",
    "litres": "litres", "liter": "litres", "liters": "litres", "barrel": "barrels",
    "barrels": "barrels", "gallon": "gallons", "gallons": "gallons",
}
_PLURAL_SYNONYMS = {
    "soldiers": "troops", "servicemen": "troops", "troops": "troops", "persons": "people",
    "people": "people", "individuals": "people", "fatalities": "deaths", "percent": "percent",
}
IRREGULAR = {"person": "people", "man": "men", "woman": "women", "child": "children",
              "serviceman": "servicemen", "police": "police", "personnel": "personnel",
              "staff": "staff", "people": "people", "aircraft": "aircraft", "sheep": "sheep"}
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_MONTH_SET = set(_MONTHS.split("|"))
_YEAR_CONTEXT = {"in", "since", "by", "of", "from", "until", "till", "through", "during",
                 "before", "after", "early", "late", "mid", "spring", "summer", "autumn",
                 "fall", "winter", "year", "around", "circa", "and", "to", "between"}
# Words after a number that end the search for its counted noun.
_STOP = {
    "of", "in", "on", "at", "to", "from", "for", "by", "with", "and", "or", "but", "that",
    "who", "which", "were", "was", "are", "is", "be", "been", "have", "has", "had", "will",
    "would", "could", "may", "might", "can", "should", "said", "say", "says", "told", "the",
    "a", "an", "this", "than", "as", "per", "into", "over", "under", "each", "more", "less",
    "remain", "remains", "died", "die", "dies", "fled", "flee", "left", "lost", "took", "went",
    "did", "do", "does", "also", "after", "before", "since", "ago", "when", "while", "not",
}
_ADJECTIVES = {
    "new", "more", "additional", "other", "civilian", "military", "foreign", "extra", "young",
    "old", "armed", "local", "small", "large", "big", "major", "confirmed", "separate",
    "unnamed", "anonymous", "senior", "former", "active", "suspected", "alleged", "ukrainian",
    "russian", "american", "israeli", "palestinian",
}
_HEDGES = [
    ("an estimated", "an estimated"), ("estimated", "an estimated"), ("approximately", "approximately"),
    ("about", "about"), ("around", "around"), ("roughly", "roughly"), ("some", "some"),
    ("nearly", "nearly"), ("almost", "almost"), ("close to", "nearly"), ("just under", "nearly"),
    ("at least", "at least"), ("no fewer than", "at least"), ("no less than", "at least"),
    ("more than", "more than"), ("over", "over"), ("upwards of", "more than"),
    ("in excess of", "more than"), ("up to", "up to"), ("as many as", "up to"),
    ("as much as", "up to"), ("fewer than", "fewer than"), ("less than", "fewer than"),
    ("under", "fewer than"), ("below", "fewer than"), ("at most", "up to"),
    ("no more than", "up to"), ("not more than", "up to"), ("not less than", "at least"),
    ("not fewer than", "at least"),
]
_HEDGE_RE = re.compile(
    r"(?:^|(?<=[\s(\"'“]))(" + "|".join(re.escape(h) for h, _ in _HEDGES) + r")\s+$", re.I
)
_HEDGE_NORM = dict(_HEDGES)

_WORDNUM = "|".join(sorted(SMALL_NUMBERS, key=len, reverse=True))
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_SCALE = r"hundred|thousand|million|billion|trillion|mln|mn|bn|tn|trn|k|m|b"
# "a"/"an" counts only before a scale word ("a dozen", "a hundred"); before a number word it
# is the article ("a four-year-old"), and taking it in would hide the number behind it.
_WORDS_NUM = (rf"\b(?:(?:(?:a|an)(?=\s+(?:hundred|thousand|million|billion|dozen)\b)"
              rf"|(?:one|{_WORDNUM})(?:[\s-](?:{_WORDNUM}))*)"
              rf"(?:\s+(?:hundred|thousand|million|billion|dozen)(?:\s+(?:and\s+)?(?:{_WORDNUM}))*)*)\b")
_TOKEN = re.compile(
    rf"(?P<cur>US\$|[$€£¥₽₴])?\s?"
    rf"(?:(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE})\b)?(?:\s*(?:-|–|to|and)\s*(?P<num2>{_NUM})(?:\s?(?P<scale2>{_SCALE})\b)?)?"
    rf"|(?P<vague>(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|scores|hundreds|thousands|millions|billions)\s+of"
    rf"|(?P<half>half\s+a\s+(?:million|billion|dozen))"
    rf"|(?P<words>{_WORDS_NUM}))"
    rf"(?P<pct>\s?(?:%|per\s?cent\b|percent\b|percentage\s+points?\b))?",
    re.I,
)
_TIME_AFTER = re.compile(r"\s*(?:a\.?m\.?|p\.?m\.?|o'clock|h\b|hrs\b|gmt|utc|:\d\d)", re.I)
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.I)
_NEXT_WORD = re.compile(r"[\s-]*([A-Za-z][A-Za-z.'’-]*)")
_SCALE_AFTER_QUOTE = re.compile(r"[\"”]\s*(million|billion|trillion|thousand)\b", re.I)
_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z.'’]*)[\s]*$")


def _word_value(text: str) -> float | None:
    """Value of a number written in words ("two dozen", "forty-two", "a hundred")."""
    total, current, seen = 0.0, 0.0, False
    for w in re.split(r"[\s-]+", text.lower()):
        if w in ("and", ""):
            continue
        if w in ("a", "an"):
            current = max(current, 1.0)
        elif w in SMALL_NUMBERS:
            current += SMALL_NUMBERS[w]
            seen = True
        elif w == "dozen":
            current = max(current, 1.0) * 12
            seen = True
        elif w == "hundred":
            current = max(current, 1.0) * 100
            seen = True
        elif w in ("thousand", "million", "billion"):
            total += max(current, 1.0) * _SCALES[w]
            current, seen = 0.0, True
    return total + current if seen else None


def _rounding_slack(value: float, scaled: bool) -> float:
    """Half a unit of the last significant digit for round numbers, capped at 5%."""
    if value <= 0 or (not scaled and (value < 100 or value % 100)):
        return 0.0
    step = 10 ** math.floor(math.log10(value))
    while step >= 1 and value % step:
        step /= 10
    if scaled and step < value / 100:
        step = value / 100
    return min(step / 2, 0.05 * value)


def rounding_interval(value: float, text: str) -> tuple[float, float]:
    """The interval a figure written as ``text`` allows with no hedge: its rounding."""
    scaled = bool(re.search(r"\b(?:thousand|million|billion|trillion|bn|mn|k)\b", text, re.I))
    return _interval(value, None, _rounding_slack(value, scaled))


def _interval(value: float, hedge: str | None, slack: float) -> tuple[float, float]:
    """The interval a hedged figure allows."""
    if hedge in ("about", "around", "approximately", "roughly", "some", "an estimated"):
        d = max(0.1 * value, slack)
        return value - d, value + d
    if hedge in ("nearly", "almost"):
        return 0.9 * value, value
    if hedge == "at least":
        return value, _INF
    if hedge in ("more than", "over"):
        return math.nextafter(value, _INF), _INF
    if hedge == "up to":
        return 0.0, value
    if hedge == "fewer than":
        return 0.0, math.nextafter(value, -_INF)
    return value - slack, value + slack


def _plural(word: str) -> str:
    w = word.lower().strip(".'’")
    if w in IRREGULAR:
        return IRREGULAR[w]
    if w in IRREGULAR.values():
        return w
    if w.endswith("s"):
        return w
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    if w.endswith(("ch", "sh", "x")):
        return w + "es"
    return w + "s"


# An age written apart: "seven years old", "a nine year old rider", "5 months of age".
_AGE_APART = re.compile(r"(year|month|week)s?(?:[- ]+old\b(?!-)|\s+of\s+age\b)", re.I)


def _unit_after(text: str, pos: int) -> tuple[str | None, str, int]:
    """(unit, kind, end) from the words after a number; the counted noun for counts."""
    m = _NEXT_WORD.match(text, pos)
    if not m:
        return None, "count", pos
    first = m.group(1).lower().rstrip(".")
    two = first + " " + (_NEXT_WORD.match(text, m.end()).group(1).lower()
                         if _NEXT_WORD.match(text, m.end()) else "")
    for phrase, unit in (("square kilometres", "km2"), ("square kilometers", "km2"),
                         ("square miles", "sq miles"), ("sq km", "km2"), ("nautical miles", "nautical miles")):
        if two.startswith(phrase):
            return unit, "measure", m.end() + len(_NEXT_WORD.match(text, m.end()).group(0))
    if first in MEASURE_WORDS:
        return MEASURE_WORDS[first], "measure", m.end()
    cur = _CURRENCY_WORDS.get(first) or _CURRENCY_WORDS.get(first.rstrip("s"))
    if cur:
        return cur, "money", m.end()
    if first in ("pounds", "pound"):
        return "lb", "measure", m.end()
    apart = _AGE_APART.match(text, m.start(1))
    if apart:
        return f"{apart.group(1).lower()}s old", "count", apart.end()  # "seven years old", "5 months of age"
    pos, skipped = m.start(), 0
    while skipped < 3:
        m = _NEXT_WORD.match(text, pos)
        if not m:
            return None, "count", pos
        raw = m.group(1).rstrip(".'’")
        word = raw.lower()
        if word.endswith("-old"):
            span = word.split("-")[0].rstrip("s")
            span = span if span in ("month", "week", "day") else "year"
            return f"{span}s old", "count", m.end()
        if raw[:1].isupper() or word in _ADJECTIVES:
            pos, skipped = m.end(), skipped + 1
            continue
        if word in _STOP or word in _MONTH_SET or word.endswith(("ed", "ing", "ly")) or word in SMALL_NUMBERS:
            return None, "count", pos
        nxt = _NEXT_WORD.match(text, m.end())
        if nxt and not word.endswith("s") and word not in IRREGULAR.values() and nxt.group(1).islower():
            head = nxt.group(1).rstrip(".'’")
            if head not in _STOP and not head.endswith(("ed", "ing", "ly")):
                word, m = head, nxt  # a compound's head: "coal jobs", "mid-term elections"
        unit = _plural(word)
        return _PLURAL_SYNONYMS.get(unit, unit), "count", m.end()
    return None, "count", pos


# A number before "-year-old" is an age whatever capitalised word stands before it ("A 52-year-old man",
# "Two 16-year-olds", "Smith's 5-year-old son"): no name ends in one.
_AGED_AFTER = re.compile(r"[- ](?:year|month|week)s?[- ]olds?\b", re.I)


def _is_name_or_date(text: str, start: int, end: int, value: float, plain: bool) -> bool:
    """True when the number is a year, date, clock time or part of a name."""
    before = text[max(0, start - 1):start]
    after = text[end:end + 1]
    if before.isalpha() or (before in "-/" and start >= 2 and text[start - 2].isalpha()):
        return True  # G7, COVID-19, Oreshnik-2, F-16
    if before in ":/." and start >= 2 and text[start - 2].isdigit():
        return True  # 10:30, 10/11
    if after.isalpha() and not re.match(r"(?:st|nd|rd|th|k|m|bn|mn|km|kg|ft|lbs?)\b", text[end:], re.I):
        return True  # MH17A, 5G
    if after in ("/", ":") or _TIME_AFTER.match(text, end):
        return True
    prev = _PREV_WORD.search(text, 0, start)
    prev_word = prev.group(1).lower().rstrip(".") if prev else ""
    nxt = _NEXT_WORD.match(text, end)
    next_word = nxt.group(1).lower().rstrip(".") if nxt else ""
    if prev_word in _MONTH_SET or next_word in _MONTH_SET:
        return True  # November 10, 10 November
    if prev and prev.group(1)[0].isupper() and prev_word not in _YEAR_CONTEXT and not (
        _HEDGE_RE.search(text[:start]) or prev_word in ("the", "some", "only", "just", "another", "all")
        or _AGED_AFTER.match(text, end)
    ):
        return True  # Article 5, Flight 17, Boeing 737
    if plain and 1800 <= value <= 2100 and value == int(value) and not after.isalpha():  # "1900ft": a measure
        if nxt and nxt.group(1)[0].isupper() and text[end:end + 1] == " ":
            return True  # "2030 Greens", "the 2018 Olympics": a year naming which ones; a count has a comma
        plural = bool(nxt) and (next_word.endswith("s") or next_word in IRREGULAR.values())
        if prev_word in _YEAR_CONTEXT or prev_word == "the" or not plural or text[end:end + 2] == "'s":
            return True
    return False


def _num(s: str) -> float:
    return float(s.replace(",", ""))


def _count_of(text: str, found: list[Quantity]) -> list[Quantity]:
    """Give "the number of games was revised to 14" its counted noun, as "14 games" has."""
    out = []
    for q in found:
        if q.unit is None and q.kind == "count":
            m = COUNT_OF_BEFORE_FIGURE.search(text[max(0, q.start - 120):q.start])
            if m:
                q = replace(q, unit=m.group(1).lower())
        out.append(q)
    return out


def find_quantities(text: str) -> list[Quantity]:
    """Numbers in ``text`` with unit, hedge and the interval they allow."""
    out: list[Quantity] = []
    for m in _TOKEN.finditer(text):
        g = m.groupdict()
        if not (g["num"] or g["vague"] or g["half"] or g["words"]):
            continue
        start = m.start("cur") if g["cur"] else m.start(
            "num" if g["num"] else "vague" if g["vague"] else "half" if g["half"] else "words")
        end = m.end()
        scaled = bool(g["scale"] or g["words"] and re.search(r"million|billion|thousand", g["words"], re.I))
        hedge, low, high = None, None, None
        if g["num"]:
            if g["num2"] is None and _ORDINAL_AFTER.match(text, m.end("num")):
                continue  # ordinals: dates ("10th") and ranks are not amounts
            scale = _SCALES.get((g["scale"] or "").lower(), 1.0)
            if g["scale"] and g["scale"].lower() in ("m", "b", "k") and not g["cur"]:
                if g["scale"].lower() == "m":  # "20m" without a currency is metres
                    scale, end = 1.0, m.end("num")
                    scaled = False
                else:
                    continue
            value = _num(g["num"]) * scale
            plain = not (g["cur"] or g["scale"] or g["num2"] or g["pct"]) and "," not in g["num"]
            if g["num2"]:
                scale2 = _SCALES.get((g["scale2"] or g["scale"] or "").lower(), 1.0)
                low, high = value, _num(g["num2"]) * scale2
                if g["scale2"] and not g["scale"]:
                    low = _num(g["num"]) * scale2
                if _is_name_or_date(text, start, m.end("num"), value, True):
                    continue
                if high < low:
                    if not _AND_PAIR.fullmatch(text[start:m.end()]):
                        continue
                    low, high, hedge = high, low, _DESCENDING  # "two girls, 9 and 6": kept only as a list of ages
                value, hedge = (low + high) / 2, hedge or "between"
                prefix = re.search(r"\b(between|from)\s+\$?$", text[:start], re.I)
                if prefix:
                    start = prefix.start()
            elif _is_name_or_date(text, m.start("num"), m.end("num") if not g["scale"] else end,
                                  value, plain):
                continue
        elif g["vague"]:
            low, high = _VAGUE[" ".join(g["vague"].lower().split())]
            value, hedge = low, g["vague"].lower()
        elif g["half"]:
            value = 0.5 * {"million": 1e6, "billion": 1e9, "dozen": 12}[g["half"].split()[-1].lower()]
        else:
            words = g["words"]
            if words.lower() in ("a", "an") or not re.search(r"[a-z]", words, re.I):
                continue
            value = _word_value(words)
            if value is None:
                continue
            prev = _PREV_WORD.search(text, 0, start)
            if words.lower() == "one" and (
                prev and prev.group(1).lower() in ("no", "any", "every", "each", "this", "that", "the", "which", "someone")
                or re.match(r"\s+(?:of|another|day|time|way|point|side|hand|thing|reason)\b", text[end:], re.I)
            ):
                continue
            if (prev and prev.group(1).lower() in ("a", "an")
                    and not re.match(r"[- ](?:year|month|week|day)s?[- ]old\b", text[end:], re.I)):
                continue  # "a one-off", "a two-way race": only an age follows the article
            if words.lower().startswith(("a ", "an ")) and not re.search(
                    r"dozen|hundred|thousand|million|billion", words, re.I):
                continue
        hm = _HEDGE_RE.search(text[:start]) if hedge is None or hedge == "between" and low is None else None
        if hm and hedge is None:
            hedge = _HEDGE_NORM[hm.group(1).lower()]
            start = hm.start(1)
        kind, unit = "count", None
        if g["pct"]:
            kind = "percent"
            unit = "pp" if "point" in g["pct"].lower() else "percent"
        elif g["cur"]:
            kind, unit = "money", _CURRENCY_SYMBOLS[g["cur"].lower()]
            # "$5.6” billion": a quotation may close between the figure and its scale word.
            after = _NEXT_WORD.match(text, end) or _SCALE_AFTER_QUOTE.match(text, end)
            if after and after.group(1).lower() in ("million", "billion", "trillion", "thousand"):
                factor = _SCALES[after.group(1).lower()]
                value, end, scaled = value * factor, after.end(), True
                if low is not None:
                    low, high = low * factor, high * factor
        else:
            unit, kind, unit_end = _unit_after(text, end)
            if kind in ("money", "measure"):
                end = unit_end
            if unit in ("million", "billion", "thousand"):
                unit, kind = None, "count"
        if low is None:
            low, high = _interval(value, hedge, _rounding_slack(value, scaled))
        out.append(Quantity(text=text[start:end], start=start, end=end, value=value, low=low,
                            high=high, unit=unit, hedge=hedge, kind=kind))
    return _ages(text, _count_of(text, _join_ranges(text, out)))


AGE_UNIT = "years old"
# "aged 41", "Mattis, 68, said", "he was 3.": a bare whole number that gives someone's age.
_PERSON_NOUNS = ("boy|girl|man|woman|son|daughter|child|baby|toddler|teenager|mother|father|wife|husband|"
                 "boys|girls|men|women|sons|daughters|children|teens|teenagers|victims|brothers|sisters")
_WEEKDAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_AGE_BEFORE = re.compile(rf"(?:\b(?:aged?|ages)\s+|(?:(?!{_WEEKDAYS}\b)[A-Z][\w.'’-]*|\b(?:{_PERSON_NOUNS})),\s*)$")
# After a name's age: a comma, a semicolon of a list ("Ann Doe, 47; Bob Doe, 33"), the sentence's end, or the
# next name of a list and its age ("Ann Doe, 47 and Bob Doe, 33").
_AGE_AFTER_NAME = re.compile(r"^\s*(?:[,;]|\.(?:\s|$)|$|(?:and|or)\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*,\s*\d)")
# "Ida Voss, 24 was shot": a count above one takes a plural verb, so a singular one after "Name, N" is of the
# person, the comma after the age left out; "Voss, 26.All were" is a sentence run on in the page's text.
_AGE_THEN_SINGULAR = re.compile(r"^\s+(?:was|is|has|had|died|remains|remained|suffered)\b|^\.(?=[A-Z][a-z])")
_AGE_OF_PRONOUN = re.compile(r"\b(?:he|she|who)\s+(?:was|is|were|turned|had\s+turned)\s+(?:only\s+|just\s+)?$", re.I)
_CLAUSE_END = re.compile(r"^\s*(?:[.,;:!?)\]\"”]|$|\b(?:when|at\s+the\s+time|and)\b)")
MAX_AGE = 120
# Between two ages of a list: "24, 51 and 70", "aged 19 or 20", "a 19- and 44-year-old".
_LIST_SEP = re.compile(r"-?\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)")
# What ends a list of ages: punctuation, a verb of the people it lists, or the age's unit after the last one.
_LIST_END = re.compile(r"^(?:\s*(?:[.,;:!?)\]\"”–—]|$)|\s+(?:were|are|was|have|had|of|from|all|both|died)\b)")
_DESCENDING = "descending pair"  # a hedge no quantity leaves the extraction with
_RANGE_LEAD = re.compile(r"\b(?:between|from)\s+(?:the\s+)?(?:ages?\s+(?:of\s+)?)?$", re.I)
_AND_PAIR = re.compile(r"(\d{1,3})(\s+(?:and|or)\s+)(\d{1,3})")


def _ages(text: str, found: list[Quantity]) -> list[Quantity]:
    """Bare whole numbers that give a person's age, counted in years old as "a 68-year-old" is; every age of a
    list is one ("ages 24, 51 and 70", "two girls, 9 and 6,", "24, 51 and 70 years old", "a 19- and 44-year-old")."""
    parts = [_pair_parts(text, q) for q in found]
    listed = _listed_ages(text, [p for mine in parts for p in mine])
    out = []
    for q, mine in zip(found, parts):
        if any(id(p) in listed for p in mine):
            out += [replace(p, unit=AGE_UNIT) for p in mine]
        elif q.hedge != _DESCENDING:
            out.append(replace(q, unit=AGE_UNIT) if _lone_age(text, q) else q)
    return out


def _bare(text: str, q: Quantity) -> bool:
    """A plain whole number that may be an age: no hedge, no unit but an age's."""
    return (q.kind == "count" and q.hedge is None and q.value == int(q.value) and 0 < q.value <= MAX_AGE
            and q.unit in (None, AGE_UNIT) and text[q.start:q.end].strip().isdigit())


def _lone_age(text: str, q: Quantity) -> bool:
    """One bare number that a name, a person noun, "aged" or "he was" gives as an age."""
    if not _bare(text, q) or q.unit is not None:
        return False
    before, after = text[:q.start], text[q.end:]
    m = _AGE_BEFORE.search(before)
    named = m is not None and (not m.group(0).rstrip().endswith(",") or bool(_AGE_AFTER_NAME.match(after))
                               or q.value > 1 and bool(_AGE_THEN_SINGULAR.match(after)))
    return named or bool(_AGE_OF_PRONOUN.search(before) and _CLAUSE_END.match(after))


def _pair_parts(text: str, q: Quantity) -> list[Quantity]:
    """The two numbers of "51 and 70" read as one span (no "between" before it), else the quantity itself."""
    m = _AND_PAIR.fullmatch(text[q.start:q.end]) if q.hedge in ("between", _DESCENDING) and q.unit in (
        None, AGE_UNIT) else None
    if m is None or _RANGE_LEAD.search(text[:q.start]):
        return [q]
    a, b = float(m.group(1)), float(m.group(3))
    second = q.start + m.start(3)
    return [Quantity(text=m.group(1), start=q.start, end=q.start + m.end(1), value=a, low=a, high=a, kind="count"),
            Quantity(text=m.group(3), start=second, end=q.end, value=b, low=b, high=b, unit=q.unit, kind="count")]


def _listed_ages(text: str, qs: list[Quantity]) -> set[int]:
    """ids of the numbers of each list of two or more ages: a run of bare numbers joined by commas and "and",
    opened by a person word or "ages" or closed by the age's unit, and ending its clause."""
    out: set[int] = set()
    run: list[Quantity] = []
    for q in qs + [None]:
        if q is not None and _bare(text, q) and run and _LIST_SEP.fullmatch(text[run[-1].end:q.start]) \
                and run[-1].unit is None:
            run.append(q)
            continue
        if len(run) > 1 and _a_list_of_ages(text, run):
            out |= {id(p) for p in run}
        run = [q] if q is not None and _bare(text, q) else []
    return out


def _a_list_of_ages(text: str, run: list[Quantity]) -> bool:
    """The run gives ages: its last number is in years old ("24 and 70 years old"), or a person word or "ages"
    opens it ("two girls, 9 and 6,") and its clause ends after it."""
    if run[-1].unit == AGE_UNIT:
        return True
    if run[-1].unit is not None or not _LIST_END.match(text[run[-1].end:]):
        return False
    return bool(_AGE_BEFORE.search(text[:run[0].start])) and not _NAME_THEN_COMMA_ONLY.search(text[:run[0].start])


# A capitalised word before the list is a name only when a person noun or "ages" is not what opens it; a
# name's list of numbers ("Lee, 3, 5 and 7") is as often scores or counts, so only person words open one.
_NAME_THEN_COMMA_ONLY = re.compile(r"[A-Z][\w.'’-]*,\s*$")


def _join_ranges(text: str, qs: list[Quantity]) -> list[Quantity]:
    """Merge "between $3 billion and $4 billion" into one range."""
    out: list[Quantity] = []
    for q in qs:
        prev = out[-1] if out else None
        if (prev and prev.hedge is None and q.hedge is None and prev.kind == q.kind
                and prev.unit == q.unit and prev.value < q.value
                and re.fullmatch(r"\s*(?:and|to|-|–)\s*", text[prev.end:q.start])):
            lead = re.search(r"\b(?:between|from)\s+$", text[:prev.start], re.I)
            if not lead and "and" in text[prev.end:q.start]:
                out.append(q)
                continue
            start = lead.start() if lead else prev.start
            out[-1] = Quantity(text=text[start:q.end], start=start, end=q.end,
                               value=(prev.value + q.value) / 2, low=prev.value, high=q.value,
                               unit=q.unit, hedge="between", kind=q.kind)
        else:
            out.append(q)
    return out


def _base(q: Quantity) -> tuple[str | None, float, float]:
    """(dimension, low, high) with measures converted to one unit per dimension."""
    if q.unit in _MEASURES:
        dim, factor = _MEASURES[q.unit]
        return dim, q.low * factor, q.high * factor
    return q.unit, q.low, q.high


def units_compatible(a: Quantity, b: Quantity) -> bool:
    """True when the two quantities measure the same thing (or one unit is unknown)."""
    return a.unit is None or b.unit is None or _base(a)[0] == _base(b)[0]


def quantities_agree(a: Quantity, b: Quantity) -> bool:
    """True when the two could describe the same figure."""
    dim_a, lo_a, hi_a = _base(a)
    dim_b, lo_b, hi_b = _base(b)
    if a.unit is not None and b.unit is not None and dim_a != dim_b:
        return False
    if a.unit is None and b.unit is None and a.kind != b.kind:
        return False
    # converted measures may differ by the rounding of the conversion itself
    tol = 0.01 * max(abs(lo_a), abs(lo_b)) if dim_a in {d for d, _ in _MEASURES.values()} else 0.0
    return max(lo_a, lo_b) <= min(hi_a, hi_b) + tol
