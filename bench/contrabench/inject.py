"""Controlled contradictions: a copy of a sentence with exactly one conflicting change."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from bench.contrabench.lexicon import (
    CHANNEL_FRAMES,
    CHANNELS,
    FALLBACK_PEOPLE,
    MONTHS,
    SPEAKER_FRAMES,
    UPDATE_FRAMES_FULL,
    UPDATE_FRAMES_NOUN,
    WEEKDAYS,
)
from bench.contrabench.textutil import (
    CHANNEL,
    date_spans,
    far_number,
    format_number,
    frame,
    month_number,
    name_in,
    noun_after,
    number_spans,
    plain_sentence,
    replace_word,
    speaker_swap_spot,
    strip_end,
)


@dataclass(frozen=True, slots=True)
class StoryContext:
    """What an injection may draw on about one story."""

    persons: tuple[str, ...]  # full names, most mentioned first
    event_date: date
    orgs: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    nlp: Any = None  # a spaCy pipeline; without it the grammar checks are skipped

    @property
    def keep(self) -> frozenset[str]:
        """Words that keep their capital at the start of a framed sentence."""
        return frozenset(w for n in self.persons + self.orgs + self.places for w in n.split())


def simple_past(s: str, ctx: StoryContext) -> bool:
    """Whether the sentence reports a past event in the simple past, so a date can be added."""
    if ctx.nlp is None:
        return True
    root = next((t for t in ctx.nlp(s) if t.dep_ == "ROOT"), None)
    return root is not None and root.tag_ == "VBD" and root.lemma_ not in _REPORTING


@dataclass(frozen=True, slots=True)
class Injection:
    """Sentence ``a`` stays in (or replaces S in) article A; ``b`` is inserted into article B."""

    type: str
    a: str
    b: str
    detail: dict[str, Any] = field(default_factory=dict)
    expect: str = "flag"
    rename: tuple[str, str] | None = None  # a respelling applied to all of article B


def _other_day(d: int, rng: random.Random) -> int:
    choices = [x for x in range(1, 29) if 2 <= abs(x - d) <= 9]
    return rng.choice(choices)


def _conflicting_date(kind: str, m: re.Match[str], rng: random.Random) -> str:
    text = m.group(0)
    if kind == "md":
        month, day, year = m.group(1), int(m.group(2)), m.group(3)
        if rng.random() < 0.25:
            month = MONTHS[(month_number(month) - 1 + rng.choice([-2, -1, 1, 2])) % 12]
            day = min(day, 28)
        else:
            day = _other_day(day, rng)
        return f"{month} {day}" + (f", {year}" if year else "")
    if kind == "dm":
        day, month, year = _other_day(int(m.group(1)), rng), m.group(2), m.group(3)
        return f"{day} {month}" + (f" {year}" if year else "")
    if kind == "weekday":
        return rng.choice([w for w in WEEKDAYS if w != m.group(1)])
    if kind == "month":
        old = m.group(1)
        i = month_number(old) - 1
        new = MONTHS[(i + rng.choice([-3, -2, 2, 3])) % 12]
        return text.replace(old, new)
    year = m.group(1)
    return text.replace(year, str(int(year) + rng.choice([-3, -2, -1, 1, 2])))


def _date_clause(d: date, style: str) -> str:
    if style == "weekday":
        return WEEKDAYS[d.weekday()]
    return f"{MONTHS[d.month - 1]} {d.day}"


def inject_timeline(s: str, rng: random.Random, ctx: StoryContext) -> Injection | None:
    """Change a date, weekday, month or year; add conflicting date clauses when S has none."""
    spans = date_spans(s)
    if spans:
        kind, m = rng.choice(spans)
        new = _conflicting_date(kind, m, rng)
        b = s[: m.start()] + new + s[m.end():]
        return Injection("timeline", s, b, {"a": m.group(0), "b": new, "change": kind})
    if not plain_sentence(s) or not simple_past(s, ctx):
        return None
    other = ctx.event_date - timedelta(days=rng.randint(2, 6))
    style = rng.choice(["md", "md", "weekday"])
    da, db = _date_clause(ctx.event_date, style), _date_clause(other, style)
    template = rng.choice(["{s} on {d}.", "On {d}, {s_lc}.", "{s} on {d}."])
    a = frame(template.replace("{d}", da), s, ctx.keep)
    b = frame(template.replace("{d}", db), s, ctx.keep)
    if a is None or b is None:
        return None
    return Injection("timeline", a, b, {"a": da, "b": db, "change": "added_" + style})


def _speakers(ctx: StoryContext, s: str, k: int, rng: random.Random) -> list[str] | None:
    pool = [p for p in ctx.persons if p.split()[-1] not in s]
    pool += [p for p in FALLBACK_PEOPLE if p not in pool][: max(0, k + 1 - len(pool))]
    if len(pool) < k:
        return None
    head = pool[: max(k, 4)]
    return rng.sample(head, k)


def inject_attribution(s: str, rng: random.Random, ctx: StoryContext) -> Injection | None:
    """Put the same statement in another person's mouth."""
    names = ctx.persons or FALLBACK_PEOPLE
    spk = speaker_swap_spot(s, names)
    if spk:
        others = _speakers(ctx, s, 1, rng)
        if not others:
            return None
        new = others[0] if " " in spk else others[0].split()[-1]
        b = replace_word(s, spk, new)
        return Injection("attribution", s, b, {"a": spk, "b": new, "change": "swap"})
    if not plain_sentence(s):
        return None
    pair = _speakers(ctx, s, 2, rng)
    if not pair:
        return None
    template = rng.choice(SPEAKER_FRAMES)
    cue = rng.choice(["said", "said", "stated", "noted"])
    a = frame(template, s, ctx.keep, x=pair[0], c=cue)
    b = frame(template, s, ctx.keep, x=pair[1], c=cue)
    if a is None or b is None:
        return None
    return Injection("attribution", a, b, {"a": pair[0], "b": pair[1], "change": "added_frame"})


