"""The nightly report's content: summary, flags by what changed, stories, outlets and claim clusters.

``build_report`` gathers everything from the store and a check result into one JSON-ready
dict; ``files.write_report`` writes it as HTML, JSON and CSV. Work is bounded by tonight's
articles and the flags of the stories they touched, not by the size of the store: the flags
carried over on other stories are counted in SQL, not read.
"""

from __future__ import annotations

import re
from urllib.parse import quote as quote_url
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Iterable, Sequence

from ..embed import Embedder
from ..pipeline import CheckResult, IngestResult
from ..records import Claim, Flag
from ..store.database import Store
from ..store.encoding import flag_to_dict
from .svg import Publication, TimePoint, bars_svg, timeline_svg

MAX_STORIES = 25
MAX_CLUSTERS = 30
SECTIONS = ("new", "resolved", "carried", "dismissed")


@dataclass(frozen=True, slots=True)
class RunInfo:
    """Which run this report describes."""

    run_id: str
    check_run: int
    started: str
    previous: str | None = None


WHOLE_REPORT_ARTICLES = 2000  # a store up to this size is reported whole every night


def build_report(store: Store, checked: CheckResult, ingested: IngestResult | None, info: RunInfo,
                 embedder: Embedder | None = None, min_confidence: float = 0.0) -> dict:
    """Everything the report shows, as plain JSON-ready data (``embedder`` is the store's, for stance);
    flags less sure than ``min_confidence`` are left out and counted in ``summary.flags_hidden``.

    A store of up to ``WHOLE_REPORT_ARTICLES`` articles is reported whole: every open flag and
    every stored claim cluster. A larger one lists the flags the check listed (a night's check
    lists the stories tonight's articles touched), the resolved and the reviewed ones, and the
    clusters of those stories; the counts cover every open flag. So a large store's night costs
    what its new articles touch, not what the store holds.
    """
    counts = store.article_counts()
    whole = counts["articles"] <= WHOLE_REPORT_ARTICLES
    reviews = store.reviews()
    lapsed = _lapsed_reviews(store)
    listed = {f.id: f for f in checked.flags}
    reviewed = [fid for fid in sorted(set(reviews) | set(lapsed)) if fid not in listed]
    more = store.flags("open") if whole else store.open_flags_by_id(reviewed)
    floor = max(min_confidence, checked.min_confidence)
    listed.update({f.id: f for f in more if f.id not in listed})
    listed = {fid: f for fid, f in listed.items() if f.confidence >= floor}
    resolved = [f for f in (store.flag(fid) for fid in checked.resolved) if f is not None and f.confidence >= floor]
    tonight = list(ingested.article_ids) if ingested else []
    meta = store.article_meta() if whole else _meta_for(store, [*listed.values(), *resolved], tonight)
    runs = {r["id"]: r for r in store.flag_rows(sorted({*listed, *(f.id for f in resolved)}))}
    new = set(checked.new)
    titles = story_titles(meta)
    flags = []
    for f, status in [(f, "new" if f.id in new else "carried") for f in listed.values()] + [(f, "resolved") for f in resolved]:
        flags.append(_flag_entry(f, status, reviews.get(f.id), lapsed.get(f.id), meta, runs.get(f.id, {}), titles))
    flags.sort(key=lambda d: (SECTIONS.index(d["section"]), d["type"], -d["confidence"], d["id"]))
    stories, threads = by_thread(store, _stories(store, meta, tonight, flags))
    tallies = store.open_flag_tallies(floor)
    outlets = _outlets(store, tallies)
    # An incremental check rebuilds the clusters of the stories it touched only: the report reads
    # the clusters of the stories it shows from the store, so a night without new articles still shows them.
    stored = stored_clusters(store, meta, checked)
    clusters = [_cluster_entry(c, meta) for c in stored[:MAX_CLUSTERS]]
    clusters = _with_stances(store, clusters, embedder)
    sections = {s: [d for d in flags if d["section"] == s] for s in SECTIONS}
    by_type: dict[str, list[int]] = {}
    for t, n in tallies["by_type"].items():  # every open flag no standing review dismissed
        by_type[t] = [0, n]
    for d in sections["new"]:
        by_type.setdefault(d["type"], [0, 0])
        by_type[d["type"]][0] += 1
        by_type[d["type"]][1] -= 1
    listed_carried = len(sections["carried"])
    summary = {
        "articles": counts["articles"],
        "claims": sum(store.claims_per_outlet().values()),
        "outlets": counts["outlets"],
        "stories": counts["stories"],
        "threads": store.thread_count(),
        "articles_new": ingested.articles_new if ingested else 0,
        "articles_duplicate": ingested.articles_duplicate if ingested else 0,
        "claims_new": ingested.claims_new if ingested else 0,
        "rejected": len(ingested.rejected) if ingested else 0,
        "flags_open": tallies["open"],
        "flags_hidden": tallies["open_all"] - tallies["open"],
        "min_confidence": min_confidence,
        "flags_new": len(sections["new"]),
        "flags_resolved": len(sections["resolved"]),
        "flags_carried": sum(c for _, c in by_type.values()),
        "flags_dismissed": len(sections["dismissed"]),
        "flags_carried_unlisted": max(0, sum(c for _, c in by_type.values()) - listed_carried),
        "confirmed": sum(1 for d in flags if d["review"] and d["review"]["verdict"] == "confirmed"),
        "contradictions_new": sum(1 for d in sections["new"] if d["type"] != "update"),
        "updates_new": sum(1 for d in sections["new"] if d["type"] == "update"),
        "contradictions_open": sum(n + c for t, (n, c) in by_type.items() if t != "update"),
        "updates_open": sum(n + c for t, (n, c) in by_type.items() if t == "update"),
        "stories_flagged": tallies["stories"],
        "clusters": len(stored),
    }
    return {
        "run": {"id": info.run_id, "check_run": info.check_run, "started": info.started, "previous": info.previous,
                "generated": datetime.now(timezone.utc).isoformat(timespec="seconds")},
        "summary": summary,
        "ingest": ingested.to_dict() if ingested else None,
        "rejected": [str(r) for r in ingested.rejected] if ingested else [],
        "flags": flags,
        "flags_by_type": {t: {"new": n, "carried": c} for t, (n, c) in sorted(by_type.items()) if n or c},
        "stories": stories,
        "threads": threads,
        "outlets": outlets,
        "clusters": clusters,
        "claims": _claims_table(store, flags, clusters, meta),
    }


