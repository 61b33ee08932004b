"""Number conflicts beyond hedges, rounding and unit conversion; newer figures are updates."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from ..extract.quantities import (
    MEASURE_WORDS,
    SMALL_NUMBERS,
    find_quantities,
    quantities_agree,
    units_compatible,
)
from ..lexicon import COUNT_OF
from ..records import Claim, Quantity, TimeExpr
from .base import (
    UPDATE_CUES,
    Edit,
    Finding,
    has_update_cue,
    update_cue_words,
    is_copy,
    is_update,
    near_copy_edits,
    same_statement,
    same_subjects,
)
from .names import is_spelling_variant

TOLERANCE = 0.03  # hedged figures that meet at a boundary ("nearly 100", "over a hundred") agree
_INF = float("inf")
HEDGE_WORDS = re.compile(r"\b(about|around|approximately|roughly|some|nearly|almost|over|under|more|less|fewer|"
                         r"least|most|upwards|up to|close to|as many as|in excess|north|south|just|estimated|"
                         r"plus|odd|several|dozens|hundreds|thousands|or so)\b", re.I)
_DURATION = re.compile(r"^PT?(\d+(?:\.\d+)?)([YMWDHS])$")
_DURATION_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour"}
_CLOCK_UNITS = {"H": "hour", "M": "minute", "S": "second"}
_DURATION_MODS = {None: (1.0, 1.0), "EQUAL": (1.0, 1.0), "APPROX": (0.9, 1.1), "MORE_THAN": (1.0, _INF),
                  "EQUAL_OR_MORE": (1.0, _INF), "LESS_THAN": (0.0, 1.0), "EQUAL_OR_LESS": (0.0, 1.0)}


# A number the text splits after its separator ("6. 1-magnitude", "2, 000 feet"): read as two
# figures it gives a magnitude of 6 against 5 or a height of 2 feet.
_SPLIT_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:, \d{3})+(?![\d])|(?<![\d.,])\d{1,3}\. \d{1,2}(?=\b|-)")


# "call 555-210-4411", "at 555-210- 4411", "(555) 210-4411": digit groups joined by dashes, a space allowed
# after a dash; each group is a part of a number to dial, not a count.
_TELEPHONE = re.compile(r"(?<![\d-])(?:1-\s?)?(?:\(\d{3}\)\s?|\d{3}[-.]\s?)\d{3}[-.]\s?\d{4}(?![\d-])")


def in_telephone_number(c: Claim, q: Quantity) -> bool:
    """The figure is a group of digits of a telephone number."""
    start, end = q.start - c.start, q.end - c.start
    return any(m.start() < end and start < m.end() for m in _TELEPHONE.finditer(c.text))


def _quantities(c: Claim) -> list[Quantity]:
    """The claim's quantities, read again where the text splits a number after its separator; none
    of a telephone number."""
    return [q for q in _read_quantities(c) if not in_telephone_number(c, q)]


def _read_quantities(c: Claim) -> list[Quantity]:
    splits = list(_SPLIT_NUMBER.finditer(c.text))
    if not splits:
        return list(c.quantities)
    removed: list[int] = []  # offsets (in the claim text) of the spaces taken out
    for m in splits:
        removed += [m.start() + i + 1 for i, ch in enumerate(m.group()) if ch in ".," and m.group()[i + 1:i + 2] == " "]
    gone = set(removed)
    joined = "".join(ch for i, ch in enumerate(c.text) if i not in gone)

    def back(i: int) -> int:
        for r in sorted(removed):
            if r <= i:
                i += 1
        return c.start + i

    timed = [(t.start, t.end) for t in c.times]
    out = []
    for q in find_quantities(joined):
        q = replace(q, start=back(q.start), end=back(q.end - 1) + 1)
        if not any(s < q.end and q.start < e for s, e in timed):
            out.append(replace(q, text=c.text[q.start - c.start:q.end - c.start]))
    return out


def figures(c: Claim) -> list[Quantity]:
    """The claim's quantities, plus its counted durations ("the 90 days") as figures in time units."""
    return _quantities(c) + durations(c)


