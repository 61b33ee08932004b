"""Time and peak memory of one long article, from reading to claims, at several lengths.

Each length runs in a fresh process (so peak memory is that length's own). Texts up to
MAX_TEXT_CHARS are parsed in PART_CHARS parts; longer ones are refused by the reader.
``--whole`` parses the text as one document, as before the parts, for comparison.

    python scripts/long_article.py                       # 20k, 50k, 100k and 900k characters
    python scripts/long_article.py 50000 --whole --json  # one length, unsplit, as JSON
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def article_text(n: int) -> str:
    """n characters of invented news prose: attributed quotes, dates and figures, in paragraphs."""
    names = ["Ilona Marsh", "the harbour authority", "Nadia Petrescu", "a ministry spokesman", "Peter Grant"]
    paras, i = [], 0
    while sum(len(p) + 2 for p in paras) < n:
        paras.append(f"{names[i % 5]} said on Tuesday that {i + 3} inspectors would visit the Kesk plant by March "
                     f"{i % 28 + 1}. \"We expect the audit to finish in April,\" the official told reporters. "
                     f"Turnout reached {40 + i % 50} percent, the commission said.")
        i += 1
    return "\n\n".join(paras)[:n]


def one(n: int, whole: bool) -> dict:
    """Read an n-character article from a file and extract its claims; seconds and peak RSS."""
    from consistency.extract import claims as claims_mod
    from consistency.extract.entities import EntityResolver
    from consistency.extract.nlp import load_nlp
    from consistency.ingest.readers import read_paths

    load_nlp()
    if whole:
        claims_mod.PART_CHARS = 10 ** 9
        load_nlp().max_length = 10 ** 7
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.jsonl"
        path.write_text(json.dumps({"id": "long", "outlet": "Kesk Herald", "url": "https://kesk.example/long",
                                    "title": "Long", "published": "2026-03-10", "text": article_text(n)}) + "\n")
        t0 = time.perf_counter()
        read = read_paths([path])
        claims = claims_mod.extract_claims(read.articles, EntityResolver(), batch_size=1) if read.articles else []
        seconds = time.perf_counter() - t0
    return {"chars": n, "mode": "whole" if whole else "parts", "seconds": round(seconds, 2),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, "claims": len(claims),
            "refused": [str(r).split(": ", 1)[1] for r in read.rejected]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lengths", nargs="*", type=int, default=[20_000, 50_000, 100_000, 900_000])
    parser.add_argument("--whole", action="store_true", help="parse as one document (the behaviour before parts)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.lengths[0], args.whole)))
        return 0
    rows = []
    for n in args.lengths:
        cmd = [sys.executable, __file__, str(n), "--one"] + (["--whole"] if args.whole else [])
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout,
                                 env=dict(os.environ, HF_HUB_OFFLINE="1"))
            row = json.loads(out.stdout.strip().splitlines()[-1]) if out.returncode == 0 else {
                "chars": n, "error": out.stderr.strip().splitlines()[-1][:200]}
        except subprocess.TimeoutExpired:
            row = {"chars": n, "error": f"no answer in {args.timeout:.0f}s"}
        rows.append(row)
        if not args.json:
            print(f"{n:>9,} chars  " + (f"{row['mode']:5}  {row['seconds']:7.2f}s  {row['peak_rss_mb']:5d} MB  "
                                        f"{row['claims']:5d} claims  {'; '.join(row['refused'])}"
                                        if "error" not in row else row["error"]), flush=True)
    if args.json:
        print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
