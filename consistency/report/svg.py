"""Inline SVG plots for the report: a per-story timeline and a bar chart of flags by type.

Every string that reaches the SVG passes through ``html.escape``: article text may hold
markup, and the plots are pasted into the HTML as they are.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from typing import Sequence

WIDTH = 920
LABEL_W = 190
RIGHT_PAD = 20
ROW_H = 28
TOP = 16
AXIS_H = 34
LEGEND_H = 22
WINDOW_DAYS = 180  # time references further than this from the story's publication dates are not drawn
MAX_SPAN_DAYS = 120  # vaguer references ("in the 1990s", "last year") would flatten the plot
COLOURS = {"point": "#4c78a8", "conflict": "#d62728", "pub": "#6b6b6b", "grid": "#e3e3e3", "text": "#222"}


@dataclass(frozen=True, slots=True)
class TimePoint:
    """One time expression of one claim: what an outlet says happened when."""

    outlet: str
    start: date
    end: date
    label: str
    conflict: bool = False
    short: str = ""  # the time expression as written, drawn beside marks in conflict


@dataclass(frozen=True, slots=True)
class Publication:
    """When an outlet published one of the story's articles."""

    outlet: str
    day: date
    title: str


def timeline_svg(points: Sequence[TimePoint], pubs: Sequence[Publication], title: str = "") -> tuple[str, int]:
    """An SVG timeline, one row per outlet; returns the markup and how many references were left out."""
    if pubs:
        lo_win = min(p.day for p in pubs) - timedelta(days=WINDOW_DAYS)
        hi_win = max(p.day for p in pubs) + timedelta(days=WINDOW_DAYS)
    else:
        lo_win, hi_win = date.min, date.max
    shown = [p for p in points if (p.end - p.start).days <= MAX_SPAN_DAYS and p.start >= lo_win and p.end <= hi_win]
    omitted = len(points) - len(shown)
    outlets = sorted({p.outlet for p in shown} | {p.outlet for p in pubs})
    if not outlets:
        return "", omitted
    days = [p.start for p in shown] + [p.end for p in shown] + [p.day for p in pubs]
    lo, hi = min(days) - timedelta(days=1), max(days) + timedelta(days=2)
    span = max(1, (hi - lo).days)
    plot_w = WIDTH - LABEL_W - RIGHT_PAD
    height = TOP + ROW_H * len(outlets) + AXIS_H + LEGEND_H

    def x(d: date) -> float:
        return LABEL_W + plot_w * (d - lo).days / span

    row = {o: TOP + ROW_H * i + ROW_H / 2 for i, o in enumerate(outlets)}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" viewBox="0 0 {WIDTH} {height}" '
           f'width="{WIDTH}" height="{height}" aria-label="{escape("Timeline: " + title)}">']
    out.append(f"<title>{escape('What each outlet says happened when: ' + title)}</title>")
    axis_y = TOP + ROW_H * len(outlets)
    for d in _ticks(lo, hi):
        out.append(f'<line x1="{x(d):.1f}" y1="{TOP - 6}" x2="{x(d):.1f}" y2="{axis_y}" stroke="{COLOURS["grid"]}"/>')
        out.append(f'<text x="{x(d):.1f}" y="{axis_y + 16}" font-size="11" text-anchor="middle" '
                   f'fill="{COLOURS["text"]}">{escape(d.strftime("%b %d").replace(" 0", " "))}</text>')
    out.append(f'<text x="{WIDTH - RIGHT_PAD}" y="{axis_y + 30}" font-size="10" text-anchor="end" fill="#666">'
               f'{escape(_years(lo + timedelta(days=1), hi - timedelta(days=1)))}</text>')
    out.append(f'<text class="axis-label" x="{LABEL_W}" y="{axis_y + 30}" font-size="11" fill="#444">'
               f'day the statement refers to →</text>')
    out.append(f'<text class="axis-label" x="{LABEL_W - 8}" y="{TOP - 4}" font-size="11" text-anchor="end" '
               f'fill="#444">outlet</text>')
    for o, y in row.items():
        out.append(f'<text x="{LABEL_W - 8}" y="{y + 4:.1f}" font-size="12" text-anchor="end" '
                   f'fill="{COLOURS["text"]}">{escape(_cut(o, 28))}</text>')
        out.append(f'<line x1="{LABEL_W}" y1="{y:.1f}" x2="{WIDTH - RIGHT_PAD}" y2="{y:.1f}" stroke="#f0f0f0"/>')
    for p in pubs:
        cx, cy = x(p.day) + 0.5 * plot_w / span, row[p.outlet] + 8
        out.append(f'<path class="pub" d="M{cx:.1f} {cy - 4:.1f} L{cx + 4:.1f} {cy:.1f} L{cx:.1f} {cy + 4:.1f} '
                   f'L{cx - 4:.1f} {cy:.1f} Z" fill="none" stroke="{COLOURS["pub"]}">'
                   f"<title>{escape(f'{p.outlet} published {p.day.isoformat()}: {p.title}')}</title></path>")
    for p in sorted(shown, key=lambda p: p.conflict):  # conflicts drawn last, on top
        colour = COLOURS["conflict"] if p.conflict else COLOURS["point"]
        cls = "mark conflict" if p.conflict else "mark"
        tip = f"<title>{escape(p.label)}</title>"
        y = row[p.outlet]
        if p.conflict and p.short:
            out.append(f'<text class="mark-label" x="{x(p.start) + 8:.1f}" y="{y - 8:.1f}" font-size="10" '
                       f'fill="{COLOURS["conflict"]}">{escape(_cut(p.short, 24))}</text>')
        if p.start == p.end:
            cx = x(p.start) + 0.5 * plot_w / span
            r = 6 if p.conflict else 4.5
            stroke = ' stroke="#000" stroke-width="1.2"' if p.conflict else ""
            out.append(f'<circle class="{cls}" cx="{cx:.1f}" cy="{y - 3:.1f}" r="{r}" fill="{colour}" '
                       f'fill-opacity="{0.95 if p.conflict else 0.7}"{stroke}>{tip}</circle>')
        else:
            x0, x1 = x(p.start), x(p.end + timedelta(days=1))
            out.append(f'<rect class="{cls}" x="{x0:.1f}" y="{y - 8:.1f}" width="{max(2.0, x1 - x0):.1f}" height="10" '
                       f'rx="3" fill="{colour}" fill-opacity="{0.8 if p.conflict else 0.35}" stroke="{colour}">'
                       f"{tip}</rect>")
    ly = height - 6
    out.append(f'<circle cx="{LABEL_W + 6}" cy="{ly - 4}" r="4.5" fill="{COLOURS["point"]}" fill-opacity="0.7"/>'
               f'<text x="{LABEL_W + 16}" y="{ly}" font-size="11" fill="#444">date or range an outlet gives</text>')
    out.append(f'<circle cx="{LABEL_W + 206}" cy="{ly - 4}" r="6" fill="{COLOURS["conflict"]}" stroke="#000"/>'
               f'<text x="{LABEL_W + 216}" y="{ly}" font-size="11" fill="#444">in a timeline conflict</text>')
    dx = LABEL_W + 370
    out.append(f'<path d="M{dx} {ly - 8} L{dx + 4} {ly - 4} L{dx} {ly} L{dx - 4} {ly - 4} Z" fill="none" '
               f'stroke="{COLOURS["pub"]}"/><text x="{dx + 10}" y="{ly}" font-size="11" fill="#444">'
               f"article published</text>")
    out.append("</svg>")
    return "".join(out), omitted


