"""Pairing a story's rows into candidates: rows of different outlets that may state one fact and whose values clash."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ...records import Claim
from .holders import listed_person
from .rows import Fact
from .sameness import one_fact, related
from .values import differ, facts_agree, fineness


# Coverage of one happening, updates included, comes within days; a story that spans months holds
# several happenings of one kind (two launches, two hearings), whose figures and dates differ.
WINDOW_DAYS = 7
# Claims this close in meaning are compared figure by figure even when the slots share no word;
# not date by date: one story's sentences this close often date its different happenings.
CLOSE_CLAIMS = 0.6


Similarity = Callable[[int, int], float]


def in_order(x: Fact, y: Fact) -> tuple[Fact, Fact]:
    """The two rows, the earlier claim's first (by publication, then id)."""
    return (x, y) if (x.claim.published, x.claim.id) <= (y.claim.published, y.claim.id) else (y, x)


@dataclass(frozen=True, slots=True)
class Candidate:
    """Two rows of different outlets that may state one fact, with what the scorer weighs beyond their slots."""

    a: Fact  # the row of the earlier claim
    b: Fact
    similarity: float  # the claims' cosine
    rarity: float  # of the rarest word their slots share, in the story's table
    anchored: bool  # other values of the two claims agree: one sentence of record, one figure changed


def candidates(facts: Sequence[Fact], similarity: Similarity,
               pairable: Callable[[Fact], bool] | None = None) -> list[Candidate]:
    """Pairs of rows of different outlets that may state one fact and whose values cannot both be right
    (with ``pairable``, only pairs of rows it accepts; every row still vouches for or echoes a value).

    A value that some row of the other claim agrees with is that row's ("from 1965 to 1970" against
    "from 1965 to 1970": 1965 is not set against 1970)."""
    # A word few rows of the story share ("primary") says more about which fact it is than one
    # many share ("election"): shared words count by their rarity in the story's table.
    df: dict[str, int] = {}
    for f in facts:
        for w in f.about:
            df[w] = df.get(w, 0) + 1
    by_article: dict[str, list[Fact]] = {}
    for f in facts:
        by_article.setdefault(f.claim.article_id, []).append(f)
    by_row: dict[int, list[Fact]] = {}
    for f in facts:
        by_row.setdefault(f.row, []).append(f)
    by_claims: dict[tuple[int, int], list[tuple[Fact, Fact]]] = {}
    ok = {id(f) for f in facts if pairable is None or pairable(f)}
    for i, x in enumerate(facts):
        for y in facts[i + 1:]:
            if id(x) not in ok and id(y) not in ok:
                continue  # neither can be paired, nor vouch for a row that can
            if x.claim.outlet == y.claim.outlet or x.claim.article_id == y.claim.article_id:
                continue
            if abs((x.claim.published - y.claim.published).days) > WINDOW_DAYS:
                continue  # reports weeks apart are of different happenings as often as of one
            if x.kind == y.kind:
                by_claims.setdefault((x.row, y.row), []).append((x, y))
    out: list[Candidate] = []
    for (ra, rb), rows in by_claims.items():
        sim = similarity(ra, rb)
        # Sentences this close in meaning may give one fact whatever their slots say it is about.
        rows = [(x, y) for x, y in rows if related(x, y) or sim >= CLOSE_CLAIMS and x.kind == "figure"]
        # A coarser value ("earlier this week") agreeing with a finer one ("Friday") does not vouch for it.
        agreed = {id(f) for x, y in rows if facts_agree(x, y) for f, g in ((x, y), (y, x))
                  if fineness(g) <= fineness(f)}
        conflicts = [(x, y) for x, y in rows if id(x) not in agreed and id(y) not in agreed
                     and id(x) in ok and id(y) in ok and differ(x, y)]
        if not conflicts:
            continue
        for x, y in conflicts:
            a, b = in_order(x, y)
            if not one_fact(a, b):
                continue
            # An outlet that gives the other's value elsewhere knows both: two happenings, not a dispute.
            if _echoed(a, by_article.get(b.claim.article_id, ())) or _echoed(b, by_article.get(a.claim.article_id, ())):
                continue
            if _written_unread(a, b.claim) or _written_unread(b, a.claim):
                continue
            if _listed_apart(x, y, by_row.get(y.row, ())) or _listed_apart(y, x, by_row.get(x.row, ())):
                continue
            rare = max((1 / df[w] for w in x.about & y.about), default=0.0)
            out.append(Candidate(a, b, sim, rare, len(agreed) > 0))
    return out


def _listed_apart(x: Fact, y: Fact, with_y: Sequence[Fact]) -> bool:
    """``x`` is one person's figure and ``y``'s sentence gives that person another figure of the same
    kind: ``x`` is to be held against that one, not against ``y`` (another person's in the list)."""
    who = listed_person(x)
    return who is not None and listed_person(y) != who and any(
        g is not y and g.kind == "figure" and g.slot.kind == x.slot.kind and listed_person(g) == who
        for g in with_y)


MIN_WRITTEN = 10  # smaller numbers turn up in any sentence ("a 2-1 vote", "won 3 of 5") by chance


def _written_unread(f: Fact, c: Claim) -> bool:
    """The other sentence writes the row's count in digits where the reader took no figure (the wins
    of a record "31-4", which the rows leave out as a score): that outlet gives the value too, and its
    own figure is of something else."""
    v = f.slot.value
    if f.kind != "figure" or f.slot.kind != "count" or v != int(v) or v < MIN_WRITTEN:
        return False
    read = [(s.start, s.end) for s in (*c.quantities, *c.times)]
    for m in re.finditer(rf"(?<![\d.,$]){int(v)}(?![\d]|[.,]\d)", c.text):
        at = c.start + m.start()
        if not any(s <= at < e for s, e in read):
            return True
    return False


def _echoed(f: Fact, others: Sequence[Fact]) -> int:
    """1 when some row of another article gives the same value: that outlet knows it, perhaps of another thing."""
    return int(any(g.kind == f.kind and facts_agree(f, g) and fineness(g) <= fineness(f) for g in others))
