"""What statistic a figure row is by its own words: a part, a requirement, a gap, a conversion, an age, a tally."""

from __future__ import annotations

import re

from ...extract.quantities import AGE_UNIT
from .rows import Fact


# A figure added to or picked out of a larger count ("three other women", "20 more people", "two of
# them", "another 300 troops", "among them five children") is a part, not the total another gives.
_PART_AFTER = re.compile(r"^\s+(?:more|other|additional|further|extra)\b|^\s+of\s+(?:them|those|these|whom)\b",
                         re.IGNORECASE)
# "the three hardest-hit towns", "the two largest banks": a ranking's top, not how many there are.
_TOP_AFTER = re.compile(r"^\s+(?:most|least|hardest|worst|best|largest|biggest|highest|lowest|greatest|deadliest"
                        r"|strongest|richest|poorest|oldest|youngest|busiest|closest|longest)\b", re.IGNORECASE)
# A figure that measures a difference ("three laps sooner", "20 points higher", "a length ahead",
# "nine points below the leaders") is the gap between two values, not a value another outlet gives.
_DIFFERENCE_AFTER = re.compile(r"^(?:[\s-]+[a-z]+)?\s+(?:sooner|longer|shorter|higher|lower|ahead|behind"
                               r"|below|above)\b", re.IGNORECASE)

# "two of the victims", "eight of their last ten games"; not "40 percent of the vote"
_OF_THE = re.compile(r"^\s+of\s+(?:the|their|its|his|her|our|your)\b", re.IGNORECASE)
_PART_BEFORE = re.compile(r"\b(?:another|other|including|among(?:\s+(?:them|whom|those|the\s+\w+))?"
                          r"|an?\s+(?:further|additional|extra)),?\s+$", re.IGNORECASE)
# A figure something needs or aims at ("needs 51 votes", "a target of 2 million", "aims to save $4
# billion") is another statistic than the figure it reached ("won 41 votes").
_REQUIRED = re.compile(r"\b(?:needs?|needed|requires?|required|requirement|necessary|majority|threshold|minimum|"
                       r"targets?|targeted|goal|quota|aims?|aimed|aiming)\b", re.IGNORECASE)
REQUIRED_CHARS = 30  # a requirement word this close to the figure, in its clause, is about it


# A word of degree between a count and its noun ("three strong tremors", "two critically injured")
# picks out some of the things counted: a part of the count another gives. Not words of novelty or
# proof ("40 new measures", "12 confirmed deaths"): outlets write them of the very total others give.
_GRADED_AFTER = re.compile(r"^\s+(?:strong|major|minor|serious|severe|powerful"
                           r"|seriously|critically|severely|badly|gravely|slightly)\s+[a-z]", re.IGNORECASE)


# A count its noun's relative clause narrows to those of one fate ("the two patrons who are expected to recover",
# "two men who remain hospitalized"), or a clause to those of one cause ("killed two children by asphyxiation",
# "two who died of smoke inhalation"): the survivors or the dead of one cause among all hurt, not all of them.
_FATE_CLAUSE = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:who|that|whom)\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:(?:expected|likely)\s+to\s+(?:recover|survive|live)|survived|recovering|recovered"
                          r"|remains?\s+(?:hospitali[sz]ed|in)"
                          r"|(?:are|were|is)\s+in\s+(?:stable|critical|serious|fair|good)"
                          r"|(?:were|was)\s+(?:treated\s+and\s+)?released)\b", re.IGNORECASE)
OTHER_CAUSE = re.compile(r"^[^,;:.]{0,60}?\b(?:by|of|from|with)\s+[\"“']?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
                         r"(?:asphyxiation|asphyxia|strangulation|strangling|suffocation|smothering|stabbing"
                         r"|stab\s+wounds|poisoning|carbon[\s-]monoxide|smoke\s+inhalation|drowning|beating"
                         r"|blunt[\s-]force|overdose|knife)\b", re.IGNORECASE)


