"""The benchmark gate: key figures recomputed from text the repository holds, against floors.

Two corpora, both built without ../shared:
- ``sample``: the hand-written sample corpus (``corpora/sample``) scored against its gold file;
- ``draw``: a generated draw of 50 articles, the contradiction-benchmark builder run with a fixed
  seed over the sample corpus's 23 articles and 27 of invented stories that agree on every fact
  (``bench/storygen.py``): new outlets and dates, injected cases and edits that must not be
  flagged, scored against the injected gold lines plus the sample's planted ones.

Both are scored by the contradiction benchmark's matching rules (``bench/contrabench/score.py``).
The floors live in ``bench/baseline.json`` with a hash of each corpus; a figure below its floor (or
a count above its ceiling) fails the gate. Lowering a floor is an edit of that file, said in the
commit that makes it.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
from pathlib import Path
from typing import Any

from bench.contrabench.build import Source, build
from bench.contrabench.score import score
from bench.storygen import generated_sources

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpora" / "sample"
BASELINE = Path(__file__).resolve().parent / "baseline.json"
DRAW_SEED = 1
DRAW_STORIES = 9  # invented stories of three articles, beside the sample corpus's 23
_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“‘]?[A-Z0-9])")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
CEILINGS = ("false_flags", "no_flag_violations", "duplicates")  # counts that must not grow


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sample_articles() -> list[dict]:
    """The sample corpus's articles (JSONL and folder), as dicts with id, outlet, title, published, text."""
    from consistency.ingest.readers import read_paths

    articles = read_paths([SAMPLE / "articles.jsonl", SAMPLE / "more"]).articles
    return [{"id": a.id, "outlet": a.outlet, "url": a.url, "title": a.title, "published": a.published.isoformat(),
             "text": a.text} for a in articles]


def corpus_hash(articles: list[dict], gold: list[dict]) -> str:
    """A hash of a corpus's text and gold: a floor only holds for the corpus it was measured on."""
    blob = json.dumps([sorted((a["id"], a["text"]) for a in articles), gold], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def _sources(articles: list[dict]) -> list[Source]:
    """Sample articles as builder sources: a dateline (so the draw keeps each story's dates) and sentences."""
    out = []
    for a in articles:
        published = a["published"][:10]
        y, m, d = (int(x) for x in published.split("-"))
        dateline = f"{_MONTHS[m - 1]} {d}, {y}"
        sentences = [s for p in a["text"].split("\n\n") for s in _SENTENCE.split(p.strip()) if s.strip()]
        out.append(Source(a["id"], a["id"].rsplit("-", 1)[0], a["title"], [dateline, *sentences]))
    return out


def draw(nlp: Any, seed: int = DRAW_SEED) -> tuple[list[dict], list[dict]]:
    """(articles, gold) of the generated draw: injected cases plus the sample's planted ones."""
    sources = _sources(sample_articles()) + generated_sources(DRAW_STORIES)
    articles, gold, manifest = build(sources, seed, nlp)
    new_id = {src: new for new, src in manifest["origin"].items()}
    planted = [dict(g, articles=[new_id[x] for x in g["articles"]]) for g in read_jsonl(SAMPLE / "gold.jsonl")]
    return articles, gold + planted


def figures(articles: list[dict], gold: list[dict], store: Path, embedder: str = "minilm") -> dict[str, Any]:
    """Ingest, check and score one corpus: micro and per-type precision and recall, and error counts."""
    from consistency import Options, check, ingest

    path = store.parent / f"{store.name}-articles.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    opts = Options(store=store, embedder=embedder)
    ingest([path], opts)
    flags = check(opts).flags
    result = score(flags, gold, [a["id"] for a in articles], {a["id"]: a["text"] for a in articles})
    tp = sum(t["tp"] for t in result.per_type.values())
    fp = sum(t["fp"] for t in result.per_type.values())
    fn = sum(t["fn"] for t in result.per_type.values())
    out: dict[str, Any] = {
        "corpus": corpus_hash(articles, gold), "articles": len(articles), "gold_flags": tp + fn,
        "precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
        "recall": round(tp / (tp + fn), 4) if tp + fn else 1.0,
        "false_flags": result.false_flags, "no_flag_violations": sum(result.no_flag_violations.values()),
        "duplicates": result.duplicates,
    }
    for t, row in sorted(result.per_type.items()):
        if row["tp"] + row["fn"]:
            out[f"{t}_recall"] = row["recall"]
        if row["tp"] + row["fp"]:
            out[f"{t}_precision"] = row["precision"]
    return out


def measure(embedder: str = "minilm") -> dict[str, dict[str, Any]]:
    """The gate's figures for both corpora."""
    from consistency.extract.nlp import load_nlp

    with tempfile.TemporaryDirectory(prefix="gate-") as tmp:
        sample = sample_articles()
        out = {"sample": figures(sample, read_jsonl(SAMPLE / "gold.jsonl"), Path(tmp) / "sample", embedder)}
        articles, gold = draw(load_nlp())
        out["draw"] = figures(articles, gold, Path(tmp) / "draw", embedder)
    return out


def regressions(measured: dict[str, dict[str, Any]], baseline: dict[str, dict[str, Any]]) -> list[str]:
    """One line per figure that fell below its floor (or rose above its ceiling), or whose corpus changed."""
    out = []
    for name, floors in baseline.items():
        got = measured.get(name)
        if got is None:
            out.append(f"{name}: not measured")
            continue
        if floors.get("corpus") != got.get("corpus"):
            out.append(f"{name}: the corpus changed (hash {got.get('corpus')}, baseline {floors.get('corpus')}); "
                       "measure again and write the new figures to bench/baseline.json")
            continue
        for key, floor in floors.items():
            if key in ("corpus", "articles", "gold_flags"):
                continue
            value = got.get(key)
            if value is None:
                out.append(f"{name}: {key} is no longer measured (baseline {floor})")
            elif key in CEILINGS and value > floor:
                out.append(f"{name}: {key} rose to {value} (ceiling {floor})")
            elif key not in CEILINGS and value < floor:
                out.append(f"{name}: {key} fell to {value} (floor {floor})")
    return out


def load_baseline(path: Path = BASELINE) -> dict[str, dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))
