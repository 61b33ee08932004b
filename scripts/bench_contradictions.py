"""Measure the contradiction detectors on a benchmark built by make_contradiction_bench.py.

Ingests DIR/articles.jsonl into a fresh store, runs the check, and scores the flags against
DIR/gold.jsonl: precision, recall and F1 per type, false flags per 100 articles that carry no
injected case, and flags raised on edits that must not be flagged (see bench/contrabench/score.py for
the exact matching rules).

    python3 scripts/bench_contradictions.py /tmp/cbench --embedder minilm
    python3 scripts/bench_contradictions.py /tmp/cbench --json --store /tmp/cbench-store
    python3 scripts/bench_contradictions.py /tmp/cbench --store /tmp/cbench-store --reuse --facts
    python3 scripts/bench_contradictions.py /tmp/cbench --store COPY --reuse --restory   # stories afresh
    python3 scripts/bench_contradictions.py /tmp/cbench --store COPY --reuse --list      # read the false flags
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bars import add_bar_arguments, bar_overrides  # noqa: E402
from bench.contrabench.score import render, score  # noqa: E402
from bench.realcoverage import read_jsonl  # noqa: E402


def run_check(bench: Path, store: Path, embedder: str, facts: bool = False, full: bool = False,
              restory: bool = False, bars: dict[str, float | None] | None = None) -> tuple[list, dict]:
    """Ingest the benchmark's articles into ``store`` and return the flags and timings
    (``restory``: forget the stored stories first, so the check assigns them afresh; ``bars``: Options
    fields happening_bar and figure_bar to check with)."""
    from consistency import Options, check, ingest
    from consistency.pipeline import forget_stories

    opts = Options(store=store, embedder=embedder, facts=facts, **(bars or {}))
    if restory:
        forget_stories(opts)
    t0 = time.perf_counter()
    ingested = ingest([bench / "articles.jsonl"], opts)
    t1 = time.perf_counter()
    result = check(opts, full=full)
    t2 = time.perf_counter()
    return list(result.flags), {"ingest_seconds": round(t1 - t0, 1), "check_seconds": round(t2 - t1, 1),
                                "articles_new": getattr(ingested, "articles_new", None)}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path, help="a benchmark folder (articles.jsonl, gold.jsonl)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--store", type=Path, help="keep the store here (must not exist yet)")
    ap.add_argument("--reuse", action="store_true",
                    help="check an existing --store again (check --full), to measure a change in compare/ alone")
    ap.add_argument("--restory", action="store_true",
                    help="with --reuse: assign stories afresh (then align and compare), to measure a change in stories/")
    ap.add_argument("--facts", action="store_true", help="check with the stories' fact tables (check --facts)")
    ap.add_argument("--embedder", choices=["minilm", "hashing"], default="minilm")
    ap.add_argument("--list", action="store_true",
                    help="also print every flag that matched no gold line, with its evidence")
    add_bar_arguments(ap)
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    for name in ("articles.jsonl", "gold.jsonl"):
        if not (args.dir / name).is_file():
            ap.error(f"{args.dir / name}: not found; build it with make_contradiction_bench.py")
    if args.reuse and not (args.store and args.store.exists()):
        ap.error("--reuse needs an existing --store")
    if args.restory and not args.reuse:
        ap.error("--restory needs --reuse")
    if args.store and args.store.exists() and not args.reuse:
        ap.error(f"{args.store}: already exists; the benchmark needs a fresh store")
    gold = read_jsonl(args.dir / "gold.jsonl")
    articles = read_jsonl(args.dir / "articles.jsonl")
    ids = [a["id"] for a in articles]
    if args.store:
        flags, timing = run_check(args.dir, args.store, args.embedder, args.facts, full=args.reuse,
                                 restory=args.restory, bars=bar_overrides(args))
    else:
        with tempfile.TemporaryDirectory(prefix="cbench-store-") as tmp:
            flags, timing = run_check(args.dir, Path(tmp) / "store", args.embedder, args.facts,
                                      bars=bar_overrides(args))
    result = score(flags, gold, ids, {a["id"]: a["text"] for a in articles})
    if args.json:
        print(json.dumps(dict(result.as_dict(), flags=len(flags), articles=len(ids), **timing),
                         indent=1))
    else:
        print(f"{len(ids)} articles, {len(gold)} gold lines, {len(flags)} flags "
              f"(ingest {timing['ingest_seconds']}s, check {timing['check_seconds']}s)")
        print(render(result))
    if args.list:
        print(render_unmatched(flags, result, gold, {a["id"]: a["text"] for a in articles}))
    return 0


def render_unmatched(flags: list, result, gold: list[dict], texts: dict[str, str]) -> str:
    """The flags that matched no gold line and were no duplicate, each with its articles (an
    untouched article marked *) and the evidence text it rests on."""
    from bench.contrabench.score import _matches, _norm

    norm = {k: _norm(v) for k, v in texts.items()}

    touched = {a for g in gold for a in g["articles"]}
    matched = {fi for fi, _ in result.matched}
    want = [g for g in gold if g["expect"] == "flag"]
    lines = ["", "unmatched flags (* marks an untouched article):"]
    for fi, flag in enumerate(flags):
        if fi in matched or any(_matches(flag, g, norm) > 0 for g in want):
            continue
        arts = " ".join(a + ("" if a in touched else "*") for a in flag.articles)
        lines.append(f"- {flag.type} conf {float(flag.confidence):.2f} [{arts}] {flag.explanation}")
        for ev in flag.evidence:
            text = getattr(ev, "text", str(ev))
            lines.append(f"    {getattr(ev, 'article_id', '')}: {' '.join(str(text).split())[:300]}")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