def durations(c: Claim) -> list[Quantity]:
    """The claim's counted durations ("the 90 days", "for six hours") as figures in time units."""
    out = []
    for t in c.times:
        m = _DURATION.match(t.value or "") if t.type == "DURATION" else None
        if m is None and t.type == "DURATION":
            m = _clock_compound(t.value or "")
        if m is None and t.type == "DATE":
            m = counted_offset(t)
        if m is None or t.mod not in _DURATION_MODS:
            continue  # "several days" or an unusual modifier: no figure to hold against another
        value = float(m.group(1))
        lo, hi = _DURATION_MODS[t.mod]
        unit = _CLOCK_UNITS[m.group(2)] if t.value.startswith("PT") else _DURATION_UNITS.get(m.group(2))
        if unit is None:
            continue
        out.append(Quantity(t.text, t.start, t.end, value, value * lo, value * hi, unit=unit, hedge=t.mod,
                            kind="duration"))
    return out


_CLOCK_PARTS = re.compile(r"^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$")


def _clock_compound(value: str) -> re.Match | None:
    """A duration of two clock units ("2 1/2 hours" is "PT2H30M") read as one figure in its larger
    unit, in the form of a simple duration value ("PT2.5H"), so two copies that differ compare."""
    m = _CLOCK_PARTS.match(value)
    if m is None or sum(1 for g in m.groups() if g) < 2:
        return None
    h, mi, se = (float(g) if g else 0.0 for g in m.groups())
    total, unit = (h + mi / 60 + se / 3600, "H") if m.group(1) else (mi + se / 60, "M")
    return _DURATION.match(f"PT{round(total, 4):g}{unit}")


_OFFSET = re.compile(r"^(?:some |about |nearly |almost |around |no more than |more than |less than )?(\w+) "
                     r"(day|week|month|year)s? (?:earlier|later|ago|before|after|previously)$", re.I)


def counted_offset(t: TimeExpr) -> re.Match | None:
    """A date counted from another ("his firing four days earlier") read as its count of days,
    in the form of a duration value ("P4D"): two copies that count differently disagree on a figure."""
    m = _OFFSET.match(t.text.strip())
    if m is None:
        return None
    count = find_quantities(m.group(1) + " " + m.group(2) + "s")
    if not count or count[0].value <= 0:
        return None
    return _DURATION.match(f"P{count[0].value:g}{m.group(2)[0].upper()}")


def figures_comparable(x: Quantity, y: Quantity) -> bool:
    """Whether two quantities can be held against each other: one kind (not ordinals), compatible units."""
    if x.kind != y.kind or x.kind == "ordinal":
        return False
    if x.kind == "duration":
        return x.unit == y.unit
    return x.unit is None or y.unit is None or units_compatible(x, y)


_LENGTHS = frozenset({"miles", "km", "m", "feet"})
# What follows a distance between two places ("20 miles away", "5 km north of", "3 miles from").
_AWAY = re.compile(r"^\s*(?:away|off|outside|from|(?:to\s+the\s+)?(?:north|south|east|west)(?:east|west)?(?:ward)?)\b",
                   re.I)


def distance_away(c: Claim, q: Quantity) -> bool:
    """A length that says how far one place is from another ("20 miles away", "5 km north of the
    town"), not the length of a route, a drive or a chase ("a 25-mile chase", "drove 25 miles")."""
    return q.kind == "measure" and singular(q.unit) in _LENGTHS and bool(_AWAY.match(c.text[q.end - c.start:]))


def _is_range(q: Quantity) -> bool:
    return q.hedge == "between"


def agree(x: Quantity, y: Quantity) -> bool:
    """Figures that can describe the same count, allowing a little slack at hedge boundaries
    and a scale word one outlet dropped ("110" and "110 billion"). Two ranges agree only when
    their ends do: "10 to 12" and "10 to 22" are different claims, not overlapping ones."""
    if _is_range(x) and _is_range(y):
        return _close(x.low, y.low) and _close(x.high, y.high)
    if x.kind == "duration" or y.kind == "duration":
        return (x.low * (1 - TOLERANCE) <= y.high * (1 + TOLERANCE)
                and y.low * (1 - TOLERANCE) <= x.high * (1 + TOLERANCE))
    if quantities_agree(x, y):
        return True
    lo_x, hi_x = x.low * (1 - TOLERANCE), x.high * (1 + TOLERANCE)
    lo_y, hi_y = y.low * (1 - TOLERANCE), y.high * (1 + TOLERANCE)
    if lo_x <= hi_y and lo_y <= hi_x:
        return True
    big, small = max(abs(x.value), abs(y.value)), min(abs(x.value), abs(y.value))
    if small > 0 and big / small >= 1000:
        ratio = math.log10(big / small)
        return abs(ratio - round(ratio)) < 1e-6 and round(ratio) % 3 == 0
    return False