def bars_svg(rows: Sequence[tuple[str, int, int]], title: str = "Open flags by type") -> str:
    """A horizontal stacked bar chart: (label, new, carried) per row."""
    if not rows:
        return ""
    top = max(1, max(n + c for _, n, c in rows))
    bar_w = 420
    height = 20 + 24 * len(rows) + 24
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="bars" role="img" viewBox="0 0 640 {height}" '
           f'width="640" height="{height}" aria-label="{escape(title)}"><title>{escape(title)}</title>']
    for i, (label, new, carried) in enumerate(rows):
        y = 14 + 24 * i
        w_new, w_old = bar_w * new / top, bar_w * carried / top
        out.append(f'<text x="170" y="{y + 13}" font-size="12" text-anchor="end" fill="#222">'
                   f"{escape(label.replace('_', ' '))}</text>")
        out.append(f'<rect x="180" y="{y}" width="{w_new:.1f}" height="16" fill="#d62728">'
                   f"<title>{new} new</title></rect>")
        out.append(f'<rect x="{180 + w_new:.1f}" y="{y}" width="{w_old:.1f}" height="16" fill="#9ecae1">'
                   f"<title>{carried} carried over</title></rect>")
        out.append(f'<text x="{186 + w_new + w_old:.1f}" y="{y + 13}" font-size="12" fill="#222">{new + carried}</text>')
    ly = height - 8
    out.append(f'<rect x="180" y="{ly - 10}" width="12" height="10" fill="#d62728"/>'
               f'<text x="197" y="{ly}" font-size="11" fill="#444">new tonight</text>'
               f'<rect x="290" y="{ly - 10}" width="12" height="10" fill="#9ecae1"/>'
               f'<text x="307" y="{ly}" font-size="11" fill="#444">carried over</text></svg>')
    return "".join(out)


def _ticks(lo: date, hi: date) -> list[date]:
    span = (hi - lo).days
    step = next((s for s in (1, 2, 7, 14, 30, 61, 91, 182, 365) if span / s <= 9), max(1, math.ceil(span / 9)))
    first = lo + timedelta(days=1)
    if step == 7:
        first += timedelta(days=(7 - first.weekday()) % 7)  # weeks start on Monday
    elif step >= 30:
        first = date(first.year, first.month, 1) + timedelta(days=32)
        first = first.replace(day=1)
    ticks, d = [], first
    while d < hi:
        ticks.append(d)
        d = _add_months(d, step // 30) if step >= 30 else d + timedelta(days=step)
    return ticks


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    return date(d.year + m // 12, m % 12 + 1, 1)


def _years(lo: date, hi: date) -> str:
    return str(lo.year) if lo.year >= hi.year else f"{lo.year}\u2013{hi.year}"


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
