"""A night's check recomputes only the stories its articles touch, and equals a full check."""

import json
import shutil
from pathlib import Path

import pytest

from bench.synthetic_news import synthetic
from consistency import Options, check, ingest
from consistency.pipeline import forget_stories, open_store
from consistency.store.encoding import flag_to_dict

from tally_recount import assert_tallies_match_recount
from test_nightly import write_nights


def _open_flags(opts: Options) -> dict[str, dict]:
    with open_store(opts) as store:
        return {f.id: flag_to_dict(f) for f in store.flags("open")}


def _jsonl(rows: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _ids(path: Path) -> list[str]:
    from consistency.ingest.readers import read_paths

    return [a.id for a in read_paths([path]).articles]


def _nights(tmp: Path) -> list[list[Path]]:
    """The sample corpus by publication day, each night joined by a draw of generated stories."""
    drawn = synthetic(90, seed=3)
    sample = write_nights(tmp)
    return [[p, _jsonl(drawn[30 * i:30 * (i + 1)], tmp / f"drawn{i}.jsonl")] for i, p in enumerate(sample)]


@pytest.mark.slow
def test_incremental_three_nights_equal_a_full_check(tmp_path):
    opts = Options(store=tmp_path / "store", embedder="hashing")
    touched_stories = []
    for night, paths in enumerate(_nights(tmp_path)):
        ingest(paths, opts)
        with open_store(opts) as store:
            stories_before = store.db.execute("SELECT count(DISTINCT story_id) FROM articles").fetchone()[0]
        result = check(opts)
        with open_store(opts) as store:
            assert store.dirty_stories() == []
            touched_stories.append(len(result.clusters))
            assert_tallies_match_recount(store)  # the counts kept night by night equal a recount
        full = Options(store=tmp_path / f"full{night}", embedder="hashing")
        shutil.copytree(opts.store, full.store)
        full_result = check(full, full=True)
        incremental = _open_flags(opts)
        assert incremental == _open_flags(full)
        assert {f.id for f in result.flags} == set(incremental) == {f.id for f in full_result.flags}
        assert len(incremental) > 0
        if night:
            assert stories_before > 0  # later nights add to a store that already has stories
    assert all(n > 0 for n in touched_stories)


@pytest.mark.slow
def test_incremental_night_reads_neither_every_pair_nor_quiet_ones(tmp_path, monkeypatch):
    opts = Options(store=tmp_path / "store", embedder="hashing")
    nights = _nights(tmp_path)
    for paths in nights[:2]:
        ingest(paths, opts)
        check(opts)
    ingest(nights[2], opts)
    from consistency.store.database import Store

    asked: list[int] = []
    real = Store.pairs_touching

    def spy(self, rowids, **kwargs):
        found = real(self, rowids, **kwargs)
        asked.append(len(found))
        return found

    from consistency.compare import outcomes

    compared: list[tuple[str, str]] = []
    real_outcome = outcomes.pair_outcome

    def counted(a, b, score, resolver):
        compared.append((a.id, b.id))
        return real_outcome(a, b, score, resolver)

    monkeypatch.setattr(Store, "pairs_touching", spy)
    monkeypatch.setattr(Store, "pairs", lambda self: pytest.fail("an incremental check read every pair"))
    monkeypatch.setattr(outcomes, "pair_outcome", counted)
    check(opts)
    with open_store(opts) as store:
        total = store.db.execute("SELECT count(*) FROM pairs").fetchone()[0]
        new = {c.id for c in store.claims(article_ids=[a for p in nights[2] for a in _ids(p)]).values()}
    assert asked and 0 < asked[0] < total  # quiet pairs of earlier nights are not read again
    # loud pairs of two claims compared on earlier nights are read back, not compared again
    assert compared and len(compared) < asked[0]
    assert all(a in new or b in new for a, b in compared)


@pytest.mark.slow
def test_incremental_report_lists_tonight_and_counts_every_open_flag(tmp_path, monkeypatch):
    from dataclasses import replace

    from consistency.nightly import run
    from consistency.pipeline import embedder_for
    from consistency.report import build
    from consistency.report.build import RunInfo, build_report

    monkeypatch.setattr(build, "WHOLE_REPORT_ARTICLES", 0)  # report as a large store is reported

    opts = Options(store=tmp_path / "store", embedder="hashing")
    for paths in _nights(tmp_path):
        result = run(paths, opts, tmp_path / "out")
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    with open_store(opts) as store:
        tonight = {m["story_id"] for m in store.article_meta_of(result.ingest.article_ids).values()}
        every = [f for f in store.flags("open") if f.confidence >= result.check.min_confidence]
        info = RunInfo(run_id=report["run"]["id"], check_run=report["run"]["check_run"], started="")
        whole = build_report(store, replace(result.check, flags=every), result.ingest, info, embedder_for(opts))
        monkeypatch.setattr(build, "WHOLE_REPORT_ARTICLES", 10**9)
        small = build_report(store, result.check, result.ingest, info, embedder_for(opts))
    carried = [f for f in report["flags"] if f["section"] == "carried"]
    assert carried and all(f["story_id"] in tonight for f in carried)
    assert report["summary"]["flags_carried_unlisted"] > 0  # older stories' flags are counted, not listed
    assert report["summary"]["flags_open"] == len(every)
    assert report["summary"]["flags_carried"] == len([f for f in every if f.id not in set(result.check.new)])
    assert len(whole["flags"]) > len(report["flags"])
    assert whole["summary"]["flags_carried_unlisted"] == 0
    listing = ("flags_carried_unlisted", "clusters")  # these count what is listed: the clusters of the stories shown
    counted = {k: v for k, v in report["summary"].items() if k not in listing}
    assert counted == {k: v for k, v in whole["summary"].items() if k not in listing}
    assert report["flags_by_type"] == whole["flags_by_type"]
    assert report["outlets"] == whole["outlets"]
    assert sorted(f["id"] for f in small["flags"]) == sorted(f["id"] for f in whole["flags"])  # a small store: all


@pytest.mark.slow
def test_incremental_outcomes_kept_at_once_give_the_flags_of_a_full_check(tmp_path):
    from consistency.pipeline import keep_pair_outcomes

    opts = Options(store=tmp_path / "store", embedder="hashing")
    nights = _nights(tmp_path)
    for paths in nights[:2]:
        ingest(paths, opts)
        check(opts)
    with open_store(opts) as store:
        store.db.execute("UPDATE pairs SET outcome = NULL")  # as a store from before outcomes were kept
    assert keep_pair_outcomes(opts) > 0
    assert keep_pair_outcomes(opts) == 0  # all kept: nothing left to compare
    ingest(nights[2], opts)
    check(opts)
    full = Options(store=tmp_path / "full", embedder="hashing")
    shutil.copytree(opts.store, full.store)
    check(full, full=True)
    assert _open_flags(opts) == _open_flags(full)


@pytest.mark.slow
def test_incremental_forgotten_stories_come_back_the_same(tmp_path):
    opts = Options(store=tmp_path / "store", embedder="hashing")
    ingest([_jsonl(synthetic(12, seed=5), tmp_path / "drawn.jsonl")], opts)
    first = {f.id for f in check(opts).flags}
    with open_store(opts) as store:
        stories = store.article_stories()
    forget_stories(opts)
    with open_store(opts) as store:
        assert store.article_stories() == {} and store.unchecked_rowids() and not store.pairs()
    again = {f.id for f in check(opts, full=True).flags}
    with open_store(opts) as store:
        assert store.article_stories() == stories  # story ids come from their first article
    assert again == first and first