def _meta_for(store: Store, flags: Sequence[Flag], tonight: Sequence[str]) -> dict[str, dict]:
    """Article meta of every article of the stories these flags and tonight's articles belong to,
    and of the articles the flags cite."""
    tonight_meta = store.article_meta_of(tonight)
    stories = {f.story_id for f in flags if f.story_id} | {m["story_id"] for m in tonight_meta.values() if m["story_id"]}
    ids = set(store.articles_in_stories(sorted(stories))) | {a for f in flags for a in f.articles}
    return {**tonight_meta, **store.article_meta_of(ids - set(tonight_meta))}


def _lapsed_reviews(store: Store) -> dict[str, dict]:
    """Reviews whose flag's evidence has changed since the verdict: they no longer apply."""
    return store.lapsed_reviews()


def _flag_entry(f: Flag, status: str, review: dict | None, lapsed: dict | None, meta: dict[str, dict],
                run: dict, titles: dict[str, str]) -> dict:
    d = flag_to_dict(f)
    section = "resolved" if status == "resolved" else "dismissed" if review and review["verdict"] == "dismissed" \
        else status
    marks = [v for v in f.values.values() if v and len(v) >= 2]
    d["evidence"] = [dict(e, url=safe_url(meta.get(e["article_id"], {}).get("url", "")),
                          link=evidence_link(meta.get(e["article_id"], {}).get("url", ""), e["text"]),
                          segments=highlight(e["text"], marks)) for e in d["evidence"]]
    d.update(status=status, section=section, review=review, lapsed_review=lapsed,
             first_run=run.get("first_run"), last_run=run.get("last_run"),
             links=[_link(a, meta) for a in f.articles],
             story_title=titles.get(f.story_id or ""))
    return d


def _link(article_id: str, meta: dict[str, dict]) -> dict:
    m = meta.get(article_id, {})
    return {"article_id": article_id, "outlet": m.get("outlet", ""), "title": m.get("title", ""),
            "url": safe_url(m.get("url", "")), "published": (m.get("published") or "")[:10]}