def figure_at(c: Claim, span: tuple[int, int]) -> Quantity | None:
    """The figure of ``c`` at ``span``, as the comparators read it."""
    return next((q for q in figures(c) if (q.start, q.end) == span), None)


def same_figure(x: Quantity, y: Quantity) -> bool:
    """Two wordings of one figure of one counted noun ("412 stalls", "roughly 410 stalls")."""
    nx, ny = singular(x.unit), singular(y.unit)
    return figures_comparable(x, y) and agree(x, y) and (nx is None or ny is None or nx == ny)


def figure_given(c: Claim, q: Quantity) -> Quantity | None:
    """The one figure of ``c`` that words ``q`` (the same, hedged or rounded), or None when none
    or several do."""
    found = [y for y in figures(c) if same_figure(q, y)]
    return found[0] if len(found) == 1 else None


def _close(x: float, y: float) -> bool:
    return abs(x - y) <= TOLERANCE * max(abs(x), abs(y))


def _distance(x: Quantity, y: Quantity) -> float:
    return abs(math.log1p(abs(x.value)) - math.log1p(abs(y.value)))


def _inside(q: Quantity, span: tuple[int, int]) -> bool:
    return q.start < span[1] and span[0] < q.end


def changed_figures(a: Claim, b: Claim, edits: list[Edit]) -> list[tuple[Quantity, Quantity]] | None:
    """Figure pairs that two near-copies word differently, or None when the copies also differ
    in a name (then they may be about different things: "the Orioles offered $150 million")."""
    fa, fb = figures(a), figures(b)
    out = []
    for e in edits:
        xs = [x for x in fa if _inside(x, e.a)]
        ys = [y for y in fb if _inside(y, e.b)]
        xs = xs or _bare(a, e.a, e.text_a)
        ys = ys or _bare(b, e.b, e.text_b)
        if not xs or not ys:
            if is_spelling_variant(e.text_a, e.text_b):
                continue  # one name spelled two ways ("Lo Presti" / "Lo Prestii"): still one thing
            if _names_a_thing(e.text_a, e.a[0] == a.start) or _names_a_thing(e.text_b, e.b[0] == b.start):
                return None
            continue
        for x in xs:
            comparable = [y for y in ys if figures_comparable(x, y)]
            if comparable:
                out.append((x, min(comparable, key=lambda y: abs(y.start - e.b[0] - (x.start - e.a[0])))))
    return out


_BARE = re.compile(r"^\d{1,3}(?:,\d{3})*(?:\.\d+)?$")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_JOINED_BEFORE = re.compile(r"(?:[:/$€£%.,-]|\d[.,] ?)$")  # part of a time, a date, a sum or a longer number
_JOINED_AFTER = re.compile(r"(?:[:/%]|[.,] ?\d|\s*(?:a\.?m\b|p\.?m\b|percent|per cent))", re.I)


def _bare(c: Claim, span: tuple[int, int], text: str) -> list[Quantity]:
    """A plain number that near-copies word differently where the quantity reader saw no figure
    ("A 23-year-old man" / "A 34-year-old man", "IE8 and 9" / "IE8 and 14", "a two-time host" /
    "a seven-time host"); not a year, a clock time or a date, which are the timeline's. "One" is
    as often a pronoun as a count and is left alone."""
    before, after = c.text[:span[0] - c.start], c.text[span[1] - c.start:]
    word = SMALL_NUMBERS.get(text.casefold()) if text.casefold() not in ("zero", "one") else None
    if word is None and (not _BARE.match(text) or _YEAR.match(text)):
        return []
    if _JOINED_BEFORE.search(before) or _JOINED_AFTER.match(after):
        return []
    if any(t.start < span[1] and span[0] < t.end for t in c.times):
        return []
    value = float(word) if word is not None else float(text.replace(",", ""))
    return [Quantity(text, span[0], span[1], value, value, value)]


_CONVERSION = re.compile(r"\d[^()\d]{0,25}\(\s*(?:about|around|some|roughly|approximately|nearly|almost)?\s*[^\w\s(]{0,3}$",
                         re.I)


def _converted(c: Claim, q: Quantity) -> bool:
    """A figure of money or a measure in brackets just after another figure: that figure in other
    units or money. A bracketed count ("36-3 (24 KOs)") is a detail of its own, not a conversion."""
    return q.kind in ("money", "measure") and bool(_CONVERSION.search(c.text[max(0, q.start - c.start - 40):q.start - c.start]))


