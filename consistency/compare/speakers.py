"""Who said it and through which channel: attribution and channel conflicts."""

from __future__ import annotations

import re

from ..records import Attribution, Claim
from .base import Finding

MIN_SCORE = 0.82
NAMED = ("named", "organisation")


def _label(att: Attribution) -> str:
    return "PERSON" if att.source_kind == "named" else "ORG"


def same_source(x: Attribution, y: Attribution, resolver) -> bool:
    """Two named sources that are one entity (spelling variants and short forms included)."""
    if x.source.casefold() == y.source.casefold():
        return True
    return resolver.resolve(x.source, _label(x)) == resolver.resolve(y.source, _label(y))


def compare_speakers(a: Claim, b: Claim, score: float, resolver) -> Finding | None:
    """The same statement or quote put in the mouths of two different named sources."""
    x, y = a.attribution, b.attribution
    if score < MIN_SCORE or x is None or y is None:
        return None
    if x.source_kind not in NAMED or y.source_kind not in NAMED or x.source_kind != y.source_kind:
        return None
    if same_source(x, y, resolver):
        return None
    confidence = min(0.95, 0.6 + (score - MIN_SCORE) * 2.5)
    return Finding("attribution", a, b, x.source, y.source, x.source_span or (a.start, a.end),
                   y.source_span or (b.start, b.end), confidence=confidence, what="the speaker")


def _channel_key(channel: str) -> str:
    text = re.sub(r"^(the|a|an)\s+", "", channel.strip().casefold())
    return re.sub(r"[^\w]+", " ", text).strip()


def compare_channel(a: Claim, b: Claim, score: float, resolver) -> Finding | None:
    """The same statement said to have come through two different channels."""
    x, y = a.attribution, b.attribution
    if score < MIN_SCORE or x is None or y is None or not x.channel or not y.channel:
        return None
    kx, ky = _channel_key(x.channel), _channel_key(y.channel)
    if kx == ky or kx in ky or ky in kx:
        return None
    if x.source_kind in NAMED and y.source_kind in NAMED and not same_source(x, y, resolver):
        return None  # a different speaker is the finding; the channel follows from it
    confidence = min(0.9, 0.6 + (score - MIN_SCORE) * 2)
    return Finding("channel", a, b, x.channel, y.channel, x.channel_span or (a.start, a.end),
                   y.channel_span or (b.start, b.end), confidence=confidence, what="the channel")
