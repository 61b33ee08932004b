"""Alignment on a store built with the fake extractor and the hashing embedder: which claims
become candidate pairs, and which never do."""

from __future__ import annotations

import json
from pathlib import Path

from consistency import Options, ingest
from consistency.align import align_new_claims, skeleton
from consistency.pipeline import assign_stories, open_store

SUMMIT = "The summit in Talvi ended with a joint declaration on grain exports and river shipping."


def _articles(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    path.write_text("\n".join(json.dumps({"id": i, "outlet": o, "url": f"https://{i}.example/", "title": "Talvi summit",
                                          "published": f"{d}T08:00:00+00:00", "text": t}) for i, o, d, t in rows))
    return path


def _aligned(tmp_path: Path, rows, **option_changes) -> tuple[list[tuple[int, int, float]], dict]:
    opts = Options(store=tmp_path / "store", embedder="hashing").with_(**option_changes)
    ingest([_articles(tmp_path / "a.jsonl", rows)], opts)
    with open_store(opts) as store:
        assign_stories(store, opts)
        pairs = align_new_claims(store, opts)
        stored = store.pairs()
        # the claims stay unchecked until their flags are saved: aligning again stores nothing new
        align_new_claims(store, opts)
        assert store.pairs() == stored
        claims = store.claims()
    assert {(min(a, b), max(a, b)) for a, b, _ in pairs} == {(a, b) for a, b, _ in stored}
    return pairs, claims


def test_align_pairs_the_same_statement_across_outlets_only(tmp_path, fake_extractor):
    rows = [("a1", "Baltic Wire", "2026-03-10", SUMMIT + " " + SUMMIT.replace("Talvi", "the capital")),
            ("a2", "Riga Post", "2026-03-11", SUMMIT),
            ("a3", "Harbour Courier", "2026-03-11", "Ferry tickets on the northern route will cost more from April.")]
    pairs, claims = _aligned(tmp_path, rows)
    linked = {(claims[a].outlet, claims[b].outlet) for a, b, _ in pairs}
    assert ("Baltic Wire", "Riga Post") in linked or ("Riga Post", "Baltic Wire") in linked
    assert all(claims[a].outlet != claims[b].outlet for a, b, _ in pairs)  # never within one outlet
    assert not any("Harbour Courier" in pair for pair in linked)  # an unrelated claim stays alone
    assert all(s >= 0.65 for _, _, s in pairs)


def test_align_finds_copies_that_differ_in_a_figure_below_the_threshold(tmp_path, fake_extractor):
    text = "Officials said {} workers were killed in the fire at the Castlemoor plant on Monday night."
    rows = [("b1", "Baltic Wire", "2026-03-10", text.format("Nine")),
            ("b2", "Riga Post", "2026-03-11", text.format("Fourteen"))]
    # an align threshold no cosine reaches: only the masked-wording lookup can pair them
    pairs, claims = _aligned(tmp_path, rows, align_threshold=1.01)
    assert [(claims[a].article_id, claims[b].article_id) for a, b, _ in pairs] == [("b1", "b2")]


def test_align_skeleton_blanks_names_and_figures():
    a = skeleton("Nine workers were killed in the fire at the Castlemoor plant on Monday.")
    b = skeleton("14 workers were killed in the fire at the Castlemoor plant on Tuesday.")
    assert a is not None and a == b
    assert skeleton("Markin spoke on Monday.") is None  # too little left to be telling


CROWD = "Talvi Port Authority said Markin resigned on Monday."  # too few plain words for the masked lookup


def test_align_finds_a_same_story_partner_among_many_closer_claims_of_other_stories(tmp_path, fake_extractor):
    # Twelve outlets carry the same sentence in another story, stored first; only the last two
    # articles share a story. Searching the whole store, the twelve fill the nearest neighbours.
    # (a short second sentence, no claim, keeps the copies from being dropped as duplicates)
    rows = [(f"o{i}", f"Outlet {i}", "2026-03-01", f"{CROWD} Copy {i}.") for i in range(12)]
    rows += [("m1", "Baltic Wire", "2026-03-10", f"{CROWD} Copy m1."), ("m2", "Riga Post", "2026-03-11", f"{CROWD} Copy m2.")]
    opts = Options(store=tmp_path / "store", embedder="hashing")
    ingest([_articles(tmp_path / "a.jsonl", rows)], opts)
    with open_store(opts) as store:
        with store.transaction():
            store.set_stories({**{f"o{i}": "crowd" for i in range(12)}, "m1": "mine", "m2": "mine"})
        pairs = align_new_claims(store, opts)
        claims = store.claims()
    mine = {(claims[a].article_id, claims[b].article_id) for a, b, _ in pairs if claims[a].article_id.startswith("m")}
    assert ("m2", "m1") in mine or ("m1", "m2") in mine
    assert all(claims[a].article_id[0] == claims[b].article_id[0] for a, b, _ in pairs)  # never across stories


def test_align_pairs_claims_without_a_story_across_the_store(tmp_path, fake_extractor):
    rows = [("a1", "Baltic Wire", "2026-03-10", SUMMIT), ("a2", "Riga Post", "2026-03-11", SUMMIT + " Copy a2.")]
    opts = Options(store=tmp_path / "store", embedder="hashing")
    ingest([_articles(tmp_path / "a.jsonl", rows)], opts)
    with open_store(opts) as store:  # no story assigned: the whole index is searched, as before stories
        pairs = align_new_claims(store, opts)
        claims = store.claims()
    assert {(claims[a].article_id, claims[b].article_id) for a, b, _ in pairs} >= {("a2", "a1")}
