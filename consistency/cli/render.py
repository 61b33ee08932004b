"""Render results for the terminal (tables) or for scripts (JSON)."""

from __future__ import annotations

import json
import textwrap
from typing import Sequence

from ..records import Flag
from ..store.encoding import flag_to_dict


def table(rows: Sequence[dict], columns: Sequence[str] | None = None, width: int = 60) -> str:
    """A plain-text table; long cells are cut to ``width`` characters."""
    if not rows:
        return "(nothing)"
    columns = list(columns or rows[0].keys())
    cells = [[_cell(r.get(c, ""), width) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    line = lambda vals: "  ".join(v.ljust(w) for v, w in zip(vals, widths)).rstrip()  # noqa: E731
    return "\n".join([line(columns), line(["-" * w for w in widths]), *(line(r) for r in cells)])


def _cell(value: object, width: int) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def ingest(result, fmt: str) -> str:
    d = result.to_dict()
    if fmt == "json":
        return json.dumps(d)
    return (f"{d['articles_new']} new articles, {d['articles_duplicate']} duplicates, {d['claims_new']} claims, "
            f"{d['embedded']} embedded, {len(d['rejected'])} rejected ({d['seconds']:.1f}s)")


def flags(items: Sequence[Flag], fmt: str, reviews: dict | None = None) -> str:
    reviews = reviews or {}
    if fmt == "json":
        out = []
        for f in items:
            d = flag_to_dict(f)
            if f.id in reviews:
                d["review"] = reviews[f.id]
            out.append(json.dumps(d, ensure_ascii=False))
        return "\n".join(out)
    if not items:
        return "No flags."
    blocks = []
    for f in items:
        verdict = f" [{reviews[f.id]['verdict']}]" if f.id in reviews else ""
        head = f"{f.id}  {f.type}  confidence {f.confidence:.2f}{verdict}"
        body = textwrap.fill(f.explanation, width=100, initial_indent="  ", subsequent_indent="  ")
        blocks.append(head + "\n" + body)
    counts: dict[str, int] = {}
    for f in items:
        counts[f.type] = counts.get(f.type, 0) + 1
    summary = ", ".join(f"{n} {t}" for t, n in sorted(counts.items()))
    return "\n\n".join(blocks) + f"\n\n{len(items)} flags: {summary}"


def query(result, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False)
    out = []
    for i, fact in enumerate(result.facts, 1):
        out.append(f"fact {i}: {_cell(fact['text'], 110)}")
        rows = [{"outlet": st["outlet"], "published": st["published"][:10], "stance": st["stance"],
                 "speaker": st["speaker"], "date": st["date"], "number": st["number"],
                 "differs": ",".join(st["differs"]) + (" (caption)" if st["caption"] else "")}
                for st in fact["statements"]]
        out.append(table(rows, width=30))
        for d in fact["disagreements"]:
            vals = "; ".join(f"{o}: {v}" for o, v in d["values"].items())
            out.append(f"  {d['type']}: {vals}")
        out.append("")
    if out:
        out.append("matching sentences:")
    rows = [{"score": f"{m.score:.3f}", "outlet": m.outlet, "published": m.published[:10], "claim": m.text,
             "flags": ",".join(m.flags)} for m in result.matches]
    out.append(table(rows, width=90))
    for c in result.clusters:
        out.append(f"\nclaim cluster {c['id']}: {len(c['outlets'])} outlets, {c['independent_origins']} independent "
                   f"origin(s), earliest {c['earliest']['outlet']} {c['earliest']['published'][:10]}")
    if result.grid:
        out.append("\n" + table(result.grid, ["outlet", "published", "speaker", "channel", "date", "number", "place"],
                                width=30))
    for f in result.flags:
        out.append("\n" + textwrap.fill(f"[{f.type}] {f.explanation}", width=100))
    return "\n".join(out)
