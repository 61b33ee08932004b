"""The nightly batch: three nights on the sample corpus, reviews across runs, and exit codes."""

import json
from datetime import timezone
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from consistency import Options, review
from consistency.cli import main
from consistency.ingest.readers import read_paths
from consistency.nightly import run
from consistency.pipeline import open_store
from consistency.report.build import highlight, safe_url
from consistency.report.svg import Publication, TimePoint, timeline_svg

SAMPLE = Path(__file__).resolve().parent.parent / "corpora" / "sample"

# A later report that names the source of the turnout line, which three outlets ran unattributed.
NAMED_SOURCE = {
    "id": "kelmar-commission", "outlet": "Baltic Wire", "url": "https://balticwire.example/kelmar-turnout",
    "title": "Kelmar turnout lowest since 1998, commission says", "published": "2026-03-12T09:00:00+00:00",
    "text": "Ilona Marsh's victory in the Kelmar regional election was confirmed by the electoral commission on "
            "Thursday.\n\nTurnout was the lowest in any regional election in Kelmar since 1998, the commission's "
            "chair, Nadia Petrescu, said.\n\nMarsh will be sworn in in April.",
}


def _record(a) -> dict:
    return {"id": a.id, "outlet": a.outlet, "url": a.url, "title": a.title, "published": a.published.isoformat(),
            "text": a.text}


def write_nights(folder: Path) -> list[Path]:
    """The sample corpus split by UTC publication day: up to Mar 10, Mar 11, and Mar 12 onwards."""
    read = read_paths([SAMPLE / "articles.jsonl", SAMPLE / "more"])
    assert not read.rejected
    nights: list[list[dict]] = [[], [], []]
    for a in read.articles:
        day = a.published.astimezone(timezone.utc).date().isoformat()
        nights[0 if day <= "2026-03-10" else 1 if day == "2026-03-11" else 2].append(_record(a))
    nights[2].append(NAMED_SOURCE)
    paths = []
    for i, rows in enumerate(nights, 1):
        path = folder / f"night{i}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        paths.append(path)
    return paths


def _quotes(flag: dict) -> str:
    return " ".join(e["text"] for e in flag["evidence"])


@pytest.fixture(scope="module")
def nights(tmp_path_factory):
    """Three nightly runs with reviews recorded between the second and the third."""
    tmp = tmp_path_factory.mktemp("nights")
    opts = Options(store=tmp / "store", embedder="hashing")
    paths = write_nights(tmp)
    out = tmp / "reports"
    results, reports = [], []
    for i, path in enumerate(paths):
        if i == 2:
            second = reports[1]
            mirgorod = next(f for f in second["flags"] if f["type"] == "unsupported_repetition"
                            and "Mirgorod" in _quotes(f))
            old = next(f for f in second["flags"] if f["status"] == "carried" and f["type"] != "unsupported_repetition")
            review(mirgorod["id"], "dismissed", "wire copy of one source, known", opts)
            review(old["id"], "dismissed", "same official, two <b>titles</b>", opts)
        result = run([path], opts, out)
        results.append(result)
        reports.append(json.loads((result.run_dir / "report.json").read_text()))
    return {"opts": opts, "paths": paths, "out": out, "results": results, "reports": reports,
            "mirgorod": mirgorod["id"], "old": old["id"]}


def _by_id(report: dict) -> dict[str, dict]:
    return {f["id"]: f for f in report["flags"]}


@pytest.mark.slow
def test_nightly_first_night_lists_every_flag_as_new(nights):
    first, report = nights["results"][0], nights["reports"][0]
    assert first.ingest.articles_new == 11 and first.exit_code == 0
    assert first.check.new and not first.check.carried and not first.check.resolved
    assert report["summary"]["flags_new"] == len(first.check.new) == len(report["flags"])
    assert report["run"]["previous"] is None


@pytest.mark.slow
def test_nightly_second_night_carries_first_night_flags_and_adds_repetitions(nights):
    first, second = nights["results"][:2]
    assert set(first.check.new) <= set(second.check.carried)
    assert not set(second.check.new) & set(first.check.new)
    flags = _by_id(nights["reports"][1])
    repeated = [f for f in flags.values() if f["type"] == "unsupported_repetition" and f["status"] == "new"]
    assert any("Mirgorod" in _quotes(f) for f in repeated)
    assert any("Turnout was the lowest" in _quotes(f) for f in repeated)
    assert nights["reports"][1]["run"]["previous"] is not None


