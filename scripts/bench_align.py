"""Time aligning one night's new claims in stores of growing size: does alignment follow the night or the store?

    python3 scripts/bench_align.py --base 10000,50000 --new 1000 --json

For each base size, a store is filled with generated articles (the nightly benchmark's
generator), one claim per sentence, hashing vectors and the generator's own stories, so
no article is parsed and a store of 50k articles is made in a minute or two. Its claims are
marked aligned and indexed (at 200k claims the index turns to IVF, as a real store's does);
then NEW more articles arrive and only ``align_new_claims`` is timed. ``align_s`` at the
largest base over the smallest is the figure: 1.0 means the store's size costs nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic_news import synthetic  # noqa: E402
from consistency import Options  # noqa: E402
from consistency.align import align_new_claims  # noqa: E402
from consistency.embed import get_embedder  # noqa: E402
from consistency.pipeline import open_store  # noqa: E402
from consistency.records import Article, Claim  # noqa: E402

_SENTENCE = re.compile(r"[^.!?]+[.!?]")


def _records(rows: list[dict]) -> tuple[list[Article], list[Claim], dict[str, str]]:
    """Articles, one claim per sentence, and each article's story (the generator's)."""
    articles, claims, stories = [], [], {}
    for r in rows:
        a = Article(id=r["id"], outlet=r["outlet"], url=r["url"], title=r["title"],
                    published=datetime.fromisoformat(r["published"]), text=r["text"])
        articles.append(a)
        stories[a.id] = r["id"].split("-")[0]
        for n, m in enumerate(_SENTENCE.finditer(a.text)):
            text = m.group().strip()
            claims.append(Claim(id=f"{a.id}#{n}", article_id=a.id, outlet=a.outlet, published=a.published, text=text,
                                start=m.start(), end=m.end(), content=text, story_id=stories[a.id]))
    return articles, claims, stories


def _add(store, rows: list[dict], embedder, *, checked: bool) -> int:
    """Store these articles with their claims, vectors and stories; returns the claims added."""
    articles, claims, stories = _records(rows)
    vectors = dict(zip((c.content_hash for c in claims), embedder.embed([c.content for c in claims])))
    with store.transaction():
        store.put_vectors(vectors)
        store.insert_articles(articles, [a.url for a in articles], None)
        rowids = store.insert_claims(claims)
        store.set_stories(stories)
        if checked:
            store.mark_checked(rowids)
    store.sync_index()
    return len(claims)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", default="10000,50000", help="comma-separated base sizes, in articles")
    ap.add_argument("--new", type=int, default=1000, help="articles arriving tonight")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()

    bases = [int(b) for b in args.base.split(",")]
    rows = synthetic(max(bases) + args.new, args.seed)
    embedder = get_embedder("hashing")
    import consistency.compare.base  # noqa: F401 - alignment's first call imports it; not the store's cost
    points = []
    for base in bases:
        with tempfile.TemporaryDirectory(prefix="bench-align-") as tmp:
            opts = Options(store=Path(tmp) / "store", embedder="hashing")
            with open_store(opts) as store:
                base_claims = _add(store, rows[:base], embedder, checked=True)
                new_claims = _add(store, rows[base:base + args.new], embedder, checked=False)
                t = time.perf_counter()
                pairs = align_new_claims(store, opts)
                seconds = time.perf_counter() - t
                points.append({"base": base, "base_claims": base_claims, "new_claims": new_claims,
                               "index": store.index.type_name, "align_s": round(seconds, 3), "pairs": len(pairs)})
    result = {"new": args.new, "points": points, "load_avg": round(os.getloadavg()[0], 1),
              "largest_over_smallest": round(points[-1]["align_s"] / points[0]["align_s"], 3)}
    if args.json:
        print(json.dumps(result))
    else:
        for p in points:
            print(f"base {p['base']} articles ({p['base_claims']} claims, {p['index']} index): aligning "
                  f"{p['new_claims']} new claims took {p['align_s']:.2f}s, {p['pairs']} pairs")
        print(f"largest / smallest: {result['largest_over_smallest']}; load average {result['load_avg']}")


if __name__ == "__main__":
    main()
