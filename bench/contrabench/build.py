"""Turn real multi-outlet coverage into articles with injected cases and their gold lines."""

from __future__ import annotations

import hashlib
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Callable, Iterable

from bench.contrabench.inject import (
    Injection,
    StoryContext,
    inject_attribution,
    inject_channel,
    inject_name_variant,
    inject_number,
    inject_polarity,
    inject_timeline,
    inject_update,
)
from bench.contrabench.lexicon import OUTLETS
from bench.contrabench.safe import (
    inject_cue,
    inject_granularity,
    inject_hedge,
    inject_rounding,
    make_repetition,
)
from bench.contrabench.textutil import replace_word, usable

FLAG_CASES = ("timeline", "attribution", "channel", "number", "polarity", "name_variant", "update")
SAFE_CASES = ("rounding", "hedge", "granularity", "cue")
_INJECTORS: dict[str, Callable[..., Injection | None]] = {
    "timeline": inject_timeline, "attribution": inject_attribution, "channel": inject_channel,
    "number": inject_number, "polarity": inject_polarity, "name_variant": inject_name_variant, "update": inject_update,
    "rounding": inject_rounding, "hedge": inject_hedge, "granularity": inject_granularity,
    "cue": inject_cue,
}
_DATE_LINE = re.compile(
    r"^(?:(?:\w+day|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,? )?"
    r"(?P<m>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? "
    r"(?P<d>\d{1,2})(?:st|nd|rd|th)?,? (?P<y>\d{4})"
    r"|^(?P<mm>\d{1,2})/(?P<dd>\d{1,2})/(?P<yy>\d{2,4})\b",
    re.IGNORECASE,
)


@dataclass
class Source:
    """One real article as the builder needs it."""

    doc_id: str
    story: str
    title: str
    sentences: list[str]


@dataclass
class Work:
    """An article being assembled."""

    id: str
    src: Source
    outlet: str
    published: datetime
    title: str
    sentences: list[str]
    is_source: list[bool]
    cases: int = 0
    renames: list[tuple[str, str]] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join(self.sentences)


def date_of_line(line: str) -> date | None:
    """The date a dateline-only sentence gives ("June 6, 2013 3:05 PM EDT", "06/06/13")."""
    m = _DATE_LINE.match(line.strip())
    if not m or len(line.split()) > 9:
        return None
    try:
        if m.group("m"):
            month = datetime.strptime(m.group("m")[:3].title(), "%b").month
            return date(int(m.group("y")), month, int(m.group("d")))
        year = int(m.group("yy"))
        return date(year + 2000 if year < 100 else year, int(m.group("mm")), int(m.group("dd")))
    except ValueError:
        return None


def _slug(text: str, n: int = 60) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:n].rstrip("-")


def story_context(texts: list[str], event: date, nlp: Any) -> StoryContext:
    """The people, organisations and places a story's articles mention most."""
    people: Counter[str] = Counter()
    orgs: Counter[str] = Counter()
    places: Counter[str] = Counter()
    for doc in nlp.pipe(texts):
        for ent in doc.ents:
            name = re.sub(r"(?:'s|’s)$", "", ent.text.strip())
            if not re.fullmatch(r"[A-Z][a-zA-Z'-]+(?: [A-Z][a-zA-Z'-]+){0,3}", name):
                continue
            if ent.label_ == "PERSON" and 2 <= len(name.split()) <= 3:
                people[name] += 1
            elif ent.label_ == "ORG":
                orgs[name] += 1
            elif ent.label_ == "GPE":
                places[name] += 1
    seen: set[str] = set()
    persons: list[str] = []
    for name, count in people.most_common():
        surname = name.split()[-1]
        if count >= 2 and surname not in seen and not any(surname in o for o in orgs):
            seen.add(surname)
            persons.append(name)
    return StoryContext(tuple(persons[:8]), event, tuple(o for o, _ in orgs.most_common(3)),
                        tuple(p for p, _ in places.most_common(3)), nlp)


def _article_id(seed: int, doc_id: str) -> str:
    return "a" + hashlib.sha1(f"{seed}:{doc_id}".encode()).hexdigest()[:10]


def _prepare(story: str, sources: list[Source], rng: random.Random, seed: int) -> list[Work]:
    dates = [d for s in sources for d in map(date_of_line, s.sentences[:4]) if d]
    base = Counter(dates).most_common(1)[0][0] if dates else \
        date(2008, 1, 1) + timedelta(days=rng.randint(0, 5 * 365))
    outlets = rng.sample(OUTLETS, min(len(sources), len(OUTLETS)))
    while len(outlets) < len(sources):
        outlets.append(rng.choice(OUTLETS))
    works = []
    for src, outlet in zip(sources, outlets):
        sentences = [s for s in src.sentences if not date_of_line(s)]
        day = base + timedelta(days=rng.choice([0, 0, 1, 1, 2, 2, 3, 4]))
        published = datetime(day.year, day.month, day.day, rng.randint(6, 22), rng.randint(0, 59))
        works.append(Work(_article_id(seed, src.doc_id), src, outlet, published, src.title,
                          sentences, [usable(s) for s in sentences]))
    return works