def evidence_link(url: str, quote: str) -> str | None:
    """The article's URL with a text fragment (``#:~:text=start,end``) that scrolls to and marks the quote."""
    base = safe_url(url)
    words = quote.split()
    if base is None or not words:
        return base
    enc = lambda ws: quote_url(" ".join(ws), safe="")  # noqa: E731 - commas and dashes must be escaped too
    frag = enc(words) if len(words) <= 8 else f"{enc(words[:5])},{enc(words[-3:])}"
    return f"{base.split('#', 1)[0]}#:~:text={frag}"


def origin_label(key: str, outlet_of: dict[str, str]) -> str:
    """An origin key ("named:...", "anonymous", "unattributed:<claim>") in words a reader follows."""
    kind, _, rest = key.partition(":")
    if kind == "named":
        return f"named source: {rest}"
    if kind == "anonymous":
        return "one anonymous source"
    if kind == "unattributed":
        return f"no attribution ({outlet_of.get(rest, 'one outlet')})"
    if kind == "unknown":
        return f"a source we could not read ({outlet_of.get(rest, 'one outlet')})"
    return key


def safe_url(url: str) -> str | None:
    """The URL when it is plain http(s); anything else (javascript:, data:) is not made a link."""
    url = (url or "").strip()
    return url if re.match(r"^https?://[^\s]+$", url, re.IGNORECASE) else None


