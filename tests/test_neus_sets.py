"""Older AllSides roundups as real-coverage sets: outlets and days built, the cut sentence left out, no story twice."""

from __future__ import annotations

import json
from pathlib import Path

from scripts import neus_sets as ns


def _line(key: int, first: str = "") -> str:
    parts = [f"TITLE=> {first or f'Council widens Elm Road {key}'}. ARTICLE=> The Rivertown council voted 7-2 on "
             f"Tuesday to widen Elm Road in 2016, story {key}. Mayor Dana Quill said the work",
             f"TITLE=> Road vote {key}. ARTICLE=> Council members backed the plan, story {key}.",
             f"TITLE=> Elm Road plan passes {key}. ARTICLE=> A 7-2 vote sent the plan ahead in 2015."]
    return " [SEP] ".join(parts)


def _probe(tmp_path: Path, lines: dict[str, list[str]]) -> Path:
    for split in ns.SPLITS:
        (tmp_path / f"{split}.source").write_text("".join(l + "\n" for l in lines.get(split, [])), encoding="utf-8")
    return tmp_path


def test_the_sentence_the_probe_cut_short_is_left_out():
    assert ns.whole_sentences("One whole sentence.  A second one is cut in the") == "One whole sentence."
    assert ns.whole_sentences("It said “no.” Then the") == "It said “no.”"
    assert ns.whole_sentences("nothing whole here") == ""


def test_a_story_is_placed_in_the_latest_year_its_texts_name():
    parts = [{"title": "A vote", "text": "Passed in 2013 and again in 2016."}, {"title": "2019 review", "text": "."}]
    assert ns.story_year(parts) == 2019
    assert ns.story_year([{"title": "A vote", "text": "It passed in 1998."}]) == ns.PLAIN_YEAR


def test_stories_get_outlets_and_one_built_day_and_the_2021_crawl_is_left_out(tmp_path: Path):
    probe = _probe(tmp_path, {"train": [_line(1), _line(2, first="Already in the crawl"), _line(3)],
                              "test": [_line(4).replace("ARTICLE=> Council members backed the plan, story 4.",
                                                        "ARTICLE=> ")]})
    stories = ns.read_stories(probe, {"already in the crawl"})
    assert sorted(stories) == ["train-1", "train-3"]  # one story in the crawl, one with an empty opening
    arts = stories["train-1"]["articles"]
    assert [a["outlet"] for a in arts] == ["outlet-1", "outlet-2", "outlet-3"]
    assert arts[0]["text"].endswith("story 1.") and "Mayor" not in arts[0]["text"]
    keys = sorted(stories)
    ns.date_stories(stories, keys)
    days = {a["published"] for a in arts}
    assert len(days) == 1 and days.pop().startswith("2016-")
    assert stories["train-1"]["articles"][0]["published"] != stories["train-3"]["articles"][0]["published"]
    n = ns.write_set(stories, keys, tmp_path / "set")
    lines = [json.loads(l) for l in (tmp_path / "set" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert n == 6 and all(a["url"].startswith("urn:neus:") for a in lines)


def test_a_line_not_in_the_probe_format_names_the_file_and_line(tmp_path: Path):
    probe = _probe(tmp_path, {"val": [_line(1), "a line of something else"]})
    try:
        ns.read_stories(probe, set())
    except SystemExit as e:
        assert f"{probe / 'val.source'}:2:" in str(e)
    else:
        raise AssertionError("a broken line must stop the build")


def test_sets_never_share_a_story():
    spans = [(s.start, s.stop) for s in ns.SETS]
    assert all(a_stop <= b_start for (_, a_stop), (b_start, _) in zip(spans, spans[1:]))
    assert {s.name for s in ns.SETS}.isdisjoint({"as1", "as2", "as3", "as4", "as5", "as6"})
