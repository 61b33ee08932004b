"""Invented news stories, each covered by three outlets that agree on every fact.

A deterministic generator for the benchmark gate: given a seed, it writes the same stories every
time (a town, an event, named officials, dates, figures and the channels they spoke through), so
the contradiction-benchmark builder has more agreeing coverage to inject cases into than the
sample corpus alone. Every fact is attributed to a named person, as careful reporting does; the
outlets differ in which facts they carry, in what order, and in their cue verbs.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from bench.contrabench.build import Source

FIRST = ("Marta", "Jonas", "Elena", "Tobias", "Irena", "Lukas", "Noemi", "Anders", "Silvia", "Petra",
         "Oskar", "Vera", "Emil", "Hanna", "Matteo", "Lidia", "Gustav", "Ilse", "Rafael", "Greta",
         "Bruno", "Cora", "Dmitri", "Freya", "Henrik", "Ines", "Jakob", "Kaja", "Leon", "Mira")
LAST = ("Brandvik", "Okonjo", "Halloran", "Vesterlund", "Marchetti", "Delacroix", "Kowalczyk", "Ferreira",
        "Lindqvist", "Abernathy", "Castellanos", "Nakagawa", "Oyelaran", "Szabo", "Thorvaldsen", "Quintero",
        "Rasmussen", "Villanueva", "Whitcombe", "Zelenko", "Achterberg", "Bellweather", "Cavanagh", "Drummond",
        "Eriksen", "Fairbanks", "Gallardo", "Holmqvist", "Ingersoll", "Jablonski")
TOWNS = ("Ardmoor", "Belhaven", "Corriston", "Dunmere", "Eskdale", "Fallowby", "Garrick Bay", "Hollins",
         "Ivybridge", "Jarrow Vale")
EVENTS = (
    # (noun phrase, what was counted, the unit, the body, the official's role)
    ("the collapse of the Mill Street footbridge", "people", "were injured", "the county fire service",
     "fire chief"),
    ("the strike at the Corran paper mill", "workers", "walked out", "the Northern Print Union", "union leader"),
    ("the flooding of the lower town", "homes", "were evacuated", "the regional water board", "board director"),
    ("the closure of St Brendan's hospital ward", "patients", "were moved", "the district health trust",
     "trust chairman"),
    ("the derailment of a freight train", "wagons", "left the track", "the national rail inspectorate",
     "chief inspector"),
    ("the fire at the harbour warehouse", "firefighters", "were sent", "the harbour authority", "harbour master"),
    ("the outbreak of food poisoning at a school", "pupils", "fell ill", "the public health office",
     "health officer"),
    ("the power cut across the eastern district", "households", "lost power", "the grid operator",
     "operations director"),
    ("the landslide on the coast road", "vehicles", "were trapped", "the highways department", "roads manager"),
)
AGENCIES = ("the Baltic Newswire", "Radio Nordvik", "the Coastal Press Agency", "Channel Ostra", "the Meridian Wire")
OUTLETS = ("The Ardent Observer", "Harrowgate Daily", "The Northern Lantern")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
CUES = ("said", "told reporters", "confirmed")


def _day(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}"


def _story(k: int, rng: random.Random, names: list[str]) -> list[Source]:
    town = TOWNS[k % len(TOWNS)]
    event, counted, verb, body, role = EVENTS[k % len(EVENTS)]
    official, mayor, witness = names
    when = date(2025, 1, 6) + timedelta(days=17 * k + rng.randint(0, 5))
    count = rng.randint(12, 480)
    later = when + timedelta(days=rng.randint(8, 30))
    agency = AGENCIES[k % len(AGENCIES)]
    budget = rng.randint(2, 90) * 100_000
    facts = [
        "{o} of {b}, {official}, {cue} that {n} {c} {v} after {e} in {t} on {day}.",
        "{mayor}, the mayor of {t}, {cue} that an inquiry into {e} would report by {later}.",
        "Speaking to {agency}, {official} said the first warnings had reached {b} three days earlier.",
        "{mayor} {cue} that the town council would set aside {money} for repairs and compensation.",
        "{witness}, who lives near the scene, said the emergency crews arrived within twenty minutes.",
        "{official} {cue} that no one had been arrested and that the cause was still under investigation.",
        "According to {mayor}, the council had asked for a safety review of the site two years ago.",
    ]
    sources = []
    for j, outlet in enumerate(OUTLETS):
        order = list(range(len(facts)))
        rng.shuffle(order)
        keep = sorted(order[:5]) if j else order[:5]
        published = when + timedelta(days=j % 2)
        sentences = [f"{MONTHS[published.month - 1]} {published.day}, {published.year}"]
        for i in keep:
            sentences.append(facts[i].format(
                o=role.capitalize() if i == 0 else role, b=body, official=official, mayor=mayor, witness=witness,
                cue=CUES[(i + j) % len(CUES)], n=count, c=counted, v=verb, e=event, t=town,
                day=WEEKDAYS[when.weekday()], later=_day(later), agency=agency, money=f"${budget:,}"))
        title = f"{town}: inquiry after {event.removeprefix('the ')}"
        sources.append(Source(f"gen-{k:02d}-{j + 1}", f"gen-{k:02d}", title, sentences))
    return sources


def generated_sources(stories: int, seed: int = 0) -> list[Source]:
    """``stories`` invented stories of three articles each, the same for the same seed."""
    rng = random.Random(f"storygen:{seed}")
    # no first name or surname is shared between two people, in one story or across stories
    people = [f"{f} {last}" for f, last in zip(rng.sample(FIRST, len(FIRST)), rng.sample(LAST, len(LAST)))]
    if 3 * stories > len(people):
        raise ValueError(f"at most {len(people) // 3} stories: there are names for {len(people)} people")
    return [s for k in range(stories) for s in _story(k, rng, people[3 * k: 3 * k + 3])]
