"""Build a real-coverage corpus (BASIL layout) from the gun-violence news corpus of SemEval-2018 task 5.

The source is the folder ``EventRegistries/GunViolenceArchive/the_violent_corpus`` of the public
repository cltl/LongTailQATask: one folder per Gun Violence Archive incident, one pickled news item per
article (title, document creation date, archived URL, full text). Each incident is one event; the
outlet is the host of the archived URL.

Events are chosen by a rule fixed before any of them is read: incidents whose usable articles come
from at least ``--min-outlets`` different outlets and number between ``--min-articles`` and
``--max-articles``, in incident order, shuffled with ``--seed``, the first ``--limit`` of them.

    python3 scripts/make_real_coverage.py SRC_DIR OUT_DIR --limit 30 --seed 44

Writes OUT_DIR/articles.jsonl (id, outlet, url, title, published, text; sorted by event then time)
and OUT_DIR/events.json ({event: {"articles": [...], "event": title}}). The gold is written by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

MIN_TEXT_CHARS = 400  # shorter items are captions, paywall stubs or error pages, not articles
ARCHIVE_PREFIX = re.compile(r"^https?://web\.archive\.org/web/[^/]+/", re.I)


@dataclass
class Article:
    """One article of an incident, as the converter writes it."""

    id: str
    outlet: str
    url: str
    title: str
    published: str
    text: str

    def record(self) -> dict:
        return {"id": self.id, "outlet": self.outlet, "url": self.url, "title": self.title,
                "published": self.published, "text": self.text}


class NewsItem:
    """Stand-in for the pickled class: the unpickler fills its attributes."""


class _NewsItemUnpickler(pickle.Unpickler):
    """Loads only news items and dates, so a pickle cannot run anything else."""

    ALLOWED = {("classes", "NewsItem"): NewsItem, ("datetime", "date"): dt.date,
               ("datetime", "datetime"): dt.datetime}

    def find_class(self, module: str, name: str):
        try:
            return self.ALLOWED[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed") from None


def load_item(path: Path) -> dict:
    """The fields of one pickled news item."""
    with path.open("rb") as fh:
        item = _NewsItemUnpickler(fh).load()
    return {k: getattr(item, k, "") for k in ("title", "content", "dct", "uri")}


def original_url(uri: str) -> str:
    """The article's own URL, without the web-archive prefix."""
    url = ARCHIVE_PREFIX.sub("", uri.strip())
    return url if re.match(r"^https?://", url) else "http://" + url


def outlet_of(url: str) -> str:
    """The outlet named by a URL: its host without port and a leading www."""
    host = urlparse(url).hostname or ""
    return re.sub(r"^www\d*\.", "", host.lower())


def iso_date(value: object) -> str:
    """A date or datetime as ISO text ('' when missing)."""
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value or "")


def incident_articles(folder: Path) -> list[Article]:
    """The usable articles of one incident folder, by publication date then URL; long-enough texts only,
    and a text repeated word for word inside the incident is kept once."""
    out, seen = [], set()
    for path in sorted(folder.glob("*.json")):
        item = load_item(path)
        text = (item["content"] or "").strip()
        if len(text) < MIN_TEXT_CHARS or text in seen:
            continue
        seen.add(text)
        url = original_url(item["uri"] or "")
        out.append(Article(id=f"gvc-{folder.name}-{path.stem[:10]}", outlet=outlet_of(url), url=url,
                           title=(item["title"] or "").strip(), published=iso_date(item["dct"]), text=text))
    return sorted(out, key=lambda a: (a.published, a.url))


def eligible(articles: list[Article], min_outlets: int, min_articles: int, max_articles: int) -> bool:
    """Whether an incident meets the selection rule (counts of articles and distinct dated outlets)."""
    outlets = {a.outlet for a in articles if a.outlet and a.published}
    return len(outlets) >= min_outlets and min_articles <= len(articles) <= max_articles


def choose(incidents: dict[str, list[Article]], limit: int, seed: int, min_outlets: int = 3,
           min_articles: int = 3, max_articles: int = 6) -> list[str]:
    """The chosen incident keys: eligible ones in numeric order, shuffled with the seed, the first ``limit``."""
    keys = sorted((k for k, arts in incidents.items() if eligible(arts, min_outlets, min_articles, max_articles)),
                  key=lambda k: (len(k), k))
    random.Random(seed).shuffle(keys)
    return keys[:limit]


def write_corpus(incidents: dict[str, list[Article]], keys: list[str], out: Path) -> tuple[int, int]:
    """Write articles.jsonl and events.json for the chosen incidents; return (events, articles)."""
    out.mkdir(parents=True, exist_ok=True)
    events, n = {}, 0
    with (out / "articles.jsonl").open("w", encoding="utf-8") as fh:
        for key in keys:
            arts = incidents[key]
            for a in arts:
                fh.write(json.dumps(a.record(), ensure_ascii=False) + "\n")
            n += len(arts)
            events[key] = {"articles": [a.id for a in arts], "event": arts[0].title}
    (out / "events.json").write_text(json.dumps(events, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(events), n


def read_incidents(src: Path) -> dict[str, list[Article]]:
    """Incident key -> its usable articles, for every incident folder under ``src``."""
    return {d.name: incident_articles(d) for d in sorted(src.iterdir()) if d.is_dir()}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src", type=Path, help="the_violent_corpus folder (one sub-folder per incident)")
    ap.add_argument("out", type=Path, help="output folder (outside the repository: it holds news text)")
    ap.add_argument("--limit", type=int, default=30)
    ap.add_argument("--seed", type=int, default=44)
    ap.add_argument("--min-outlets", type=int, default=3)
    ap.add_argument("--min-articles", type=int, default=3)
    ap.add_argument("--max-articles", type=int, default=6)
    args = ap.parse_args(argv)
    incidents = read_incidents(args.src)
    keys = choose(incidents, args.limit, args.seed, args.min_outlets, args.min_articles, args.max_articles)
    n_events, n_articles = write_corpus(incidents, keys, args.out)
    print(f"{n_events} events, {n_articles} articles -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
