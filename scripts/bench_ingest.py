"""Ingest throughput against the raw sentence encoder, on the same claim texts.

    python scripts/bench_ingest.py corpora/sample/articles.jsonl [--json]

Prints claims/second of a full ingest into a fresh store (reading, spaCy, slot
extraction, embedding, SQLite and FAISS writes), sentences/second of a bare
``SentenceTransformer.encode`` over the very claim texts that ingest embedded, their
ratio, and the time of a second ingest of the same input (which should embed nothing).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from consistency import Options, ingest  # noqa: E402
from consistency.pipeline import open_store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", type=Path, help="articles (JSONL, CSV or folders)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    from consistency.embed.embedders import _load_minilm
    from consistency.extract.nlp import load_nlp

    load_nlp()  # model loading is excluded from both timings
    model = _load_minilm("cpu")
    with tempfile.TemporaryDirectory() as tmp:
        opts = Options(store=Path(tmp) / "store", embedder="minilm")
        first = ingest(args.paths, opts)
        t0 = time.perf_counter()
        again = ingest(args.paths, opts)
        rerun_s = time.perf_counter() - t0
        with open_store(opts) as store:
            texts = [c.content for c in store.claims().values()]
    t0 = time.perf_counter()
    model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    encode_s = time.perf_counter() - t0
    out = {
        "articles": first.articles_new,
        "claims": first.claims_new,
        "claims_per_s": round(first.claims_new / first.seconds, 2),
        "encode_per_s": round(len(texts) / encode_s, 2),
        "ratio": round((first.claims_new / first.seconds) / (len(texts) / encode_s), 3),
        "rerun_s": round(rerun_s, 3),
        "rerun_embedded": again.embedded,
    }
    if args.json:
        print(json.dumps(out))
    else:
        print(f"ingest: {out['claims']} claims from {out['articles']} articles, {out['claims_per_s']} claims/s")
        print(f"raw encode: {out['encode_per_s']} sentences/s on the same texts")
        print(f"ratio: {out['ratio']}")
        print(f"second ingest of the same input: {out['rerun_s']} s, {out['rerun_embedded']} embedded")


if __name__ == "__main__":
    main()
