"""Time a nightly run that adds NEW articles to a store of BASE, against a full rebuild of BASE+NEW.

    python3 scripts/bench_nightly.py --base 10000 --new 1000 --json
    python3 scripts/bench_nightly.py --base 2000 --new 200 --embedder hashing
    python3 scripts/bench_nightly.py --ecbplus ../shared/bench/ecbplus --new 100

Articles are generated from templates (seeded: stories covered by several outlets, with
named people, organisations, places, figures, dates and attributed quotes), or read from
ECB+ with ``--ecbplus PATH``. Models are loaded once before timing starts, so both figures
measure the batch itself: ingest, check and writing the report.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic_news import synthetic  # noqa: E402
from consistency import Options  # noqa: E402
from consistency.nightly import run  # noqa: E402

def ecbplus(path: Path, n: int) -> list[dict]:
    """The first ``n`` ECB+ documents as articles."""
    from urllib.parse import urlsplit

    from bench.ecbplus import read_ecbplus

    out = []
    start = datetime(2026, 1, 5, 6, tzinfo=timezone.utc)
    for d in read_ecbplus(path)[:n]:  # ECB+ carries no outlet or date: the URL's host and the topic stand in
        host = urlsplit(d.url).netloc.removeprefix("www.") if d.url else ""
        out.append({"id": d.doc_id, "outlet": host or f"outlet-{hash(d.doc_id) % 40}",
                    "url": d.url or f"https://ecbplus.example/{d.doc_id}", "title": d.title,
                    "published": (start + timedelta(days=d.topic, hours=len(out) % 48)).isoformat(), "text": d.text})
    return out


def _write(rows: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", type=int, default=10000, help="articles already in the store")
    ap.add_argument("--new", type=int, default=1000, help="articles arriving tonight")
    ap.add_argument("--embedder", choices=["minilm", "hashing"], default="minilm")
    ap.add_argument("--ecbplus", type=Path, default=None, help="read articles from this ECB+ folder instead")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()

    total = args.base + args.new
    rows = ecbplus(args.ecbplus, total) if args.ecbplus else synthetic(total, args.seed)
    if len(rows) < total:
        sys.exit(f"only {len(rows)} articles available; lower --base/--new")
    with tempfile.TemporaryDirectory(prefix="bench-nightly-") as tmp:
        tmp = Path(tmp)
        base, new = _write(rows[:args.base], tmp / "base.jsonl"), _write(rows[args.base:], tmp / "new.jsonl")
        _warm_up(args.embedder)
        opts = Options(store=tmp / "store", embedder=args.embedder)
        t = time.perf_counter()
        first = run([base], opts, tmp / "out")
        base_s = time.perf_counter() - t
        t = time.perf_counter()
        night = run([new], opts, tmp / "out")
        incremental_s = time.perf_counter() - t
        t = time.perf_counter()
        rebuilt = run([base, new], Options(store=tmp / "fresh", embedder=args.embedder), tmp / "out-fresh")
        rebuild_s = time.perf_counter() - t
    result = {
        "base": args.base, "new": args.new, "embedder": args.embedder,
        "source": str(args.ecbplus) if args.ecbplus else f"synthetic(seed={args.seed})",
        "incremental_s": round(incremental_s, 2), "rebuild_s": round(rebuild_s, 2),
        "ratio": round(incremental_s / rebuild_s, 4) if rebuild_s else None, "base_build_s": round(base_s, 2),
        "incremental_stages_s": {k: round(v, 2) for k, v in night.timings.items()},
        "rebuild_stages_s": {k: round(v, 2) for k, v in rebuilt.timings.items()},
        "claims": rebuilt.summary["claims"], "flags_open": rebuilt.summary["flags_open"],
        "night_new_flags": len(night.check.new), "night_articles_new": night.ingest.articles_new,
        "base_articles": first.ingest.articles_new,
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"night adding {args.new} articles to {args.base}: {incremental_s:.1f}s "
              f"({', '.join(f'{k} {v:.1f}s' for k, v in night.timings.items())})")
        print(f"full rebuild of {total}: {rebuild_s:.1f}s "
              f"({', '.join(f'{k} {v:.1f}s' for k, v in rebuilt.timings.items())})")
        print(f"ratio {result['ratio']} (target <= 0.15); {result['claims']} claims, {result['flags_open']} open flags")


def _warm_up(embedder: str) -> None:
    """Load spaCy and the embedder before any timing starts."""
    from consistency.extract.nlp import load_nlp
    from consistency.pipeline import embedder_for

    load_nlp()
    embedder_for(Options(embedder=embedder)).embed(["warm up"])


if __name__ == "__main__":
    main()
