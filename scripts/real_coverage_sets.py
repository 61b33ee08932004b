"""Build every named real-coverage set of the gun-violence corpus, each in its own folder, with its gold.

Each set is a fixed selection rule (``make_real_coverage.py``'s eligibility, a seeded shuffle, a slice of
that order, the incidents of earlier sets left out), so one command rebuilds the same articles on any
machine. The hand-made gold of every scored set is kept as spans in ``bench/gunviolence_gold.jsonl`` and
unpacked into each folder; a set whose events have no gold there yet gets an empty ``gold.jsonl`` and is
named as such, so it can be handed to labellers.

    python3 scripts/real_coverage_sets.py SRC ROOT                 # every set -> ROOT/<name>/
    python3 scripts/real_coverage_sets.py SRC ROOT --only duo1   # some sets
    python3 scripts/real_coverage_sets.py --names                  # the sets and their rules

SRC is the ``EventRegistries/GunViolenceArchive/the_violent_corpus`` folder of cltl/LongTailQATask.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.make_real_coverage import choose, read_incidents, write_corpus  # noqa: E402
from scripts.real_coverage_gold import unpack_into  # noqa: E402

GOLD = Path(__file__).resolve().parents[1] / "bench" / "gunviolence_gold.jsonl"


@dataclass(frozen=True)
class Rule:
    """Eligibility and order of one selection: incidents with at least ``min_outlets`` dated outlets and
    ``min_articles`` to ``max_articles`` articles, shuffled with ``seed``."""

    min_outlets: int = 3
    min_articles: int = 3
    max_articles: int = 6
    seed: int = 44


@dataclass(frozen=True)
class IncidentSet:
    """A named slice ``start:stop`` of a rule's order. Incidents of the ``after`` sets are left out before
    the shuffle (the pool a later draw is made from), those of the ``outside`` sets after it (the order of
    a larger selection, minus what was used)."""

    name: str
    rule: Rule
    start: int
    stop: int
    after: tuple[str, ...] = ()
    outside: tuple[str, ...] = ()


THREE_OUTLETS = Rule()
TWO_OUTLETS = Rule(min_outlets=2)
BIG = Rule(min_outlets=2, min_articles=7, max_articles=12)


def _duo(n: int) -> IncidentSet:
    """The n-th draw of 75 incidents with exactly two articles from two outlets, after the draws before it
    (the eleventh holds the 30 that remain)."""
    return IncidentSet(f"duo{n}", Rule(min_outlets=2, min_articles=2, max_articles=2, seed=60 + n), 0, 75,
                       tuple(f"duo{k}" for k in range(1, n)))


# The 311 incidents the default rule admits, in sets of 90, 30 and 11.
_CORE = ((IncidentSet("1-90", THREE_OUTLETS, 0, 90),)
         + tuple(IncidentSet(f"{a}-{a + 29}", THREE_OUTLETS, a - 1, a + 29) for a in range(91, 301, 30))
         + (IncidentSet("301-311", THREE_OUTLETS, 300, 311),))

SETS: tuple[IncidentSet, ...] = (
    _CORE
    # Two-outlet incidents outside the 311: the order of --min-outlets 2, the 311 left out.
    + tuple(IncidentSet(f"two-{a}-{a + 29}", TWO_OUTLETS, a - 1, a + 29, outside=tuple(s.name for s in _CORE))
            for a in range(1, 151, 30))
    + (IncidentSet("big", BIG, 0, 1000),)
    + tuple(_duo(n) for n in range(1, 12))
)


def select(incidents: dict, wanted: IncidentSet, chosen: dict[str, list[str]]) -> list[str]:
    """The incident keys of one set; ``chosen`` holds the keys of sets already selected (by name)."""
    taken = {k for name in wanted.after for k in chosen[name]}
    used = {k for name in wanted.outside for k in chosen[name]}
    pool = {k: v for k, v in incidents.items() if k not in taken}
    r = wanted.rule
    order = choose(pool, len(pool), r.seed, r.min_outlets, r.min_articles, r.max_articles)
    return [k for k in order if k not in used][wanted.start:wanted.stop]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src", type=Path, nargs="?", help="the_violent_corpus folder")
    ap.add_argument("root", type=Path, nargs="?", help="one folder per set is written here (outside the repository)")
    ap.add_argument("--only", nargs="+", metavar="NAME", help="build these sets only")
    ap.add_argument("--names", action="store_true", help="print the sets and their rules, and stop")
    args = ap.parse_args(argv)
    names = {s.name for s in SETS}
    if args.names:
        for s in SETS:
            r = s.rule
            after = f", after {', '.join(s.after)}" if s.after else ""
            after += f", outside {', '.join(s.outside)}" if s.outside else ""
            print(f"{s.name:12s} outlets>={r.min_outlets} articles {r.min_articles}-{r.max_articles} "
                  f"seed {r.seed} [{s.start}:{s.stop}]{after}")
        return 0
    if args.src is None or args.root is None:
        ap.error("SRC and ROOT are needed (or --names)")
    unknown = set(args.only or ()) - names
    if unknown:
        ap.error(f"unknown set(s) {', '.join(sorted(unknown))}; --names lists them")
    incidents = read_incidents(args.src)
    chosen: dict[str, list[str]] = {}
    for s in SETS:
        chosen[s.name] = select(incidents, s, chosen)
        if args.only and s.name not in args.only:
            continue
        out = args.root / s.name
        n_events, n_articles = write_corpus(incidents, chosen[s.name], out)
        labelled = unpack_into(GOLD, out, chosen[s.name])
        note = "" if labelled == n_events else f" ({n_events - labelled} without gold)"
        print(f"{s.name}: {n_events} events, {n_articles} articles{note} -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
