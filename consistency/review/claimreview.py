"""Confirmed flags as schema.org ClaimReview JSON-LD, checked against the schema.org vocabulary.

Each confirmed flag becomes one ClaimReview: the claim as first reported, every outlet's
article carrying it as an appearance (URL, headline, date, publisher), the earliest as the
first appearance, the reviewer's note with the flag's explanation as the review body, and a
textual rating saying what kind of disagreement it is.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from ..models import model_path
from ..options import Options
from ..records import Flag

RATINGS = {
    "timeline": "Outlets disagree on when it happened",
    "number": "Outlets disagree on the figure",
    "attribution": "Outlets credit different speakers",
    "channel": "Outlets name different channels",
    "polarity": "Outlets contradict each other",
    "place": "Outlets disagree on where it happened",
    "role": "Outlets give different titles",
    "name_variant": "Name spelled differently across outlets",
    "unsupported_repetition": "Unsupported: every report traces back to one source or none",
    "update": "Superseded by a later figure",
}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")
_URL = re.compile(r"^https?://\S+$", re.I)


def claim_review(flag: Flag, review: dict, articles: dict[str, dict], publisher: str) -> dict:
    """One ClaimReview (without @context) for a confirmed flag."""
    evidence = sorted(flag.evidence, key=lambda e: (e.published, e.outlet))
    appearances, seen = [], set()
    for e in evidence:
        if e.article_id in seen:
            continue
        seen.add(e.article_id)
        appearances.append(_appearance(e.outlet, e.published, articles.get(e.article_id, {})))
    for aid in flag.articles:  # articles the flag names without quoting them
        if aid not in seen and aid in articles:
            seen.add(aid)
            m = articles[aid]
            appearances.append(_appearance(m["outlet"], m["published"], m))
    appearances.sort(key=lambda a: a.get("datePublished", ""))
    claim = " ".join((evidence[0].text if evidence else flag.explanation).split())
    note = (review.get("note") or "").strip()
    item: dict = {"@type": "Claim", "appearance": appearances}
    if appearances:
        item["firstAppearance"] = appearances[0]
        if "datePublished" in appearances[0]:
            item["datePublished"] = appearances[0]["datePublished"]
    return {
        "@type": "ClaimReview",
        "datePublished": (review.get("at") or "")[:10],
        "author": {"@type": "Organization", "name": publisher},
        "claimReviewed": claim,
        "itemReviewed": item,
        "reviewRating": {"@type": "Rating", "alternateName": RATINGS.get(str(flag.type), f"Outlets disagree ({flag.type})"),
                         "ratingExplanation": flag.explanation},
        "reviewBody": f"{note} {flag.explanation}".strip() if note else flag.explanation,
    }


def _appearance(outlet: str, published: str, meta: dict) -> dict:
    out: dict = {"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": outlet}}
    url = (meta.get("url") or "").strip()
    if _URL.match(url):
        out["url"] = url
    if meta.get("title"):
        out["headline"] = meta["title"]
    day = (published or meta.get("published") or "")[:10]
    if _DATE.match(day):
        out["datePublished"] = day
    return out


def export_claim_reviews(options: Options | None = None, publisher: str = "consistency",
                         flag_ids: list[str] | None = None) -> dict:
    """A JSON-LD document (``@graph``) of ClaimReviews for the confirmed flags (or the given ones, if confirmed)."""
    from ..errors import NotFoundError
    from ..pipeline import open_store

    with open_store(options or Options()) as store:
        reviews = {fid: r for fid, r in store.reviews().items() if r["verdict"] == "confirmed"}
        wanted = sorted(reviews) if not flag_ids else list(flag_ids)
        missing = [fid for fid in wanted if fid not in reviews]
        if missing:
            raise NotFoundError(f"flag {missing[0]!r} has no confirmed review; confirm it first with "
                                f"'consistency review {missing[0]} --confirm --note TEXT'")
        flags = [f for f in (store.flag(fid) for fid in wanted) if f is not None]
        articles = store.article_meta_of({a for f in flags for a in f.articles})
    graph = [claim_review(f, reviews[f.id], articles, publisher) for f in flags]
    doc = {"@context": "https://schema.org", "@graph": graph}
    problems = vocabulary_problems(doc)
    if problems:  # a bug here, not bad input: the document must never go out invalid
        raise ValueError("ClaimReview export breaks the schema.org vocabulary: " + "; ".join(problems[:5]))
    return doc


@lru_cache(maxsize=1)
def _vocabulary() -> dict:
    return json.loads(model_path("schemaorg_terms.json").read_text(encoding="utf-8"))


def _ancestors(t: str, types: dict[str, list[str]]) -> set[str]:
    out, todo = set(), [t]
    while todo:
        x = todo.pop()
        if x not in out:
            out.add(x)
            todo.extend(types.get(x, []))
    return out


def vocabulary_problems(doc: dict | list, vocab: dict | None = None) -> list[str]:
    """Where a JSON-LD document strays from schema.org: unknown types or properties, a property on a
    type outside its domain, a value outside its range. Empty when it keeps to the vocabulary."""
    vocab = vocab or _vocabulary()
    types, props = vocab["types"], vocab["properties"]
    problems: list[str] = []

    checks = {"Text": lambda v: True, "URL": _URL.match, "Date": _DATE.match, "DateTime": _DATETIME.match}

    def literal_fits(value: object, ranges: set[str]) -> bool:
        return isinstance(value, str) and any(checks[r](value) for r in ranges if r in checks)

    def walk(node: dict, path: str) -> None:
        t = node.get("@type")
        if t not in types:
            problems.append(f"{path}: unknown type {t!r}")
            return
        mine = _ancestors(t, types)
        for key, value in node.items():
            if key.startswith("@"):
                continue
            spec = props.get(key)
            if spec is None:
                problems.append(f"{path}.{key}: not a schema.org property this export knows")
                continue
            if not mine & set(spec["domain"]):
                problems.append(f"{path}.{key}: not a property of {t}")
            ranges = set(spec["range"])
            for i, v in enumerate(value if isinstance(value, list) else [value]):
                where = f"{path}.{key}" + (f"[{i}]" if isinstance(value, list) else "")
                if isinstance(v, dict):
                    if v.get("@type") in types and not _ancestors(v["@type"], types) & ranges:
                        problems.append(f"{where}: a {v['@type']} is outside the range {sorted(ranges)}")
                    walk(v, where)
                elif not literal_fits(v, ranges):
                    problems.append(f"{where}: {v!r} does not fit {sorted(ranges)}")

    nodes = doc.get("@graph", [doc]) if isinstance(doc, dict) else doc
    for i, node in enumerate(nodes):
        walk(node, f"@graph[{i}]")
    return problems