def is_part(f: Fact) -> bool:
    """The figure is a part of a larger count the sentence speaks of, by its words."""
    c = f.claim
    after = c.text[f.slot.end - c.start:]
    bare = f.slot.kind == "count" and f.slot.unit is None
    return bool(_PART_AFTER.match(after) or bare and _OF_THE.match(after) or _TOP_AFTER.match(after)
                or f.slot.kind == "count" and (_GRADED_AFTER.match(after) or _FATE_CLAUSE.match(after)
                                               or OTHER_CAUSE.match(after))
                or _PART_BEFORE.search(c.text[:f.slot.start - c.start]))


def is_difference(f: Fact) -> bool:
    """The figure is a gap between two values by its words ("three laps sooner")."""
    return bool(_DIFFERENCE_AFTER.match(f.claim.text[f.slot.end - f.claim.start:]))


# A span followed by what it is counted from ("20 minutes after that shooting", "four days before the
# vote", "two hours later") is the time between two happenings, not how long anything lasted.
_OFFSET_AFTER = re.compile(r"^[\s-]*(?:after|before|later|earlier|ago|since|prior)\b", re.IGNORECASE)


def is_offset(f: Fact) -> bool:
    """The figure is a span between two happenings by the word after it ("four days after")."""
    return bool(_OFFSET_AFTER.match(f.claim.text[f.slot.end - f.claim.start:]))


def is_required(f: Fact) -> bool:
    """The figure is one something needs or aims at, not one it reached."""
    c = f.claim
    before = re.split(r"[,;:()]", c.text[max(0, f.slot.start - c.start - REQUIRED_CHARS):f.slot.start - c.start])[-1]
    after = re.split(r"[,;:()]", c.text[f.slot.end - c.start:f.slot.end - c.start + REQUIRED_CHARS])[0]
    return bool(_REQUIRED.search(before) or _REQUIRED.search(after))


# A count limited to a span ("arrested three times since October", "nine goals this season", "four
# wins in the last six weeks") is the part of a total that falls in it, not the total another gives.
_SPAN_AFTER = re.compile(r"\b(?:since|so far this|this|in the (?:past|last)(?: \w+)?)\s+(?:[a-z]+\s+){0,1}?"
                         r"(?:\d{4}|january|february|march|april|may|june|july|august|september|october|november"
                         r"|december|season|seasons|year|years|month|months|week|weeks|spring|summer|autumn|fall"
                         r"|winter|then)\b", re.IGNORECASE)
SPAN_CHARS = 40  # a span this close after the count, in its clause, bounds it


def is_bounded(f: Fact) -> bool:
    """The count is limited to a span of time its sentence names right after it."""
    if f.kind != "figure" or f.slot.kind != "count":
        return False
    c = f.claim
    after = re.split(r"[,;:()]", c.text[f.slot.end - c.start:f.slot.end - c.start + SPAN_CHARS])[0]
    return bool(_SPAN_AFTER.search(after))


# A figure totted up over a wide place or a running period ("19 were slain nationwide", "crime was down 5%
# citywide", "down 6 percent for the year") counts many happenings: a statistic of that scope, not a count of
# one happening, nor the statistic of another scope.
_WIDE_PLACE = re.compile(r"\b(?:nation|state|city|county|country|world)[\s-]?wide\b|\bacross\s+the\s+(?:country|nation"
                         r"|state|city|county|region)\b", re.IGNORECASE)
# Not "so far" or "to date": those mark one happening's running figure ("$400,000 placed so far"), which a later
# report may update.
_RUNNING_PERIOD = re.compile(r"\bfor\s+the\s+year\b|\bthis\s+year\b|\byear[\s-]to[\s-]date\b", re.IGNORECASE)
SCOPE_CHARS = 40  # a scope this close to the figure, in its clause, is the figure's


