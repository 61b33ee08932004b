"""Seeded multi-outlet news: stories covered by several outlets, with named people, organisations,
places, figures, dates and attributed quotes, and now and then an outlet that gets a date or a figure
wrong. All sentences are invented from the templates below."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

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
