"""Build real-coverage sets from AllSides headline roundups: one story told by three outlets of different leanings.

AllSides pairs a left, a centre and a right outlet on one political story and quotes the opening paragraphs of
each. A public crawl of those roundups (``data/raw_crawled/headline_11_2021-10-19_crawled_all.jsonl`` of
HLTCHKUST/framing-bias-metric, 506 stories of 2021) is turned here into sets in the bench's format
(``articles.jsonl``, ``events.json``, ``gold.jsonl``), so ``bench_real.py`` scores them like any other set:

    python3 scripts/allsides_sets.py RAW.jsonl ROOT                # every set -> ROOT/<name>/
    python3 scripts/allsides_sets.py RAW.jsonl ROOT --only as1
    python3 scripts/allsides_sets.py --names

Each article is the opening the roundup quotes. The crawl cuts the last paragraph short ("..."), so the cut
sentence is left out. An article is dated by its address when a path segment of it starts with a date
("/2021/10/18/"), else by the day of the roundup (a date inside a slug is not read: the sets were labelled so).
Six sets of 80 stories (the sixth holds 69) are drawn in a fixed shuffle of the 469 stories three outlets tell.
Hand-made gold is kept as spans in ``bench/allsides_gold.jsonl`` (``real_coverage_gold.py``).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.real_coverage_gold import unpack_into  # noqa: E402

GOLD = Path(__file__).resolve().parents[1] / "bench" / "allsides_gold.jsonl"
SEED = 2021

_URL_DATE = re.compile(r"/(20\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|-|\.|$)")
_CUT = re.compile(r"(?:\.\.\.|…)\s*$")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?(?=\s)")
_OUTLET_NOTE = re.compile(r"\s*\((?:Online News|News|Online|Opinion)\)\s*$")


@dataclass(frozen=True)
class StorySet:
    """A named slice ``start:stop`` of the seeded order of the stories three outlets tell."""

    name: str
    start: int
    stop: int


# Six sets of 80 stories in the seeded order (the sixth holds the 69 that remain).
SETS: tuple[StorySet, ...] = tuple(StorySet(f"as{n}", 80 * (n - 1), 80 * n) for n in range(1, 7))


def published(link: str, roundup_date: str) -> str:
    """The day an article came out: the date in its address, else the roundup's day."""
    m = _URL_DATE.search(link or "")
    if m:
        y, mo, d = (int(g) for g in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return roundup_date[:10]


def opening(paragraphs: list[str]) -> str:
    """The quoted paragraphs as one text, the sentence the crawl cut short left out."""
    paras = [" ".join(p.split()) for p in paragraphs if p and p.strip()]
    if paras and _CUT.search(paras[-1]):
        last = _CUT.sub("", paras[-1])
        ends = list(_SENTENCE_END.finditer(last + " "))
        paras[-1] = last[:ends[-1].end()] if ends else ""
    return "\n\n".join(p for p in paras if p)


def read_stories(raw: Path) -> dict[str, dict]:
    """Stories told by three outlets with text: key -> {"issue", "date", "articles": [article, ...]}."""
    stories: dict[str, dict] = {}
    with open(raw, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise SystemExit(f"{raw}:{n}: not a JSON line ({e}); is this the crawled roundup file?")
            key = str(row["id"])
            articles = []
            for side, news in sorted((row.get("news") or {}).items()):
                text = opening(news.get("newBody") or [])
                if not text:
                    continue
                articles.append({
                    "id": f"as-{key}-{side}",
                    "outlet": _OUTLET_NOTE.sub("", news.get("newsSource") or side),
                    "url": news.get("newsLink") or "",
                    "title": " ".join((news.get("newsTitle") or "").split()),
                    "published": published(news.get("newsLink") or "", row.get("date") or ""),
                    "text": text,
                })
            if len({a["outlet"] for a in articles}) == 3:
                stories[key] = {"issue": row.get("issue", ""), "articles": articles}
    return stories


def order(stories: dict[str, dict]) -> list[str]:
    """A fixed shuffle of the story keys, the same on every machine."""
    keys = sorted(stories, key=int)
    random.Random(SEED).shuffle(keys)
    return keys


def write_set(stories: dict[str, dict], keys: list[str], out: Path) -> int:
    """Write one set's articles (by publication day) and events; returns the number of articles."""
    out.mkdir(parents=True, exist_ok=True)
    events, n = {}, 0
    with open(out / "articles.jsonl", "w", encoding="utf-8") as f:
        for key in keys:
            arts = sorted(stories[key]["articles"], key=lambda a: (a["published"], a["id"]))
            for a in arts:
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
            n += len(arts)
            events[key] = {"articles": [a["id"] for a in arts], "event": stories[key]["issue"]}
    (out / "events.json").write_text(json.dumps(events, indent=1, ensure_ascii=False), encoding="utf-8")
    return n


def print_names(sets: tuple[StorySet, ...], seed: int) -> None:
    """What ``--names`` prints: each set and the slice of the seeded order it takes."""
    for s in sets:
        print(f"{s.name:6s} stories [{s.start}:{s.stop}] of the seed-{seed} order")


def write_sets(stories: dict[str, dict], keys: list[str], sets: tuple[StorySet, ...], root: Path, gold: Path,
               only: list[str] | None = None) -> None:
    """Write each set (those named in ``only``, else all) with its slice of ``keys`` to ``root``/name, and unpack
    its gold from ``gold``."""
    for s in sets:
        if only and s.name not in only:
            continue
        chosen = keys[s.start:s.stop]
        out = root / s.name
        n_articles = write_set(stories, chosen, out)
        labelled = unpack_into(gold, out, chosen)
        note = "" if labelled == len(chosen) else f" ({len(chosen) - labelled} without gold)"
        print(f"{s.name}: {len(chosen)} stories, {n_articles} articles{note} -> {out}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw", type=Path, nargs="?", help="the crawled roundup file (JSON lines)")
    ap.add_argument("root", type=Path, nargs="?", help="one folder per set is written here (outside the repository)")
    ap.add_argument("--only", nargs="+", metavar="NAME", help="build these sets only")
    ap.add_argument("--names", action="store_true", help="print the sets and stop")
    args = ap.parse_args(argv)
    if args.names:
        print_names(SETS, SEED)
        return 0
    if args.raw is None or args.root is None:
        ap.error("RAW and ROOT are needed (or --names)")
    unknown = set(args.only or ()) - {s.name for s in SETS}
    if unknown:
        ap.error(f"unknown set(s) {', '.join(sorted(unknown))}; --names lists them")
    stories = read_stories(args.raw)
    write_sets(stories, order(stories), SETS, args.root, GOLD, args.only)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
