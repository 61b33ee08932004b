"""Score flags against hand-made gold for real multi-outlet coverage (the BASIL layout).

A folder holds ``articles.jsonl`` (the ingest format), ``events.json`` (event id -> its name and
articles: the gold stories) and ``gold.jsonl``: one line per disagreement between outlets
(``event``, ``type``, ``articles``, ``quotes`` article id -> exact substring, ``values``, ``note``,
``worth_note``), plus ``must_not_flag`` lines (tempting differences that are not disagreements) and
``none`` lines (events found consistent).

Matching rule: a flag matches a gold item when at least two of its articles are in the item, at
least half of its articles are, and for at least two of those articles one of the flag's evidence
texts from that article shares at least half the words of the shorter of it and the gold quote.
"Same type" figures also require the flag's type to equal the item's; "any type" figures do not
(the gold protocol had no ``place`` or ``role`` type, so such conflicts are labelled otherwise).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterable, Protocol, Sequence

DISAGREEMENT = ("timeline", "number", "polarity", "name_variant", "channel", "update", "attribution",
                "unsupported_repetition")
CORE = ("number", "update", "timeline")  # the types with a recall target of their own
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


class EvidenceLike(Protocol):
    article_id: str
    text: str


class FlagLike(Protocol):
    id: str
    type: Any
    articles: tuple[str, ...]
    evidence: tuple[EvidenceLike, ...]


def words(text: str) -> set[str]:
    """The lower-cased words of a text."""
    return {w.casefold() for w in _WORD.findall(text)}


def shares_half(a: str, b: str) -> bool:
    """Whether two texts share at least half the words of the shorter one."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) * 2 >= min(len(wa), len(wb))


def read_jsonl(path) -> list[dict]:
    """The records of a JSON-lines file."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


COVERAGE_FILES = ("articles.jsonl", "gold.jsonl", "events.json")


def missing_files(folder) -> list:
    """The files of a real-coverage folder that are not there."""
    return [folder / name for name in COVERAGE_FILES if not (folder / name).is_file()]


def read_coverage(folder) -> tuple[list[dict], dict[str, dict], dict[str, str]]:
    """A real-coverage folder's gold lines, its events, and the event of each article."""
    events = json.loads((folder / "events.json").read_text(encoding="utf-8"))
    return (read_jsonl(folder / "gold.jsonl"), events,
            {a: e for e, rec in events.items() for a in rec["articles"]})


def check_inputs(ap, folder, store) -> None:
    """Stop with an argparse error unless ``folder`` holds the gold and events and ``store`` exists."""
    for name in ("gold.jsonl", "events.json"):
        if not (folder / name).is_file():
            ap.error(f"{folder / name}: not found")
    if not store.exists():
        ap.error(f"{store}: no store there; build one with scripts/bench_real.py DIR --store {store}")


def quotes_match(item: dict[str, Any], a, b) -> bool:
    """Whether two claims (with ``article_id`` and ``text``) are the two sides a gold item quotes."""
    quotes = item.get("quotes", {})
    qa, qb = quotes.get(a.article_id), quotes.get(b.article_id)
    return bool(qa and qb and a.article_id != b.article_id and shares_half(a.text, qa) and shares_half(b.text, qb))


_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[^\W\d_]+")
_NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                 "eight": "8", "nine": "9", "ten": "10"}
_FILLER = frozenset({"the", "a", "of", "on", "in", "at", "about", "some", "nearly", "more", "than", "over"})


def value_tokens(text: str) -> set[str]:
    """A text's numbers (commas dropped, one to ten as digits) and words, lower-cased."""
    out = set()
    for t in _TOKEN.findall(text.casefold()):
        t = t.replace(",", "")
        out.add(_NUMBER_WORDS.get(t, t))
    return out


def values_match(item: dict, fact) -> bool:
    """The row's own value is the one the gold item gives for its article (its digits, else its words)."""
    slot, value = value_tokens(fact.slot.text), value_tokens(item.get("values", {}).get(fact.claim.article_id, ""))
    digits = {t for t in slot if t[0].isdigit()}
    return bool(digits & value) if digits else bool((slot - _FILLER) & value)


def flag_type(flag: FlagLike) -> str:
    """A flag's type as a plain string (enum or str)."""
    return str(getattr(flag.type, "value", flag.type))


def matches(flag: FlagLike, item: dict[str, Any], *, same_type: bool) -> bool:
    """Whether ``flag`` matches the gold ``item`` under the scoring rule."""
    if same_type and flag_type(flag) != item["type"]:
        return False
    gold_articles = set(item.get("articles", ()))
    inside = [a for a in dict.fromkeys(flag.articles) if a in gold_articles]
    if len(inside) < 2 or len(inside) * 2 < len(set(flag.articles)):
        return False
    quotes, values = item.get("quotes", {}), item.get("values") or {}
    hit = 0
    for article in inside:
        quote = quotes.get(article, "")
        # A spelling is the name's, not one sentence's: any sentence of the article that writes the
        # gold's spelling cites it as well as the quoted one.
        spelling = str(values.get(article, "")).casefold() if item["type"] == "name_variant" else ""
        if any(ev.article_id == article and ((quote and shares_half(ev.text, quote))
                                              or (spelling and spelling in ev.text.casefold()))
               for ev in flag.evidence):
            hit += 1
    return hit >= 2


