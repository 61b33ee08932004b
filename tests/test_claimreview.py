"""ClaimReview export: confirmed flags as schema.org JSON-LD that keeps to the vocabulary."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from click.testing import CliRunner

from consistency.cli import main
from consistency.errors import NotFoundError
from consistency.options import Options
from consistency.records import Article, Evidence, Flag
from consistency.review.claimreview import export_claim_reviews, vocabulary_problems
from consistency.store.database import Store

WHEN = datetime(2026, 3, 10, 8, tzinfo=timezone.utc)


@pytest.fixture
def store_dir(tmp_path):
    path = tmp_path / "store"
    store = Store(path, model="hashing")
    arts = [Article(id="a1", outlet="Baltic Wire", url="https://baltic.example/briefing", title="Battery in place",
                    published=WHEN, text="Markin told a March 10 briefing the battery was in place."),
            Article(id="a2", outlet="Riga Post", url="javascript:alert(1)", title="Battery ready",
                    published=WHEN.replace(day=11), text="Markin told a March 12 briefing the battery was ready.")]
    ev = (Evidence("a2#0", "a2", "Riga Post", "2026-03-11T08:00:00+00:00", arts[1].text, 0, 10),
          Evidence("a1#0", "a1", "Baltic Wire", "2026-03-10T08:00:00+00:00", arts[0].text, 0, 10))
    flags = [Flag(id="tim-1", type="timeline", claims=("a1#0", "a2#0"), articles=("a1", "a2"),
                  outlets=("Baltic Wire", "Riga Post"), values={"Baltic Wire": "March 10", "Riga Post": "March 12"},
                  evidence=ev, confidence=0.9, explanation="Timeline conflict: March 10 against March 12."),
             Flag(id="num-2", type="number", claims=("a1#0", "a2#0"), articles=("a1", "a2"),
                  outlets=("Baltic Wire", "Riga Post"), evidence=ev, confidence=0.7, explanation="Number conflict.")]
    with store.transaction():
        store.insert_articles(arts, [a.url for a in arts], None)
        run = store.start_run("check")
        store.save_flags(flags, run)
        store.set_review("tim-1", "confirmed", "The ministry's transcript says March 10.")
        store.set_review("num-2", "dismissed", "")
    store.close()
    return path


def test_claimreview_export_holds_confirmed_flags_only(store_dir):
    doc = export_claim_reviews(Options(store=store_dir, embedder="hashing"), "Desk Fact Check")
    assert doc["@context"] == "https://schema.org" and len(doc["@graph"]) == 1
    cr = doc["@graph"][0]
    assert cr["@type"] == "ClaimReview" and cr["author"]["name"] == "Desk Fact Check"
    assert cr["claimReviewed"].startswith("Markin told a March 10 briefing")  # the claim as first reported
    item = cr["itemReviewed"]
    assert [a["publisher"]["name"] for a in item["appearance"]] == ["Baltic Wire", "Riga Post"]
    assert item["firstAppearance"]["url"] == "https://baltic.example/briefing"
    assert "url" not in item["appearance"][1]  # a javascript: address is not published as a link
    assert [a["datePublished"] for a in item["appearance"]] == ["2026-03-10", "2026-03-11"]
    assert cr["reviewBody"].startswith("The ministry's transcript says March 10.")
    assert cr["reviewRating"]["alternateName"] == "Outlets disagree on when it happened"
    assert vocabulary_problems(doc) == []


def test_claimreview_unconfirmed_flag_is_refused_with_the_fix(store_dir):
    with pytest.raises(NotFoundError, match="--confirm"):
        export_claim_reviews(Options(store=store_dir, embedder="hashing"), flag_ids=["num-2"])


def test_claimreview_vocabulary_check_catches_what_schema_org_does_not_allow():
    good = {"@type": "ClaimReview", "claimReviewed": "x", "datePublished": "2026-03-10",
            "author": {"@type": "Organization", "name": "Desk"}}
    assert vocabulary_problems(good) == []
    assert vocabulary_problems(dict(good, datePublished="10 March"))  # not an ISO date
    assert vocabulary_problems(dict(good, appearance=[]))  # appearance belongs to Claim, not ClaimReview
    assert vocabulary_problems(dict(good, author={"@type": "Rating"}))  # an author is an Organization or Person
    assert vocabulary_problems(dict(good, verdict="false"))  # no such property
    assert vocabulary_problems({"@type": "FactCheck"})  # no such type


def test_claimreview_cli_export_and_usage(store_dir, tmp_path):
    runner = CliRunner()
    out = tmp_path / "reviews.jsonld"
    res = runner.invoke(main, ["review", "--export", "claimreview", "--publisher", "Desk", "--out", str(out),
                               "--store", str(store_dir), "--embedder", "hashing"])
    assert res.exit_code == 0, res.output
    assert json.loads(out.read_text())["@graph"][0]["author"]["name"] == "Desk"
    res = runner.invoke(main, ["review", "tim-1", "--confirm", "--export", "claimreview", "--store", str(store_dir)])
    assert res.exit_code == 2 and "--export" in res.output
    res = runner.invoke(main, ["review", "--confirm", "--store", str(store_dir)])
    assert res.exit_code == 2 and "FLAG_ID" in res.output
