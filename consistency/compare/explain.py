"""Plain-language explanations a fact-checker can paste into a note."""

from __future__ import annotations

from typing import Sequence

from ..records import Claim
from .finding import Finding, shared_value
from .person_names import swapped_name, two_given_names, two_surnames


def _who(c) -> str:
    return f"{c.outlet} ({c.published.date().isoformat()})"


def _quote(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return "\u201c" + (text if len(text) <= limit else text[: limit - 1] + "\u2026") + "\u201d"


def _quoted(*claims: Claim) -> str:
    """Each claim's outlet and its sentence, quoted."""
    return " ".join(f"{c.outlet}: {_quote(c.text)}" for c in claims)


def explain(f: Finding) -> str:
    """One or two sentences naming the outlets, dates and the differing values."""
    a, b = f.a, f.b
    if f.type == "timeline":
        head = f"Timeline conflict: {_who(a)} gives the date as \u201c{f.value_a}\u201d, while {_who(b)} gives \u201c{f.value_b}\u201d for the same statement."
    elif f.type == "number":
        head = f"Number conflict: {_who(a)} reports \u201c{f.value_a}\u201d, while {_who(b)} reports \u201c{f.value_b}\u201d; the two figures do not agree even allowing for hedges and rounding."
    elif f.type == "update":
        head = f"Update, not a contradiction: {_who(b)} gives \u201c{f.value_b}\u201d as a newer figure or correction of the \u201c{f.value_a}\u201d reported by {_who(a)}."
    elif f.type == "attribution":
        head = f"Attribution conflict: {_who(a)} attributes the statement to {f.value_a}, while {_who(b)} attributes it to {f.value_b}."
    elif f.type == "channel":
        head = f"Channel conflict: {_who(a)} says the statement was given to {f.value_a}, while {_who(b)} says it was given to {f.value_b}."
    elif f.type == "polarity":
        head = f"Polarity conflict: the statement is {f.value_a} by {_who(a)} but {f.value_b} by {_who(b)}."
    elif f.type == "name_variant" and two_given_names(f.value_a, f.value_b):
        head = f"Name variant: {_who(a)} gives the office to \u201c{f.value_a}\u201d, {_who(b)} to \u201c{f.value_b}\u201d in the same statement; one surname with two given names, so one outlet may name the wrong person."
    elif f.type == "name_variant" and two_surnames(f.value_a, f.value_b):
        head = f"Name variant: {_who(a)} names \u201c{f.value_a}\u201d, {_who(b)} names \u201c{f.value_b}\u201d; one given name under two surnames, written with the same age by both outlets or each the only person of that given name in its outlet's reports and named beside a family word (a married, former or family name, a surname misheard, or the wrong person named), so a reader may take them for two people."
    elif f.type == "name_variant" and swapped_name(f.value_a, f.value_b):
        head = f"Name variant: {_who(a)} names \u201c{f.value_a}\u201d, {_who(b)} names \u201c{f.value_b}\u201d; one name with the given name and the surname swapped, so a reader cannot tell the person's surname."
    elif f.type == "name_variant":
        head = f"Name variant: {_who(a)} spells the name \u201c{f.value_a}\u201d, {_who(b)} spells it \u201c{f.value_b}\u201d; they appear to be the same entity."
    elif f.type == "place":
        head = f"Place conflict: {_who(a)} says it happened in \u201c{f.value_a}\u201d, while {_who(b)} says the same happened in \u201c{f.value_b}\u201d."
    elif f.type == "role":
        head = f"Role conflict: {_who(a)} names \u201c{f.value_a}\u201d, while {_who(b)} names \u201c{f.value_b}\u201d; one person cannot hold both offices at once."
    else:
        head = f"{f.type}: {_who(a)} says \u201c{f.value_a}\u201d, {_who(b)} says \u201c{f.value_b}\u201d."
    agreeing = sorted({c.outlet for c in f.also} - {a.outlet, b.outlet})
    if agreeing:
        shared = shared_value(f)
        other = "the same day" if f.type == "timeline" else "the same figure"
        said = f"\u201c{shared}\u201d" if all(shared in c.text for c in f.also) else \
            f"\u201c{shared}\u201d or {other} in other words"
        head += f" {', '.join(agreeing)} also report{'s' if len(agreeing) == 1 else ''} {said}."
    return f"{head} {_quoted(a, b)}"


def explain_repetition(first: Claim, outlets: Sequence[str], anonymous: bool) -> str:
    """Why copies of one claim across outlets, ``first`` the earliest, stand on nothing independent."""
    if anonymous:
        source = first.attribution.source if first.attribution else "an anonymous source"
        basis = f"every copy cites only an anonymous source (\u201c{source}\u201d)"
    else:
        basis = "every copy repeats the same wording with no source at all"
    text = " ".join(first.text.split())
    return (f"Unsupported repetition: {len(outlets)} outlets ({', '.join(outlets)}) carry the claim "
            f"\u201c{text[:200]}\u201d; {basis}, first published by {first.outlet} on "
            f"{first.published.date().isoformat()}. No independent origin was found.")


def _told(reports: Sequence[tuple[Claim, str]]) -> tuple[str, str]:
    """What each report says, and each report's sentence quoted, for findings told over several reports."""
    said = "; ".join(f"{_who(c)} says \u201c{text}\u201d" for c, text in reports)
    return said, _quoted(*(c for c, _ in reports))


def explain_relation(who: str, reports: Sequence[tuple[Claim, str]]) -> str:
    """What each report calls one person (``who``) to another, in the order they were published."""
    said, quotes = _told(reports)
    return f"Family tie told two ways ({who}): {said}; one person cannot be both. {quotes}"


def explain_who_fired(reports: Sequence[tuple[Claim, str]], kind: str) -> str:
    """How each report tells who fired the shot that hurt a child, in publication order (``kind``: update when
    the reports are days apart)."""
    said, quotes = _told(reports)
    since = "the later account may be the investigation's" if kind == "update" else "both cannot hold at once"
    return f"Who fired told two ways: {said}; {since}. {quotes}"


def explain_drive_by(reports: Sequence[tuple[Claim, str]], kind: str) -> str:
    """A drive-by one report tells as what happened and another as the first account, since revised."""
    said, quotes = _told(reports)
    since = "the revision came later" if kind == "update" else "the drive-by was still told once it had been revised"
    return f"How the shots came told two ways: {said}; {since}. {quotes}"


def explain_scene_side(reports: Sequence[tuple[Claim, str]]) -> str:
    """One moment of a shooting placed inside a building by one report and outside it by another."""
    said, quotes = _told(reports)
    return f"Inside or outside told two ways: {said}; the same moment cannot be on both sides. {quotes}"


def explain_shooter_count(group: str, reports: Sequence[tuple[Claim, str]], kind: str) -> str:
    """How many of one group (``group``: police or attackers) each report says fired, in publication order."""
    said, quotes = _told(reports)
    who = "officers who fired" if group == "police" else "people who fired"
    since = "the later count may be the investigation's" if kind == "update" else \
        "the counts cannot both be right"
    return f"Number of {who} told two ways: {said}; {since}. {quotes}"


def explain_sex_count(casualty: str, reports: Sequence[tuple[Claim, str]]) -> str:
    """How many men and how many women each report counts among one group of the dead or hurt (``casualty``)."""
    said, quotes = _told(reports)
    return (f"Men and women among the {casualty} counted two ways: {said}; the same number of people, split "
            f"differently. {quotes}")


def explain_person_sex(age: str, reports: Sequence[tuple[Claim, str]]) -> str:
    """What sex each report gives the one person of an ``age``, in publication order."""
    said, quotes = _told(reports)
    return f"One person told two sexes (the {age}-year-old): {said}; one outlet has the person wrong. {quotes}"


def explain_wound(who: str, reports: Sequence[tuple[Claim, str]], kind: str) -> str:
    """Where each report says one person (``who``) was hit, in publication order (``kind``: update when the
    reports are days apart)."""
    said, quotes = _told(reports)
    since = "the later account may be a correction or the autopsy's" if kind == "update" else \
        "the places are too far apart to be one wound told loosely"
    return f"Wound placed two ways ({who}): {said}; {since}. {quotes}"


def explain_hits(who: str, reports: Sequence[tuple[Claim, str]]) -> str:
    """How many times, and where, each report says one person (``who``) was hit, in publication order."""
    said, quotes = _told(reports)
    return f"Times hit counted two ways ({who}): {said}; one person took a set number of bullets. {quotes}"


def explain_address(street: str, reports: Sequence[tuple[Claim, str]]) -> str:
    """The number each report puts on one street, in publication order."""
    said, quotes = _told(reports)
    return f"Address told two ways ({street}): {said}; the numbers are not one block. {quotes}"


def explain_street(streets: str, reports: Sequence[tuple[Claim, str]]) -> str:
    """The street each report puts the scene on, in publication order."""
    said, quotes = _told(reports)
    return f"Street of the scene told two ways ({streets}): {said}; no report names the other's street. {quotes}"


def explain_clock_time(reports: Sequence[tuple[Claim, str]]) -> str:
    """The hour each report gives the happening, in publication order."""
    said, quotes = _told(reports)
    return f"Hour of the happening told two ways: {said}; the hours lie too far apart to be one time rounded. {quotes}"


def explain_departure(reports: Sequence[tuple[Claim, str]]) -> str:
    """How each report says one person left a post, in publication order."""
    said, quotes = _told(reports)
    return f"Departure told two ways: {said}; a resignation is not a firing. {quotes}"


def explain_home(person: str, reports: Sequence[tuple[Claim, str]]) -> str:
    """Where each report says one person lives, in publication order."""
    said, quotes = _told(reports)
    return f"Home of {person} told two ways: {said}; no report names the other's place. {quotes}"


def explain_later_death(f: Finding) -> str:
    """The one person hit told gravely hurt (or brain-dead) by one report and brain-dead (or dead) by a report of a
    later day."""
    days = (f.b.published.date() - f.a.published.date()).days
    brain = "brain" in f.value_a.casefold()
    then = "brain-dead" if "brain" in f.value_b.casefold() else "dead"
    since = "brain death" if then == "brain-dead" else "death"
    return (f"The one person hit is told {'brain-dead and kept alive' if brain else 'alive and gravely hurt'} by "
            f"{_who(f.a)} (\u201c{f.value_a}\u201d) and {then} by {f.b.outlet} {days} day{'s' if days != 1 else ''} "
            f"later (\u201c{f.value_b}\u201d): the later report tells of a {since} since. {_quoted(f.a, f.b)}")


def explain_corrected_death(f: Finding) -> str:
    """The one person hit told dead by one report and alive by another that says the reports of the death were
    wrong."""
    return (f"The one person hit is told dead by {_who(f.a)} (\u201c{f.value_a}\u201d) and alive by {_who(f.b)} "
            f"(\u201c{f.value_b}\u201d), which says the reports of the death were wrong. {_quoted(f.a, f.b)}")


def explain_charges(who: str, reports: Sequence[tuple[Claim, str]], kind: str) -> str:
    """What each report says one person (``who``) is charged with, in publication order (``kind``: update when
    the reports are days apart)."""
    said, quotes = _told(reports)
    since = "charges are brought and changed as a case goes on; the later report may tell of that" \
        if kind == "update" else "both cannot hold at once"
    return f"Charges told two ways ({who}): {said}; {since}. {quotes}"


def explain_vehicle(what: str, reports: Sequence[tuple[Claim, str]]) -> str:
    """What each report says of one vehicle's ``what`` (colour, model), in the order they were published."""
    said, quotes = _told(reports)
    return f"Vehicle described two ways ({what}): {said}; one vehicle cannot be both. {quotes}"


def explain_toll(f: Finding) -> str:
    """What each report gives as the incident's toll, and whether the later one may be news since."""
    since = "the later report may give a count that rose since" if f.type == "update" else "both cannot hold at once"
    return (f"Toll told two ways: {_who(f.a)} gives \u201c{f.value_a}\u201d, {_who(f.b)} gives "
            f"\u201c{f.value_b}\u201d; {since}. {_quoted(f.a, f.b)}")


def explain_fate(whose: str, f: Finding) -> str:
    """What each report says of a person's fate (``whose``: which fate, in words), and whether the later
    one may be news since."""
    since = "the later report may tell of a change since" if f.type == "update" else "both cannot hold at once"
    return (f"Fate told two ways ({whose}): {_who(f.a)} says \u201c{f.value_a}\u201d, {_who(f.b)} says "
            f"\u201c{f.value_b}\u201d; {since}. {_quoted(f.a, f.b)}")