@pytest.mark.slow
def test_nightly_named_source_resolves_an_unsupported_repetition(nights):
    second, third = nights["reports"][1], nights["reports"][2]
    turnout = next(f["id"] for f in second["flags"] if f["type"] == "unsupported_repetition"
                   and "Turnout was the lowest" in _quotes(f))
    assert turnout in nights["results"][2].check.resolved
    entry = _by_id(third)[turnout]
    assert entry["section"] == "resolved" and "Riverside Herald" in entry["outlets"]  # the stored flag data
    assert third["summary"]["flags_resolved"] >= 1


@pytest.mark.slow
def test_nightly_third_night_lists_new_flags_as_new(nights):
    third = nights["results"][2]
    earlier = {f["id"] for r in nights["reports"][:2] for f in r["flags"]}
    assert third.check.new and not set(third.check.new) & earlier
    sections = {f["id"]: f["section"] for f in nights["reports"][2]["flags"]}
    assert all(sections[fid] == "new" for fid in third.check.new)


@pytest.mark.slow
def test_nightly_dismissed_flag_stays_dismissed_while_its_evidence_is_unchanged(nights):
    entry = _by_id(nights["reports"][2])[nights["old"]]
    assert entry["status"] == "carried" and entry["section"] == "dismissed"
    assert entry["review"]["note"] == "same official, two <b>titles</b>"
    html = (nights["results"][2].run_dir / "report.html").read_text()
    dismissed = html[html.index('<details id="dismissed">'):]
    assert f'id="{nights["old"]}"' in dismissed
    assert "same official, two &lt;b&gt;titles&lt;/b&gt;" in dismissed
    new_section = html[html.index('<section id="flags">'):html.index('<details id="dismissed">')]
    assert f'id="{nights["old"]}"' not in new_section


@pytest.mark.slow
def test_nightly_dismissal_lapses_when_the_evidence_changes(nights):
    entry = _by_id(nights["reports"][2])[nights["mirgorod"]]
    assert "Riverside Herald" in entry["outlets"]  # a third outlet repeated the claim tonight
    assert entry["review"] is None and entry["section"] == "carried"
    assert entry["lapsed_review"]["verdict"] == "dismissed"
    with open_store(nights["opts"]) as store:
        assert nights["mirgorod"] not in store.reviews() and nights["old"] in store.reviews()


@pytest.mark.slow
def test_nightly_rerun_skips_seen_articles_and_keeps_dated_copies(nights):
    again = run([nights["paths"][2]], nights["opts"], nights["out"])
    assert (again.ingest.articles_new, again.ingest.embedded) == (0, 0)
    assert again.ingest.articles_duplicate == len(nights["paths"][2].read_text().splitlines()) == 6
    assert not again.check.new and not again.check.resolved
    runs = sorted(p.name for p in (nights["out"] / "runs").iterdir())
    assert len(runs) == 4 and (nights["out"] / "LATEST").read_text().strip() == again.run_id
    flags = pd.read_csv(nights["out"] / "flags.csv")
    assert len(flags) == len(json.loads((nights["out"] / "report.json").read_text())["flags"])
    outlets = pd.read_csv(nights["out"] / "outlets.csv")
    assert {"Baltic Wire", "Riverside Herald"} <= set(outlets["outlet"])
    assert outlets["repetition_share"].between(0, 1).all() and (outlets["repetition_share"] > 0).any()


@pytest.mark.slow
def test_nightly_night_without_new_articles_reports_the_stored_clusters_and_flags(tmp_path):
    opts = Options(store=tmp_path / "store", embedder="hashing")
    sources = [SAMPLE / "articles.jsonl", SAMPLE / "more"]
    first = run(sources, opts, tmp_path / "out")
    quiet = run(sources, opts, tmp_path / "out")  # nothing new: the check compares no story again
    assert quiet.ingest.articles_new == 0 and not quiet.check.clusters
    before, after = (json.loads((r.run_dir / "report.json").read_text()) for r in (first, quiet))
    assert before["summary"]["clusters"] > 0, "the sample corpus has claims carried by several outlets"
    assert after["summary"]["clusters"] == before["summary"]["clusters"]
    assert [c["id"] for c in after["clusters"]] == [c["id"] for c in before["clusters"]]
    assert sorted(_by_id(after)) == sorted(_by_id(before))
    assert {f["section"] for f in after["flags"]} == {"carried"}


