"""The store: schema version check, and the flag bookkeeping between runs (new, carried, resolved)."""

from __future__ import annotations

import pytest

from consistency.errors import NotFoundError, StoreError
from consistency.records import Evidence, Flag
from consistency.store.database import SCHEMA_VERSION, Store


def _flag(fid: str, value: str = "March 10") -> Flag:
    return Flag(id=fid, type="timeline", claims=(f"{fid}#a", f"{fid}#b"), articles=("a", "b"),
                outlets=("Orbis", "Strelka"), values={"Orbis": value, "Strelka": "March 12"},
                evidence=(Evidence(claim_id=f"{fid}#a", article_id="a", outlet="Orbis", published="2026-03-10", text=f"It opened {value}.",
                                   start=0, end=10),
                          Evidence(claim_id=f"{fid}#b", article_id="b", outlet="Strelka", published="2026-03-12", text="It opened March 12.",
                                   start=0, end=10)),
                confidence=0.8, explanation="")


def test_store_refuses_a_store_of_another_schema_version(tmp_path):
    with Store(tmp_path) as store:
        store.set_meta("schema_version", SCHEMA_VERSION + 1)
    with pytest.raises(StoreError, match=f"schema version {SCHEMA_VERSION + 1}.*new store"):
        Store(tmp_path)
    with pytest.raises(StoreError, match="schema version"):
        Store(tmp_path, readonly=True)


def test_store_save_flags_sorts_new_carried_and_resolved(tmp_path):
    with Store(tmp_path) as store:
        first = store.save_flags([_flag("tim-1"), _flag("tim-2")], run_id=1)
        assert first == {"new": ["tim-1", "tim-2"], "carried": [], "resolved": []}
        # tim-1 again with other evidence, tim-2 gone, tim-3 new
        second = store.save_flags([_flag("tim-1", "March 9"), _flag("tim-3")], run_id=2)
        assert second == {"new": ["tim-3"], "carried": ["tim-1"], "resolved": ["tim-2"]}
        assert [f.id for f in store.flags("open")] == ["tim-1", "tim-3"]
        assert store.flag("tim-1").values["Orbis"] == "March 9"
        rows = {r["id"]: r for r in store.flag_rows()}
        assert rows["tim-1"]["first_run"] == 1 and rows["tim-1"]["last_run"] == 2
        assert rows["tim-2"]["status"] == "resolved"
        # a resolved flag that comes back is new again
        third = store.save_flags([_flag("tim-1", "March 9"), _flag("tim-2"), _flag("tim-3")], run_id=3)
        assert third == {"new": ["tim-2"], "carried": ["tim-1", "tim-3"], "resolved": []}


def test_store_review_lapses_when_the_evidence_changes(tmp_path):
    with Store(tmp_path) as store:
        store.save_flags([_flag("tim-1")], run_id=1)
        store.set_review("tim-1", "dismissed", "two briefings")
        assert store.reviews()["tim-1"]["verdict"] == "dismissed" and store.lapsed_reviews() == {}
        store.save_flags([_flag("tim-1", "March 9")], run_id=2)
        assert "tim-1" not in store.reviews() and store.lapsed_reviews()["tim-1"]["note"] == "two briefings"
        with pytest.raises(NotFoundError, match="no flag with id"):
            store.set_review("nope", "confirmed", "")


def test_rewriting_a_flag_looks_up_its_claims_by_index(tmp_path):
    """A night rewrites the claims of each flag it saves: a scan of every flag's claims per
    flag would grow with the store, so the lookup must use an index (old stores get it on open)."""
    with Store(tmp_path) as store:
        store.db.execute("DROP INDEX flag_claims_flag")  # a store written before the index
    with Store(tmp_path) as store:
        plan = " ".join(str(r) for r in store.db.execute(
            "EXPLAIN QUERY PLAN DELETE FROM flag_claims WHERE flag_id=?", ("tim-1",)))
        assert "flag_claims_flag" in plan


def test_store_dated_claims_are_those_with_a_time_expression(tmp_path):
    from datetime import datetime, timezone

    from consistency.records import Article, Claim, TimeExpr

    when = datetime(2026, 6, 2, 7, tzinfo=timezone.utc)
    article = Article(id="k1", outlet="Orbis", url="https://orbis.example/k1", title="Kesk", published=when,
                      text="The ferry left on Monday. It carried cars.")
    dated = Claim(id="k1#0", article_id="k1", outlet="Orbis", published=when, text="The ferry left on Monday.",
                  start=0, end=25, content="ferry left on Monday",
                  times=(TimeExpr(text="Monday", start=17, end=23, type="DATE", value="2026-06-01"),))
    undated = Claim(id="k1#1", article_id="k1", outlet="Orbis", published=when, text="It carried cars.",
                    start=26, end=42, content="it carried cars")
    with Store(tmp_path) as store:
        store.insert_articles([article], [article.url], None)
        store.insert_claims([dated, undated])
        assert [c.id for c in store.dated_claims(["k1"]).values()] == ["k1#0"]
        assert [c.id for c in store.claims(article_ids=["k1"]).values()] == ["k1#0", "k1#1"]
