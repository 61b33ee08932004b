"""Build real-coverage sets from an older crawl of AllSides roundups: one story told by three outlets, 2012-2021.

The NeuS probe files of HLTCHKUST/framing-bias-metric (``data/naacl2022_lrc_roundup_random_order_probe/
{train,val,test}.source``) hold 3,066 roundups, one per line: three outlets' titles and quoted openings,
``TITLE=> ... ARTICLE=> ...`` joined by `` [SEP] ``, in a random order. They name neither the outlets nor the
days, so a story's three articles are given three outlet names of their own (``outlet-1`` to ``outlet-3``,
distinct within the story and no more), an address that only names the line (``urn:neus:SPLIT-LINE:N``) and
one publication day. That day is built, not known: the story is
placed in the latest year from 2009 to 2021 any of its texts names (else 2017), on a day of that year that
spreads the stories of a set apart. Relative days ("on Friday") therefore read the same in all three reports,
and the gold was labelled knowing the days are unknown.

Stories also told in the 2021 crawl that ``allsides_sets.py`` reads (any title in common) are left out, and so
is any story one of whose openings is empty. The rest are shuffled with a fixed seed and cut into sets:

    python3 scripts/neus_sets.py PROBE_DIR ROOT [--allsides RAW.jsonl]   # every set -> ROOT/<name>/
    python3 scripts/neus_sets.py PROBE_DIR ROOT --only ns1
    python3 scripts/neus_sets.py --names

Pass the 2021 crawl with ``--allsides`` so the overlap is left out exactly as when the gold was made; the sets
are the same only then. Hand-made gold is kept as spans in ``bench/neus_gold.jsonl``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.allsides_sets import StorySet, print_names, write_set, write_sets  # noqa: E402

GOLD = Path(__file__).resolve().parents[1] / "bench" / "neus_gold.jsonl"
SEED = 2022
SPLITS = ("train", "val", "test")
FIRST_YEAR, LAST_YEAR, PLAIN_YEAR = 2009, 2021, 2017

_PART = re.compile(r"^TITLE=> (?P<title>.*?)\. ARTICLE=>(?P<text>.*)$", re.S)
_YEAR = re.compile(r"\b(20[0-2]\d)\b")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?(?=\s|$)")

SETS: tuple[StorySet, ...] = tuple(StorySet(f"ns{n}", 80 * (n - 1), 80 * n) for n in range(1, 17))


def whole_sentences(text: str) -> str:
    """The opening without the sentence the crawl cut short (the probe files cut at a length, not a sentence)."""
    text = " ".join(text.split())
    ends = list(_SENTENCE_END.finditer(text))
    return text[:ends[-1].end()] if ends else ""


def story_year(parts: list[dict]) -> int:
    """The latest year the story's titles and texts name, within the crawl's span."""
    years = [int(y) for p in parts for y in _YEAR.findall(p["title"] + " " + p["text"])
             if FIRST_YEAR <= int(y) <= LAST_YEAR]
    return max(years) if years else PLAIN_YEAR


def read_stories(probe: Path, known_titles: set[str]) -> dict[str, dict]:
    """Stories three outlets tell with text: key ("split-line") -> {"issue", "articles": [...]} (days unset)."""
    stories: dict[str, dict] = {}
    for split in SPLITS:
        path = probe / f"{split}.source"
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                parts = []
                for raw in line.rstrip("\n").split(" [SEP] "):
                    m = _PART.match(raw)
                    if not m:
                        raise SystemExit(f"{path}:{n}: a part is not 'TITLE=> ... ARTICLE=> ...'; is this a "
                                         "probe .source file?")
                    parts.append({"title": " ".join(m["title"].split()), "text": whole_sentences(m["text"])})
                if len(parts) != 3 or any(not p["text"] for p in parts):
                    continue
                if any(_title_key(p["title"]) in known_titles for p in parts):
                    continue
                key = f"{split}-{n}"
                stories[key] = {"issue": parts[0]["title"], "year": story_year(parts), "articles": [
                    {"id": f"ns-{key}-{i}", "outlet": f"outlet-{i}", "url": f"urn:neus:{key}:{i}", "title": p["title"],
                     "published": "", "text": p["text"]}
                    for i, p in enumerate(parts, 1)]}
    return stories


def _title_key(title: str) -> str:
    return " ".join(title.split()).casefold().rstrip(".")


def allsides_titles(raw: Path | None) -> set[str]:
    """Every title of the 2021 crawl, so its stories are not taken twice."""
    if raw is None:
        return set()
    titles = set()
    with open(raw, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                for news in (json.loads(line).get("news") or {}).values():
                    titles.add(_title_key(news.get("newsTitle") or ""))
    return titles


def date_stories(stories: dict[str, dict], keys: list[str]) -> None:
    """Give each story of the order its built day: its year, and a day that walks on a week per story."""
    for i, key in enumerate(keys):
        day = dt.date(stories[key]["year"], 1, 5) + dt.timedelta(days=(7 * i) % 350)
        for a in stories[key]["articles"]:
            a["published"] = day.isoformat()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("probe", type=Path, nargs="?", help="folder of the probe's train/val/test .source files")
    ap.add_argument("root", type=Path, nargs="?", help="one folder per set is written here (outside the repository)")
    ap.add_argument("--allsides", type=Path, help="the 2021 roundup crawl, whose stories are left out")
    ap.add_argument("--only", nargs="+", metavar="NAME", help="build these sets only")
    ap.add_argument("--names", action="store_true", help="print the sets and stop")
    args = ap.parse_args(argv)
    if args.names:
        print_names(SETS, SEED)
        return 0
    if args.probe is None or args.root is None:
        ap.error("PROBE_DIR and ROOT are needed (or --names)")
    unknown = set(args.only or ()) - {s.name for s in SETS}
    if unknown:
        ap.error(f"unknown set(s) {', '.join(sorted(unknown))}; --names lists them")
    stories = read_stories(args.probe, allsides_titles(args.allsides))
    keys = sorted(stories)
    random.Random(SEED).shuffle(keys)
    date_stories(stories, keys)
    write_sets(stories, keys, SETS, args.root, GOLD, args.only)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
