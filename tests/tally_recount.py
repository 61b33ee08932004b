"""The report's whole-store tallies counted again from the rows, as a check on the kept counts."""

import json

from consistency.store.database import Store


def recount(store: Store, min_confidence: float) -> dict:
    """Open-flag tallies, per-outlet articles and claims, read from every flag's JSON and every row."""
    rows = store.db.execute(
        "SELECT f.id, f.type, f.data, r.flag_id IS NOT NULL FROM flags f LEFT JOIN reviews r ON r.flag_id = f.id"
        " AND r.evidence_hash = f.evidence_hash AND r.verdict = 'dismissed' WHERE f.status = 'open'").fetchall()
    flags = [(fid, kind, json.loads(data), dismissed) for fid, kind, data, dismissed in rows]
    shown = [f for f in flags if f[2].get("confidence", 0.5) >= min_confidence]
    live = [f for f in shown if not f[3]]
    by_type: dict[str, int] = {}
    by_outlet: dict[str, int] = {}
    for _, kind, data, _ in live:
        by_type[kind] = by_type.get(kind, 0) + 1
        for outlet in set(data["outlets"]):
            by_outlet[outlet] = by_outlet.get(outlet, 0) + 1
    outlet_of_claim = dict(store.db.execute("SELECT c.id, a.outlet FROM claims c JOIN articles a ON a.id = c.article_id"))
    repeated: dict[str, int] = {}
    for cid in {c for _, kind, data, _ in live if kind == "unsupported_repetition" for c in data["claims"]}:
        repeated[outlet_of_claim[cid]] = repeated.get(outlet_of_claim[cid], 0) + 1
    articles: dict[str, int] = {}
    for (outlet,) in store.db.execute("SELECT outlet FROM articles"):
        articles[outlet] = articles.get(outlet, 0) + 1
    claims: dict[str, int] = {}
    for outlet in outlet_of_claim.values():
        claims[outlet] = claims.get(outlet, 0) + 1
    return {"flags": {"open": len(shown), "open_all": len(flags), "by_type": by_type,
                      "stories": len({d["story_id"] for _, _, d, _ in live if d.get("story_id")}),
                      "by_outlet": by_outlet, "repeated_by_outlet": repeated},
            "articles": articles, "claims": claims}


def assert_tallies_match_recount(store: Store) -> None:
    """The kept tallies are current and equal a recount, at two confidence floors."""
    assert store.tallies_kept()  # the kept counts answer, not the slow fallback
    for floor in (0.0, 0.3):
        expected = recount(store, floor)
        assert store.open_flag_tallies(floor) == expected["flags"]
    assert store.articles_per_outlet() == expected["articles"]
    assert store.claims_per_outlet() == expected["claims"]
    assert store.article_counts()["articles"] == sum(expected["articles"].values())
    assert expected["flags"]["open_all"] > 0