class StoryBuilder:
    """Places cases into the articles of one story and writes their gold lines."""

    def __init__(self, works: list[Work], ctx: StoryContext, rng: random.Random, nlp: Any,
                 totals: Counter[str]) -> None:
        self.works, self.ctx, self.rng, self.nlp, self.totals = works, ctx, rng, nlp, totals
        self.gold: list[dict[str, Any]] = []
        self.used: set[tuple[str, frozenset[str]]] = set()
        self.renamed: set[str] = set()

    def _insert(self, w: Work, sentence: str) -> None:
        pos = self.rng.randint(1, max(1, len(w.sentences)))
        w.sentences.insert(pos, sentence)
        w.is_source.insert(pos, False)
        w.cases += 1

    def _try_case(self, kind: str, pool: list[Work]) -> bool:
        targets = sorted(pool, key=lambda w: (w.cases, self.rng.random()))
        for b in targets[:4]:
            sources = [a for a in pool if a is not b and a.outlet != b.outlet]
            if kind == "update":
                sources = [a for a in sources if a.published.date() < b.published.date()]
            self.rng.shuffle(sources)
            for a in sources[:4]:
                if self._case_from(kind, a, b):
                    return True
        return False

    def _case_from(self, kind: str, a: Work, b: Work) -> bool:
        idx = [i for i, ok in enumerate(a.is_source) if ok]
        self.rng.shuffle(idx)
        for i in idx:
            s = a.sentences[i]
            inj = _INJECTORS[kind](s, self.rng, self.ctx)
            if inj is None:
                continue
            key = (inj.type, frozenset((a.id, b.id)))
            if key in self.used or (inj.rename and inj.rename[0] in self.renamed):
                continue
            self.used.add(key)
            a.sentences[i] = inj.a
            a.is_source[i] = False
            a.cases += 1
            self._insert(b, inj.b)
            detail = dict(inj.detail, sentence_a=inj.a, sentence_b=inj.b, story=a.src.story)
            if inj.rename:
                self.renamed.add(inj.rename[0])
                b.renames.append(inj.rename)
            if kind in SAFE_CASES:
                detail["edit"] = detail.get("edit", kind)
            self.gold.append({"type": inj.type, "articles": [a.id, b.id], "expect": inj.expect,
                              "detail": detail})
            self.totals[kind] += 1
            return True
        return False

    def _repetition(self, pool: list[Work]) -> None:
        k = min(len(pool), self.rng.choice([3, 4]))
        chosen = sorted(pool, key=lambda w: (w.cases, self.rng.random()))[:k]
        if len({w.outlet for w in chosen}) < 3:
            return
        copies, detail = make_repetition(self.rng, self.ctx, k)
        for w, text in zip(chosen, copies):
            self._insert(w, text)
        detail["story"] = chosen[0].src.story
        self.gold.append({"type": "unsupported_repetition", "articles": [w.id for w in chosen],
                          "expect": "flag", "detail": detail})
        self.totals["unsupported_repetition"] += 1

    def run(self, share_untouched: float) -> None:
        """Leave about ``share_untouched`` of the articles alone and give the rest cases."""
        n = len(self.works)
        if n < 2:
            return
        untouched = set(id(w) for w in self.rng.sample(self.works, round(n * share_untouched)))
        pool = [w for w in self.works if id(w) not in untouched]
        if len(pool) < 2:
            return
        if len(pool) >= 3:
            self._repetition(pool)
        kinds = list(FLAG_CASES + SAFE_CASES)
        budget = round(len(pool) * 1.2)
        failed: set[str] = set()
        while budget > 0 and len(failed) < len(kinds):
            open_kinds = [k for k in kinds if k not in failed]
            low = min(self.totals[k] for k in open_kinds)
            kind = self.rng.choice([k for k in open_kinds if self.totals[k] <= low + 1])
            if self._try_case(kind, pool):
                budget -= 1
            else:
                failed.add(kind)
        for w in self.works:
            for old, new in w.renames:
                w.sentences = [replace_word(s, old, new) for s in w.sentences]
                w.title = replace_word(w.title, old, new)
        for g in self.gold:
            if g["type"] == "name_variant":
                old, b = g["detail"]["a"], g["articles"][1]
                g["detail"]["others"] = [w.id for w in self.works if w.id != b and
                                         re.search(rf"(?<![\w-]){re.escape(old)}(?![\w-])", w.text())]


def build(sources: Iterable[Source], seed: int, nlp: Any) -> tuple[list[dict], list[dict], dict]:
    """Articles (ingest format), gold lines and a manifest for a set of real articles."""
    by_story: dict[str, list[Source]] = {}
    for s in sources:
        by_story.setdefault(s.story, []).append(s)
    totals: Counter[str] = Counter()
    articles: list[dict] = []
    gold: list[dict] = []
    origin: dict[str, str] = {}
    for story in sorted(by_story, key=_story_order):
        rng = random.Random(f"{seed}:{story}")
        works = _prepare(story, by_story[story], rng, seed)
        first = min(w.published for w in works).date()
        event = first - timedelta(days=rng.randint(0, 1))
        ctx = story_context([w.text() for w in works], event, nlp)
        builder = StoryBuilder(works, ctx, rng, nlp, totals)
        builder.run(rng.uniform(0.30, 0.40))
        gold.extend(builder.gold)
        for w in works:
            origin[w.id] = w.src.doc_id
            articles.append({
                "id": w.id, "outlet": w.outlet,
                "url": f"https://www.{_slug(w.outlet, 30).replace('-', '')}.example/"
                       f"{w.published:%Y/%m/%d}/{_slug(w.title)}-{w.id[1:7]}",
                "title": w.title, "published": w.published.isoformat(timespec="minutes"),
                "text": w.text(),
            })
    articles.sort(key=lambda a: (a["published"], a["id"]))
    touched = {i for g in gold for i in g["articles"]}
    manifest = {
        "seed": seed, "articles": len(articles), "stories": len(by_story),
        "untouched_articles": sum(1 for a in articles if a["id"] not in touched),
        "cases": dict(sorted(totals.items())), "origin": origin,
    }
    return articles, gold, manifest


def _story_order(story: str) -> tuple[int, str]:
    topic, _, sub = story.partition("_")
    return (int(topic) if topic.isdigit() else 0, sub)
