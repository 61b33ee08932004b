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
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from consistency import Options  # noqa: E402
from consistency.nightly import run  # noqa: E402

FIRST = ["Anna", "Boris", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Irina", "Jonas", "Katya", "Lukas",
         "Marta", "Nikolai", "Olga", "Pavel", "Rosa", "Stefan", "Tamara", "Viktor"]
LAST = ["Adler", "Brandt", "Castell", "Dorn", "Egorov", "Falk", "Grunwald", "Hale", "Ivers", "Jansen", "Kovacs",
        "Lind", "Moreau", "Novak", "Orlov", "Petrescu", "Quist", "Rask", "Sorensen", "Toth"]
ROLES = ["the interior minister", "the mayor", "the company's chief executive", "a police spokesman",
         "the finance minister", "the union leader", "the regional governor", "the fire chief"]
PLACES = ["Talvi", "Rennick", "Castlemoor", "Kelmar", "Dorn", "Wexley", "Mirgorod", "Brennick", "Halden", "Ostrava"]
ORGS = ["the Northern Security Pact", "Halvorsen Freight", "the electoral commission", "Tidewater Logistics",
        "the Competition Authority", "the National Renewal party", "the port authority", "the health ministry"]
OUTLETS = ["Baltic Wire", "Riga Post", "The Harbour Courier", "Northgate Daily", "Meridian Post", "Eastbank Times",
           "Continental Ledger", "Riverside Herald", "Global Dispatch Online", "The Morning Standard", "Orbis News",
           "Lakeside Chronicle"]
EVENTS = [
    "{n} people were evacuated from the {tag} warehouse in {place} after a fire broke out on {date}",
    "{org} agreed to pay {money} for a stake in {tag} Holdings on {date}",
    "{org} said {n} jobs would be cut at the {tag} plant by the end of {month}",
    "talks between {org} and the {tag} union collapsed on {date} after {n} hours",
    "turnout in the {tag} district of {place} reached {pct} percent, the highest since {year}",
    "{n} soldiers were deployed near the {tag} crossing outside {place} on {date}",
    "the {tag} bridge in {place} will reopen on {date} after repairs costing {money}",
    "prices at the {tag} market in {place} rose {pct} percent in {month}, the fastest rise since {year}",
]
QUOTES = ["\"We will not accept this at {tag},\" {person} said.",
          "\"The situation at {tag} is under control,\" {person} told reporters.",
          "{person} said the decision on {tag} had been taken on {date}.",
          "{person} told Orbis News Agency that {n} more {tag} staff were expected.",
          "According to {person}, the {tag} plan had been discussed since {month}.",
          "A source familiar with the {tag} talks said the deal was agreed in {month}.",
          "{person} denied that {org} had been warned about {tag} in advance."]
FILLER = ["Officials in {place} declined to comment further on {tag}.",
          "The {tag} announcement came a day after a meeting in {place}.",
          "Critics said the {tag} move would hurt smaller towns near {place}.",
          "Further details about {tag} are expected later this week.",
          "{org} did not respond to a request for comment about {tag}.",
          "The {tag} decision follows months of public pressure in {place}."]
SYLLABLES = ["var", "kel", "dor", "mi", "sa", "tor", "len", "bra", "ost", "vik", "ru", "han", "zel", "pol", "gar", "ne"]


def _story(rng: random.Random, sid: int, day: datetime) -> dict:
    tag = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()  # one made-up name per story
    return {"sid": sid, "day": day, "tag": tag, "event": rng.choice(EVENTS), "place": rng.choice(PLACES), "org": rng.choice(ORGS),
            "n": rng.choice([12, 38, 40, 45, 120, 250, 1200]), "pct": rng.choice(["4.5", "46.3", "52.4", "7"]),
            "money": rng.choice(["$4.2 billion", "€38.50 a share", "$900 million", "£12 million"]),
            "person": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "role": rng.choice(ROLES),
            "year": rng.choice([1998, 2004, 2011]), "outlets": rng.sample(OUTLETS, rng.randint(3, 6))}


def _article(rng: random.Random, st: dict, outlet: str, k: int) -> dict:
    day = st["day"] + timedelta(hours=rng.randint(1, 60))
    event_day = st["day"] - timedelta(days=1 if rng.random() < 0.1 else 0)  # now and then an outlet gets the date wrong
    slots = dict(tag=st["tag"], place=st["place"], org=st["org"], n=st["n"] if rng.random() > 0.05 else st["n"] + rng.randint(1, 9),
                 pct=st["pct"], money=st["money"], year=st["year"], month=event_day.strftime("%B"),
                 date=f"{event_day.strftime('%B')} {event_day.day}",
                 person=f"{st['role']} {st['person']}" if rng.random() < 0.5 else st["person"])
    lead = st["event"].format(**slots)
    sents = [lead[0].upper() + lead[1:] + f", {st['person']} said."]
    sents += [q.format(**slots) for q in rng.sample(QUOTES, rng.randint(2, 3))]
    sents += [f.format(**slots) for f in rng.sample(FILLER, rng.randint(1, 3))]
    if rng.random() < 0.3:
        sents.append(f"{st['person']} said {slots['n']} people had been questioned in {st['place']}.")
    slug = outlet.lower().replace(" ", "")
    return {"id": f"s{st['sid']}-{k}-{slug}", "outlet": outlet, "url": f"https://{slug}.example/{st['sid']}/{k}",
            "title": f"{st['tag']}: {lead_title(st)}",
            "published": day.isoformat(), "text": "\n\n".join(x[0].upper() + x[1:] for x in sents)}


def lead_title(st: dict) -> str:
    return st["event"].split(" on {date}")[0].split(",")[0].format(
        tag=st["tag"], place=st["place"], org=st["org"], n=st["n"], pct=st["pct"], money=st["money"],
        year=st["year"], month=st["day"].strftime("%B"), date="")[:90]


def synthetic(n: int, seed: int = 7, start_story: int = 0, start: datetime | None = None) -> list[dict]:
    """``n`` articles covering stories of 3-6 outlets each, a few stories per day."""
    rng = random.Random(seed)
    day = start or datetime(2026, 1, 5, 6, tzinfo=timezone.utc)
    out: list[dict] = []
    sid = start_story
    while len(out) < n:
        st = _story(rng, sid, day + timedelta(days=sid // 8))
        for k, outlet in enumerate(st["outlets"]):
            out.append(_article(rng, st, outlet, k))
        sid += 1
    return out[:n]


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
    from consistency.nlp import load_nlp
    from consistency.pipeline import embedder_for

    load_nlp()
    embedder_for(Options(embedder=embedder)).embed(["warm up"])


if __name__ == "__main__":
    main()
