import json
from pathlib import Path

import pytest

from consistency.errors import InputError
from consistency.ingest.readers import MAX_RECORD_BYTES, normalise_url, read_paths

GOOD = {"id": "a1", "outlet": "Baltic Wire", "url": "https://bw.example/a", "title": "Summit",
        "published": "2026-03-10T08:00:00+00:00", "text": "The summit opened in Riga on Tuesday."}


def write_jsonl(path: Path, records: list) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n")
    return path


def test_ingest_jsonl_reads_good_records(tmp_path):
    result = read_paths([write_jsonl(tmp_path / "a.jsonl", [GOOD])])
    assert [a.id for a in result.articles] == ["a1"]
    assert result.articles[0].published.isoformat() == "2026-03-10T08:00:00+00:00"
    assert not result.rejected


def test_ingest_jsonl_rejects_bad_records_and_keeps_the_rest(tmp_path):
    bad_date = dict(GOOD, id="a2", published="yesterday")
    no_text = dict(GOOD, id="a3", text="  ")
    no_outlet = {k: v for k, v in GOOD.items() if k != "outlet"} | {"id": "a4"}
    good2 = dict(GOOD, id="a5", url="https://bw.example/b")
    path = write_jsonl(tmp_path / "a.jsonl", [GOOD, bad_date, "{not json", no_text, no_outlet, good2])
    result = read_paths([path])
    assert [a.id for a in result.articles] == ["a1", "a5"]
    messages = [str(r) for r in result.rejected]
    assert messages[0] == f'{path}:2: \'published\' is not a date (got "yesterday"); use ISO 8601, e.g. 2026-03-10'
    assert messages[1].startswith(f"{path}:3: is not valid JSON")
    assert messages[2].startswith(f"{path}:4: 'text' is missing or empty")
    assert messages[3].startswith(f"{path}:5: 'outlet' is missing")


def test_ingest_jsonl_rejects_undecodable_bytes(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(json.dumps(GOOD).encode() + b"\n" + b'{"outlet": "\xff\xfe"}\n')
    result = read_paths([path])
    assert len(result.articles) == 1
    assert "not valid UTF-8" in str(result.rejected[0]) and ":2:" in str(result.rejected[0])


def test_ingest_jsonl_rejects_an_oversized_line_without_stopping(tmp_path):
    path = tmp_path / "big.jsonl"
    with open(path, "w") as fh:
        fh.write(json.dumps(dict(GOOD, text="x" * (MAX_RECORD_BYTES + 10))) + "\n")
        fh.write(json.dumps(dict(GOOD, id="a2", url="https://bw.example/2")) + "\n")
    result = read_paths([path])
    assert [a.id for a in result.articles] == ["a2"]
    assert "longer than" in str(result.rejected[0]) and ":1:" in str(result.rejected[0])


def test_ingest_csv_reads_rows_and_names_bad_lines(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('id,outlet,url,title,published,text\n'
                    'c1,Foo,https://f.example/1,T,2026-03-10,"Multi\nline text."\n'
                    'c2,Bar,https://b.example/1,T,notadate,x\n')
    result = read_paths([path])
    assert [a.id for a in result.articles] == ["c1"]
    assert result.articles[0].text == "Multi\nline text."
    assert str(result.rejected[0]).startswith(f"{path}:4: 'published'")


def test_ingest_csv_without_required_columns_is_rejected(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("a,b\n1,2\n")
    result = read_paths([path])
    assert not result.articles and "header lacks" in str(result.rejected[0])


def test_ingest_folder_reads_txt_with_header_json_and_html(tmp_path):
    (tmp_path / "one.txt").write_text("Outlet: Baltic Wire\nURL: https://bw.example/t\nTitle: T\n"
                                      "Published: 2026-03-10\n\nThe summit opened in Riga on Tuesday.\n")
    (tmp_path / "two.json").write_text(json.dumps(dict(GOOD, id="j1", url="https://bw.example/j")))
    (tmp_path / "three.html").write_text(
        '<html><head><title>Page</title><meta property="og:site_name" content="Riga Post">'
        '<meta property="article:published_time" content="2026-03-11T09:30:00+00:00">'
        '<link rel="canonical" href="https://rp.example/three"></head><body><nav>Home | World | Sport</nav>'
        '<article><h1>Summit opens</h1><p>The summit opened in Riga on Tuesday with leaders of nine countries '
        'attending talks on energy and defence.</p><p>Officials said it would last two days and end with a joint '
        'declaration, according to the organisers.</p></article><footer>Cookie settings</footer></body></html>')
    result = read_paths([tmp_path])
    by_id = {a.id: a for a in result.articles}
    assert set(by_id) == {"one", "j1", "three"}, result.rejected
    assert by_id["one"].outlet == "Baltic Wire" and by_id["one"].text.startswith("The summit")
    html = by_id["three"]
    assert html.outlet == "Riga Post" and html.url == "https://rp.example/three"
    assert html.published.isoformat() == "2026-03-11T09:30:00+00:00"
    assert "nine countries" in html.text and "Cookie" not in html.text and "Home |" not in html.text


def test_ingest_txt_without_header_is_rejected_with_the_fix(tmp_path):
    (tmp_path / "bare.txt").write_text("Just text, no header.")
    result = read_paths([tmp_path])
    assert "'outlet' is missing" in str(result.rejected[0])


def test_ingest_missing_path_raises(tmp_path):
    with pytest.raises(InputError):
        read_paths([tmp_path / "nope.jsonl"])


def test_ingest_normalise_url_ignores_scheme_www_slash_and_tracking():
    assert normalise_url("https://www.bw.example/a/?utm_source=x") == normalise_url("http://bw.example/a")
    assert normalise_url("https://bw.example/a?id=1") != normalise_url("https://bw.example/a?id=2")