@pytest.mark.slow
def test_nightly_report_has_a_timeline_per_story_with_conflicts_marked(nights):
    stories = nights["reports"][2]["stories"]
    assert stories and all(s["timeline"] for s in stories)
    assert any(p["conflict"] for s in stories for p in s["timeline"])
    html = (nights["results"][2].run_dir / "report.html").read_text()
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="timeline"') == len(stories)
    assert "<script" not in html.lower() and " src=" not in html and "stylesheet" not in html  # self-contained


# -- exit codes through the CLI -------------------------------------------------------

GOOD = [{"id": f"g{i}", "outlet": o, "url": f"https://{i}.example/markin", "title": "Battery in place",
         "published": "2026-03-11T08:00:00+00:00",
         "text": f"Defence Minister Ilya Markin told a March {d} press briefing that the first battery had reached "
                 "its position."} for i, (o, d) in enumerate([("Baltic Wire", 10), ("Riga Post", 12)])]


def _cli(tmp_path: Path, rows: list[dict], *extra: str):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(r if isinstance(r, str) else json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    args = ["run", str(src), "--store", str(tmp_path / "store"), "--out", str(tmp_path / "out"),
            "--embedder", "hashing", *extra]
    return CliRunner().invoke(main, args)


@pytest.mark.slow
def test_nightly_cli_exit_0_and_quiet_prints_nothing(tmp_path):
    result = _cli(tmp_path, GOOD, "--quiet")
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and result.stderr == ""
    assert (tmp_path / "out" / "report.html").stat().st_size > 1000


@pytest.mark.slow
def test_nightly_cli_exit_1_lists_each_rejected_record(tmp_path):
    bad = dict(GOOD[0], id="bad", url="https://bad.example/", published="yesterday")
    result = _cli(tmp_path, [*GOOD, bad, "{not json\n"], "--quiet")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert "in.jsonl:3: 'published' is not a date" in lines[0] and "ISO 8601" in lines[0]
    assert "in.jsonl:4:" in lines[1] and "not valid JSON" in lines[1]
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["summary"]["articles_new"] == 2 and len(report["rejected"]) == 2


@pytest.mark.slow
def test_nightly_cli_exit_2_on_failure_leaves_the_store_consistent(tmp_path, monkeypatch):
    import consistency.nightly

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(consistency.nightly, "check", broken)
    result = _cli(tmp_path, GOOD)
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and "disk on fire" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out" / "report.html").exists()
    with open_store(Options(store=tmp_path / "store", embedder="hashing")) as store:
        counts = store.counts()
    assert counts["articles"] == 2 and counts["claims"] == counts["indexed"] > 0
    verbose = _cli(tmp_path, GOOD, "-v")
    assert verbose.exit_code == 2 and "Traceback" in verbose.stderr


def test_nightly_cli_exit_2_when_the_report_folder_is_not_writable(tmp_path):
    (tmp_path / "out").write_text("a file, not a folder")
    result = _cli(tmp_path, GOOD, "--quiet", "--out", str(tmp_path / "out" / "reports"))
    assert result.exit_code == 2 and "cannot write the report" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "store").exists()  # the store was never touched


