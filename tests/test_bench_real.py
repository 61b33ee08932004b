"""The real-coverage scorer: the matching rule, the parts, must-not-flag hits and story B-cubed."""

from __future__ import annotations

from consistency.records import Evidence, Flag

from bench.realcoverage import b_cubed, event_part, matches, score, shares_half, tune_fold


def _flag(type_: str, texts: dict[str, str], fid: str = "f1") -> Flag:
    evidence = tuple(Evidence(claim_id=f"c-{a}", article_id=a, outlet=a.split("_")[0], published="2020-01-01",
                              text=t, start=0, end=len(t)) for a, t in texts.items())
    return Flag(id=fid, type=type_, claims=tuple(e.claim_id for e in evidence), articles=tuple(texts),
                outlets=tuple(e.outlet for e in evidence), evidence=evidence)


GOLD = {"event": "e1", "type": "number", "articles": ["a_1", "b_1", "c_1"], "worth_note": True,
        "quotes": {"a_1": "The council said 40 homes were flooded on Friday.",
                   "b_1": "Officials counted 45 flooded homes in the valley.",
                   "c_1": "Forty homes flooded, the council said."},
        "values": {"a_1": "40", "b_1": "45", "c_1": "40"}, "note": "homes flooded"}


def test_bench_real_shares_half_counts_words_of_the_shorter_text():
    assert shares_half("45 flooded homes", "Officials counted 45 flooded homes in the valley.")
    assert not shares_half("the river rose", "Officials counted 45 flooded homes in the valley.")
    assert not shares_half("", "anything")


def test_bench_real_match_needs_two_articles_inside_and_two_evidence_hits():
    good = _flag("number", {"a_1": "said 40 homes were flooded", "b_1": "counted 45 flooded homes"})
    assert matches(good, GOLD, same_type=True)
    wrong_type = _flag("timeline", {"a_1": "said 40 homes were flooded", "b_1": "counted 45 flooded homes"})
    assert not matches(wrong_type, GOLD, same_type=True)
    assert matches(wrong_type, GOLD, same_type=False)
    one_hit = _flag("number", {"a_1": "said 40 homes were flooded", "b_1": "the mayor visited on Sunday"})
    assert not matches(one_hit, GOLD, same_type=True)
    # more than half of the flag's articles lie outside the item
    spread = _flag("number", {"a_1": "said 40 homes were flooded", "b_1": "counted 45 flooded homes",
                              "x_1": "one", "y_1": "two", "z_1": "three"})
    assert not matches(spread, GOLD, same_type=True)


def test_bench_real_a_name_variant_is_cited_by_any_sentence_writing_its_spelling():
    item = {"event": "e1", "type": "name_variant", "articles": ["a_1", "b_1"], "worth_note": True,
            "quotes": {"a_1": "the funeral of Maribel Quance was held", "b_1": "Maribel Quants, 40, died"},
            "values": {"a_1": "Maribel Quance", "b_1": "Maribel Quants"}, "note": "surname spelled two ways"}
    other_sentences = {"a_1": "Maribel Quance had moved to the valley in May.",
                       "b_1": "Neighbours said Maribel Quants loved the river."}
    assert matches(_flag("name_variant", other_sentences), item, same_type=True)
    # a number is still cited by its quoted sentence only
    as_number = dict(item, type="number", values={"a_1": "Maribel Quance", "b_1": "Maribel Quants"})
    assert not matches(_flag("number", other_sentences), as_number, same_type=True)
    unrelated = {"a_1": "Maribel Quance had moved to the valley in May.", "b_1": "The river rose again."}
    assert not matches(_flag("name_variant", unrelated), item, same_type=True)


def test_bench_real_score_counts_precision_recall_and_must_not_hits():
    must_not = {"event": "e1", "type": "must_not_flag", "articles": ["a_1", "b_1"], "worth_note": False,
                "quotes": {"a_1": "Shares closed at 12 dollars.", "b_1": "The offer was 15 dollars a share."}}
    article_event = {"a_1": "e1", "b_1": "e1", "c_1": "e1", "a_2": "e2", "b_2": "e2"}
    flags = [_flag("number", {"a_1": "said 40 homes were flooded", "b_1": "counted 45 flooded homes"}, "good"),
             _flag("number", {"a_1": "Shares closed at 12 dollars", "b_1": "The offer was 15 dollars a share"}, "bad"),
             _flag("timeline", {"a_2": "on Monday", "b_2": "on Tuesday"}, "other")]
    stories = {"a_1": "s1", "b_1": "s1", "c_1": "s2", "a_2": "s3", "b_2": "s3"}
    result = score(flags, [GOLD, must_not], article_event, stories)
    f = result.figures
    assert f["flags"] == 3 and f["precision"] == round(1 / 3, 4)
    assert f["worth_note_recall"] == 1.0 and f["worth_note_recall_core"] == 1.0
    assert f["must_not_flag_hits"] == 1
    assert f["per_type"]["number"]["matched"] == 1 and f["per_type"]["timeline"]["predicted"] == 1
    assert {x.id for x in result.unmatched_flags} == {"bad", "other"}
    only_e2 = score(flags, [GOLD, must_not], article_event, stories, events=["e2"]).figures
    assert only_e2["flags"] == 1 and only_e2["worth_note"] == 0 and only_e2["precision"] == 0.0


