"""A claim extractor for tests that needs no spaCy model: one claim per sentence, the frame
"NAME said (that) ..." read by a pattern, times and figures by the real (pattern-based) taggers."""

from __future__ import annotations

import re
import sys
import types
from dataclasses import replace
from typing import Sequence

from consistency.extract.quantities import find_quantities
from consistency.extract.time.extract import find_times
from consistency.records import Article, Attribution, Claim

_SENTENCE = re.compile(r"[^.!?]+[.!?]")
_FRAME = re.compile(r"^(?P<source>[A-Z]\w+(?: [A-Z]\w+)*) (?P<cue>said|told (?P<channel>[A-Z]\w+(?: [A-Z]\w+)*))"
                    r"(?: that)? ")
MIN_WORDS = 5


def fake_claims(article: Article) -> list[Claim]:
    """The claims of one article, as the real extractor would shape them."""
    out: list[Claim] = []
    for n, m in enumerate(_SENTENCE.finditer(article.text)):
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        text = m.group().strip()
        if len(text.split()) < MIN_WORDS:
            continue
        frame = _FRAME.match(text)
        content = text[frame.end():] if frame else text
        if frame:
            att = Attribution(source=frame["source"], source_kind="named", cue=frame["cue"].split()[0], content=content,
                              quote="indirect", channel=frame["channel"],
                              source_span=(start, start + len(frame["source"])))
        else:
            att = Attribution(source=article.outlet, source_kind="outlet")
        times = tuple(replace(t, start=t.start + start, end=t.end + start)
                      for t in find_times(text, article.published.date()))
        quantities = tuple(replace(q, start=q.start + start, end=q.end + start) for q in find_quantities(text)
                           if not any(t.start <= q.start + start < t.end for t in times))
        out.append(Claim(id=f"{article.id}#{n}", article_id=article.id, outlet=article.outlet,
                         published=article.published, text=text, start=start, end=start + len(text),
                         content=content, attribution=att, times=times, quantities=quantities))
    return out


def extract_claims(articles: Sequence[Article], resolver: object = None, *, batch_size: int = 16,
                   on_error: object = None) -> list[Claim]:
    """Same signature as ``consistency.extract.claims.extract_claims``."""
    return [c for a in articles for c in fake_claims(a)]


def module() -> types.ModuleType:
    """A stand-in for ``consistency.extract.claims``, so that importing it loads no spaCy."""
    fake = types.ModuleType("consistency.extract.claims")
    fake.extract_claims = extract_claims  # type: ignore[attr-defined]
    return fake


def install(monkeypatch) -> None:
    """Make the pipeline extract with ``extract_claims`` for the rest of a test."""
    monkeypatch.setitem(sys.modules, "consistency.extract.claims", module())
