"""Quotation marks in running text: where quotations start and end."""

from __future__ import annotations

import re


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations, marks included; an unclosed quote ends with its paragraph."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    i = 0
    while i < len(text):
        ch = text[i]
        width = 2 if text.startswith("\'\'", i) else 1
        straight = ch == '"' or width == 2
        if ch == "\n" and start is not None:
            spans.append((start, i))
            start = None
        elif ch == "“" or (straight and start is None):
            start = i
        elif (ch == "”" or straight) and start is not None:
            spans.append((start, i + width))
            start = None
        i += width if straight else 1
    if start is not None:
        spans.append((start, len(text)))
    spans = [s for s in spans if s[1] - s[0] > 2]
    singles = [s for s in _single_quote_spans(text) if not any(a < s[1] and s[0] < b for a, b in spans)]
    return sorted(spans + singles)


_SINGLE = re.compile(r"(?<![\w’'])[‘'](?=[A-Za-z])([^‘’'\n]|[’'](?=\w))*?[.,!?]?[’'](?![\w’'])")


def _single_quote_spans(text: str) -> list[tuple[int, int]]:
    """Quotations in single marks ('...' or ‘...’), told apart from apostrophes."""
    return [(m.start(), m.end()) for m in _SINGLE.finditer(text) if len(m.group(0).split()) >= 3]