def test_bench_real_b_cubed_is_perfect_for_equal_clusterings_and_drops_when_merged():
    gold = {"a": "x", "b": "x", "c": "y", "d": "y"}
    assert b_cubed({"a": 1, "b": 1, "c": 2, "d": 2}, gold)["f1"] == 1.0
    merged = b_cubed({"a": 1, "b": 1, "c": 1, "d": 1}, gold)
    assert merged["recall"] == 1.0 and merged["precision"] == 0.5


def test_bench_real_event_part_is_a_stable_split():
    parts = [event_part(f"event-{i}") for i in range(200)]
    assert parts == [event_part(f"event-{i}") for i in range(200)]
    assert 70 < parts.count("tune") < 130


def test_bench_real_tune_fold_splits_the_tuning_half_apart_from_the_part_split():
    events = [f"event-{i}" for i in range(200)]
    tune = [e for e in events if event_part(e) == "tune"]
    folds = {k: [e for e in tune if tune_fold(e) == k] for k in "ab"}
    assert all(len(v) > len(tune) // 4 for v in folds.values())  # neither fold is a sliver


def test_bench_real_tune_only_scores_no_held_event():
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("bench_real", Path(__file__).parents[1] / "scripts" / "bench_real.py")
    bench_real = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_real)
    events = [f"event-{i}" for i in range(40)]
    tune = {e for e in events if event_part(e) == "tune"}
    assert tune and tune != set(events)  # both halves are present
    everything = bench_real.scored_parts(events, folds=False)
    assert set(everything) == {"tune", "held", "all"}
    only = bench_real.scored_parts(events, folds=False, tune_only=True)
    assert set(only) == {"tune", "tune-a", "tune-b"}
    assert all(set(evs) <= tune for evs in only.values())
    assert set(only["tune-a"]) | set(only["tune-b"]) == tune
    assert bench_real.story_parts(tune_only=True) == ("tune",)  # --stories-only keeps the held half unseen too
    assert "held" in bench_real.story_parts()


def test_bench_bar_options_override_only_the_bars_given():
    import argparse

    from bench.bars import add_bar_arguments, bar_overrides
    from consistency import Options

    ap = argparse.ArgumentParser()
    add_bar_arguments(ap)
    assert bar_overrides(ap.parse_args([])) == {}  # the defaults stay Options' own
    given = bar_overrides(ap.parse_args(["--happening-bar", "0.5", "--figure-bar", "off"]))
    assert given == {"happening_bar": 0.5, "figure_bar": None}
    opts = Options(store=".x", **given)
    assert (opts.happening_bar, opts.figure_bar) == (0.5, None)  # "off" turns a bar off, as None does
    assert bar_overrides(ap.parse_args(["--figure-bar", "0.75"])) == {"figure_bar": 0.75}


def test_bench_real_sets_pool_counts_before_dividing():
    from scripts.bench_real_sets import counts, rates

    article_event = {"a_1": "e1", "b_1": "e1", "c_1": "e1"}
    flags = [_flag("number", {"a_1": "said 40 homes were flooded", "b_1": "counted 45 flooded homes"}, "good"),
             _flag("number", {"a_1": "Shares closed at 12 dollars", "b_1": "The offer was 15 dollars a share"}, "bad")]
    one = counts(score(flags, [GOLD], article_event, {}).figures)
    assert (one["predicted"], one["matched"], one["worth_note"], one["worth_note_found"]) == (2, 1, 1, 1)
    # a small folder with every flag right and a large one with a quarter right pool to the share of all flags
    small = dict(predicted=1, matched=1, worth_note=2, worth_note_found=1, must_not_flag_hits=0, articles=10)
    large = dict(predicted=8, matched=2, worth_note=8, worth_note_found=1, must_not_flag_hits=1, articles=40)
    pooled = {k: small[k] + large[k] for k in small}
    assert rates(pooled) == {"precision": round(3 / 9, 4), "worth_note_recall": 0.2,
                             "must_not_flag_per_100_articles": 2.0}
    assert rates(dict(pooled, predicted=0, worth_note=0))["precision"] is None
