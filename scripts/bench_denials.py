"""How far lining up denials by what they deny gets on real coverage (see bench/denials.py).

Reads the claims of a store that holds a BASIL-layout folder (bench_real.py --store), lines up
every negating sentence with the asserting sentences of other outlets that say what it negates,
and prints, for each bar on the candidate weight, how many candidates pass, how many match a gold
polarity item (and how many items that is), and how many match a must-not-flag item.

    python3 scripts/bench_denials.py ../shared/bench/real-coverage/basil --store /tmp/basil-store --part tune
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.denials import candidates  # noqa: E402
from bench.realcoverage import event_part, matches, read_jsonl  # noqa: E402

BARS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path, help="a folder with articles.jsonl, events.json and gold.jsonl")
    ap.add_argument("--store", type=Path, required=True, help="a store that already holds the folder's articles")
    ap.add_argument("--part", choices=("tune", "held", "all"), default="tune")
    ap.add_argument("--both-sides", action="store_true", help="keep pairs whose outlets also report the other side")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    from consistency.compare.base import evidence
    from consistency.records import Flag
    from consistency.store import Store

    gold = read_jsonl(args.dir / "gold.jsonl")
    events = json.loads((args.dir / "events.json").read_text(encoding="utf-8"))
    article_event = {a: e for e, rec in events.items() for a in rec["articles"]}
    inside = lambda e: args.part == "all" or event_part(e) == args.part  # noqa: E731
    with Store(args.store, readonly=True) as store:
        claims = [c for c in store.story_claim_records().values() if inside(article_event.get(c.article_id, ""))]
    polarity = [g for g in gold if g["type"] == "polarity" and inside(g["event"])]
    avoid = [g for g in gold if g["type"] == "must_not_flag" and inside(g["event"])]
    rows = []
    found = []
    for cand in candidates(claims, one_sided=not args.both_sides):
        a, b = cand.negating, cand.asserting
        flag = Flag(id="d", type="polarity", claims=(a.id, b.id), articles=(a.article_id, b.article_id),
                    outlets=(a.outlet, b.outlet), evidence=(evidence(a, a.start, a.end), evidence(b, b.start, b.end)))
        hit = [i for i, g in enumerate(polarity) if matches(flag, g, same_type=True)]
        rows.append((cand.weight, hit, any(matches(flag, g, same_type=False) for g in avoid)))
        if hit:
            found.append(f"  {cand.weight:.2f} item {hit[0]}: {a.text[:90]!r} / {b.text[:90]!r}")
    figures = []
    for bar in BARS:
        kept = [r for r in rows if r[0] >= bar - 1e-9]
        items = {i for r in kept for i in r[1]}
        figures.append({"bar": bar, "candidates": len(kept), "gold_matches": sum(1 for r in kept if r[1]),
                        "items": len(items), "worth_note_items": sum(1 for i in items if polarity[i]["worth_note"]),
                        "must_not_flag": sum(1 for r in kept if r[2])})
    if args.json:
        print(json.dumps({"part": args.part, "polarity_items": len(polarity), "claims": len(claims),
                          "bars": figures}, indent=1))
        return 0
    print(f"{args.part}: {len(claims)} claims, {len(polarity)} polarity items "
          f"({sum(1 for g in polarity if g['worth_note'])} worth a note)")
    print(f"{'bar':>5s}{'cands':>7s}{'gold':>6s}{'items':>7s}{'worth':>7s}{'mnf':>5s}{'prec':>7s}")
    for f in figures:
        prec = f["gold_matches"] / f["candidates"] if f["candidates"] else 0.0
        print(f"{f['bar']:5.1f}{f['candidates']:7d}{f['gold_matches']:6d}{f['items']:7d}{f['worth_note_items']:7d}"
              f"{f['must_not_flag']:5d}{prec:7.3f}")
    print("gold matches:")
    print("\n".join(found))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
