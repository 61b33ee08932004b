"""Edits a detector must not flag (rounding, hedges, coarser dates, another neutral cue verb),
and the unsourced claim that several outlets repeat."""

from __future__ import annotations

import math
import random
import re

from bench.contrabench.inject import Injection, StoryContext, _speakers, simple_past
from bench.contrabench.lexicon import (
    ANON_FRAMES,
    ANONYMOUS_SOURCES,
    MONTHS,
    NEUTRAL_CUES,
    REPETITION_SWAPS,
    REPETITION_TEMPLATES,
    SPEAKER_FRAMES,
)
from bench.contrabench.textutil import (
    date_spans,
    format_number,
    frame,
    number_spans,
    plain_sentence,
)


def _part_of_month(day: int) -> str:
    return "early" if day <= 10 else "mid-" if day <= 20 else "late"


def _hedged(s: str, start: int, end: int, new: str) -> str:
    if s[:start].endswith("$"):  # the hedge goes before the currency sign: "about $40"
        hedge, _, num = new.rpartition(" ")
        return s[: start - 1] + f"{hedge} ${num}" + s[end:]
    return s[:start] + new + s[end:]


def inject_rounding(s: str, rng: random.Random, ctx: StoryContext) -> Injection | None:
    """Round an exact figure and hedge it ("41" -> "about 40")."""
    spans = [sp for sp in number_spans(s) if sp.hedge is None and sp.value >= 12 and not sp.word
             and "." not in sp.text and sp.bare]
    for sp in rng.sample(spans, len(spans)):
        step = 10 ** max(1, len(str(int(sp.value))) - 2) if sp.value >= 100 else 10 if sp.value >= 30 else 5
        r = round(sp.value / step) * step
        if r == sp.value or abs(r - sp.value) / sp.value > 0.05:
            continue
        hedges = ["about", "around", "some", "roughly", "approximately"]
        if r > sp.value:
            hedges += ["nearly", "almost"]
        new = f"{rng.choice(hedges)} {format_number(r, sp.text)}"
        b = _hedged(s, sp.start, sp.end, new)
        return Injection("number", s, b, {"a": sp.text, "b": new, "edit": "rounding"}, "no_flag")
    return None


def inject_hedge(s: str, rng: random.Random, ctx: StoryContext) -> Injection | None:
    """Replace an exact figure by a hedged bound it satisfies ("45" -> "at least 40")."""
    spans = [sp for sp in number_spans(s) if sp.hedge is None and sp.value >= 5 and not sp.word
             and "." not in sp.text and sp.bare]
    if not spans:
        return None
    sp = rng.choice(spans)
    v = sp.value
    step = 10 ** (len(str(int(v))) - 2) if v >= 100 else 10 if v >= 20 else 1
    if rng.random() < 0.6:
        bound = math.floor((v - 1) / step) * step if step > 1 else v - rng.randint(1, 2)
        hedge = rng.choice(["at least", "more than", "over", "upwards of"])
    else:
        bound = math.ceil((v + 1) / step) * step if step > 1 else v + rng.randint(1, 2)
        close = (bound - v) / bound <= 0.05
        hedge = rng.choice(["up to", "fewer than", "no more than"] + ["nearly", "almost"] * close)
    if bound <= 0:
        return None
    new = f"{hedge} {format_number(bound, sp.text)}"
    b = _hedged(s, sp.start, sp.end, new)
    return Injection("number", s, b, {"a": sp.text, "b": new, "edit": "hedge"}, "no_flag")


