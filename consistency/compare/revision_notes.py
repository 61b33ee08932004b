"""A revision said in the sentence after the figure: "The ferry carried 52 passengers." followed by
"That was revised from an earlier count of 40." or "That is up from 40."

A number finding sets the old figure against the new one; when the later report's very next sentence
says its figure replaced one and names the old figure, the later report is an update, not a
contradiction. The note must name the figure the earlier report gives: a cue alone ("revised") in the
next sentence may be about anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..records import Claim, Quantity
from .finding import Finding
from .numbers import agree

# A cue that names the figure replaced, which follows it within a few words.
FROM_CUE = re.compile(
    r"\b(?:(?:revised|corrected|updated|changed|raised|lowered|increased|reduced|up|down)\s+from|"
    r"(?:earlier|previous|initial|original|first)\s+(?:figure|count|tally|estimate|report|toll|number)s?\s+of)\b",
    re.IGNORECASE)
MAX_CUE_GAP = 30  # characters between the cue and the old figure ("from an earlier figure of 80")
MAX_SENTENCE_GAP = 3  # characters between the figure's sentence and the note: the very next sentence


def next_claims(story: Iterable[Claim]) -> dict[str, Claim]:
    """Each claim's id -> the claim right after it in its article, when nothing stands between."""
    by_article: dict[str, list[Claim]] = {}
    for c in story:
        by_article.setdefault(c.article_id, []).append(c)
    out = {}
    for claims in by_article.values():
        claims.sort(key=lambda c: c.start)
        for c, d in zip(claims, claims[1:]):
            if 0 <= d.start - c.end <= MAX_SENTENCE_GAP:
                out[c.id] = d
    return out


def names_old_figure(note: Claim, old: Quantity) -> bool:
    """The note says its report's figure replaced ``old``: a "revised from"-like cue, then ``old``."""
    for m in FROM_CUE.finditer(note.text):
        cue_end = note.start + m.end()
        if any(0 <= q.start - cue_end <= MAX_CUE_GAP and agree(q, old) for q in note.quantities):
            return True
    return False


def updates_noted_after(findings: Sequence[tuple[Finding, float]], story: Iterable[Claim]
                        ) -> list[tuple[Finding, float]]:
    """The findings, with a number conflict made an ``update`` when the later report's next sentence
    names the earlier report's figure as the one it replaced."""
    following = None
    out = []
    for f, score in findings:
        if f.type == "number" and f.a.published != f.b.published:
            if following is None:
                following = next_claims(story)
            old, new = (f.a, f.b) if f.a.published < f.b.published else (f.b, f.a)
            old_span = f.span_a if old is f.a else f.span_b
            q = next((q for q in old.quantities if (q.start, q.end) == old_span), None)
            note = following.get(new.id)
            if q is not None and note is not None and names_old_figure(note, q):
                if old is f.a:
                    f = replace(f, type="update")
                else:
                    f = replace(f, type="update", a=f.b, b=f.a, value_a=f.value_b, value_b=f.value_a,
                                span_a=f.span_b, span_b=f.span_a)
        out.append((f, score))
    return out