def scope(f: Fact) -> tuple[bool, bool]:
    """Whether the figure's clause names a wide place and a running period it is totted up over."""
    c = f.claim
    before = re.split(r"[,;:()]", c.text[max(0, f.slot.start - c.start - SCOPE_CHARS):f.slot.start - c.start])[-1]
    after = re.split(r"[,;:()]", c.text[f.slot.end - c.start:f.slot.end - c.start + SCOPE_CHARS])[0]
    near = f"{before} {after}"
    return bool(_WIDE_PLACE.search(near)), bool(_RUNNING_PERIOD.search(near))


def other_statistic(a: Fact, b: Fact) -> bool:
    """The two figures are of different statistics by their own words: a part against a total, what
    is needed against what was reached, a gap against a value, a count within a span against one
    without, figures totted up over different scopes (a wide place, a running period), or a span
    between two happenings against a length."""
    return (is_part(a) != is_part(b) or is_required(a) != is_required(b) or is_difference(a) != is_difference(b)
            or is_bounded(a) != is_bounded(b) or scope(a) != scope(b) or is_offset(a) != is_offset(b))


# An amount opening a parenthesis right after another amount ("90 billion euros ($121 billion)",
# "a five-million-pound ($6.3 million) sale") is that amount converted. The currency names are not
# the quantity reader's: that reader takes "pounds" for weight, which before a converted amount is
# money, and its codes ("eur", "rub") would match inside other words here ("Europe (", "rubber (").
_CONVERTED_FROM = re.compile(r"(?:\d|illion|euros?|pounds?|yen|yuan|francs?|rupees?|rubles?|roubles?)[\w-]*\s*\(\s*$",
                             re.IGNORECASE)


# A measure opening a parenthesis right after a figure and its unit ("1500ft (457 metres)").
_MEASURED_FROM = re.compile(r"\d[\d,.]*\s*[a-z]+\.?\s*\(\s*$", re.IGNORECASE)


def is_conversion(f: Fact) -> bool:
    """The figure converts an amount the sentence gives just before it into another currency or unit
    ("about 1500ft (457 metres)": the outlet's own rounding of the figure before it)."""
    if f.kind != "figure" or f.slot.kind not in ("money", "measure"):
        return False
    before = f.claim.text[:f.slot.start - f.claim.start]
    return bool((_CONVERTED_FROM if f.slot.kind == "money" else _MEASURED_FROM).search(before))


# "at the age of 88", "aged 88", "died at 88": an age the quantity reader leaves a bare count.
_AGE_BEFORE = re.compile(r"\b(?:at the age of|aged|age|(?:dies|died|dead)(?:\s+[a-z]+){0,3}\s+at)\s+$", re.IGNORECASE)


def is_age(f: Fact) -> bool:
    """The figure is someone's age ("a 52-year-old man", "Brede, 39,", "at the age of 71")."""
    if f.kind != "figure":
        return False
    return f.slot.unit == AGE_UNIT or f.slot.kind == "count" and bool(
        _AGE_BEFORE.search(f.claim.text[:f.slot.start - f.claim.start]))


# What a story's running count is of: the dead, the hurt, the held, the displaced. Only such a tally
# is read as grown, without a word saying so, when a later report gives it well above an earlier one;
# other counts a day apart (games won, rifles seized, passengers aboard) are other statistics.
TALLY_NOUNS = frozenset("people person death dead victim casualty fatality body injury injured wounded killed "
                        "missing survivor arrest detainee prisoner hostage evacuee refugee migrant case infection "
                        "home house building".split())
TALLY_EVENTS = frozenset("kill die injure wound hurt arrest detain evacuate rescue displace destroy damage "
                         "infect".split())


def is_tally(f: Fact) -> bool:
    """The figure is a story's running count (by its counted noun or its happening)."""
    noun = (f.counts or "").split()[-1:] or [""]
    return noun[0] in TALLY_NOUNS or f.event in TALLY_EVENTS