_SAME_CHANNEL = [{"the Associated Press", "Associated Press", "AP"}, {"AFP", "Agence France-Presse"},
                 {"the BBC", "BBC"}, {"People", "People magazine"}, {"NBC", "NBC News"},
                 {"CBS", "CBS News"}, {"ABC", "ABC News"}]


def _other_channel(old: str | None, rng: random.Random) -> str:
    same = next((g for g in _SAME_CHANNEL if old in g), {old})
    return rng.choice([c for c in CHANNELS if c not in same])


def inject_channel(s: str, rng: random.Random, ctx: StoryContext) -> Injection | None:
    """Change the outlet a statement was given to ("told Reuters" vs "told the BBC")."""
    m = CHANNEL.search(s)
    if m:
        new = _other_channel(m.group(2), rng)
        b = s[: m.start(2)] + new + s[m.end(2):]
        return Injection("channel", s, b, {"a": m.group(2), "b": new, "change": "swap"})
    if not plain_sentence(s):
        return None
    who = _speakers(ctx, s, 1, rng)
    if not who:
        return None
    c1 = rng.choice(CHANNELS)
    c2 = _other_channel(c1, rng)
    template = rng.choice(CHANNEL_FRAMES)
    a = frame(template, s, ctx.keep, x=who[0], ch=c1)
    b = frame(template, s, ctx.keep, x=who[0], ch=c2)
    if a is None or b is None:
        return None
    return Injection("channel", a, b, {"a": c1, "b": c2, "speaker": who[0], "change": "added_frame"})


_APPROX = {None, "about", "around", "some", "roughly", "approximately", "an estimated"}


def inject_number(s: str, rng: random.Random, ctx: StoryContext) -> Injection | None:
    """Change a count or amount by far more than any hedge or rounding allows."""
    spans = [sp for sp in number_spans(s) if sp.hedge in _APPROX and sp.value > 1]
    if not spans:
        return None
    sp = rng.choice(spans)
    new = far_number(sp.value, rng, words=sp.word)
    text = format_number(new, sp.text)
    b = s[: sp.start] + text + s[sp.end:]
    return Injection("number", s, b, {"a": sp.text, "b": text, "hedge": sp.hedge})


_REPORTING = {"say", "tell", "report", "state", "add", "note", "explain", "announce", "claim"}
_ANTONYM = {"confirmed": "denied", "confirms": "denies", "admitted": "denied", "admits": "denies",
            "acknowledged": "denied", "denied": "confirmed", "denies": "confirms"}
_CONTRACT = {"was": "wasn't", "is": "isn't", "were": "weren't", "are": "aren't", "has": "hasn't",
             "have": "haven't", "had": "hadn't", "will": "won't", "would": "wouldn't",
             "could": "couldn't", "can": "can't", "should": "shouldn't", "did": "didn't",
             "does": "doesn't", "do": "don't"}