def test_nightly_cli_exit_2_when_a_source_is_missing(tmp_path):
    result = CliRunner().invoke(main, ["run", str(tmp_path / "nowhere"), "--store", str(tmp_path / "store"),
                                       "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 2 and "nowhere: no such file or folder" in result.stderr
    assert not (tmp_path / "store").exists()


def test_nightly_cli_quiet_and_verbose_together_is_a_usage_error(tmp_path):
    result = _cli(tmp_path, GOOD, "--quiet", "-v")
    assert result.exit_code == 2 and "contradict" in result.stderr


# -- report building blocks -------------------------------------------------------------

def test_nightly_safe_url_links_only_http():
    assert safe_url("https://a.example/x?y=1") == "https://a.example/x?y=1"
    assert safe_url("javascript:alert(1)") is None and safe_url("data:text/html,x") is None
    assert safe_url("https://a.example/x onmouseover=1") is None


def test_nightly_highlight_marks_the_differing_values():
    assert highlight("told a March 10 briefing", ["March 10"]) == [("told a ", False), ("March 10", True),
                                                                   (" briefing", False)]
    assert highlight("no value here", []) == [("no value here", False)]


def test_nightly_timeline_svg_escapes_text_and_drops_vague_references():
    from datetime import date

    pts = [TimePoint("<b>Evil</b> Times", date(2026, 3, 10), date(2026, 3, 10), "“March 10” <script>x</script>", True),
           TimePoint("Riga Post", date(2026, 3, 1), date(2026, 3, 31), "March"),
           TimePoint("Riga Post", date(1990, 1, 1), date(1999, 12, 31), "the 1990s")]
    svg, omitted = timeline_svg(pts, [Publication("Riga Post", date(2026, 3, 11), "a & b")], "t")
    assert omitted == 1
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "&lt;b&gt;Evil&lt;/b&gt; Times" in svg
    assert svg.count('class="mark conflict"') == 1 and svg.count('class="mark"') == 1


def test_nightly_report_gives_each_outlets_stance_toward_a_cluster(nights):
    clusters = nights["reports"][2]["clusters"]
    assert clusters, "the sample corpus has claims carried by several outlets"
    for c in clusters:
        assert {s["claim_id"] for s in c["stances"]} <= set(c["claims"])
        assert {s["outlet"] for s in c["stances"]} <= set(c["outlets"])
        assert all(s["stance"] in ("for", "against", "observing") for s in c["stances"])
    assert "stance:" in (nights["results"][2].run_dir / "report.html").read_text()
    stance_of = {s["claim_id"]: s["stance"] for c in clusters for s in c["stances"]}
    rows = pd.read_csv(nights["results"][2].run_dir / "claims.csv", dtype=str, keep_default_na=False).to_dict("records")
    assert stance_of and {r["claim_id"]: r["stance"] for r in rows if r["claim_id"] in stance_of} == stance_of
    assert all(r["stance"] == "" for r in rows if r["claim_id"] not in stance_of)


@pytest.mark.slow
def test_nightly_report_leaves_out_flags_less_sure_than_asked(tmp_path):
    paths = write_nights(tmp_path)
    opts = Options(store=tmp_path / "store", embedder="hashing")
    everything = run(paths, opts, tmp_path / "all")
    confidences = sorted({f.confidence for f in everything.check.flags})
    assert len(confidences) >= 2
    cut = confidences[len(confidences) // 2]
    sure = run(paths, opts.with_(min_confidence=cut), tmp_path / "sure")
    report = json.loads((sure.run_dir / "report.json").read_text())
    kept = {f.id for f in everything.check.flags if f.confidence >= cut}
    assert {f["id"] for f in report["flags"]} == kept
    assert report["summary"]["flags_hidden"] == len(everything.check.flags) - len(kept) > 0
    assert report["summary"]["flags_resolved"] == 0  # a flag left out is still open, not resolved
    assert "less sure than confidence" in (sure.run_dir / "report.html").read_text()


@pytest.mark.slow
def test_nightly_report_takes_the_clusters_the_check_built_as_the_store_gives_them(nights):
    from dataclasses import replace

    from consistency.report.build import stored_clusters

    checked = nights["results"][2].check
    with open_store(nights["opts"], readonly=True) as store:
        meta = store.article_meta()
        stories = {m["story_id"] for m in meta.values() if m["story_id"]}
        assert checked.compared and set(checked.compared) <= stories
        assert stored_clusters(store, meta, checked) == stored_clusters(store, meta)
        some = checked.compared[:2]  # as a night that compared some of the stories shown: the rest are built
        part = replace(checked, compared=some, clusters=[c for c in checked.clusters if c["story_id"] in some])
        assert stored_clusters(store, meta, part) == stored_clusters(store, meta)