def _conversion_wrong(c: Claim, q: Quantity) -> bool:
    """A bracketed conversion that does not match the figure it converts ("1,150 kilometers
    (1050 miles)"); a rate we do not know (money) cannot be checked and is never wrong."""
    if not _converted(c, q):
        return False
    before = [p for p in figures(c) if p.end <= q.start and q.start - p.end <= 40 and p.unit and q.unit]
    if not before:
        return False
    primary = max(before, key=lambda p: p.end)
    if primary.kind != "measure" or q.kind != "measure" or not units_compatible(primary, q):
        return False
    return not agree(primary, q)


def _names_a_thing(text: str, sentence_start: bool) -> bool:
    """A capitalised word, other than the one that opens the sentence."""
    words = text.split()[1:] if sentence_start else text.split()
    return any(w[:1].isupper() for w in words)


def compare_numbers(a: Claim, b: Claim, score: float, resolver) -> Finding | None:
    """A figure in one claim that no comparable figure in the other agrees with."""
    edits = near_copy_edits(a, b) if is_copy(a, b, score) else None
    if has_update_cue(a) and has_update_cue(b) and not _cues_shared(a, b, edits):
        return None  # two revisions: each may revise another figure, neither is the report revised
    changed = changed_figures(a, b, edits) if edits is not None else None
    if edits is not None and changed is None:
        return None  # the copies differ in a name: they may be about different things
    if changed:
        return _compare_copies(a, b, score, edits, changed)
    qa, qb = _quantities(a), _quantities(b)
    if not qa or not qb:
        return None
    if not same_subjects(a, b):
        return None
    if is_update(a, b):
        return _update(a, b, qa, qb)
    # Reworded statements: only a figure counting the same named thing ("nine workers" and
    # "14 workers") in claims about the same people and organisations can conflict.
    if not same_statement(a, b, score, min_score=0.85, min_overlap=0.6) or _different_actors(a, b):
        return None
    if len(qa) > 1 and len(qb) > 1 and not any(agree(x, y) for x in qa for y in qb if figures_comparable(x, y)):
        return None  # several figures each and not one shared: other details ("in the round", "in all")
    for x in qa:
        same_noun = [y for y in qb if x.unit and singular(y.unit) == singular(x.unit)
                     and figures_comparable(x, y)]
        if not same_noun or any(agree(x, y) for y in qb if figures_comparable(x, y)):
            continue  # the figure is in the other claim too, said of another noun or of none
        y = min(same_noun, key=lambda y: _distance(x, y))
        # A figure of b that agrees with some other figure of a is a different detail, not this one.
        if any(agree(y, other) for other in qa if other is not x):
            continue
        confidence = 0.6 + min(0.3, max(0.0, score - 0.85) * 2)
        return Finding("number", a, b, x.text, y.text, (x.start, x.end), (y.start, y.end),
                       confidence=confidence)
    return None


def _cues_shared(a: Claim, b: Claim, edits: list[Edit] | None) -> bool:
    """Near-copies that carry the same cue words and neither cue bears on a figure ("the strap had
    fallen off", "fell to 36-3 (24 KOs)"): the cue is part of the copied sentence, so it marks neither
    copy as the newer report. A cue that governs a figure ("revised the number of yards to 501") does."""
    if edits is None or update_cue_words(a) != update_cue_words(b):
        return False
    return not any(_cue(c, q) for c in (a, b) for q in _quantities(c))


def _different_actors(a: Claim, b: Claim) -> bool:
    """Both claims name people (or organisations) and none in common: "the Red Sox offered" and
    "the Orioles offered" are two offers."""
    for kind in ("per:", "org:"):  # by resolved id: the parser labels one name PERSON here, ORG there
        x = {e.canonical for e in a.entities if e.canonical.startswith(kind)}
        y = {e.canonical for e in b.entities if e.canonical.startswith(kind)}
        if x and y and not x & y:
            return True
    return False


def _compare_copies(a: Claim, b: Claim, score: float, edits: list[Edit],
                    changed: list[tuple[Quantity, Quantity]]) -> Finding | None:
    """Two near-copies of one sentence: the figures where their wording differs must agree."""
    hedged = [e for e in edits if HEDGE_WORDS.search(e.text_a) or HEDGE_WORDS.search(e.text_b)]
    for x, y in changed:
        if agree(x, y) or any(_inside(x, e.a) or _inside(y, e.b) for e in hedged):
            continue  # a hedge the quantity reader did not know ("upwards of 30") makes no conflict
        if not _conversion_wrong(a, x) and not _conversion_wrong(b, y) and (_converted(a, x) or _converted(b, y)):
            continue  # "110 billion euros ($143 billion)": outlets convert at their own rates
        kind = "update" if is_update(a, b) else "number"
        confidence = min(0.95, 0.7 + max(0.0, score - 0.7))
        return Finding(kind, a, b, x.text, y.text, (x.start, x.end), (y.start, y.end),
                       confidence=confidence)
    return None


