"""The no-gold diff script's readers and its fixed halves, on invented files."""

import json
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from diff_times import _articles, half_of, reuters_articles  # noqa: E402

SGML = """<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" OLDID="11" NEWID="7">
<DATE> 3-MAR-1987 10:01:02.03</DATE>
<TEXT>&#2;
<TITLE>HARBOUR FERRY TO ADD ROUTE</TITLE>
<DATELINE>    PORTVILLE, March 3 - </DATELINE><BODY>The ferry line will add a route on
Thursday, the company said.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" LEWISSPLIT="TEST" OLDID="12" NEWID="8">
<DATE> 3-MAR-1987 10:05:00.00</DATE>
<TEXT TYPE="BRIEF">&#2;
<TITLE>NO BODY HERE</TITLE>
</TEXT>
</REUTERS>
"""


def test_reuters_reader_keeps_dated_stories_with_a_body():
    rows = list(reuters_articles(SGML))
    assert [(n, day) for n, _, day in rows] == [("reuters-7", date(1987, 3, 3))]
    text = rows[0][1]
    assert text.startswith("PORTVILLE, March 3 - The ferry line") and "Reuter" not in text and "&#" not in text


def test_articles_read_sgml_files_and_dated_fact_checks(tmp_path):
    (tmp_path / "stories.sgm").write_text(SGML, encoding="latin-1")
    checks = tmp_path / "checks.jsonl"
    checks.write_text("\n".join(json.dumps(a) for a in [
        {"vclaim_id": "c-1", "date": "5 June 2019", "title": "A bridge closed", "subtitle": "", "vclaim": "It shut."},
        {"vclaim_id": "c-2", "date": "", "title": "Undated", "subtitle": "", "vclaim": "No day."},
    ]) + "\n", encoding="utf-8")
    assert [n for n, _, _ in _articles(tmp_path / "stories.sgm")] == ["reuters-7"]
    assert [(n, t, day) for n, t, day in _articles(checks)] == [("c-1", "A bridge closed\n\nIt shut.", date(2019, 6, 5))]


def test_half_of_is_a_fixed_split_by_the_article_id():
    halves = [half_of(f"story-{i}") for i in range(200)]
    assert set(halves) == {"A", "B"} and 60 < halves.count("A") < 140
    assert half_of("story-1") == half_of("story-1")
