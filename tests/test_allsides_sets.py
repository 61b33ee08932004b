"""AllSides roundups as real-coverage sets: dated articles, the cut sentence left out, a fixed draw."""

from __future__ import annotations

import json
from pathlib import Path

from scripts import allsides_sets as als


def _roundup(key: int, date: str = "2021-03-04T10:00:00-08:00") -> dict:
    news = {}
    for side, outlet in (("left", "Harbor Ledger (Online News)"), ("center", "Plains Wire"), ("right", "Summit Post (News)")):
        news[side] = {"newsSource": outlet, "newsTitle": f"Council acts {key}",
                      "newsLink": f"https://{side}.example/2021/03/0{key % 9 + 1}/council-{key}" if side == "left" else
                      f"https://{side}.example/story-{key}",
                      "newBody": [f"The Rivertown council voted 7-2 on Tuesday to widen Elm Road, story {key}.",
                                  "Mayor Dana Quill said the work starts in May. The council also heard from resi..."]}
    return {"id": key, "issue": f"Council story {key}", "date": date, "news": news}


def test_an_article_is_dated_by_its_address_else_by_the_roundup():
    assert als.published("https://x.example/2021/7/9/a-story", "2021-07-12T08:00:00-07:00") == "2021-07-09"
    assert als.published("https://x.example/2021-10-18/a-story", "2021-10-19T08:00:00-07:00") == "2021-10-18"
    assert als.published("https://x.example/a-story-4821.html", "2021-10-19T08:00:00-07:00") == "2021-10-19"


def test_the_sentence_the_crawl_cut_short_is_left_out():
    text = als.opening(["First paragraph.  ", "Second one ends here. A third sentence is cut in the mid..."])
    assert text == "First paragraph.\n\nSecond one ends here."
    assert als.opening(["Only a paragraph.", "Nothing whole in this one..."]) == "Only a paragraph."
    assert als.opening(["Complete and not cut."]) == "Complete and not cut."


def test_stories_of_three_outlets_become_a_set_in_the_bench_layout(tmp_path: Path):
    raw = tmp_path / "raw.jsonl"
    rows = [_roundup(k) for k in range(1, 6)]
    rows[2]["news"].pop("right")  # two outlets only: left out
    raw.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    stories = als.read_stories(raw)
    assert sorted(stories, key=int) == ["1", "2", "4", "5"]
    assert {a["outlet"] for a in stories["1"]["articles"]} == {"Harbor Ledger", "Plains Wire", "Summit Post"}
    n = als.write_set(stories, ["4", "1"], tmp_path / "set")
    events = json.loads((tmp_path / "set" / "events.json").read_text(encoding="utf-8"))
    articles = [json.loads(line) for line in (tmp_path / "set" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert n == 6 and list(events) == ["4", "1"]
    assert {a["id"] for a in articles} == {i for e in events.values() for i in e["articles"]}
    assert all(not a["text"].endswith("...") and "resi" not in a["text"] for a in articles)
    assert als.order(stories) == als.order(dict(reversed(list(stories.items()))))  # the draw does not hang on file order


def test_a_broken_line_names_the_file_and_line(tmp_path: Path):
    raw = tmp_path / "raw.jsonl"
    raw.write_text(json.dumps(_roundup(1)) + "\n{not json\n", encoding="utf-8")
    try:
        als.read_stories(raw)
    except SystemExit as e:
        assert f"{raw}:2:" in str(e)
    else:
        raise AssertionError("a broken line must stop the build")


def test_sets_never_share_a_story():
    spans = [(s.start, s.stop) for s in als.SETS]
    assert all(a_stop <= b_start for (_, a_stop), (b_start, _) in zip(spans, spans[1:]))
    assert len({s.name for s in als.SETS}) == len(als.SETS)
