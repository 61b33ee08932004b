"""Who said it and through which channel: attribution and channel conflicts."""

from __future__ import annotations

import re
import weakref

from ..records import Attribution, Claim
from .base import Finding, same_statement, word_overlap

NAMED = ("named", "organisation")
_SAME: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_DET = re.compile(r"^(the|a|an)\s+", re.I)


def _words(source: str) -> set[str]:
    return set(re.findall(r"\w+", _DET.sub("", source.casefold())))


def same_source(x: Attribution, y: Attribution, resolver) -> bool:
    """Two named sources that are one entity (spelling variants, short forms and titles included)."""
    wx, wy = _words(x.source), _words(y.source)
    if wx <= wy or wy <= wx:
        return True
    # spaCy labels the same name PERSON in one sentence and ORG in another: resolve both alike.
    # One check asks about the same two names many times; the answer is kept per resolver.
    memo = _SAME.setdefault(resolver, {})
    key = (x.source, y.source)
    if key not in memo:
        memo[key] = resolver.resolve(x.source, "PERSON") == resolver.resolve(y.source, "PERSON")
    return memo[key]


GENERIC_CHANNELS = re.compile(
    r"^(a |an |the |its |his |her |their )?(statement|press release|release|interview|news conference|"
    r"press conference|briefing|mag|magazine|paper|newspaper|website|site|tv|television|radio|reporters?|"
    r"journalists?|social media|post|email|letter|blog)s?$", re.I)


def _named_channel(channel: str) -> bool:
    """A channel that names an outlet or agency ("TASS", "the Associated Press"), not a mode ("a statement")."""
    return not GENERIC_CHANNELS.match(channel.strip()) and any(w[:1].isupper() for w in channel.split())


def _proper(source: str) -> bool:
    return any(w[:1].isupper() for w in _DET.sub("", source.strip()).split())


def _mentions(text: str, source: str) -> bool:
    """Whether the text names the source (by any of its capitalised words, e.g. the surname)."""
    names = [w for w in re.findall(r"[A-Z][\w'-]+", source) if len(w) > 2]
    return any(re.search(rf"\b{re.escape(w)}\b", text) for w in names)


def _quoted(att: Attribution) -> bool:
    return att.quote in ("direct", "mixed")


def compare_speakers(a: Claim, b: Claim, score: float, resolver) -> Finding | None:
    """The same statement or quote put in the mouths of two different named sources."""
    x, y = a.attribution, b.attribution
    if x is None or y is None:
        return None
    # Quoted words come from one mouth; a reported statement may be corroborated by a second
    # source in its own words, so it conflicts only when the wording is copied.
    if _quoted(x) and _quoted(y):
        if not same_statement(a, b, score, min_score=0.8, min_overlap=0.5):
            return None
    elif not same_statement(a, b, score, min_score=0.85, min_overlap=0.85):
        return None
    if x.source_kind not in NAMED or y.source_kind not in NAMED or not (_proper(x.source) and _proper(y.source)):
        return None
    if x.resolved_from or y.resolved_from:
        return None  # "he said" resolved to a name is a guess; two guesses are no conflict
    if _mentions(b.text, x.source) or _mentions(a.text, y.source):
        return None  # both names stand in both sentences (or it is one speaker): no conflict
    if same_source(x, y, resolver):
        return None
    confidence = min(0.95, 0.5 + word_overlap(a, b) * 0.45)
    return Finding("attribution", a, b, x.source, y.source, x.source_span or (a.start, a.end),
                   y.source_span or (b.start, b.end), confidence=confidence, what="the speaker")


def _channel_key(channel: str) -> str:
    text = re.sub(r"^(the|a|an)\s+", "", channel.strip().casefold())
    return re.sub(r"[^\w]+", " ", text).strip()


def compare_channel(a: Claim, b: Claim, score: float, resolver) -> Finding | None:
    """The same statement said to have come through two different channels."""
    x, y = a.attribution, b.attribution
    if x is None or y is None or not x.channel or not y.channel:
        return None
    if not (_named_channel(x.channel) and _named_channel(y.channel)):
        return None
    if any(t.start <= (x.channel_span or (-1, -1))[0] < t.end for t in a.times) or any(
            t.start <= (y.channel_span or (-1, -1))[0] < t.end for t in b.times):
        return None  # a date read as a channel
    if not same_statement(a, b, score, min_score=0.8, min_overlap=0.6):
        return None
    kx, ky = _channel_key(x.channel), _channel_key(y.channel)
    if kx == ky or kx in ky or ky in kx:
        return None
    if x.source_kind in NAMED and y.source_kind in NAMED and not same_source(x, y, resolver):
        return None  # a different speaker is the finding; the channel follows from it
    confidence = min(0.9, 0.5 + word_overlap(a, b) * 0.4)
    return Finding("channel", a, b, x.channel, y.channel, x.channel_span or (a.start, a.end),
                   y.channel_span or (b.start, b.end), confidence=confidence, what="the channel")
