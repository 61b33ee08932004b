"""Text features for story clustering: hashed content words, names and dates, article vectors.

Content words are every non-stop word, lowercased. Names are a cheap stand-in for named
entities: words written with a capital letter inside a sentence ("the Waitrose store in
Wellington"), counted wherever they occur capitalised in the article. Headline-case lines,
where every word is capitalised, say nothing about which words are names and are skipped
when the names are found. Both kinds of term are hashed into one space, so one document
frequency table serves them (a name is hashed with a prefix and never collides with the word).
Dates are the calendar days, months and years the lead of an article names with a written year
("July 7, 2012", "in March 2009"): they tell two events of one kind apart where the publication
date is missing or wrong, and a date normalised from "on Tuesday" would only repeat it.
People are the full names written with an age ("Dana Reyes, 31," or "31-year-old Dana Reyes"): the
victims and suspects of an event, whom a follow-up weeks later names again; officials and reporters,
who recur across the events of one town, are rarely given an age.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from typing import Any, Sequence

import numpy as np

from ..records import Article

LEX_DIM = 1 << 18
_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|\d[\d,.]*\d|\d", re.UNICODE)
_SENT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’')\]]))\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+")
_CAP_WORD = re.compile(r"[^\W\d_][\w'’.-]*[^\W_]", re.UNICODE)
_NAME_PREFIX = "\x00name:"
_DATE_PREFIX = "\x00date:"
_WRITTEN_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_PERSON_PREFIX = "\x00person:"
_FULL_NAME = r"([A-Z][a-z'’]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+)+)"
_AGE_WORD = (r"(?:\d{1,2}|(?:[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|[Ss]ixty|[Ss]eventy|[Ee]ighty)(?:-[a-z]+)?"
             r"|[Tt]hirteen|[Ff]ourteen|[Ff]ifteen|[Ss]ixteen|[Ss]eventeen|[Ee]ighteen|[Nn]ineteen)")
# "Dana Reyes, 31," and "31-year-old Dana Reyes" / "a 31-year-old man named Dana Reyes"
_AGED_NAMES = (re.compile(_FULL_NAME + r",\s+\d{1,2},"),
               # not "a 31-year-old Elm Grove man": a place said of the person
               re.compile(_AGE_WORD + r"-year-old\s+(?:[a-z]+\s+){0,2}" + _FULL_NAME
                          + r"(?![\w'’-]|\s+(?:man|woman|men|women|boy|girl|teen\w*|resident|native|youth|male"
                          + r"|female)\b)"))
_ANY_NAME = re.compile(_FULL_NAME)

_EXTRA_STOP = {
    "said", "says", "say", "told", "according", "reported", "reports", "news", "year",
    "years", "new", "just", "like", "also", "would", "could", "one", "two", "people",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "week", "day", "today", "yesterday", "time", "percent", "mr", "mrs", "ms",
}
# Capitalised inside a sentence without naming anything in particular.
_NOT_NAMES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "the", "a", "an", "i", "it", "he", "she", "we", "they", "you",
    "his", "her", "their", "our", "this", "that", "these", "those", "but", "and", "or", "in",
    "on", "at", "of", "for", "to", "by", "with", "from", "as", "if", "when", "after", "before",
    "inc", "ltd", "co", "corp", "jr", "sr", "dr", "mr", "mrs", "ms", "st", "gov", "sen", "rep",
    "am", "pm", "gmt", "est", "edt", "pst", "pdt", "bst", "utc", "ap", "reuters", "afp",
    "associated", "press", "updated", "posted", "published", "read", "more", "photo",
    "video", "click", "here", "related", "share", "comments", "email", "print",
}
_STOP: frozenset[str] | None = None


def _stop_words() -> frozenset[str]:
    global _STOP
    if _STOP is None:
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        _STOP = frozenset(ENGLISH_STOP_WORDS) | _EXTRA_STOP
    return _STOP


def split_sentences(text: str) -> list[str]:
    """Split article text into sentences on line breaks and sentence-final punctuation."""
    return [s.strip() for s in _SENT.split(text) if s and s.strip()]


def _hash(term: str) -> int:
    return int.from_bytes(hashlib.blake2b(term.encode(), digest_size=8).digest(), "little") \
        % LEX_DIM


def _norm_word(tok: str) -> str:
    tok = tok.replace("’", "'")
    return tok[:-2] if tok.endswith("'s") else tok


def lexical_terms(text: str) -> Counter[int]:
    """Hashed counts of the content words of ``text`` (lowercased, stop words dropped)."""
    stop = _stop_words()
    counts: Counter[int] = Counter()
    for tok in _WORD.findall(text.casefold()):
        tok = _norm_word(tok)
        if len(tok) < 3 or tok in stop:
            continue
        counts[_hash(tok)] += 1
    return counts


def name_terms(text: str) -> Counter[int]:
    """Hashed counts of the names in ``text``: words capitalised inside a sentence."""
    stop = _stop_words()
    names: set[str] = set()
    sentences = [_CAP_WORD.findall(s) for s in split_sentences(text)]
    for words in sentences:
        caps = sum(1 for w in words if w[0].isupper())
        if len(words) >= 4 and caps >= 0.6 * len(words):
            continue  # a headline-case line
        for w in words[1:]:
            key = _norm_word(w).rstrip(".").casefold()
            if w[0].isupper() and len(key) >= 2 and key not in _NOT_NAMES and key not in stop:
                names.add(key)
    counts: Counter[int] = Counter()
    if not names:
        return counts
    for words in sentences:
        for w in words:
            key = _norm_word(w).rstrip(".").casefold()
            if w[0].isupper() and key in names:
                counts[_hash(_NAME_PREFIX + key)] += 1
    return counts


def person_terms(text: str) -> tuple[Counter[int], Counter[int]]:
    """Hashed counts of the people ``text`` names with an age and of all the full names it writes
    (two capitalised words or more), each keyed by given name and surname; a longer name also by its
    adjacent words ("Dana Lee Reyes" is "dana reyes", "dana lee" and "lee reyes")."""
    aged: Counter[int] = Counter()
    named: Counter[int] = Counter()
    for sentence in split_sentences(text):
        for pattern in _AGED_NAMES:
            for m in pattern.finditer(sentence):
                aged.update(_person_keys(m.group(1))[:1])
        for m in _ANY_NAME.finditer(sentence):
            named.update(_person_keys(m.group(1)))
    return aged, named


def _person_keys(name: str) -> list[int]:
    """Hashed keys of a full name: given name and surname first, then its pairs of adjacent words."""
    words = [_norm_word(w.casefold()) for w in name.split() if len(w.rstrip(".")) > 1]
    if len(words) < 2 or {words[0], words[-1]} & _NOT_NAMES:
        return []
    pairs = [(words[0], words[-1])] + [(x, y) for x, y in zip(words, words[1:]) if (x, y) != (words[0], words[-1])]
    return [_hash(f"{_PERSON_PREFIX}{x} {y}") for x, y in pairs]


def date_terms(article: Article, lead_sentences: int = 4) -> Counter[int]:
    """Hashed counts of the days, months and years named with a written year in the lead."""
    from ..extract.time import find_times

    text = "\n".join([article.title, *split_sentences(article.text)[:lead_sentences]])
    counts: Counter[int] = Counter()
    for t in find_times(text, article.published):
        if t.type not in ("DATE", "TIME") or not t.earliest or not _WRITTEN_YEAR.search(t.text):
            continue
        if t.granularity not in ("time", "day", "week", "month", "year"):
            continue
        day = t.earliest
        keys = [day[:4]]
        if t.granularity != "year":
            keys.append(day[:7])
        if t.granularity in ("time", "day"):
            keys.append(day)
        for key in keys:
            counts[_hash(_DATE_PREFIX + key)] += 1
    return counts


_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.IGNORECASE)
_MONTH_WORD = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?=\W|$)")


def referred_days(article: Article) -> list[tuple[str, str]]:
    """The spans of days (first, last, ISO dates) the article names by a calendar date ("Aug. 14",
    "June 2, 2013", "May of 2014") or a weekday ("Friday", read as the time extractor reads it)
    that lie before the day it was published: the day of the event a follow-up (an arrest, a court
    date) refers back to. Relative phrases ("two years ago") and years alone are too loose."""
    from ..extract.time import find_times

    published = article.published.date().isoformat()
    out: list[tuple[str, str]] = []
    for t in find_times(f"{article.title}\n{article.text}", article.published):
        if t.type not in ("DATE", "TIME") or not t.earliest or not t.latest:
            continue
        if t.granularity not in ("time", "day", "month") or not _calendar_date(t.text):
            continue
        span = (t.earliest[:10], t.latest[:10])
        if span[1] < published and span not in out:
            out.append(span)
    return out


def _calendar_date(text: str) -> bool:
    """A written month with a day or year, or a weekday; not a relative phrase or a year alone."""
    return (bool(_MONTH_WORD.search(text)) and any(c.isdigit() for c in text)) or bool(_WEEKDAY.search(text))


def article_vectors(
    articles: Sequence[Article], embedder: Any, lead_sentences: int = 4
) -> np.ndarray:
    """One L2-normalised vector per article: the title plus its lead, embedded as one text."""
    texts = []
    for a in articles:
        sents = split_sentences(a.text)
        if sents and a.title and sents[0].strip() == a.title.strip():
            sents = sents[1:]
        texts.append(" ".join([a.title, *sents[:lead_sentences]]).strip() or a.text[:1000])
    vecs = np.asarray(embedder.embed(texts), dtype=np.float32)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vecs / norms