def _update(a: Claim, b: Claim, qa: list[Quantity], qb: list[Quantity]) -> Finding | None:
    """A later report that gives a newer figure for the same counted thing ("the number of
    games was revised to 14" after "won 12 games"; "has risen to 18").

    The cue must govern one of b's figures, both figures must count the same named noun, b must
    be published later, and the two must be of one order of size: a figure several times
    larger counts something else."""
    if b.published <= a.published:
        return None
    cues = [(y, _cue(b, y)) for y in qb]
    governed = [(y, _counted(b, y), _direction(m)) for y, m in cues if m is not None]
    best = None
    for y, noun, direction in governed:
        for x in qa:
            if _increment(a, x):
                continue  # "20 more people" adds to a total the revision may not be about
            if direction * (y.value - x.value) < 0:
                continue  # "has climbed to 496" does not revise 605
            if not noun or singular(x.unit) != noun or _kind(x) != _kind(y) or agree(x, y):
                continue
            if any(agree(y, other) for other in qa if other is not x and _counted(a, other) in (None, noun)):
                continue  # "won 18 of 23 games" already gives the revised 18: it revises some other report
            ratio = max(abs(x.value), abs(y.value)) / max(1e-9, min(abs(x.value), abs(y.value)))
            if ratio > MAX_UPDATE_RATIO or any(agree(x, other) for other in qb):
                continue
            if best is None or _distance(x, y) < _distance(*best):
                best = (x, y)
    if best is None:
        return None
    x, y = best
    # The closer the two figures, the likelier the new one revises this old one and not another.
    closeness = 1 - _distance(x, y) / math.log(MAX_UPDATE_RATIO)
    return Finding("update", a, b, x.text, y.text, (x.start, x.end), (y.start, y.end),
                   confidence=round(0.5 + 0.15 * max(0.0, closeness), 3))


_MORE = re.compile(r"^\s+(?:more|additional|further|extra|other)\b", re.I)


def _increment(c: Claim, q: Quantity) -> bool:
    return bool(_MORE.match(c.text[q.end - c.start:]))


def _kind(q: Quantity) -> str:
    # "80 meters" is a measure, the revised "number of meters ... 101" a count of the same unit
    return "count" if q.kind == "measure" else q.kind


MAX_UPDATE_RATIO = 2.5


def singular(unit: str | None) -> str | None:
    """A counted noun or unit in one form: "games" -> "game", "metres"/"meters" -> "m"."""
    if not unit:
        return None
    unit = unit.casefold()
    return MEASURE_WORDS.get(unit) or re.sub(r"(?<=[^s])s$", "", unit)


def _counted(c: Claim, q: Quantity) -> str | None:
    """What a figure counts: its own unit, or the noun of "the number of workers ... rose to 14"."""
    if q.unit:
        return singular(q.unit)
    before = [m.group(1) for m in COUNT_OF.finditer(c.text[:q.start - c.start])]
    return singular(before[-1]) if before else None


_CLAUSE_GAP = re.compile(r"^(?::\s*[A-Z]?)?[^A-Z.;:!?\d]{0,40}$")


def _cue(c: Claim, q: Quantity) -> re.Match | None:
    """The update cue that stands just before the figure, in the same clause ("revised the number
    of games to 14"), not somewhere else in the sentence ("fell to the Red Sox in four games")."""
    local = q.start - c.start
    found = None
    for m in UPDATE_CUES.finditer(c.text):
        if m.end() <= local and _CLAUSE_GAP.match(c.text[m.end():local]):
            found = m
    return found


_RISE = re.compile(r"\b(?:risen|rose|climbed|grown|grew|increased|jumped|up from)\b", re.I)
_FALL = re.compile(r"\b(?:fallen|fell|dropped|down from)\b", re.I)


def _direction(cue: re.Match) -> int:
    """+1 when the cue says the figure rose ("has climbed to"), -1 when it fell, 0 when it only
    says it changed ("revised to")."""
    return 1 if _RISE.search(cue.group(0)) else -1 if _FALL.search(cue.group(0)) else 0
