"""Whether two reports weeks apart name one incident: the same person or the same day of it.

The fact table pairs rows of reports at most ``WINDOW_DAYS`` apart, since a story spanning weeks
often holds several happenings of one kind. A later report that names the person the earlier one
named (a victim, a suspect; by full name, with no title or office, which politicians carry), or
gives the same calendar day that the earlier one gave, is of the earlier one's incident: its
figures and dates may be set against the earlier ones whatever the days between them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .rows import Fact


def named_alike(facts: Sequence[Fact]) -> Callable[[Fact, Fact], bool]:
    """A test of two rows: whether their articles share a person named in full with no title, or a
    calendar day before both were published (read from the claims of ``facts``)."""
    people: dict[str, set[str]] = {}
    days: dict[str, set[str]] = {}
    for f in facts:
        a = f.claim.article_id
        for e in f.claim.entities:
            if e.label == "PERSON" and not e.role and len(e.text.split()) >= 2:
                people.setdefault(a, set()).add((e.canonical or e.text).casefold())
        if f.kind == "date" and _a_day(f, f.claim.published.date().isoformat()):
            days.setdefault(a, set()).add(f.slot.earliest or "")

    def same(x: Fact, y: Fact) -> bool:
        ax, ay = x.claim.article_id, y.claim.article_id
        return bool(people.get(ax, set()) & people.get(ay, set()) or days.get(ax, set()) & days.get(ay, set()))
    return same


def _a_day(f: Fact, published: str) -> bool:
    """A row dating something to one calendar day written out ("July 17", not "Sunday"), before or on
    the day its report came out."""
    t = f.slot
    return (t.granularity == "day" and bool(t.earliest) and t.earliest == t.latest
            and (t.earliest or "") <= published and any(c.isdigit() for c in t.text))
