"""Build a labelled contradiction benchmark from ECB+ coverage of real events.

Each ECB+ topic and sub-event is one story covered by several articles. Every article gets a
fictional outlet and publication date; some pairs of articles of a story then receive controlled
cases (timeline, attribution, channel, number, polarity, name variant, update, unsupported
repetition) and edits that must not be flagged (rounding, hedges, coarser dates, neutral cue verbs).

    python3 scripts/make_contradiction_bench.py ../shared/bench/ecbplus /tmp/cbench --seed 1
    python3 scripts/make_contradiction_bench.py ../shared/bench/ecbplus /tmp/cbench --seed 1 --topics 1-5

Writes OUT_DIR/articles.jsonl (ingest format), OUT_DIR/gold.jsonl and OUT_DIR/manifest.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.contrabench.build import Source, build  # noqa: E402


def parse_topics(spec: str) -> list[int]:
    """Topic numbers from "1-35" or "1,3,5-7"."""
    out: list[int] = []
    for part in spec.split(","):
        lo, _, hi = part.strip().partition("-")
        out.extend(range(int(lo), int(hi or lo) + 1))
    return out


def load_sources(ecb_dir: Path, topics: list[int]) -> list[Source]:
    """The ECB+ articles of the given topics, one story per topic and sub-event."""
    from bench.ecbplus import read_ecbplus

    return [Source(d.doc_id, f"{d.topic}_{d.subtopic}", d.title, list(d.sentences))
            for d in read_ecbplus(ecb_dir, topics)]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ecb_dir", type=Path, help="the ECB+ folder (holding ECB+/<topic>/*.xml)")
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--topics", default="1-35", help='topic numbers, e.g. "1-35" or "1,4,7-9"')
    args = ap.parse_args(argv)

    from consistency.extract.nlp import load_nlp

    sources = load_sources(args.ecb_dir, parse_topics(args.topics))
    if not sources:
        ap.error(f"{args.ecb_dir}: no ECB+ articles for topics {args.topics}")
    articles, gold, manifest = build(sources, args.seed, load_nlp())
    args.out_dir.mkdir(parents=True, exist_ok=True)
    with open(args.out_dir / "articles.jsonl", "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    with open(args.out_dir / "gold.jsonl", "w", encoding="utf-8") as f:
        for g in gold:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    (args.out_dir / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    share = manifest["untouched_articles"] / max(1, manifest["articles"])
    print(f"{manifest['articles']} articles in {manifest['stories']} stories, "
          f"{len(gold)} gold lines, {manifest['untouched_articles']} untouched ({share:.0%})")
    print("cases: " + ", ".join(f"{k} {v}" for k, v in manifest["cases"].items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
