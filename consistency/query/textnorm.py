"""Normalise social-media text before retrieval: links, handles, hashtags, emoji, retweet prefixes."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

_RT = re.compile(r"^\s*RT\s+@\w+\s*:\s*", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+", re.IGNORECASE)
_BARE_LINK = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co|ly|gov|io|news)/\S*", re.IGNORECASE)
_TAG = re.compile(r"(?<![\w&])([@#])(\w+)")
# Embedded tweets end with "— Name (@handle) Month D, YYYY". The date and handle are noise, but
# the author is often who the claim is about ("— Jill Stein"), so the name can be kept.
_TRAILER = re.compile(r"\s*[—–]{1,2}\s*([^—–\n(]{0,80}?)\s*\(@\w+\)\s+\w+\s+\d{1,2},\s+\d{4}\s*$")
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_SPACES = re.compile(r"\s+")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+|\s+[—–-]\s+")
_AMP = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'"}


def split_tag(word: str) -> str:
    """Split a hashtag or handle body into words: "DefundTheCBC2020" -> "Defund The CBC 2020"."""
    parts = []
    for chunk in word.split("_"):
        parts.extend(_CAMEL.findall(chunk) or [chunk])
    return " ".join(p for p in parts if p)


def _is_emoji(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat == "So" or cat == "Sk" or ch in "\u200d\ufe0f\ufe0e" or 0x1F1E6 <= ord(ch) <= 0x1F1FF


def strip_emoji(text: str, name: bool = False) -> str:
    """Remove emoji (or replace each by its Unicode name when ``name`` is set)."""
    out = []
    for ch in text:
        if _is_emoji(ch):
            if name and unicodedata.category(ch) == "So":
                out.append(" " + unicodedata.name(ch, "").lower() + " ")
            else:
                out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def normalize_social(text: str, *, keep_author: bool = True, name_emoji: bool = False) -> str:
    """Tweet text made fit for retrieval: no RT prefix, links or emoji; tags split into words."""
    for ent, rep in _AMP.items():
        text = text.replace(ent, rep)
    text = _RT.sub("", text)
    text = _URL.sub(" ", text)
    text = _BARE_LINK.sub(" ", text)
    text = _TRAILER.sub(lambda m: (" " + m.group(1)) if keep_author else "", text)
    text = _TAG.sub(lambda m: " " + split_tag(m.group(2)) + " ", text)
    text = strip_emoji(text, name=name_emoji)
    return _SPACES.sub(" ", text).strip()


def query_sentences(text: str, min_words: int = 3) -> list[str]:
    """The sentences of a normalised query worth matching on their own (the whole text if none is)."""
    parts = [p.strip() for p in _SENTENCE_BREAK.split(text)]
    return [p for p in parts if len(p.split()) >= min_words] or [text]


def trailing_author(text: str) -> str:
    """The display name an embedded tweet signs off with ("— Jane Doe (@jdoe) May 2, 2015"), or ""."""
    m = _TRAILER.search(text)
    return strip_emoji(m.group(1)).strip() if m else ""


_TRAILING_DATE = re.compile(r"\(@\w+\)\s+([A-Z][a-z]+ \d{1,2}, \d{4})\s*$")


def trailing_date(text: str) -> date | None:
    """The date an embedded tweet signs off with ("— Name (@handle) May 26, 2015"), if any."""
    from datetime import datetime

    m = _TRAILING_DATE.search(text)
    if not m:
        return None
    try:
        return datetime.strptime(m.group(1), "%B %d, %Y").date()
    except ValueError:
        return None