def highlight(text: str, marks: Sequence[str]) -> list[tuple[str, bool]]:
    """Split text into (segment, is_marked) pieces around the differing values it quotes."""
    marks = sorted({m for m in marks if m}, key=len, reverse=True)
    if not marks:
        return [(text, False)]
    pattern = re.compile("|".join(re.escape(m) for m in marks), re.IGNORECASE)
    out, pos = [], 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            out.append((text[pos:m.start()], False))
        out.append((m.group(0), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def story_titles(meta: dict[str, dict]) -> dict[str, str]:
    """Story id -> the title of its earliest article."""
    first: dict[str, dict] = {}
    for m in meta.values():
        sid = m["story_id"]
        if sid and (sid not in first or m["published"] < first[sid]["published"]):
            first[sid] = m
    return {sid: m["title"] for sid, m in first.items()}


def _stories(store: Store, meta: dict[str, dict], tonight: Sequence[str], flags: list[dict]) -> list[dict]:
    """Every story with open flags, the weightiest first (flags' confidence times the outlets they span),
    then the stories touched tonight or with resolved flags, up to ``MAX_STORIES``, marked ``folded``."""
    weight: dict[str, float] = {}
    for d in flags:
        if d["story_id"] and d["section"] in ("new", "carried"):
            weight[d["story_id"]] = weight.get(d["story_id"], 0.0) + d["confidence"] * len(set(d["outlets"]))
    others: dict[str, None] = {}
    for a in tonight:
        sid = meta.get(a, {}).get("story_id")
        if sid and sid not in weight:
            others.setdefault(sid)
    for d in flags:
        if d["story_id"] and d["story_id"] not in weight:
            others.setdefault(d["story_id"])
    by_story: dict[str, list[str]] = {}
    for aid, m in meta.items():
        if m["story_id"] in weight or m["story_id"] in others:
            by_story.setdefault(m["story_id"], []).append(aid)
    flagged = sorted(weight, key=lambda sid: (-weight[sid], -len(by_story.get(sid, [])), sid))
    chosen = [(sid, False) for sid in flagged] + [(sid, True) for sid in list(others)[:MAX_STORIES]]
    tonight_set = set(tonight)
    flags_of: dict[str, list[dict]] = {}
    for d in flags:
        flags_of.setdefault(d["story_id"], []).append(d)
    out = []
    for sid, folded in chosen:
        aids = sorted(by_story.get(sid, []), key=lambda a: meta[a]["published"])
        if not aids:
            continue
        story_flags = flags_of.get(sid, [])
        claims = store.dated_claims(aids)  # a claim without a time expression puts no point on the timeline
        points = timeline_points(claims.values(), [d for d in story_flags if d["type"] == "timeline"
                                                   and d["section"] != "resolved"])
        pubs = [Publication(meta[a]["outlet"], _day(meta[a]["published"]), meta[a]["title"]) for a in aids]
        title = meta[aids[0]]["title"]
        svg, omitted = timeline_svg(points, pubs, title)
        live = [d for d in story_flags if d["section"] in ("new", "carried")]
        out.append({
            "id": sid, "title": title, "articles": [_link(a, meta) for a in aids],
            "outlets": sorted({meta[a]["outlet"] for a in aids}), "folded": folded,
            "weight": round(weight.get(sid, 0.0), 3),
            "new_articles": sum(1 for a in aids if a in tonight_set),
            "flags": {s: sum(1 for d in story_flags if d["section"] == s) for s in SECTIONS},
            "contradictions": sum(1 for d in live if d["type"] != "update"),
            "updates": sum(1 for d in live if d["type"] == "update"),
            "flag_refs": [{"id": d["id"], "type": d["type"], "confidence": d["confidence"]}
                          for d in sorted(live, key=lambda d: -d["confidence"])],
            "timeline": [{"outlet": p.outlet, "start": p.start.isoformat(), "end": p.end.isoformat(),
                          "label": p.label, "conflict": p.conflict} for p in points],
            "timeline_omitted": omitted, "svg": svg,
        })
    return out


def by_thread(store: Store, stories: list[dict]) -> tuple[list[dict], list[dict]]:
    """The stories with their thread, those of one thread side by side (where its first stands),
    flagged before folded as before; and the threads that hold more than one listed story."""
    links = store.story_threads([st["id"] for st in stories])
    sizes = store.thread_sizes(set(links.values()))
    for st in stories:
        st["thread_id"] = links.get(st["id"])
        st["thread_stories"] = sizes.get(st["thread_id"], 1)
    ordered: list[dict] = []
    for folded in (False, True):
        groups: dict[str, list[dict]] = {}
        for st in stories:
            if st["folded"] == folded:
                groups.setdefault(st["thread_id"] or st["id"], []).append(st)
        for group in groups.values():
            ordered.extend(group)
    listed: dict[str, list[dict]] = {}
    for st in ordered:
        if st["thread_id"]:
            listed.setdefault(st["thread_id"], []).append(st)
    threads = []
    for tid, group in listed.items():
        if len(group) > 1:
            first = min(group, key=lambda st: (st["articles"][0]["published"] if st["articles"] else "", st["id"]))
            threads.append({"id": tid, "title": first["title"], "stories": [st["id"] for st in group],
                            "stories_in_store": sizes.get(tid, len(group))})
    return ordered, threads


def timeline_points(claims: Iterable[Claim], timeline_flags: Sequence[dict]) -> list[TimePoint]:
    """One point per dated time expression; those a timeline flag quotes are marked as conflicts."""
    conflicting: dict[str, list[str]] = {}
    for d in timeline_flags:
        for cid in d["claims"]:
            conflicting.setdefault(cid, []).extend(v.casefold() for v in d["values"].values())
    points = []
    for c in claims:
        for t in c.times:
            if t.type not in ("DATE", "TIME") or not t.earliest or not t.latest:
                continue
            try:
                start, end = date.fromisoformat(t.earliest[:10]), date.fromisoformat(t.latest[:10])
            except ValueError:
                continue
            values = conflicting.get(c.id)
            hit = values is not None and (not values or any(v in t.text.casefold() or t.text.casefold() in v
                                                            for v in values))
            rng = start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"
            label = f"{c.outlet}: \u201c{t.text}\u201d = {rng}\n{' '.join(c.text.split())[:240]}"
            points.append(TimePoint(c.outlet, min(start, end), max(start, end), label, hit, t.text))
    return points


def _outlets(store: Store, tallies: dict) -> list[dict]:
    """Per outlet: articles, claims, open flags, and the share of its claims that are unsupported repetitions."""
    claims = store.claims_per_outlet()
    articles = store.articles_per_outlet()
    flag_count, repeated = tallies["by_outlet"], tallies["repeated_by_outlet"]
    rows = []
    for outlet in sorted(articles):
        n = int(claims.get(outlet, 0))
        rows.append({"outlet": outlet, "articles": articles[outlet], "claims": n, "flags": flag_count.get(outlet, 0),
                     "unsupported_repetitions": repeated.get(outlet, 0),
                     "repetition_share": round(repeated.get(outlet, 0) / n, 4) if n else 0.0})
    rows.sort(key=lambda r: (-r["flags"], -r["repetition_share"], r["outlet"]))
    return rows


def stored_clusters(store: Store, meta: dict[str, dict], checked: CheckResult | None = None) -> list[dict]:
    """Every claim cluster of the stories of these articles, built from their aligned pairs as ``check`` builds them;
    those of the stories ``checked`` compared are its own, not built again."""
    from ..compare.by_story import pairs_by_story, sort_cluster_dicts
    from ..provenance import claim_clusters

    wanted = {m["story_id"] for m in meta.values() if m["story_id"]}
    done = set() if checked is None else wanted if checked.compared is None else wanted & set(checked.compared)
    known = [c for c in checked.clusters if c["story_id"] in done] if checked is not None else []
    rows = store.story_claims(wanted - done)
    pairs = store.pairs_touching(rows, loud_only=True)  # a quiet pair links no cluster
    claims = store.claims(sorted({r for a, b, _ in pairs for r in (a, b)}))
    found = [c for story_pairs in pairs_by_story(pairs, claims).values() for c in claim_clusters(story_pairs, claims)]
    built = [d for d in (c.to_dict() for c in found) if d["story_id"] not in done]
    return sort_cluster_dicts(known + built)


def _cluster_entry(c: dict, meta: dict[str, dict]) -> dict:
    outlet_of = {cid: meta.get(cid.rsplit("#", 1)[0], {}).get("outlet", "") for o in c["origins"] for cid in o["claims"]}
    origins = [dict(o, label=origin_label(o["origin"], outlet_of)) for o in c["origins"]]
    return {**c, "origins": origins, "links": [_link(a, meta) for a in c["articles"]],
            "earliest_link": _link(c["earliest"]["article_id"], meta)}


def _with_stances(store: Store, clusters: list[dict], embedder: Embedder | None = None) -> list[dict]:
    """Each cluster with every outlet's stance toward its earliest wording (for, against, observing)."""
    from ..compare.stance import stance_of

    ids = sorted({cid for c in clusters for cid in c["claims"]})
    claims = {c.id: c for c in store.claims(rowids=list(store.claim_rowids(ids).values())).values()} if ids else {}
    out = []
    for c in clusters:
        members = [claims[cid] for cid in c["claims"] if cid in claims]
        found = stance_of(c["text"], [m.text for m in members], embedder)
        out.append({**c, "stances": [{"claim_id": m.id, "outlet": m.outlet, "stance": s}
                                     for m, s in zip(members, found)]})
    return out


def _claims_table(store: Store, flags: list[dict], clusters: list[dict], meta: dict[str, dict]) -> list[dict]:
    """The claims the report's flags and clusters are about, one row each, with the claim's stance toward
    its cluster's earliest wording when it is in one."""
    flagged: dict[str, list[str]] = {}
    for d in flags:
        for cid in d["claims"]:
            flagged.setdefault(cid, []).append(d["id"])
    clustered = {cid: c["id"] for c in clusters for cid in c["claims"]}
    stance = {s["claim_id"]: s["stance"] for c in clusters for s in c.get("stances", ())}
    ids = sorted(set(flagged) | set(clustered))
    claims = store.claims(rowids=list(store.claim_rowids(ids).values())) if ids else {}
    rows = []
    for c in sorted(claims.values(), key=lambda c: (c.published, c.id)):
        att = c.attribution
        rows.append({"claim_id": c.id, "article_id": c.article_id, "outlet": c.outlet,
                     "published": c.published.isoformat(), "story_id": c.story_id,
                     "url": meta.get(c.article_id, {}).get("url", ""), "text": " ".join(c.text.split()),
                     "source": att.source if att else "", "times": "; ".join(t.text for t in c.times),
                     "quantities": "; ".join(q.text for q in c.quantities),
                     "flags": " ".join(flagged.get(c.id, [])), "cluster": clustered.get(c.id, ""),
                     "stance": stance.get(c.id, "")})
    return rows


def flags_chart(report: dict) -> str:
    """The summary bar chart of open flags by type."""
    return bars_svg([(t, v["new"], v["carried"]) for t, v in report["flags_by_type"].items()])


def _day(iso: str) -> date:
    return datetime.fromisoformat(iso).date()