def inject_polarity(s: str, rng: random.Random, ctx: StoryContext) -> Injection | None:
    """Negate the main statement ("was arrested" -> "was not arrested", "confirmed" -> "denied")."""
    if re.search(r"\b(not|never|no|nor|without)\b|n't", s, re.IGNORECASE):
        return None
    if ctx.nlp is None:
        raise ValueError("polarity injection needs a spaCy pipeline in StoryContext.nlp")
    doc = ctx.nlp(s)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if not roots:
        return None
    target = roots[0]
    if target.lemma_ in _REPORTING:
        comps = [c for c in target.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
        if not comps:
            return None
        target = comps[0]
    if target.pos_ not in ("VERB", "AUX"):
        return None
    if target.text in _ANTONYM:  # "did not confirm" is not a denial: swap the verb instead
        new = _ANTONYM[target.text]
        b = s[: target.idx] + new + s[target.idx + len(target):]
        return Injection("polarity", s, b, {"a": target.text, "b": new, "change": "antonym"})
    auxes = sorted((c for c in target.children if c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"),
                   key=lambda t: t.i)
    if auxes:
        aux = auxes[0]
        if not aux.text.isalpha():
            return None
        style = rng.choice(["not", "contract", "never"])
        if style == "contract" and aux.text.lower() in _CONTRACT and aux.text.lower() != "can":
            new = _CONTRACT[aux.text.lower()]
            new = new[0].upper() + new[1:] if aux.text[0].isupper() else new
            b = s[: aux.idx] + new + s[aux.idx + len(aux):]
            return Injection("polarity", s, b, {"a": aux.text, "b": new, "change": "negated"})
        word = "never" if style == "never" and target.tag_ == "VBN" else "not"
        end = aux.idx + len(aux)
        b = s[:end] + " " + word + s[end:]
        return Injection("polarity", s, b, {"a": aux.text, "b": f"{aux.text} {word}",
                                            "change": "negated"})
    if target.lemma_ == "be":
        end = target.idx + len(target)
        b = s[:end] + " not" + s[end:]
        return Injection("polarity", s, b, {"a": target.text, "b": target.text + " not",
                                            "change": "negated"})
    do = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(target.tag_)
    if not do or not target.lemma_.isalpha():
        return None
    if rng.random() < 0.25:
        new = "never " + target.text
    else:
        new = (_CONTRACT[do] if rng.random() < 0.4 else do + " not") + " " + target.lemma_
    b = s[: target.idx] + new + s[target.idx + len(target):]
    return Injection("polarity", s, b, {"a": target.text, "b": new, "change": "negated"})


_TRANSLIT = (("v", "w"), ("w", "v"), ("ph", "f"), ("f", "ph"), ("ck", "k"), ("ks", "x"), ("x", "ks"),
             ("sh", "sch"), ("ou", "u"), ("ei", "ey"), ("ai", "ay"), ("y", "i"), ("ie", "ee"),
             ("th", "t"), ("z", "s"), ("oe", "o"), ("ov", "off"), ("ev", "eff"), ("ski", "sky"),
             ("c", "k"), ("k", "c"), ("j", "y"), ("dt", "t"), ("tch", "ch"))


def respell(word: str, rng: random.Random) -> str:
    """A plausible other spelling of a name: transliteration, a doubled or a dropped letter."""
    head, tail = word[0], word[1:]
    options: list[str] = []
    for old, new in _TRANSLIT:
        for m in re.finditer(re.escape(old), tail):
            options.append(head + tail[: m.start()] + new + tail[m.end():])
    for i in range(1, len(tail) - 1):
        c = tail[i]
        if c in "lnstrmpf" and tail[i - 1] in "aeiou" and tail[i + 1] in "aeiouy":
            options.append(head + tail[: i + 1] + c + tail[i + 1:])
        if c == tail[i - 1] and c.isalpha():
            options.append(head + tail[:i] + tail[i + 1:])
        if c in "aeiou" and tail[i - 1] in "aeiou":
            options.append(head + tail[:i] + tail[i + 1:])
    options = [o for o in dict.fromkeys(options) if o != word and len(o) >= 4]
    return rng.choice(options) if options else word + word[-1]


def inject_name_variant(s: str, rng: random.Random, ctx: StoryContext) -> Injection | None:
    """Respell a person's name; the change is applied to all of article B."""
    hit = name_in(s, ctx.persons)
    if not hit:
        return None
    token = hit[0].split()[-1]
    if len(token) < 5 or not token.isalpha() or not token[0].isupper():
        return None
    new = respell(token, rng)
    full = next(p for p in ctx.persons if p.split()[-1] == token or p == hit[0])
    return Injection("name_variant", s, replace_word(s, token, new),
                     {"a": token, "b": new, "name": full}, rename=(token, new))


def inject_update(s: str, rng: random.Random, ctx: StoryContext) -> Injection | None:
    """A later report gives a newer figure and says it changed (an update, not a contradiction)."""
    spans = [sp for sp in number_spans(s) if sp.hedge is None and sp.value >= 2 and not sp.word
             and "." not in sp.text]
    spans = [sp for sp in spans if noun_after(s, sp)]  # a figure that can rise: a count
    if not spans:
        return None
    sp = rng.choice(spans)
    up = rng.random() < 0.8
    if up:
        new = sp.value + max(1, round(sp.value * rng.uniform(0.2, 0.9)))
    else:
        new = max(1.0, round(sp.value * rng.uniform(0.4, 0.8)))
    if abs(new - sp.value) / sp.value < 0.12:
        return None
    text = format_number(new, sp.text)
    copy = s[: sp.start] + text + s[sp.end:]
    noun = noun_after(s, sp)
    if noun and up and rng.random() < 0.35:
        b = rng.choice(UPDATE_FRAMES_NOUN).format(noun=noun, new=text)
    else:
        frames = [f for f in UPDATE_FRAMES_FULL if up or "up from" not in f]
        b = frame(rng.choice(frames), copy, ctx.keep, old=sp.text)
        if b is None:
            b = f"{strip_end(copy)}, revised from an earlier figure of {sp.text}."
    return Injection("update", s, b, {"a": sp.text, "b": text, "direction": "up" if up else "down"})