def inject_granularity(s: str, rng: random.Random, ctx: StoryContext) -> Injection | None:
    """Give the same date at a coarser grain ("on March 3" -> "in March", "early March")."""
    for kind, m in date_spans(s):
        if kind not in ("md", "dm"):
            continue
        month = m.group(1) if kind == "md" else m.group(2)
        day = int(m.group(2) if kind == "md" else m.group(1))
        year = m.group(3)
        month_full = MONTHS[_month_index(month)]
        part = _part_of_month(day)
        coarse = rng.choice([month_full, f"{part} {month_full}".replace("- ", "-")])
        if year:
            coarse += f" {year}"
        start = m.start()
        if s[:start].endswith("on "):
            start -= 3
            coarse = "in " + coarse
        b = s[:start] + coarse + s[m.end():]
        return Injection("timeline", s, b, {"a": m.group(0), "b": coarse, "edit": "granularity"},
                         "no_flag")
    if date_spans(s) or not plain_sentence(s) or not simple_past(s, ctx):
        return None
    d = ctx.event_date
    exact = f"{MONTHS[d.month - 1]} {d.day}"
    coarse = rng.choice([f"in {MONTHS[d.month - 1]}",
                         f"in {_part_of_month(d.day)} {MONTHS[d.month - 1]}".replace("- ", "-")])
    a = frame("{s} on " + exact + ".", s, ctx.keep)
    b = frame("{s} " + coarse + ".", s, ctx.keep)
    if a is None or b is None:
        return None
    return Injection("timeline", a, b, {"a": exact, "b": coarse, "edit": "granularity"}, "no_flag")


def _month_index(name: str) -> int:
    from bench.contrabench.textutil import month_number
    return month_number(name) - 1


def inject_cue(s: str, rng: random.Random, ctx: StoryContext) -> Injection | None:
    """Same statement, same speaker, another neutral reporting verb."""
    cues = "|".join(NEUTRAL_CUES)
    m = re.search(rf"(?<=[\w,] )({cues})(?= (?:that |on |in |\w+))|(?<=[\w,] )({cues})(?=[.,]|$)", s)
    if m and not re.search(r"\b(?:has|have|had|was|were|be)\s+$", s[: m.start()]):
        old = m.group(0)
        new = rng.choice(NEUTRAL_CUES[old])
        b = s[: m.start()] + new + s[m.end():]
        return Injection("attribution", s, b, {"a": old, "b": new, "edit": "cue_verb"}, "no_flag")
    if not plain_sentence(s):
        return None
    who = _speakers(ctx, s, 1, rng)
    if not who:
        return None
    template = rng.choice(SPEAKER_FRAMES)
    new = rng.choice(NEUTRAL_CUES["said"])
    a = frame(template, s, ctx.keep, x=who[0], c="said")
    b = frame(template, s, ctx.keep, x=who[0], c=new)
    if a is None or b is None:
        return None
    return Injection("attribution", a, b, {"a": "said", "b": new, "speaker": who[0],
                                           "edit": "cue_verb"}, "no_flag")


def make_repetition(rng: random.Random, ctx: StoryContext, copies: int) -> tuple[list[str], dict]:
    """One new claim in ``copies`` near-verbatim versions, all anonymous or all unattributed."""
    slots = {"person": ctx.persons[:1], "org": ctx.orgs[:1], "place": ctx.places[:1]}
    usable = [t for t in REPETITION_TEMPLATES
              if all(slots[k] for k in re.findall(r"\{(\w+)\}", t))]
    template = rng.choice(usable)
    claim = template.format(**{k: v[0] for k, v in slots.items() if v})
    claim = claim[0].upper() + claim[1:] + "."
    source = rng.choice(ANONYMOUS_SOURCES) if rng.random() < 0.65 else None
    out: list[str] = []
    for _ in range(copies):
        text = claim
        swaps = [p for p in REPETITION_SWAPS if p[0] in text]
        if swaps and rng.random() < 0.5:
            old, new = rng.choice(swaps)
            text = text.replace(old, new)
        if source:
            framed = frame(rng.choice(ANON_FRAMES), text, ctx.keep, a=source)
            text = framed or frame(ANON_FRAMES[0], text, ctx.keep, a=source) or text
        out.append(text)
    return out, {"claim": claim, "source": source or "none"}
