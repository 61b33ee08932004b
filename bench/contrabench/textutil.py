"""Finding dates, numbers, speakers and names in a sentence, and putting frames around it."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from bench.contrabench.lexicon import CHANNEL_PATTERN, LOWERABLE, MONTHS, WEEKDAYS

_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|" \
    r"December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
_ABBR = {"Jan.": 1, "Feb.": 2, "Mar.": 3, "Apr.": 4, "Aug.": 8, "Sep.": 9, "Sept.": 9, "Oct.": 10,
         "Nov.": 11, "Dec.": 12}
DATE_MD = re.compile(rf"\b{_MONTH} (\d{{1,2}})(?:st|nd|rd|th)?\b(?!:)(?:,? (\d{{4}}))?")
DATE_DM = re.compile(rf"\b(\d{{1,2}}) {_MONTH}(?: (\d{{4}}))?")
WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
MONTH_ONLY = re.compile(rf"\b(?:in|since|until|by|during|early|late|mid-|of|from|to) {_MONTH}(?! \d{{1,2}}\b)")
YEAR_IN = re.compile(r"\b(?:in|since) ((?:19[5-9]|20[0-3])\d)\b")

CUE_WORDS = re.compile(
    r"\b(said|says|say|told|tells|stated|states|added|adds|noted|notes|explained|announced|"
    r"confirmed|according to|reported|reports|insisted|claimed|claims|wrote|tweeted)\b"
)
CHANNEL = re.compile(
    rf"\b(told|tells|said in an interview with|in an interview with|speaking to|said to) "
    rf"({CHANNEL_PATTERN})(?![\w-])"
)
HEDGE_BEFORE = re.compile(
    r"\b(about|around|some|nearly|almost|roughly|approximately|at least|more than|over|up to|"
    r"fewer than|less than|under|as many as|an estimated|close to|upwards of|at most|just over|"
    r"just under)\s+\$?$",
    re.IGNORECASE,
)
_NUM = re.compile(r"(?<![\w.,/:#-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
                  r"(?![\w/:]|[.,] ?\d|-\d| ?[ap]\.?m\b)")
NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100,
}
_WORDNUM = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b(?![- ](?:year|hundred|thousand))",
                      re.IGNORECASE)
_TIME_UNITS = {"years", "year", "days", "day", "months", "month", "hours", "hour", "minutes",
               "minute", "weeks", "week", "seconds", "times", "percent", "per", "o'clock"}


@dataclass(frozen=True, slots=True)
class Span:
    """A found piece of a sentence: where it is, its text and what it means."""

    start: int
    end: int
    text: str
    value: float = 0.0
    hedge: str | None = None
    word: bool = False
    bare: bool = True  # a plain count a hedge can go before (not "33-year-old", ", 33,", "a 24%")


def month_number(name: str) -> int:
    """The month number of a full or abbreviated month name."""
    return _ABBR.get(name) or MONTHS.index(name) + 1


def date_spans(s: str) -> list[tuple[str, re.Match[str]]]:
    """Every date-like expression in a sentence, tagged by shape."""
    out: list[tuple[str, re.Match[str]]] = []
    for kind, rx in (("md", DATE_MD), ("dm", DATE_DM), ("weekday", WEEKDAY),
                     ("month", MONTH_ONLY), ("year", YEAR_IN)):
        for m in rx.finditer(s):
            if not any(m.start() < o.end() and o.start() < m.end() for _, o in out):
                out.append((kind, m))
    return out


def number_spans(s: str) -> list[Span]:
    """Counts and amounts in a sentence; years, dates, times, ranges and names are left out."""
    dates = [m for _, m in date_spans(s)]
    out: list[Span] = []
    for m in _NUM.finditer(s):
        text = m.group(1)
        value = float(text.replace(",", ""))
        if any(d.start() <= m.start() < d.end() for d in dates):
            continue
        if re.fullmatch(r"(1[89]|20)\d\d", text):
            continue  # a year
        before = s[: m.start()]
        prev = re.search(r"(\S+)\s*$", before)
        if prev and prev.group(1)[:1].isupper() and prev.start() > 0 and \
                not re.search(r"[.!?\"]\s*$", before[: prev.start()]) and prev.group(1) != "$":
            continue  # "Flight 447", "Apollo 11": part of a name
        if re.match(r"\s*(?:st|nd|rd|th)\b", s[m.end():]):
            continue
        if re.search(r"\d[.,] $", before):
            continue  # the tail of a number split by a space ("40. 3", "30, 000")
        hedge = HEDGE_BEFORE.search(before)
        after = s[m.end():]
        bare = not (after.startswith("-") or (before.endswith(", ") and after.startswith(","))
                    or re.search(r"\b(?:a|an|the|last|first|past|next|every)\s+\$?$", before,
                              re.IGNORECASE))
        out.append(Span(m.start(), m.end(), text, value,
                        hedge.group(1).lower() if hedge else None, bare=bare))
    for m in _WORDNUM.finditer(s):
        before = s[: m.start()]
        hedge = HEDGE_BEFORE.search(before)
        bare = not s[m.end():].startswith("-")
        out.append(Span(m.start(), m.end(), m.group(1), float(NUMBER_WORDS[m.group(1).lower()]),
                        hedge.group(1).lower() if hedge else None, word=True, bare=bare))
    return sorted(out, key=lambda sp: sp.start)


def noun_after(s: str, sp: Span) -> str | None:
    """The plural noun a count counts ("12 people" -> "people"), if it is one."""
    m = re.match(r"\s+(?:[a-z]+-)?([a-z]+)\b", s[sp.end:])
    if not m:
        return None
    noun = m.group(1)
    if noun in _TIME_UNITS or not (noun.endswith("s") or noun in {"people", "children", "men",
                                                                   "women", "police"}):
        return None
    return noun


def format_number(value: float, like: str) -> str:
    """A number written the way ``like`` is written (commas, decimals, word form)."""
    if like.lower() in NUMBER_WORDS:
        words = {v: k for k, v in NUMBER_WORDS.items()}
        if value in words:
            w = words[int(value)]
            return w.capitalize() if like[0].isupper() else w
        return str(int(value))
    if "." in like:
        decimals = len(like.split(".")[1])
        return f"{value:,.{decimals}f}" if "," in like else f"{value:.{decimals}f}"
    return f"{int(round(value)):,}" if "," in like else str(int(round(value)))


def far_number(value: float, rng: random.Random, words: bool = False) -> float:
    """A value that no hedge or rounding reconciles with ``value`` (at least 25% away)."""
    if words:
        pool = [v for v in (2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 20, 30) if abs(v - value) / value >= 0.25]
        return float(rng.choice(pool))
    ops = ["double", "half", "plus_half", "triple", "swap", "small"]
    for _ in range(20):
        op = rng.choice(ops)
        if op == "double":
            new = value * 2
        elif op == "triple":
            new = value * 3
        elif op == "half" and value >= 4:
            new = round(value / 2)
        elif op == "plus_half" and value >= 4:
            new = round(value * 1.5)
        elif op == "swap" and value >= 12 and value == int(value):
            digits = str(int(value))
            new = float(digits[::-1]) if digits[::-1][0] != "0" else value
        elif op == "small" and value < 12:
            new = float(rng.choice([v for v in range(1, 25) if abs(v - value) / max(value, 1) >= 0.4]))
        else:
            continue
        if new > 0 and abs(new - value) / value >= 0.25:
            return float(new)
    return value * 2


def strip_end(s: str) -> str:
    """The sentence without its final full stop."""
    return re.sub(r"[.!]\s*$", "", s.strip())


def lower_first(s: str, keep: frozenset[str] = frozenset()) -> str | None:
    """The sentence as it reads after a frame; None when its first word cannot follow one.

    A first word in ``keep`` (a name) keeps its capital; an unknown capitalised word is not
    guessed at.
    """
    first = s.split(" ", 1)[0]
    if first.lower() in LOWERABLE:
        return first.lower() + s[len(first):]
    if re.sub(r"(?:'s|’s)$", "", first) in keep:
        return s
    return None


def frame(template: str, s: str, keep: frozenset[str] = frozenset(), **slots: str) -> str | None:
    """Put a sentence into a frame; None if the frame needs a lower-cased start it cannot have."""
    body = strip_end(s)
    lc = lower_first(body, keep) if "{s_lc}" in template else body
    if lc is None:
        return None
    out = template.format(s=body, s_lc=lc, **slots)
    return out[0].upper() + out[1:]


def plain_sentence(s: str) -> bool:
    """A declarative sentence with no quotation and no attribution, so a frame can be added."""
    return s.rstrip().endswith(".") and '"' not in s and "“" not in s and not CUE_WORDS.search(s) \
        and "?" not in s and ";" not in s


def usable(s: str) -> bool:
    """A sentence long enough and clean enough to copy into another article."""
    words = s.split()
    return 6 <= len(words) <= 55 and s.rstrip()[-1:] in '.!"”' and "?" not in s and "\n" not in s


def replace_word(text: str, old: str, new: str) -> str:
    """Replace every whole-word occurrence of ``old``."""
    return re.sub(rf"(?<![\w-]){re.escape(old)}(?![\w-])", new, text)


def name_in(s: str, names: tuple[str, ...]) -> tuple[str, int] | None:
    """The first of ``names`` (full name or surname) that occurs in the sentence, and where."""
    best: tuple[str, int] | None = None
    for full in names:
        for form in (full, full.split()[-1]):
            m = re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", s)
            if m and (best is None or m.start() < best[1]):
                best = (form, m.start())
            if m:
                break
    return best


def speaker_swap_spot(s: str, names: tuple[str, ...]) -> str | None:
    """The named speaker of an attributed sentence ("Ketsoyan said" / "according to X")."""
    for full in names:
        for form in (full, full.split()[-1]):
            f = re.escape(form)
            if re.search(rf"(?<![\w-]){f}(?:,[^,\"]{{1,60}},)? (said|says|told|stated|added|noted|"
                         rf"explained|confirmed|announced)\b", s) or \
                    re.search(rf"\b(said|says|according to) (?:\w+ ){{0,3}}{f}\b", s):
                return form
    return None
