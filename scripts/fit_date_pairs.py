"""Choose the rule that flags dated-happening pairs, by cross-validation over tuning events only.

Every pair ``consistency.compare.happenings.date_pairs`` proposes on the tuning half of a
real-coverage bench (BASIL layout) is labelled right when its two claims match a timeline gold item
the way ``scripts/bench_real.py`` matches flags, wrong otherwise. Each rule of a small grid (how many
days apart two dates of a day may be, how close in meaning the two claims must be) is scored
leaving one event out at a time: the rule chosen on the other events (best F0.5, ties to the looser
rule) flags the left-out event's pairs. That out-of-fold figure is what the choice is worth; the
rule chosen on all tuning events is printed to be set as ``happenings.RULE``. The held half is
never read here.

    python3 scripts/bench_real.py DIR --store /tmp/basil-store     # builds the store once
    python3 scripts/fit_date_pairs.py DIR --store /tmp/basil-store [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from itertools import product
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.realcoverage import check_inputs, event_part, quotes_match, read_jsonl  # noqa: E402

DAY_GAPS = (1, 2, 3, 6)
SIMILARITIES = (-1.0, 0.0, 0.1, 0.2, 0.3)
BETA = 0.5  # precision counts more than recall: a wrong flag costs a fact-checker's time




def pair_table(bench: Path, store: Path) -> list[dict]:
    """The tuning half's proposed pairs: event, the pair, and the timeline item it matches (or None)."""
    from consistency import Options
    from consistency.compare.facts import story_tables
    from consistency.compare.happenings import date_pairs
    from consistency.pipeline import open_store

    gold = [g for g in read_jsonl(bench / "gold.jsonl") if g["type"] == "timeline"]
    events = json.loads((bench / "events.json").read_text(encoding="utf-8"))
    event_of = {a: e for e, rec in events.items() for a in rec["articles"]}
    rows = []
    with open_store(Options(store=store), readonly=True) as st:
        claims = st.story_claim_records(None)
        for _, facts, similarity in story_tables(claims, st.claim_vectors):
            for p in date_pairs(facts, similarity):
                event = event_of.get(p.a.claim.article_id)
                if event is None or event_part(event) != "tune":
                    continue
                item = next((i for i, g in enumerate(gold) if g["event"] == event
                             and quotes_match(g, p.a.claim, p.b.claim)), None)
                rows.append({"event": event, "pair": p, "item": item})
    return rows


def figures(rows: list[dict], rule) -> dict:
    """Flags, right flags, timeline items reached and F0.5 of a rule on some pairs."""
    kept = [r for r in rows if rule.keeps(r["pair"])]
    right = sum(r["item"] is not None for r in kept)
    items = {r["item"] for r in kept if r["item"] is not None}
    reachable = {r["item"] for r in rows if r["item"] is not None}
    p = right / len(kept) if kept else 0.0
    rec = len(items) / len(reachable) if reachable else 0.0
    f = (1 + BETA ** 2) * p * rec / (BETA ** 2 * p + rec) if p + rec else 0.0
    return {"flags": len(kept), "right": right, "items": len(items), "precision": round(p, 3), "f05": round(f, 3)}


def grid():
    """The rules tried, loosest first (so a tie keeps the one that flags more)."""
    from consistency.compare.happenings import DateRule

    return [DateRule(g, s) for s, g in product(SIMILARITIES, sorted(DAY_GAPS, reverse=True))]


def choose(rows: list[dict]):
    """The rule of the grid with the best F0.5 on these pairs (the first, loosest, on a tie)."""
    best, score = None, -1.0
    for rule in grid():
        f = figures(rows, rule)["f05"]
        if f > score:
            best, score = rule, f
    return best


def out_of_fold(rows: list[dict]) -> dict:
    """Each event's pairs flagged by the rule chosen on the other events: what the choice is worth."""
    flags = right = 0
    items: set[int] = set()
    for event in sorted({r["event"] for r in rows}):
        rule = choose([r for r in rows if r["event"] != event])
        for r in rows:
            if r["event"] == event and rule.keeps(r["pair"]):
                flags += 1
                right += r["item"] is not None
                if r["item"] is not None:
                    items.add(r["item"])
    return {"flags": flags, "right": right, "items": len(items),
            "precision": round(right / flags, 3) if flags else None}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path, help="a folder with articles.jsonl, events.json and gold.jsonl")
    ap.add_argument("--store", type=Path, required=True, help="a store holding the bench's articles")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    check_inputs(ap, args.dir, args.store)
    rows = pair_table(args.dir, args.store)
    rule = choose(rows)
    report = {"pairs": len(rows), "right_pairs": sum(r["item"] is not None for r in rows),
              "reachable_items": len({r["item"] for r in rows if r["item"] is not None}),
              "chosen": {"max_day_gap": rule.max_day_gap, "min_similarity": rule.min_similarity},
              "chosen_in_sample": figures(rows, rule), "out_of_fold": out_of_fold(rows)}
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        print(f"{report['pairs']} pairs on the tuning half, {report['right_pairs']} right, "
              f"{report['reachable_items']} timeline items reachable")
        print(f"chosen: max_day_gap {rule.max_day_gap}, min_similarity {rule.min_similarity} "
              f"(set it as consistency.compare.happenings.RULE)")
        print(f"in sample: {report['chosen_in_sample']}")
        print(f"out of fold (leave one event out): {report['out_of_fold']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