def event_part(event: str) -> str:
    """``tune`` or ``held``: a fixed half of the events, by hash, so the split never depends on order."""
    return "tune" if int(hashlib.sha1(event.encode()).hexdigest(), 16) % 2 == 0 else "held"


def tune_fold(event: str) -> str:
    """``a`` or ``b``: a fixed half of the tuning events, by another hash, so a rule written by reading
    one fold is checked on the other before the held half is touched."""
    return "ab"[int(hashlib.md5(event.encode()).hexdigest(), 16) % 2]


@dataclass
class RealScore:
    """Figures for one part of the data."""

    figures: dict[str, Any]
    unmatched_flags: list[FlagLike]
    missed: list[dict[str, Any]]


def b_cubed(pred: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of a clustering against gold, over the items gold names."""
    items = [i for i in gold if i in pred]
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for i in items:
        by_pred[pred[i]].add(i)
        by_gold[gold[i]].add(i)
    p = r = 0.0
    for i in items:
        same = by_pred[pred[i]] & by_gold[gold[i]]
        p += len(same) / len(by_pred[pred[i]])
        r += len(same) / len(by_gold[gold[i]])
    p, r = p / len(items), r / len(items)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def score(flags: Sequence[FlagLike], gold: Iterable[dict[str, Any]], article_event: dict[str, str],
          stories: dict[str, str] | None = None, events: Iterable[str] | None = None) -> RealScore:
    """Score ``flags`` against ``gold``, limited to ``events`` (all when None).

    ``article_event`` maps every article to its gold event; a flag belongs to the part when any of
    its articles does. ``stories`` maps article -> predicted story, for the story B-cubed.
    """
    wanted = set(article_event.values()) if events is None else set(events)
    gold = [g for g in gold if g["event"] in wanted]
    flags = [f for f in flags if any(article_event.get(a) in wanted for a in f.articles)]
    disagreements = [g for g in gold if g["type"] in DISAGREEMENT]
    must_not = [g for g in gold if g["type"] == "must_not_flag"]
    n_articles = sum(1 for e in article_event.values() if e in wanted)

    matched_flags_same: set[int] = set()
    matched_flags_any: set[int] = set()
    found_same: set[int] = set()
    found_any: set[int] = set()
    for fi, f in enumerate(flags):
        for gi, g in enumerate(disagreements):
            if matches(f, g, same_type=False):
                matched_flags_any.add(fi)
                found_any.add(gi)
                if flag_type(f) == g["type"]:
                    matched_flags_same.add(fi)
                    found_same.add(gi)
    must_not_hits = sum(1 for fi, f in enumerate(flags)
                        if fi not in matched_flags_any and any(matches(f, g, same_type=False) for g in must_not))

    per_type: dict[str, dict[str, Any]] = {}
    types = sorted({flag_type(f) for f in flags} | {g["type"] for g in disagreements})
    for t in types:
        fis = [i for i, f in enumerate(flags) if flag_type(f) == t]
        gis = [i for i, g in enumerate(disagreements) if g["type"] == t]
        worth = [i for i in gis if disagreements[i].get("worth_note")]
        per_type[t] = {
            "predicted": len(fis),
            "matched": sum(1 for i in fis if i in matched_flags_same),
            "precision": _ratio(sum(1 for i in fis if i in matched_flags_same), len(fis)),
            "gold": len(gis),
            "worth_note": len(worth),
            "worth_note_found": sum(1 for i in worth if i in found_same),
            "worth_note_recall": _ratio(sum(1 for i in worth if i in found_same), len(worth)),
        }
    worth_all = [i for i, g in enumerate(disagreements) if g.get("worth_note")]
    worth_core = [i for i in worth_all if disagreements[i]["type"] in CORE]
    figures: dict[str, Any] = {
        "events": len(wanted),
        "articles": n_articles,
        "flags": len(flags),
        "precision": _ratio(len(matched_flags_same), len(flags)),
        "precision_any_type": _ratio(len(matched_flags_any), len(flags)),
        "worth_note": len(worth_all),
        "worth_note_recall": _ratio(sum(1 for i in worth_all if i in found_same), len(worth_all)),
        "worth_note_recall_any_type": _ratio(sum(1 for i in worth_all if i in found_any), len(worth_all)),
        "worth_note_recall_core": _ratio(sum(1 for i in worth_core if i in found_same), len(worth_core)),
        "must_not_flag_hits": must_not_hits,
        "must_not_flag_per_100_articles": round(100 * must_not_hits / n_articles, 2) if n_articles else None,
        "per_type": per_type,
    }
    if stories is not None:
        gold_story = {a: e for a, e in article_event.items() if e in wanted}
        figures["story_b3"] = b_cubed(stories, gold_story)
    unmatched = [f for i, f in enumerate(flags) if i not in matched_flags_any]
    missed = [disagreements[i] for i in worth_all if i not in found_any]
    return RealScore(figures=figures, unmatched_flags=unmatched, missed=missed)
